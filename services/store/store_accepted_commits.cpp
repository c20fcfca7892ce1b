// Commits after the code freeze that someone accepted with a reason (migration 012): Store's entry
// points and the worker's half. An acceptance is one row with its "commit.accept" audit entry, in
// one transaction; it is never changed or removed.
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonObject>

namespace cockpit {

QFuture<Result<AcceptedCommit>> Store::acceptCommit(AcceptedCommit accepted)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), accepted = std::move(accepted)] { return w->acceptCommit(accepted); });
}

QFuture<Result<QList<AcceptedCommit>>> Store::acceptedCommits(QString version)
{
    return enqueue(
        m_worker.get(), [w = m_worker.get(), version = std::move(version)] { return w->acceptedCommits(version); });
}

Result<AcceptedCommit> StoreWorker::acceptCommit(AcceptedCommit accepted)
{
    if (accepted.version.isEmpty() || accepted.commit.isEmpty() || accepted.acceptedBy.isEmpty())
        return fail(ErrorCode::BadInput, QStringLiteral("accepting a commit needs a release, a commit and who accepts"));
    if (accepted.reason.trimmed().isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("accepting a commit after the freeze needs a reason (--reason T)"));
    accepted.acceptedAt = now();
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = accepted.version;
        QSqlQuery seen(m_db);
        seen.prepare(QStringLiteral("SELECT accepted_by, accepted_at FROM accepted_commits "
                                    "WHERE release_version = ? AND commit_sha = ?"));
        seen.addBindValue(text(accepted.version));
        seen.addBindValue(text(accepted.commit));
        if (auto done = exec(seen, QStringLiteral("cannot read the accepted commits of %1").arg(accepted.version)); !done)
            return done;
        if (seen.next())
            return fail(ErrorCode::Conflict,
                QStringLiteral("%1 is already accepted for %2 (by %3 at %4)")
                    .arg(accepted.commit.left(8), accepted.version, seen.value(0).toString(), seen.value(1).toString()));
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO accepted_commits (release_version, commit_sha, subject, reason, "
                                 "accepted_by, accepted_at) VALUES (?, ?, ?, ?, ?, ?)"));
        q.addBindValue(text(accepted.version));
        q.addBindValue(text(accepted.commit));
        q.addBindValue(text(accepted.subject));
        q.addBindValue(text(accepted.reason));
        q.addBindValue(text(accepted.acceptedBy));
        q.addBindValue(timeValue(accepted.acceptedAt));
        if (auto done = exec(q, QStringLiteral("cannot accept %1 for %2").arg(accepted.commit.left(8), accepted.version));
            !done)
            return done;
        return record(AuditEntry {0, accepted.acceptedAt, accepted.acceptedBy, QStringLiteral("commit.accept"),
                          accepted.version, accepted.commit, {},
                          QJsonObject {{QStringLiteral("subject"), accepted.subject},
                              {QStringLiteral("reason"), accepted.reason}},
                          {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return accepted;
}

Result<QList<AcceptedCommit>> StoreWorker::acceptedCommits(const QString &version)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT commit_sha, subject, reason, accepted_by, accepted_at FROM accepted_commits "
                             "WHERE release_version = ? ORDER BY id"));
    q.addBindValue(text(version));
    if (auto ok = exec(q, QStringLiteral("cannot read the accepted commits of %1").arg(version)); !ok)
        return std::unexpected(ok.error());
    QList<AcceptedCommit> out;
    while (q.next())
        out << AcceptedCommit {version, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), timeOf(q.value(4))};
    return out;
}

}  // namespace cockpit
