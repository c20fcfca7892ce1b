#pragma once
// A rollback as planned from the policy and as it ran: the resolved steps (arguments substituted
// one by one, never through a shell unless the step says `shell:`), each step's stored state, the
// deploy lock a rollback leaves, and the incident that records it. Pure data; the runner is
// services/rollback_service.h and the planning rules are models/rollback_plan.h.
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>

namespace cockpit {

enum class RollbackStepKind { Run, Shell, Http, Probe, Manual };
QString rollbackStepKindName(RollbackStepKind kind);  // "run", "shell", "http", "probe", "manual"

// One step with every placeholder resolved, as the confirmation dialog and --dry-run show it.
struct PlannedRollbackStep {
    int index = 0;  // 0-based position in the policy's steps
    QString name;
    RollbackStepKind kind = RollbackStepKind::Manual;
    QStringList argv;  // Run: program and arguments, each substituted on its own
    QString shellCommand;  // Shell: the command line with every placeholder shell-quoted
    QString httpMethod;  // Http
    QString httpUrl;
    QMap<QString, QString> httpHeaders;
    QString httpBody;
    QString probeEnvironment;  // Probe: the environment probed (verification)
    QString instruction;  // Manual: what the person confirms
    QString condition;  // "schema changed": the operator says whether it applies (else skipped)
    std::chrono::seconds timeout {0};  // 0 = the runner's default
};

struct RollbackPlan {
    QString version;  // the release rolled back
    QString environment;  // where it is live (the last deployment), e.g. production
    QString targetVersion;  // last known good release, or the previous GA tag's version
    QString targetTag;  // {rollback_tag}
    QString targetCommit;  // {rollback_sha}
    QString targetSource;  // how the target was found: "last_known_good", "previous_tag"
    QString reason;  // {reason}, kept in the incident
    QString trigger;  // the soak trigger that fired, or empty when a person decided
    bool twoPerson = false;  // a second person approves before any step runs
    // Started by an `automatic: true` trigger, without a person's confirmation (issue 15): it
    // runs only the steps that need no person and halts at the first that does.
    bool automatic = false;
    QMap<QString, QString> placeholders;  // every placeholder's value, for display
    QList<PlannedRollbackStep> steps;
};

enum class RollbackStepState { Pending, Running, Succeeded, Failed, TimedOut, Skipped, Interrupted };
QString rollbackStepStateName(RollbackStepState state);  // "pending", ..., "timed_out", "interrupted"
std::optional<RollbackStepState> rollbackStepStateFromName(const QString &name);

// A step as stored before and after it runs. A step found Running when the cockpit reopens was
// interrupted (crash, kill): it is shown so and never rerun without a person deciding.
struct RollbackStepRecord {
    int index = 0;
    QString name;
    RollbackStepState state = RollbackStepState::Pending;
    QDateTime startedAt;  // UTC, invalid until started
    QDateTime finishedAt;
    std::optional<int> exitCode;  // Run/Shell: the process's; Http: the status code
    QString output;  // the step's output (tail, secrets redacted)
    QString note;  // skip reason, manual confirmation note, failure summary
    QString actor;  // who ran, skipped or confirmed it
    int attempt = 0;  // 1 on the first run, +1 per retry
    QString runner;  // who holds a Running step: "host:pid" of the process running it
};

enum class RollbackState { AwaitingApproval, Running, Halted, Succeeded, Aborted };

// Why a call on a rollback changed nothing (RollbackService::refused): front ends decide from
// it (the command line's exit code), never from the sentence that goes with it.
enum class RollbackRefusal {
    AwaitingApproval,  // a second person must approve first
    StepBusy,  // a step is running, here or on another workstation
    ReasonRequired,  // skip and abort need a reason
    NothingToDo,  // no step to retry, skip or confirm
    StoreFailed,  // the store could not record the progress
};
QString rollbackStateName(RollbackState state);  // "awaiting_approval", "running", "halted", ...
std::optional<RollbackState> rollbackStateFromName(const QString &name);

// One rollback of a release: its plan (as confirmed), who asked and approved, and its steps.
struct RollbackRecord {
    qint64 id = 0;
    QString version;
    RollbackPlan plan;
    RollbackState state = RollbackState::Running;
    QString requestedBy;
    QString approvedBy;  // the second person, when the plan asked for one
    QDateTime requestedAt;  // UTC
    QDateTime finishedAt;  // invalid until succeeded or aborted
    QList<RollbackStepRecord> steps;  // one per planned step, by index
    QString note;  // why it halted or was aborted
    QDateTime approvedAt;  // UTC, when the second person approved
};

// Deploy actions on a rolled-back release stay locked until a person lifts the lock with a reason.
struct DeployLock {
    QString version;
    QString reason;  // why it was locked ("rolled back: 5xx error rate > 5% for 5 min")
    QString lockedBy;
    QDateTime lockedAt;
    QString liftedBy;  // empty while locked
    QString liftReason;
    QDateTime liftedAt;
    [[nodiscard]] bool locked() const { return liftedBy.isEmpty(); }
};

// The record a rollback leaves: what caused it, when it began and ended, and its timeline.
struct IncidentEvent {
    QDateTime at;  // UTC
    QString kind;  // trigger, requested, approved, step, probe, finished, lock, lift, note
    QString actor;
    QString text;  // one line ("Deploy previous version: succeeded (exit 0)")
    QString detail;  // step output, probe transcript
};

struct Incident {
    qint64 id = 0;
    qint64 rollbackId = 0;
    QString version;
    QString cause;  // trigger name, or the reason a person gave
    QString severity;  // from the trigger (S0, S1, ...), else empty
    QDateTime openedAt;  // UTC: the rollback was requested
    QDateTime recoveredAt;  // UTC: the rollback succeeded (invalid while it has not)
    QList<IncidentEvent> timeline;
};

}  // namespace cockpit
