// No changelog edit is ever lost, offscreen on the demo workspace: Reload with unsaved edits asks
// (and keeping them keeps Save's conflict check), a change by another program is announced (and
// a clean editor follows it), Discard Changes is one undoable step, an autosave survives a crash
// and is offered back, and File > Quit and closing the window ask Save / Discard / Cancel.
#include "changelog_autosave.h"
#include "changelog_editor.h"
#include "changelog_tab.h"
#include "demo_builder.h"
#include "diff_view.h"
#include "main_window.h"
#include "session.h"
#include "store.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QToolButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

using namespace cockpit;

namespace {

const QString kVersion = QString::fromLatin1(kDemoVersion);

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// CHANGELOG_SAFETY_SCREENSHOTS=DIR saves the dialogs as PNGs there, for a look at them.
void shoot(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("CHANGELOG_SAFETY_SCREENSHOTS");
    if (dir.isEmpty() || !widget)
        return;
    QTest::qWait(50);
    widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}

template <typename T> T *waitForChild(QObject *parent, const QString &name)
{
    T *found = nullptr;
    for (int i = 0; i < 200 && !found; ++i) {
        found = parent->findChild<T *>(name);
        if (!found)
            QTest::qWait(25);
    }
    return found;
}

}  // namespace

class TestChangelogSafety : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void reloadWithEditsAsksAndKeepsTheConflictCheck();
    void changeOnDiskIsAnnouncedAndAFollowedCleanEditor();
    void discardChangesIsOneUndoableStep();
    void diffsShowSideBySideOrInline();
    void autosaveSurvivesACrashAndIsOfferedBack();
    void recoveredEditsCanBeDiscarded();
    void quitAndCloseAskSaveDiscardCancel();

private:
    void loadTab();
    void typeAtStart(const QString &text);
    [[nodiscard]] QString changelogFile() const { return m_repo + QStringLiteral("/CHANGELOG.md"); }

    QTemporaryDir m_dir;
    QString m_repo;
    QString m_db;
    QByteArray m_original;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Session> m_session;
    ReleaseRecord m_release;
    std::unique_ptr<ChangelogTab> m_tab;
};

void TestChangelogSafety::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_STATE_HOME", m_dir.filePath(QStringLiteral("state")).toUtf8());
    QApplication::setQuitOnLastWindowClosed(false);
    m_repo = m_dir.filePath(QStringLiteral("demo"));
    m_db = m_dir.filePath(QStringLiteral("cockpit.sqlite"));
    const Status built = buildDemoRepository(m_repo);
    QVERIFY2(built.has_value(), qPrintable(built ? QString() : built.error().toString()));
    m_original = readFile(changelogFile());
    QVERIFY(!m_original.isEmpty());
    auto workspace = Workspace::load(m_repo);
    QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().toString()));
    m_store = std::make_unique<Store>();
    const Status opened = m_store->open(m_db).result();
    QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toString()));
    const Status seeded
        = QtConcurrent::run([&] { return seedDemoRelease(m_store.get(), *workspace); }).result();
    QVERIFY2(seeded.has_value(), qPrintable(seeded ? QString() : seeded.error().toString()));
    auto release = m_store->release(kVersion).result();
    QVERIFY(release.has_value());
    m_release = *release;
    m_session = std::make_unique<Session>(m_store.get(), std::move(*workspace), currentIdentity(m_repo));
}

void TestChangelogSafety::init()
{
    QVERIFY(writeFile(changelogFile(), m_original));
    QFile::remove(changelog_autosave::fileFor(changelogFile()));
    loadTab();
}

void TestChangelogSafety::cleanup()
{
    m_tab.reset();
}

void TestChangelogSafety::loadTab()
{
    m_tab = std::make_unique<ChangelogTab>();
    m_tab->resize(1300, 800);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    QSignalSpy loaded(m_tab.get(), &ChangelogTab::loaded);
    QSignalSpy checked(m_tab.get(), &ChangelogTab::recoveryChecked);
    m_tab->setSession(m_session.get());
    m_tab->showRelease(m_release);
    QVERIFY(loaded.wait(60000));
    QTRY_VERIFY(!m_tab->isLoading());
    QTRY_COMPARE(checked.size(), 1);
}

