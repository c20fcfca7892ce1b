// The Changelog tab on the demo workspace, offscreen: a planted lint problem and the uncovered
// commits show up, a problem jumps to its line, "Add entry" drafts under the right section and Save
// changes exactly that line on disk, a file changed meanwhile is never overwritten silently, and the
// tag dialogs show name and target before anything is written.
#include "changelog_editor.h"
#include "changelog_tab.h"
#include "commit_coverage_view.h"
#include "cut_release_dialog.h"
#include "demo_builder.h"
#include "diff_view.h"
#include "git_service.h"
#include "item_roles.h"
#include "markdown_highlighter.h"
#include "problems_list.h"
#include "session.h"
#include "store.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QProcess>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

using namespace cockpit;

namespace {

const QString kVersion = QString::fromLatin1(kDemoVersion);
const QByteArray kPlanted = "### Improvements\n\n- faster route exports\n\n";

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

// CHANGELOG_SAFETY_SCREENSHOTS=DIR saves the new dialogs as PNGs there, for a look at them.
void shoot(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("CHANGELOG_SAFETY_SCREENSHOTS");
    if (dir.isEmpty() || !widget)
        return;
    QTest::qWait(50);
    widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}

int lineOf(const QByteArray &text, const QByteArray &needle)
{
    const qsizetype at = text.indexOf(needle);
    return at < 0 ? 0 : int(text.left(at).count('\n')) + 1;
}

}  // namespace

class TestChangelogTab : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsPlantedProblemAndUncoveredCommits();
    void activatingProblemMovesCursor();
    void filtersNarrowTheCommits();
    void addEntryThenSaveChangesOnlyThatLine();
    void fileChangedOnDiskIsNotOverwrittenSilently();
    void diffAgainstLastTag();
    void createTagDialogShowsPlanBeforeWriting();
    void verifyTagTicksBoundItem();
    void promoteDialogNamesTheCandidate();
    void cutReleaseRewritesUnreleasedInTheEditor();
    void missingChangelogOffersToCreateOne();
    void cleanAndCoveredChangelogTicksCheck();
    void highlighterMarksMarkdown();
    void editorUnderlinesDiagnostics();
    void rcTagSignedFromTheDialog();

private:
    void loadTab();
    [[nodiscard]] QString changelogFile() const { return m_repo + QStringLiteral("/CHANGELOG.md"); }

    QTemporaryDir m_dir;
    QString m_repo;
    QByteArray m_plantedFile;
    int m_plantedLine = 0;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Session> m_service;
    ReleaseRecord m_release;
    std::unique_ptr<ChangelogTab> m_tab;
};

void TestChangelogTab::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    m_repo = m_dir.filePath(QStringLiteral("demo"));
    const Status built = buildDemoRepository(m_repo);
    QVERIFY2(built.has_value(), qPrintable(built ? QString() : built.error().toString()));
    // The planted problem: a section Keep a Changelog does not know, right under Unreleased.
    QByteArray text = readFile(changelogFile());
    const qsizetype unreleased = text.indexOf("## [Unreleased]\n");
    QVERIFY(unreleased >= 0);
    text.insert(unreleased + qsizetype(qstrlen("## [Unreleased]\n\n")), kPlanted);
    QVERIFY(writeFile(changelogFile(), text));
    m_plantedFile = text;
    m_plantedLine = lineOf(text, "### Improvements");
    QVERIFY(m_plantedLine > 0);

    // The preset binds its items to gates; these two are bound to the tab's own checks.
    const QString templatePath = m_repo + QStringLiteral("/.release-cockpit/checklists/pre-release.md");
    QByteArray checklist = readFile(templatePath);
    QVERIFY(!checklist.isEmpty());
    checklist += "\n### Changelog tab\n\n- [ ] Changelog complete <!-- check: changelog -->\n"
                 "- [ ] Release tag verified <!-- check: tag -->\n";
    QVERIFY(writeFile(templatePath, checklist));
    auto workspace = Workspace::load(m_repo);
    QVERIFY2(workspace.has_value(), qPrintable(workspace ? QString() : workspace.error().toString()));
    m_store = std::make_unique<Store>();
    const Status opened = m_store->open(m_dir.filePath(QStringLiteral("cockpit.sqlite"))).result();
    QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toString()));
    const Status seeded
        = QtConcurrent::run([&] { return seedDemoRelease(m_store.get(), *workspace); }).result();
    QVERIFY2(seeded.has_value(), qPrintable(seeded ? QString() : seeded.error().toString()));
    auto release = m_store->release(kVersion).result();
    QVERIFY(release.has_value());
    m_release = *release;
    m_service
        = std::make_unique<Session>(m_store.get(), std::move(*workspace), currentIdentity(m_repo));
}

