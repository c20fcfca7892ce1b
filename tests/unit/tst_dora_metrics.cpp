// DORA metrics on a fixture history with answers computed by hand (in the comments), and the edge
// cases: no deployments, a deployment without commits, an incident not recovered.
#include "dora_metrics.h"

#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;

class TestDoraMetrics : public QObject {
    Q_OBJECT

private slots:
    void fixtureHistory();
    void weeklySeries();
    void emptyHistory();
    void productionIsNamedOrLast();
    void frequencyTexts();
    void statistics();
};

namespace {

QDateTime t(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Qt::UTC);
}

DoraDeployment deploy(
    const char *version, const char *type, const char *env, QDateTime at, bool commit = true)
{
    return {QString::fromLatin1(version), QString::fromLatin1(type), QString::fromLatin1(env),
        commit ? QStringLiteral("abc") : QString(), at};
}

// The window is [Mon 2026-03-02, Mon 2026-03-30): exactly four weeks.
// 1.0.0 minor  prod Feb 28 12:00 (before the window; its incident on Mar 1 is before it too)
// 1.1.0 minor  commits Mar 2 08:00, Mar 2 20:00, Mar 3 08:00; staging Mar 3 12:00, prod Mar 4 08:00
//              -> lead times 48h, 36h, 24h
// 1.1.1 patch  commit Mar 5 10:00, prod Mar 5 12:00 -> 2h; incident Mar 5 13:00-13:45 (45m): failed
// 1.1.2 patch  commits Mar 5 14:00, Mar 6 08:00, prod Mar 6 10:00 -> 20h, 2h
// 1.2.0 minor  commits Mar 16 09:00, 21:00, Mar 17 07:00, 08:00, prod Mar 17 09:00 -> 24h, 12h, 2h, 1h;
//              incident Mar 17 10:00-12:00 (2h): failed; redeployed Mar 18 09:00 (not failed, no lead time)
// 1.3.0 minor  prod Mar 24 09:00 without commits; incident Mar 25 09:00 never recovered: failed
// 1.4.0 minor  staging only, Mar 26
DoraInput fixture()
{
    DoraInput in;
    in.production = QStringLiteral("production");
    in.deployments = {deploy("1.0.0", "minor", "production", t(2, 28, 12)),
        deploy("1.1.0", "minor", "staging", t(3, 3, 12)), deploy("1.1.0", "minor", "production", t(3, 4, 8)),
        deploy("1.1.1", "patch", "production", t(3, 5, 12)),
        deploy("1.1.2", "patch", "production", t(3, 6, 10)),
        deploy("1.2.0", "minor", "production", t(3, 17, 9)),
        deploy("1.2.0", "minor", "production", t(3, 18, 9)),
        deploy("1.3.0", "minor", "production", t(3, 24, 9), false),
        deploy("1.4.0", "minor", "staging", t(3, 26, 9))};
    in.commitTimes.insert(QStringLiteral("1.0.0"), {t(2, 26, 12), t(2, 27, 12)});
    in.commitTimes.insert(QStringLiteral("1.1.0"), {t(3, 2, 8), t(3, 2, 20), t(3, 3, 8)});
    in.commitTimes.insert(QStringLiteral("1.1.1"), {t(3, 5, 10)});
    in.commitTimes.insert(QStringLiteral("1.1.2"), {t(3, 5, 14), t(3, 6, 8)});
    in.commitTimes.insert(QStringLiteral("1.2.0"), {t(3, 16, 9), t(3, 16, 21), t(3, 17, 7), t(3, 17, 8)});
    in.incidents = {{QStringLiteral("1.0.0"), QStringLiteral("old"), t(3, 1, 10), t(3, 1, 11)},
        {QStringLiteral("1.1.1"), QStringLiteral("5xx"), t(3, 5, 13), t(3, 5, 13, 45)},
        {QStringLiteral("1.2.0"), QStringLiteral("latency"), t(3, 17, 10), t(3, 17, 12)},
        {QStringLiteral("1.3.0"), QStringLiteral("health"), t(3, 25, 9), QDateTime()}};
    return in;
}

MetricsPolicy targets()
{
    MetricsPolicy m;
    m.leadTime = 24h;
    m.changeFailureRate = 5;
    m.mttr = 1h;
    m.deploymentFrequency = {{QStringLiteral("patch"), QStringLiteral("Daily")},
        {QStringLiteral("minor"), QStringLiteral("Biweekly")}};
    return m;
}

