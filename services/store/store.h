#pragma once
// The release store: releases, checklist instances with item states, and the hash-chained audit
// log. It owns its database connection on a worker thread; every call returns at once with a
// future, and every user action is one transaction (saved when the future finishes).
#include "approval.h"
#include "audit_entry.h"
#include "checklist.h"
#include "error.h"
#include "freeze.h"
#include "lifecycle.h"
#include "canary.h"
#include "freeze_commits.h"
#include "gate_result.h"
#include "release.h"
#include "rollback.h"
#include "soak_run.h"

#include <QDateTime>

#include <QFuture>
#include <QObject>
#include <functional>
#include <memory>

class QThread;

namespace cockpit {

class StoreWorker;

class Store : public QObject {
    Q_OBJECT
public:
    explicit Store(QObject *parent = nullptr);
    ~Store() override;

    // Default database: SQLite file in QStandardPaths::AppDataLocation ("cockpit.sqlite").
    static QString defaultUrl();

    // Opens (creating as needed) a SQLite path or a postgresql:// URL and applies the migrations
    // from resources/sql in one transaction. Unavailable: the file or server cannot be opened.
    // BadInput: a SQLite file that is not ours (another application's, or not SQLite); it is left
    // as it was.
    QFuture<Status> open(const QString &url);
    // For commands that only read: an existing, up-to-date SQLite file is opened read-only, so a
    // read-only copy works and a writer holding the file is not waited for. Otherwise as open().
    QFuture<Status> openForReading(const QString &url);
    // As open(), but migrates no further than schemaVersion: tests build older schemas with it.
    QFuture<Status> openMigratedTo(const QString &url, int schemaVersion);
    static int latestSchemaVersion();  // the newest migration compiled in
    // Time source for created_at, item "when" and audit "at" (default: QDateTime::currentDateTimeUtc).
    void setClock(std::function<QDateTime()> clock);
    [[nodiscard]] QString url() const;  // as given, never with a password
    [[nodiscard]] QString displayName() const;  // "SQLite ~/.local/share/.../cockpit.sqlite"
    // Team mode: a postgresql:// URL. Its login is the identity of whoever uses this store.
    [[nodiscard]] bool isTeam() const;
    [[nodiscard]] QString login() const;  // the database login in team mode, else empty
    QFuture<Result<int>> schemaVersion();

    // Creates a release with its checklist instance (the templates' Markdown snapshot) and
    // records release.create in the audit log, in one transaction.
    QFuture<Result<ReleaseRecord>> createRelease(ReleaseRecord release, Checklist checklist, QString actor);
    QFuture<Result<QList<ReleaseRecord>>> releases();
    QFuture<Result<ReleaseRecord>> release(QString version);  // NotFound when absent
    QFuture<Result<ReleaseRecord>> setReleaseState(QString version, ReleaseState state, QString actor);
    // A lifecycle move (store_lifecycle.cpp): Conflict when the release is no longer in move.from;
    // audit "release.state" (or "release.override" when blockers were overridden) with the reason.
    QFuture<Result<ReleaseRecord>> moveRelease(LifecycleMove move);

    // Records that the release went live in environment (now, as actor) and moves it to Soaking,
    // with its audit entry, in one transaction. NotFound for an unknown release. commit: what went
    // live (the release's current commit, Session::followBranch); empty = the commit it was
    // created on.
    QFuture<Result<Deployment>> recordDeployment(
        QString version, QString environment, QString actor, QString commit = {});
    // The release's deployments, oldest first.
    QFuture<Result<QList<Deployment>>> deployments(QString version);
    // Every deployment of every release, oldest first (release metrics, store_metrics.cpp).
    QFuture<Result<QList<Deployment>>> allDeployments();

    // Stop-the-line (migration 014, store_freeze.cpp): workspace-wide, one at a time. start:
    // Conflict while one holds; end: NotFound when none holds. Each with its "freeze.start" /
    // "freeze.end" audit entry in the same transaction. stopTheLine: the one holding, if any.
    QFuture<Result<StopTheLine>> startStopTheLine(QString reason, QString actor);
    QFuture<Result<StopTheLine>> endStopTheLine(QString reason, QString actor);
    QFuture<Result<std::optional<StopTheLine>>> stopTheLine();

