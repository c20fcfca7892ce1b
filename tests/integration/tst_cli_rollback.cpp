// `release-cockpit rollback` as an operator runs it: --dry-run runs nothing; a CLI killed with
// SIGKILL in the middle of a step leaves that step interrupted, which only --resume reruns while
// finished steps never run twice; manual steps are answered on stdin (end of input = exit 2);
// the two-person rule, the deploy lock and `release unlock` through the real executable.
#include "support/cli_runner.h"
#include "support/scratch_repo.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString fixtureScript()
{
    return QStringLiteral(COCKPIT_SOURCE_DIR "/tests/fixtures/deploy_fixture.sh");
}

QByteArray policy(bool twoPerson)
{
    const QString f = fixtureScript();
    return QStringLiteral("project: Demo\n"
                          "tag_format: \"v{version}\"\n"
                          "roles: {release_manager: [alice@example.com]}\n"
                          "release_types: {minor: {}}\n"
                          "environments:\n"
                          "  production: {base_url: \"http://127.0.0.1:9\", health: [/health]}\n"
                          "rollback:\n"
                          "  two_person: %2\n"
                          "  steps:\n"
                          "    - {name: One, run: [\"%1\", one, \"{rollback_tag}\"]}\n"
                          "    - {name: Two, run: [\"%1\", two, --sleep, \"3\"], timeout: 60s}\n"
                          "    - {name: Three, run: [\"%1\", three, \"{reason}\"]}\n"
                          "    - {name: Record, manual: \"Open the incident: {reason}\"}\n")
        .arg(f, twoPerson ? QStringLiteral("true") : QStringLiteral("false"))
        .toUtf8();
}

}  // namespace

class TestCliRollback : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_repo, m_data, m_log;

    void setUpWorkspace(const QString &name, bool twoPerson)
    {
        m_repo = m_tmp.filePath(name);
        m_data = m_tmp.filePath(name + QStringLiteral("-data"));
        m_log = m_tmp.filePath(name + QStringLiteral(".log"));
        qputenv("DEPLOY_FIXTURE_LOG", m_log.toUtf8());
        ScratchRepo repo(m_repo);
        repo.git(
            {QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("alice@example.com")});
        repo.commit(
            QStringLiteral("initial"), {{QStringLiteral(".release-cockpit/policy.yml"), policy(twoPerson)}});
        repo.tag(QStringLiteral("v3.6.0"));
        repo.commit(QStringLiteral("feature"), {{QStringLiteral("a.txt"), "a"}});
        QVERIFY2(repo.ok(), qPrintable(repo.error()));
        CliRun created = cockpit({QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("3.7.0")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        // A draft, not approved: deployed by the release manager's override.
        CliRun deployed = cockpit({QStringLiteral("release"), QStringLiteral("deployed"), QStringLiteral("3.7.0"),
            QStringLiteral("--env"), QStringLiteral("production"), QStringLiteral("--override"), QStringLiteral("--reason"),
            QStringLiteral("rollback drill")});
        QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.err));
    }

    CliRun cockpit(const QStringList &args, const QByteArray &input = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_data);
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_repo);
        p.start(QStringLiteral(COCKPIT_BINARY), args);
        p.write(input);
        p.closeWriteChannel();  // end of input after it
        CliRun run;
        if (!p.waitForFinished(120000))
            return run;
        run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        run.out = QString::fromUtf8(p.readAllStandardOutput());
        run.err = QString::fromUtf8(p.readAllStandardError());
        return run;
    }

    void checkInterruptedShown();  // `rollback VERSION --json` after the kill: step two interrupted
    void checkDeployLock();  // after a successful rollback: locked, unlock needs a reason, lifted

    // How many times the fixture ran with first argument word.
    int runs(const QString &word) const
    {
        QFile f(m_log);
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return int(
            QString::fromUtf8(f.readAll()).count(QStringLiteral("=== deploy_fixture\n") + word + u'\n'));
    }

private slots:
    void dryRunRunsNothing();
    void confirmNeedsAReason();
    void killedMidStepResumesWithoutRerunningFinishedSteps();
    void twoPersonRuleExitCodes();
};

