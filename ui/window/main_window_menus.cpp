// MainWindow's menus, dialogs and persisted window state (QSettings).
#include "main_window.h"

#include "database_settings_dialog.h"

#include "about_dialog.h"
#include "calendar_window.h"
#include "changelog_tab.h"
#include "checklist_view.h"
#include "cockpit_status_bar.h"
#include "communications_dialog.h"
#include "error_banner.h"
#include "evidence_actions.h"
#include "fresh_workspace.h"
#include "future_watch.h"
#include "metrics_window.h"
#include "new_release_dialog.h"
#include "new_workspace_wizard.h"
#include "session.h"
#include "tab_widget.h"
#include "rollback_panel.h"
#include "timeline_view.h"
#include "workspace.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QMenuBar>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {
namespace {

constexpr int kMaxRecent = 8;

// QSettings is neither copyable nor movable: each use builds its own on these names.
#define COCKPIT_SETTINGS(name)                                                                               \
    QSettings name(QStringLiteral("ReleaseCockpit"), QStringLiteral("release-cockpit"))

QAction *addNamedAction(
    QMenu *menu, const QString &objectName, const QString &text, const QKeySequence &key = {})
{
    QAction *action = menu->addAction(text);
    action->setObjectName(objectName);
    action->setShortcut(key);
    return action;
}

}  // namespace

QString MainWindow::lastWorkspace()
{
    COCKPIT_SETTINGS(s);
    return s.value(QStringLiteral("workspace/last")).toString();
}

QStringList MainWindow::recentWorkspaces()
{
    COCKPIT_SETTINGS(s);
    return s.value(QStringLiteral("workspace/recent")).toStringList().mid(0, kMaxRecent);
}

void MainWindow::rememberWorkspace(const QString &root)
{
    QStringList recent = recentWorkspaces();
    recent.removeAll(root);
    recent.prepend(root);
    COCKPIT_SETTINGS(s);
    s.setValue(QStringLiteral("workspace/last"), root);
    s.setValue(QStringLiteral("workspace/recent"), recent.mid(0, kMaxRecent));
}

void MainWindow::buildMenus()
{
    menuBar()->setObjectName(QStringLiteral("menuBar"));
    menuBar()->setAccessibleName(tr("Menu bar"));
    buildFileMenu();
    buildEditMenu();
    buildReleaseMenu();
    buildViewMenu();
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("menuHelp"));
    connect(addNamedAction(help, QStringLiteral("actionAbout"), tr("&About Release Cockpit")),
        &QAction::triggered, this, [this] { AboutDialog(this).exec(); });
}

