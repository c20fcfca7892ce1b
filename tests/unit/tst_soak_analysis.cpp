// Soak analysis semantics, table-driven: schedules, failure_limit, consecutive errors, on_no_data,
// triggers with `for` (gaps break them), baselines, "when can it change", replay, live vs
// retrospective (tst_soak_replay), and a fault matrix in which no failure kind ever yields PASS.
#include "soak_analysis.h"

#include <QtTest>
#include <limits>

using namespace cockpit;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

const QDateTime kStart = QDateTime::fromString(QStringLiteral("2026-03-01T10:00:00Z"), Qt::ISODate);

QDateTime at(int minute)
{
    return kStart.addSecs(qint64(minute) * 60);
}

SoakCheckPolicy check15m(int failureLimit = 0, int errorLimit = 4, const QString &onNoData = {})
{
    SoakCheckPolicy c;
    c.name = QStringLiteral("HTTP 5xx rate");
    c.query = QStringLiteral("rate5xx");
    c.max = 0.5;
    c.interval = minutes(15);
    c.failureLimit = failureLimit;
    c.consecutiveErrorLimit = errorLimit;
    if (!onNoData.isEmpty())
        c.onNoData = onNoData;
    return c;
}

// One character per scheduled measurement (15, 30, ... minutes): p pass (0.1), f fail (0.9),
// = exactly the threshold, e unreachable, t timeout, n no data, x NaN, - no reading at all.
QList<Reading> readings(const QString &pattern, int intervalMinutes = 15)
{
    QList<Reading> list;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QDateTime time = at(int(i + 1) * intervalMinutes);
        switch (pattern.at(i).toLatin1()) {
        case 'p':
            list << Reading {time, QueryFailure::None, 0.1, {}};
            break;
        case 'f':
            list << Reading {time, QueryFailure::None, 0.9, {}};
            break;
        case '=':
            list << Reading {time, QueryFailure::None, 0.5, {}};
            break;
        case 'e':
            list << Reading {time, QueryFailure::Unreachable, std::nullopt, QStringLiteral("refused")};
            break;
        case 't':
            list << Reading {time, QueryFailure::Timeout, std::nullopt, {}};
            break;
        case 'n':
            list << Reading {time, QueryFailure::EmptyResult, std::nullopt, {}};
            break;
        case 'x':
            list << Reading {time, QueryFailure::None, std::numeric_limits<double>::quiet_NaN(), {}};
            break;
        default:
            break;
        }
    }
    return list;
}

// One character per minute from minute 0: h above the bound (10), l below (1), _ no sample,
// x NaN.
QueryOutcome minuteSeries(const QString &pattern)
{
    Series series;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const qint64 ms = at(int(i)).toMSecsSinceEpoch();
        const char c = pattern.at(i).toLatin1();
        if (c == 'h' || c == 'l')
            series.samples << Sample {ms, c == 'h' ? 10.0 : 1.0};
        else if (c == 'x')
            series.samples << Sample {ms, std::numeric_limits<double>::quiet_NaN()};
    }
    return QueryOutcome {QueryFailure::None, {}, QStringLiteral("matrix"), {series}, {}};
}

TriggerPolicy trigger5m(int forMinutes = 5)
{
    TriggerPolicy t;
    t.name = QStringLiteral("5xx above 5% for 5 minutes");
    t.query = QStringLiteral("rate5xx");
    t.max = 5;
    t.forDuration = minutes(forMinutes);
    t.severity = QStringLiteral("S1");
    return t;
}

int minuteOf(const std::optional<QDateTime> &time)
{
    return time ? int(kStart.secsTo(*time) / 60) : -1;
}

}  // namespace

class TestSoakAnalysis : public QObject {
    Q_OBJECT

private slots:
    void schedule_data();
    void schedule();
    void check_data();
    void check();
    void trigger_data();
    void trigger();
    void baseline_data();
    void baseline();
    void baselineMissingIsNeverPass();
    void baselineQueryAveragesTheWindow();
    void verdict();
    void faultMatrixNeverPasses_data();
    void faultMatrixNeverPasses();
};