void TestChangelogSafety::typeAtStart(const QString &text)
{
    m_tab->editor()->goToLine(1);
    QTest::keyClicks(m_tab->editor(), text);
    QVERIFY(m_tab->isModified());
}

void TestChangelogSafety::reloadWithEditsAsksAndKeepsTheConflictCheck()
{
    typeAtStart(QStringLiteral("X"));
    const QByteArray external = m_original + "\n<!-- edited elsewhere -->\n";
    QVERIFY(writeFile(changelogFile(), external));

    m_tab->reload();
    auto *box = waitForChild<QMessageBox>(m_tab.get(), QStringLiteral("changelogReloadBox"));
    QVERIFY(box);
    shoot(box, "reload-box");
    QSignalSpy loaded(m_tab.get(), &ChangelogTab::loaded);
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("reloadKeep")), Qt::LeftButton);
    QVERIFY(loaded.wait(60000));
    QVERIFY(m_tab->editor()->toPlainText().startsWith(QStringLiteral("X# Changelog")));
    QVERIFY(m_tab->isModified());

    // The edits were made against the earlier file: Save still sees the other program's change.
    m_tab->save();
    auto *conflict = waitForChild<QMessageBox>(m_tab.get(), QStringLiteral("changelogConflictBox"));
    QVERIFY(conflict);
    QCOMPARE(readFile(changelogFile()), external);
    QTest::mouseClick(conflict->button(QMessageBox::Cancel), Qt::LeftButton);
    QCOMPARE(readFile(changelogFile()), external);

    // Reload again, this time discarding: the editor shows the file as it is now.
    QTRY_VERIFY(!m_tab->findChild<QMessageBox *>(QStringLiteral("changelogReloadBox")));
    m_tab->reload();
    box = waitForChild<QMessageBox>(m_tab.get(), QStringLiteral("changelogReloadBox"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(m_tab->isModified());  // Cancel changes nothing
    QTRY_VERIFY(!m_tab->findChild<QMessageBox *>(QStringLiteral("changelogReloadBox")));
    m_tab->reload();
    box = waitForChild<QMessageBox>(m_tab.get(), QStringLiteral("changelogReloadBox"));
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("reloadDiscard")), Qt::LeftButton);
    QVERIFY(loaded.wait(60000));
    QTRY_COMPARE(m_tab->editor()->toPlainText().toUtf8(), external);
    QVERIFY(!m_tab->isModified());
}

void TestChangelogSafety::changeOnDiskIsAnnouncedAndAFollowedCleanEditor()
{
    // A clean editor follows the file.
    QSignalSpy changed(m_tab.get(), &ChangelogTab::changedOnDisk);
    const QByteArray first = m_original + "\n<!-- first outside edit -->\n";
    QVERIFY(writeFile(changelogFile(), first));
    QVERIFY(changed.wait(10000));
    QTRY_COMPARE(m_tab->editor()->toPlainText().toUtf8(), first);
    QTRY_VERIFY(!m_tab->isLoading());
    QVERIFY(!m_tab->diskChangePending());

    // Under unsaved edits a banner says so and nothing is replaced until the user picks.
    typeAtStart(QStringLiteral("Y"));
    const QByteArray second = first + "<!-- second outside edit -->\n";
    QVERIFY(writeFile(changelogFile(), second));
    QVERIFY(changed.wait(10000));
    QTRY_VERIFY(m_tab->diskChangePending());
    auto *text = m_tab->findChild<QLabel *>(QStringLiteral("changelogDiskBannerText"));
    QVERIFY(text->text().contains(QStringLiteral("changed on disk")));
    shoot(m_tab.get(), "disk-banner");
    QVERIFY(m_tab->editor()->toPlainText().startsWith(QStringLiteral("Y# Changelog")));
    QCOMPARE(readFile(changelogFile()), second);

    QSignalSpy loaded(m_tab.get(), &ChangelogTab::loaded);
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("diskBannerReload")), Qt::LeftButton);
    QVERIFY(loaded.wait(60000));
    QTRY_COMPARE(m_tab->editor()->toPlainText().toUtf8(), second);
    QVERIFY(!m_tab->isModified());
    QVERIFY(!m_tab->diskChangePending());

    // Our own Save is not "a change by another program".
    typeAtStart(QStringLiteral("Z"));
    QSignalSpy saved(m_tab.get(), &ChangelogTab::savedTo);
    m_tab->saveAction()->trigger();
    QVERIFY(saved.wait(20000));
    QTest::qWait(600);  // the watcher's burst, had it been taken for someone else's change
    QCOMPARE(changed.size(), 2);
    QVERIFY(!m_tab->diskChangePending());
}

