// What the evidence manifest asks of the store besides the release's records: the database engine
// and the version of the server that holds them.
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

namespace cockpit {

QFuture<Result<QString>> Store::serverVersion()
{
    return enqueue(m_worker.get(), [w = m_worker.get()] { return w->serverVersion(); });
}

Result<QString> StoreWorker::serverVersion()
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    // PostgreSQL's version() is a sentence ("PostgreSQL 15.5 (Debian 15.5-0+deb12u1) on x86_64...");
    // server_version is the number alone.
    const bool team = isTeam();
    q.prepare(team ? QStringLiteral("SHOW server_version") : QStringLiteral("SELECT sqlite_version()"));
    if (auto ok = exec(q, QStringLiteral("cannot ask the database for its version")); !ok)
        return std::unexpected(ok.error());
    const QString version = q.next() ? q.value(0).toString() : QString();
    return (team ? QStringLiteral("PostgreSQL ") : QStringLiteral("SQLite ")) + version;
}

}  // namespace cockpit
