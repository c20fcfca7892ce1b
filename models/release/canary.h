#pragma once
// A canary rollout through the policy's phases (issue 15 item 3): what happened is a list of
// events the store only ever appends (a phase's traffic confirmed, a verdict, a pause, ...); where
// the canary stands is folded from them, and what it does next is decided from that, the phase's
// policy and the phase's analysis. Nothing here runs a command or reads a clock.
#include "policy.h"
#include "soak_types.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace cockpit {

enum class CanaryEventKind {
    Start,  // a person started the canary (phase 0 not yet confirmed)
    Traffic,  // set_traffic succeeded: `percent` of traffic goes to the new version in `phase`
    TrafficFailed,  // set_traffic failed: the canary stays at the last confirmed percent, paused
    Verdict,  // the phase's analysis settled: verdict pass / fail
    Pause,  // a person, or a breach (detail names it)
    Resume,
    Abort,  // traffic back to 0%: the canary is over
    Complete,  // the last phase is done: the release runs at 100%
};

[[nodiscard]] QString canaryEventKindName(CanaryEventKind kind);  // "start", "traffic", ...
[[nodiscard]] std::optional<CanaryEventKind> canaryEventKindFromName(const QString &name);

struct CanaryEvent {
    qint64 id = 0;
    int seq = 0;  // the release's events are numbered 1, 2, 3, ...; a new one is events.size() + 1
    QString version;
    CanaryEventKind kind = CanaryEventKind::Start;
    int phase = 0;  // index into CanaryPolicy::phases
    int percent = 0;  // Traffic: confirmed; TrafficFailed: asked for
    QString verdict;  // Verdict: soakVerdictName
    QString detail;  // the reason, the failing command's note, who or what advanced it
    bool automatic = false;  // done by the cockpit on its own (auto-advance, breach pause)
    QString actor;
    QDateTime at;  // UTC
};

enum class CanaryState {
    NotStarted,
    Starting,  // started, the first phase's traffic not confirmed yet
    Running,  // in a phase, its window and analysis going on
    Paused,  // a person or a breach paused it; resume or abort
    Aborted,
    Completed,
};
[[nodiscard]] QString canaryStateName(CanaryState state);  // "not_started", "running", ...

// One phase as the Soak tab shows it: a step with its traffic, window and verdict.
struct CanaryPhaseStep {
    QString name;
    int percent = 0;
    std::optional<QDateTime> startedAt;  // its traffic was confirmed
    std::optional<QDateTime> endedAt;  // the next phase's traffic was confirmed, or the canary ended
    QString verdict;  // pass, fail, or empty while not settled
    QString advancedBy;  // who moved it on ("cockpit (automatic)" for an auto-advance)
};

struct CanaryStatus {
    CanaryState state = CanaryState::NotStarted;
    int phase = -1;  // the phase in effect (its traffic confirmed), -1 before the first
    int phaseCount = 0;
    int percent = 0;  // the last confirmed traffic share, 0 before the first phase and after abort
    QDateTime phaseStartedAt;  // when the current phase's traffic was confirmed
    std::optional<QDateTime> phaseEndsAt;  // + the phase's duration; none: ends by hand
    QString pausedReason;  // why it is paused (a breach names the check or trigger)
    bool pausedByBreach = false;
    QDateTime resumedAt;  // the latest resume in this phase: breaches before it were seen by a person
    QDateTime completedAt;  // Completed: when 100% was confirmed
    std::optional<QDateTime> cleanupDue;  // completedAt + cleanup_after (the old version removed)
    QList<CanaryPhaseStep> steps;  // one per policy phase

    [[nodiscard]] bool active() const
    {
        return state == CanaryState::Starting || state == CanaryState::Running || state == CanaryState::Paused;
    }
    // "canary 50%, phase 2 of 3, passes at 14:00" for the header; empty when not started.
    [[nodiscard]] QString headline(const std::optional<QDateTime> &passesAt = std::nullopt) const;
};

// Folds the events (oldest first) of one release's canary against the policy's phases.
[[nodiscard]] CanaryStatus foldCanary(const CanaryPolicy &policy, const QList<CanaryEvent> &events);

enum class CanaryNext {
    Nothing,  // not running (paused, aborted, completed, not started)
    Wait,  // the phase's window or analysis is still going: look again at `at`
    Advance,  // the phase passed: set the next phase's traffic
    Complete,  // the last phase passed (or is 100% with nothing to watch): the canary is done
    AwaitPerson,  // nothing lets it advance on its own (no checks, no duration, inconclusive)
    Pause,  // a breach: a check failed or a trigger fired
};

struct CanaryDecision {
    CanaryNext next = CanaryNext::Nothing;
    QString reason;  // one sentence a person can act on
    std::optional<QDateTime> at;  // Wait: when it may change (the phase's end, the next measurement)
    // Pause by a trigger whose action is a rollback: the rollback it asks for.
    QString rollbackTrigger;
    // The verdict to record for the phase now (pass / fail), empty when none is settled or it is
    // recorded already.
    QString verdictToRecord;
};

// What the canary does next. analysis: the current phase's soak analysis at now (none when it
// could not be run: Prometheus did not answer); stale: Prometheus is not answering, so nothing
// advances. A phase advances on its own only when it has at least one check, its analysis passed
// and its window is over (the runaway guard); a phase without checks waits for a person.
[[nodiscard]] CanaryDecision decideCanary(const CanaryPolicy &policy, const CanaryStatus &status,
    const std::optional<SoakEvaluation> &analysis, bool stale, const QDateTime &now);

// The argv of the policy's set_traffic with {percent}, {version}, {phase} (1-based) and {env}
// replaced in each argument; no shell ever sees it.
[[nodiscard]] QStringList canaryTrafficCommand(
    const CanaryPolicy &policy, const QString &version, int phase, int percent);

// Traffic shares a rollback from `percent` steps back through: staged (seed 004's 100 > 50 > 10 >
// 0): every earlier phase's share below percent, then 0; immediate: just 0.
[[nodiscard]] QList<int> canaryRollbackShares(const CanaryPolicy &policy, int percent);

}  // namespace cockpit