void TestChangelogSafety::discardChangesIsOneUndoableStep()
{
    QVERIFY(!m_tab->discardAction()->isEnabled());
    typeAtStart(QStringLiteral("abc"));
    QTRY_VERIFY(m_tab->discardAction()->isEnabled());
    // What Save would write, against the file on disk: the first line, changed.
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->editsDiff()->addedCount(), 1, 10000);
    QCOMPARE(m_tab->editsDiff()->removedCount(), 1);
    m_tab->findChild<QTabWidget *>(QStringLiteral("changelogSourceTabs"))
        ->setCurrentWidget(m_tab->editsDiff());
    shoot(m_tab.get(), "unsaved-diff");
    QVERIFY(m_tab->editsDiff()->text()->toPlainText().contains(QStringLiteral("abc# Changelog")));
    m_tab->discardAction()->trigger();
    QCOMPARE(m_tab->editor()->toPlainText().toUtf8(), m_original);
    QVERIFY(!m_tab->isModified());
    QVERIFY(!m_tab->discardAction()->isEnabled());
    m_tab->editor()->undo();
    QVERIFY(m_tab->editor()->toPlainText().startsWith(QStringLiteral("abc# Changelog")));
    QVERIFY(m_tab->isModified());
    QCOMPARE(readFile(changelogFile()), m_original);
}

// Issue 17 item 5: what Save would write (the editor against the file on disk) and the release's
// diff (last tag to the release commit) show inline or side by side, one toggle each; side by
// side pairs a changed line with what it replaces, pads a side that has no line, and scrolls both
// sides together.
void TestChangelogSafety::diffsShowSideBySideOrInline()
{
    auto *sources = m_tab->findChild<QTabWidget *>(QStringLiteral("changelogSourceTabs"));
    QVERIFY(sources);
    typeAtStart(QStringLiteral("abc"));
    DiffView *edits = m_tab->editsDiff();
    QTRY_COMPARE_WITH_TIMEOUT(edits->addedCount(), 1, 10000);
    sources->setCurrentWidget(edits);
    QVERIFY(!edits->isSideBySide());  // inline first
    QVERIFY(edits->sideBySideButton()->isVisible());
    QVERIFY(edits->text()->isVisible());
    QTest::mouseClick(edits->sideBySideButton(), Qt::LeftButton);
    QVERIFY(edits->isSideBySide());
    QVERIFY(edits->oldSide()->isVisible() && edits->newSide()->isVisible());
    QVERIFY(!edits->text()->isVisible());
    const QStringList oldLines = edits->oldSide()->toPlainText().split(QLatin1Char('\n'));
    const QStringList newLines = edits->newSide()->toPlainText().split(QLatin1Char('\n'));
    QCOMPARE(oldLines.size(), newLines.size());  // row for row
    const qsizetype changed = newLines.indexOf(QStringLiteral("+abc# Changelog"));
    QVERIFY2(changed > 0, qPrintable(newLines.join(QLatin1Char('\n'))));
    QCOMPARE(oldLines.at(changed), QStringLiteral("-# Changelog"));
    QVERIFY(!edits->newSide()->toPlainText().contains(QLatin1String("\n-")));  // no removed line on the new side
    shoot(m_tab.get(), "unsaved-diff-side-by-side");
    QTest::mouseClick(edits->sideBySideButton(), Qt::LeftButton);
    QVERIFY(!edits->isSideBySide());
    QVERIFY(edits->text()->isVisible());
    QVERIFY(!edits->newSide()->isVisible());

    // The release's diff: last tag to the release commit, the same toggle.
    DiffView *release = m_tab->diff();
    sources->setCurrentWidget(release);
    QTRY_VERIFY_WITH_TIMEOUT(release->addedCount() + release->removedCount() > 0, 10000);
    release->setSideBySide(true);
    QVERIFY(release->newSide()->isVisible());
    const QStringList oldSide = release->oldSide()->toPlainText().split(QLatin1Char('\n'));
    const QStringList newSide = release->newSide()->toPlainText().split(QLatin1Char('\n'));
    QCOMPARE(oldSide.size(), newSide.size());
    QCOMPARE(newSide.count(QStringLiteral("")) + release->addedCount(),
        oldSide.count(QStringLiteral("")) + release->removedCount());  // fillers make up the difference
    // Both sides scroll together.
    QScrollBar *oldBar = release->oldSide()->verticalScrollBar();
    QScrollBar *newBar = release->newSide()->verticalScrollBar();
    if (oldBar->maximum() > 0) {
        oldBar->setValue(oldBar->maximum() / 2);
        QCOMPARE(newBar->value(), oldBar->value());
        newBar->setValue(0);
        QCOMPARE(oldBar->value(), 0);
    }
    shoot(m_tab.get(), "release-diff-side-by-side");
    release->setSideBySide(false);
}

