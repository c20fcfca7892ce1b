#include "gui_main.h"

#include "database_settings.h"
#include "main_window.h"
#include "session_opener.h"
#include "single_instance.h"
#include "translations.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QLoggingCategory>
#include <QTimer>
#include <cstdio>

namespace cockpit {
namespace {

// Saves the window as a PNG and quits: how `make run` shows the demo on a machine with no display.
void saveScreenshotAndQuit(MainWindow *window, const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    const bool saved = window->grab().save(path);
    std::fprintf(stderr, "%s %s\n",
        saved ? "Saved a screenshot of the window to" : "Could not save a screenshot to",
        qPrintable(QFileInfo(path).absoluteFilePath()));
    QCoreApplication::exit(saved ? 0 : 1);
}

void armAutomation(MainWindow *window, const QString &screenshot)
{
    const bool exitAfterPaint = qEnvironmentVariableIsSet("COCKPIT_EXIT_AFTER_FIRST_PAINT");
    if (screenshot.isEmpty() && !exitAfterPaint)
        return;
    // COCKPIT_SCREENSHOT_SIZE=1024x768 pictures the window at that size (narrow-window checks).
    const QStringList size = qEnvironmentVariable("COCKPIT_SCREENSHOT_SIZE").split(QLatin1Char('x'));
    if (size.size() == 2 && size[0].toInt() > 0 && size[1].toInt() > 0)
        QTimer::singleShot(0, window, [window, w = size[0].toInt(), h = size[1].toInt()] { window->resize(w, h); });
    auto finish = [window, screenshot, exitAfterPaint] {
        if (exitAfterPaint) {
            window->repaint();  // the first paint with the workspace in it, synchronously
            QCoreApplication::exit(0);
            return;
        }
        // Let the layouts settle (column widths, elided text) and the readiness and gate status
        // arrive from the pool before the picture is taken.
        QTimer::singleShot(1200, window, [window, screenshot] { saveScreenshotAndQuit(window, screenshot); });
    };
    QObject::connect(window, &MainWindow::releaseShown, window, finish, Qt::SingleShotConnection);
    // A workspace without releases, or one that failed to load, is still worth a picture.
    QObject::connect(window, &MainWindow::workspaceFailed, window, finish, Qt::SingleShotConnection);
    QObject::connect(
        window, &MainWindow::workspaceOpened, window,
        [window, finish] { QTimer::singleShot(3000, window, finish); }, Qt::SingleShotConnection);
}

// Screenshots, start-up measurements and tests run their own window, never a running one's.
bool runsAlone(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("new-instance")) || parser.isSet(QStringLiteral("screenshot"))
        || qEnvironmentVariableIsSet("COCKPIT_NEW_INSTANCE")
        || qEnvironmentVariableIsSet("COCKPIT_EXIT_AFTER_FIRST_PAINT");
}

// The running cockpit raises its window and opens the workspace a later launch named.
void acceptHandOvers(SingleInstance *instance, MainWindow *window)
{
    QObject::connect(instance, &SingleInstance::activationRequested, window, [window](const QString &dir) {
        if (!dir.isEmpty()) {
            QObject::connect(
                window, &MainWindow::workspaceOpened, window,
                [window](const QString &root) {
                    qCDebug(lcInstance) << "opened" << root << "title" << window->windowTitle();
                },
                Qt::SingleShotConnection);
            window->openWorkspace(dir);
        }
        window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window->show();
        window->raise();
        window->activateWindow();
    });
}

}  // namespace

int runGui(QCommandLineParser &parser, const QString &workspaceDir, bool explicitWorkspace,
    std::unique_ptr<Store> store)
{
    QApplication::setApplicationDisplayName(QStringLiteral("Release Cockpit"));
    // The reverse-DNS id of the .desktop file and AppStream metainfo: docks group the window by it.
    QApplication::setDesktopFileName(QStringLiteral("io.github.release_cockpit.ReleaseCockpit"));
    if (QFile::exists(QStringLiteral(":/icons/release-cockpit.svg")))
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/release-cockpit.svg")));
    installTranslations(QLocale::system());
    std::unique_ptr<SingleInstance> instance;
    if (!runsAlone(parser)) {
        instance = std::make_unique<SingleInstance>(SingleInstance::serverName());
        const QString request = explicitWorkspace ? QDir(workspaceDir).absolutePath() : QString();
        if (instance->handOver(request)) {
            std::fprintf(stderr, "release-cockpit: a cockpit is already running; it %s.\n",
                request.isEmpty() ? "was raised" : qPrintable(QStringLiteral("opens %1").arg(request)));
            return 0;
        }
        if (!instance->listen())
            qCWarning(lcInstance) << "cannot listen for other launches at" << SingleInstance::serverName();
    }
    QString dir = workspaceDir;
    if (!explicitWorkspace && !MainWindow::lastWorkspace().isEmpty())
        dir = MainWindow::lastWorkspace();
    // --db, else the team database chosen in Settings > Database, else each workspace's SQLite.
    // Team mode: whoever logs in to the database is who acts (the session resolves it).
    QString dbOption = parser.value(QStringLiteral("db"));
    if (dbOption.isEmpty() && !store)
        dbOption = DatabaseSettings::teamUrl();
    SessionOpener opener(dbOption);
    opener.adopt(std::move(store));
    MainWindow window(&opener);
    armAutomation(&window, parser.value(QStringLiteral("screenshot")));
    if (instance)
        acceptHandOvers(instance.get(), &window);
    window.show();
    window.openWorkspace(dir);
    return QApplication::exec();
}

}  // namespace cockpit
