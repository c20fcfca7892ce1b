// The main window end to end on the demo workspace: keyboard ticks that survive a restart,
// N/A needs a reason, the open-only filter, undo, and a broken workspace that leaves the window up.
#include "audit_entry.h"
#include "audit_log_model.h"
#include "checklist_filter_proxy.h"
#include "checklist_model.h"
#include "demo_builder.h"
#include "error_banner.h"
#include "main_window.h"
#include "session_opener.h"
#include "item_text_dialog.h"
#include "store.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QAbstractButton>
#include <QMessageBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

using namespace cockpit;

namespace {

const QString kVersion = QString::fromLatin1(kDemoVersion);

// A window on its own store, as the application wires them.
struct Desk {
    std::unique_ptr<Store> store;
    std::unique_ptr<MainWindow> window;

    QTreeView *tree() const { return window->findChild<QTreeView *>(QStringLiteral("checklistTree")); }
    ChecklistFilterProxy *proxy() const { return qobject_cast<ChecklistFilterProxy *>(tree()->model()); }
    ChecklistModel *model() const { return qobject_cast<ChecklistModel *>(proxy()->sourceModel()); }
    const ChecklistItem *item(const QString &key) const { return model()->checklist().findItem(key); }
    QString currentKey() const { return tree()->currentIndex().siblingAtColumn(0).data(KeyRole).toString(); }
    ItemState currentState() const
    {
        return static_cast<ItemState>(tree()->currentIndex().siblingAtColumn(0).data(StateRole).toInt());
    }
};

bool isOpenManualItem(const QModelIndex &index)
{
    return static_cast<NodeKind>(index.data(KindRole).toInt()) == NodeKind::Item
        && static_cast<ItemState>(index.data(StateRole).toInt()) == ItemState::Open
        && index.data(CheckBindingRole).toString().isEmpty();
}

// Walks the tree with the Down key (expanding with Right) until the current row satisfies pred.
bool moveWithKeyboard(QTreeView *tree, const std::function<bool(const QModelIndex &)> &pred)
{
    for (int step = 0; step < 400; ++step) {
        const QModelIndex current = tree->currentIndex().siblingAtColumn(0);
        if (current.isValid() && pred(current))
            return true;
        if (current.isValid() && tree->model()->hasChildren(current) && !tree->isExpanded(current))
            QTest::keyClick(tree, Qt::Key_Right);
        else
            QTest::keyClick(tree, Qt::Key_Down);
    }
    return false;
}

void visitRows(const QAbstractItemModel *model, const QModelIndex &parent,
    const std::function<void(const QModelIndex &)> &visit)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        visit(index);
        visitRows(model, index, visit);
    }
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tickWithSpaceSurvivesRestart();
    void undoRestoresPreviousState();
    void notApplicableNeedsReason();
    void naReasonDialogRefusesEmptyReason();
    void tabShortcutsFollowTheTabsAndRollBackSaysWhyNot();
    void openOnlyFilterHidesClosedItems();
    void automatedItemCannotBeTickedByHand();
    void nonRepositoryShowsBannerAndWindowStays();
    void policyErrorNamesFileLineColumn();
    void eachWorkspaceGetsItsOwnStore();
    void windowAndCommandLineRecordTheSameTick();

private:
    void startSession(Desk &session);

    QTemporaryDir m_dir;
    QString m_repo;
    QString m_db;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Window state and recent workspaces go to a throw-away QSettings location.
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    m_repo = m_dir.filePath(QStringLiteral("demo"));
    m_db = m_dir.filePath(QStringLiteral("cockpit.sqlite"));
    const Status built = buildDemoRepository(m_repo);
    QVERIFY2(built.has_value(), qPrintable(built ? QString() : built.error().toString()));
    auto workspace = Workspace::load(m_repo);
    QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().toString()));
    Store store;
    const Status opened = store.open(m_db).result();
    QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toString()));
    // seedDemoRelease blocks on the store: off this thread, as its contract asks.
    const Status seeded = QtConcurrent::run([&] { return seedDemoRelease(&store, *workspace); }).result();
    QVERIFY2(seeded.has_value(), qPrintable(seeded ? QString() : seeded.error().toString()));
}

