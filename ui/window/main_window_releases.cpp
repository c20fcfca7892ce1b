// MainWindow's release list and the release in view: which release opens, and reloading the
// shown one as the store reports changes.
#include "main_window.h"

#include "changelog_tab.h"
#include "checklist_model.h"
#include "checklist_view.h"
#include "cockpit_status_bar.h"
#include "future_watch.h"
#include "release_header.h"
#include "release_list_model.h"
#include "release_list_view.h"
#include "session.h"
#include "store.h"
#include "rollback_panel.h"
#include "timeline_view.h"
#include "workspace.h"

#include <QDir>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

void MainWindow::refresh()
{
    if (!m_session)
        return;
    if (m_pendingVersion.isEmpty())
        m_pendingVersion = m_shownVersion;
    // F5 on the Changelog tab also reads the file again (asking first over unsaved edits): one
    // key, one owner, so the tab's Reload button carries no shortcut of its own.
    if (auto *changelog = qobject_cast<ChangelogTab *>(m_tabs->currentWidget()))
        changelog->reload();
    m_shownVersion.clear();  // reload the shown release even when it stays selected
    refreshReleases();
    checkRepository();
}

void MainWindow::refreshReleases()
{
    const quint64 generation = m_loadGeneration;
    // Through the session: an unpinned release shows (and its tabs act on) its branch's head.
    auto releases = m_session ? m_session->currentReleases() : m_store->releases();
    whenReady(this, releases, [this, generation](const Result<QList<ReleaseRecord>> &result) {
        if (generation != m_loadGeneration)
            return;
        m_status->setDatabase(m_store->displayName(), result.has_value());
        if (!result) {
            m_status->showError(tr("Could not read releases: %1").arg(result.error().toString()));
            return;
        }
        // COCKPIT_SCREENSHOT_RELEASE=VERSION opens that release first (docs' screenshots).
        const QString keep = !m_pendingVersion.isEmpty() ? m_pendingVersion
            : !m_shownVersion.isEmpty()                  ? m_shownVersion
                                                         : qEnvironmentVariable("COCKPIT_SCREENSHOT_RELEASE");
        m_releaseModel->setReleases(*result);
        if (m_releaseModel->rowCount() == 0) {
            m_header->clearRelease(tr("No release yet: Release ▸ New Release… (Ctrl+N) starts one."));
            return;
        }
        const int row = m_releaseModel->rowForVersion(keep);
        m_releaseList->selectVersion(m_releaseModel->releaseAt(row >= 0 ? row : releaseToOpen()).version);
        if (row >= 0)
            m_pendingVersion.clear();
    });
}

// With nothing asked for, the window opens on the release in progress (the newest one not yet
// released, rolled back or aborted), else on the newest.
int MainWindow::releaseToOpen() const
{
    const int rows = m_releaseModel->rowCount();
    int newest = 0;
    for (int i = 0; i < rows; ++i) {
        const ReleaseRecord &r = m_releaseModel->releaseAt(i);
        if (r.createdAt >= m_releaseModel->releaseAt(newest).createdAt)
            newest = i;
    }
    int open = -1;
    for (int i = 0; i < rows; ++i) {
        const ReleaseRecord &r = m_releaseModel->releaseAt(i);
        const bool finished = r.state == ReleaseState::Released || r.state == ReleaseState::RolledBack
            || r.state == ReleaseState::Aborted;
        if (!finished && (open < 0 || r.createdAt >= m_releaseModel->releaseAt(open).createdAt))
            open = i;
    }
    return open >= 0 ? open : newest;
}

void MainWindow::checkRepository()
{
    const QString root = workspaceRoot();
    whenReady(this, QtConcurrent::run([root] { return Workspace::discover(root); }),
        [this, root](const Result<QString> &result) {
            if (root == workspaceRoot())
                m_status->setRepository(QDir::toNativeSeparators(root), result.has_value());
        });
}

void MainWindow::selectRelease(const QString &version)
{
    m_pendingVersion = version;
    if (m_releaseModel->rowForVersion(version) < 0)
        return;  // applied when the release list arrives
    m_pendingVersion.clear();
    if (m_releaseList->currentVersion() == version)
        showRelease(version);
    else
        m_releaseList->selectVersion(version);
}

void MainWindow::showRelease(const QString &version)
{
    if (version == m_shownVersion && !version.isEmpty())
        return;
    const quint64 generation = ++m_releaseGeneration;
    m_shownVersion = version;
    m_timeline->showRelease(version);
    const int row = m_releaseModel->rowForVersion(version);
    for (QAction *action : std::as_const(m_releaseActions))
        action->setEnabled(row >= 0 && m_session);
    clearReadiness();
    if (version.isEmpty() || row < 0 || !m_session) {
        m_checklist->clear();
        m_header->clearRelease(tr("No release selected"));
        for (ReleaseTab *tab : std::as_const(m_releaseTabs))
            tab->showRelease({});
        return;
    }
    m_header->setRelease(m_releaseModel->releaseAt(row));
    for (ReleaseTab *tab : std::as_const(m_releaseTabs))
        tab->showRelease(m_releaseModel->releaseAt(row));
    loadReadiness();
    whenReady(
        this, m_store->checklist(version), [this, generation, version](const Result<Checklist> &result) {
            if (generation != m_releaseGeneration)
                return;
            if (!result) {
                m_checklist->clear();
                m_status->showError(
                    tr("Could not read the checklist of %1: %2").arg(version, result.error().toString()));
                return;
            }
            m_checklist->showChecklist(version, *result);
            emit releaseShown(version);
        });
}

void MainWindow::reloadRelease(const QString &version)
{
    if (!m_session)
        return;
    whenReady(this, m_session->currentRelease(version), [this](const Result<ReleaseRecord> &result) {
        if (!result)
            return;
        m_releaseModel->updateRelease(*result);
        if (result->version != m_shownVersion)
            return;
        m_header->setRelease(*result);
        for (ReleaseTab *tab : std::as_const(m_releaseTabs))
            tab->showRelease(*result);
        scheduleReadiness();
    });
}

void MainWindow::updateProgress()
{
    const Checklist &checklist = m_checklist->model()->checklist();
    m_header->setChecklistProgress(checklist.closedCount(), checklist.itemCount(), checklist.failedCount());
}

}  // namespace cockpit
