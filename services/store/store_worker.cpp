#include "store_worker.h"

#include "sql_migrator.h"
#include "sqlite_file_check.h"
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

// The advisory lock key every team-mode write transaction takes (any fixed number will do).
constexpr qint64 kWriteLock = 0x636f636b70697402;  // "cockpit\x02"
constexpr int kOtherWritersMs = 2000;  // how soon a window sees what the command line wrote (SQLite)

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

QVariant StoreWorker::timeValue(const QDateTime &at)
{
    return at.isValid() ? QVariant(at.toUTC().toString(Qt::ISODateWithMs))
                        : QVariant(QMetaType::fromType<QString>());
}

QDateTime StoreWorker::timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

Status StoreWorker::open(const QString &url, int upToVersion, bool readOnly)
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
    // A reader of an existing, up-to-date database writes nothing, so it works on a read-only copy
    // and never waits for a writer. A missing file or an older schema needs a writer's open.
    if (readOnly && info.exists() && info.size() > 0) {
        if (auto ready = connectSqlite(true); !ready)
            return ready;
        const auto kind = inspectSqliteFile(m_db, m_path);
        const auto current = kind ? SqlMigrator::currentVersion(m_db) : Result<int>(0);
        const int latest = Store::latestSchemaVersion();
        const int wanted = upToVersion < 0 ? latest : std::min(upToVersion, latest);
        if (!kind || !current) {
            const Error error = !kind ? kind.error() : current.error();
            close();
            return std::unexpected(error);
        }
        if (*current == wanted) {
            qCInfo(lcStore) << "opened read-only" << m_path;
            return {};
        }
        close();
    }
    if (auto ready = connectSqlite(false); !ready)
        return ready;
    // Nothing is written (WAL, tables, the id) before the file is known to be ours.
    const auto kind = inspectSqliteFile(m_db, m_path);
    Status ready = kind ? switchToWal() : Status(std::unexpected(kind.error()));
    if (ready)
        ready = SqlMigrator(QStringLiteral("sqlite")).migrate(m_db, upToVersion, now());
    if (!ready) {
        close();
        return ready;
    }
    m_otherWriters = new QTimer(this);
    m_otherWriters->setInterval(kOtherWritersMs);
    connect(m_otherWriters, &QTimer::timeout, this, &StoreWorker::watchOtherWriters);
    m_otherWriters->start();
    watchOtherWriters();  // the version to compare with
    qCInfo(lcStore) << "opened" << m_path;
    return {};
}

void StoreWorker::watchOtherWriters()
{
    if (!m_db.isOpen() || m_writing)
        return;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return;
    const qint64 version = q.value(0).toLongLong();
    q = QSqlQuery();
    const bool changed = m_dataVersion >= 0 && version != m_dataVersion;
    m_dataVersion = version;
    if (changed)
        announceResync();
}

Status StoreWorker::connectSqlite(bool readOnly)
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                                    : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot open database %1: %2").arg(m_path, why),
            SourceLocation {m_path});
    }
    QSqlQuery q(m_db);
    // Connection settings only, nothing in the file: FULL fsyncs a commit before the future
    // reports it saved; the busy timeout lets two cockpits share a file; foreign keys are off by
    // default in SQLite.
    for (const char *pragma :
        {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = FULL", "PRAGMA busy_timeout = 5000"}) {
        if (!q.exec(QString::fromLatin1(pragma))) {
            const Status failed = isNotADatabase(q.lastError())
                ? Status(std::unexpected(notOurDatabase(m_path, QStringLiteral("is not a SQLite database"))))
                : fail(ErrorCode::Unavailable,
                      QStringLiteral("cannot open database %1: %2").arg(m_path, q.lastError().text()),
                      SourceLocation {m_path});
            q = QSqlQuery();
            close();
            return failed;
        }
    }
    return {};
}

Status StoreWorker::switchToWal()
{
    // Already WAL (every database of ours after its first open): answered without a lock.
    QSqlQuery q(m_db);
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
             &m_writeLock, &m_fetchAudit})
        query->reset();
    m_prepared.clear();
    m_checklists.clear();
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
    // Timers go with the connection, before the worker is handed back to its home thread (a
    // running timer moved across threads leaves Qt's re-registration request behind: a leak).
    delete m_otherWriters;
    m_otherWriters = nullptr;
    m_dataVersion = -1;
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

Result<QSqlQuery *> StoreWorker::run(const QString &sql, const QVariantList &values, const QString &what)
{
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
        QSqlQuery q(m_db);
        if (!q.prepare(sql))
            return std::unexpected(sqlError(q, what));
        it = m_prepared.emplace(sql, std::move(q)).first;
    }
    QSqlQuery &q = it->second;
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values[i]);
    if (auto ok = exec(q, what); !ok)
        return std::unexpected(ok.error());
    return &q;
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

Status StoreWorker::beginTransaction()
{
    if (auto ok = requireOpen(); !ok)
        return ok;
    if (auto ok = beginWrite(); !ok)
        return fail(ok.error().code, QStringLiteral("cannot start a transaction: ") + ok.error().message,
            ok.error().location);
    m_pendingHead.reset();
    m_writing = true;
    return {};
}

Status StoreWorker::endTransaction(bool commit)
{
    m_writing = false;
    Status result;
    if (commit && m_pendingHead)
        result = writeChainHead(*m_pendingHead);
    m_pendingHead.reset();
    if (commit && result)
        result = endWrite(true);
    if (!commit || !result) {
        if (auto undone = endWrite(false); !undone)
            qCWarning(lcStore) << "rollback failed:" << undone.error().message;
    }
    return result;
}

void StoreWorker::announce(Transaction tx) const
{
    if (tx.appended.isEmpty() && tx.changedRelease.isEmpty() && !tx.then)
        return;
    // One posted event for everything the transaction changed: one thread hop, in saved order.
    emitOnStore([tx = std::move(tx)](Store *store) {
        for (const AuditEntry &entry : tx.appended)
            emit store->auditAppended(entry);
        if (!tx.changedRelease.isEmpty())
            emit store->releaseChanged(tx.changedRelease);
        if (tx.then)
            tx.then(store);
    });
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

}  // namespace cockpit