void TestSoakAnalysis::schedule_data()
{
    QTest::addColumn<int>("intervalMin");
    QTest::addColumn<int>("count");  // 0 = none
    QTest::addColumn<int>("durationMin");  // 0 = the soak's
    QTest::addColumn<int>("soakMin");
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("duration/interval")
        << 15 << 0 << 0 << 120 << QList<int> {15, 30, 45, 60, 75, 90, 105, 120};
    QTest::newRow("count") << 10 << 3 << 0 << 120 << QList<int> {10, 20, 30};
    QTest::newRow("own duration") << 30 << 0 << 60 << 120 << QList<int> {30, 60};
    QTest::newRow("not a multiple") << 25 << 0 << 0 << 120 << QList<int> {25, 50, 75, 100};
}

void TestSoakAnalysis::schedule()
{
    QFETCH(int, intervalMin);
    QFETCH(int, count);
    QFETCH(int, durationMin);
    QFETCH(int, soakMin);
    QFETCH(QList<int>, expected);
    SoakCheckPolicy c = check15m();
    c.interval = minutes(intervalMin);
    if (count)
        c.count = count;
    if (durationMin)
        c.duration = minutes(durationMin);
    QList<int> got;
    for (const QDateTime &t : measurementTimes(c, kStart, minutes(soakMin)))
        got << minuteOf(t);
    QCOMPARE(got, expected);
    QCOMPARE(measurementCount(c, minutes(soakMin)), int(expected.size()));
    QCOMPARE(soakEnd({c}, kStart, minutes(soakMin)), at(std::max(soakMin, expected.last())));
}

void TestSoakAnalysis::check_data()
{
    QTest::addColumn<int>("failureLimit");
    QTest::addColumn<int>("errorLimit");
    QTest::addColumn<QString>("onNoData");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("nowMin");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("failures");
    QTest::addColumn<int>("consecutive");
    QTest::addColumn<int>("earliestPass");  // minute, -1 = cannot pass
    QTest::addColumn<int>("next");  // minute, -1 = nothing left

    QTest::newRow("all pass") << 0 << 4 << "inconclusive"
                              << "pppppppp" << 120 << "pass" << 0 << 0 << 120 << -1;
    QTest::newRow("at the threshold passes") << 0 << 4 << "inconclusive"
                                             << "========" << 130 << "pass" << 0 << 0 << 120 << -1;
    QTest::newRow("failures == limit passes") << 1 << 4 << "inconclusive"
                                              << "pfpppppp" << 120 << "pass" << 1 << 0 << 120 << -1;
    QTest::newRow("failures > limit fails") << 1 << 4 << "inconclusive"
                                            << "pfpfpppp" << 120 << "fail" << 2 << 0 << -1 << -1;
    QTest::newRow("fails as soon as over") << 1 << 4 << "inconclusive"
                                           << "pfpf" << 60 << "fail" << 2 << 0 << -1 << -1;
    QTest::newRow("limit 0, first failure") << 0 << 4 << "inconclusive"
                                            << "pf" << 30 << "fail" << 1 << 0 << -1 << -1;
    QTest::newRow("running") << 0 << 4 << "inconclusive"
                             << "ppp" << 50 << "running" << 0 << 0 << 120 << 60;
    QTest::newRow("running within limit") << 2 << 4 << "inconclusive"
                                          << "ffp" << 50 << "running" << 2 << 0 << 120 << 60;
    QTest::newRow("due within grace") << 0 << 4 << "inconclusive"
                                      << "ppp" << 47 << "running" << 0 << 0 << 120 << 60;
    QTest::newRow("error limit reached") << 0 << 3 << "inconclusive"
                                         << "peee" << 60 << "inconclusive" << 0 << 3 << -1 << 75;
    QTest::newRow("errors then recovered") << 0 << 4 << "inconclusive"
                                           << "peeppppp" << 120 << "inconclusive" << 0 << 0 << -1 << -1;
    QTest::newRow("an error blocks the pass") << 0 << 4 << "inconclusive"
                                              << "pe" << 35 << "running" << 0 << 1 << -1 << 45;
    QTest::newRow("timeouts are errors") << 0 << 2 << "inconclusive"
                                         << "tt" << 30 << "inconclusive" << 0 << 2 << -1 << 45;
    QTest::newRow("fail beats inconclusive") << 0 << 2 << "inconclusive"
                                             << "eef" << 45 << "fail" << 1 << 0 << -1 << -1;
    QTest::newRow("no data, inconclusive") << 0 << 4 << "inconclusive"
                                           << "pppnpppp" << 120 << "inconclusive" << 0 << 0 << -1 << -1;
    QTest::newRow("no data, fail") << 0 << 4 << "fail"
                                   << "pppnpppp" << 120 << "fail" << 1 << 0 << -1 << -1;
    QTest::newRow("no data, fail within limit") << 1 << 4 << "fail"
                                                << "pppnpppp" << 120 << "pass" << 1 << 0 << 120 << -1;
    QTest::newRow("NaN is an error") << 0 << 4 << "inconclusive"
                                     << "ppppxppp" << 120 << "inconclusive" << 0 << 0 << -1 << -1;
    QTest::newRow("not measured after grace") << 0 << 4 << "inconclusive"
                                              << "ppp-pppp" << 120 << "inconclusive" << 0 << 0 << -1 << -1;
    QTest::newRow("readings after now ignored") << 0 << 4 << "inconclusive"
                                                << "pppppppf" << 60 << "running" << 0 << 0 << 120 << 75;
}

