#pragma once
// The store's half that lives on its worker thread: owns the QSqlDatabase connection (connections
// are per thread) and runs each request as one transaction. Only Store talks to it, always queued.
#include "approval.h"
#include "audit_entry.h"
#include "canary.h"
#include "checklist.h"
#include "checklist_cache.h"
#include "error.h"
#include "freeze.h"
#include "lifecycle.h"
#include "freeze_commits.h"
#include "gate_result.h"
#include "release.h"
#include "rollback.h"
#include "soak_run.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <functional>
#include <map>
#include <optional>
#include <type_traits>

class QTimer;

namespace cockpit {

class Store;

class StoreWorker : public QObject {
    Q_OBJECT
public:
    explicit StoreWorker(Store *store);
    ~StoreWorker() override;

    // readOnly: an existing, up-to-date SQLite file is opened read-only (never written, never
    // waited for); anything else opens as a writer would.
    Status open(const QString &url, int upToVersion, bool readOnly = false);
    void close();
    // Team mode (PostgreSQL, store_team.cpp). After a failed request: when the connection
    // turns out to be lost, the error becomes Unavailable and reconnection starts.
    [[nodiscard]] bool isTeam() const { return m_dialect == Dialect::Postgres; }
    Error checkFailure(const Error &error);
    void setClock(std::function<QDateTime()> clock);
    Result<int> schemaVersion();

    // One file per aggregate holds the Store entry points and these halves side by side.
    // store_releases.cpp
    Result<ReleaseRecord> createRelease(
        ReleaseRecord release, const Checklist &checklist, const QString &actor);
    Result<QList<ReleaseRecord>> releases();
    Result<ReleaseRecord> release(const QString &version);
    Result<ReleaseRecord> setReleaseState(const QString &version, ReleaseState state, const QString &actor);
    Result<ReleaseRecord> moveRelease(const LifecycleMove &move);  // store_lifecycle.cpp
    // store_checklists.cpp
    Result<Checklist> checklist(const QString &version);
    Result<ChecklistItem> setItemState(const QString &version, ChecklistItem item, const QString &actor);
    Result<Checklist> appendChecklistPhase(
        const QString &version, const ChecklistPhase &phase, const QString &actor);
    // store_deployments.cpp, store_metrics.cpp
    Result<Deployment> recordDeployment(
        const QString &version, const QString &environment, const QString &actor, const QString &commit);
    Result<QList<Deployment>> deployments(const QString &version);
    Result<QList<Deployment>> allDeployments();
    // store_audit.cpp
    Result<QList<AuditEntry>> auditLog(const QString &release, const QString &action = {});
    Result<AuditVerification> verifyAudit();
    Result<AuditEntry> appendAudit(const AuditEntry &entry);
    Status appendAuditBatch(const QList<AuditEntry> &entries);
    // store_signoffs.cpp
    Result<Signoff> recordSignoff(Signoff signoff);
    Result<QList<Signoff>> signoffs(const QString &version);
    // store_soak.cpp
    // store_soak_runs.cpp
    Result<SoakRun> saveSoakRun(const QString &version, const QString &environment, const QByteArray &json,
        const QString &verdict, const QString &actor, bool whatIf, bool decisive);
    Result<QList<SoakRun>> soakRuns(const QString &version, const QString &environment);
    Result<SoakRun> releaseSoakRun(const QString &version, const QString &environment);
    Result<SoakRun> soakRunById(qint64 id);
    Result<QByteArray> soakRunJson(qint64 id);
    // The latest deployment of version to environment (deployed at or before notAfter when valid).
    Result<std::optional<std::pair<qint64, QDateTime>>> latestDeployment(
        const QString &version, const QString &environment, const QDateTime &notAfter);
    Status saveProbeResult(const QString &version, const QString &environment, bool ok, const QByteArray &json,
        const QString &actor);
    Result<QByteArray> latestProbeResult(const QString &environment, const QString &version);
    Result<QStringList> passedSoakVersions();
    // store_rollbacks.cpp, store_rollback_finish.cpp
    Result<RollbackRecord> createRollback(RollbackRecord rollback, const QString &actor);
    Result<RollbackRecord> approveRollback(qint64 id, const QString &actor);
    Result<RollbackRecord> rollback(qint64 id);
    Result<QList<RollbackRecord>> rollbacks(const QString &version);
    Result<RollbackRecord> saveRollbackStep(qint64 id, const RollbackStepRecord &step,
        std::optional<RollbackState> state, const QString &note, const QString &actor);
    Result<RollbackRecord> abortRollback(qint64 id, const QString &reason, const QString &actor);
    Result<RollbackRecord> finishRollback(qint64 id, const QString &lockReason,
        const std::optional<ChecklistPhase> &checklist, const QString &actor);
    Result<std::optional<DeployLock>> deployLock(const QString &version);
    Result<DeployLock> liftDeployLock(const QString &version, const QString &reason, const QString &actor);
    Result<StopTheLine> startStopTheLine(const QString &reason, const QString &actor);
    Result<StopTheLine> endStopTheLine(const QString &reason, const QString &actor);
    Result<std::optional<StopTheLine>> stopTheLine();
    // store_gates.cpp
    Result<GateResult> saveGateResult(GateResult result);
    Result<QList<GateResult>> gateResults(const QString &version);
    // store_accepted_commits.cpp
    Result<AcceptedCommit> acceptCommit(AcceptedCommit accepted);
    Result<QList<AcceptedCommit>> acceptedCommits(const QString &version);
    // store_canary.cpp
    Result<CanaryEvent> appendCanaryEvent(CanaryEvent event, const QString &environment);
    Result<QList<CanaryEvent>> canaryEvents(const QString &version);
    // store_evidence.cpp
    Result<QString> serverVersion();

