// The command table in-process: its rows are consistent, and commands run through cockpit_cli
// (the same parser, help and dispatch as the executable) without starting a process.
#include "command_line.h"
#include "command_table.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit::cli;

namespace {

// QCommandLineParser warns (and answers "not set") when a command reads an option it did not
// declare: such a command would silently ignore what the user typed.
QStringList g_undeclared;
QtMessageHandler g_previous = nullptr;

void recordUndeclared(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("option not defined")))
        g_undeclared << message;
    g_previous(type, context, message);
}

}  // namespace

class TstCliTable : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

    int run(const QStringList &args)
    {
        return runCommandLine(QStringList {QStringLiteral("release-cockpit")} + args);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_DATA_HOME", m_tmp.filePath(QStringLiteral("xdg-data")).toUtf8());
        g_previous = qInstallMessageHandler(recordUndeclared);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void rowsAreConsistent()
    {
        QSet<QString> names;
        for (const CliCommand &c : commandTable()) {
            QVERIFY2(!names.contains(c.name()), qPrintable(c.name()));
            names.insert(c.name());
            QVERIFY2(c.run && !c.summary.isEmpty() && !c.section.isEmpty(), qPrintable(c.name()));
            QVERIFY2(c.minArgs <= c.maxArgs, qPrintable(c.name()));
            QCOMPARE(findCommand(c.path), &c);
            for (const CliOption &o : c.options) {
                // One spelling, one meaning of "takes a value": argv is split before the command is known.
                QCOMPARE(optionTakesValue(o.longName()), !o.valueName.isEmpty());
                for (const CliOption &g : globalOptions())
                    QVERIFY2(
                        g.longName() != o.longName(), qPrintable(c.name() + QLatin1Char(' ') + o.longName()));
            }
        }
        QVERIFY(names.contains(QStringLiteral("soak evaluate")));
        QCOMPARE(findGroup({QStringLiteral("notify"), QStringLiteral("webhook")}),
            QStringList({QStringLiteral("notify"), QStringLiteral("webhook")}));
        QCOMPARE(findCommand({QStringLiteral("notify"), QStringLiteral("3.7.0")})->name(),
            QStringLiteral("notify"));
    }

    void synopsisComesFromTheOptions()
    {
        const CliCommand *soak = findCommand({QStringLiteral("soak"), QStringLiteral("evaluate")});
        QVERIFY(soak);
        QCOMPARE(soak->synopsis(), QStringLiteral("soak evaluate VERSION --env ENV [--from T] [--to T]"));
        const CliCommand *tag = findCommand({QStringLiteral("tag"), QStringLiteral("create")});
        QCOMPARE(tag->synopsis(), QStringLiteral("tag create VERSION [--commit REF] [-m MSG] [--remote R] [--sign | --no-sign]"));
    }

    void runsCommandsInProcess()
    {
        const QString ws = m_tmp.filePath(QStringLiteral("ws"));
        QDir().mkpath(ws);
        QProcess git;
        git.setWorkingDirectory(ws);
        git.start(QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q")});
        QVERIFY(git.waitForFinished() && git.exitCode() == 0);

        QCOMPARE(run({QStringLiteral("--workspace"), ws, QStringLiteral("init"), QStringLiteral("--preset"),
                     QStringLiteral("gated-ga")}),
            0);
        QVERIFY(QFile::exists(ws + QStringLiteral("/.release-cockpit/policy.yml")));
        QCOMPARE(
            run({QStringLiteral("policy"), QStringLiteral("check"), QStringLiteral("--workspace"), ws}), 0);
        QCOMPARE(run({QStringLiteral("release"), QStringLiteral("list"), QStringLiteral("--workspace"), ws,
                     QStringLiteral("--db"), m_tmp.filePath(QStringLiteral("cockpit.sqlite")),
                     QStringLiteral("--json")}),
            0);
        QVERIFY2(g_undeclared.isEmpty(), qPrintable(g_undeclared.join(QLatin1Char('\n'))));
    }

    void usageErrorsInProcess()
    {
        QCOMPARE(run({QStringLiteral("policy"), QStringLiteral("check"), QStringLiteral("--preset"),
                     QStringLiteral("canary")}),
            64);
        QCOMPARE(run({QStringLiteral("init")}), 64);
        QCOMPARE(run({QStringLiteral("release")}), 64);
        QCOMPARE(run({QStringLiteral("release"), QStringLiteral("status")}), 64);
        QCOMPARE(run({QStringLiteral("calendar"), QStringLiteral("extra")}), 64);
        QCOMPARE(run({QStringLiteral("soak"), QStringLiteral("evaluate"), QStringLiteral("--help")}), 0);
    }
};

QTEST_GUILESS_MAIN(TstCliTable)
#include "tst_cli_table.moc"
