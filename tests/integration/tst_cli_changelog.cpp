// changelog lint | coverage | cut through the real binary on the demo workspace (real git
// history and tags, real SQLite store).
#include "support/cli_runner.h"

#include <QFile>
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
        QCOMPARE(o.value(QStringLiteral("to")).toString(), QStringLiteral("HEAD"));
        QVERIFY(QStringList({QStringLiteral("major"), QStringLiteral("minor"), QStringLiteral("patch")})
                    .contains(o.value(QStringLiteral("suggested_bump")).toString()));
        const QJsonArray commits = o.value(QStringLiteral("commits")).toArray();
        QCOMPARE(commits.size(), 323 - 220);
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
