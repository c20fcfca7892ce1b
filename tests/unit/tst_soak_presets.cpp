// Every preset's soak checks, rollback triggers and canary phases load and work: synthetic data
// within the thresholds passes, a breach fails, a sustained breach fires the trigger after its
// `for` and not before. Seed 002's soak table (8.1/8.2) and seed 004's canary thresholds are
// checked value by value.
#include "policy_loader.h"
#include "soak_analysis.h"

#include <QFile>
#include <QtTest>

using namespace cockpit;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const QDateTime kStart = QDateTime::fromString(QStringLiteral("2026-03-01T10:00:00Z"), Qt::ISODate);
constexpr double kBaseline = 1.0;

Policy loadPreset(const QString &preset)
{
    const QString path = QStringLiteral(COCKPIT_SOURCE_DIR "/resources/presets/%1/policy.yml").arg(preset);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    const Result<Policy> policy = parsePolicy(file.readAll(), path);
    if (!policy)
        qFatal("%s", qPrintable(policy.error().toString()));
    return *policy;
}

// A value inside the bound and one outside it, for a bound resolved against kBaseline.
std::pair<double, double> goodAndBad(const Threshold &t)
{
    if (t.max)
        return {*t.max - std::abs(*t.max) * 0.05 - 1e-9, *t.max + std::abs(*t.max) * 0.5 + 1};
    return {*t.min + std::abs(*t.min) * 0.5 + 1, *t.min - std::abs(*t.min) * 0.5 - 1};
}

std::optional<Reading> baselineFor(bool needed)
{
    return needed ? std::optional(Reading {kStart, QueryFailure::None, kBaseline, {}}) : std::nullopt;
}

CheckInput steady(const SoakCheckPolicy &check, seconds window, double value)
{
    CheckInput input {check, {}, baselineFor(needsBaseline(check))};
    for (const QDateTime &t : measurementTimes(check, kStart, window))
        input.readings << Reading {t, QueryFailure::None, value, {}};
    return input;
}

// Every check of the list passes on good data and fails on one bad measurement.
void exerciseChecks(const QList<SoakCheckPolicy> &checks, seconds window)
{
    QVERIFY(!checks.isEmpty());
    for (const SoakCheckPolicy &check : checks) {
        const std::optional<Threshold> t = resolveThreshold(check, kBaseline);
        QVERIFY2(t && (t->max || t->min), qPrintable(check.name));
        const auto [good, bad] = goodAndBad(*t);
        const QDateTime end = soakEnd({check}, kStart, window);
        CheckInput input = steady(check, window, good);
        QVERIFY2(measurementCount(check, window) > 0, qPrintable(check.name));
        QCOMPARE(evaluateCheck(input, kStart, window, end).status, CheckStatus::Pass);
        for (int i = 0; i <= check.failureLimit; ++i)
            input.readings[i].value = bad;
        const CheckResult failed = evaluateCheck(input, kStart, window, end);
        QVERIFY2(failed.status == CheckStatus::Fail,
            qPrintable(check.name + QStringLiteral(": ") + failed.reason));
    }
}

// Every query trigger fires after holding for `for` at one-minute steps, and not a step earlier.
void exerciseTriggers(const QList<TriggerPolicy> &triggers)
{
    for (const TriggerPolicy &trigger : triggers) {
        if (trigger.query.isEmpty())
            continue;
        const std::optional<Threshold> t = resolveThreshold(trigger, kBaseline);
        QVERIFY2(t, qPrintable(trigger.name));
        const double bad = goodAndBad(*t).second;
        const int forMinutes = int(trigger.forDuration.count() / 60);
        Series series;
        for (int m = 0; m <= forMinutes; ++m)
            series.samples << Sample {kStart.addSecs(m * 60).toMSecsSinceEpoch(), bad};
        const TriggerInput input {trigger,
            QueryOutcome {QueryFailure::None, {}, QStringLiteral("matrix"), {series}, {}},
            baselineFor(needsBaseline(trigger)), seconds(60)};
        const QDateTime last = kStart.addSecs(forMinutes * 60);
        QVERIFY2(evaluateTrigger(input, last).fired, qPrintable(trigger.name));
        if (forMinutes > 0)
            QVERIFY2(!evaluateTrigger(input, last.addSecs(-60)).fired, qPrintable(trigger.name));
    }
}

}  // namespace

class TestSoakPresets : public QObject {
    Q_OBJECT

private slots:
    void presetsEvaluate_data();
    void presetsEvaluate();
    void gatedGaCarriesSeed002Tables();
    void canaryCarriesSeed004Thresholds();
    void releaseTrainLatencyIsTwiceBaseline();
};

void TestSoakPresets::presetsEvaluate_data()
{
    QTest::addColumn<QString>("preset");
    for (const char *p : {"gated-ga", "release-train", "promotion", "canary"})
        QTest::newRow(p) << QString::fromLatin1(p);
}

