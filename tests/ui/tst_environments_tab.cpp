// The Environments tab in the window, offscreen, against a real HTTP server (the http_fixture):
// staging runs another version than the cockpit deployed there (DRIFT row and banner), prod does
// not answer (unknown), dev runs what was deployed (in sync). Mark Deployed… is enabled where the
// promotion guard holds and disabled for a draft, its tooltip naming why; the selected
// environment's stored probe shows below the table after Probe.
#include "environments_tab.h"
#include "git_service.h"
#include "main_window.h"
#include "release_service.h"
#include "store.h"
#include "workspace.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace cockpit;

namespace {

const QString kVersion = QStringLiteral("1.0.0");

QString cell(QTreeWidget *view, const QString &env, int column)
{
    for (int i = 0; i < view->topLevelItemCount(); ++i)
        if (view->topLevelItem(i)->text(0) == env)
            return view->topLevelItem(i)->text(column);
    return {};
}

}  // namespace

class TestEnvironmentsTab : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QProcess m_http;
    QString m_repo;
    QString m_db;

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        m_http.start(QCoreApplication::applicationDirPath() + QStringLiteral("/fixtures/http_fixture"),
            {QStringLiteral("--version"), kVersion});
        QVERIFY2(m_http.waitForStarted(30000), qPrintable(m_http.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_http.canReadLine(), 30000);
        const QList<QByteArray> ready = m_http.readLine().trimmed().split(' ');
        QCOMPARE(ready.value(0), QByteArray("listening"));
        const QByteArray base = "http://127.0.0.1:" + ready.value(1);
        const QByteArray policy = "project: T\nroles:\n  release_manager: [rm@x]\nrelease_types:\n  minor:\n"
                                  "    checklists: [pre-release]\nenvironments:\n"
                                  "  dev: {base_url: '" + base + "/ok', version: {path: /api/health, pointer: /version}, "
                                  "health: [/api/health]}\n"
                                  "  staging: {base_url: '" + base + "/bad', version: {path: /api/health, pointer: /version}}\n"
                                  "  prod: {base_url: 'http://127.0.0.1:9', version: {path: /api/health}}\n"
                                  "promotion: [dev, staging, prod]\n";
        m_repo = m_tmp.filePath(QStringLiteral("repo"));
        auto git = GitService::init(m_repo);
        QVERIFY(git.has_value());
        const GitSignature who {QStringLiteral("RM"), QStringLiteral("rm@x"), {}};
        auto sha = git->commitFiles({{QStringLiteral(".release-cockpit/policy.yml"), policy},
                                        {QStringLiteral(".release-cockpit/checklists/pre-release.md"), "# Pre\n\n- [ ] Tests green\n"},
                                        {QStringLiteral("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n- x\n"}},
            QStringLiteral("fix: initial"), who);
        QVERIFY(sha.has_value());
        auto ws = Workspace::load(m_repo);
        QVERIFY2(ws.has_value(), qPrintable(ws ? QString() : ws.error().toString()));
        m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
        Store store;
        QVERIFY(store.open(m_db).result().has_value());
        ReleaseService releases(&store, *ws, Identity {QStringLiteral("rm@x"), QStringLiteral("RM")});
        QVERIFY(releases.createRelease({kVersion, *sha, QStringLiteral("minor"), {}}).result().has_value());
        QVERIFY(releases.createRelease({QStringLiteral("1.1.0"), *sha, QStringLiteral("minor"), {}}).result().has_value());
        // Deployed by the cockpit to dev and staging (recorded straight in the store: the guard is
        // not what this test is about); staging has since been given 3.6.0 by hand.
        QVERIFY(store.recordDeployment(kVersion, QStringLiteral("dev"), QStringLiteral("rm@x")).result().has_value());
        QVERIFY(store.recordDeployment(kVersion, QStringLiteral("staging"), QStringLiteral("rm@x")).result().has_value());
    }

    void showsDriftAndWhatHoldsTheDeploy()
    {
        Store store;
        QVERIFY(store.open(m_db).result().has_value());
        MainWindow window(&store);
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *tab = window.findChild<EnvironmentsTab *>(QStringLiteral("environmentsTab"));
        QVERIFY(tab);
        QSignalSpy loaded(tab, &EnvironmentsTab::environmentsLoaded);
        window.openWorkspace(m_repo);
        window.selectRelease(kVersion);
        QTRY_COMPARE(window.currentVersion(), kVersion);
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("releaseTabs"));
        tabs->setCurrentWidget(tab);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
        QTreeWidget *view = tab->environmentsView();
        QCOMPARE(view->topLevelItemCount(), 3);
        QCOMPARE(view->topLevelItem(0)->text(0), QStringLiteral("dev"));  // promotion order
        QCOMPARE(cell(view, QStringLiteral("dev"), 1), kVersion);
        QCOMPARE(cell(view, QStringLiteral("dev"), 4), QStringLiteral("in sync"));
        QCOMPARE(cell(view, QStringLiteral("staging"), 1), QStringLiteral("3.6.0"));
        QCOMPARE(cell(view, QStringLiteral("staging"), 4), QStringLiteral("DRIFT"));
        QCOMPARE(cell(view, QStringLiteral("prod"), 1), QStringLiteral("?"));
        QCOMPARE(cell(view, QStringLiteral("prod"), 4), QStringLiteral("unknown (no answer)"));
        QVERIFY(tab->driftBanner()->isVisible());
        QVERIFY2(tab->driftBanner()->text().contains(QStringLiteral("staging runs 3.6.0, the cockpit deployed 1.0.0")),
            qPrintable(tab->driftBanner()->text()));

        // 1.0.0 runs in staging on its commit and nothing holds prod: Mark Deployed… may go.
        QSignalSpy guard(tab, &EnvironmentsTab::guardLoaded);
        QVERIFY(tab->selectEnvironment(QStringLiteral("prod")));
        QTRY_VERIFY_WITH_TIMEOUT(!guard.isEmpty(), 20000);
        QVERIFY2(tab->deployButton()->isEnabled(), qPrintable(tab->deployButton()->toolTip()));
        QCOMPARE(tab->deployButton()->toolTip(), QStringLiteral("Record 1.0.0 as deployed to prod"));
        // A draft may not be deployed anywhere: disabled, and the tooltip says why.
        guard.clear();
        window.selectRelease(QStringLiteral("1.1.0"));
        QTRY_COMPARE(window.currentVersion(), QStringLiteral("1.1.0"));
        QTRY_VERIFY_WITH_TIMEOUT(!guard.isEmpty(), 20000);
        QVERIFY(!tab->deployButton()->isEnabled());
        QVERIFY2(tab->deployButton()->toolTip().contains(QStringLiteral("release 1.1.0 is draft, not approved")),
            qPrintable(tab->deployButton()->toolTip()));
        window.selectRelease(kVersion);
        QTRY_COMPARE(window.currentVersion(), kVersion);

        // Probe runs every check of dev and stores it; the details pane shows the stored result.
        QVERIFY(tab->selectEnvironment(QStringLiteral("dev")));
        auto *probe = tab->findChild<QPushButton *>(QStringLiteral("environmentsProbe"));
        QVERIFY(probe && probe->isEnabled());
        probe->click();
        QTRY_VERIFY_WITH_TIMEOUT(tab->detailsView()->toPlainText().contains(QStringLiteral("Last probe, ")), 20000);
        QVERIFY2(tab->detailsView()->toPlainText().contains(QStringLiteral("health /api/health")),
            qPrintable(tab->detailsView()->toPlainText()));

        if (const QString shot = qEnvironmentVariable("COCKPIT_ENVIRONMENTS_SHOT"); !shot.isEmpty())
            window.grab().save(shot);
    }
};

QTEST_MAIN(TestEnvironmentsTab)
#include "tst_environments_tab.moc"
