// Soak runs (issue 18): which kind a new run gets, which run is the release's soak, the policy
// digest and the JSON every front end names a run by. Table-driven: runs as (id, kind,
// deployment, decisive) rows.
#include "soak_run.h"

#include <QtTest>

using namespace cockpit;

namespace {

SoakRun run(qint64 id, SoakRunKind kind, std::optional<qint64> deployment, bool decisive,
    const QString &verdict = QStringLiteral("pass"))
{
    SoakRun r;
    r.id = id;
    r.kind = kind;
    r.deploymentId = deployment;
    r.decisive = decisive;
    r.verdict = verdict;
    return r;
}

constexpr auto D = SoakRunKind::Deployment;
constexpr auto R = SoakRunKind::Recheck;
constexpr auto W = SoakRunKind::WhatIf;

SoakRecording recording()
{
    SoakRecording r;
    r.environment = QStringLiteral("staging");
    r.start = QDateTime::fromString(QStringLiteral("2026-03-01T10:00:00Z"), Qt::ISODate);
    r.duration = std::chrono::minutes(10);
    r.recordedAt = r.start.addSecs(600);
    SoakCheckPolicy check;
    check.name = QStringLiteral("error rate");
    check.query = QStringLiteral("rate(errors[1m])");
    check.interval = std::chrono::seconds(60);
    check.max = 5;
    r.checks << RecordedCheck {check, {}, {}, std::nullopt};
    return r;
}

}  // namespace

class TestSoakRuns : public QObject {
    Q_OBJECT

private slots:
    void kindNames()
    {
        for (SoakRunKind kind : {D, R, W})
            QCOMPARE(soakRunKindFromName(soakRunKindName(kind)), kind);
        QCOMPARE(soakRunKindName(W), QStringLiteral("what_if"));
        QVERIFY(!soakRunKindFromName(QStringLiteral("latest")));
    }

    void kindForNewRun_data()
    {
        QTest::addColumn<bool>("whatIf");
        QTest::addColumn<int>("deployment");  // 0: none
        QTest::addColumn<QList<SoakRun>>("existing");
        QTest::addColumn<SoakRunKind>("expected");
        QTest::addRow("first run of a deployment") << false << 7 << QList<SoakRun> {} << D;
        QTest::addRow("what-if, even of a deployment") << true << 7 << QList<SoakRun> {} << W;
        QTest::addRow("what-if before any deployment") << true << 0 << QList<SoakRun> {} << W;
        QTest::addRow("no deployment recorded") << false << 0 << QList<SoakRun> {} << D;
        QTest::addRow("no deployment, after a FAIL of none") << false << 0 << QList<SoakRun> {run(1, D, {}, true)} << R;
        QTest::addRow("a FAIL of no deployment does not settle a deployment")
            << false << 7 << QList<SoakRun> {run(1, D, {}, true)} << D;
        QTest::addRow("after an early, undecided run")
            << false << 7 << QList<SoakRun> {run(1, D, 7, false, QStringLiteral("running"))} << D;
        QTest::addRow("after a decided FAIL: a re-check")
            << false << 7 << QList<SoakRun> {run(1, D, 7, true, QStringLiteral("fail"))} << R;
        QTest::addRow("a decided run of an older deployment does not count")
            << false << 8 << QList<SoakRun> {run(1, D, 7, true)} << D;
        QTest::addRow("a what-if that passed settles nothing") << false << 7 << QList<SoakRun> {run(1, W, 7, false)}
                                                               << D;
    }
    void kindForNewRun()
    {
        QFETCH(bool, whatIf);
        QFETCH(int, deployment);
        QFETCH(QList<SoakRun>, existing);
        QFETCH(SoakRunKind, expected);
        const auto id = deployment ? std::optional<qint64>(deployment) : std::nullopt;
        QCOMPARE(cockpit::kindForNewRun(whatIf, id, existing), expected);
    }