DoraReport fixtureReport()
{
    return computeDoraMetrics(fixture(), targets(), t(3, 2, 0), t(3, 30, 0));
}

}  // namespace

void TestDoraMetrics::fixtureHistory()
{
    const DoraReport r = fixtureReport();
    // Lead time: 48 36 24 | 2 | 20 2 | 24 12 2 1 (hours) -> sorted 1 2 2 2 12 20 24 24 36 48:
    // median (12 + 20) / 2 = 16h (met: <= 24h), p90 = the 9th of 10 (nearest rank) = 36h.
    QCOMPARE(r.leadTimeCommits, 10);
    QCOMPARE(r.leadTimeMedian->count(), 16 * 3600);
    QCOMPARE(r.leadTimeP90->count(), 36 * 3600);
    QCOMPARE(r.leadTimeStatus, TargetStatus::Met);
    QCOMPARE(r.leadTimes.size(), 5);  // 1.1.0 1.1.1 1.1.2 1.2.0 1.3.0 (1.2.0's redeploy adds none)
    QCOMPARE(r.leadTimes[0].median->count(), 36 * 3600);
    QCOMPARE(r.leadTimes[3].median->count(), 7 * 3600);  // (12 + 2) / 2
    QCOMPARE(r.leadTimes[4].commits, 0);
    QVERIFY(!r.leadTimes[4].median);
    // Frequency: 6 production deployments in 4 weeks = 1.5 a week, 1.5 * 30 / 7 per 30 days.
    QCOMPARE(r.productionDeployments, 6);
    QCOMPARE(r.deploymentsPerWeek, 1.5);
    QVERIFY(qFuzzyCompare(r.deploymentsPerMonth, 1.5 * 30 / 7));
    // Per type: minor 4 (1.1.0, 1.2.0 twice, 1.3.0) = 1/week >= biweekly 0.5: met;
    // patch 2 = 0.5/week < daily 5: missed -> the frequency headline is missed.
    QCOMPARE(r.frequencyTargets.size(), 2);
    QCOMPARE(r.frequencyTargets[0].type, QStringLiteral("minor"));
    QCOMPARE(r.frequencyTargets[0].deployments, 4);
    QCOMPARE(r.frequencyTargets[0].status, TargetStatus::Met);
    QCOMPARE(r.frequencyTargets[1].perWeek, 0.5);
    QCOMPARE(r.frequencyTargets[1].status, TargetStatus::Missed);
    QCOMPARE(r.frequencyStatus, TargetStatus::Missed);
    // Change failure rate: 1.1.1, 1.2.0 (Mar 17) and 1.3.0 failed = 3 / 6 = 50% > 5%: missed.
    QCOMPARE(r.failedDeployments, 3);
    QCOMPARE(*r.changeFailureRate, 50.0);
    QCOMPARE(r.changeFailureRateStatus, TargetStatus::Missed);
    // Restore: incidents opened in the window 3 (1.0.0's is before it); recovered 45m and 2h:
    // median 82m30s = 4950s > 1h: missed; 1.3.0 reported, not counted as 0.
    QCOMPARE(r.incidents, 3);
    QCOMPARE(r.unrecovered, QStringList {QStringLiteral("1.3.0")});
    QCOMPARE(r.restoreMedian->count(), 4950);
    QCOMPARE(r.restoreStatus, TargetStatus::Missed);
    QCOMPARE(r.notes.size(), 2);  // 1.3.0 without commits; 1.3.0 not recovered
    QVERIFY(r.notes[0].contains(QLatin1String("1.3.0")));
}

