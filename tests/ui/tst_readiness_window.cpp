// The window's readiness on the demo workspace: the header's counts and blocker button, kept live
// as the release changes; "Why blocked?" (its model under the tester, a blocker opening its
// checklist item); the lifecycle actions enabled per state, and a freeze through the menu.
#include "blocker_model.h"
#include "checklist_model.h"
#include "checklist_view.h"
#include "demo_builder.h"
#include "main_window.h"
#include "readiness.h"
#include "release_header.h"
#include "session.h"
#include "store.h"
#include "why_blocked_panel.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

using namespace cockpit;

namespace {

const QString kVersion = QString::fromLatin1(kDemoVersion);

struct Desk {
    std::unique_ptr<Store> store;
    std::unique_ptr<MainWindow> window;

    template <typename T> T *child(const char *name) const
    {
        return window->findChild<T *>(QString::fromLatin1(name));
    }
    QString text(const char *label) const { return child<QLabel>(label)->text(); }
    QString blockers() const { return child<QToolButton>("headerBlockers")->text(); }
    Readiness readiness(const QString &version) const
    {
        Session *session = window->session();
        auto result = QtConcurrent::run([session, version] {
            return Session::computeReadiness(session->store(), session->workspace(), version,
                QDateTime::currentDateTimeUtc());
        }).result();
        return result ? *result : Readiness {};
    }
};

}  // namespace

class TestReadinessWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void headerShowsTheDemoCandidate();
    void headerFollowsATick();
    void whyBlockedOpensTheItemThatClearsIt();
    void lifecycleActionsFollowTheState();
    void aTickThatStalesApprovalsAsksFirst();
    void soakingBadgeFollowsTheSoak();

private:
    void start(Desk &desk, const QString &version = kVersion);

    QTemporaryDir m_dir;
    QString m_repo;
    QString m_db;
};

void TestReadinessWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    m_repo = m_dir.filePath(QStringLiteral("demo"));
    m_db = m_dir.filePath(QStringLiteral("cockpit.sqlite"));
    const Status built = buildDemoRepository(m_repo);
    QVERIFY2(built.has_value(), qPrintable(built ? QString() : built.error().toString()));
    auto workspace = Workspace::load(m_repo);
    QVERIFY(workspace.has_value());
    Store store;
    QVERIFY(store.open(m_db).result().has_value());
    const Status seeded = QtConcurrent::run([&] { return seedDemoRelease(&store, *workspace); }).result();
    QVERIFY2(seeded.has_value(), qPrintable(seeded ? QString() : seeded.error().toString()));
}

void TestReadinessWindow::start(Desk &desk, const QString &version)
{
    desk.store = std::make_unique<Store>();
    QVERIFY(desk.store->open(m_db).result().has_value());
    desk.window = std::make_unique<MainWindow>(desk.store.get());
    desk.window->resize(1024, 768);
    desk.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(desk.window.get()));
    QSignalSpy shown(desk.window.get(), &MainWindow::readinessShown);
    desk.window->openWorkspace(m_repo);
    desk.window->selectRelease(version);
    QTRY_COMPARE(desk.window->currentVersion(), version);
    QTRY_VERIFY(!shown.isEmpty() && shown.last().at(0).toString() == version);
    // The window fits the narrowest screen it is laid out for.
    QVERIFY2(desk.window->minimumSizeHint().width() <= 1024,
        qPrintable(QStringLiteral("minimum width %1").arg(desk.window->minimumSizeHint().width())));
}

void TestReadinessWindow::headerShowsTheDemoCandidate()
{
    Desk desk;
    start(desk);
    const Readiness expected = desk.readiness(kVersion);
    QCOMPARE(expected.state, ReleaseState::Candidate);
    QVERIFY(expected.blocked());
    QCOMPARE(desk.text("headerState"), QStringLiteral("Candidate"));
    QCOMPARE(desk.text("headerNext"), QStringLiteral("→ next: Approved"));
    QCOMPARE(desk.child<QProgressBar>("checklistProgress")->format(),
        QStringLiteral("%1/%2").arg(expected.checklistClosed).arg(expected.checklistTotal));
    QCOMPARE(desk.text("headerFailed"), QStringLiteral("%1 failed").arg(expected.checklistFailed));
    QCOMPARE(desk.text("headerApprovals"), QStringLiteral("Approvals %1/%2 (%3 stale)")
        .arg(expected.approvalsCounted).arg(expected.approvalsRequired).arg(expected.approvalsStale));
    QCOMPARE(desk.text("headerGates"), QStringLiteral("Gates %1/%2").arg(expected.gatesPassed).arg(expected.gatesTotal));
    QVERIFY(desk.text("headerSoak").contains(QLatin1String("staging")));
    QCOMPARE(desk.blockers(), QStringLiteral("%1 blockers").arg(expected.blockers.size()));
    QVERIFY(desk.child<QToolButton>("headerBlockers")->toolTip().contains(expected.blockers.first().what));
    // The demo's target date (26 Nov) has passed while it is still a candidate.
    QVERIFY2(desk.text("headerTarget").contains(QLatin1String("overdue since 26 Nov")), qPrintable(desk.text("headerTarget")));
}