    void releaseSoakRun_data()
    {
        QTest::addColumn<QList<SoakRun>>("runs");
        QTest::addColumn<int>("latestDeployment");  // 0: none
        QTest::addColumn<int>("expected");  // run id, 0: none
        QTest::addRow("not deployed, only runs of a deployment") << QList<SoakRun> {run(1, D, 7, true)} << 0 << 0;
        QTest::addRow("not deployed: the runs of no deployment")
            << QList<SoakRun> {run(1, D, {}, false), run(2, D, {}, false), run(3, W, {}, false)} << 0 << 2;
        QTest::addRow("deployed: runs of no deployment are not its soak")
            << QList<SoakRun> {run(1, D, {}, true)} << 7 << 0;
        QTest::addRow("the deployment's run") << QList<SoakRun> {run(1, D, 7, true)} << 7 << 1;
        // The bug of issue 18: a passing 2-minute re-check replaced a failed 10-minute soak.
        QTest::addRow("a failed soak stays the soak after a passing re-check")
            << QList<SoakRun> {run(1, D, 7, true, QStringLiteral("fail")), run(2, R, 7, false)} << 7 << 1;
        QTest::addRow("the first decisive run, not a later one")
            << QList<SoakRun> {run(3, D, 7, true, QStringLiteral("fail")), run(1, D, 7, false, QStringLiteral("running")),
                   run(4, D, 7, true)}
            << 7 << 3;
        QTest::addRow("undecided runs: the newest")
            << QList<SoakRun> {run(1, D, 7, false, QStringLiteral("running")), run(2, D, 7, false, QStringLiteral("inconclusive"))}
            << 7 << 2;
        QTest::addRow("a redeploy has no run yet") << QList<SoakRun> {run(1, D, 7, true)} << 8 << 0;
        QTest::addRow("what-ifs and re-checks are never the soak")
            << QList<SoakRun> {run(1, W, 7, false), run(2, R, 7, false)} << 7 << 0;
    }
    void releaseSoakRun()
    {
        QFETCH(QList<SoakRun>, runs);
        QFETCH(int, latestDeployment);
        QFETCH(int, expected);
        const auto latest = latestDeployment ? std::optional<qint64>(latestDeployment) : std::nullopt;
        const auto found = cockpit::releaseSoakRun(runs, latest);
        QCOMPARE(found ? found->id : 0, qint64(expected));
    }

    void digestFollowsTheRulesOnly()
    {
        SoakRecording a = recording();
        const QString digest = soakPolicyDigest(a);
        QCOMPARE(digest.size(), 64);
        SoakRecording measured = a;  // what was measured does not change the rules
        measured.checks[0].readings << Reading {a.start.addSecs(60), QueryFailure::None, 1.0, {}, a.start.addSecs(59)};
        measured.recordedAt = a.start.addSecs(600);
        QCOMPARE(soakPolicyDigest(measured), digest);
        SoakRecording stricter = a;
        stricter.checks[0].policy.max = 4;
        QVERIFY(soakPolicyDigest(stricter) != digest);
        SoakRecording longer = a;
        longer.duration = std::chrono::minutes(20);
        QVERIFY(soakPolicyDigest(longer) != digest);
    }

    void namesAndJson()
    {
        SoakRun r = run(12, R, 7, false, QStringLiteral("PASS"));
        QCOMPARE(soakRunName(r), QStringLiteral("run #12 (re-check)"));
        r.kind = D;
        QCOMPARE(soakRunName(r), QStringLiteral("run #12"));
        r.deployedAt = QDateTime::fromString(QStringLiteral("2026-03-01T10:00:00Z"), Qt::ISODate);
        const QJsonObject json = soakRunToJson(r);
        QCOMPARE(json.value(QLatin1String("id")).toInteger(), 12);
        QCOMPARE(json.value(QLatin1String("kind")).toString(), QStringLiteral("deployment"));
        QCOMPARE(json.value(QLatin1String("verdict")).toString(), QStringLiteral("pass"));
        QCOMPARE(json.value(QLatin1String("deployed_at")).toString(), QStringLiteral("2026-03-01T10:00:00Z"));
        QVERIFY(json.value(QLatin1String("start")).isNull());
    }

    void sampleTimeSurvivesTheRecordingJson()
    {
        SoakRecording r = recording();
        r.checks[0].readings << Reading {r.start.addSecs(60), QueryFailure::None, 1.0, {}, r.start.addSecs(58)};
        r.checks[0].readings << Reading {r.start.addSecs(120), QueryFailure::Stale, std::nullopt,
            QStringLiteral("newest sample 32 s old"), r.start.addSecs(88)};
        auto back = soakRecordingFromJson(soakRecordingToJson(r));
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->checks[0].readings, r.checks[0].readings);
    }
};

QTEST_GUILESS_MAIN(TestSoakRuns)
#include "tst_soak_runs.moc"
