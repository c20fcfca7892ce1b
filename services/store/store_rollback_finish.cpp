// The end of a rollback in the store (migration 008): aborting it, or finishing it, which marks the
// release rolled back, sets its deploy lock and appends the post-rollback checklist in one
// transaction; reading and lifting the deploy lock.
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonObject>

namespace cockpit {

QFuture<Result<RollbackRecord>> Store::abortRollback(qint64 id, QString reason, QString actor)
{
    return enqueue(
        m_worker.get(), [w = m_worker.get(), id, reason = std::move(reason), actor = std::move(actor)] {
            return w->abortRollback(id, reason, actor);
        });
}

QFuture<Result<RollbackRecord>> Store::finishRollback(
    qint64 id, QString lockReason, std::optional<ChecklistPhase> checklist, QString actor)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), id, lockReason = std::move(lockReason), checklist = std::move(checklist),
            actor = std::move(actor)] { return w->finishRollback(id, lockReason, checklist, actor); });
}

QFuture<Result<std::optional<DeployLock>>> Store::deployLock(QString version)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version)] { return w->deployLock(version); });
}

QFuture<Result<DeployLock>> Store::liftDeployLock(QString version, QString reason, QString actor)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version), reason = std::move(reason),
            actor = std::move(actor)] { return w->liftDeployLock(version, reason, actor); });
}

namespace {

QJsonObject lockJson(const DeployLock &lock)
{
    return {{QStringLiteral("reason"), lock.reason}, {QStringLiteral("locked_by"), lock.lockedBy},
        {QStringLiteral("lifted_by"), lock.liftedBy}, {QStringLiteral("lift_reason"), lock.liftReason}};
}

// What a successful rollback writes to the audit log: its end, the release's state, the lock.
QList<AuditEntry> finishEntries(
    const RollbackRecord &saved, ReleaseState before, const QString &lockReason, const QString &actor)
{
    const QDateTime at = saved.finishedAt;
    const QString id = QString::number(saved.id);
    return {
        {0, at, actor, QStringLiteral("rollback.finish"), saved.version, id,
            {{QStringLiteral("state"), rollbackStateName(RollbackState::Running)}},
            {{QStringLiteral("state"), rollbackStateName(saved.state)},
                {QStringLiteral("target_version"), saved.plan.targetVersion}},
            {}, {}},
        {0, at, actor, QStringLiteral("release.state"), saved.version, {},
            {{QStringLiteral("state"), releaseStateName(before)}},
            {{QStringLiteral("state"), releaseStateName(ReleaseState::RolledBack)}}, {}, {}},
        {0, at, actor, QStringLiteral("deploy.lock"), saved.version, id, {},
            lockJson(DeployLock {saved.version, lockReason, actor, at, {}, {}, {}}), {}, {}},
    };
}

}  // namespace

Result<RollbackRecord> StoreWorker::abortRollback(qint64 id, const QString &reason, const QString &actor)
{
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::BadInput, QStringLiteral("aborting a rollback needs a reason"));
    return changeRollback(id, [&](RollbackRecord &saved, Transaction &tx) -> Status {
        if (saved.state == RollbackState::Succeeded || saved.state == RollbackState::Aborted)
            return fail(ErrorCode::Refused,
                QStringLiteral("rollback #%1 is already %2")
                    .arg(QString::number(id), rollbackStateName(saved.state)));
        const RollbackState before = saved.state;
        saved.state = RollbackState::Aborted;
        saved.note = reason;
        saved.finishedAt = now();
        if (auto done = updateRollbackState(id, saved.state, reason, saved.finishedAt); !done)
            return done;
        return record(
            AuditEntry {0, saved.finishedAt, actor, QStringLiteral("rollback.finish"), saved.version,
                QString::number(id), {{QStringLiteral("state"), rollbackStateName(before)}},
                {{QStringLiteral("state"), rollbackStateName(saved.state)},
                    {QStringLiteral("reason"), reason}},
                {}, {}},
            tx);
    });
}