void TestChangelogSafety::autosaveSurvivesACrashAndIsOfferedBack()
{
    const QString autosaveFile = changelog_autosave::fileFor(changelogFile());
    QVERIFY(autosaveFile.startsWith(m_dir.filePath(QStringLiteral("state"))));
    m_tab->setAutosaveInterval(50);
    QSignalSpy autosaved(m_tab.get(), &ChangelogTab::autosaved);
    typeAtStart(QStringLiteral("Kept "));
    QVERIFY(autosaved.wait(10000));
    QVERIFY(QFile::exists(autosaveFile));
    QCOMPARE(QFile::permissions(autosaveFile) & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
    const QString typed = m_tab->editor()->toPlainText();

    // The crash: the tab goes without a question asked, nothing saved.
    m_tab.reset();
    QCOMPARE(readFile(changelogFile()), m_original);
    QVERIFY(QFile::exists(autosaveFile));

    loadTab();
    auto *box = waitForChild<QMessageBox>(m_tab.get(), QStringLiteral("changelogRecoverBox"));
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("CHANGELOG.md")));
    shoot(box, "recover-box");
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("recoverRestore")), Qt::LeftButton);
    QCOMPARE(m_tab->editor()->toPlainText(), typed);
    QVERIFY(m_tab->isModified());  // restored, not saved
    QCOMPARE(readFile(changelogFile()), m_original);

    QSignalSpy saved(m_tab.get(), &ChangelogTab::savedTo);
    m_tab->save();
    QVERIFY(saved.wait(20000));
    QCOMPARE(QString::fromUtf8(readFile(changelogFile())), typed);
    QTRY_VERIFY(!QFile::exists(autosaveFile));  // saved: nothing left to recover
}

void TestChangelogSafety::recoveredEditsCanBeDiscarded()
{
    const QString autosaveFile = changelog_autosave::fileFor(changelogFile());
    m_tab->setAutosaveInterval(50);
    QSignalSpy autosaved(m_tab.get(), &ChangelogTab::autosaved);
    typeAtStart(QStringLiteral("Lost "));
    QVERIFY(autosaved.wait(10000));
    m_tab.reset();

    loadTab();
    auto *box = waitForChild<QMessageBox>(m_tab.get(), QStringLiteral("changelogRecoverBox"));
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("recoverDiscard")), Qt::LeftButton);
    QCOMPARE(m_tab->editor()->toPlainText().toUtf8(), m_original);
    QVERIFY(!m_tab->isModified());
    QTRY_VERIFY(!QFile::exists(autosaveFile));
    m_tab.reset();
    loadTab();  // nothing offered the second time
    QTest::qWait(200);
    QVERIFY(!m_tab->findChild<QMessageBox *>(QStringLiteral("changelogRecoverBox")));
}

