// The gate process runner against real processes: exit codes, a missing or non-executable
// command, a timeout that takes down a process group which ignores SIGTERM and forks, a 100 MB
// flood kept to its last 64 KiB, the cleaned environment, cancel, and how a running row left by a
// dead cockpit reads.
#include "gate_runner.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace cockpit;
using namespace std::chrono_literals;

class TstGateRunner : public QObject {
    Q_OBJECT
private slots:
    void exitCodes();
    void missingCommand();
    void notExecutable();
    void timeoutKillsTheWholeGroup();
    void outputFloodIsBounded();
    void environmentIsCleaned();
    void runsInTheWorkDir();
    void cancelStopsTheGroup();
    void runningRowOfADeadCockpitIsInterrupted();

private:
    static GateProcessSpec shell(const QString &line, std::chrono::milliseconds timeout = 30s)
    {
        GateProcessSpec spec;
        spec.program = QStringLiteral("/bin/sh");
        spec.arguments = {QStringLiteral("-c"), line};
        spec.timeout = timeout;
        spec.grace = 300ms;
        return spec;
    }
    QTemporaryDir m_tmp;
};

void TstGateRunner::exitCodes()
{
    GateProcessSpec ok;
    ok.program = QStringLiteral("true");
    const auto passed = runGateProcess(ok);
    QVERIFY(passed.passed());
    QCOMPARE(passed.exitCode, 0);
    QCOMPARE(passed.note, QStringLiteral("exit 0"));

    const auto failed = runGateProcess(shell(QStringLiteral("echo out; echo err >&2; exit 3")));
    QVERIFY(!failed.passed());
    QCOMPARE(failed.exitCode, 3);
    QCOMPARE(failed.note, QStringLiteral("exit 3"));
    QCOMPARE(failed.tail, QByteArray("out\nerr\n"));  // stdout and stderr, in order
}

void TstGateRunner::missingCommand()
{
    GateProcessSpec spec;
    spec.program = QStringLiteral("no-such-command-for-a-gate");
    const auto direct = runGateProcess(spec);
    QCOMPARE(direct.exitCode, 127);
    QVERIFY(!direct.passed());
    QVERIFY2(direct.note.contains(QStringLiteral("command not found: no-such-command-for-a-gate")),
        qPrintable(direct.note));

    const auto viaShell = runGateProcess(shell(QStringLiteral("no-such-command-for-a-gate")));
    QCOMPARE(viaShell.exitCode, 127);
    QCOMPARE(viaShell.note, QStringLiteral("exit 127: command not found"));
}

void TstGateRunner::notExecutable()
{
    const QString script = m_tmp.filePath(QStringLiteral("plain.sh"));
    QFile f(script);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\nexit 0\n");
    f.close();
    QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    GateProcessSpec spec;
    spec.program = script;
    const auto outcome = runGateProcess(spec);
    QCOMPARE(outcome.exitCode, 126);
    QVERIFY2(outcome.note.contains(QStringLiteral("not executable")), qPrintable(outcome.note));
}

