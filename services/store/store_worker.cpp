#include "store_worker.h"

#include "sql_migrator.h"
#include "store.h"
#include "team_store_url.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QTimer>

Q_LOGGING_CATEGORY(lcStore, "cockpit.services.store")

namespace cockpit {

namespace {

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

AuditEntry auditFromRow(const QSqlQuery &q)
{
    AuditEntry entry;
    entry.seq = q.value(0).toLongLong();
    entry.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    entry.actor = q.value(2).toString();
    entry.action = q.value(3).toString();
    entry.release = q.value(4).toString();
    entry.subject = q.value(5).toString();
    entry.before = jsonObject(q.value(6));
    entry.after = jsonObject(q.value(7));
    entry.prevHash = q.value(8).toString().toLatin1();
    entry.hash = q.value(9).toString().toLatin1();
    return entry;
}

// The advisory lock key every team-mode write transaction takes (any fixed number will do).
constexpr qint64 kWriteLock = 0x636f636b70697402;  // "cockpit\x02"

const QString kAuditColumns
    = QStringLiteral("seq, at, actor, action, release, subject, before_json, after_json, prev_hash, hash");

}  // namespace

StoreWorker::StoreWorker(Store *store)
    : m_store(store)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    static QAtomicInt counter;
    m_connection = QStringLiteral("cockpit-store-%1").arg(counter.fetchAndAddRelaxed(1));
}

StoreWorker::~StoreWorker()
{
    close();
}

void StoreWorker::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime StoreWorker::now() const
{
    // Milliseconds only: the audit hash covers the time as stored, so it must round-trip exactly.
    const QDateTime t = m_clock().toUTC();
    return QDateTime::fromMSecsSinceEpoch(t.toMSecsSinceEpoch(), Qt::UTC);
}

QVariant StoreWorker::text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

Status StoreWorker::open(const QString &url, int upToVersion)
{
    close();
    if (TeamStoreUrl::isTeamUrl(url))
        return openTeam(url, upToVersion);
    QString path = url;
    if (path.startsWith(QStringLiteral("sqlite:")))
        path = path.mid(7);
    if (path.isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("no database path given"));
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return fail(ErrorCode::Unavailable,
            QStringLiteral("cannot open database %1: directory does not exist").arg(path),
            SourceLocation {path});
    m_path = info.absoluteFilePath();
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot open database %1: %2").arg(path, why),
            SourceLocation {path});
    }
    Status ready = configureConnection();
    if (ready)
        ready = SqlMigrator(QStringLiteral("sqlite")).migrate(m_db, upToVersion, now());
    if (!ready) {
        close();
        return ready;
    }
    qCInfo(lcStore) << "opened" << m_path;
    return {};
}

Status StoreWorker::configureConnection()
{
    QSqlQuery q(m_db);
    // WAL + FULL: a commit is fsynced before the future reports it saved. The busy timeout lets
    // two cockpits share a file; foreign keys are off by default in SQLite.
    for (const char *pragma :
        {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL", "PRAGMA busy_timeout = 5000"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return fail(ErrorCode::Unavailable,
                QStringLiteral("cannot open database %1: %2").arg(m_path, q.lastError().text()),
                SourceLocation {m_path});
    }
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next()
        || q.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot switch %1 to WAL mode").arg(m_path),
            SourceLocation {m_path});
    return {};
}