    // Text for a NOT NULL column: a null QString would bind as SQL NULL.
    static QVariant text(const QString &value);
    // A time column: UTC RFC 3339 with milliseconds, or NULL for an invalid time; and back.
    static QVariant timeValue(const QDateTime &at);
    static QDateTime timeOf(const QVariant &value);

private:
    enum class Dialect { Sqlite, Postgres };
    struct ChainHead {
        qint64 seq = 0;
        QByteArray hash;
    };

    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] Error sqlError(const QSqlQuery &query, const QString &what) const;
    [[nodiscard]] Status requireOpen() const;
    Status exec(QSqlQuery &query, const QString &what) const;
    // Runs sql with values bound in order, prepared once per connection (QPSQL makes an ad hoc
    // prepare PREPARE + EXECUTE + DEALLOCATE, three round trips): for what every tick runs. The
    // query stays valid until the connection closes; finish() it once its rows are read.
    Result<QSqlQuery *> run(const QString &sql, const QVariantList &values, const QString &what);
    Status connectSqlite(bool readOnly);
    Status switchToWal();

    // What a write transaction collects to announce once it has committed: its audit entries, the
    // release whose views must reload, and any further signal (itemChanged with the saved item).
    struct Transaction {
        QList<AuditEntry> appended;
        QString changedRelease;
        std::function<void(Store *)> then;
    };
    // One user action = one write transaction, opened here and nowhere else: SQLite takes its write
    // lock up front (BEGIN IMMEDIATE), PostgreSQL the writers' advisory lock, so the audit chain
    // head read inside cannot go stale. Rolled back when body fails; after COMMIT, what body put in
    // the Transaction is announced on the Store's thread in one hop.
    template <class Body> auto inTransaction(Body &&body) -> std::invoke_result_t<Body &, Transaction &>
    {
        using R = std::invoke_result_t<Body &, Transaction &>;
        if (auto ok = beginTransaction(); !ok)
            return std::unexpected(ok.error());
        Transaction tx;
        R result = body(tx);
        if (auto ok = endTransaction(result.has_value()); !ok && result.has_value())
            result = std::unexpected(ok.error());
        if (result.has_value())
            announce(std::move(tx));
        return result;
    }
    Status beginTransaction();
    Status endTransaction(bool commit);  // writes the chain head and commits, or rolls back
    Status beginWrite();
    Status endWrite(bool commit);

    Result<ChainHead> chainHead();
    // The seq the next record() in this transaction will get: release, item and sign-off rows are
    // written naming it (audit_seq, migration 010) before their entry is appended.
    Result<qint64> nextAuditSeq();
    // Inserts the entry after head (computing seq and hashes) and advances head.
    Result<AuditEntry> insertAudit(AuditEntry entry, ChainHead &head);
    Status execStatement(std::optional<QSqlQuery> &query, const QString &sql);
    Status writeChainHead(const ChainHead &head);
    // Appends one entry at the chain's head inside the transaction; collects it to announce.
    Status record(AuditEntry entry, Transaction &tx);
    // The entries, then releaseChanged and tx.then, on the Store's thread, in one posted event.
    void announce(Transaction tx) const;