void TestSoakAnalysis::check()
{
    QFETCH(int, failureLimit);
    QFETCH(int, errorLimit);
    QFETCH(QString, onNoData);
    QFETCH(QString, pattern);
    QFETCH(int, nowMin);
    const CheckInput input {check15m(failureLimit, errorLimit, onNoData), readings(pattern), std::nullopt};
    const CheckResult r = evaluateCheck(input, kStart, minutes(120), at(nowMin), minutes(5));
    QTEST(checkStatusName(r.status), "status");
    QTEST(r.failures, "failures");
    QTEST(r.consecutiveErrors, "consecutive");
    QTEST(minuteOf(r.earliestPass), "earliestPass");
    QTEST(minuteOf(r.nextMeasurement), "next");
    QCOMPARE(r.scheduled, 8);
    QCOMPARE(r.measurements.size(), 8);
    QCOMPARE(r.failureLimit, failureLimit);
    QVERIFY2(!r.reason.isEmpty(), "every result says why");
}

void TestSoakAnalysis::trigger_data()
{
    QTest::addColumn<int>("forMin");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("nowMin");
    QTest::addColumn<bool>("fired");
    QTest::addColumn<int>("since");
    QTest::addColumn<int>("holdingSince");
    QTest::addColumn<bool>("active");

    QTest::newRow("held exactly for") << 5 << "hhhhhh" << 5 << true << 5 << 0 << true;
    QTest::newRow("one minute short") << 5 << "hhhhh" << 4 << false << -1 << 0 << false;
    QTest::newRow("gap breaks the run") << 5 << "hhh_hhh" << 6 << false << -1 << 4 << false;
    QTest::newRow("NaN breaks the run") << 5 << "hhhxhhh" << 6 << false << -1 << 4 << false;
    QTest::newRow("dip breaks the run") << 5 << "hhhlhhhh" << 7 << false << -1 << 4 << false;
    QTest::newRow("fired then cleared") << 5 << "lhhhhhhll" << 8 << true << 6 << -1 << false;
    QTest::newRow("for 0 fires at once") << 0 << "llh" << 2 << true << 2 << 2 << true;
    QTest::newRow("stale data is not holding") << 5 << "hhh" << 10 << false << -1 << -1 << false;
    QTest::newRow("after now ignored") << 5 << "hhhhhhhh" << 3 << false << -1 << 0 << false;
}

void TestSoakAnalysis::trigger()
{
    QFETCH(int, forMin);
    QFETCH(QString, pattern);
    QFETCH(int, nowMin);
    const TriggerInput input {trigger5m(forMin), minuteSeries(pattern), std::nullopt, seconds(60)};
    const TriggerResult r = evaluateTrigger(input, at(nowMin));
    QTEST(r.fired, "fired");
    QTEST(minuteOf(r.since), "since");
    QTEST(minuteOf(r.holdingSince), "holdingSince");
    QTEST(r.active, "active");
    QVERIFY(!r.error);
    QCOMPARE(r.threshold, std::optional<double>(5));
    QCOMPARE(r.kind, QStringLiteral("query"));
}