void TestSoakPresets::presetsEvaluate()
{
    QFETCH(QString, preset);
    const Policy policy = loadPreset(preset);
    QVERIFY(!policy.triggers.isEmpty());
    if (!policy.soakChecks.isEmpty())
        exerciseChecks(policy.soakChecks, policy.soakDuration);
    exerciseTriggers(policy.triggers);
    if (policy.canary)
        for (const CanaryPhasePolicy &phase : policy.canary->phases) {
            if (!phase.checks.isEmpty())
                exerciseChecks(phase.checks, phase.duration.value_or(seconds(0)));
            exerciseTriggers(phase.triggers);
        }
}

void TestSoakPresets::gatedGaCarriesSeed002Tables()
{
    const Policy p = loadPreset(QStringLiteral("gated-ga"));
    QCOMPARE(p.soakDuration, std::chrono::hours(2));
    // 8.1: metric, threshold, interval.
    const QList<std::tuple<QString, double, int>> table {{QStringLiteral("HTTP 5xx rate"), 0.5, 15},
        {QStringLiteral("P95 latency"), 2, 15}, {QStringLiteral("Error log volume"), 10, 30},
        {QStringLiteral("Memory usage"), 80, 30}, {QStringLiteral("Active DB connections"), 50, 30}};
    // The unit each query measures in, for the charts' value axes.
    const QStringList units {QStringLiteral("%"), QStringLiteral("s"), QStringLiteral("errors"), QStringLiteral("%"),
        QStringLiteral("connections")};
    QCOMPARE(p.soakChecks.size(), table.size());
    for (qsizetype i = 0; i < table.size(); ++i) {
        const auto &[name, max, interval] = table.at(i);
        QCOMPARE(p.soakChecks[i].name, name);
        QCOMPARE(p.soakChecks[i].max, std::optional<double>(max));
        QCOMPARE(p.soakChecks[i].interval, minutes(interval));
        QCOMPARE(p.soakChecks[i].unit, units.at(i));
        QCOMPARE(p.soakChecks[i].failureLimit, 0);  // "all metrics within threshold for full 2-hour period"
        QCOMPARE(measurementCount(p.soakChecks[i], p.soakDuration), 120 / interval);
    }
    // 8.2: 5xx > 5% for > 5 min, P95 > 10 s for > 5 min, outage > 2 min (probe).
    QCOMPARE(p.triggers[0].max, std::optional<double>(5));
    QCOMPARE(p.triggers[0].forDuration, minutes(5));
    QCOMPARE(p.triggers[1].max, std::optional<double>(10));
    QCOMPARE(p.triggers[1].forDuration, minutes(5));
    QCOMPARE(p.triggers[2].forDuration, minutes(2));
    QVERIFY(!p.triggers[2].probe.isEmpty());
}

void TestSoakPresets::canaryCarriesSeed004Thresholds()
{
    const Policy p = loadPreset(QStringLiteral("canary"));
    QVERIFY(p.canary);
    const CanaryPhasePolicy &phase1 = p.canary->phases.first();
    QCOMPARE(phase1.trafficPercent, 10);
    QCOMPARE(phase1.duration, std::optional<seconds>(std::chrono::hours(24)));
    // Error rate increase < 0.1 (percentage points) and response time increase < 10 % vs baseline.
    QCOMPARE(phase1.checks[0].baselineMaxIncrease, std::optional<double>(0.1));
    QCOMPARE(phase1.checks[1].baselineMaxIncreasePercent, std::optional<double>(10));
    QCOMPARE(phase1.checks[0].unit, QStringLiteral("%"));
    QCOMPARE(phase1.checks[1].unit, QStringLiteral("s"));
    QVERIFY(baselineQuery(phase1.checks[0]).startsWith(QStringLiteral("avg_over_time((")));
    QVERIFY(baselineQuery(phase1.checks[0]).contains(QStringLiteral("track=\"stable\"")));
    const std::optional<Threshold> latency = resolveThreshold(phase1.checks[1], 0.2);
    QVERIFY(latency && qFuzzyCompare(*latency->max, 0.22));
    const std::optional<Threshold> errors = resolveThreshold(phase1.checks[0], 0.3);
    QVERIFY(errors && qFuzzyCompare(*errors->max, 0.4));
    // Rollback triggers: error rate > 1 %, response time > 300 ms; degradation > 200 % = 3x baseline.
    QCOMPARE(phase1.triggers[0].max, std::optional<double>(1));
    QCOMPARE(phase1.triggers[1].max, std::optional<double>(0.3));
    QCOMPARE(p.triggers[2].baselineMaxRatio, std::optional<double>(3.0));
}

void TestSoakPresets::releaseTrainLatencyIsTwiceBaseline()
{
    const Policy p = loadPreset(QStringLiteral("release-train"));
    const TriggerPolicy &latency = p.triggers[1];
    QCOMPARE(latency.baselineMaxRatio, std::optional<double>(2.0));
    QCOMPARE(resolveThreshold(latency, 0.4)->max, std::optional<double>(0.8));
    QCOMPARE(baselineQuery(latency).left(15), QStringLiteral("avg_over_time(("));
}

QTEST_GUILESS_MAIN(TestSoakPresets)
#include "tst_soak_presets.moc"
