#pragma once
// The outcome of one policy gate on one commit, as stored and shown: the lifecycle's readiness and
// the `gate` command read the same record. A result belongs to the commit it ran on; on another
// commit it is stale.
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace cockpit {

enum class GateStatus {
    NotRun,  // never ran on this commit, or a gate before it failed (fail-closed)
    Running,  // a cockpit is running it now (ranBy says who)
    Pass,
    Fail,
    Skipped,  // a condition gate declared not applicable, with its reason in note
    Waiting,  // a manual gate waiting for a person to confirm
    Interrupted,  // the cockpit stopped (crash, kill) while it ran: never a pass
};

QString gateStatusName(GateStatus status);  // "not_run", "running", "pass", "fail", "skipped", ...
std::optional<GateStatus> gateStatusFromName(const QString &name);

struct GateResult {
    qint64 id = 0;
    QString version;
    QString name;  // the policy gate's name
    QString kind;  // run, shell, probe, soak, check, manual, condition
    GateStatus status = GateStatus::NotRun;
    int exitCode = -1;  // -1: no process (or it did not exit normally)
    qint64 durationMs = 0;
    QString outputTail;  // the last bytes of stdout+stderr, bounded and redacted
    QString commit;  // full SHA it ran on
    QString ranBy;  // person id
    QDateTime ranAt;  // UTC, when it started
    QString note;  // manual confirmation text, the not-applicable reason, why it did not run
    // Running rows: "host:pid" of the cockpit running it, and how long it may take, so a reader
    // can tell a gate still running from one whose cockpit died (then it reads Interrupted).
    QString runner;
    qint64 timeoutMs = 0;

    // Passed and on this commit: what readiness counts.
    [[nodiscard]] bool passedOn(const QString &commitSha) const
    {
        return (status == GateStatus::Pass || status == GateStatus::Skipped) && commit == commitSha;
    }
    [[nodiscard]] bool staleFor(const QString &commitSha) const
    {
        return !commit.isEmpty() && !commitSha.isEmpty() && commit != commitSha;
    }
};

// snake_case keys as `gate --json` prints them: name, kind, status, exit_code, duration_ms,
// output_tail, commit, ran_by, ran_at, note.
QJsonObject gateResultToJson(const GateResult &result);

}  // namespace cockpit
