// changelog lint | coverage | cut through the real binary on the demo workspace (real git
// history and tags, real SQLite store).
#include "support/cli_runner.h"

#include <QFile>
#include <QProcess>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

class TestCliChangelog : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_demo;

    CliRun cockpit(QStringList args)
    {
        return runCockpit(args << QStringLiteral("--workspace") << m_demo << QStringLiteral("--db")
                               << m_tmp.filePath(QStringLiteral("cockpit.sqlite")),
            m_tmp.filePath(QStringLiteral("xdg")));
    }

    QByteArray changelog() const
    {
        QFile f(m_demo + QStringLiteral("/CHANGELOG.md"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // git itself counts the commits of a range (merges left out, as coverage leaves them).
    int gitCount(const QString &range) const
    {
        QProcess git;
        git.setWorkingDirectory(m_demo);
        git.start(QStringLiteral("git"), {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("--no-merges"), range});
        git.waitForFinished();
        return git.readAllStandardOutput().trimmed().toInt();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_demo = m_tmp.filePath(QStringLiteral("demo"));
        const CliRun run
            = cockpit({QStringLiteral("demo"), QStringLiteral("--dir"), m_demo, QStringLiteral("--no-open")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void lint()
    {
        const CliRun human = cockpit({QStringLiteral("changelog"), QStringLiteral("lint")});
        QVERIFY2(human.exitCode == 0, qPrintable(human.out + human.err));
        QVERIFY2(human.err.contains(QLatin1String("CHANGELOG.md: 0 errors")), qPrintable(human.err));
        const CliRun json
            = cockpit({QStringLiteral("changelog"), QStringLiteral("lint"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json().value(QStringLiteral("path")).toString(), QStringLiteral("CHANGELOG.md"));
        QVERIFY(json.json().value(QStringLiteral("diagnostics")).isArray());
    }

    void coverage()
    {
        const CliRun run
            = cockpit({QStringLiteral("changelog"), QStringLiteral("coverage"), QStringLiteral("--json")});
        // The demo lets some commits slip through without an entry.
        QCOMPARE(run.exitCode, 1);
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("from")).toString(), QStringLiteral("v3.6.0"));
        // Without a range: the open release's, last tag to the release's commit, as its Changelog
        // tab counts (issue 16 item 4: the command line counted to HEAD, the window to the commit).
        QCOMPARE(o.value(QStringLiteral("release")).toString(), QStringLiteral("3.7.0"));
        const QString to = o.value(QStringLiteral("to")).toString();
        QCOMPARE(to.size(), 40);
        const int releaseCommits = gitCount(QStringLiteral("v3.6.0..") + to);
        QVERIFY(releaseCommits > 0 && releaseCommits < gitCount(QStringLiteral("v3.6.0..HEAD")));
        QCOMPARE(o.value(QStringLiteral("commits")).toArray().size(), releaseCommits);
        const CliRun head = cockpit({QStringLiteral("changelog"), QStringLiteral("coverage"), QStringLiteral("--to"),
            QStringLiteral("HEAD"), QStringLiteral("--json")});
        QCOMPARE(head.json().value(QStringLiteral("commits")).toArray().size(), 323 - 220);
        // The window's words: covered, uncovered, exempt.
        const CliRun human = cockpit({QStringLiteral("changelog"), QStringLiteral("coverage")});
        QCOMPARE(human.exitCode, 1);
        QVERIFY2(human.out.contains(QLatin1String("\nuncovered ")) && !human.out.contains(QLatin1String("MISSING")),
            qPrintable(human.out.left(400)));
        QVERIFY2(human.err.contains(QStringLiteral("v3.6.0..%1 (release 3.7.0): %2 commits: ").arg(to.left(10)).arg(releaseCommits))
                && human.err.contains(QLatin1String(" uncovered, ")),
            qPrintable(human.err));
        QVERIFY(QStringList({QStringLiteral("major"), QStringLiteral("minor"), QStringLiteral("patch")})
                    .contains(o.value(QStringLiteral("suggested_bump")).toString()));
        const QJsonArray commits = o.value(QStringLiteral("commits")).toArray();
        int covered = 0, exempt = 0, missing = 0;
        for (const auto &v : commits) {
            const QJsonObject c = v.toObject();
            QCOMPARE(c.value(QStringLiteral("sha")).toString().size(), 40);
            QVERIFY(c.contains(QStringLiteral("subject")) && c.contains(QStringLiteral("type"))
                && c.contains(QStringLiteral("breaking")));
            const bool cov = c.value(QStringLiteral("covered")).toBool(),
                       ex = c.value(QStringLiteral("exempt")).toBool();
            covered += cov;
            exempt += ex;
            missing += !cov && !ex;
        }
        QVERIFY(covered > 0 && exempt > 0 && missing > 0);
        // A range whose commits are all documented or exempt passes.
        const CliRun narrow = cockpit({QStringLiteral("changelog"), QStringLiteral("coverage"),
            QStringLiteral("--from"), QStringLiteral("HEAD~1"), QStringLiteral("--to"),
            QStringLiteral("HEAD~1"), QStringLiteral("--json")});
        QCOMPARE(narrow.exitCode, 0);
        QCOMPARE(narrow.json().value(QStringLiteral("suggested_bump")).toString(), QStringLiteral("none"));
    }

    void cut()
    {
        const QByteArray before = changelog();
        const CliRun bad
            = cockpit({QStringLiteral("changelog"), QStringLiteral("cut"), QStringLiteral("3.7")});
        QCOMPARE(bad.exitCode, 64);
        const CliRun run
            = cockpit({QStringLiteral("changelog"), QStringLiteral("cut"), QStringLiteral("3.7.0"),
                QStringLiteral("--date"), QStringLiteral("2026-11-26"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().value(QStringLiteral("version")).toString(), QStringLiteral("3.7.0"));
        const QByteArray after = changelog();
        QByteArray expected = before;
        expected.replace("## [Unreleased]\n", "## [Unreleased]\n\n## [3.7.0] - 2026-11-26\n");
        QCOMPARE(after, expected);
        // Unreleased is empty now: a second cut is refused and writes nothing.
        const CliRun again
            = cockpit({QStringLiteral("changelog"), QStringLiteral("cut"), QStringLiteral("3.8.0")});
        QVERIFY(again.exitCode != 0);
        QVERIFY2(again.err.contains(QLatin1String("Unreleased has no entries")), qPrintable(again.err));
        QCOMPARE(changelog(), after);
    }
};

QTEST_GUILESS_MAIN(TestCliChangelog)
#include "tst_cli_changelog.moc"