void TestChangelogTab::init()
{
    QVERIFY(writeFile(changelogFile(), m_plantedFile));
    loadTab();
}

void TestChangelogTab::cleanup()
{
    m_tab.reset();
}

void TestChangelogTab::loadTab()
{
    m_tab = std::make_unique<ChangelogTab>();
    m_tab->resize(1300, 800);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
    new QAbstractItemModelTester(
        m_tab->coverage()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_tab.get());
    new QAbstractItemModelTester(
        m_tab->coverage()->filter(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_tab.get());
    QSignalSpy loaded(m_tab.get(), &ChangelogTab::loaded);
    m_tab->setSession(m_service.get());
    m_tab->showRelease(m_release);
    QVERIFY(loaded.wait(60000));
    QTRY_VERIFY(!m_tab->isLoading());
    QCOMPARE(m_tab->editor()->toPlainText().toUtf8(), readFile(changelogFile()));
}

void TestChangelogTab::showsPlantedProblemAndUncoveredCommits()
{
    ProblemsList *problems = m_tab->problems();
    QVERIFY(problems->count() > 0);
    bool found = false;
    for (int row = 0; row < problems->count(); ++row) {
        QTreeWidgetItem *item = problems->problemAt(row);
        if (item->text(ProblemsList::RuleColumn) == QLatin1String("section-unknown")) {
            found = true;
            QVERIFY(item->text(ProblemsList::LocationColumn)
                        .startsWith(QString::number(m_plantedLine) + QLatin1Char(':')));
        }
    }
    QVERIFY2(found, "the planted unknown section is listed");
    // The gutter and the underline carry the same finding.
    QVERIFY(!m_tab->editor()->tooltipAt(m_plantedLine, 5).isEmpty());

    // Every commit since v3.6.0 up to the release commit is listed, some of them uncovered.
    auto git = GitService::open(m_repo);
    QVERIFY(git.has_value());
    auto commits = git->commits(QStringLiteral("v3.6.0"), m_release.commit);
    QVERIFY(commits.has_value());
    CommitCoverageModel *model = m_tab->coverage()->model();
    QCOMPARE(m_tab->lastTag(), QStringLiteral("v3.6.0"));
    int nonMerges = 0;
    for (const CommitInfo &c : std::as_const(*commits))
        nonMerges += !c.isMerge();
    QCOMPARE(model->rowCount(), nonMerges);
    QVERIFY(model->count(CoverageState::Uncovered) > 0);
    QVERIFY(model->count(CoverageState::Covered) > 0);
    QVERIFY(model->count(CoverageState::Exempt) > 0);
    // A hint is not coverage: an entry citing another PR with the same words shows apart, on an
    // uncovered row ("probably line N?").
    bool hinted = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const CoverageRow *r = model->rowAt(row);
        if (r->suggestedLine == 0)
            continue;
        QCOMPARE(r->state, CoverageState::Uncovered);
        QCOMPARE(model->index(row, CommitCoverageModel::CoveredByColumn).data().toString(),
            QStringLiteral("probably line %1?").arg(r->suggestedLine));
        hinted = true;
    }
    QVERIFY2(hinted, "the demo has an uncovered commit whose words an entry for another PR uses");
    const QByteArray text = readFile(changelogFile());
    for (const CoverageRow &row : model->rows())
        if (row.state == CoverageState::Uncovered && row.pr > 0)
            QVERIFY2(!text.contains(QStringLiteral("(#%1)").arg(row.pr).toUtf8()), qPrintable(row.subject));
}

