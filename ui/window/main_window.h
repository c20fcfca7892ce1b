#pragma once
// The cockpit's main window: releases on the left, the selected release's header and its
// Checklist, Changelog, Soak, Sign-offs, Gates, Incidents and Timeline tabs, a status bar naming the database,
// repository and identity. Workspaces load on a pool thread; failures show in an inline banner and the window
// stays up.
#include "readiness.h"
#include "release.h"

#include <QMainWindow>
#include <QSet>
#include <QPointer>
#include <functional>
#include <memory>

class QAction;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace cockpit {

class ChecklistView;
class CockpitStatusBar;
class ErrorBanner;
class ReleaseHeader;
class ReleaseListModel;
class ReleaseListView;
class Session;
class SessionOpener;
class ReleaseTab;
class RollbackPanel;
class Store;
class TimelineView;
class WelcomePage;
class WhyBlockedPanel;
struct Error;
struct SessionSetup;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Opens each workspace's session (and picks its store); it outlives the window. gui_main
    // gives the window its one opener; every workspace the window shows is a session from it.
    explicit MainWindow(SessionOpener *opener, QWidget *parent = nullptr);
    // Every workspace on this one store (tests, and the demo's hand-over).
    explicit MainWindow(Store *store, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads the workspace around dir off the GUI thread; the newest request wins.
    void openWorkspace(const QString &dir);
    // Selects the release now, or as soon as the release list has it.
    void selectRelease(const QString &version);

    [[nodiscard]] QString workspaceRoot() const;  // empty until a workspace is open
    [[nodiscard]] QString currentVersion() const;
    [[nodiscard]] Session *session() const { return m_session.get(); }
    [[nodiscard]] bool isLoading() const;

    // QSettings (organization "ReleaseCockpit", application "release-cockpit").
    static QString lastWorkspace();
    static QStringList recentWorkspaces();  // newest first, at most 8

signals:
    void workspaceOpened(const QString &root);
    void workspaceFailed(const QString &dir, const QString &message);
    void releaseShown(const QString &version);  // its checklist is in the tree
    void readinessShown(const QString &version);  // the header and "Why blocked?" show its readiness

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void buildMenus();
    void buildFileMenu();
    void buildReleaseMenu();
    void buildEditMenu();
    void buildViewMenu();
    void buildRollbackPanel();
    void showToolWindow(QWidget *window);
    void connectViews();
    void connectStore();
    void useStore(Store *store);
    void installWorkspace(SessionSetup setup);
    void showWorkspaceError(const QString &dir, const Error &error);
    void refresh();
    void refreshReleases();
    void checkRepository();
    [[nodiscard]] int releaseToOpen() const;
    void showRelease(const QString &version);
    void reloadRelease(const QString &version);
    void updateProgress();
    void updateTitle();
    // Every release tab may let go (unsaved work asks first); proceed runs once it lets go later.
    bool mayLeaveWorkspace(const std::function<void()> &proceed);
    void rememberWorkspace(const QString &root);
    void fillRecentMenu();
    void chooseWorkspace();
    void exportCalendar();
    void newWorkspaceFromPreset();
    void newRelease();
    void restoreWindowState();
    // main_window_readiness.cpp: the header's readiness, "Why blocked?", the lifecycle actions.
    void buildReadiness();
    void buildLifecycleActions(QMenu *menu);
    void scheduleReadiness();
    void loadReadiness();
    void applyReadiness(const Readiness &readiness);
    void clearReadiness();
    void openBlocker(const QString &target);
    void updateLifecycleActions();
    void requestMove(ReleaseState to, bool override);
    void acceptFreezeCommit(const QString &commit);  // a "commit:SHA" blocker: accept it with a reason
    void saveWindowState();

    std::unique_ptr<SessionOpener> m_ownedOpener;  // with the one-store constructor
    SessionOpener *m_opener;
    Store *m_store = nullptr;
    std::unique_ptr<Session> m_session;
    QString m_requestedDir;  // the last directory asked for (Retry)
    QString m_pendingVersion;
    QString m_shownVersion;
    quint64 m_loadGeneration = 0;
    quint64 m_releaseGeneration = 0;

    ReleaseListModel *m_releaseModel;
    ReleaseListView *m_releaseList = nullptr;
    ReleaseHeader *m_header = nullptr;
    QTabWidget *m_tabs = nullptr;
    ChecklistView *m_checklist = nullptr;
    TimelineView *m_timeline = nullptr;
    QList<ReleaseTab *> m_releaseTabs;  // Changelog, Soak, Sign-offs, Gates, Incidents, the rollback panel
    RollbackPanel *m_rollback = nullptr;
    ErrorBanner *m_banner = nullptr;
    WelcomePage *m_welcome = nullptr;
    QStackedWidget *m_pages = nullptr;
    QSplitter *m_splitter = nullptr;
    CockpitStatusBar *m_status = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_newRelease = nullptr;
    QAction *m_refresh = nullptr;
    QList<QPointer<QWidget>> m_toolWindows;  // Release Calendar, Release Metrics
    QList<QAction *> m_releaseActions;  // need a selected release: Roll Back…, Export Evidence…
    WhyBlockedPanel *m_whyBlocked = nullptr;
    QTimer *m_readinessTimer = nullptr;  // coalesces the changes that land together
    quint64 m_readinessGeneration = 0;
    std::optional<Readiness> m_readiness;  // of m_shownVersion, once computed
    QSet<QString> m_freezeAdvanced;  // drafts already handed to Session::advance for their freeze date
    QAction *m_freeze = nullptr;
    QAction *m_finish = nullptr;
    QAction *m_abort = nullptr;
    QAction *m_override = nullptr;
};

}  // namespace cockpit
