// Deployments in the store (migration 007): Store's entry points and the worker's half. Recording
// one starts the release's soak and rollback window; a deploy lock refuses it.
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonObject>

namespace cockpit {

QFuture<Result<Deployment>> Store::recordDeployment(
    QString version, QString environment, QString actor, QString commit)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version), environment = std::move(environment),
            actor = std::move(actor), commit = std::move(commit)] {
            return w->recordDeployment(version, environment, actor, commit);
        });
}

QFuture<Result<QList<Deployment>>> Store::deployments(QString version)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version)] { return w->deployments(version); });
}

Result<Deployment> StoreWorker::recordDeployment(
    const QString &version, const QString &environment, const QString &actor, const QString &commit)
{
    Deployment deployment {version, environment, {}, actor, now()};
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = version;
        auto found = findRelease(version);
        if (!found)
            return std::unexpected(found.error());
        if (!*found)
            return fail(ErrorCode::NotFound, QStringLiteral("no release %1").arg(version));
        const ReleaseRecord &release = **found;
        // A rolled-back release stays undeployable until a person lifts its lock with a reason.
        auto lock = activeDeployLock(version);
        if (!lock)
            return std::unexpected(lock.error());
        if (*lock)
            return fail(ErrorCode::Refused,
                QStringLiteral(
                    "release %1 is locked against deploys (%2, by %3): lift the lock with a reason "
                    "first (release unlock %1 --reason ...)")
                    .arg(version, (*lock)->reason, (*lock)->lockedBy));
        deployment.commit = commit.isEmpty() ? release.commit : commit;
        QSqlQuery insert(m_db);
        insert.prepare(QStringLiteral("INSERT INTO deployments (release_id, environment, commit_sha, actor, "
                                      "deployed_at) VALUES (?, ?, ?, ?, ?)"));
        for (const QVariant &value : {QVariant(release.id), text(environment), text(deployment.commit),
                 text(actor), QVariant(deployment.deployedAt.toString(Qt::ISODateWithMs))})
            insert.addBindValue(value);
        if (auto done = exec(insert, QStringLiteral("cannot record the deployment of %1").arg(version));
            !done)
            return done;
        const auto seq = nextAuditSeq();  // release.deploy's, named by the release
        if (!seq)
            return std::unexpected(seq.error());
        QSqlQuery state(m_db);
        state.prepare(QStringLiteral(
            "UPDATE releases SET state = ?, row_version = row_version + 1, audit_seq = ? WHERE id = ?"));
        state.addBindValue(releaseStateName(ReleaseState::Soaking));
        state.addBindValue(*seq);
        state.addBindValue(release.id);
        if (auto done = exec(state, QStringLiteral("cannot change release %1").arg(version)); !done)
            return done;
        return record(
            AuditEntry {0, deployment.deployedAt, actor, QStringLiteral("release.deploy"), version,
                environment, QJsonObject {{QStringLiteral("state"), releaseStateName(release.state)}},
                QJsonObject {{QStringLiteral("state"), releaseStateName(ReleaseState::Soaking)},
                    {QStringLiteral("environment"), environment}, {QStringLiteral("commit"), deployment.commit}},
                {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return deployment;
}

Result<QList<Deployment>> StoreWorker::deployments(const QString &version)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT d.environment, d.commit_sha, d.actor, d.deployed_at FROM deployments d "
        "JOIN releases r ON r.id = d.release_id WHERE r.version = ? ORDER BY d.deployed_at, d.id"));
    q.addBindValue(version);
    if (auto ok = exec(q, QStringLiteral("cannot read the deployments of %1").arg(version)); !ok)
        return std::unexpected(ok.error());
    QList<Deployment> list;
    while (q.next())
        list << Deployment {version, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs)};
    return list;
}

}  // namespace cockpit