void TestDoraMetrics::weeklySeries()
{
    const DoraReport r = fixtureReport();
    QCOMPARE(r.weeks.size(), 4);
    QCOMPARE(r.weeks[0].start, QDate(2026, 3, 2));
    // Week of Mar 2: 3 deployments, 1 failed (33.3%); lead 48 36 24 2 20 2 -> (20 + 24) / 2 = 22h;
    // restore 45m.
    QCOMPARE(r.weeks[0].deployments, 3);
    QVERIFY(qFuzzyCompare(*r.weeks[0].changeFailureRate, 100.0 / 3));
    QCOMPARE(*r.weeks[0].leadTimeHours, 22.0);
    QCOMPARE(*r.weeks[0].restoreMinutes, 45.0);
    // Week of Mar 9: nothing.
    QCOMPARE(r.weeks[1].deployments, 0);
    QVERIFY(!r.weeks[1].changeFailureRate && !r.weeks[1].leadTimeHours && !r.weeks[1].restoreMinutes);
    // Week of Mar 16: 2 deployments, 1 failed; lead 7h; restore 120m.
    QCOMPARE(r.weeks[2].deployments, 2);
    QCOMPARE(*r.weeks[2].changeFailureRate, 50.0);
    QCOMPARE(*r.weeks[2].leadTimeHours, 7.0);
    QCOMPARE(*r.weeks[2].restoreMinutes, 120.0);
    // Week of Mar 23: 1 deployment, failed; no lead time (no commits), no restore (not recovered).
    QCOMPARE(*r.weeks[3].changeFailureRate, 100.0);
    QVERIFY(!r.weeks[3].leadTimeHours && !r.weeks[3].restoreMinutes);
}

void TestDoraMetrics::emptyHistory()
{
    DoraInput in;
    in.production = QStringLiteral("prod");
    const DoraReport r = computeDoraMetrics(in, targets(), t(3, 2, 0), t(3, 16, 0));
    QVERIFY(r.isEmpty());
    QCOMPARE(r.productionDeployments, 0);
    QVERIFY(!r.changeFailureRate && !r.leadTimeMedian && !r.restoreMedian);
    QCOMPARE(r.leadTimeStatus, TargetStatus::NoData);
    QCOMPARE(r.changeFailureRateStatus, TargetStatus::NoData);
    QCOMPARE(r.restoreStatus, TargetStatus::NoData);
    QCOMPARE(r.frequencyStatus, TargetStatus::Missed);  // 0 a week is below every target
    QCOMPARE(r.weeks.size(), 2);
    // Without targets nothing is judged.
    const DoraReport bare = computeDoraMetrics(fixture(), MetricsPolicy {}, t(3, 2, 0), t(3, 30, 0));
    QCOMPARE(bare.leadTimeStatus, TargetStatus::NoTarget);
    QCOMPARE(bare.frequencyStatus, TargetStatus::NoTarget);
    QCOMPARE(bare.restoreStatus, TargetStatus::NoTarget);
}

void TestDoraMetrics::productionIsNamedOrLast()
{
    Policy p;
    p.environments = {EnvironmentPolicy {QStringLiteral("staging")},
        EnvironmentPolicy {QStringLiteral("prod")}, EnvironmentPolicy {QStringLiteral("dr")}};
    QCOMPARE(productionEnvironment(p), QStringLiteral("prod"));
    p.environments[1].name = QStringLiteral("live");
    QCOMPARE(productionEnvironment(p), QStringLiteral("dr"));
    QCOMPARE(productionEnvironment(Policy {}), QString());
}

void TestDoraMetrics::frequencyTexts()
{
    QCOMPARE(*deploymentsPerWeekFromText(QStringLiteral("Daily")), 5.0);
    QCOMPARE(*deploymentsPerWeekFromText(QStringLiteral("Biweekly")), 0.5);
    QCOMPARE(*deploymentsPerWeekFromText(QStringLiteral("bi-weekly")), 0.5);
    QCOMPARE(*deploymentsPerWeekFromText(QStringLiteral("Weekly")), 1.0);
    QCOMPARE(*deploymentsPerWeekFromText(QStringLiteral("2 per day")), 14.0);
    QCOMPARE(*deploymentsPerWeekFromText(QStringLiteral("3/week")), 3.0);
    QVERIFY(!deploymentsPerWeekFromText(QStringLiteral("whenever")));
}

void TestDoraMetrics::statistics()
{
    QCOMPARE(*medianOf({3, 1, 2}), 2.0);
    QCOMPARE(*medianOf({4, 1, 2, 3}), 2.5);
    QVERIFY(!medianOf({}));
    QCOMPARE(*percentileOf({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 9.0);
    QCOMPARE(*percentileOf({7}, 90), 7.0);
    QCOMPARE(formatDuration(4950s), QStringLiteral("1h 22m"));
    QCOMPARE(formatDuration(2 * 86400s + 4h), QStringLiteral("2d 4h"));
    QCOMPARE(formatDuration(45min), QStringLiteral("45m"));
}

QTEST_GUILESS_MAIN(TestDoraMetrics)
#include "tst_dora_metrics.moc"
