// Per-command help, usage errors (64), the man page sections and shell completion, through the
// real binary: what a person at a terminal sees.
#include "support/cli_runner.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TstCliHelp : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

    CliRun cockpit(const QStringList &args)
    {
        return runCockpit(args, m_tmp.filePath(QStringLiteral("data")));
    }

    // Sources the bash completion and asks it to complete the last word of line.
    QStringList complete(const QString &script, const QStringList &line)
    {
        QString words;
        for (const QString &w : line)
            words += QStringLiteral(" '%1'").arg(w);
        QProcess bash;
        bash.start(QStringLiteral("bash"),
            {QStringLiteral("-c"),
                QStringLiteral("source \"$1\"; COMP_WORDS=(%1); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                               "_release_cockpit; printf '%s\\n' \"${COMPREPLY[@]}\"")
                    .arg(words),
                QStringLiteral("bash"), script});
        if (!bash.waitForFinished() || bash.exitCode() != 0)
            return {QStringLiteral("bash failed: ") + QString::fromUtf8(bash.readAllStandardError())};
        return QString::fromUtf8(bash.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void commandHelpShowsItsOwnOptions()
    {
        const CliRun run
            = cockpit({QStringLiteral("soak"), QStringLiteral("evaluate"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QLatin1String(
                     "Usage: release-cockpit soak evaluate VERSION --env ENV [--from T] [--to T]\n")),
            qPrintable(run.out));
        for (const char *own :
            {"--env ENV", "--from T", "--to T", "--workspace DIR", "--db URL", "--prometheus URL", "--json"})
            QVERIFY2(run.out.contains(QLatin1String(own)), own);
        for (const char *other :
            {"--preset", "--markdown", "--commit", "--out", "--screenshot", "release new"})
            QVERIFY2(!run.out.contains(QLatin1String(other)), other);
    }

    void groupHelpListsItsCommands()
    {
        const CliRun run = cockpit({QStringLiteral("release"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        for (const char *sub : {"release new VERSION", "release status VERSION", "release list",
                 "release deployed VERSION --env ENV", "release unlock VERSION --reason T"})
            QVERIFY2(run.out.contains(QLatin1String(sub)), sub);
        QVERIFY(!run.out.contains(QLatin1String("tag create")));
        const CliRun top = cockpit({QStringLiteral("--help")});
        QCOMPARE(top.exitCode, 0);
        QVERIFY(top.out.contains(QLatin1String("\n  soak evaluate VERSION --env ENV")));
        QVERIFY(top.out.contains(QLatin1String("\n  completion bash|zsh")));
    }

    void usageErrorsNameTheCommand()
    {
        CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.0.0"),
            QStringLiteral("--env"), QStringLiteral("staging")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.startsWith(QLatin1String("release-cockpit tag create: unknown option '--env'\n"
                                                  "Usage: release-cockpit tag create VERSION")),
            qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("Try 'release-cockpit tag create --help'.")));
        QCOMPARE(run.out, QString());

        run = cockpit({QStringLiteral("soak"), QStringLiteral("evaluate"), QStringLiteral("3.7.0")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(QLatin1String("soak evaluate: missing --env ENV\n"
                                                "Usage: release-cockpit soak evaluate VERSION --env ENV")),
            qPrintable(run.err));
        run = cockpit({QStringLiteral("soak"), QStringLiteral("evaluate"), QStringLiteral("--env"),
            QStringLiteral("x")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(
            run.err.contains(QLatin1String("soak evaluate: missing argument VERSION")), qPrintable(run.err));
        run = cockpit({QStringLiteral("release"), QStringLiteral("list"), QStringLiteral("extra")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(QLatin1String("release list: unexpected argument 'extra'")),
            qPrintable(run.err));
        run = cockpit({QStringLiteral("release"), QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(QLatin1String("release-cockpit release: unknown command 'frobnicate'")),
            qPrintable(run.err));
        run = cockpit({QStringLiteral("soak"), QStringLiteral("evaluate"), QStringLiteral("3.7.0"),
            QStringLiteral("--env")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(QLatin1String("missing value after '--env'")), qPrintable(run.err));
        run = cockpit({QStringLiteral("frobnicate")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(QLatin1String("release-cockpit: unknown command 'frobnicate'")),
            qPrintable(run.err));
    }

    void manSectionsListEveryCommand()
    {
        const CliRun run = cockpit({QStringLiteral("--man")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QLatin1String(".SH COMMANDS\n")));
        QVERIFY(run.out.contains(QLatin1String("\n.SH OPTIONS\n")));
        QVERIFY2(
            run.out.contains(QLatin1String(
                "\\fBsoak evaluate\\fR \\fIVERSION\\fR \\fB\\-\\-env\\fR \\fIENV\\fR [\\fB\\-\\-from\\fR")),
            qPrintable(run.out));
    }

    void bashCompletionFollowsTheTable()
    {
        const CliRun run = cockpit({QStringLiteral("completion"), QStringLiteral("bash")});
        QCOMPARE(run.exitCode, 0);
        const QString script = m_tmp.filePath(QStringLiteral("release-cockpit.bash"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(run.out.toUtf8());
        f.close();
        const QStringList top = complete(script, {QStringLiteral("release-cockpit"), QStringLiteral("re")});
        QCOMPARE(top, QStringList({QStringLiteral("release")}));
        const QStringList subs
            = complete(script, {QStringLiteral("release-cockpit"), QStringLiteral("release"), QString()});
        // new, status, freeze, finish, abort, accept-commit, list, deployed, unlock: the table's
        // release rows.
        QCOMPARE(subs.size(), 9);
        QVERIFY(subs.contains(QStringLiteral("freeze")) && subs.contains(QStringLiteral("abort")));
        const QStringList options = complete(script,
            {QStringLiteral("release-cockpit"), QStringLiteral("--db"), QStringLiteral("x"),
                QStringLiteral("soak"), QStringLiteral("evaluate"), QStringLiteral("--")});
        QVERIFY2(options.contains(QStringLiteral("--env")) && options.contains(QStringLiteral("--json"))
                && !options.contains(QStringLiteral("--preset")),
            qPrintable(options.join(QLatin1Char(' '))));
        QCOMPARE(cockpit({QStringLiteral("completion"), QStringLiteral("fish")}).exitCode, 64);
        const CliRun zsh = cockpit({QStringLiteral("completion"), QStringLiteral("zsh")});
        QCOMPARE(zsh.exitCode, 0);
        QVERIFY(zsh.out.startsWith(QLatin1String("#compdef release-cockpit\n")));
    }
};

QTEST_GUILESS_MAIN(TstCliHelp)
#include "tst_cli_help.moc"