void TestCliRollback::dryRunRunsNothing()
{
    setUpWorkspace(QStringLiteral("dry"), false);
    const QString reason = QStringLiteral("; rm -rf ~ $(touch pwned)");
    CliRun plan = cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--dry-run"),
        QStringLiteral("--reason"), reason});
    QVERIFY2(plan.exitCode == 0, qPrintable(plan.err));
    QVERIFY(plan.out.contains(QStringLiteral("v3.6.0")));
    QVERIFY(plan.out.contains(QStringLiteral("three '; rm -rf ~ $(touch pwned)'")));
    QVERIFY(plan.err.contains(QStringLiteral("Nothing was run")));
    CliRun json = cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--dry-run"),
        QStringLiteral("--reason"), reason, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QJsonObject doc = json.json();
    QVERIFY(doc.value(QStringLiteral("dry_run")).toBool());
    const QJsonObject p = doc.value(QStringLiteral("plan")).toObject();
    QCOMPARE(p.value(QStringLiteral("target_version")).toString(), QStringLiteral("3.6.0"));
    QCOMPARE(p.value(QStringLiteral("target_source")).toString(), QStringLiteral("previous_tag"));
    const QJsonArray steps = p.value(QStringLiteral("steps")).toArray();
    QCOMPARE(steps.size(), 4);
    QCOMPARE(steps.at(2).toObject().value(QStringLiteral("argv")).toArray().at(2).toString(), reason);
    QVERIFY(!QFile::exists(m_log));  // the fixture never ran
    QVERIFY(!QFile::exists(QDir(m_repo).filePath(QStringLiteral("pwned"))));
    CliRun none = cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0")});
    QCOMPARE(none.exitCode, 65);  // no rollback stored
}

void TestCliRollback::confirmNeedsAReason()
{
    setUpWorkspace(QStringLiteral("reason"), false);
    for (const QString &blank : {QString(), QStringLiteral("  ")}) {
        QStringList args {QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--confirm"),
            QStringLiteral("3.7.0")};
        if (!blank.isNull())
            args << QStringLiteral("--reason") << blank;
        CliRun run = cockpit(args);
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(QStringLiteral("--reason")), qPrintable(run.err));
    }
    QVERIFY(!QFile::exists(m_log));  // nothing ran
    QCOMPARE(cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0")}).exitCode, 65);  // nothing stored
}