void TstGateRunner::timeoutKillsTheWholeGroup()
{
    // The leader ignores SIGTERM and leaves a child that ignores it too: only SIGKILL to the group
    // after the grace period ends them both.
    const QString pidFile = m_tmp.filePath(QStringLiteral("group.pid"));
    const QString line = QStringLiteral("trap '' TERM; echo $$ > '%1'; (trap '' TERM; sleep 60) & sleep 60").arg(pidFile);
    QElapsedTimer timer;
    timer.start();
    const auto outcome = runGateProcess(shell(line, 500ms));
    QVERIFY(timer.elapsed() < 10000);
    QVERIFY(outcome.timedOut);
    QVERIFY(!outcome.passed());
    QCOMPARE(outcome.note, QStringLiteral("timed out after 0.5 s"));
    QFile f(pidFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const pid_t group = pid_t(f.readAll().trimmed().toLongLong());
    QVERIFY(group > 0);
    // Nothing is left in the group (the orphaned sleep is reaped by init shortly after its kill).
    QTRY_VERIFY_WITH_TIMEOUT(::kill(-group, 0) != 0 && errno == ESRCH, 5000);
}

void TstGateRunner::outputFloodIsBounded()
{
    const auto outcome = runGateProcess(shell(QStringLiteral("yes | head -c 100000000")));
    QVERIFY2(outcome.passed(), qPrintable(outcome.note));
    QCOMPARE(outcome.outputBytes, qint64(100000000));
    QCOMPARE(outcome.tail.size(), qsizetype(64 * 1024));
    QVERIFY(outcome.tail.endsWith("y\n"));
}

void TstGateRunner::environmentIsCleaned()
{
    qputenv("GATE_TEST_SECRET", "leak");
    GateProcessSpec spec = shell(QStringLiteral("env | sort"));
    spec.environment = {{QStringLiteral("RELEASE_VERSION"), QStringLiteral("1.2.3")}};
    const auto outcome = runGateProcess(spec);
    QVERIFY(outcome.passed());
    QStringList names;
    for (const QByteArray &line : outcome.tail.split('\n'))
        if (!line.isEmpty())
            names << QString::fromUtf8(line.left(line.indexOf('=')));
    names.removeAll(QStringLiteral("PWD"));  // sh sets these itself
    names.removeAll(QStringLiteral("SHLVL"));
    names.removeAll(QStringLiteral("_"));
    QCOMPARE(names, (QStringList {QStringLiteral("HOME"), QStringLiteral("LANG"), QStringLiteral("PATH"),
                        QStringLiteral("RELEASE_VERSION")}));
    QVERIFY(outcome.tail.contains("RELEASE_VERSION=1.2.3\n"));
}

void TstGateRunner::runsInTheWorkDir()
{
    GateProcessSpec spec;
    spec.program = QStringLiteral("pwd");
    spec.workDir = m_tmp.path();
    const auto outcome = runGateProcess(spec);
    QCOMPARE(QString::fromUtf8(outcome.tail.trimmed()), QFileInfo(m_tmp.path()).canonicalFilePath());
}

void TstGateRunner::cancelStopsTheGroup()
{
    std::stop_source stop;
    std::thread canceller([&] {
        std::this_thread::sleep_for(200ms);
        stop.request_stop();
    });
    QElapsedTimer timer;
    timer.start();
    const auto outcome = runGateProcess(shell(QStringLiteral("sleep 60 & sleep 60")), stop.get_token());
    canceller.join();
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(outcome.cancelled);
    QVERIFY(!outcome.passed());
    QCOMPARE(outcome.note, QStringLiteral("cancelled"));
}

void TstGateRunner::runningRowOfADeadCockpitIsInterrupted()
{
    // A pid that existed and is gone: a child that exited and was reaped.
    const pid_t dead = ::fork();
    if (dead == 0)
        ::_exit(0);
    ::waitpid(dead, nullptr, 0);
    GateResult row;
    row.status = GateStatus::Running;
    row.ranBy = QStringLiteral("alice@example.com");
    row.ranAt = QDateTime::currentDateTimeUtc();
    row.timeoutMs = 600000;
    row.runner = QStringLiteral("%1:%2").arg(gateRunnerId().section(u':', 0, -2)).arg(dead);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const GateResult read = withInterruption(row, now);
    QCOMPARE(read.status, GateStatus::Interrupted);
    QVERIFY(read.note.contains(row.runner));

    row.runner = gateRunnerId();  // this process: still running
    QCOMPARE(withInterruption(row, now).status, GateStatus::Running);
    row.runner = QStringLiteral("elsewhere.example:42");  // another host, within its timeout
    QCOMPARE(withInterruption(row, now).status, GateStatus::Running);
    row.ranAt = now.addSecs(-3600);  // past its timeout and the margin
    QCOMPARE(withInterruption(row, now).status, GateStatus::Interrupted);
}

QTEST_GUILESS_MAIN(TstGateRunner)
#include "tst_gate_runner.moc"
