// Store queries for the release metrics: every deployment of every release.
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

namespace cockpit {

QFuture<Result<QList<Deployment>>> Store::allDeployments()
{
    return enqueue(m_worker.get(), [w = m_worker.get()] { return w->allDeployments(); });
}

Result<QList<Deployment>> StoreWorker::allDeployments()
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT r.version, d.environment, d.commit_sha, d.actor, d.deployed_at FROM deployments d "
        "JOIN releases r ON r.id = d.release_id ORDER BY d.deployed_at, d.id"));
    if (auto ok = exec(q, QStringLiteral("cannot read the deployments")); !ok)
        return std::unexpected(ok.error());
    QList<Deployment> list;
    while (q.next())
        list << Deployment {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs)};
    return list;
}

}  // namespace cockpit
