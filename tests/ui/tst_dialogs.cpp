// Dialogs and the checklist filter on their own: New Release validation and error display, the
// preset wizard's repository check, About's library versions, the filter proxy under the tester.
#include "about_dialog.h"
#include "checklist_filter_proxy.h"
#include "checklist_model.h"
#include "item_text_dialog.h"
#include "library_versions.h"
#include "new_release_dialog.h"
#include "new_workspace_wizard.h"
#include "rollback_reason_dialog.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

namespace {

Checklist sampleChecklist()
{
    const auto item = [](const QString &key, const QString &text, ItemState state) {
        ChecklistItem i;
        i.key = key;
        i.text = text;
        i.state = state;
        return i;
    };
    ChecklistPhase pre {QStringLiteral("pre-release"), QStringLiteral("Pre-Release"), {}, {}};
    pre.sections = {
        {QStringLiteral("Code Readiness"), 2,
            {item(QStringLiteral("pre-release.1"), QStringLiteral("All PRs merged"), ItemState::Done),
                item(QStringLiteral("pre-release.2"), QStringLiteral("No open blockers"), ItemState::Open)}},
        {QStringLiteral("Dependencies"), 2,
            {item(QStringLiteral("pre-release.3"), QStringLiteral("OSRM version noted"),
                 ItemState::NotApplicable),
                item(QStringLiteral("pre-release.4"), QStringLiteral("Docker images tagged"),
                    ItemState::Failed)}},
    };
    return Checklist {{pre}};
}

int countItems(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    int n = 0;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        n += static_cast<NodeKind>(index.data(KindRole).toInt()) == NodeKind::Item ? 1
                                                                                   : countItems(model, index);
    }
    return n;
}

}  // namespace

class TestDialogs : public QObject {
    Q_OBJECT

private slots:
    void newReleaseValidatesVersion();
    void newReleaseKeepsDialogOpenOnError();
    void wizardAcceptsOnlyRepositoriesWithoutPolicy();
    void aboutListsLibraryVersions();
    void filterProxy();
    void ctrlEnterSubmitsTheTextDialogs();
};

