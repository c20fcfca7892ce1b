#pragma once
// May the release take its next step, and if not, why not: one pure computation from facts the
// session gathers (store, policy, git, the clock). The header, the "Why blocked?" panel and
// `release status` all print this; nothing else decides.
#include "approval.h"
#include "checklist.h"
#include "freeze_commits.h"
#include "gate_result.h"
#include "release.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <chrono>

namespace cockpit {

// One reason the next step cannot be taken, and what clears it.
struct Blocker {
    QString kind;  // state, freeze, commit, checklist, approval, gate, soak, deployment
    QString what;  // one sentence: "pre-release.3 failed: Backups verified"
    QString clearsWhen;  // "tick or mark N/A with a reason", "platform_lead approves"
    QDateTime earliest;  // when time is the blocker: the earliest it can clear (UTC); else invalid
    QString target;  // where it is cleared: "item:pre-release.3", "signoffs", "gate:Unit tests", "soak:staging"
};

// A policy gate as readiness needs it.
struct GateFact {
    QString name;
    QString kind;  // run, shell, probe, soak, check, manual, condition
    QString environment;  // probe/soak gates: they hold the deploy past that environment, not approval
};

// An environment in promotion order, with its deployment and soak as stored.
struct EnvironmentFact {
    QString name;
    bool hasSoakChecks = false;
    QDateTime deployedAt;  // invalid: this release never went there
    QString deployedCommit;
    QString soakVerdict;  // "pass", "fail", "inconclusive", "running", or empty (none recorded)
    QDateTime soakStart;  // the stored soak's window start
    std::chrono::seconds promoteAfter {0};  // policy promote_after: time since the previous environment's deploy
    QStringList approvalBlockers;  // the environment's own approvals (policy approvals) not fresh, one sentence each
    QString runningVersion;  // the release the cockpit last deployed here (any release); empty: none recorded
};

// A break-glass override as the audit log keeps it ("release.override").
struct OverrideFact {
    QDateTime at;
    QString actor;
    QString move;  // "frozen -> released", "deploy to production"
    QString reason;
    int blockersOverridden = 0;
};

struct ReadinessFacts {
    ReleaseRecord release;
    QString commit;  // what the release ships now: the pinned commit, or the branch head
    Checklist checklist;
    QStringList beforeDeployment;  // phases that must be closed before approval
    std::optional<ApprovalState> approvals;  // none: could not be evaluated (approvalsError says why)
    QString approvalsError;
    QList<GateFact> gates;  // policy order
    QList<GateResult> gateResults;  // latest per gate
    QList<EnvironmentFact> environments;  // promotion order
    std::chrono::seconds soakDuration {0};
    QDateTime freezeStarts;  // invalid: the policy has no code freeze or the release no target date
    QList<FreezeCommit> afterFreeze;  // commits after the frozen commit up to `commit`, judged
    QString afterFreezeError;  // non-empty: they could not be read (git); that blocks approval
    QList<OverrideFact> overrides;  // oldest first
    // What holds every deploy now, whatever the release: stop-the-line, freeze windows (kind "hold").
    QList<Blocker> holds;
    QStringList holdExemptions;  // freeze windows in force this release's type is exempt from
    // A release whose type goes through a canary is not released before its canary completed:
    // the blocker (kind "canary") naming where the canary stands; none when it completed or the
    // type has no canary.
    std::optional<Blocker> canary;
    QDateTime now;
};

struct EnvironmentReadiness {
    QString name;
    bool deployed = false;
    QString soak;  // pass, fail, inconclusive, running, pending (deployed, nothing recorded), none
    QDateTime canPassAt;  // deployed + the policy's soak duration
};

struct Readiness {
    QString version;
    ReleaseState state = ReleaseState::Draft;
    std::optional<ReleaseState> next;  // the forward move; none when final
    int checklistClosed = 0;
    int checklistTotal = 0;
    int checklistFailed = 0;
    int approvalsCounted = 0;
    int approvalsRequired = 0;
    int approvalsStale = 0;
    bool approvalsKnown = true;
    int gatesPassed = 0;
    int gatesTotal = 0;
    int gatesStale = 0;
    bool frozen = false;
    QDateTime freezeStarts;
    int commitsAfterFreeze = 0;
    int commitsBlocking = 0;  // after the freeze, not a fix, not accepted
    QList<OverrideFact> overrides;  // the header's badge, the timeline, metrics, evidence
    QList<EnvironmentReadiness> environments;
    QList<Blocker> blockers;  // for `next`; before candidate, also what will hold the approval
    [[nodiscard]] bool blocked() const { return !blockers.isEmpty(); }
    // The earliest time any time-bound blocker clears; invalid when none waits on time.
    [[nodiscard]] QDateTime earliestClear() const;
};

// The phases that must be closed before approval, as the policy names them or by convention:
// every phase whose name starts with "pre" or "approval", and "pipeline", "quality-gates".
QStringList beforeDeploymentPhases(const QStringList &configured, const Checklist &checklist);

Readiness evaluateReadiness(const ReadinessFacts &facts);

// The blockers of one move the session is asked to make (freeze, finish, ...): the same checks
// as readiness, for that move. Empty: allowed.
QList<Blocker> blockersFor(const ReadinessFacts &facts, ReleaseState to);

// What of the lifecycle holds the release (GA) tag on facts.commit: an aborted release, a
// stop-the-line, commits after the code freeze that are neither fixes nor accepted (they hold
// approval too). Not the checklist, approvals, gates or soaks: the tag is one of the things
// approval waits for (`check: tag`). Readiness has no changelog facts, so the changelog's part
// (section and coverage at the commit) is Session::releaseTagBlockers'. Empty: nothing holds it.
QList<Blocker> releaseTagHolds(const ReadinessFacts &facts);

// `release status --json`: {"state","next","blocked","checklist":{...},"approvals":{...},
// "gates":{...},"environments":[...],"blockers":[{"kind","what","clears_when","earliest"}]}
QJsonObject readinessToJson(const Readiness &readiness);
// An override as its "release.override" audit entry records it (a lifecycle move or a deploy).
OverrideFact overrideFromAudit(const QDateTime &at, const QString &actor, const QJsonObject &before,
    const QJsonObject &after);
// "2026-12-07 11:30 UTC" for messages and clears_when.
QString readinessTime(const QDateTime &when);

}  // namespace cockpit