void TestCliRollback::killedMidStepResumesWithoutRerunningFinishedSteps()
{
    setUpWorkspace(QStringLiteral("kill"), false);
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_data);
    cli.setProcessEnvironment(env);
    cli.setWorkingDirectory(m_repo);
    cli.start(QStringLiteral(COCKPIT_BINARY),
        {QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--confirm"),
            QStringLiteral("3.7.0"), QStringLiteral("--reason"), QStringLiteral("errors")});
    QTRY_VERIFY_WITH_TIMEOUT(runs(QStringLiteral("two")) == 1, 60000);
    cli.kill();  // SIGKILL in the middle of step two (it sleeps 3 s)
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitStatus(), QProcess::CrashExit);

    checkInterruptedShown();
    CliRun again = cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--confirm"),
        QStringLiteral("3.7.0"), QStringLiteral("--reason"), QStringLiteral("errors")});
    QCOMPARE(again.exitCode, 1);  // an unfinished rollback: resume or abort it, never a second one
    QVERIFY(again.err.contains(QStringLiteral("unfinished")));
    QCOMPARE(runs(QStringLiteral("two")), 1);

    // Resume: step two again, step three, then the manual step finds no answer (exit 2).
    CliRun held = cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--resume")});
    QCOMPARE(held.exitCode, 2);
    QVERIFY2(held.err.contains(QStringLiteral("[2/4] Two: interrupted")), qPrintable(held.err));
    QVERIFY(held.err.contains(QStringLiteral("running it again")));
    QVERIFY(held.err.contains(QStringLiteral("waiting for you: Open the incident: errors")));
    // The resume hint names this release, ready to paste.
    QVERIFY2(held.err.contains(QStringLiteral("release-cockpit rollback 3.7.0 --resume")), qPrintable(held.err));
    QVERIFY(!held.err.contains(QStringLiteral("rollback VERSION")));
    QCOMPARE(runs(QStringLiteral("one")), 1);
    QCOMPARE(runs(QStringLiteral("two")), 2);
    QCOMPARE(runs(QStringLiteral("three")), 1);

    CliRun resumed = cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--resume"),
                                 QStringLiteral("--json")},
        "skip\ndone INC-7\n");
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QVERIFY(resumed.err.contains(QStringLiteral("a skip needs a reason")));
    const QJsonObject record = resumed.json();
    QCOMPARE(record.value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(record.value(QStringLiteral("steps"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QStringLiteral("attempt"))
                 .toInt(),
        2);
    QCOMPARE(record.value(QStringLiteral("steps"))
                 .toArray()
                 .at(3)
                 .toObject()
                 .value(QStringLiteral("note"))
                 .toString(),
        QStringLiteral("INC-7"));
    QCOMPARE(runs(QStringLiteral("one")), 1);
    QCOMPARE(runs(QStringLiteral("two")), 2);
    QCOMPARE(runs(QStringLiteral("three")), 1);

    checkDeployLock();
}

void TestCliRollback::checkInterruptedShown()
{
    CliRun shown = cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    QJsonArray steps = shown.json().value(QStringLiteral("steps")).toArray();
    QCOMPARE(steps.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(steps.at(1).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("interrupted"));
    QCOMPARE(steps.at(2).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
}

void TestCliRollback::checkDeployLock()
{
    // Deploys stay locked until someone lifts the lock with a reason.
    const QStringList deploy {QStringLiteral("release"), QStringLiteral("deployed"), QStringLiteral("3.7.0"),
        QStringLiteral("--env"), QStringLiteral("production")};
    CliRun locked = cockpit(deploy);
    QCOMPARE(locked.exitCode, 1);
    QVERIFY(locked.err.contains(QStringLiteral("locked")));
    QCOMPARE(
        cockpit({QStringLiteral("release"), QStringLiteral("unlock"), QStringLiteral("3.7.0")}).exitCode, 64);
    CliRun lifted = cockpit({QStringLiteral("release"), QStringLiteral("unlock"), QStringLiteral("3.7.0"),
        QStringLiteral("--reason"), QStringLiteral("root cause fixed")});
    QVERIFY2(lifted.exitCode == 0, qPrintable(lifted.err));
    const CliRun again = cockpit(deploy);  // the lifted lock is the decision to deploy it again
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
}

void TestCliRollback::twoPersonRuleExitCodes()
{
    setUpWorkspace(QStringLiteral("two"), true);
    CliRun asked = cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--confirm"),
        QStringLiteral("3.7.0"), QStringLiteral("--reason"), QStringLiteral("errors"), QStringLiteral("--json")});
    QCOMPARE(asked.exitCode, 2);
    QCOMPARE(asked.json().value(QStringLiteral("state")).toString(), QStringLiteral("awaiting_approval"));
    CliRun self = cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--approve")});
    QCOMPARE(self.exitCode, 1);
    QVERIFY(self.err.contains(QStringLiteral("second person")));
    QCOMPARE(runs(QStringLiteral("one")), 0);
    ScratchRepo(m_repo).git(
        {QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("bob@example.com")});
    CliRun approved = cockpit(
        {QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--approve")}, "done\n");
    QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
    // Without --json: one line a step and where the output is kept, not the record as JSON.
    QVERIFY2(approved.out.contains(QStringLiteral("[1/4] One: succeeded")), qPrintable(approved.out));
    QVERIFY(approved.out.contains(QStringLiteral("rollback 3.7.0 --json (steps[].output)")));
    QVERIFY(!approved.out.contains(u'{'));
    QCOMPARE(runs(QStringLiteral("one")), 1);
    QCOMPARE(runs(QStringLiteral("three")), 1);
}

QTEST_GUILESS_MAIN(TestCliRollback)
#include "tst_cli_rollback.moc"
