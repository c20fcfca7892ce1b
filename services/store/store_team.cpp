// StoreWorker in team mode (PostgreSQL): connecting with the password from the keychain, the
// LISTEN (the notices are mapped to signals in store_team_notify.cpp), and noticing a lost
// connection and re-establishing it with backoff. Everything here runs on the worker's thread.
#include "secret_store.h"
#include "sql_migrator.h"
#include "store.h"
#include "store_worker.h"
#include "team_store_url.h"

#include <QLoggingCategory>
#include <QSemaphore>
#include <QSqlError>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace cockpit {

namespace {

constexpr int kHeartbeatMs = 1000;  // how soon an idle cockpit notices the server went away
constexpr int kFirstRetryMs = 250;
constexpr int kMaxRetryMs = 8000;
constexpr int kKeychainTimeoutMs = 30000;  // an unlock prompt may be on screen

// Waits on this (worker) thread for the keychain, whose job runs on the main thread.
Result<QString> readPassword(const QString &key)
{
    auto done = std::make_shared<QSemaphore>();
    QFuture<Result<QString>> future = SecretStore::read(key);
    future.then(QtFuture::Launch::Sync, [done](const Result<QString> &) { done->release(); });
    if (!done->tryAcquire(1, kKeychainTimeoutMs))
        return fail(ErrorCode::Unavailable, QStringLiteral("the keychain did not answer for %1").arg(key));
    return future.result();
}

}  // namespace

Status StoreWorker::openTeam(const QString &url, int upToVersion)
{
    auto team = TeamStoreUrl::parse(url);
    if (!team)
        return std::unexpected(team.error());
    m_dialect = Dialect::Postgres;
    m_teamUrl = team->toString();
    m_path = m_teamUrl;
    m_upToVersion = upToVersion;
    m_password = team->password;
    if (m_password.isEmpty()) {
        // No entry, or no keychain: libpq's own means remain (PGPASSFILE/~/.pgpass, peer, trust).
        auto secret = readPassword(team->keychainKey());
        if (secret)
            m_password = *secret;
        else
            qCInfo(lcStore) << "no password from the keychain for" << team->keychainKey() << "-"
                            << secret.error().message << "- trying libpq's defaults";
    }
    Status ready = connectTeam();
    if (ready)
        ready = SqlMigrator(QStringLiteral("postgresql")).migrate(m_db, upToVersion, now());
    if (!ready) {
        close();
        return ready;
    }
    m_heartbeat = new QTimer(this);
    m_heartbeat->setInterval(kHeartbeatMs);
    connect(m_heartbeat, &QTimer::timeout, this, &StoreWorker::heartbeat);
    m_heartbeat->start();
    m_reconnect = new QTimer(this);
    m_reconnect->setSingleShot(true);
    connect(m_reconnect, &QTimer::timeout, this, &StoreWorker::tryReconnect);
    qCInfo(lcStore) << "opened" << team->displayName();
    return {};
}

Status StoreWorker::connectTeam()
{
    teardownConnection();
    const auto team = TeamStoreUrl::parse(m_teamUrl);
    if (!team)
        return std::unexpected(team.error());
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
    if (!m_db.isValid()) {
        teardownConnection();
        return fail(
            ErrorCode::Unavailable, QStringLiteral("the Qt PostgreSQL driver (QPSQL) is not installed"));
    }
    m_db.setHostName(team->host);
    m_db.setPort(team->port);
    m_db.setDatabaseName(team->database);
    m_db.setUserName(team->user);
    if (!m_password.isEmpty())
        m_db.setPassword(m_password);
    QString options = QStringLiteral("connect_timeout=5;application_name=release-cockpit");
    if (!team->connectOptions().isEmpty())
        options += u';' + team->connectOptions();
    m_db.setConnectOptions(options);
    if (!m_db.open()) {
        // libpq's message names host, port, user and database, never the password.
        const QString why = m_db.lastError().text();
        teardownConnection();
        return fail(ErrorCode::Unavailable,
            QStringLiteral("cannot connect to %1: %2").arg(team->displayName(), why),
            SourceLocation {m_teamUrl});
    }
    QSqlDriver *driver = m_db.driver();
    if (!driver->subscribeToNotification(kNotifyChannel)) {
        const QString why = driver->lastError().text();
        teardownConnection();
        return fail(
            ErrorCode::Unavailable, QStringLiteral("cannot LISTEN on %1: %2").arg(team->displayName(), why));
    }
    connect(driver, &QSqlDriver::notification, this, &StoreWorker::onNotification, Qt::UniqueConnection);
    return {};
}