void MainWindow::buildFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("menuFile"));
    connect(addNamedAction(
                file, QStringLiteral("actionOpenWorkspace"), tr("&Open Workspace…"), QKeySequence::Open),
        &QAction::triggered, this, &MainWindow::chooseWorkspace);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    connect(addNamedAction(file, QStringLiteral("actionNewWorkspace"), tr("&New Workspace from Preset…")),
        &QAction::triggered, this, &MainWindow::newWorkspaceFromPreset);
    connect(addNamedAction(file, QStringLiteral("actionOpenEvidence"), tr("Open &Evidence Pack…")),
        &QAction::triggered, this, [this] { openEvidencePack(this); });
    connect(addNamedAction(file, QStringLiteral("actionExportCalendar"), tr("Export &Calendar…")),
        &QAction::triggered, this, &MainWindow::exportCalendar);
    file->addSeparator();
    // The changelog editor's Save (Ctrl+S) and Discard, the same actions as its buttons.
    for (ReleaseTab *tab : std::as_const(m_releaseTabs)) {
        if (auto *changelog = qobject_cast<ChangelogTab *>(tab)) {
            file->addAction(changelog->saveAction());
            file->addAction(changelog->discardAction());
        }
    }
    file->addSeparator();
    connect(addNamedAction(file, QStringLiteral("actionDatabaseSettings"), tr("&Database…")),
        &QAction::triggered, this, [this] {
            auto *dialog = new DatabaseSettingsDialog(this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &DatabaseSettingsDialog::databaseChanged, this, [this](const QString &url) {
                m_status->showMessage(url.isEmpty()
                        ? tr("Each workspace uses its own SQLite file from the next start.")
                        : tr("Team database %1 is used from the next start.").arg(url),
                    10000);
            });
            dialog->open();
        });
    file->addSeparator();
    QAction *quit
        = addNamedAction(file, QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

// File > Export Calendar: the session's iCalendar (releases, code freezes, freeze windows,
// stop-the-line) for the next three months, written where the user says.
void MainWindow::exportCalendar()
{
    if (!m_session) {
        m_status->showMessage(tr("Open a workspace first: the calendar comes from its policy and releases."), 10000);
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Calendar"),
        QDir::home().filePath(QStringLiteral("release-calendar.ics")), tr("iCalendar (*.ics)"));
    if (path.isEmpty())
        return;
    const QDate from = QDate::currentDate();
    whenReady(this, m_session->calendarIcs(from, from.addMonths(3).addDays(-1)), [this, path](const Result<QByteArray> &ics) {
        QSaveFile file(path);
        if (!ics)
            m_status->showMessage(tr("The calendar could not be made: %1").arg(ics.error().message), 15000);
        else if (!file.open(QIODevice::WriteOnly) || file.write(*ics) != ics->size() || !file.commit())
            m_status->showMessage(tr("Cannot write %1: %2").arg(path, file.errorString()), 15000);
        else
            m_status->showMessage(tr("Calendar written to %1: import it into your mail client.").arg(path), 10000);
    });
}

void MainWindow::buildReleaseMenu()
{
    QMenu *release = menuBar()->addMenu(tr("&Release"));
    release->setObjectName(QStringLiteral("menuRelease"));
    m_newRelease
        = addNamedAction(release, QStringLiteral("actionNewRelease"), tr("&New Release…"), QKeySequence::New);
    m_refresh
        = addNamedAction(release, QStringLiteral("actionRefresh"), tr("&Refresh"), QKeySequence(Qt::Key_F5));
    m_newRelease->setEnabled(false);
    m_refresh->setEnabled(false);
    connect(m_newRelease, &QAction::triggered, this, &MainWindow::newRelease);
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh);
    release->addSeparator();
    QAction *communications
        = addNamedAction(release, QStringLiteral("actionCommunications"), tr("&Communications…"));
    connect(communications, &QAction::triggered, this, [this] {
        auto *dialog = new CommunicationsDialog(m_session.get(), currentVersion(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *evidence
        = addNamedAction(release, QStringLiteral("actionExportEvidence"), tr("Export E&vidence Pack…"));
    connect(evidence, &QAction::triggered, this,
        [this] { exportEvidencePack(this, m_session.get(), currentVersion()); });
    release->addSeparator();
    buildLifecycleActions(release);
    release->addSeparator();
    QAction *rollback = addNamedAction(
        release, QStringLiteral("actionRollback"), tr("Roll &Back…"), RollbackPanel::rollbackShortcut());
    connect(rollback, &QAction::triggered, m_rollback, [this] { m_rollback->requestRollback(); });
    // Enabled by the panel, which knows whether there is anything to roll back, and says why not.
    release->setToolTipsVisible(true);
    rollback->setEnabled(false);
    rollback->setToolTip(m_rollback->nothingToRollBack());
    connect(m_rollback, &RollbackPanel::rollbackAvailable, rollback, [rollback](bool available, const QString &why) {
        rollback->setEnabled(available);
        rollback->setToolTip(available ? rollback->text().remove(u'&') : why);
    });
    m_releaseActions = {communications, evidence};
    for (QAction *action : std::as_const(m_releaseActions))
        action->setEnabled(false);
}

void MainWindow::buildEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("menuEdit"));
    edit->addAction(m_checklist->undoAction());
    edit->addSeparator();
    edit->addActions(m_checklist->itemActions());
}

void MainWindow::buildViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("menuView"));
    // Ctrl+1 ... Ctrl+N follow the tabs as they stand, left to right (at most nine have a key),
    // rebuilt whenever a tab is added, removed or moved.
    QAction *tabsEnd = view->addSeparator();
    auto syncTabs = [this, view, tabsEnd] {
        for (QAction *old : view->actions()) {
            if (old->objectName().startsWith(QLatin1String("actionShowTab")))
                delete old;
        }
        for (int i = 0; i < m_tabs->count() && i < 9; ++i) {
            QWidget *page = m_tabs->widget(i);
            auto *show = new QAction(m_tabs->tabText(i), view);
            show->setObjectName(QStringLiteral("actionShowTab%1").arg(i + 1));
            show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
            view->insertAction(tabsEnd, show);
            connect(show, &QAction::triggered, this, [this, page] {
                m_tabs->setCurrentWidget(page);
                page->setFocus(Qt::ShortcutFocusReason);
            });
            m_tabs->setTabToolTip(i, show->shortcut().toString(QKeySequence::NativeText));
        }
    };
    syncTabs();
    if (auto *tabs = qobject_cast<TabWidget *>(m_tabs))
        connect(tabs, &TabWidget::tabsChanged, this, syncTabs);
    view->addAction(m_checklist->openOnlyAction());
    view->addAction(m_checklist->filterAction());
    view->addSeparator();
    connect(addNamedAction(view, QStringLiteral("actionCalendar"), tr("Release C&alendar"),
                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)),
        &QAction::triggered, this, [this] { showToolWindow(new CalendarWindow(m_session.get(), this)); });
    connect(addNamedAction(view, QStringLiteral("actionMetrics"), tr("Release &Metrics"),
                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)),
        &QAction::triggered, this, [this] { showToolWindow(new MetricsWindow(m_session.get(), this)); });
}

