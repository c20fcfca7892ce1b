// The changelog editor's safety net: the autosave of unsaved text (services/changelog/
// changelog_autosave), in order on one queue so a drop is never overtaken by an older write.
#include "session.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

namespace {

QThreadPool *autosaveQueue(std::unique_ptr<QThreadPool> &queue)
{
    if (!queue) {
        queue = std::make_unique<QThreadPool>();
        queue->setMaxThreadCount(1);
    }
    return queue.get();
}

}  // namespace

QFuture<Status> Session::autosaveChangelog(ChangelogAutosave autosave)
{
    return m_inFlight.keep(QtConcurrent::run(autosaveQueue(m_autosaveQueue),
        [autosave = std::move(autosave)] { return changelog_autosave::write(autosave); }));
}

QFuture<Result<std::optional<ChangelogAutosave>>> Session::changelogAutosave(QString changelogPath)
{
    return m_inFlight.keep(QtConcurrent::run(
        autosaveQueue(m_autosaveQueue), [changelogPath] { return changelog_autosave::read(changelogPath); }));
}

QFuture<Status> Session::dropChangelogAutosave(QString changelogPath)
{
    return m_inFlight.keep(QtConcurrent::run(autosaveQueue(m_autosaveQueue),
        [changelogPath] { return changelog_autosave::remove(changelogPath); }));
}

}  // namespace cockpit