void TestChangelogTab::activatingProblemMovesCursor()
{
    m_tab->editor()->goToLine(1);
    ProblemsList *problems = m_tab->problems();
    int row = -1;
    for (int i = 0; i < problems->count(); ++i)
        if (problems->problemAt(i)->text(ProblemsList::RuleColumn)
            == QLatin1String("section-unknown"))
            row = i;
    QVERIFY(row >= 0);
    // With the keyboard: focus the list, move to the row, press Enter.
    problems->tree()->setFocus();
    problems->tree()->setCurrentItem(problems->problemAt(row));
    QTest::keyClick(problems->tree()->viewport(), Qt::Key_Return);
    QTRY_COMPARE(m_tab->editor()->currentLine(), m_plantedLine);
    QTRY_VERIFY(m_tab->editor()->hasFocus());
}

void TestChangelogTab::filtersNarrowTheCommits()
{
    CommitCoverageView *view = m_tab->coverage();
    auto *state = view->findChild<QComboBox *>(QStringLiteral("coverageStateFilter"));
    QVERIFY(state);
    state->setCurrentIndex(state->findData(static_cast<int>(CoverageState::Uncovered)));
    QAbstractItemModel *shown = view->table()->model();
    QCOMPARE(shown->rowCount(), view->model()->count(CoverageState::Uncovered));
    for (int row = 0; row < shown->rowCount(); ++row)
        QCOMPARE(
            shown->index(row, 0).data(CoverageStateRole).toInt(), static_cast<int>(CoverageState::Uncovered));
    const QString sha = shown->index(0, 0).data(CommitShaRole).toString();
    auto *filter = view->findChild<QLineEdit *>(QStringLiteral("coverageFilter"));
    QTest::keyClicks(filter, sha.left(9));
    QCOMPARE(shown->rowCount(), 1);
    QCOMPARE(shown->index(0, 0).data(CommitShaRole).toString(), sha);
}

void TestChangelogTab::addEntryThenSaveChangesOnlyThatLine()
{
    CommitCoverageView *view = m_tab->coverage();
    int pick = -1;
    for (int row = 0; row < view->model()->rowCount() && pick < 0; ++row) {
        const CoverageRow *r = view->model()->rowAt(row);
        if (r->state == CoverageState::Uncovered && r->type == QLatin1String("fix") && r->pr > 0)
            pick = row;
    }
    QVERIFY2(pick >= 0, "the demo has an uncovered fix");
    const CoverageRow commit = *view->model()->rowAt(pick);
    view->selectSha(commit.sha);
    auto *add = view->findChild<QPushButton *>(QStringLiteral("addEntryButton"));
    QVERIFY(add->isEnabled());
    QSignalSpy analysed(m_tab.get(), &ChangelogTab::analysed);
    QTest::mouseClick(add, Qt::LeftButton);
    const QString reference = QStringLiteral("(#%1)").arg(commit.pr);
    QVERIFY(m_tab->editor()->toPlainText().contains(reference));
    QVERIFY(m_tab->isModified());
    // The drafted line sits under "### Fixed" of Unreleased, and the commit counts as covered.
    const int line = m_tab->editor()->currentLine();
    QVERIFY(m_tab->editor()->document()->findBlockByNumber(line - 1).text().contains(reference));
    QString heading;
    for (int l = line - 1; l >= 1 && heading.isEmpty(); --l) {
        const QString text = m_tab->editor()->document()->findBlockByNumber(l - 1).text();
        if (text.startsWith(QLatin1String("#")))
            heading = text;
    }
    QCOMPARE(heading, QStringLiteral("### Fixed"));
    QTRY_COMPARE(view->model()->rowAt(view->model()->rowForSha(commit.sha))->state, CoverageState::Covered);

    QSignalSpy saved(m_tab.get(), &ChangelogTab::savedTo);
    auto *save = m_tab->findChild<QPushButton *>(QStringLiteral("changelogSave"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(saved.wait(20000));
    QVERIFY(!m_tab->isModified());
    const QList<QByteArray> before = m_plantedFile.split('\n');
    QList<QByteArray> after = readFile(changelogFile()).split('\n');
    QCOMPARE(after.size(), before.size() + 1);
    QVERIFY(after.at(line - 1).contains(reference.toUtf8()));
    after.removeAt(line - 1);
    QCOMPARE(after, before);  // every other line byte for byte
}

void TestChangelogTab::fileChangedOnDiskIsNotOverwrittenSilently()
{
    const QByteArray external = m_plantedFile + "\n<!-- edited elsewhere -->\n";
    QVERIFY(writeFile(changelogFile(), external));
    m_tab->editor()->goToLine(1);
    QTest::keyClicks(m_tab->editor(), QStringLiteral("X"));
    QVERIFY(m_tab->isModified());
    m_tab->save();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_tab->findChild<QMessageBox *>(QStringLiteral("changelogConflictBox"))));
    QCOMPARE(readFile(changelogFile()), external);  // nothing written while asking
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QCOMPARE(readFile(changelogFile()), external);
    QVERIFY(m_tab->isModified());  // the edits are still there

    m_tab->save();
    QTRY_VERIFY((box = m_tab->findChild<QMessageBox *>(QStringLiteral("changelogConflictBox"))));
    QSignalSpy saved(m_tab.get(), &ChangelogTab::savedTo);
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("conflictOverwrite")), Qt::LeftButton);
    QVERIFY(saved.wait(20000));
    QCOMPARE(readFile(changelogFile()), m_tab->editor()->toPlainText().toUtf8());
    QVERIFY(readFile(changelogFile()).startsWith("X# Changelog"));
}