    // The release's checklist: templates as snapshotted, with every item's saved state.
    QFuture<Result<Checklist>> checklist(QString version);
    // Saves one item's state, note, N/A reason and evidence (keyed by item.key) and its audit
    // entry in one transaction; returns the item as saved (who, when and rowVersion filled in).
    // Conflict, naming the item, when item.rowVersion > 0 and someone saved it since.
    QFuture<Result<ChecklistItem>> setItemState(QString version, ChecklistItem item, QString actor);

    // Audit entries in chain order; release empty = all; action non-empty: only those entries.
    QFuture<Result<QList<AuditEntry>>> auditLog(QString release = {}, QString action = {});
    QFuture<Result<AuditVerification>> verifyAudit();
    // Appends one entry (computes seq and hashes) in its own transaction.
    QFuture<Result<AuditEntry>> appendAudit(AuditEntry entry);
    // Appends many entries in one transaction (bulk import, benchmarks).
    QFuture<Status> appendAuditBatch(QList<AuditEntry> entries);

    // Records one sign-off (approve, reject or withdraw; signoff.version names the release) and its
    // audit entry in one transaction; returns it with id and signed_at filled in. The rules of who
    // may sign what are SignoffService's; the store records what it is given.
    QFuture<Result<Signoff>> recordSignoff(Signoff signoff);
    // Every sign-off of the release in the order recorded. NotFound for an unknown release.
    QFuture<Result<QList<Signoff>>> signoffs(QString version);

    // Soak runs (soak_run.h; the recording is soak_recording.h JSON): every run kept, none
    // overwritten. saveSoakRecording stores a new run with a "soak.record" audit entry in one
    // transaction and returns it with its id, kind (deployment, recheck, what_if: whatIf) and the
    // deployment it belongs to (the latest there it does not start before). decisive: it settles
    // that deployment's soak if it is its deployment run (SoakRun::decisive).
    QFuture<Result<SoakRun>> saveSoakRecording(QString version, QString environment, QByteArray json,
        QString verdict = {}, QString actor = {}, bool whatIf = false, bool decisive = false);
    // The runs of a release (in one environment, or all when environment is empty), oldest first.
    QFuture<Result<QList<SoakRun>>> soakRuns(QString version, QString environment = {});
    // The release's soak in an environment: the run of its latest deployment there
    // (releaseSoakRun in soak_run.h), read. NotFound when that deployment has none.
    QFuture<Result<SoakRunRecording>> releaseSoakRun(QString version, QString environment);
    QFuture<Result<SoakRunRecording>> soakRun(qint64 id);  // any run; NotFound when absent
    // The release's soak's recording, read; BadInput when what is stored cannot be read as one.
    QFuture<Result<SoakRecording>> soakRecording(QString version, QString environment);
    // The same, as stored byte for byte (the evidence pack exports it as it is).
    QFuture<Result<QByteArray>> soakRecordingJson(QString version, QString environment);
    // Probe results (ProbeReport JSON), every run kept, with a "probe.run" audit entry. version
    // may be empty (a probe outside a release). latestProbeResult: the newest for the environment
    // (and the release, when version is given); NotFound when there is none.
    QFuture<Status> saveProbeResult(
        QString version, QString environment, bool ok, QByteArray json, QString actor = {});
    QFuture<Result<QByteArray>> latestProbeResult(QString environment, QString version = {});

