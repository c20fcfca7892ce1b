// The command line end to end: a real demo git repository, a real SQLite file, the real binary.
#include "support/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_demo;
    QString m_db;
    QString m_data;

    CliRun cockpit(QStringList args)
    {
        return runCockpit(args << QStringLiteral("--workspace") << m_demo << QStringLiteral("--db") << m_db, m_data);
    }

    static void git(const QString &dir, const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.start(QStringLiteral("git"), args);
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitCode(), 0);
    }

    QString newRepo(const QString &name)
    {
        const QString dir = m_tmp.filePath(name);
        QDir().mkpath(dir);
        git(dir, {QStringLiteral("init"), QStringLiteral("-q")});
        return dir;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_demo = m_tmp.filePath(QStringLiteral("demo"));
        m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
        m_data = m_tmp.filePath(QStringLiteral("xdg-data"));
        const CliRun run = cockpit({QStringLiteral("demo"), QStringLiteral("--dir"), m_demo, QStringLiteral("--no-open")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void demoHasHistoryTagsAndHalfDoneRelease()
    {
        QProcess p;
        p.setWorkingDirectory(m_demo);
        p.start(QStringLiteral("git"), {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("HEAD")});
        QVERIFY(p.waitForFinished());
        QVERIFY(QString::fromLatin1(p.readAllStandardOutput()).trimmed().toInt() >= 300);
        p.start(QStringLiteral("git"), {QStringLiteral("tag"), QStringLiteral("-l")});
        QVERIFY(p.waitForFinished());
        const QString tags = QString::fromLatin1(p.readAllStandardOutput());
        QVERIFY(tags.contains(QLatin1String("v3.5.0")) && tags.contains(QLatin1String("v3.6.0"))
                && tags.contains(QLatin1String("v3.7.0-rc1")));

        const CliRun status = cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("3.7.0"), QStringLiteral("--json")});
        QCOMPARE(status.exitCode, 1);  // blocked: exit 1 with the blockers
        const QJsonObject o = status.json();
        QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("minor"));
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("candidate"));  // frozen, RC-pinned
        QCOMPARE(o.value(QStringLiteral("next")).toString(), QStringLiteral("approved"));
        // Its target date (26 Nov) has passed while it is still live.
        QCOMPARE(o.value(QStringLiteral("overdue_since")).toString(), QStringLiteral("2026-11-26"));
        QVERIFY(o.value(QStringLiteral("commit_pinned")).toBool());
        const QJsonObject counts = o.value(QStringLiteral("checklist")).toObject();
        QVERIFY(counts.value(QStringLiteral("done")).toInt() > 0);
        QVERIFY(counts.value(QStringLiteral("open")).toInt() > 0);
        QCOMPARE(counts.value(QStringLiteral("failed")).toInt(), 1);
        QCOMPARE(counts.value(QStringLiteral("na")).toInt(), 1);
        QVERIFY(!o.value(QStringLiteral("blockers")).toArray().isEmpty());
    }

    void tickShowsInChecklistAndAudit()
    {
        const CliRun show = cockpit({QStringLiteral("checklist"), QStringLiteral("show"), QStringLiteral("3.7.0"), QStringLiteral("--json")});
        QCOMPARE(show.exitCode, 0);
        QString openKey;
        for (const auto &phase : show.json().value(QStringLiteral("phases")).toArray())
            for (const auto &section : phase.toObject().value(QStringLiteral("sections")).toArray())
                for (const auto &item : section.toObject().value(QStringLiteral("items")).toArray())
                    if (openKey.isEmpty() && item.toObject().value(QStringLiteral("state")).toString() == QLatin1String("open")
                        && !item.toObject().contains(QStringLiteral("check")))
                        openKey = item.toObject().value(QStringLiteral("key")).toString();
        QVERIFY(!openKey.isEmpty());
        const CliRun tick = cockpit({QStringLiteral("checklist"), QStringLiteral("tick"), QStringLiteral("3.7.0"), openKey,
                                     QStringLiteral("--note"), QStringLiteral("checked by hand"), QStringLiteral("--json")});
        QVERIFY2(tick.exitCode == 0, qPrintable(tick.err));
        QCOMPARE(tick.json().value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(tick.json().value(QStringLiteral("note")).toString(), QStringLiteral("checked by hand"));

        const CliRun na = cockpit({QStringLiteral("checklist"), QStringLiteral("tick"), QStringLiteral("3.7.0"), openKey,
                                   QStringLiteral("--na"), QString()});
        QCOMPARE(na.exitCode, 65);  // N/A needs a reason

        const CliRun verify = cockpit({QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.exitCode, 0);
        QVERIFY(verify.err.contains(QLatin1String("OK")));
        const CliRun markdown = cockpit({QStringLiteral("checklist"), QStringLiteral("show"), QStringLiteral("3.7.0"), QStringLiteral("--markdown")});
        QVERIFY(markdown.out.contains(QLatin1String("- [x] All PRs merged to main")));
    }

    void unknownReleaseTypeListsTheValidOnes()
    {
        const CliRun run = cockpit({QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("3.9.0"),
            QStringLiteral("--type"), QStringLiteral("foo")});
        QCOMPARE(run.exitCode, 65);
        QVERIFY2(run.err.contains(QLatin1String("release type 'foo' is not in the policy")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("one of: major, minor, patch, hotfix")), qPrintable(run.err));
    }

    void releaseTypeIsInferredFromTheLastTag_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("type");
        // 3.6.1-3.6.8 are the demo's release history (untagged); 3.6.9 follows v3.6.0 too.
        QTest::newRow("patch after v3.6.0") << "3.6.9" << "patch";
        QTest::newRow("major") << "4.0.0" << "major";
    }

    void releaseTypeIsInferredFromTheLastTag()
    {
        QFETCH(QString, version);
        QFETCH(QString, type);
        const CliRun run = cockpit({QStringLiteral("release"), QStringLiteral("new"), version, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().value(QStringLiteral("type")).toString(), type);
        QVERIFY(!run.json().value(QStringLiteral("commit_pinned")).toBool());
        const CliRun again = cockpit({QStringLiteral("release"), QStringLiteral("new"), version});
        QVERIFY(again.exitCode != 0);  // a version exists once
    }

    void tamperedAuditRowIsNamed()
    {
        const QString copy = m_tmp.filePath(QStringLiteral("tampered.sqlite"));
        QVERIFY(QFile::copy(m_db, copy));
        for (const char *suffix : {"-wal", "-shm"})
            QFile::copy(m_db + QLatin1String(suffix), copy + QLatin1String(suffix));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(copy);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE audit_log SET actor = 'mallory@example.com' WHERE seq = 3")));
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        const CliRun run = runCockpit({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), copy,
                                       QStringLiteral("--json")}, m_data);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.json().value(QStringLiteral("first_bad_seq")).toInt(), 3);
        QVERIFY(run.err.contains(QLatin1String("entry 3")));
    }

    void everyPresetInitsAndChecks_data()
    {
        QTest::addColumn<QString>("preset");
        for (const char *p : {"gated-ga", "release-train", "promotion", "canary"})
            QTest::newRow(p) << QString::fromLatin1(p);
    }

    void everyPresetInitsAndChecks()
    {
        QFETCH(QString, preset);
        const QString dir = newRepo(QStringLiteral("preset-") + preset);
        CliRun run = runCockpit({QStringLiteral("init"), QStringLiteral("--preset"), preset}, m_data, dir);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = runCockpit({QStringLiteral("policy"), QStringLiteral("check")}, m_data, dir);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = runCockpit({QStringLiteral("init"), QStringLiteral("--preset"), preset}, m_data, dir);
        QCOMPARE(run.exitCode, 1);  // never overwrites a policy
    }

    void badInputNamesThePlace()
    {
        const QString dir = newRepo(QStringLiteral("broken"));
        QVERIFY(runCockpit({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("promotion")}, m_data, dir).exitCode == 0);
        QFile policy(dir + QStringLiteral("/.release-cockpit/policy.yml"));
        QVERIFY(policy.open(QIODevice::Append));
        policy.write("\nrelease_types: [unclosed\n");
        policy.close();
        CliRun run = runCockpit({QStringLiteral("policy"), QStringLiteral("check")}, m_data, dir);
        QCOMPARE(run.exitCode, 65);
        QVERIFY2(run.err.contains(QRegularExpression(QStringLiteral("policy\\.yml:\\d+:\\d+: "))), qPrintable(run.err));

        const QString plain = m_tmp.filePath(QStringLiteral("not-a-repo"));
        QDir().mkpath(plain);
        run = runCockpit({QStringLiteral("policy"), QStringLiteral("check"), QStringLiteral("--workspace"), plain}, m_data);
        QCOMPARE(run.exitCode, 69);
        QVERIFY2(run.err.contains(plain), qPrintable(run.err));

        run = runCockpit({QStringLiteral("release"), QStringLiteral("list"), QStringLiteral("--db"),
                          QStringLiteral("/proc/no-such-dir/cockpit.sqlite")}, m_data);
        QCOMPARE(run.exitCode, 69);
        QVERIFY2(run.err.contains(QLatin1String("/proc/no-such-dir/cockpit.sqlite")), qPrintable(run.err));

        run = runCockpit({QStringLiteral("release"), QStringLiteral("frobnicate")}, m_data, m_demo);
        QCOMPARE(run.exitCode, 64);
        run = runCockpit({QStringLiteral("--no-such-option")}, m_data, m_demo);
        QCOMPARE(run.exitCode, 64);
    }

    void brokenChecklistNamesTheFile()
    {
        const QString dir = newRepo(QStringLiteral("broken-checklist"));
        QVERIFY(runCockpit({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("gated-ga")}, m_data, dir).exitCode == 0);
        const QString path = dir + QStringLiteral("/.release-cockpit/checklists/post-release.md");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("# Post-Release\n\nNo task items here at all.\n");
        f.close();
        const CliRun run = runCockpit({QStringLiteral("policy"), QStringLiteral("check")}, m_data, dir);
        QCOMPARE(run.exitCode, 65);
        QVERIFY2(run.err.contains(QLatin1String("post-release.md:")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