void TestChangelogTab::diffAgainstLastTag()
{
    DiffView *diff = m_tab->diff();
    QVERIFY(diff->addedCount() > 0);  // Unreleased grew since v3.6.0
    QVERIFY(diff->summary().contains(QLatin1String("v3.6.0")));
    const QString text = diff->text()->toPlainText();
    QVERIFY(text.startsWith(QLatin1String("@@")));
    QVERIFY(text.contains(QLatin1String("\n+")));
    // Row 1 is the first line of the first hunk: it has a line number on at least one side.
    const auto numbers = diff->lineNumbersAt(1);
    QVERIFY(numbers.first > 0 || numbers.second > 0);
}

void TestChangelogTab::createTagDialogShowsPlanBeforeWriting()
{
    auto git = GitService::open(m_repo);
    QVERIFY(git.has_value());
    QVERIFY(!git->tag(QStringLiteral("v3.7.0")).has_value());
    TagDialog *dialog = m_tab->openTagDialog(TagAction::Create);
    QVERIFY(dialog);
    QTRY_VERIFY(!dialog->plan().commit.isEmpty());
    auto text = [&dialog](const char *name) {
        return dialog->findChild<QLabel *>(QString::fromLatin1(name))->text();
    };
    QCOMPARE(text("tagNameLabel"), QStringLiteral("v3.7.0"));
    QVERIFY(text("tagTargetLabel").contains(m_release.commit));
    QVERIFY(text("tagTargetLabel").contains(m_release.commit.left(7)));
    auto commits = git->commits(m_release.commit + QStringLiteral("~1"), m_release.commit);
    QVERIFY(commits.has_value() && commits->size() == 1);
    QCOMPARE(text("tagSubjectLabel"), commits->first().subject);
    QVERIFY(!dialog->plan().message.trimmed().isEmpty());
    // Not ready for the release tag: the changelog at the release commit has no 3.7.0 section
    // (and commits slip through). Held, with the reason; nothing written.
    QVERIFY(!dialog->actionButton()->isEnabled());
    QVERIFY2(dialog->statusText().contains(QLatin1String("has no section for 3.7.0")),
        qPrintable(dialog->statusText()));
    QVERIFY(!git->tag(QStringLiteral("v3.7.0")).has_value());
    shoot(dialog, "tag-held-dialog");
    dialog->reject();

    // A release candidate may be made: the next -rcN on the release's commit, which it pins.
    dialog = m_tab->openTagDialog(TagAction::Candidate);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->actionButton()->isEnabled());
    QCOMPARE(text("tagNameLabel"), QStringLiteral("v3.7.0-rc2"));  // rc1 exists
    QCOMPARE(dialog->plan().commit, m_release.commit);
    shoot(dialog, "rc-tag-dialog");
    QSignalSpy done(dialog, &TagDialog::finishedWith);
    QTest::mouseClick(dialog->actionButton(), Qt::LeftButton);
    QVERIFY(done.wait(20000));
    auto tag = git->tag(QStringLiteral("v3.7.0-rc2"));
    QVERIFY(tag.has_value());
    QCOMPARE(tag->targetSha, m_release.commit);
    QVERIFY(tag->annotated);
    QTRY_VERIFY_WITH_TIMEOUT(m_store->release(kVersion).result()->commitPinned, 20000);
    QCOMPARE(m_store->release(kVersion).result()->commit, m_release.commit);

    // The tests after this one verify and promote v3.7.0: made here as a ready release would be.
    const GitSignature who {QStringLiteral("Ana"), QStringLiteral("ana@example.com"), {}};
    QVERIFY(git->createAnnotatedTag(
        QStringLiteral("v3.7.0"), m_release.commit, QStringLiteral("Release v3.7.0"), who));
}

