// The release as it stands now: an unpinned release's commit is its branch's head, resolved once
// here for the window and the command line alike.
#include "session.h"

#include "git_service.h"
#include "store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

ReleaseRecord Session::followBranch(const Workspace &ws, ReleaseRecord release, QStringList *notes)
{
    release.commit = ReleaseService::currentCommit(ws, release, notes);
    return release;
}

Result<ReleaseRecord> Session::loadCurrentRelease(Store *store, const Workspace &ws, const QString &version)
{
    auto release = store->release(version).result();
    if (!release)
        return std::unexpected(release.error());
    return followBranch(ws, std::move(*release));
}

QFuture<Result<ReleaseRecord>> Session::currentRelease(QString version)
{
    return m_inFlight.keep(QtConcurrent::run(
        [store = m_store, ws = workspace(), version] { return loadCurrentRelease(store, ws, version); }));
}

QFuture<Result<QList<ReleaseRecord>>> Session::currentReleases()
{
    return m_inFlight.keep(
        QtConcurrent::run([store = m_store, ws = workspace()]() -> Result<QList<ReleaseRecord>> {
            auto releases = store->releases().result();
            if (!releases)
                return std::unexpected(releases.error());
            // One repository handle for every branch head the list needs.
            auto git = GitService::open(ws.root);
            for (ReleaseRecord &r : *releases) {
                if (r.commitPinned || r.branch.isEmpty() || !git)
                    continue;
                if (auto head = git->resolve(QStringLiteral("refs/heads/") + r.branch))
                    r.commit = *head;
            }
            return *releases;
        }));
}

}  // namespace cockpit
