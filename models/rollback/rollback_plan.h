#pragma once
// Planning a rollback from the policy, without running anything: which release to go back to
// (last known good, else the previous GA tag) and every step with its placeholders resolved.
// Placeholders are substituted inside each argv element on its own, never by joining a command
// line; a `shell:` step's line is kept verbatim and gets the values as RELEASE_* environment
// variables (shell_variables.h), so no version, tag or reason is ever shell text.
#include "error.h"
#include "policy.h"
#include "rollback.h"

#include <QList>
#include <QMap>
#include <QString>

namespace cockpit {

// An earlier release as the store knows it, for choosing the last known good one.
struct RollbackCandidate {
    QString version;
    QString commit;
    bool soakPassed = false;  // a stored soak verdict passed
    bool released = false;  // the release reached Released
};

// A release tag of the repository (name, version under the tag format, commit it points at).
struct RollbackTagCandidate {
    QString name;
    QString version;
    QString commit;
};

struct RollbackTarget {
    QString version;
    QString tag;
    QString commit;
    QString source;  // "last_known_good" or "previous_tag"
};

// What a plan is built from besides the policy.
struct RollbackPlanInput {
    QString version;  // the release rolled back
    QString environment;  // where it was last deployed
    QString commit;  // the release's commit ({commit})
    QString reason;
    QString trigger;
    RollbackTarget target;
    // The canary's share of traffic when a canary is under way in the environment: the plan first
    // sets it back (through the earlier phases' shares with canary.rollback: staged) to 0%.
    std::optional<int> canaryPercent;
};

// The target under policy.rollbackTarget ("last_known_good" falls back to the previous tag;
// "previous_tag" uses the tags alone). Pre-releases are never targets; only versions earlier than
// version by SemVer precedence are. Refused when there is none.
Result<RollbackTarget> resolveRollbackTarget(const Policy &policy, const QString &version,
    const QList<RollbackCandidate> &releases, const QList<RollbackTagCandidate> &tags);

// {component}: "billing" for a "billing/v1.2.0"-style version or tag, else the policy's project.
QString rollbackComponent(const QString &version, const QString &tag, const QString &project);

// Every placeholder's value for the plan (version, rollback_tag, rollback_version, rollback_sha,
// env, project, reason, trigger, commit, tag, component).
QMap<QString, QString> rollbackPlaceholders(const Policy &policy, const RollbackPlanInput &input);

// One word for POSIX sh: 'text' with every ' written as '\''. Never empty ('' for "").
// For showing a command line to a person; never used to build one that runs.
QString shellQuote(const QString &text);

// How a substituted value is written into its place.
enum class PlaceholderQuoting { Raw, Url, Json, HeaderValue };

// text with every {name} replaced by values[name], quoted as asked. A {name} that is not a
// placeholder is BadInput naming the step and where; "{{" and "}}" are a literal brace. Never for
// shell text: a shell line gets its values from the environment. what names the kind of step in
// the errors ("rollback step", "gate").
Result<QString> substitutePlaceholders(const QString &text, const QMap<QString, QString> &values,
    PlaceholderQuoting quoting, const QString &stepName, const SourceLocation &where,
    const QString &what = QStringLiteral("rollback step"));

// Step output made safe to show and store: URL credentials (scheme://user:pass@), Authorization
// headers, and password/token/secret/api_key assignments lose their values.
QString redactSecrets(const QString &text);

// The plan: the canary's traffic back to 0% first (input.canaryPercent), then every step of
// policy.rollbackSteps resolved in order.
Result<RollbackPlan> buildRollbackPlan(const Policy &policy, const RollbackPlanInput &input);

}  // namespace cockpit