void TestSoakAnalysis::baseline_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("limit");
    QTest::addColumn<double>("baseline");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("passes");
    QTest::newRow("2x ratio, below") << "ratio" << 2.0 << 1.0 << 1.9 << true;
    QTest::newRow("2x ratio, equal") << "ratio" << 2.0 << 1.0 << 2.0 << true;
    QTest::newRow("2x ratio, above") << "ratio" << 2.0 << 1.0 << 2.1 << false;
    QTest::newRow("+0.1 points, within") << "increase" << 0.1 << 0.2 << 0.29 << true;
    QTest::newRow("+0.1 points, above") << "increase" << 0.1 << 0.2 << 0.31 << false;
    QTest::newRow("+10%, within") << "percent" << 10.0 << 0.2 << 0.219 << true;
    QTest::newRow("+10%, above") << "percent" << 10.0 << 0.2 << 0.221 << false;
}

void TestSoakAnalysis::baseline()
{
    QFETCH(QString, kind);
    QFETCH(double, limit);
    QFETCH(double, baseline);
    QFETCH(double, value);
    QFETCH(bool, passes);
    SoakCheckPolicy c = check15m();
    c.max.reset();
    c.baselineWindow = minutes(60);
    (kind == u"ratio"             ? c.baselineMaxRatio
            : kind == u"increase" ? c.baselineMaxIncrease
                                  : c.baselineMaxIncreasePercent)
        = limit;
    c.count = 1;
    QVERIFY(needsBaseline(c));
    const CheckInput input {c, {Reading {at(15), QueryFailure::None, value, {}}},
        Reading {kStart, QueryFailure::None, baseline, {}}};
    const CheckResult r = evaluateCheck(input, kStart, minutes(0), at(15));
    QCOMPARE(r.status, passes ? CheckStatus::Pass : CheckStatus::Fail);
    QCOMPARE(r.baseline, std::optional<double>(baseline));
    QVERIFY(r.thresholdMax.has_value());

    TriggerPolicy t = trigger5m(0);
    t.max.reset();
    t.baselineWindow = c.baselineWindow;
    t.baselineMaxRatio = c.baselineMaxRatio;
    t.baselineMaxIncrease = c.baselineMaxIncrease;
    t.baselineMaxIncreasePercent = c.baselineMaxIncreasePercent;
    QueryOutcome series = minuteSeries(QStringLiteral("l"));
    series.series[0].samples[0].value = value;
    const TriggerResult fired = evaluateTrigger(
        TriggerInput {t, series, Reading {kStart, QueryFailure::None, baseline, {}}, seconds(60)}, at(0));
    QCOMPARE(fired.fired, !passes);
}

void TestSoakAnalysis::baselineMissingIsNeverPass()
{
    SoakCheckPolicy c = check15m();
    c.max.reset();
    c.baselineWindow = minutes(60);
    c.baselineMaxRatio = 2.0;
    for (const std::optional<Reading> &baseline : {std::optional<Reading>(),
             std::optional(
                 Reading {kStart, QueryFailure::Unreachable, std::nullopt, QStringLiteral("refused")})}) {
        const CheckResult r = evaluateCheck(
            CheckInput {c, readings(QStringLiteral("pppppppp")), baseline}, kStart, minutes(120), at(120));
        QCOMPARE(r.status, CheckStatus::Inconclusive);
        QVERIFY2(r.measurements.first().detail.startsWith(QStringLiteral("baseline unavailable")),
            qPrintable(r.measurements.first().detail));
    }
    TriggerPolicy t = trigger5m();
    t.max.reset();
    t.baselineWindow = minutes(60);
    t.baselineMaxRatio = 2.0;
    const TriggerResult r = evaluateTrigger(
        TriggerInput {t, minuteSeries(QStringLiteral("hhhhhh")), std::nullopt, seconds(60)}, at(5));
    QVERIFY(r.error);
    QVERIFY(!r.fired);
}

void TestSoakAnalysis::baselineQueryAveragesTheWindow()
{
    SoakCheckPolicy c = check15m();
    QCOMPARE(baselineQuery(c), QString());
    c.baselineWindow = minutes(60);
    c.baselineMaxRatio = 2.0;
    QCOMPARE(baselineQuery(c), QStringLiteral("avg_over_time((rate5xx)[1h:1m])"));
    c.baselineQuery = QStringLiteral("stable");
    c.baselineWindow = std::chrono::hours(24);
    QCOMPARE(baselineQuery(c), QStringLiteral("avg_over_time((stable)[24h:1m])"));
}

