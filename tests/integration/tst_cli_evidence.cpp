// `evidence export` and `evidence show` through the real binary on the demo workspace: exit codes
// (0 written / intact, 1 a pack that does not verify, 64 usage, 65 unknown version, missing include
// or unreadable pack) and the --json shapes.
#include "evidence_zip.h"
#include "support/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

class TstCliEvidence : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_demo;
    QString m_db;
    QString m_data;

    CliRun cockpit(QStringList args)
    {
        return runCockpit(
            args << QStringLiteral("--workspace") << m_demo << QStringLiteral("--db") << m_db, m_data);
    }
    QString path(const QString &name) const { return m_tmp.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_demo = path(QStringLiteral("demo"));
        m_db = path(QStringLiteral("cockpit.sqlite"));
        m_data = path(QStringLiteral("data"));
        const CliRun run
            = cockpit({QStringLiteral("demo"), QStringLiteral("--dir"), m_demo, QStringLiteral("--no-open")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void usageErrors()
    {
        QCOMPARE(cockpit({QStringLiteral("evidence")}).exitCode, 64);
        QCOMPARE(
            cockpit({QStringLiteral("evidence"), QStringLiteral("frobnicate"), QStringLiteral("x")}).exitCode,
            64);
        const CliRun noOut
            = cockpit({QStringLiteral("evidence"), QStringLiteral("export"), QStringLiteral("3.7.0")});
        QCOMPARE(noOut.exitCode, 64);
        QVERIFY(noOut.err.contains(QLatin1String("--out")));
    }

    void missingIncludeIsNamed()
    {
        // The demo ships the include; without it the export must stop and name it.
        QVERIFY(QFile::remove(m_demo + QStringLiteral("/requirements.lock.txt")));
        const CliRun run
            = cockpit({QStringLiteral("evidence"), QStringLiteral("export"), QStringLiteral("3.7.0"),
                QStringLiteral("--out"), path(QStringLiteral("a.zip")), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 65);
        // Named with its key, at its place in the policy (every missing file at once).
        const QJsonObject error = run.json().value(QStringLiteral("error")).toObject();
        QVERIFY2(error.value(QStringLiteral("location")).toString().contains(QLatin1String("policy.yml:")),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("requirements.lock.txt (evidence.include[1], ")), qPrintable(run.out));
        QVERIFY(!QFile::exists(path(QStringLiteral("a.zip"))));
        QFile lock(m_demo + QStringLiteral("/requirements.lock.txt"));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write("requests==2.31.0\n");
    }

    void unknownVersion()
    {
        const CliRun run = cockpit({QStringLiteral("evidence"), QStringLiteral("export"),
            QStringLiteral("9.9.9"), QStringLiteral("--out"), path(QStringLiteral("x.zip"))});
        QCOMPARE(run.exitCode, 65);
        QVERIFY(run.err.contains(QLatin1String("9.9.9")));
    }

    void exportThenShow()
    {
        CliRun run = cockpit({QStringLiteral("evidence"), QStringLiteral("export"), QStringLiteral("3.7.0"),
            QStringLiteral("--out"), path(QStringLiteral("a.zip")), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonArray members = run.json().value(QStringLiteral("members")).toArray();
        QVERIFY(members.size() > 10);
        QCOMPARE(members.first().toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("release_manifest.json"));
        QCOMPARE(members.first().toObject().value(QStringLiteral("sha256")).toString().size(), 64);

        run = cockpit({QStringLiteral("evidence"), QStringLiteral("show"), path(QStringLiteral("a.zip")),
            QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject shown = run.json();
        QVERIFY(shown.value(QStringLiteral("intact")).toBool());
        QCOMPARE(
            shown.value(QStringLiteral("manifest")).toObject().value(QStringLiteral("version")).toString(),
            QStringLiteral("3.7.0"));
        QCOMPARE(shown.value(QStringLiteral("members")).toArray().size(), members.size());
        QCOMPARE(shown.value(QStringLiteral("verified_members")).toInt(), members.size() - 1);

        run = cockpit({QStringLiteral("evidence"), QStringLiteral("show"), path(QStringLiteral("a.zip"))});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("Release 3.7.0")));
        QVERIFY(run.out.contains(QLatin1String("Intact")));
    }

    void tamperedPackExitsOne()
    {
        auto members = cockpit::readEvidenceZip(path(QStringLiteral("a.zip")));
        QVERIFY(members);
        for (cockpit::EvidenceMember &m : *members)
            if (m.name == u"checklist.md")
                m.data.replace("- [ ]", "- [x]");
        QVERIFY(cockpit::writeEvidenceZip(
            path(QStringLiteral("bad.zip")), *members, QDateTime::currentDateTimeUtc()));
        CliRun run = cockpit({QStringLiteral("evidence"), QStringLiteral("show"),
            path(QStringLiteral("bad.zip")), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.json().value(QStringLiteral("intact")).toBool());
        QCOMPARE(run.json().value(QStringLiteral("mismatched_members")).toArray(),
            QJsonArray {QStringLiteral("checklist.md")});
        run = cockpit({QStringLiteral("evidence"), QStringLiteral("show"), path(QStringLiteral("bad.zip"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains(QLatin1String("MISMATCH checklist.md")));
        QVERIFY(run.err.contains(QLatin1String("checksum mismatch: checklist.md")));
    }

    void unreadablePacks()
    {
        CliRun run = cockpit(
            {QStringLiteral("evidence"), QStringLiteral("show"), path(QStringLiteral("absent.zip"))});
        QCOMPARE(run.exitCode, 65);
        QFile f(path(QStringLiteral("text.zip")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a zip at all");
        f.close();
        run = cockpit({QStringLiteral("evidence"), QStringLiteral("show"), path(QStringLiteral("text.zip")),
            QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 65);
        QVERIFY(run.json().contains(QStringLiteral("error")));
    }
};

QTEST_GUILESS_MAIN(TstCliEvidence)
#include "tst_cli_evidence.moc"