    Result<std::optional<ReleaseRecord>> findRelease(const QString &version);
    Status insertChecklist(qint64 releaseId, const Checklist &checklist, qint64 auditSeq);
    // The checklist re-parsed from the release's stored Markdown snapshot, without item states
    // (store_checklists.cpp): its phases' name, title and source, three strings a phase, and parsed.
    Result<Checklist> loadSnapshot(const ReleaseRecord &release);
    Result<QStringList> phaseSources(const ReleaseRecord &release);
    Result<Checklist> parseSnapshot(const ReleaseRecord &release, const QStringList &sources);
    // The release's saved item rows: all of them, or those whose audit_seq is above aboveSeq.
    Result<QList<ChecklistItemRow>> itemRows(const ReleaseRecord &release, std::optional<qint64> aboveSeq);
    Result<ChecklistRowsMark> itemRowsMark(const ReleaseRecord &release);
    // The item's saved state as audit "before" JSON; NotFound when the snapshot has no such key;
    // Conflict when item.rowVersion names an older version. Sets item.rowVersion to the next one.
    Result<QJsonObject> itemBefore(const ReleaseRecord &release, ChecklistItem &item);
    Result<AuditEntry> auditEntry(qint64 seq);
    Result<AuditVerification> verifyAuditSnapshot();  // inside verifyAudit()'s read transaction
    // Every release, item and sign-off row against the entry its audit_seq names: a row no entry
    // explains (edited behind the cockpit's back, or its entry gone) is a finding
    // (store_audit_rows.cpp).
    Result<AuditVerification> checkChainHead(const QList<AuditEntry> &entries, AuditVerification chain);
    Result<AuditVerification> verifyAuditedRows(const QList<AuditEntry> &entries, AuditVerification chain);
    Status saveItem(qint64 releaseId, const ChecklistItem &item, qint64 auditSeq);
    // Rollback helpers (store_rollbacks.cpp, store_rollback_finish.cpp). changeRollback: one
    // transaction that loads rollback id (NotFound when absent), names its release for the
    // announcement and lets body check and change it; returns the rollback as body left it.
    template <class Body> Result<RollbackRecord> changeRollback(qint64 id, Body &&body)
    {
        RollbackRecord saved;
        const Status ok = inTransaction([&](Transaction &tx) -> Status {
            auto found = rollback(id);
            if (!found)
                return std::unexpected(found.error());
            saved = *found;
            tx.changedRelease = saved.version;
            return body(saved, tx);
        });
        if (!ok)
            return std::unexpected(ok.error());
        return saved;
    }
    Result<std::optional<RollbackRecord>> findRollback(qint64 id);
    // finishedAt: the time the rollback ended (the same instant the caller records), or invalid.
    Status updateRollbackState(qint64 id, RollbackState state, const QString &note, const QDateTime &finishedAt);
    Status insertChecklistPhase(const ReleaseRecord &release, const ChecklistPhase &phase, qint64 auditSeq);
    Result<std::optional<DeployLock>> activeDeployLock(const QString &version);
    Result<std::optional<GateResult>> latestGateResult(const QString &version, const QString &name);

    // Team mode (store_team.cpp): connect, listen, notice a lost connection, reconnect.
    Status openTeam(const QString &url, int upToVersion);
    Status connectTeam();  // the connection, its settings and the LISTEN; no migrations
    void teardownConnection();
    // store_team_notify.cpp: another cockpit's committed change, announced through the signals.
    // The notice carries the changed row (migration 009) unless it was too long for NOTIFY; then
    // the row is read back.
    static constexpr QLatin1String kNotifyChannel {"cockpit"};
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);
    void announceRemoteItem(const QString &version, const QString &key, QJsonObject row);
    void announceRemoteAudit(const QString &version, qint64 seq, const QJsonObject &row);
    Result<QJsonObject> fetchItemRow(const QString &version, const QString &key);
    void heartbeat();
    void connectionLost(const QString &why);
    void tryReconnect();
    void announceResync();
    // SQLite: another process (the command line, a second window) committed since the last look
    // (PRAGMA data_version, which our own commits leave alone): every view reloads, as after a
    // team-mode outage. Polled every kOtherWritersMs on the worker thread.
    void watchOtherWriters();
    // The id of the row the query just inserted (SQLite: lastInsertId; PostgreSQL: lastval()).
    qint64 insertedId(const QSqlQuery &query);
    // The error of a statement the store saw fail, with the database's error code mapped.
    [[nodiscard]] ErrorCode codeFor(const QSqlError &error) const;
    // Runs fn on the Store's thread (where its signals are emitted), queued.
    void emitOnStore(std::function<void(Store *)> fn) const;

    Store *m_store;  // signals are emitted on its thread, queued
    QString m_connection;  // unique QSqlDatabase connection name
    QString m_path;
    QSqlDatabase m_db;
    std::function<QDateTime()> m_clock;
    // Prepared once per connection: the audit append is the hot path (bulk import, every tick).
    std::optional<QSqlQuery> m_insertAudit;
    std::optional<QSqlQuery> m_lastAudit;
    std::optional<QSqlQuery> m_writeHead;
    std::optional<ChainHead> m_pendingHead;  // the chain head to record before COMMIT
    std::optional<QSqlQuery> m_begin;
    std::optional<QSqlQuery> m_commit;
    std::optional<QSqlQuery> m_rollback;
    std::optional<QSqlQuery> m_writeLock;  // PostgreSQL: the advisory lock every write takes

    Dialect m_dialect = Dialect::Sqlite;
    QString m_teamUrl;  // postgresql:// URL as parsed, without its password
    QString m_password;  // in memory only, for reconnecting; never logged
    int m_upToVersion = -1;
    bool m_down = false;  // team mode: the connection is lost and being re-established
    int m_backoffMs = 0;
    QTimer *m_heartbeat = nullptr;  // created on the worker thread, children of the worker
    QTimer *m_reconnect = nullptr;
    QTimer *m_otherWriters = nullptr;  // SQLite: watchOtherWriters
    qint64 m_dataVersion = -1;
    std::map<QString, QSqlQuery> m_prepared;  // run(): by SQL text, node-based so pointers stay put
    std::optional<QSqlQuery> m_fetchAudit;
    bool m_writing = false;  // inside a write transaction: what it reads may yet roll back
    ChecklistCache m_checklists;  // cleared with the connection
};

}  // namespace cockpit
