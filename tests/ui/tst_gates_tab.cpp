// The Gates tab on the demo release with two gates that really run (`true`, and a shell line that
// prints and fails): Run Selected shows pass, then FAIL with the output tail; Why blocked's
// gate:NAME selects the gate.
#include "blocker_model.h"
#include "demo_builder.h"
#include "gates_tab.h"
#include "main_window.h"
#include "store.h"
#include "why_blocked_panel.h"
#include "workspace.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

using namespace cockpit;

namespace {

const QString kVersion = QString::fromLatin1(kDemoVersion);

QString statusOf(QTreeWidget *view, const QString &gate)
{
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        if (view->topLevelItem(i)->text(0) == gate)
            return view->topLevelItem(i)->text(2);
    }
    return {};
}

}  // namespace

class TestGatesTab : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void runsAGateAndShowsPassAndFail();

private:
    QTemporaryDir m_dir;
    QString m_repo;
    QString m_db;
};

void TestGatesTab::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    m_repo = m_dir.filePath(QStringLiteral("demo"));
    m_db = m_dir.filePath(QStringLiteral("cockpit.sqlite"));
    const Status built = buildDemoRepository(m_repo);
    QVERIFY2(built.has_value(), qPrintable(built ? QString() : built.error().toString()));
    // The demo's CI gate reads a failed run and its security gate asks psql; here the first
    // passes and the second fails, for real.
    QFile policy(m_repo + QStringLiteral("/.release-cockpit/policy.yml"));
    QVERIFY(policy.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(policy.readAll()).split(QLatin1Char('\n'));
    policy.close();
    int replaced = 0;
    for (QString &line : lines) {
        if (line.trimmed().startsWith(QLatin1String("shell: ./scripts/ci-status.sh"))) {
            line = QStringLiteral("    run: [\"true\"]");
            ++replaced;
        } else if (line.trimmed().startsWith(QLatin1String("shell: 'test \"$(psql")) && line.contains(QLatin1String("hardening"))) {
            line = QStringLiteral("    run: [sh, -c, \"echo hardening row 3 FAIL; exit 1\"]");
            ++replaced;
        }
    }
    QCOMPARE(replaced, 2);
    QVERIFY(policy.open(QIODevice::WriteOnly | QIODevice::Truncate));
    policy.write(lines.join(QLatin1Char('\n')).toUtf8());
    policy.close();
    auto workspace = Workspace::load(m_repo);
    QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().toString()));
    Store store;
    QVERIFY(store.open(m_db).result().has_value());
    const Status seeded = QtConcurrent::run([&] { return seedDemoRelease(&store, *workspace); }).result();
    QVERIFY2(seeded.has_value(), qPrintable(seeded ? QString() : seeded.error().toString()));
}

void TestGatesTab::runsAGateAndShowsPassAndFail()
{
    Store store;
    QVERIFY(store.open(m_db).result().has_value());
    MainWindow window(&store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tab = window.findChild<GatesTab *>(QStringLiteral("gatesTab"));
    QVERIFY(tab);
    QSignalSpy loaded(tab, &GatesTab::statusLoaded);
    window.openWorkspace(m_repo);
    window.selectRelease(kVersion);
    QTRY_COMPARE(window.currentVersion(), kVersion);
    QTRY_VERIFY(!loaded.isEmpty());
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("releaseTabs"));
    tabs->setCurrentWidget(tab);
    QTreeWidget *view = tab->gatesView();
    QTRY_VERIFY(view->topLevelItemCount() >= 2);
    // The demo's seeding ran Preflight and CI gates; the others have not run.
    QCOMPARE(statusOf(view, QStringLiteral("Preflight")), QStringLiteral("pass"));
    QCOMPARE(statusOf(view, QStringLiteral("Security gate")), QStringLiteral("not run"));
    auto *runSelected = tab->findChild<QPushButton *>(QStringLiteral("gatesRunSelected"));
    QVERIFY(runSelected);

    QSignalSpy finished(tab, &GatesTab::runFinished);
    QVERIFY(tab->selectGate(QStringLiteral("CI gates")));
    QVERIFY(runSelected->isEnabled());
    runSelected->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QTRY_COMPARE(statusOf(view, QStringLiteral("CI gates")), QStringLiteral("pass"));

    QVERIFY(tab->selectGate(QStringLiteral("Security gate")));
    QTRY_VERIFY(runSelected->isEnabled());
    runSelected->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
    QCOMPARE(finished.at(1).at(0).toBool(), false);
    QTRY_COMPARE(statusOf(view, QStringLiteral("Security gate")), QStringLiteral("FAIL"));
    QVERIFY(tab->selectGate(QStringLiteral("Security gate")));
    QTRY_VERIFY(tab->outputView()->toPlainText().contains(QLatin1String("hardening row 3 FAIL")));

    // "Why blocked?": a gate's blocker opens this tab on that gate.
    auto *panel = window.findChild<WhyBlockedPanel *>(QStringLiteral("whyBlockedPanel"));
    QVERIFY(panel);
    tabs->setCurrentIndex(0);
    const QString target = QStringLiteral("gate:Migration status");
    QTRY_VERIFY(panel->model()->rowForTarget(target) >= 0);
    panel->reveal();
    panel->view()->setCurrentIndex(panel->model()->index(panel->model()->rowForTarget(target), 0));
    QTest::keyClick(panel->view(), Qt::Key_Return);
    QTRY_COMPARE(tabs->currentWidget(), tab);
    QCOMPARE(view->currentItem()->text(0), QStringLiteral("Migration status"));
}

QTEST_MAIN(TestGatesTab)
#include "tst_gates_tab.moc"