Result<RollbackRecord> StoreWorker::finishRollback(qint64 id, const QString &lockReason,
    const std::optional<ChecklistPhase> &checklist, const QString &actor)
{
    return changeRollback(id, [&](RollbackRecord &saved, Transaction &tx) -> Status {
        if (saved.state != RollbackState::Running)
            return fail(ErrorCode::Refused,
                QStringLiteral("rollback #%1 is %2, not running")
                    .arg(QString::number(id), rollbackStateName(saved.state)));
        auto release = this->release(saved.version);
        if (!release)
            return std::unexpected(release.error());
        const QDateTime at = now();
        saved.state = RollbackState::Succeeded;
        saved.finishedAt = at;
        if (auto done = updateRollbackState(id, saved.state, {}, at); !done)
            return done;
        // finishEntries: rollback.finish (which also explains the appended items), then release.state.
        const auto seq = nextAuditSeq();
        if (!seq)
            return std::unexpected(seq.error());
        QSqlQuery state(m_db);
        state.prepare(QStringLiteral(
            "UPDATE releases SET state = ?, row_version = row_version + 1, audit_seq = ? WHERE id = ?"));
        state.addBindValue(releaseStateName(ReleaseState::RolledBack));
        state.addBindValue(*seq + 1);
        state.addBindValue(release->id);
        if (auto done = exec(state, QStringLiteral("cannot change release %1").arg(saved.version)); !done)
            return done;
        QSqlQuery lock(m_db);
        lock.prepare(
            QStringLiteral("INSERT INTO deploy_locks (version, rollback_id, reason, locked_by, locked_at) "
                           "VALUES (?, ?, ?, ?, ?)"));
        for (const QVariant &v :
            {text(saved.version), QVariant(id), text(lockReason), text(actor), timeValue(at)})
            lock.addBindValue(v);
        if (auto done = exec(lock, QStringLiteral("cannot lock the deploys of %1").arg(saved.version)); !done)
            return done;
        if (checklist) {
            if (auto done = insertChecklistPhase(*release, *checklist, *seq); !done)
                return done;
        }
        const QList<AuditEntry> entries = finishEntries(saved, release->state, lockReason, actor);
        for (const AuditEntry &entry : entries) {
            if (auto done = record(entry, tx); !done)
                return done;
        }
        return {};
    });
}

Result<std::optional<DeployLock>> StoreWorker::activeDeployLock(const QString &version)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT reason, locked_by, locked_at FROM deploy_locks WHERE version = ? AND "
                             "lifted_by = '' ORDER BY id DESC"));
    q.addBindValue(version);
    if (auto ok = exec(q, QStringLiteral("cannot read the deploy lock of %1").arg(version)); !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return std::optional<DeployLock> {};
    return std::optional<DeployLock> {DeployLock {version, q.value(0).toString(), q.value(1).toString(),
        QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs), {}, {}, {}}};
}

Result<std::optional<DeployLock>> StoreWorker::deployLock(const QString &version)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    return activeDeployLock(version);
}

Result<DeployLock> StoreWorker::liftDeployLock(
    const QString &version, const QString &reason, const QString &actor)
{
    if (reason.trimmed().isEmpty())
        return fail(
            ErrorCode::BadInput, QStringLiteral("lifting the deploy lock of %1 needs a reason").arg(version));
    DeployLock lock;
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = version;
        auto active = activeDeployLock(version);
        if (!active)
            return std::unexpected(active.error());
        if (!*active)
            return fail(ErrorCode::NotFound, QStringLiteral("release %1 has no deploy lock").arg(version));
        lock = **active;
        lock.liftedBy = actor;
        lock.liftReason = reason;
        lock.liftedAt = now();
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE deploy_locks SET lifted_by = ?, lift_reason = ?, lifted_at = ? "
                                 "WHERE version = ? AND lifted_by = ''"));
        for (const QVariant &v : {text(actor), text(reason), timeValue(lock.liftedAt), text(version)})
            q.addBindValue(v);
        if (auto done = exec(q, QStringLiteral("cannot lift the deploy lock of %1").arg(version)); !done)
            return done;
        return record(AuditEntry {0, lock.liftedAt, actor, QStringLiteral("deploy.unlock"), version, {},
                          lockJson(**active), lockJson(lock), {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return lock;
}

}  // namespace cockpit