    // Rollbacks (migration 008, store_rollbacks.cpp, store_rollback_finish.cpp); each write with its audit
    // entry in one transaction. createRollback stores the confirmed plan with one pending row per step
    // ("rollback.request"); Refused while the release has an unfinished rollback.
    QFuture<Result<RollbackRecord>> createRollback(RollbackRecord rollback, QString actor);
    // "rollback.approve": AwaitingApproval -> Running; Refused when actor asked for it.
    QFuture<Result<RollbackRecord>> approveRollback(qint64 id, QString actor);
    QFuture<Result<RollbackRecord>> rollback(qint64 id);  // NotFound when absent
    QFuture<Result<QList<RollbackRecord>>> rollbacks(QString version = {});  // newest first
    // "rollback.step": one step as given (keyed by index) and, when state is given, the
    // rollback's new state and note (Halted with why, Running again on retry).
    QFuture<Result<RollbackRecord>> saveRollbackStep(
        qint64 id, RollbackStepRecord step, std::optional<RollbackState> state, QString note, QString actor);
    // "rollback.finish" as Aborted with the reason.
    QFuture<Result<RollbackRecord>> abortRollback(qint64 id, QString reason, QString actor);
    // "rollback.finish" as Succeeded, "release.state" to RolledBack, "deploy.lock" with lockReason and,
    // when given, the post-rollback checklist phase appended, all in one transaction.
    QFuture<Result<RollbackRecord>> finishRollback(
        qint64 id, QString lockReason, std::optional<ChecklistPhase> checklist, QString actor);
    // The release's deploy lock while it is on (nullopt when never locked or lifted).
    QFuture<Result<std::optional<DeployLock>>> deployLock(QString version);
    // "deploy.unlock": lifts the lock with a reason (required); NotFound when not locked.
    QFuture<Result<DeployLock>> liftDeployLock(QString version, QString reason, QString actor);
    // Appends a checklist template as a new phase of an existing release (its items open), with a
    // "checklist.append" audit entry; Conflict when the release already has a phase of that name.
    QFuture<Result<Checklist>> appendChecklistPhase(QString version, ChecklistPhase phase, QString actor);
    // Versions with a soak run whose verdict is "pass" (any environment) and no deployment soak
    // that failed: last-known-good candidates (a what-if never makes one).
    QFuture<Result<QStringList>> passedSoakVersions();
    // Gate results (migration 010, store_gates.cpp). saveGateResult inserts a result (id 0) or
    // updates the row it names (a running gate's outcome), with a "gate.result" audit entry, in one
    // transaction; a new Running row is Conflict, naming who, while another live cockpit runs that
    // gate. gateResults: the newest result per gate name, a Running row whose cockpit is gone read
    // as Interrupted.
    QFuture<Result<GateResult>> saveGateResult(GateResult result);
    QFuture<Result<QList<GateResult>>> gateResults(QString version);
    // Commits after the code freeze someone accepted (migration 012, store_accepted_commits.cpp):
    // acceptCommit stores one with its "commit.accept" audit entry in one transaction (Conflict
    // when that commit is already accepted); acceptedCommits lists a release's, oldest first.
    QFuture<Result<AcceptedCommit>> acceptCommit(AcceptedCommit accepted);
    QFuture<Result<QList<AcceptedCommit>>> acceptedCommits(QString version);
    // A canary's events (migration 016, store_canary.cpp): appendCanaryEvent stores one with its
    // "canary.<kind>" audit entry (environment: the audit entry's subject); event.seq must be the
    // release's next number, else Conflict (another cockpit acted first). canaryEvents: by seq.
    QFuture<Result<CanaryEvent>> appendCanaryEvent(CanaryEvent event, QString environment);
    QFuture<Result<QList<CanaryEvent>>> canaryEvents(QString version);
    // The database engine and its server's version ("SQLite 3.40.1", "PostgreSQL 15.5"), for the
    // evidence manifest (store_evidence.cpp).
    QFuture<Result<QString>> serverVersion();

signals:
    // A change landed (from this process, or another cockpit in team mode).
    void releaseChanged(const QString &version);
    void itemChanged(const QString &version, const cockpit::ChecklistItem &item);
    void auditAppended(const cockpit::AuditEntry &entry);
    // Team mode: a sign-off was recorded for the release by another cockpit.
    void signoffChanged(const QString &version);
    // Team mode: the database connection was lost (up = false, why says how) or is back. While it
    // is down every call fails with Unavailable (nothing is queued); once it is back, every
    // release is announced through releaseChanged and signoffChanged, since notifications sent
    // during the outage are lost.
    void connectionChanged(bool up, const QString &why);

private:
    std::unique_ptr<StoreWorker> m_worker;  // lives on m_thread, owns the connection
    QThread *m_thread = nullptr;
    QString m_url;
};

}  // namespace cockpit