void StoreWorker::emitOnStore(std::function<void(Store *)> fn) const
{
    QMetaObject::invokeMethod(
        m_store, [store = m_store, fn = std::move(fn)] { fn(store); }, Qt::QueuedConnection);
}

qint64 StoreWorker::insertedId(const QSqlQuery &query)
{
    if (m_dialect == Dialect::Sqlite)
        return query.lastInsertId().toLongLong();
    // lastval(): the sequence value this session drew last, i.e. the identity just inserted.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT lastval()")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

Error StoreWorker::checkFailure(const Error &error)
{
    if (m_down || error.code == ErrorCode::Unavailable || !m_db.isOpen())
        return error;
    QSqlQuery ping(m_db);
    if (ping.exec(QStringLiteral("SELECT 1")))
        return error;  // the statement failed on its own merits
    connectionLost(ping.lastError().text());
    return Error {ErrorCode::Unavailable,
        QStringLiteral("lost the connection to %1: %2").arg(m_teamUrl, error.message), error.location};
}

void StoreWorker::heartbeat()
{
    if (m_down)
        return;
    // QPSQL closes the database itself when the server hangs up on its notification socket.
    if (!m_db.isOpen()) {
        const QString why = m_db.lastError().text().trimmed();
        connectionLost(why.isEmpty() ? QStringLiteral("the server closed the connection") : why);
        return;
    }
    QSqlQuery ping(m_db);
    if (!ping.exec(QStringLiteral("SELECT 1")))
        connectionLost(ping.lastError().text());
}

void StoreWorker::connectionLost(const QString &why)
{
    if (m_down)
        return;
    m_down = true;
    teardownConnection();
    if (m_heartbeat)
        m_heartbeat->stop();
    qCWarning(lcStore) << "lost the connection to" << m_teamUrl << ":" << why;
    const QString message = QStringLiteral("lost the connection to %1: %2").arg(m_teamUrl, why.trimmed());
    emitOnStore([message](Store *store) { emit store->connectionChanged(false, message); });
    m_backoffMs = kFirstRetryMs;
    if (m_reconnect)
        m_reconnect->start(m_backoffMs);
}

void StoreWorker::tryReconnect()
{
    if (!m_down || m_teamUrl.isEmpty())
        return;
    Status back = connectTeam();
    if (back)  // a newer cockpit may have migrated meanwhile; an older schema is not ours to guess
        back = SqlMigrator(QStringLiteral("postgresql")).migrate(m_db, m_upToVersion, now());
    if (!back) {
        teardownConnection();
        m_backoffMs = std::min(m_backoffMs * 2, kMaxRetryMs);
        qCDebug(lcStore) << "reconnect failed, next try in" << m_backoffMs << "ms:" << back.error().message;
        m_reconnect->start(m_backoffMs);
        return;
    }
    m_down = false;
    m_heartbeat->start();
    qCInfo(lcStore) << "reconnected to" << m_teamUrl;
    emitOnStore([](Store *store) { emit store->connectionChanged(true, {}); });
    announceResync();
}

void StoreWorker::announceResync()
{
    // Whatever changed during the outage was announced to nobody: every view reloads.
    auto list = releases();
    if (!list)
        return;
    QStringList versions;
    for (const ReleaseRecord &r : *list)
        versions << r.version;
    emitOnStore([versions](Store *store) {
        for (const QString &v : versions) {
            emit store->releaseChanged(v);
            emit store->signoffChanged(v);
        }
    });
}

}  // namespace cockpit