void TestSoakAnalysis::verdict()
{
    SoakInput input;
    input.start = kStart;
    input.duration = minutes(120);
    SoakCheckPolicy slow = check15m();
    slow.name = QStringLiteral("Memory");
    slow.interval = minutes(30);
    input.checks << CheckInput {check15m(), readings(QStringLiteral("pppp")), std::nullopt}
                 << CheckInput {slow, readings(QStringLiteral("pp"), 30), std::nullopt};
    input.triggers << TriggerInput {
        trigger5m(), minuteSeries(QStringLiteral("llll")), std::nullopt, seconds(60)};

    SoakEvaluation e = evaluateSoak(input, at(60));
    QCOMPARE(e.verdict, SoakVerdict::Running);
    QCOMPARE(minuteOf(e.nextChange), 75);
    QCOMPARE(minuteOf(e.earliestPass), 120);
    QCOMPARE(e.end, at(120));

    input.checks[0].readings = readings(QStringLiteral("pppppppp"));
    input.checks[1].readings = readings(QStringLiteral("pppp"), 30);
    input.triggers[0].series = minuteSeries(QString(121, u'l'));
    e = evaluateSoak(input, at(120));
    QCOMPARE(e.verdict, SoakVerdict::Pass);

    // A trigger that fired fails the soak even when every check passed.
    QString spike(121, u'l');
    spike.replace(50, 6, QStringLiteral("hhhhhh"));
    input.triggers[0].series = minuteSeries(spike);
    e = evaluateSoak(input, at(120));
    QCOMPARE(e.verdict, SoakVerdict::Fail);
    QVERIFY2(e.reason.contains(QStringLiteral("trigger")), qPrintable(e.reason));

    // A trigger that could not be watched keeps the soak from passing.
    input.triggers[0].series
        = QueryOutcome {QueryFailure::Unreachable, QStringLiteral("refused"), {}, {}, {}};
    QCOMPARE(evaluateSoak(input, at(120)).verdict, SoakVerdict::Inconclusive);

    // FAIL as soon as one check fails, before the window ends.
    input.triggers.clear();
    input.checks[0].readings = readings(QStringLiteral("pf"));
    e = evaluateSoak(input, at(30));
    QCOMPARE(e.verdict, SoakVerdict::Fail);
    QCOMPARE(e.earliestPass, std::nullopt);
}

void TestSoakAnalysis::faultMatrixNeverPasses_data()
{
    QTest::addColumn<int>("failure");
    for (QueryFailure f : {QueryFailure::Unreachable, QueryFailure::HttpError, QueryFailure::PrometheusError,
             QueryFailure::MalformedJson, QueryFailure::EmptyResult, QueryFailure::NotFinite,
             QueryFailure::Timeout})
        QTest::newRow(qPrintable(queryFailureName(f))) << int(f);
    QTest::newRow("gap (no readings)") << -1;
}

void TestSoakAnalysis::faultMatrixNeverPasses()
{
    QFETCH(int, failure);
    for (const QString &onNoData : {QStringLiteral("inconclusive"), QStringLiteral("fail")}) {
        SoakInput input;
        input.start = kStart;
        input.duration = minutes(120);
        CheckInput check {check15m(0, 4, onNoData), {}, std::nullopt};
        // One bad measurement among good ones, and every measurement bad.
        for (const QString &pattern : {QStringLiteral("pppp?ppp"), QStringLiteral("????????")}) {
            check.readings.clear();
            for (const Reading &r : readings(QString(pattern).replace(u'?', u'p'))) {
                if (pattern.at(kStart.secsTo(r.time) / 900 - 1) == u'?' && failure >= 0)
                    check.readings << Reading {
                        r.time, QueryFailure(failure), std::nullopt, QStringLiteral("bad")};
                else if (pattern.at(kStart.secsTo(r.time) / 900 - 1) != u'?')
                    check.readings << r;
            }
            input.checks = {check};
            input.triggers = {TriggerInput {trigger5m(),
                failure >= 0 ? QueryOutcome {QueryFailure(failure), QStringLiteral("bad"), {}, {}, {}}
                             : minuteSeries(QStringLiteral("l")),
                std::nullopt, seconds(60)}};
            for (int now : {60, 120, 600}) {
                const SoakEvaluation e = evaluateSoak(input, at(now));
                QVERIFY2(e.verdict != SoakVerdict::Pass,
                    qPrintable(QStringLiteral("%1 at %2 min: %3").arg(pattern).arg(now).arg(e.reason)));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestSoakAnalysis)
#include "tst_soak_analysis.moc"