void TestChangelogTab::verifyTagTicksBoundItem()
{
    auto git = GitService::open(m_repo);
    QVERIFY(git.has_value());
    QVERIFY2(git->tag(QStringLiteral("v3.7.0")).has_value(), "created by the previous test");
    TagDialog *dialog = m_tab->openTagDialog(TagAction::Verify);
    QTRY_VERIFY(dialog->actionButton()->isEnabled());
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("tagNameLabel"))->text(), QStringLiteral("v3.7.0"));
    QSignalSpy done(dialog, &TagDialog::finishedWith);
    QTest::mouseClick(dialog->actionButton(), Qt::LeftButton);
    QVERIFY(done.wait(20000));
    QVERIFY(done.first().first().value<TagOutcome>().passed);
    QVERIFY(dialog->statusText().contains(QLatin1String("verified")));
    auto tagItemDone = [this] {
        auto checklist = m_store->checklist(kVersion).result();
        if (!checklist)
            return false;
        for (const auto &phase : checklist->phases)
            for (const auto &section : phase.sections)
                for (const auto &item : section.items)
                    if (checkBindingMatches(item.check, QStringLiteral("tag"), QStringLiteral("v3.7.0")))
                        return item.state == ItemState::Done
                            && item.evidence.contains(QLatin1String("v3.7.0"));
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(tagItemDone(), 20000);
}

void TestChangelogTab::promoteDialogNamesTheCandidate()
{
    auto git = GitService::open(m_repo);
    QVERIFY(git.has_value());
    auto rc = git->tag(QStringLiteral("v3.7.0-rc2"));
    QVERIFY(rc.has_value());
    TagDialog *dialog = m_tab->openTagDialog(TagAction::Promote);
    QVERIFY(dialog);
    QTRY_VERIFY(!dialog->findChild<QLabel *>(QStringLiteral("tagTargetLabel"))
                     ->text()
                     .contains(QLatin1String("Resolving")));
    QCOMPARE(dialog->plan().promotedFrom, QStringLiteral("v3.7.0-rc2"));
    QCOMPARE(dialog->plan().commit, rc->targetSha);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("tagTargetLabel"))->text().contains(rc->targetSha));
    const QString notes = dialog->findChild<QLabel *>(QStringLiteral("tagNotesLabel"))->text();
    QVERIFY2(notes.contains(QLatin1String("v3.7.0-rc2")), qPrintable(notes));
    // v3.7.0 was created on that same commit by an earlier test: promoting writes nothing.
    QVERIFY2(notes.contains(QLatin1String("already exists")), qPrintable(notes));
    dialog->reject();
}