// Calendar and metrics windows hold the workspace's service: one of each at a time, closed when
// another workspace opens.
void MainWindow::showToolWindow(QWidget *window)
{
    for (const QPointer<QWidget> &open : std::as_const(m_toolWindows)) {
        if (open && open->metaObject() == window->metaObject())
            open->close();
    }
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_toolWindows.append(window);
    window->show();
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentWorkspaces();
    for (int i = 0; i < recent.size(); ++i) {
        const QString dir = recent.at(i);
        QAction *open
            = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(dir)));
        open->setObjectName(QStringLiteral("actionRecent%1").arg(i + 1));
        connect(open, &QAction::triggered, this, [this, dir] { openWorkspace(dir); });
    }
    if (recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("&Clear List")), &QAction::triggered, this, [] {
        COCKPIT_SETTINGS(s);
        s.remove(QStringLiteral("workspace/recent"));
    });
}

void MainWindow::chooseWorkspace()
{
    const QString start = workspaceRoot().isEmpty() ? QDir::homePath() : workspaceRoot();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Workspace"), start);
    if (!dir.isEmpty())
        openWorkspace(dir);
}

void MainWindow::newWorkspaceFromPreset()
{
    NewWorkspaceWizard wizard(workspaceRoot().isEmpty() ? QDir::homePath() : workspaceRoot(), this);
    if (wizard.exec() != QDialog::Accepted)
        return;
    const QString dir = wizard.directory();
    const QString preset = wizard.preset();
    m_status->setBusy(true, tr("Writing the %1 preset…").arg(preset));
    whenReady(this, QtConcurrent::run([dir, preset] { return initFreshWorkspace(dir, preset); }),
        [this, dir](const Status &status) {
            m_status->setBusy(false);
            if (!status) {
                m_requestedDir = dir;
                m_banner->showError(
                    tr("Could not create the workspace in %1").arg(dir), status.error().toString(), false);
                return;
            }
            openWorkspace(dir);
        });
}

void MainWindow::newRelease()
{
    if (!m_session)
        return;
    QStringList types;
    for (const ReleaseTypePolicy &type : m_session->workspace().policy.releaseTypes)
        types << type.name;
    Session *session = m_session.get();
    NewReleaseDialog dialog(
        types, [session](NewReleaseRequest request) { return session->createRelease(request); }, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_status->showMessage(tr("Release %1 created").arg(dialog.created().version), 5000);
    m_pendingVersion = dialog.created().version;
    refreshReleases();
}

void MainWindow::restoreWindowState()
{
    COCKPIT_SETTINGS(s);
    if (!restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 860);
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_splitter->restoreState(s.value(QStringLiteral("window/splitter")).toByteArray());
    m_checklist->restoreState(s.value(QStringLiteral("window/checklist")).toByteArray());
    m_timeline->restoreState(s.value(QStringLiteral("window/timeline")).toByteArray());
    m_tabs->setCurrentIndex(s.value(QStringLiteral("window/tab"), 0).toInt());
}

void MainWindow::saveWindowState()
{
    COCKPIT_SETTINGS(s);
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    s.setValue(QStringLiteral("window/checklist"), m_checklist->saveState());
    s.setValue(QStringLiteral("window/timeline"), m_timeline->saveState());
    s.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
}

}  // namespace cockpit
