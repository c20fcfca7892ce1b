// A release's lifecycle moves in the store: the state (and, for a release candidate, the pinned
// commit) changes in one transaction with the audit entry that says who moved it and why.
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cockpit {

QFuture<Result<ReleaseRecord>> Store::moveRelease(LifecycleMove move)
{
    return enqueue(m_worker.get(), [w = m_worker.get(), move = std::move(move)] { return w->moveRelease(move); });
}

Result<ReleaseRecord> StoreWorker::moveRelease(const LifecycleMove &move)
{
    ReleaseRecord saved;
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = move.version;
        auto found = release(move.version);
        if (!found)
            return std::unexpected(found.error());
        saved = *found;
        if (saved.state != move.from)
            return fail(ErrorCode::Conflict,
                QStringLiteral("release %1 is %2 now, not %3: someone moved it meanwhile")
                    .arg(move.version, releaseStateName(saved.state), releaseStateName(move.from)));
        if (move.to != move.from && !lifecycleAllows(move.from, move.to))
            return fail(ErrorCode::Refused, lifecycleRefusal(move.from, move.to));
        QJsonObject before {{QStringLiteral("state"), releaseStateName(saved.state)}};
        QJsonObject after {{QStringLiteral("state"), releaseStateName(move.to)}};
        if (!move.reason.isEmpty())
            after.insert(QStringLiteral("reason"), move.reason);
        if (!move.overridden.isEmpty())
            after.insert(QStringLiteral("overridden"), QJsonArray::fromStringList(move.overridden));
        if (!move.pinCommit.isEmpty()) {
            before.insert(QStringLiteral("commit"), saved.commit);
            before.insert(QStringLiteral("commit_pinned"), saved.commitPinned);
            after.insert(QStringLiteral("commit"), move.pinCommit);
            after.insert(QStringLiteral("commit_pinned"), true);
            saved.commit = move.pinCommit;
            saved.commitPinned = true;
        }
        if (move.to == ReleaseState::Frozen && !move.freezeCommit.isEmpty()) {
            after.insert(QStringLiteral("frozen_commit"), move.freezeCommit);
            saved.frozenCommit = move.freezeCommit;
        }
        saved.state = move.to;
        saved.rowVersion += 1;
        const auto seq = nextAuditSeq();  // the entry below: the row names what explains it
        if (!seq)
            return std::unexpected(seq.error());
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE releases SET state = ?, commit_sha = ?, commit_pinned = ?, frozen_commit = ?, "
                                 "row_version = ?, audit_seq = ? WHERE id = ?"));
        q.addBindValue(releaseStateName(saved.state));
        q.addBindValue(saved.commit);
        q.addBindValue(saved.commitPinned ? 1 : 0);
        q.addBindValue(text(saved.frozenCommit));
        q.addBindValue(saved.rowVersion);
        q.addBindValue(*seq);
        q.addBindValue(saved.id);
        if (auto done = exec(q, QStringLiteral("cannot move release %1").arg(move.version)); !done)
            return done;
        const QString action = move.overridden.isEmpty() ? QStringLiteral("release.state")
                                                         : QStringLiteral("release.override");
        return record(AuditEntry {0, now(), move.actor, action, move.version, {}, before, after, {}, {}}, tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return saved;
}

}  // namespace cockpit
