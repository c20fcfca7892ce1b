#include "main_window.h"
#include "canary_strip.h"

#include "changelog_tab.h"
#include "checklist_model.h"
#include "checklist_view.h"
#include "cockpit_status_bar.h"
#include "error_banner.h"
#include "future_watch.h"
#include "environments_tab.h"
#include "gates_tab.h"
#include "incident_tab.h"
#include "release_header.h"
#include "release_list_model.h"
#include "release_list_view.h"
#include "session.h"
#include "session_opener.h"
#include "store.h"
#include "tab_widget.h"
#include "rollback_panel.h"
#include "signoffs_tab.h"
#include "soak_tab.h"
#include "timeline_view.h"
#include "welcome_page.h"
#include "workspace.h"

#include <QCloseEvent>
#include <QDir>
#include <QLoggingCategory>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcMainWindow, "cockpit.ui.window")

namespace cockpit {

namespace {
enum Page { WelcomePageIndex, ContentPageIndex };
}

MainWindow::MainWindow(Store *store, QWidget *parent)
    : MainWindow(static_cast<SessionOpener *>(nullptr), parent)
{
    m_ownedOpener = std::make_unique<SessionOpener>(store->url());
    m_opener = m_ownedOpener.get();
    useStore(store);
}

MainWindow::MainWindow(SessionOpener *opener, QWidget *parent)
    : QMainWindow(parent)
    , m_opener(opener)
    , m_releaseModel(new ReleaseListModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAccessibleName(tr("Release Cockpit"));
    buildUi();
    buildMenus();
    connectViews();
    restoreWindowState();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The views hold the session pointer; drop it from them before it goes.
    m_checklist->setSession(nullptr);
    for (ReleaseTab *tab : std::as_const(m_releaseTabs))
        tab->setSession(nullptr);
}

void MainWindow::buildUi()
{
    m_status = new CockpitStatusBar(this);
    setStatusBar(m_status);

    m_releaseList = new ReleaseListView(m_releaseModel, this);
    m_header = new ReleaseHeader(this);
    m_checklist = new ChecklistView(this);
    m_timeline = new TimelineView(this);
    m_tabs = new TabWidget(this);
    m_tabs->setObjectName(QStringLiteral("releaseTabs"));
    m_tabs->setAccessibleName(tr("Release views"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_checklist, tr("Checklist"));
    m_releaseTabs = {new ChangelogTab(this), new SoakTab(this), new SignoffsTab(this), new GatesTab(this),
        new EnvironmentsTab(this), new IncidentTab(this)};
    const QStringList titles
        = {tr("Changelog"), tr("Soak"), tr("Sign-offs"), tr("Gates"), tr("Environments"), tr("Incidents")};
    for (qsizetype i = 0; i < m_releaseTabs.size(); ++i) {
        m_tabs->addTab(m_releaseTabs[i], titles[i]);
        // A tab in the background keeps its news to itself (the Changelog tab's load summary is in
        // its own header), so the status bar speaks for what the user is looking at.
        connect(m_releaseTabs[i], &ReleaseTab::statusMessage, m_status,
            [this, tab = m_releaseTabs[i]](const QString &text) {
                if (m_tabs->currentWidget() == tab)
                    m_status->showMessage(text, 8000);
            });
        connect(m_releaseTabs[i], &ReleaseTab::releaseTouched, this, &MainWindow::reloadRelease);
    }
    m_tabs->addTab(m_timeline, tr("Timeline"));
    buildRollbackPanel();
    buildReadiness();

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(6);
    rightLayout->addWidget(m_header);
    rightLayout->addWidget(m_tabs, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_releaseList);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({260, 1000});

    m_welcome = new WelcomePage(this);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->insertWidget(WelcomePageIndex, m_welcome);
    m_pages->insertWidget(ContentPageIndex, m_splitter);

    m_banner = new ErrorBanner(this);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

// The rollback panel sits in the header, not in a tab: its messages always reach the status bar,
// and a trigger fired in the Soak tab opens its plan with the trigger as the incident's cause.
void MainWindow::buildRollbackPanel()
{
    m_rollback = new RollbackPanel(this);
    m_header->setTrailingWidget(m_rollback);
    connect(m_rollback, &ReleaseTab::statusMessage, m_status,
        [this](const QString &text) { m_status->showMessage(text, 10000); });
    connect(m_rollback, &ReleaseTab::releaseTouched, this, &MainWindow::reloadRelease);
    m_releaseTabs.append(m_rollback);
    for (ReleaseTab *tab : std::as_const(m_releaseTabs)) {
        if (auto *soak = qobject_cast<SoakTab *>(tab)) {
            connect(soak, &SoakTab::rollbackRequested, this,
                [this](const QString &version, const QString &trigger) {
                    if (version == currentVersion())
                        m_rollback->requestRollback(trigger);
                });
            // "canary 50%, phase 2 of 3, passes at 14:00" in the header while a canary runs.
            connect(soak->canaryStrip(), &CanaryStrip::headlineChanged, this,
                [this](const QString &version, const QString &headline, const QString &toolTip) {
                    if (version == currentVersion())
                        m_header->setCanary(headline, toolTip);
                });
        }
    }
}

void MainWindow::connectViews()
{
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseWorkspace);
    connect(m_welcome, &WelcomePage::newWorkspaceRequested, this, &MainWindow::newWorkspaceFromPreset);
    connect(m_banner, &ErrorBanner::retryRequested, this, [this] { openWorkspace(m_requestedDir); });
    connect(m_releaseList, &ReleaseListView::currentVersionChanged, this, &MainWindow::showRelease);
    connect(m_checklist, &ChecklistView::checklistChanged, this, &MainWindow::updateProgress);
    connect(m_checklist, &ChecklistView::message, this,
        [this](const QString &text) { m_status->showMessage(text, 5000); });
    connect(m_checklist, &ChecklistView::errorOccurred, m_status, &CockpitStatusBar::showError);
    connect(m_checklist, &ChecklistView::activationRequested, this,
        [this] { m_tabs->setCurrentWidget(m_checklist); });
    connect(m_timeline, &TimelineView::errorOccurred, m_status, &CockpitStatusBar::showError);
}

void MainWindow::useStore(Store *store)
{
    if (store == m_store)
        return;
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    connectStore();
    m_timeline->setStore(m_store);
    m_status->setDatabase(m_store->displayName(), false);
    whenReady(this, m_store->schemaVersion(), [this, store](const Result<int> &version) {
        if (store == m_store)
            m_status->setDatabase(m_store->displayName(), version.has_value());
    });
}

void MainWindow::connectStore()
{
    connect(m_store, &Store::itemChanged, this, [this](const QString &version, const ChecklistItem &item) {
        m_checklist->applySavedItem(version, item);
        if (version == m_shownVersion)
            scheduleReadiness();
    });
    connect(m_store, &Store::signoffChanged, this, [this](const QString &version) {
        if (version == m_shownVersion)
            scheduleReadiness();
    });
    connect(m_store, &Store::releaseChanged, this, &MainWindow::reloadRelease);
    // Team mode: a lost server is shown at once; the store reconnects by itself and then emits
    // releaseChanged for what may have changed meanwhile.
    connect(m_store, &Store::connectionChanged, this, [this](bool up, const QString &why) {
        m_status->setDatabase(m_store->displayName(), up);
        if (!up)
            m_status->showError(tr("Lost the database: %1. Reconnecting…").arg(why));
        else
            m_status->showMessage(tr("Reconnected to %1").arg(m_store->displayName()), 5000);
    });
}

QString MainWindow::workspaceRoot() const
{
    return m_session ? m_session->workspace().root : QString();
}

QString MainWindow::currentVersion() const
{
    return m_shownVersion;
}

bool MainWindow::isLoading() const
{
    return m_status->isBusy();
}

void MainWindow::openWorkspace(const QString &dir)
{
    if (dir.isEmpty())
        return;
    // Opening a workspace (another, or this one again) replaces the session and every view's text.
    if (m_session && !mayLeaveWorkspace([this, dir] { openWorkspace(dir); }))
        return;
    m_requestedDir = dir;
    const quint64 generation = ++m_loadGeneration;
    m_status->setBusy(true, tr("Loading workspace %1…").arg(QDir::toNativeSeparators(dir)));
    // The opener reads the policy and git off the GUI thread.
    whenReady(this, m_opener->load(dir), [this, generation, dir](const Result<SessionSetup> &result) {
        if (generation != m_loadGeneration)
            return;  // a newer request superseded this one
        m_status->setBusy(false);
        if (!result) {
            showWorkspaceError(dir, result.error());
            return;
        }
        installWorkspace(*result);
    });
}

void MainWindow::showWorkspaceError(const QString &dir, const Error &error)
{
    qCWarning(lcMainWindow) << "cannot open workspace" << dir << ":" << error.toString();
    m_banner->showError(
        tr("Could not open the workspace %1").arg(QDir::toNativeSeparators(dir)), error.toString(), true);
    emit workspaceFailed(dir, error.toString());
}

void MainWindow::installWorkspace(SessionSetup setup)
{
    const QString root = setup.workspace.root;
    const Identity identity = setup.identity;
    const bool sameWorkspace = root == workspaceRoot();
    if (sameWorkspace && m_pendingVersion.isEmpty())
        m_pendingVersion = m_shownVersion;  // a reload keeps the release in view
    m_checklist->setSession(nullptr);
    for (ReleaseTab *tab : std::as_const(m_releaseTabs))
        tab->setSession(nullptr);
    for (const QPointer<QWidget> &window : std::as_const(m_toolWindows)) {
        if (window)
            window->close();  // they hold the session about to be replaced
    }
    m_toolWindows.clear();
    // Switching workspaces replaces the session: the views above let go of the old one first.
    m_session.reset();
    useStore(m_opener->storeFor(root));
    m_session = m_opener->open(std::move(setup));
    m_checklist->setSession(m_session.get());
    for (ReleaseTab *tab : std::as_const(m_releaseTabs))
        tab->setSession(m_session.get());
    // Every use case of this window, or of the command line in this process, that touches the
    // shown release recomputes its readiness (the store's signals bring other cockpits' changes).
    connect(m_session.get(), &Session::changed, this, [this](const SessionEvent &event) {
        // Drift anywhere is said whichever release is shown: something runs that nobody recorded.
        if (event.kind == SessionEvent::Kind::EnvironmentDrift)
            m_status->showError(tr("Drift: %1 runs %2, the cockpit deployed %3 there (Environments tab)")
                                    .arg(event.target, event.verdict, event.version));
        // A stop-the-line started or lifted holds or frees every release: the shown one too.
        if (event.version != m_shownVersion && event.kind != SessionEvent::Kind::FreezeChanged)
            return;
        if (event.kind == SessionEvent::Kind::ReleaseChanged)
            reloadRelease(event.version);
        scheduleReadiness();
    });
    m_shownVersion.clear();
    m_banner->hide();
    m_pages->setCurrentIndex(ContentPageIndex);
    m_status->setRepository(QDir::toNativeSeparators(root), true);
    m_status->setIdentity(identity.name, identity.id);
    m_newRelease->setEnabled(true);
    m_refresh->setEnabled(true);
    rememberWorkspace(root);
    updateTitle();
    if (!sameWorkspace)
        m_releaseModel->setReleases({});
    refreshReleases();
    emit workspaceOpened(root);
}

bool MainWindow::mayLeaveWorkspace(const std::function<void()> &proceed)
{
    for (ReleaseTab *tab : std::as_const(m_releaseTabs)) {
        if (!tab->mayClose(proceed))
            return false;
    }
    return true;
}

void MainWindow::updateTitle()
{
    const QString root = workspaceRoot();
    if (root.isEmpty()) {
        setWindowTitle(tr("Release Cockpit"));
        return;
    }
    const QString project = m_session->workspace().policy.project;
    setWindowTitle(tr("%1 — Release Cockpit").arg(project.isEmpty() ? QDir(root).dirName() : project));
    setWindowFilePath(root);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // File > Quit and the window's close button both come here: unsaved work asks first.
    if (!mayLeaveWorkspace([this] { close(); })) {
        event->ignore();
        return;
    }
    saveWindowState();
    QMainWindow::closeEvent(event);
}

}  // namespace cockpit