void TestChangelogTab::cutReleaseRewritesUnreleasedInTheEditor()
{
    const QString before = m_tab->editor()->toPlainText();
    auto *cut = m_tab->findChild<QPushButton *>(QStringLiteral("changelogCut"));
    QVERIFY(cut->isEnabled());
    QTest::mouseClick(cut, Qt::LeftButton);
    // A dialog first: the version, the date, the bump the commits call for; nothing cut yet.
    CutReleaseDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_tab->findChild<CutReleaseDialog *>(QStringLiteral("cutReleaseDialog"))));
    auto label = [&dialog](const char *name) {
        return dialog->findChild<QLabel *>(QString::fromLatin1(name))->text();
    };
    QVERIFY(label("cutVersion").contains(QLatin1String("3.7.0")));
    QVERIFY2(label("cutBump").contains(QLatin1String("call for")), qPrintable(label("cutBump")));
    QCOMPARE(dialog->date(), QDate::currentDate());
    QCOMPARE(m_tab->editor()->toPlainText(), before);
    QVERIFY(dialog->cutButton()->isEnabled());  // warnings do not hold the cut
    shoot(dialog, "cut-release-dialog");
    QTest::mouseClick(dialog->cutButton(), Qt::LeftButton);
    const QString after = m_tab->editor()->toPlainText();
    const QString heading = QStringLiteral("## [3.7.0] - %1").arg(QDate::currentDate().toString(Qt::ISODate));
    QVERIFY2(after.contains(heading), qPrintable(after.left(600)));
    // The editor shows what was written.
    const int shown = m_tab->editor()->currentLine();
    QVERIFY(m_tab->editor()->document()->findBlockByNumber(shown - 1).text().startsWith(heading));
    QVERIFY(after.indexOf(QLatin1String("## [Unreleased]")) < after.indexOf(heading));
    QVERIFY(m_tab->isModified());
    QCOMPARE(readFile(changelogFile()), m_plantedFile);  // the editor only, until Save
    m_tab->editor()->undo();
    QCOMPARE(m_tab->editor()->toPlainText(), before);
}

// A scratch workspace: a repository with the gated-ga policy, a pre-release checklist with one
// item bound to `check: changelog`, and the given commits (files, subject), the first tagged v0.1.0.
struct Scratch {
    QString dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<Session> service;
    ReleaseRecord release;
};

void buildScratch(
    Scratch &s, const QString &dir, const QList<std::pair<QMap<QString, QByteArray>, QString>> &commits)
{
    s.dir = dir;
    auto repo = GitService::init(dir);
    QVERIFY(repo.has_value());
    const GitSignature who {QStringLiteral("Ana"), QStringLiteral("ana@example.com"), {}};
    for (qsizetype i = 0; i < commits.size(); ++i) {
        auto sha = repo->commitFiles(commits[i].first, commits[i].second, who);
        QVERIFY(sha.has_value());
        if (i == 0)
            QVERIFY(repo->createAnnotatedTag(
                QStringLiteral("v0.1.0"), *sha, QStringLiteral("Release v0.1.0"), who));
    }
    QVERIFY(initWorkspaceFromPreset(dir, QStringLiteral("gated-ga")).has_value());
    const QString templatePath = dir + QStringLiteral("/.release-cockpit/checklists/pre-release.md");
    QVERIFY(writeFile(
        templatePath, readFile(templatePath) + "\n### Tab\n\n- [ ] Changelog <!-- check: changelog -->\n"));
    auto workspace = Workspace::load(dir);
    QVERIFY(workspace.has_value());
    s.store = std::make_unique<Store>();
    QVERIFY(s.store->open(dir + QStringLiteral(".sqlite")).result().has_value());
    s.service = std::make_unique<Session>(
        s.store.get(), std::move(*workspace), Identity {who.email, who.name});
    NewReleaseRequest request {QStringLiteral("0.2.0"), {}, {}, QDate(2026, 12, 1)};
    auto release = QtConcurrent::run([&] { return s.service->createRelease(request).result(); }).result();
    QVERIFY2(release.has_value(), qPrintable(release ? QString() : release.error().toString()));
    s.release = *release;
}

