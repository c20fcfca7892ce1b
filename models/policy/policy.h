#pragma once
// The workspace's release policy, .release-cockpit/policy.yml: who may do what, what each release
// type requires, where it is deployed and how it is soaked, gated and rolled back.
// Every key of PRODUCT.md's policy sketch is represented; later features add behaviour, not keys.
#include "error.h"
#include "recurrence.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>

namespace cockpit {

struct ApprovalRequirement {
    QString role;
    int count = 1;
    QString condition;  // e.g. "changelog has Security"; empty = always
};

struct ReleaseTypePolicy {
    QString name;  // major, minor, patch, hotfix, ...
    QList<ApprovalRequirement> approvals;
    std::chrono::seconds rollbackWindow {0};
    QStringList checklists;  // template names under .release-cockpit/checklists/ without ".md"
    QString cadence;  // free text from the seed ("Bi-weekly")
    QString description;
    QStringList requirements;  // free-text preconditions ("RFC document", "Post-mortem required")
    std::chrono::seconds notice {0};  // announced this long before the release (0 = none)
    bool canary = false;  // production goes through Policy::canary's phases
};

// An HTTP request a probe makes besides the health paths: negative checks (a forged webhook
// signature must be refused) and cookie flags on a session endpoint.
struct HttpCheckPolicy {
    QString name;
    QString method = QStringLiteral("GET");
    QString path;
    QMap<QString, QString> headers;
    QString body;
    QList<int> expectStatus;  // any of these passes; empty = any status
    QStringList cookieFlags;  // Set-Cookie must carry each (HttpOnly, Secure)
    QStringList sameSite;  // SameSite must be one of these (Lax, Strict); empty = not checked
    bool expectNoCookie = false;  // expect_no_cookie: the answer must set no cookie (failed login)
};

struct EnvironmentPolicy {
    QString name;
    QString baseUrl;
    QStringList health;
    QString versionPath;
    QString versionPointer;
    QMap<QString, QString> headers;
    QString caFile;
    QString description;
    QList<HttpCheckPolicy> requests;
    QList<ApprovalRequirement> approvals;  // needed before deploying here (manual production approval)
    std::chrono::seconds promoteAfter {0};  // minimum time since the previous environment's deployment
    // How long `release deployed` waits for the environment's version endpoint to report the
    // release (a rollout still going on) before it refuses, naming expected and actual.
    std::chrono::seconds verifyTimeout {300};
};

struct SoakCheckPolicy {
    QString name;
    QString query;
    std::optional<double> max;
    std::optional<double> min;
    std::optional<std::chrono::seconds> baselineWindow;
    std::optional<double> baselineMaxRatio;
    std::optional<double> baselineMaxIncrease;  // absolute: value - baseline <= this
    std::optional<double> baselineMaxIncreasePercent;  // relative: value <= baseline * (1 + this/100)
    QString baselineQuery;  // the baseline's own query; empty = this check's query
    std::chrono::seconds interval {0};
    std::optional<int> count;
    std::optional<std::chrono::seconds> duration;
    int failureLimit = 0;
    int consecutiveErrorLimit = 4;
    QString onNoData = QStringLiteral("inconclusive");  // or "fail"
    QString unit;  // shown on chart value axes and limits: "%", "s", "ms", "req/s"; empty: none
};

struct TriggerPolicy {
    QString name;
    QString query;
    std::optional<double> max;
    std::optional<double> min;
    std::chrono::seconds forDuration {0};
    QString severity;
    std::optional<std::chrono::seconds> baselineWindow;  // "latency > 2x baseline"
    std::optional<double> baselineMaxRatio;
    std::optional<double> baselineMaxIncrease;
    std::optional<double> baselineMaxIncreasePercent;
    QString baselineQuery;
    QString probe;  // environment whose probe failing is the condition
    bool manual = false;  // declared by a person ("Data corruption detected"), never by a query
    QString action;  // "Immediate rollback", "Rollback within 1h"
    // automatic: true (issue 15 item 3b): a rollback trigger (isRollbackAction) that starts the
    // rollback plan by itself when it fires, running the steps that need no person.
    bool automatic = false;
};

// Whether a trigger's action asks for a rollback: it contains "rollback" or "roll back"
// (case-insensitive), as the presets' "Rollback", "Immediate rollback", "Automatic rollback".
[[nodiscard]] bool isRollbackAction(const QString &action);

struct GatePolicy {
    QString name;
    QStringList run;  // argv
    QString probe;  // environment name
    QString soak;  // environment name
    QString check;  // named check
    QString shell;  // explicit shell command line (pipes, environment variables)
    QString manual;  // a person confirms this
    QString condition;  // runs only when it applies ("prompt/model changes"); empty = always
    QString description;
    QString role;  // manual gates: only people of this role may confirm; empty = anyone
    std::chrono::seconds timeout {0};  // 0 = the runner's default

