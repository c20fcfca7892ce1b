// The sign-off dialog offscreen: it shows what is approved (version, commit, digest, the rendered
// changelog section, what is open), Reject stays disabled without a reason, and the release
// manager cannot approve their own release.
#include "checklist_parser.h"
#include "signoff_dialog.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>

using namespace cockpit;

namespace {

const QString kCommit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
const QString kDigest = QStringLiteral("5f1c9a0e8b7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a3928170f5e4d3c");

Policy policy()
{
    Policy p;
    p.sourcePath = QStringLiteral("policy.yml");
    p.roles.insert(QStringLiteral("release_manager"), {QStringLiteral("rm@x")});
    p.roles.insert(QStringLiteral("lead"), {QStringLiteral("lead@x"), QStringLiteral("rm@x")});
    ReleaseTypePolicy minor;
    minor.name = QStringLiteral("minor");
    minor.approvals = {{QStringLiteral("lead"), 1, {}}};
    p.releaseTypes << minor;
    return p;
}

SignoffView sampleView()
{
    SignoffView v;
    v.release.version = QStringLiteral("3.7.0");
    v.release.type = QStringLiteral("minor");
    v.release.manager = QStringLiteral("rm@x");
    v.release.commit = kCommit;
    v.release.commitPinned = true;
    v.commit = kCommit;
    v.digest = kDigest;
    v.changelogHeading = QStringLiteral("## [3.7.0] - 2026-11-26");
    v.changelogSection = "\n### Security\n\n- Rotate **session** keys (#1201)\n";
    auto phase
        = parseChecklist("# Pre\n\n- [ ] Tests green\n- [ ] Staging soak PASS <!-- check: soak staging -->\n",
            QStringLiteral("pre"), QStringLiteral("pre.md"));
    if (phase)
        v.checklist.phases << *phase;
    if (ChecklistItem *tests = v.checklist.findItem(QStringLiteral("pre.1")))
        tests->state = ItemState::Done;
    v.facts = {v.release.type, v.release.manager, v.digest, {QStringLiteral("Security")}};
    v.approvals = evaluateApprovals(policy(), v.facts, {});
    return v;
}

}  // namespace

class TstSignoffDialog : public QObject {
    Q_OBJECT

private slots:
    void showsWhatIsApproved()
    {
        SignoffDialog dialog(
            sampleView(), policy(), Identity {QStringLiteral("lead@x"), QStringLiteral("Lea Lead")});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const auto *version = dialog.findChild<QLabel *>(QStringLiteral("signoffVersion"));
        const auto *commit = dialog.findChild<QLabel *>(QStringLiteral("signoffCommit"));
        const auto *digest = dialog.findChild<QLabel *>(QStringLiteral("signoffDigest"));
        QVERIFY(version && commit && digest);
        QVERIFY(version->text().contains(QLatin1String("3.7.0")));
        QVERIFY(commit->text().contains(kCommit));
        QCOMPARE(digest->text(), kDigest);
        // Rendered Markdown: the heading and emphasis markers are gone, the words remain.
        const QString changelog = dialog.changelogView()->toPlainText();
        QVERIFY2(changelog.contains(QLatin1String("Rotate session keys (#1201)")), qPrintable(changelog));
        QVERIFY(!changelog.contains(QLatin1String("**")));
        QVERIFY(!changelog.contains(QLatin1String("### ")));
        const auto *checklist = dialog.findChild<QTextBrowser *>(QStringLiteral("signoffChecklist"));
        QVERIFY(checklist);
        QVERIFY(checklist->toPlainText().contains(QLatin1String("1 of 2 items closed")));
        QVERIFY(checklist->toPlainText().contains(QLatin1String("Staging soak PASS")));
        const auto *gates = dialog.findChild<QTextBrowser *>(QStringLiteral("signoffGates"));
        QVERIFY(gates && gates->toPlainText().contains(QLatin1String("soak staging")));
        QCOMPARE(dialog.roleBox()->currentText(), QStringLiteral("lead"));
        if (const QString dir = qEnvironmentVariable("COCKPIT_GRAB_DIR"); !dir.isEmpty())
            dialog.grab().save(dir + QStringLiteral("/signoff-dialog.png"));  // for looking at it
    }

    // Ctrl+Enter approves from the reason box (plain Enter is a new line there).
    void ctrlEnterApproves()
    {
        SignoffDialog dialog(
            sampleView(), policy(), Identity {QStringLiteral("lead@x"), QStringLiteral("Lea Lead")});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.reasonEdit()->setFocus();
        QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("looked at the soak"));
        QTest::keyClick(dialog.reasonEdit(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.request().decision, SignoffDecision::Approve);
        QVERIFY(dialog.approveButton()->toolTip().contains(QLatin1String("Ctrl+Return")));
    }

    void rejectNeedsAReason()
    {
        SignoffDialog dialog(
            sampleView(), policy(), Identity {QStringLiteral("lead@x"), QStringLiteral("Lea Lead")});
        QVERIFY(dialog.approveButton()->isEnabled());
        QVERIFY(!dialog.rejectButton()->isEnabled());
        QTest::keyClicks(dialog.reasonEdit(), QStringLiteral("   "));
        QVERIFY(!dialog.rejectButton()->isEnabled());
        dialog.reasonEdit()->setPlainText(QStringLiteral("The CVE fix is not in this commit"));
        QVERIFY(dialog.rejectButton()->isEnabled());
        dialog.rejectButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const SignRequest r = dialog.request();
        QCOMPARE(r.decision, SignoffDecision::Reject);
        QCOMPARE(r.reason, QStringLiteral("The CVE fix is not in this commit"));
        QCOMPARE(r.expectedDigest, kDigest);  // bound to what was shown
        QCOMPARE(r.role, QStringLiteral("lead"));
    }

    void releaseManagerCannotApproveOwnRelease()
    {
        SignoffDialog dialog(
            sampleView(), policy(), Identity {QStringLiteral("rm@x"), QStringLiteral("Rita")});
        QVERIFY(!dialog.approveButton()->isEnabled());
        const auto *warning = dialog.findChild<QLabel *>(QStringLiteral("signoffWarning"));
        QVERIFY(warning && warning->text().contains(QLatin1String("self-approval")));
        Policy single = policy();
        single.singleOperator = true;
        SignoffDialog alone(sampleView(), single, Identity {QStringLiteral("rm@x"), QStringLiteral("Rita")});
        QVERIFY(alone.approveButton()->isEnabled());
    }

    void someoneWithoutARoleCannotSign()
    {
        SignoffDialog dialog(
            sampleView(), policy(), Identity {QStringLiteral("guest@x"), QStringLiteral("Guest")});
        dialog.reasonEdit()->setPlainText(QStringLiteral("no"));
        QVERIFY(!dialog.approveButton()->isEnabled());
        QVERIFY(!dialog.rejectButton()->isEnabled());
    }
};

QTEST_MAIN(TstSignoffDialog)
#include "tst_signoff_dialog.moc"