ChecklistItem boundItem(Store *store, const QString &version, const QString &kind)
{
    auto checklist = store->checklist(version).result();
    if (checklist)
        for (const auto &phase : checklist->phases)
            for (const auto &section : phase.sections)
                for (const auto &item : section.items)
                    if (checkBindingMatches(item.check, kind, {}))
                        return item;
    return {};
}

void TestChangelogTab::missingChangelogOffersToCreateOne()
{
    Scratch s;
    buildScratch(s, m_dir.filePath(QStringLiteral("bare")),
        {{{{QStringLiteral("README.md"), "hello\n"}}, QStringLiteral("feat: start (#1)")}});
    if (QTest::currentTestFailed())
        return;
    ChangelogTab tab;
    tab.show();
    QSignalSpy loaded(&tab, &ChangelogTab::loaded);
    tab.setSession(s.service.get());
    tab.showRelease(s.release);
    QVERIFY(loaded.wait(30000));
    auto *text = tab.findChild<QLabel *>(QStringLiteral("changelogEmptyText"));
    QTRY_VERIFY(text->isVisible());
    QVERIFY(text->text().contains(QLatin1String("No CHANGELOG.md")));
    auto *create = tab.findChild<QPushButton *>(QStringLiteral("createChangelogButton"));
    QVERIFY(create->isVisible());
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(loaded.wait(30000));
    QVERIFY(readFile(s.dir + QStringLiteral("/CHANGELOG.md")).contains("## [Unreleased]"));
    QTRY_VERIFY(tab.editor()->isVisible());
    QVERIFY(tab.editor()->toPlainText().startsWith(QLatin1String("# Changelog")));
}

void TestChangelogTab::cleanAndCoveredChangelogTicksCheck()
{
    const QByteArray clean
        = "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n"
          "## [Unreleased]\n\n### Added\n\n- add route export (#2)\n\n"
          "## [0.1.0] - 2026-01-05\n\n### Added\n\n- first cut (#1)\n\n"
          "[Unreleased]: https://example.com/compare/v0.1.0...HEAD\n"
          "[0.1.0]: https://example.com/releases/tag/v0.1.0\n";
    Scratch s;
    buildScratch(s, m_dir.filePath(QStringLiteral("clean")),
        {{{{QStringLiteral("CHANGELOG.md"), clean}}, QStringLiteral("feat: first cut (#1)")},
            {{{QStringLiteral("a.txt"), "a\n"}}, QStringLiteral("feat(api): add route export (#2)")},
            {{{QStringLiteral("b.txt"), "b\n"}}, QStringLiteral("chore: tidy")}});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(boundItem(s.store.get(), s.release.version, QStringLiteral("changelog")).state, ItemState::Open);
    ChangelogTab tab;
    tab.show();
    QSignalSpy loaded(&tab, &ChangelogTab::loaded);
    QSignalSpy touched(&tab, &ReleaseTab::releaseTouched);
    tab.setSession(s.service.get());
    tab.showRelease(s.release);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(tab.problems()->count(), 0);
    QCOMPARE(tab.coverage()->model()->count(CoverageState::Covered), 1);
    QCOMPARE(tab.coverage()->model()->count(CoverageState::Exempt), 1);
    QCOMPARE(tab.coverage()->model()->count(CoverageState::Uncovered), 0);
    QVERIFY(touched.wait(20000));
    QCOMPARE(touched.first().first().toString(), QStringLiteral("0.2.0"));
    const ChecklistItem item = boundItem(s.store.get(), s.release.version, QStringLiteral("changelog"));
    QCOMPARE(item.state, ItemState::Done);
    QVERIFY(item.evidence.contains(QLatin1String("lints clean")));
    QVERIFY(item.evidence.contains(QLatin1String("v0.1.0")));
}