void StoreWorker::teardownConnection()
{
    // Prepared statements belong to the connection: a new one prepares them again.
    for (auto *query : {&m_insertAudit, &m_lastAudit, &m_writeHead, &m_begin, &m_commit, &m_rollback,
             &m_writeLock, &m_fetchItem, &m_fetchAudit})
        query->reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

void StoreWorker::close()
{
    teardownConnection();
    delete m_heartbeat;
    m_heartbeat = nullptr;
    delete m_reconnect;
    m_reconnect = nullptr;
    m_dialect = Dialect::Sqlite;
    m_password.clear();
    m_teamUrl.clear();
    m_down = false;
}

Status StoreWorker::requireOpen() const
{
    if (m_down)  // nothing is queued for later: the caller learns now, and can retry
        return fail(ErrorCode::Unavailable,
            QStringLiteral("the connection to %1 is lost; reconnecting").arg(m_path),
            SourceLocation {m_path});
    if (!m_db.isOpen())
        return fail(ErrorCode::Usage, QStringLiteral("the store is not open"));
    return {};
}

ErrorCode StoreWorker::codeFor(const QSqlError &error) const
{
    const QString native = error.nativeErrorCode();
    if (m_dialect == Dialect::Postgres) {  // SQLSTATE
        if (native.startsWith(u"08") || native.startsWith(u"57P") || native.startsWith(u"53"))
            return ErrorCode::Unavailable;  // connection, shutdown, resources
        if (native == u"42501")
            return ErrorCode::Refused;  // privileges, row-level security
        if (native.startsWith(u"23") || native == u"40001" || native == u"40P01")
            return ErrorCode::Conflict;  // constraint, serialization, deadlock
        return ErrorCode::Internal;
    }
    if (native == u"5" || native == u"6" || native == u"10" || native == u"13" || native == u"14")
        return ErrorCode::Unavailable;  // busy, locked, I/O, full, cannot open
    if (native == u"19" || native == u"2067" || native == u"1555")
        return ErrorCode::Conflict;  // constraint: someone created it first
    return ErrorCode::Internal;
}

Error StoreWorker::sqlError(const QSqlQuery &query, const QString &what) const
{
    const QSqlError error = query.lastError();
    return Error {codeFor(error), QStringLiteral("%1: %2").arg(what, error.text()), SourceLocation {m_path}};
}

Status StoreWorker::exec(QSqlQuery &query, const QString &what) const
{
    if (!query.exec())
        return std::unexpected(sqlError(query, what));
    return {};
}

Result<int> StoreWorker::schemaVersion()
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    return SqlMigrator::currentVersion(m_db);
}

Status StoreWorker::execStatement(std::optional<QSqlQuery> &query, const QString &sql)
{
    // Prepared once: a per-entry append is BEGIN + read head + INSERT + COMMIT, all on the hot path.
    if (!query) {
        query.emplace(m_db);
        if (!query->prepare(sql))
            return std::unexpected(sqlError(*query, sql));
    }
    return exec(*query, sql);
}

Status StoreWorker::inTransaction(const std::function<Status()> &body)
{
    if (auto ok = requireOpen(); !ok)
        return ok;
    if (auto ok = beginWrite(); !ok)
        return fail(ok.error().code, QStringLiteral("cannot start a transaction: ") + ok.error().message,
            ok.error().location);
    m_pendingHead.reset();
    Status result = body();
    if (result && m_pendingHead)
        result = writeChainHead(*m_pendingHead);
    m_pendingHead.reset();
    if (result)
        result = endWrite(true);
    if (!result) {
        if (auto undone = endWrite(false); !undone)
            qCWarning(lcStore) << "rollback failed:" << undone.error().message;
    }
    return result;
}

Status StoreWorker::beginWrite()
{
    if (m_dialect == Dialect::Sqlite)
        return execStatement(m_begin, QStringLiteral("BEGIN IMMEDIATE"));
    // PostgreSQL cannot PREPARE a BEGIN. The advisory lock serialises writers the way SQLite's
    // write lock does, so the audit chain head read inside the transaction cannot go stale.
    if (!m_db.transaction())
        return fail(codeFor(m_db.lastError()), m_db.lastError().text(), SourceLocation {m_path});
    return execStatement(m_writeLock, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWriteLock));
}

Status StoreWorker::endWrite(bool commit)
{
    if (m_dialect == Dialect::Sqlite)
        return commit ? execStatement(m_commit, QStringLiteral("COMMIT"))
                      : execStatement(m_rollback, QStringLiteral("ROLLBACK"));
    if (commit ? m_db.commit() : m_db.rollback())
        return {};
    return fail(codeFor(m_db.lastError()),
        QStringLiteral("cannot %1: %2").arg(commit ? u"commit" : u"roll back", m_db.lastError().text()),
        SourceLocation {m_path});
}