void TestChangelogSafety::quitAndCloseAskSaveDiscardCancel()
{
    m_tab.reset();
    Store store;
    const Status opened = store.open(m_db).result();
    QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toString()));
    MainWindow window(&store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openWorkspace(m_repo);
    window.selectRelease(kVersion);
    QTRY_COMPARE(window.currentVersion(), kVersion);
    auto *tab = window.findChild<ChangelogTab *>();
    QVERIFY(tab);
    window.findChild<QTabWidget *>(QStringLiteral("releaseTabs"))->setCurrentWidget(tab);
    QTRY_VERIFY_WITH_TIMEOUT(!tab->isLoading() && !tab->editor()->toPlainText().isEmpty(), 60000);
    auto *quit = window.findChild<QAction *>(QStringLiteral("actionQuit"));
    QVERIFY(quit);
    // File > Save and Discard are in the menu, Save on Ctrl+S.
    auto *fileMenu = window.menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"));
    QVERIFY(fileMenu->actions().contains(tab->saveAction()));
    QVERIFY(fileMenu->actions().contains(tab->discardAction()));
    QCOMPARE(tab->saveAction()->shortcut(), QKeySequence(QKeySequence::Save));

    tab->editor()->goToLine(1);
    QTest::keyClicks(tab->editor(), QStringLiteral("Q"));
    QVERIFY(tab->isModified());

    // F5 (Release > Refresh) on the Changelog tab reads the file again: with edits it asks first.
    QTest::keyClick(tab->editor(), Qt::Key_F5);
    auto *reloadBox = waitForChild<QMessageBox>(tab, QStringLiteral("changelogReloadBox"));
    QVERIFY(reloadBox);
    QTest::mouseClick(reloadBox->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(tab->isModified());
    QTRY_VERIFY(!tab->findChild<QMessageBox *>(QStringLiteral("changelogReloadBox")));

    // Opening a workspace (this one again) replaces the session: it asks too, Cancel keeps all.
    QSignalSpy reopened(&window, &MainWindow::workspaceOpened);
    window.openWorkspace(m_repo);
    auto *leaveBox = waitForChild<QMessageBox>(tab, QStringLiteral("changelogUnsavedBox"));
    QVERIFY(leaveBox);
    QTest::mouseClick(leaveBox->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!tab->findChild<QMessageBox *>(QStringLiteral("changelogUnsavedBox")));
    QVERIFY(tab->isModified());
    QCOMPARE(reopened.size(), 0);

    // File > Quit: Cancel keeps the window and the text.
    quit->trigger();
    auto *box = waitForChild<QMessageBox>(tab, QStringLiteral("changelogUnsavedBox"));
    QVERIFY(box);
    QVERIFY(window.isVisible());
    shoot(box, "unsaved-box");
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(window.isVisible());
    QVERIFY(tab->isModified());
    QCOMPARE(readFile(changelogFile()), m_original);

    // Closing the window: Save writes the file, then the window closes.
    QTRY_VERIFY(!tab->findChild<QMessageBox *>(QStringLiteral("changelogUnsavedBox")));
    window.close();
    box = waitForChild<QMessageBox>(tab, QStringLiteral("changelogUnsavedBox"));
    QVERIFY(box);
    QVERIFY(window.isVisible());
    const QByteArray typed = tab->editor()->toPlainText().toUtf8();
    QTest::mouseClick(box->button(QMessageBox::Save), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 20000);
    QCOMPARE(readFile(changelogFile()), typed);

    // Back again, Quit and Discard: the window closes and the file keeps what was saved.
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    tab->editor()->goToLine(1);
    QTest::keyClicks(tab->editor(), QStringLiteral("D"));
    QVERIFY(tab->isModified());
    quit->trigger();
    box = waitForChild<QMessageBox>(tab, QStringLiteral("changelogUnsavedBox"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Discard), Qt::LeftButton);
    QTRY_VERIFY(!window.isVisible());
    QCOMPARE(readFile(changelogFile()), typed);
    QTRY_VERIFY(!QFile::exists(changelog_autosave::fileFor(changelogFile())));
}

QTEST_MAIN(TestChangelogSafety)
#include "tst_changelog_safety.moc"