// Ctrl+Enter submits (plain Enter is a new line in the text); never while the button is disabled.
void TestDialogs::ctrlEnterSubmitsTheTextDialogs()
{
    const auto submits = [](QDialog &dialog, QPlainTextEdit *edit, QPushButton *ok) {
        dialog.show();
        if (!QTest::qWaitForWindowActive(&dialog))
            return false;
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        if (dialog.result() == QDialog::Accepted || !dialog.isVisible())
            return false;  // an empty required text is not submitted
        QTest::keyClicks(edit, QStringLiteral("nothing to migrate"));
        QTest::keyClick(edit, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
        return dialog.result() == QDialog::Accepted && ok->toolTip().contains(QLatin1String("Ctrl+Return"));
    };
    NaReasonDialog na(QStringLiteral("Run the migrations"));
    QVERIFY(submits(na, na.reasonEdit(), na.okButton()));
    QCOMPARE(na.reason(), QStringLiteral("nothing to migrate"));
    RollbackReasonDialog lift(QStringLiteral("Lift Lock"), QStringLiteral("Why?"), QStringLiteral("Lift"));
    QVERIFY(submits(lift, lift.reasonEdit(), lift.okButton()));
    NoteDialog note(QStringLiteral("Run the migrations"), {});
    note.show();
    QVERIFY(QTest::qWaitForWindowActive(&note));
    QTest::keyClicks(note.noteEdit(), QStringLiteral("INC-7"));
    QTest::keyClick(note.noteEdit(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(note.result(), int(QDialog::Accepted));
}

void TestDialogs::newReleaseValidatesVersion()
{
    NewReleaseDialog dialog({QStringLiteral("minor")}, {});
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClicks(dialog.versionEdit(), QStringLiteral("3.8"));
    QVERIFY(!dialog.okButton()->isEnabled());
    QTest::keyClicks(dialog.versionEdit(), QStringLiteral(".0-rc.1"));
    QVERIFY(dialog.okButton()->isEnabled());
    QCOMPARE(dialog.request().version, QStringLiteral("3.8.0-rc.1"));
    QVERIFY(dialog.request().type.isEmpty());  // inferred unless chosen
    QVERIFY(!dialog.request().targetDate.isValid());
}

void TestDialogs::newReleaseKeepsDialogOpenOnError()
{
    int calls = 0;
    NewReleaseDialog dialog({}, [&calls](NewReleaseRequest request) {
        ++calls;
        if (calls == 1)
            return QtFuture::makeReadyFuture(Result<ReleaseRecord>(
                fail(ErrorCode::Conflict, QStringLiteral("release 4.0.0 already exists"))));
        ReleaseRecord record;
        record.version = request.version;
        return QtFuture::makeReadyFuture(Result<ReleaseRecord>(record));
    });
    dialog.show();
    QTest::keyClicks(dialog.versionEdit(), QStringLiteral("4.0.0"));
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    auto *problem = dialog.findChild<QLabel *>(QStringLiteral("newReleaseProblem"));
    QVERIFY(problem);
    QTRY_VERIFY(problem->text().contains(QStringLiteral("already exists")));
    QVERIFY(dialog.isVisible());
    QTRY_VERIFY(dialog.okButton()->isEnabled());
    QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.created().version, QStringLiteral("4.0.0"));
    QCOMPARE(calls, 2);
}

void TestDialogs::wizardAcceptsOnlyRepositoriesWithoutPolicy()
{
    QTemporaryDir plain;
    QTemporaryDir repo;
    QVERIFY(plain.isValid() && repo.isValid());
    QCOMPARE(
        QProcess::execute(QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q"), repo.path()}),
        0);
    NewWorkspaceWizard wizard(plain.path());
    wizard.show();
    QVERIFY(wizard.presetList()->count() >= 4);
    QCOMPARE(wizard.preset(), QStringLiteral("gated-ga"));
    wizard.next();
    QAbstractButton *finish = wizard.button(QWizard::FinishButton);
    auto *status = wizard.findChild<QLabel *>(QStringLiteral("workspaceDirectoryStatus"));
    QTRY_VERIFY(status->text().contains(QStringLiteral("git init")));
    QVERIFY(!finish->isEnabled());
    wizard.directoryEdit()->setText(repo.path());
    QTRY_VERIFY(finish->isEnabled());
    QVERIFY(QDir(repo.path()).mkpath(QStringLiteral(".release-cockpit")));
    QFile policy(QDir(repo.path()).filePath(QStringLiteral(".release-cockpit/policy.yml")));
    QVERIFY(policy.open(QIODevice::WriteOnly));
    policy.close();
    wizard.directoryEdit()->setText(repo.path() + QLatin1Char('/'));
    QTRY_VERIFY(status->text().contains(QStringLiteral("already has a release policy")));
    QVERIFY(!finish->isEnabled());
}

void TestDialogs::aboutListsLibraryVersions()
{
    const QList<LibraryVersion> versions = libraryVersions();
    QStringList names;
    for (const LibraryVersion &v : versions) {
        names << v.name;
        QVERIFY2(!v.version.isEmpty() && v.version.at(0).isDigit(),
            qPrintable(v.name + QLatin1Char('=') + v.version));
    }
    QCOMPARE(names,
        (QStringList {QStringLiteral("Qt"), QStringLiteral("libgit2"), QStringLiteral("SQLite"),
            QStringLiteral("yaml-cpp"), QStringLiteral("cmark-gfm"), QStringLiteral("QtKeychain"),
            QStringLiteral("libarchive")}));
    QCOMPARE(versions.first().version, QString::fromLatin1(qVersion()));
    AboutDialog dialog;
    auto *git = dialog.findChild<QLabel *>(QStringLiteral("version_libgit2"));
    QVERIFY(git);
    QCOMPARE(git->text(), versions.at(1).version);
}

void TestDialogs::filterProxy()
{
    ChecklistModel model;
    ChecklistFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setChecklist(sampleChecklist());
    QCOMPARE(countItems(&proxy), 4);
    proxy.setOpenOnly(true);  // open and failed stay: both still need work
    QCOMPARE(countItems(&proxy), 2);
    proxy.setText(QStringLiteral("docker"));
    QCOMPARE(countItems(&proxy), 1);
    proxy.setOpenOnly(false);
    proxy.setText(QStringLiteral("dependencies"));  // a section title finds its items
    QCOMPARE(countItems(&proxy), 2);
    proxy.setText(QStringLiteral("nothing like this"));
    QCOMPARE(proxy.rowCount(), 0);  // empty sections and phases vanish too
    proxy.setText({});
    ChecklistItem done = *model.checklist().findItem(QStringLiteral("pre-release.2"));
    done.state = ItemState::Done;
    proxy.setOpenOnly(true);
    QVERIFY(model.updateItem(done));
    QCOMPARE(countItems(&proxy), 1);
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