    // run, shell, probe, soak, check or manual: the one kind the loader let through.
    [[nodiscard]] QString kind() const;
};

struct RollbackStepPolicy {
    QString name;
    QStringList run;  // argv, placeholders substituted per argument
    QString shell;  // explicit shell command (placeholders quoted)
    QString probe;
    QString manual;
    QString httpMethod;
    QString httpUrl;
    std::chrono::seconds timeout {0};
    QMap<QString, QString> httpHeaders;
    QString httpBody;
    QString condition;  // "schema changed": the operator confirms whether it applies
};

// A message the cockpit drafts at a moment of the release (placeholders like {version}).
struct NotificationPolicy {
    QString name;
    QString event;  // deployed, rolled_back, code_freeze, announce, ...
    std::chrono::seconds before {0};  // for events relative to the target date ("7 days before")
    QString channel;  // "#engineering", "email: stakeholders"
    QString subject;
    QString body;
};

// A release train (module, platform, product) with its own cadence and tag format.
struct TrainPolicy {
    QString name;
    QString cadence;
    QString day;
    QString contains;
    QString tagFormat;  // e.g. "{component}/v{version}"; empty = Policy::tagFormat
};

struct CalendarEntryPolicy {
    QDate date;
    QString event;
    QString train;  // a TrainPolicy name, or empty
    QString version;
};

struct CanaryPhasePolicy {
    QString name;
    int trafficPercent = 0;
    std::optional<std::chrono::seconds> duration;  // none = until promoted by hand
    QList<SoakCheckPolicy> checks;
    QList<TriggerPolicy> triggers;
};

struct CanaryPolicy {
    QString environment;
    QStringList releaseTypes;  // types whose production deployment is a canary
    QList<CanaryPhasePolicy> phases;
    std::chrono::seconds cleanupAfter {0};  // old version removed this long after 100%
    // set_traffic: argv run at each phase ({percent}, {version}, {phase}, {env}), no shell; empty:
    // a person sets the traffic and the cockpit only records it.
    QStringList setTraffic;
    std::chrono::seconds setTrafficTimeout {120};
    // rollback: staged steps traffic back through every earlier phase's share (100 > 50 > 10 > 0)
    // before the plan's steps; immediate (default) sets it to 0% at once.
    bool stagedRollback = false;
};

// A time when nothing deploys: recurring (rrule + duration, in timezone) or dated (start..end).
struct FreezeWindowPolicy {
    QString name;
    std::optional<RecurrenceRule> rule;  // recurring: each occurrence starts here ...
    std::chrono::seconds duration {0};  // ... and lasts this long
    QString timezone;  // IANA name the rule's hours are in; empty = UTC
    QDateTime start;  // dated: UTC, inclusive
    QDateTime end;  // dated: UTC, exclusive
    QStringList exempt;  // release types that deploy through it (hotfix), the exemption recorded
    QString reason;  // "weekend", "holiday freeze": shown with the blocker
};

// DORA-style targets the release metrics are reported against; unset = not reported.
struct MetricsPolicy {
    std::optional<std::chrono::seconds> leadTime;  // commit to deploy
    std::optional<std::chrono::seconds> featureLeadTime;  // feature to production
    std::optional<double> changeFailureRate;  // percent, maximum
    std::optional<std::chrono::seconds> mttr;
    QMap<QString, QString> deploymentFrequency;  // release type -> target ("daily")
    std::optional<double> deploymentSuccessRate;  // percent, minimum
    std::optional<double> rollbackRate;  // percent, maximum
};

// Sign-offs signed with SSH keys (`ssh-keygen -Y sign`), verified against an allowed-signers file.
struct SignoffPolicy {
    QString allowedSigners;  // path relative to the workspace root; empty = signatures not verified
    QString sshSigning = QStringLiteral("optional");  // or "required": unsigned sign-offs do not count
};

struct Policy {
    QString sourcePath;  // for error locations
    QString project;
    QString tagFormat = QStringLiteral("v{version}");
    QString changelogPath = QStringLiteral("CHANGELOG.md");
    QStringList changelogExtraSections;
    QStringList changelogExemptTypes;
    QMap<QString, QStringList> roles;  // role -> person ids
    bool singleOperator = false;
    QList<ReleaseTypePolicy> releaseTypes;
    QString hotfixBranchPattern;  // a branch matching this makes the release a hotfix
    QList<EnvironmentPolicy> environments;  // in the order policy.yml lists them
    // promotion: [dev, staging, prod]: the order a release goes through; empty = environments' order.
    QStringList promotion;
    QString prometheusUrl;
    QString prometheusAuthSecret;
    std::chrono::seconds soakDuration {0};
    // Freshness of soak measurements (issue 18): prometheus.scrape_interval (default 15 s),
    // soak.max_sample_age (default two scrape intervals, capped at each check's interval) and
    // soak.freshness_query (default "max(timestamp(up))"; "" turns the freshness check off).
    std::chrono::seconds prometheusScrapeInterval {15};
    std::optional<std::chrono::seconds> soakMaxSampleAge;
    std::optional<QString> soakFreshnessQuery;
    // soak.refresh (issue 18): how often a live soak's lines are re-read; default 5 s, at most 15 s.
    std::chrono::seconds soakRefresh {5};
    // soak.probe_interval (issue 15): how often a live soak probes the environments its probe
    // triggers name; default 30 s, from 1 s to 1 h.
    std::chrono::seconds soakProbeInterval {30};
    QList<SoakCheckPolicy> soakChecks;
    QList<TriggerPolicy> triggers;
    QList<GatePolicy> gates;
    QString rollbackTarget;
    QList<RollbackStepPolicy> rollbackSteps;

