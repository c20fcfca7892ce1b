// The Environments table's judgement: what an environment reports against what the cockpit last
// deployed there, one row per case, and the JSON `env status --json` prints.
#include "environment_status.h"

#include <QTest>
#include <QTimeZone>

using namespace cockpit;

namespace {
const QString kCommit = QStringLiteral("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678");
}

class TestEnvironmentStatus : public QObject {
    Q_OBJECT
private slots:
    void judgement_data()
    {
        QTest::addColumn<QString>("deployedVersion");
        QTest::addColumn<QString>("running");
        QTest::addColumn<QString>("probeError");
        QTest::addColumn<bool>("hasProbe");
        QTest::addColumn<QString>("expected");
        QTest::newRow("same version") << "3.7.0" << "3.7.0" << "" << true << "in_sync";
        QTest::newRow("v-prefixed") << "3.7.0" << "v3.7.0" << "" << true << "in_sync";
        QTest::newRow("short commit") << "3.7.0" << "a1b2c3d" << "" << true << "in_sync";
        QTest::newRow("commit upper case") << "3.7.0" << "A1B2C3D4E5" << "" << true << "in_sync";
        QTest::newRow("six hex digits are too few") << "3.7.0" << "a1b2c3" << "" << true << "drift";
        QTest::newRow("older version by hand") << "3.7.0" << "3.6.5" << "" << true << "drift";
        QTest::newRow("other commit") << "3.7.0" << "deadbeefdead" << "" << true << "drift";
        QTest::newRow("version prefix is not the version") << "3.7.0" << "3.7.01" << "" << true << "drift";
        QTest::newRow("empty answer") << "3.7.0" << "" << "" << true << "drift";
        QTest::newRow("unreachable") << "3.7.0" << "" << "connection refused" << true << "unreachable";
        QTest::newRow("unreachable, never deployed") << "" << "" << "timeout" << true << "unreachable";
        QTest::newRow("never deployed, runs something") << "" << "3.6.5" << "" << true << "never_deployed";
        QTest::newRow("no version_path") << "3.7.0" << "" << "" << false << "not_probed";
        QTest::newRow("no version_path, never deployed") << "" << "" << "" << false << "never_deployed";
    }
    void judgement()
    {
        QFETCH(QString, deployedVersion);
        QFETCH(QString, running);
        QFETCH(QString, probeError);
        QFETCH(bool, hasProbe);
        QFETCH(QString, expected);
        EnvironmentStatus s;
        s.name = QStringLiteral("prod");
        s.deployedVersion = deployedVersion;
        s.deployedCommit = deployedVersion.isEmpty() ? QString() : kCommit;
        s.running = running;
        s.probeError = probeError;
        QCOMPARE(environmentSyncName(judgeEnvironment(s, hasProbe)), expected);
    }

    // Issue 15: mid-canary an environment answers with either version; after an abort only the
    // replaced one is right; at 100% only the new one.
    void canaryJudgement_data()
    {
        QTest::addColumn<int>("percent");
        QTest::addColumn<QString>("running");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("summaryHas");
        QTest::newRow("10%, old answers") << 10 << "3.6.8" << "canary" << "canary 10%: 10% of its traffic goes to 3.7.0, the rest to 3.6.8";
        QTest::newRow("50%, new answers") << 50 << "3.7.0" << "canary" << "answered by 3.7.0";
        QTest::newRow("50%, new by commit") << 50 << "a1b2c3d4" << "canary" << "canary 50%";
        QTest::newRow("50%, a third version") << 50 << "3.5.0" << "drift" << "neither the canary 3.7.0 nor 3.6.8";
        QTest::newRow("aborted, old answers") << 0 << "3.6.8" << "in_sync" << "aborted canary of 3.7.0";
        QTest::newRow("aborted, new still answers") << 0 << "3.7.0" << "drift" << "was aborted, so 3.6.8 should answer";
        QTest::newRow("100%, old answers") << 100 << "3.6.8" << "drift" << "DRIFT: runs 3.6.8";
        QTest::newRow("100%, new answers") << 100 << "3.7.0" << "in_sync" << "in sync: runs 3.7.0";
    }
    void canaryJudgement()
    {
        QFETCH(int, percent);
        QFETCH(QString, running);
        QFETCH(QString, expected);
        QFETCH(QString, summaryHas);
        EnvironmentStatus s;
        s.name = QStringLiteral("production");
        s.deployedVersion = QStringLiteral("3.7.0");
        s.deployedCommit = kCommit;
        s.deployedAt = QDateTime(QDate(2026, 12, 1), QTime(9, 0), QTimeZone::utc());
        s.canaryPercent = percent;
        s.replacedVersion = QStringLiteral("3.6.8");
        s.replacedCommit = QStringLiteral("ffffeeeeddddccccbbbbaaaa9999888877776666");
        s.running = running;
        s.sync = judgeEnvironment(s, true);
        QCOMPARE(environmentSyncName(s.sync), expected);
        QVERIFY2(s.summary().contains(summaryHas), qPrintable(s.summary()));
        const QJsonObject json = environmentStatusToJson(s);
        QCOMPARE(json.value(QStringLiteral("canary_percent")).toInt(), percent);
        QCOMPARE(json.value(QStringLiteral("canary_replaces")).toString(), QStringLiteral("3.6.8"));
    }

    void driftSummaryNamesBothSides()
    {
        EnvironmentStatus s;
        s.name = QStringLiteral("prod");
        s.deployedVersion = QStringLiteral("3.7.0");
        s.deployedCommit = kCommit;
        s.deployedBy = QStringLiteral("ana@example.com");
        s.deployedAt = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
        s.running = QStringLiteral("3.6.5");
        s.sync = judgeEnvironment(s, true);
        QCOMPARE(s.summary(),
            QStringLiteral("DRIFT: runs 3.6.5, but the cockpit deployed 3.7.0 (a1b2c3d4e5f6) on "
                           "2026-12-01T09:30:00Z by ana@example.com"));
        const QJsonObject o = environmentStatusToJson(s);
        QCOMPARE(o.value(QStringLiteral("sync")).toString(), QStringLiteral("drift"));
        QCOMPARE(o.value(QStringLiteral("running")).toString(), QStringLiteral("3.6.5"));
        QCOMPARE(o.value(QStringLiteral("deployed_version")).toString(), QStringLiteral("3.7.0"));
        QVERIFY(o.value(QStringLiteral("probe_error")).isNull());
        QVERIFY(o.value(QStringLiteral("probed_at")).isNull());
    }

    void unreachableSummarySaysWhereItLooked()
    {
        EnvironmentStatus s;
        s.name = QStringLiteral("staging");
        s.probeUrl = QStringLiteral("https://staging.example.com/api/health");
        s.probeError = QStringLiteral("connection refused");
        s.sync = judgeEnvironment(s, true);
        QCOMPARE(s.summary(),
            QStringLiteral("unknown: connection refused (https://staging.example.com/api/health); "
                           "the cockpit never deployed there"));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentStatus)
#include "tst_environment_status.moc"