void TestMainWindow::startSession(Desk &session)
{
    session.store = std::make_unique<Store>();
    const Status opened = session.store->open(m_db).result();
    QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toString()));
    session.window = std::make_unique<MainWindow>(session.store.get());
    session.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(session.window.get()));
    session.window->activateWindow();
    // Every proxy and model of the window runs under the tester from the first row on.
    new QAbstractItemModelTester(
        session.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest, session.window.get());
    new QAbstractItemModelTester(
        session.model(), QAbstractItemModelTester::FailureReportingMode::QtTest, session.window.get());
    for (const char *name : {"releaseList", "timelineTable"}) {
        auto *view = session.window->findChild<QTableView *>(QString::fromLatin1(name));
        QVERIFY(view);
        new QAbstractItemModelTester(
            view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, session.window.get());
    }
    session.window->openWorkspace(m_repo);
    session.window->selectRelease(kVersion);
    QTRY_COMPARE(session.window->currentVersion(), kVersion);
    QTRY_VERIFY(session.model()->checklist().itemCount() > 0);
    // The demo candidate has an approval that counts: a pre-release tick asks first whether to
    // make it stale (tst_readiness_window tests the question); these tests answer yes.
    auto *answer = new QTimer(session.window.get());
    QObject::connect(answer, &QTimer::timeout, session.window.get(), [window = session.window.get(), tree = session.tree()] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || box->objectName() != u"staleApprovalsQuestion")
            return;
        for (QAbstractButton *b : box->buttons())
            if (b->text() == u"Change It Anyway")
                b->click();
        window->activateWindow();
        tree->setFocus();
    });
    answer->start(30);
    session.tree()->setFocus();
    QTRY_VERIFY(session.tree()->hasFocus());
}

void TestMainWindow::tickWithSpaceSurvivesRestart()
{
    QString key;
    {
        Desk session;
        startSession(session);
        QVERIFY(moveWithKeyboard(session.tree(), isOpenManualItem));
        key = session.currentKey();
        QVERIFY(!key.isEmpty());
        auto *timeline = session.window->findChild<QTableView *>(QStringLiteral("timelineTable"));
        QTRY_VERIFY(timeline->model()->rowCount() > 0);  // release.create at least
        const int entries = timeline->model()->rowCount();
        QTest::keyClick(session.tree(), Qt::Key_Space);
        QTRY_COMPARE(session.item(key)->state, ItemState::Done);
        // The timeline follows Store::auditAppended without a reload: the tick's entry first (a
        // release move the tick caused may follow it).
        QTRY_VERIFY(timeline->model()->rowCount() >= entries + 1);
        QCOMPARE(timeline->model()->index(entries, AuditLogModel::SubjectColumn).data().toString(), key);
        QVERIFY(!session.item(key)->who.isEmpty());
        QVERIFY(session.item(key)->when.isValid());
    }  // window first, then its store: as the application shuts down
    Desk again;
    startSession(again);
    QTRY_VERIFY(again.item(key));
    QCOMPARE(again.item(key)->state, ItemState::Done);
}