void TestChangelogTab::highlighterMarksMarkdown()
{
    QTextDocument document;
    MarkdownHighlighter highlighter(&document);
    document.setPlainText(QStringLiteral("## [3.7.0] - 2026-11-26\n- fix `code` and *emph* [link](http://x)\n"
                                         "[3.7.0]: https://example.com/compare\n"));
    highlighter.rehighlight();  // a new highlighter otherwise waits for the event loop
    auto formatAt = [&document](int block, int column) {
        const QTextBlock b = document.findBlockByNumber(block);
        for (const QTextLayout::FormatRange &r : b.layout()->formats())
            if (column >= r.start && column < r.start + r.length)
                return r.format;
        return QTextCharFormat();
    };
    QCOMPARE(formatAt(0, 0).fontWeight(), int(QFont::Bold));  // heading
    QCOMPARE(
        formatAt(1, 0).foreground(), highlighter.formatFor(MarkdownHighlighter::Span::Bullet).foreground());
    QVERIFY(formatAt(1, 7).fontFixedPitch());  // `code`
    QVERIFY(formatAt(1, 19).fontItalic());  // *emph*
    QVERIFY(!formatAt(1, 3).fontItalic());
    QCOMPARE(formatAt(2, 1).foreground(),
        highlighter.formatFor(MarkdownHighlighter::Span::LinkDefinition).foreground());
}

void TestChangelogTab::editorUnderlinesDiagnostics()
{
    ChangelogEditor editor;
    editor.setPlainText(QStringLiteral("# Changelog\n\n### Improvements\n"));
    EditorDiagnostic d;
    d.line = 3;
    d.column = 5;
    d.rule = QStringLiteral("section-unknown");
    d.message = QStringLiteral("unknown section");
    editor.setDiagnostics({d});
    bool underlined = false;
    for (const QTextEdit::ExtraSelection &s : editor.extraSelections())
        underlined
            |= s.format.underlineStyle() == QTextCharFormat::WaveUnderline && s.cursor.blockNumber() == 2;
    QVERIFY(underlined);
    QVERIFY(editor.tooltipAt(3, 6).contains(QLatin1String("section-unknown")));
    QVERIFY(editor.tooltipAt(3, 1).isEmpty());  // before the underlined word
    QVERIFY(editor.tooltipAt(1, 1).isEmpty());
}

QTEST_MAIN(TestChangelogTab)
// Issue 17 item 4 in the window: the tag dialogs offer Sign the tag (the user's choice under the
// default tags.signing: optional); checked, the tag is written signed with git's configured key.
void TestChangelogTab::rcTagSignedFromTheDialog()
{
    const QString key = m_dir.filePath(QStringLiteral("signing_key"));
    QProcess gen;
    gen.start(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
            QStringLiteral("-C"), QStringLiteral("ana"), QStringLiteral("-f"), key});
    QVERIFY(gen.waitForFinished(30000) && gen.exitCode() == 0);
    auto git = GitService::open(m_repo);
    QVERIFY(git.has_value());
    QVERIFY(git->setConfigValue(QStringLiteral("gpg.format"), QStringLiteral("ssh")));
    QVERIFY(git->setConfigValue(QStringLiteral("user.signingkey"), key));
    TagDialog *dialog = m_tab->openTagDialog(TagAction::Candidate);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->actionButton()->isEnabled(), 20000);
    QCheckBox *sign = dialog->signBox();
    QVERIFY(sign->isVisible() && sign->isEnabled());
    QVERIFY(!sign->isChecked());  // optional: signed when asked
    sign->setChecked(true);
    const QString name = dialog->plan().tagName;
    QVERIFY(dialog->plan().sign);
    shoot(dialog, "rc-tag-signed-dialog");
    QSignalSpy done(dialog, &TagDialog::finishedWith);
    QTest::mouseClick(dialog->actionButton(), Qt::LeftButton);
    QVERIFY2(done.wait(20000), qPrintable(dialog->statusText()));
    auto object = git->tagObject(name);
    QVERIFY(object.has_value());
    QVERIFY2(object->contains("-----BEGIN SSH SIGNATURE-----"), object->constData());
}

#include "tst_changelog_tab.moc"