    // Added keys (see docs/policy.md).
    QMap<QString, QString> roleDescriptions;
    QString changelogFormat = QStringLiteral("keep-a-changelog");
    QStringList prereleaseLabels;  // rc, alpha, beta: accepted pre-release identifiers
    std::chrono::seconds codeFreeze {0};  // freeze starts this long before the target date
    // Conventional Commit types that may land after the freeze without anyone accepting them.
    QStringList codeFreezeAllows {QStringLiteral("fix"), QStringLiteral("docs"), QStringLiteral("test")};
    // Roles whose members may override the lifecycle's blockers (break-glass, with a reason).
    QStringList overrideRoles {QStringLiteral("release_manager")};
    // Checklist phases closed before approval; empty: "pre*", "approval*", pipeline, quality-gates.
    QStringList beforeDeployment;
    QStringList releaseNotesSections;
    QList<TrainPolicy> trains;
    QList<CalendarEntryPolicy> calendar;
    QList<NotificationPolicy> notifications;
    std::optional<CanaryPolicy> canary;
    QList<FreezeWindowPolicy> freezeWindows;  // freeze_windows
    // release deployed: how long a probed environment may take to report the deployed version.
    std::chrono::seconds verifyTimeout {300};
    MetricsPolicy metrics;
    bool rollbackTwoPerson = false;  // a second person confirms before the steps run
    QString rollbackChecklist;  // checklist template instantiated after a rollback
    QString revertedTagFormat;  // "v{version}-reverted": tag marking a rolled-back release
    bool evidenceManifest = true;
    bool evidenceChecksums = true;
    QStringList evidenceInclude;  // extra workspace files for the evidence pack
    // evidence.migrations: directory (relative to the root) whose files added since the previous
    // release tag are the manifest's migrations_applied; empty = none listed.
    QString evidenceMigrations;
    // tag_message: template of annotated release tags ({tag} {version} {project} {changelog}
    // {highlights} {promoted_from}, see models/tag_message.h); empty = defaultTagMessageTemplate().
    QString tagMessage;
    // tags.signing: off (tags are never signed), optional (signed when asked), required (every tag
    // the cockpit makes is signed, and Verify Tag fails an unsigned one or one from a signer the
    // repository does not allow).
    QString tagSigning = QStringLiteral("optional");
    SignoffPolicy signoff;
    // Where each key path ("release_types.minor.checklists[0]") was read, for later errors.
    QHash<QString, SourceLocation> locations;

    [[nodiscard]] const ReleaseTypePolicy *releaseType(const QString &name) const;
    [[nodiscard]] QString tagFor(const QString &version) const;  // tag_format with {version}
    [[nodiscard]] const EnvironmentPolicy *environment(const QString &name) const;
    // The environments a release is promoted through, in order (promotion, else environments).
    [[nodiscard]] QStringList promotionOrder() const;
    [[nodiscard]] SourceLocation locationOf(const QString &keyPath) const;  // file only if unknown
};

}  // namespace cockpit