void TestReadinessWindow::headerFollowsATick()
{
    Desk desk;
    start(desk);
    const qsizetype before = desk.readiness(kVersion).blockers.size();
    QCOMPARE(desk.blockers(), QStringLiteral("%1 blockers").arg(before));
    // Ticked through the session, as any view or the command line in this process would.
    const auto ticked = desk.window->session()->setItem(kVersion, QStringLiteral("pre-release.14"), ItemState::Done);
    QTRY_VERIFY(ticked.isFinished());
    QVERIFY(ticked.result().has_value());
    QTRY_COMPARE(desk.blockers(), QStringLiteral("%1 blockers").arg(before - 1));
    // And back, so the other tests see the demo as seeded.
    const auto reopened = desk.window->session()->setItem(kVersion, QStringLiteral("pre-release.14"), ItemState::Open);
    QTRY_VERIFY(reopened.isFinished());
    QTRY_COMPARE(desk.blockers(), QStringLiteral("%1 blockers").arg(before));
}

void TestReadinessWindow::whyBlockedOpensTheItemThatClearsIt()
{
    Desk desk;
    start(desk);
    auto *panel = desk.child<WhyBlockedPanel>("whyBlockedPanel");
    QVERIFY(panel);
    new QAbstractItemModelTester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, panel);
    QVERIFY(panel->isHidden());
    // The header's button opens it with the keyboard on the first blocker.
    desk.child<QToolButton>("headerBlockers")->click();
    QTRY_VERIFY(panel->isVisible());
    QTRY_VERIFY(panel->view()->hasFocus());
    QCOMPARE(panel->model()->rowCount(), int(desk.readiness(kVersion).blockers.size()));
    const int row = panel->model()->rowForTarget(QStringLiteral("item:pre-release.14"));
    QVERIFY(row >= 0);
    auto *tabs = desk.child<QTabWidget>("releaseTabs");
    tabs->setCurrentIndex(tabs->count() - 1);  // somewhere else first
    panel->view()->setCurrentIndex(panel->model()->index(row, 0));
    QTest::keyClick(panel->view(), Qt::Key_Return);
    auto *checklist = desk.window->findChild<ChecklistView *>();
    QTRY_COMPARE(tabs->currentWidget(), checklist);
    const QModelIndex current = checklist->tree()->currentIndex().siblingAtColumn(0);
    QCOMPARE(current.data(KeyRole).toString(), QStringLiteral("pre-release.14"));
    // Sign-off blockers open the Sign-offs tab.
    const int signoffs = panel->model()->rowForTarget(QStringLiteral("signoffs"));
    QVERIFY(signoffs >= 0);
    panel->view()->setCurrentIndex(panel->model()->index(signoffs, 0));
    QTest::keyClick(panel->view(), Qt::Key_Return);
    QTRY_COMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("Sign-offs"));
}

void TestReadinessWindow::lifecycleActionsFollowTheState()
{
    Desk desk;
    start(desk);
    auto *freeze = desk.child<QAction>("actionFreeze");
    auto *finish = desk.child<QAction>("actionFinish");
    auto *abort = desk.child<QAction>("actionAbort");
    QVERIFY(freeze && finish && abort);
    // A candidate is past its freeze, may not finish yet, and may be aborted.
    QVERIFY(!freeze->isEnabled());
    QVERIFY(!freeze->toolTip().isEmpty());
    QVERIFY(!finish->isEnabled());
    QVERIFY(abort->isEnabled());

    // A new draft may be frozen: the menu's Freeze moves it and the header follows.
    const QString draft = QStringLiteral("3.8.0");
    auto created = desk.window->session()->createRelease(NewReleaseRequest {draft, {}, {}, {}});
    QTRY_VERIFY(created.isFinished());
    QVERIFY2(created.result().has_value(), qPrintable(created.result() ? QString() : created.result().error().toString()));
    QSignalSpy shown(desk.window.get(), &MainWindow::readinessShown);
    desk.window->selectRelease(draft);
    desk.child<QAction>("actionRefresh")->trigger();  // the release list learns of it
    QTRY_VERIFY(!shown.isEmpty() && shown.last().at(0).toString() == draft);
    QCOMPARE(desk.text("headerState"), QStringLiteral("Draft"));
    QVERIFY(freeze->isEnabled());
    QVERIFY(!finish->isEnabled());
    freeze->trigger();
    QTRY_COMPARE(desk.text("headerState"), QStringLiteral("Frozen"));
    QTRY_VERIFY(!freeze->isEnabled());
}

