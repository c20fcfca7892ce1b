#include "store.h"

#include "sql_migrator.h"
#include "store_enqueue.h"
#include "store_worker.h"
#include "team_store_url.h"

#include <QDir>
#include <QPromise>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <type_traits>

namespace cockpit {

Store::Store(QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<StoreWorker>(this))
    , m_thread(new QThread(this))
{
    m_thread->setObjectName(QStringLiteral("cockpit-store"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

Store::~Store()
{
    // Queued behind every pending request, so they all finish first; the worker closes its
    // connection on its own thread and hands itself back so unique_ptr can delete it here.
    QThread *home = thread();
    StoreWorker *worker = m_worker.get();
    QThread *workerThread = m_thread;
    QMetaObject::invokeMethod(
        worker,
        [worker, workerThread, home] {
            worker->close();
            worker->moveToThread(home);
            workerThread->quit();
        },
        Qt::QueuedConnection);
    m_thread->wait();
}

QString Store::defaultUrl()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir + QStringLiteral("/cockpit.sqlite");
}

int Store::latestSchemaVersion()
{
    const auto migrations = SqlMigrator(QStringLiteral("sqlite")).available();
    return migrations ? int(migrations->size()) : 0;
}

QFuture<Status> Store::open(const QString &url)
{
    return openMigratedTo(url, -1);
}

QFuture<Status> Store::openMigratedTo(const QString &url, int schemaVersion)
{
    m_url = url;
    return enqueue(
        m_worker.get(), [w = m_worker.get(), url, schemaVersion] { return w->open(url, schemaVersion); });
}

QFuture<Status> Store::openForReading(const QString &url)
{
    m_url = url;
    return enqueue(m_worker.get(), [w = m_worker.get(), url] { return w->open(url, -1, true); });
}

QString Store::url() const
{
    if (TeamStoreUrl::isTeamUrl(m_url)) {
        const auto team = TeamStoreUrl::parse(m_url);
        return team ? team->toString() : QStringLiteral("postgresql://");
    }
    if (m_url.contains(QStringLiteral("://")))
        return QUrl(m_url).toString(QUrl::RemovePassword);
    return m_url;
}

bool Store::isTeam() const
{
    return TeamStoreUrl::isTeamUrl(m_url);
}

QString Store::login() const
{
    const auto team = isTeam() ? TeamStoreUrl::parse(m_url) : Result<TeamStoreUrl>(std::unexpected(Error {}));
    return team ? team->user : QString();
}

QString Store::displayName() const
{
    if (TeamStoreUrl::isTeamUrl(m_url)) {
        const auto team = TeamStoreUrl::parse(m_url);
        return team ? team->displayName() : QStringLiteral("PostgreSQL (malformed URL)");
    }
    const QString u = url();
    if (u.contains(QStringLiteral("://")))
        return QStringLiteral("PostgreSQL %1").arg(u);
    QString path
        = QDir::cleanPath(QDir().absoluteFilePath(u.startsWith(QStringLiteral("sqlite:")) ? u.mid(7) : u));
    const QString home = QDir::homePath();
    if (path.startsWith(home + u'/'))
        path = u'~' + path.mid(home.size());
    return QStringLiteral("SQLite %1").arg(path);
}

void Store::setClock(std::function<QDateTime()> clock)
{
    // Queued like everything else, so it applies to every request made after this call.
    QMetaObject::invokeMethod(
        m_worker.get(), [w = m_worker.get(), clock = std::move(clock)] { w->setClock(clock); },
        Qt::QueuedConnection);
}

QFuture<Result<int>> Store::schemaVersion()
{
    return enqueue(m_worker.get(), [w = m_worker.get()] { return w->schemaVersion(); });
}

}  // namespace cockpit