void TestMainWindow::undoRestoresPreviousState()
{
    Desk session;
    startSession(session);
    QVERIFY(moveWithKeyboard(session.tree(), isOpenManualItem));
    const QString key = session.currentKey();
    auto *undo = session.window->findChild<QAction *>(QStringLiteral("actionUndo"));
    QVERIFY(undo);
    QVERIFY(!undo->isEnabled());
    QTest::keyClick(session.tree(), Qt::Key_Space);
    QTRY_COMPARE(session.item(key)->state, ItemState::Done);
    QTRY_VERIFY(undo->isEnabled());
    QTest::keyClick(session.tree(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE(session.item(key)->state, ItemState::Open);
    QTRY_VERIFY(!undo->isEnabled());
}

void TestMainWindow::notApplicableNeedsReason()
{
    Desk session;
    startSession(session);
    QVERIFY(moveWithKeyboard(session.tree(), isOpenManualItem));
    const QString key = session.currentKey();
    bool sawDisabledOk = false;
    // The dialog runs its own event loop: drive it from a timer inside that loop.
    QTimer poll;
    poll.setInterval(10);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *dialog = qobject_cast<NaReasonDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        poll.stop();
        sawDisabledOk = !dialog->okButton()->isEnabled();
        QTest::keyClicks(dialog->reasonEdit(), QStringLiteral("No schema change in this release"));
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    poll.start();
    QTest::keyClick(session.tree(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(sawDisabledOk);
    QTRY_COMPARE(session.item(key)->state, ItemState::NotApplicable);
    QCOMPARE(session.item(key)->naReason, QStringLiteral("No schema change in this release"));
}

void TestMainWindow::naReasonDialogRefusesEmptyReason()
{
    NaReasonDialog dialog(QStringLiteral("Run the migrations"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("   "));
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("no migrations"));
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.reason(), QStringLiteral("no migrations"));
}

// Ctrl+1 ... Ctrl+N are the tabs left to right, each in the View menu; Roll Back (Ctrl+Shift+B) is
// in the Release menu, disabled with the reason for a release that was never deployed.
void TestMainWindow::tabShortcutsFollowTheTabsAndRollBackSaysWhyNot()
{
    Desk session;
    startSession(session);
    auto *tabs = session.window->findChild<QTabWidget *>(QStringLiteral("releaseTabs"));
    auto *view = session.window->findChild<QMenu *>(QStringLiteral("menuView"));
    QVERIFY(tabs && view);
    QVERIFY(tabs->count() >= 6);
    for (int i = tabs->count() - 1; i >= 0; --i) {
        auto *show = session.window->findChild<QAction *>(QStringLiteral("actionShowTab%1").arg(i + 1));
        QVERIFY2(show, qPrintable(tabs->tabText(i)));
        QVERIFY(view->actions().contains(show));
        QCOMPARE(show->text(), tabs->tabText(i));
        QCOMPARE(show->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        QTest::keyClick(session.window.get(), Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
        QTRY_COMPARE(tabs->currentIndex(), i);
    }
    // A tab added later (another view) takes its place in the order, and the keys move with it.
    const int before = tabs->count();
    auto *extra = new QWidget;
    tabs->insertTab(1, extra, QStringLiteral("Extra"));
    auto *second = session.window->findChild<QAction *>(QStringLiteral("actionShowTab2"));
    QVERIFY(second && view->actions().contains(second));
    QCOMPARE(second->text(), QStringLiteral("Extra"));
    QCOMPARE(session.window->findChild<QAction *>(QStringLiteral("actionShowTab3"))->text(), tabs->tabText(2));
    QTest::keyClick(session.window.get(), Qt::Key_2, Qt::ControlModifier);
    QTRY_COMPARE(tabs->currentWidget(), extra);
    tabs->tabBar()->moveTab(1, 0);  // dragged to the front: Ctrl+1 now
    QCOMPARE(session.window->findChild<QAction *>(QStringLiteral("actionShowTab1"))->text(), QStringLiteral("Extra"));
    delete extra;
    QCOMPARE(tabs->count(), before);
    QCOMPARE(session.window->findChild<QAction *>(QStringLiteral("actionShowTab1"))->text(), tabs->tabText(0));
    auto *release = session.window->findChild<QMenu *>(QStringLiteral("menuRelease"));
    auto *rollback = session.window->findChild<QAction *>(QStringLiteral("actionRollback"));
    QVERIFY(release && rollback && release->actions().contains(rollback));
    QCOMPARE(rollback->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    // The demo's 3.7.0 is a draft, never deployed.
    QTRY_VERIFY2(rollback->toolTip().contains(QLatin1String("never deployed")), qPrintable(rollback->toolTip()));
    QVERIFY(!rollback->isEnabled());
    QVERIFY(release->toolTipsVisible());
}

void TestMainWindow::openOnlyFilterHidesClosedItems()
{
    Desk session;
    startSession(session);
    const Checklist &checklist = session.model()->checklist();
    QVERIFY(checklist.closedCount() > 0);  // the demo is half-way through
    auto *openOnly = session.window->findChild<QCheckBox *>(QStringLiteral("openOnlyFilter"));
    QVERIFY(openOnly);
    QTest::mouseClick(openOnly, Qt::LeftButton);
    QVERIFY(openOnly->isChecked());
    int shown = 0;
    visitRows(session.proxy(), {}, [&](const QModelIndex &index) {
        if (static_cast<NodeKind>(index.data(KindRole).toInt()) != NodeKind::Item)
            return;
        ++shown;
        const auto state = static_cast<ItemState>(index.data(StateRole).toInt());
        QVERIFY(state == ItemState::Open || state == ItemState::Failed);
    });
    QCOMPARE(shown, checklist.itemCount() - checklist.closedCount());
    // Ticking an item in this mode makes it leave the tree.
    session.tree()->setFocus();
    QVERIFY(moveWithKeyboard(session.tree(), isOpenManualItem));
    const QString key = session.currentKey();
    QTest::keyClick(session.tree(), Qt::Key_Space);
    QTRY_VERIFY(!session.proxy()->mapFromSource(session.model()->indexForKey(key)).isValid());
    // The text filter narrows further; clearing both shows everything again.
    auto *filter = session.window->findChild<QLineEdit *>(QStringLiteral("checklistFilter"));
    QVERIFY(filter);
    QTest::keyClicks(filter, QStringLiteral("zzz-no-such-item"));
    QCOMPARE(session.proxy()->rowCount(), 0);
    filter->clear();
    QTest::mouseClick(openOnly, Qt::LeftButton);
    QVERIFY(session.proxy()->mapFromSource(session.model()->indexForKey(key)).isValid());
}

void TestMainWindow::automatedItemCannotBeTickedByHand()
{
    Desk session;
    startSession(session);
    const auto boundOpen = [](const QModelIndex &index) {
        return static_cast<NodeKind>(index.data(KindRole).toInt()) == NodeKind::Item
            && static_cast<ItemState>(index.data(StateRole).toInt()) == ItemState::Open
            && !index.data(CheckBindingRole).toString().isEmpty();
    };
    QVERIFY(moveWithKeyboard(session.tree(), boundOpen));
    const QString key = session.currentKey();
    auto *toggle = session.window->findChild<QAction *>(QStringLiteral("actionToggleDone"));
    QVERIFY(toggle);
    QVERIFY(!toggle->isEnabled());
    QVERIFY(toggle->toolTip().contains(session.item(key)->check));
    QTest::keyClick(session.tree(), Qt::Key_Space);
    QCOMPARE(session.item(key)->state, ItemState::Open);
}

void TestMainWindow::nonRepositoryShowsBannerAndWindowStays()
{
    Desk session;
    startSession(session);
    QTemporaryDir plain;
    QVERIFY(plain.isValid());
    const QString root = session.window->workspaceRoot();
    QVERIFY(!root.isEmpty());
    QSignalSpy failed(session.window.get(), &MainWindow::workspaceFailed);
    session.window->openWorkspace(plain.path());
    QVERIFY(failed.wait());
    auto *banner = session.window->findChild<ErrorBanner *>(QStringLiteral("errorBanner"));
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(plain.path()), qPrintable(banner->text()));
    QVERIFY(session.window->isVisible());
    // The workspace that was open stays usable.
    QCOMPARE(session.window->workspaceRoot(), root);
    QCOMPARE(session.window->currentVersion(), kVersion);
    QVERIFY(session.model()->checklist().itemCount() > 0);
}

void TestMainWindow::policyErrorNamesFileLineColumn()
{
    QTemporaryDir broken;
    QVERIFY(broken.isValid());
    QDir dir(broken.path());
    QVERIFY(QProcess::execute(
                QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q"), broken.path()})
        == 0);
    QVERIFY(dir.mkpath(QStringLiteral(".release-cockpit/checklists")));
    QFile policy(dir.filePath(QStringLiteral(".release-cockpit/policy.yml")));
    QVERIFY(policy.open(QIODevice::WriteOnly));
    policy.write("project: X\nroles:\n  release_manager: [a@example.com\n");  // unclosed flow sequence
    policy.close();
    Desk session;
    startSession(session);
    QSignalSpy failed(session.window.get(), &MainWindow::workspaceFailed);
    session.window->openWorkspace(broken.path());
    QVERIFY(failed.wait());
    const QString message = failed.first().at(1).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("policy\\.yml:\\d+:\\d+")).match(message).hasMatch(),
        qPrintable(message));
    auto *banner = session.window->findChild<ErrorBanner *>(QStringLiteral("errorBanner"));
    QVERIFY(banner->text().contains(message));
}

// Without --db, the session opener gives each workspace the store named after its work tree.
void TestMainWindow::eachWorkspaceGetsItsOwnStore()
{
    QTemporaryDir other;
    QVERIFY(other.isValid());
    QVERIFY(QProcess::execute(QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q"), other.path()}) == 0);
    QVERIFY(initWorkspaceFromPreset(other.path(), QStringLiteral("promotion")).has_value());
    {
        Store demoStore;
        QVERIFY(demoStore.open(Workspace::defaultStoreUrlFor(m_repo)).result().has_value());
        auto workspace = Workspace::load(m_repo);
        QVERIFY(workspace.has_value());
        const Status seeded = QtConcurrent::run([&] { return seedDemoRelease(&demoStore, *workspace); }).result();
        QVERIFY2(seeded.has_value(), qPrintable(seeded ? QString() : seeded.error().toString()));
    }
    SessionOpener opener;
    MainWindow window(&opener);
    window.show();
    auto *releases = window.findChild<QTableView *>(QStringLiteral("releaseList"));
    QSignalSpy opened(&window, &MainWindow::workspaceOpened);
    window.openWorkspace(m_repo);
    QVERIFY(opened.wait());
    QTRY_COMPARE(releases->model()->rowCount(), 1);
    QVERIFY(opener.storeUrlFor(other.path()) != opener.storeUrlFor(m_repo));
    window.openWorkspace(other.path());
    QVERIFY(opened.wait());
    // The other workspace's store has no releases: the demo's 3.7.0 must not show there.
    QTRY_COMPARE(releases->model()->rowCount(), 0);
    window.openWorkspace(m_repo);
    QVERIFY(opened.wait());
    QTRY_COMPARE(releases->model()->rowCount(), 1);
}

namespace {

// The newest entry of that action, without what differs between two runs (position, time, chain).
QByteArray lastEntryContent(Store &store, const QString &action)
{
    auto log = store.auditLog().result();
    if (!log)
        return {};
    for (auto it = log->crbegin(); it != log->crend(); ++it) {
        if (it->action != action)
            continue;
        AuditEntry e = *it;
        e.seq = 0;
        e.at = {};
        return canonicalAuditJson(e);
    }
    return {};
}

}  // namespace

// One use case, two front ends: ticking an item in the window and with `checklist tick` goes
// through the same session method and leaves the same audit entry, byte for byte.
void TestMainWindow::windowAndCommandLineRecordTheSameTick()
{
    const QString cliDb = m_dir.filePath(QStringLiteral("cli-tick.sqlite"));
    {
        Store store;
        QVERIFY(store.open(cliDb).result().has_value());
        auto workspace = Workspace::load(m_repo);
        QVERIFY(workspace.has_value());
        const Status seeded = QtConcurrent::run([&] { return seedDemoRelease(&store, *workspace); }).result();
        QVERIFY2(seeded.has_value(), qPrintable(seeded ? QString() : seeded.error().toString()));
    }
    QString key;
    QByteArray windowEntry;
    {
        Desk session;
        startSession(session);
        QVERIFY(moveWithKeyboard(session.tree(), isOpenManualItem));
        key = session.currentKey();
        QTest::keyClick(session.tree(), Qt::Key_Space);
        QTRY_COMPARE(session.item(key)->state, ItemState::Done);
        windowEntry = lastEntryContent(*session.store, QStringLiteral("item.done"));
    }
    QVERIFY(!windowEntry.isEmpty());
    QProcess cli;
    cli.start(QStringLiteral(COCKPIT_BINARY),
        {QStringLiteral("checklist"), QStringLiteral("tick"), kVersion, key, QStringLiteral("--workspace"), m_repo,
            QStringLiteral("--db"), cliDb});
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    Store store;
    QVERIFY(store.open(cliDb).result().has_value());
    QCOMPARE(lastEntryContent(store, QStringLiteral("item.done")), windowEntry);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