Result<StoreWorker::ChainHead> StoreWorker::chainHead()
{
    if (!m_lastAudit) {
        m_lastAudit.emplace(m_db);
        m_lastAudit->prepare(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    }
    QSqlQuery &q = *m_lastAudit;
    if (auto ok = exec(q, QStringLiteral("cannot read the audit log")); !ok)
        return std::unexpected(ok.error());
    ChainHead head {0, genesisHash()};
    if (q.next())
        head = {q.value(0).toLongLong(), q.value(1).toString().toLatin1()};
    q.finish();
    return head;
}

Result<AuditEntry> StoreWorker::insertAudit(AuditEntry entry, ChainHead &head)
{
    if (!m_insertAudit) {
        m_insertAudit.emplace(m_db);
        m_insertAudit->prepare(
            QStringLiteral("INSERT INTO audit_log (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .arg(kAuditColumns));
    }
    entry.seq = head.seq + 1;
    entry.at
        = entry.at.isValid() ? QDateTime::fromMSecsSinceEpoch(entry.at.toMSecsSinceEpoch(), Qt::UTC) : now();
    entry.prevHash = head.hash;
    entry.hash = chainHash(entry.prevHash, entry);
    QSqlQuery &q = *m_insertAudit;
    q.bindValue(0, entry.seq);
    q.bindValue(1, entry.at.toString(Qt::ISODateWithMs));
    q.bindValue(2, text(entry.actor));
    q.bindValue(3, text(entry.action));
    q.bindValue(4, text(entry.release));
    q.bindValue(5, text(entry.subject));
    q.bindValue(6, jsonText(entry.before));
    q.bindValue(7, jsonText(entry.after));
    q.bindValue(8, QString::fromLatin1(entry.prevHash));
    q.bindValue(9, QString::fromLatin1(entry.hash));
    if (auto ok = exec(q, QStringLiteral("cannot append to the audit log")); !ok)
        return std::unexpected(ok.error());
    head = {entry.seq, entry.hash};
    m_pendingHead = head;
    return entry;
}

Status StoreWorker::record(AuditEntry entry, QList<AuditEntry> &appended)
{
    auto head = chainHead();
    if (!head)
        return std::unexpected(head.error());
    auto inserted = insertAudit(std::move(entry), *head);
    if (!inserted)
        return std::unexpected(inserted.error());
    appended.append(std::move(*inserted));
    return {};
}

Status StoreWorker::writeChainHead(const ChainHead &head)
{
    if (!m_writeHead) {
        m_writeHead.emplace(m_db);
        m_writeHead->prepare(
            QStringLiteral("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) "
                           "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash"));
    }
    m_writeHead->bindValue(0, head.seq);
    m_writeHead->bindValue(1, QString::fromLatin1(head.hash));
    return exec(*m_writeHead, QStringLiteral("cannot record the audit chain's head"));
}

void StoreWorker::announce(const QList<AuditEntry> &entries) const
{
    // One posted event for the whole batch; the Store's thread emits.
    Store *store = m_store;
    QMetaObject::invokeMethod(
        store,
        [store, entries] {
            for (const AuditEntry &entry : entries)
                emit store->auditAppended(entry);
        },
        Qt::QueuedConnection);
}

void StoreWorker::announceRelease(const QList<AuditEntry> &entries, const QString &version) const
{
    announce(entries);
    Store *store = m_store;
    QMetaObject::invokeMethod(
        store, [store, version] { emit store->releaseChanged(version); }, Qt::QueuedConnection);
}

Result<AuditEntry> StoreWorker::appendAudit(const AuditEntry &entry)
{
    AuditEntry saved;
    const Status ok = inTransaction([&]() -> Status {
        auto head = chainHead();
        if (!head)
            return std::unexpected(head.error());
        auto inserted = insertAudit(entry, *head);
        if (!inserted)
            return std::unexpected(inserted.error());
        saved = *inserted;
        return {};
    });
    if (!ok)
        return std::unexpected(ok.error());
    announce({saved});
    return saved;
}

Status StoreWorker::appendAuditBatch(const QList<AuditEntry> &entries)
{
    QList<AuditEntry> saved;
    saved.reserve(entries.size());
    const Status ok = inTransaction([&]() -> Status {
        auto head = chainHead();
        if (!head)
            return std::unexpected(head.error());
        for (const AuditEntry &entry : entries) {
            auto inserted = insertAudit(entry, *head);
            if (!inserted)
                return std::unexpected(inserted.error());
            saved.append(std::move(*inserted));
        }
        return {};
    });
    if (ok)
        announce(saved);
    return ok;
}

Result<QList<AuditEntry>> StoreWorker::auditLog(const QString &release)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString filter = release.isEmpty() ? QString() : QStringLiteral(" WHERE release = ?");
    q.prepare(QStringLiteral("SELECT %1 FROM audit_log%2 ORDER BY seq").arg(kAuditColumns, filter));
    if (!release.isEmpty())
        q.addBindValue(release);
    if (auto ok = exec(q, QStringLiteral("cannot read the audit log")); !ok)
        return std::unexpected(ok.error());
    QList<AuditEntry> entries;
    while (q.next())
        entries.append(auditFromRow(q));
    return entries;
}

Result<AuditEntry> StoreWorker::auditEntry(qint64 seq)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    if (!m_fetchAudit) {
        m_fetchAudit.emplace(m_db);
        m_fetchAudit->prepare(QStringLiteral("SELECT %1 FROM audit_log WHERE seq = ?").arg(kAuditColumns));
    }
    QSqlQuery &q = *m_fetchAudit;
    q.bindValue(0, seq);
    if (auto ok = exec(q, QStringLiteral("cannot read audit entry %1").arg(seq)); !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return fail(ErrorCode::NotFound, QStringLiteral("no audit entry %1").arg(seq));
    AuditEntry entry = auditFromRow(q);
    q.finish();
    return entry;
}

Result<AuditVerification> StoreWorker::verifyAudit()
{
    auto entries = auditLog({});
    if (!entries)
        return std::unexpected(entries.error());
    AuditVerification result = verifyAuditChain(*entries);
    if (!result.ok)
        return result;
    // The chain cannot see its own tail cut off: compare its end with the recorded head.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1")))
        return std::unexpected(sqlError(q, QStringLiteral("cannot read the audit chain's head")));
    const qint64 lastSeq = entries->isEmpty() ? 0 : entries->last().seq;
    const QByteArray lastHash = entries->isEmpty() ? genesisHash() : entries->last().hash;
    if (!q.next()) {
        if (lastSeq > 0)
            result = {
                false, result.entries, lastSeq, QStringLiteral("the audit chain's head record is missing")};
        return result;
    }
    const qint64 headSeq = q.value(0).toLongLong();
    const QByteArray headHash = q.value(1).toString().toLatin1();
    if (headSeq > lastSeq) {
        result = {false, result.entries, lastSeq + 1,
            QStringLiteral("entry %1: missing; the log ends at entry %2 but entry %3 was recorded (deleted?)")
                .arg(lastSeq + 1)
                .arg(lastSeq)
                .arg(headSeq)};
    } else if (headSeq < lastSeq) {
        result = {false, result.entries, headSeq + 1,
            QStringLiteral("entry %1: not in the recorded head (appended outside the cockpit?)")
                .arg(headSeq + 1)};
    } else if (headHash != lastHash) {
        result = {false, result.entries, lastSeq,
            QStringLiteral("entry %1: differs from the recorded head (rewritten?)").arg(lastSeq)};
    }
    return result;
}

}  // namespace cockpit