// Answers the stale-approvals question the next time it shows, with the button of that text;
// records the question's text.
static void answerStaleQuestion(const QString &button, QString *asked)
{
    QTimer::singleShot(50, [button, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != u"staleApprovalsQuestion") {
            answerStaleQuestion(button, asked);  // not shown yet
            return;
        }
        *asked = box->text() + u'\n' + box->informativeText();
        for (QAbstractButton *b : box->buttons())
            if (b->text() == button)
                b->click();
    });
}

void TestReadinessWindow::aTickThatStalesApprovalsAsksFirst()
{
    Desk desk;
    start(desk);
    Session *session = desk.window->session();
    const auto staled = QtConcurrent::run([session] {
        return Session::staledBy(session->store(), session->workspace(), kVersion, QStringLiteral("pre-release.14"),
            ItemState::Done, {});
    }).result();
    QVERIFY2(staled && !staled->isEmpty(), "the demo candidate needs an approval that counts now");
    auto *checklist = desk.window->findChild<ChecklistView *>();
    auto *tabs = desk.child<QTabWidget>("releaseTabs");
    tabs->setCurrentWidget(checklist);
    QTRY_VERIFY(checklist->isVisible());
    const auto selectItem = [&] {
        QAbstractItemModel *model = checklist->tree()->model();
        const QModelIndexList hits = model->match(model->index(0, 0), KeyRole, QStringLiteral("pre-release.14"), 1,
            Qt::MatchExactly | Qt::MatchRecursive);
        QVERIFY(!hits.isEmpty());
        checklist->tree()->setCurrentIndex(hits.first());
        checklist->tree()->setFocus();
    };
    const auto stateOf = [&] {
        auto items = desk.window->session()->store()->checklist(kVersion).result();
        return items ? items->findItem(QStringLiteral("pre-release.14"))->state : ItemState::Failed;
    };
    selectItem();
    QString asked;
    answerStaleQuestion(QStringLiteral("Cancel"), &asked);
    QTest::keyClick(checklist->tree(), Qt::Key_Space);
    QTRY_VERIFY(!asked.isEmpty());
    QVERIFY2(asked.contains(QLatin1String("approval (")) && asked.contains(QLatin1String("stale")), qPrintable(asked));
    QTest::qWait(200);
    QCOMPARE(stateOf(), ItemState::Open);  // cancelled: nothing saved

    asked.clear();
    selectItem();
    answerStaleQuestion(QStringLiteral("Change It Anyway"), &asked);
    // The same action as Space, triggered directly: focus after a closed modal box comes back late.
    auto *markDone = checklist->findChild<QAction *>(QStringLiteral("actionToggleDone"));
    QVERIFY(markDone);
    markDone->trigger();
    QTRY_VERIFY(!asked.isEmpty());
    QTRY_COMPARE(stateOf(), ItemState::Done);
    // Back as seeded, through the session (no question there: the front end asks).
    const auto reopened = desk.window->session()->setItem(kVersion, QStringLiteral("pre-release.14"), ItemState::Open);
    QTRY_VERIFY(reopened.isFinished());
    QVERIFY(reopened.result().has_value());
}

void TestReadinessWindow::soakingBadgeFollowsTheSoak()
{
    ReleaseHeader header;
    ReleaseRecord release;
    release.version = QStringLiteral("3.8.0");
    release.type = QStringLiteral("minor");
    release.state = ReleaseState::Soaking;
    header.setRelease(release);
    auto *badge = header.findChild<QLabel *>(QStringLiteral("headerState"));
    QVERIFY(badge);
    Readiness r;
    r.version = release.version;
    r.state = ReleaseState::Soaking;
    r.environments << EnvironmentReadiness {QStringLiteral("staging"), true, QStringLiteral("pass"), {}}
                   << EnvironmentReadiness {QStringLiteral("production"), true, QStringLiteral("running"), {}};
    header.setReadiness(r);
    QCOMPARE(badge->text(), QStringLiteral("Soaking"));  // the latest environment still soaks
    r.environments[1].soak = QStringLiteral("fail");
    header.setReadiness(r);
    QCOMPARE(badge->text(), QStringLiteral("Soak failed"));
    QVERIFY(badge->toolTip().contains(QLatin1String("fail")));
    r.environments[1].soak = QStringLiteral("pass");
    header.setReadiness(r);
    QCOMPARE(badge->text(), QStringLiteral("Soak passed"));
    // Another release: the state again, no leftover tooltip.
    release.state = ReleaseState::Candidate;
    header.setRelease(release);
    QCOMPARE(badge->text(), QStringLiteral("Candidate"));
    QVERIFY(badge->toolTip().isEmpty());
}

QTEST_MAIN(TestReadinessWindow)
#include "tst_readiness_window.moc"
