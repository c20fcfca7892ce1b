// Session: the commits after the code freeze. Only fixes (the policy's code_freeze_allows) land
// after it without a word; any other commit blocks approval until someone the policy allows to
// override accepts it with a reason, in the audit log.
#include "git_service.h"
#include "session.h"
#include "store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

Result<QList<FreezeCommit>> Session::freezeCommits(
    Store *store, const Workspace &ws, const ReleaseRecord &release, const QString &commit)
{
    if (release.frozenCommit.isEmpty() || commit.isEmpty() || commit == release.frozenCommit)
        return QList<FreezeCommit> {};
    auto repo = GitService::open(ws.root);
    if (!repo)
        return std::unexpected(repo.error());
    auto after = repo->commits(release.frozenCommit, commit);
    if (!after)
        return std::unexpected(after.error());
    auto accepted = store->acceptedCommits(release.version).result();
    if (!accepted)
        return std::unexpected(accepted.error());
    return judgeFreezeCommits(*after, ws.policy.codeFreezeAllows, *accepted);
}

QFuture<Result<AcceptedCommit>> Session::acceptCommit(QString version, QString commit, QString reason)
{
    auto future = thenAdvance(version,
        QtConcurrent::run([store = m_store, ws = workspace(), who = identity(), version, commit,
                              reason]() -> Result<AcceptedCommit> {
            if (reason.trimmed().isEmpty())
                return fail(ErrorCode::Usage,
                    QStringLiteral("accepting a commit after the freeze needs a reason (--reason T): it goes into the "
                                   "audit log"));
            if (!mayOverride(ws.policy, who))
                return fail(ErrorCode::Refused,
                    QStringLiteral("%1 may not accept commits after the freeze: only members of %2 may (policy "
                                   "override_roles)")
                        .arg(who.id, ws.policy.overrideRoles.join(QStringLiteral(", "))));
            auto facts = readinessFacts(store, ws, version, QDateTime::currentDateTimeUtc());
            if (!facts)
                return std::unexpected(facts.error());
            if (facts->release.frozenCommit.isEmpty())
                return fail(ErrorCode::BadInput, QStringLiteral("release %1 is not frozen: nothing to accept").arg(version));
            QList<FreezeCommit> matches;
            for (const FreezeCommit &c : std::as_const(facts->afterFreeze))
                if (commit.size() >= 4 && c.commit.startsWith(commit, Qt::CaseInsensitive))
                    matches << c;
            if (matches.size() != 1)
                return fail(ErrorCode::BadInput,
                    matches.isEmpty()
                        ? QStringLiteral("%1 is not a commit of %2 after its freeze on %3 (give at least 4 hex digits)")
                              .arg(commit, version, facts->release.frozenCommit.left(8))
                        : QStringLiteral("%1 names %2 commits after the freeze: give more of the SHA")
                              .arg(commit)
                              .arg(matches.size()));
            const FreezeCommit &c = matches.first();
            if (!c.blocks())
                return fail(ErrorCode::BadInput,
                    c.allowed ? QStringLiteral("%1 is a %2 commit: the freeze lets it through, nothing to accept")
                                    .arg(c.commit.left(8), c.type)
                              : QStringLiteral("%1 is already accepted by %2").arg(c.commit.left(8), c.acceptedBy));
            return store->acceptCommit(AcceptedCommit {version, c.commit, c.subject, reason.trimmed(), who.id, {}}).result();
        }));
    follow(future, [this, version](const Result<AcceptedCommit> &accepted) {
        if (accepted)
            announce({SessionEvent::Kind::ReleaseChanged, version});
    });
    return future;
}

}  // namespace cockpit
