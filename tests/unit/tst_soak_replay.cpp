// Recorded soaks: replay against edited thresholds, the JSON form and its field-named errors,
// live evaluation agreeing with the retrospective one, and readings taken from range answers.
#include "soak_recording.h"

#include <QJsonArray>
#include <QJsonDocument>
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

// A 2-hour range answer at 1-minute steps: 0.2 everywhere, 0.8 from minute 40 to 50, and a
// second series that stays at 0.1 (the worst series decides).
QueryOutcome rangeAnswer()
{
    Series high {{{QStringLiteral("instance"), QStringLiteral("a")}}, {}};
    Series low {{{QStringLiteral("instance"), QStringLiteral("b")}}, {}};
    for (int m = 0; m <= 120; ++m) {
        high.samples << Sample {at(m).toMSecsSinceEpoch(), m >= 40 && m <= 50 ? 0.8 : 0.2};
        low.samples << Sample {at(m).toMSecsSinceEpoch(), 0.1};
    }
    return QueryOutcome {QueryFailure::None, {}, QStringLiteral("matrix"), {high, low}, {}};
}

SoakCheckPolicy check(double max, int intervalMinutes = 15)
{
    SoakCheckPolicy c;
    c.name = QStringLiteral("HTTP 5xx rate");
    c.query = QStringLiteral("rate5xx");
    c.max = max;
    c.interval = minutes(intervalMinutes);
    return c;
}

TriggerPolicy trigger(double max)
{
    TriggerPolicy t;
    t.name = QStringLiteral("5xx spike");
    t.query = QStringLiteral("rate5xx");
    t.max = max;
    t.forDuration = minutes(5);
    t.severity = QStringLiteral("S1");
    return t;
}

SoakRecording recording()
{
    SoakRecording rec;
    rec.environment = QStringLiteral("staging");
    rec.version = QStringLiteral("3.7.0");
    rec.start = kStart;
    rec.duration = minutes(120);
    rec.recordedAt = at(120);
    RecordedCheck c;
    c.policy = check(0.5);
    c.series = rangeAnswer();
    c.readings = readingsFromRange(c.series, measurementTimes(c.policy, kStart, rec.duration), c.policy);
    c.baseline = Reading {kStart, QueryFailure::None, 0.2, {}};
    rec.checks << c;
    RecordedTrigger t;
    t.policy = trigger(0.5);
    t.series = rangeAnswer();
    rec.triggers << t;
    return rec;
}

}  // namespace

class TestSoakReplay : public QObject {
    Q_OBJECT

private slots:
    void rangeReadingsPickWorstSeriesWithinLookback();
    void instantReadings();
    void replayWithEditedThresholdsChangesTheVerdict();
    void replayWithANewScheduleUsesTheRecordedSeries();
    void recordingRoundTrips();
    void recordingErrorsNameTheField_data();
    void recordingErrorsNameTheField();
    void liveAgreesWithRetrospective();
};

void TestSoakReplay::rangeReadingsPickWorstSeriesWithinLookback()
{
    QueryOutcome answer = rangeAnswer();
    const SoakCheckPolicy c = check(0.5);
    const QList<Reading> r = readingsFromRange(answer, {at(45), at(90), at(200)}, c);
    QCOMPARE(r.at(0).value, std::optional<double>(0.8));
    QCOMPARE(r.at(1).value, std::optional<double>(0.2));
    QCOMPARE(r.at(2).failure, QueryFailure::EmptyResult);  // 80 min after the last sample
    SoakCheckPolicy lower = c;
    lower.max.reset();
    lower.min = 0.05;
    QCOMPARE(readingsFromRange(answer, {at(45)}, lower).first().value, std::optional<double>(0.1));
    // A sample 4 minutes old is still seen (5-minute lookback); a failed answer fails each time.
    answer.series.removeLast();
    answer.series[0].samples.remove(85, 4);  // minutes 85..88
    QCOMPARE(readingsFromRange(answer, {at(88)}, c).first().value, std::optional<double>(0.2));
    const QueryOutcome down {QueryFailure::Unreachable, QStringLiteral("refused"), {}, {}, {}};
    QCOMPARE(readingsFromRange(down, {at(15)}, c).first().failure, QueryFailure::Unreachable);
}

void TestSoakReplay::instantReadings()
{
    const SoakCheckPolicy c = check(0.5);
    QueryOutcome answer {QueryFailure::None, {}, QStringLiteral("vector"),
        {Series {{}, {Sample {0, 0.3}}}, Series {{}, {Sample {0, 0.4}}}}, {}};
    QCOMPARE(readingFromInstant(answer, at(15), c).value, std::optional<double>(0.4));
    answer.series[1].samples[0].value = std::numeric_limits<double>::infinity();
    QCOMPARE(readingFromInstant(answer, at(15), c).failure, QueryFailure::NotFinite);
    answer.series.clear();
    QCOMPARE(readingFromInstant(answer, at(15), c).failure, QueryFailure::EmptyResult);
}

void TestSoakReplay::replayWithEditedThresholdsChangesTheVerdict()
{
    const SoakRecording rec = recording();
    const SoakEvaluation recorded = evaluateRecording(rec);
    QCOMPARE(recorded.verdict, SoakVerdict::Fail);  // 0.8 at minute 45 > 0.5, and the trigger fired
    QCOMPARE(recorded.checks.first().failures, 1);

    const SoakEvaluation looser = replaySoak(rec, {check(1.0)}, {trigger(1.0)});
    QCOMPARE(looser.verdict, SoakVerdict::Pass);
    const SoakEvaluation tolerant = replaySoak(rec, {[] {
        SoakCheckPolicy c = check(0.5);
        c.failureLimit = 1;
        return c;
    }()},
        {trigger(1.0)});
    QCOMPARE(tolerant.verdict, SoakVerdict::Pass);
    // A check that was never recorded has no data: never a PASS.
    SoakCheckPolicy other = check(1.0);
    other.name = QStringLiteral("Memory usage");
    QCOMPARE(replaySoak(rec, {check(1.0), other}, {}).verdict, SoakVerdict::Inconclusive);
}

void TestSoakReplay::replayWithANewScheduleUsesTheRecordedSeries()
{
    const SoakRecording rec = recording();
    // Every 10 minutes: minute 40 and 50 now land inside the spike.
    const SoakEvaluation e = replaySoak(rec, {[] {
        SoakCheckPolicy c = check(0.5, 10);
        c.failureLimit = 1;
        return c;
    }()},
        {});
    QCOMPARE(e.checks.first().scheduled, 12);
    QCOMPARE(e.checks.first().failures, 2);
    QCOMPARE(e.verdict, SoakVerdict::Fail);
}

void TestSoakReplay::recordingRoundTrips()
{
    SoakRecording rec = recording();
    rec.checks[0].series.series[0].samples[3].value = std::numeric_limits<double>::quiet_NaN();
    rec.checks[0].series.series[0].samples[4].value = -std::numeric_limits<double>::infinity();
    rec.checks[0].policy.onNoData = QStringLiteral("fail");
    rec.checks[0].policy.unit = QStringLiteral("ms");
    rec.triggers[0].policy.baselineWindow = minutes(60);
    rec.triggers[0].policy.baselineMaxIncreasePercent = 10;
    const QByteArray json = QJsonDocument(soakRecordingToJson(rec)).toJson(QJsonDocument::Compact);
    const Result<SoakRecording> back = parseSoakRecording(json);
    QVERIFY2(back, back ? "" : qPrintable(back.error().message));
    QCOMPARE(back->environment, rec.environment);
    QCOMPARE(back->start, rec.start);
    QCOMPARE(back->recordedAt, rec.recordedAt);
    QCOMPARE(back->duration, rec.duration);
    QCOMPARE(back->checks.first().readings, rec.checks.first().readings);
    QCOMPARE(back->checks.first().baseline, rec.checks.first().baseline);
    QCOMPARE(back->checks.first().policy.onNoData, QStringLiteral("fail"));
    QCOMPARE(back->checks.first().policy.unit, QStringLiteral("ms"));
    QVERIFY(std::isnan(back->checks.first().series.series[0].samples[3].value));
    QCOMPARE(
        back->checks.first().series.series[0].samples[4].value, -std::numeric_limits<double>::infinity());
    QCOMPARE(back->checks.first().series.series[1], rec.checks.first().series.series[1]);
    QCOMPARE(back->triggers.first().policy.baselineMaxIncreasePercent, std::optional<double>(10));
    QCOMPARE(evaluateRecording(*back).verdict, evaluateRecording(rec).verdict);
}

void TestSoakReplay::recordingErrorsNameTheField_data()
{
    QTest::addColumn<QString>("path");  // a key path to damage, '/'-separated
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("start") << "start" << QJsonValue(QStringLiteral("yesterday"))
                           << "start: expected an RFC 3339 time";
    QTest::newRow("format") << "format" << QJsonValue(2) << "format: format 2 is not supported (expected 1)";
    QTest::newRow("reading time") << "checks/0/readings/5/time" << QJsonValue(5)
                                  << "checks[0].readings[5].time: expected a string";
    QTest::newRow("failure token") << "checks/0/readings/2/failure" << QJsonValue(QStringLiteral("oops"))
                                   << "checks[0].readings[2].failure: unknown failure \"oops\"";
    QTest::newRow("on_no_data") << "checks/0/policy/on_no_data" << QJsonValue(QStringLiteral("pass"))
                                << "checks[0].policy.on_no_data: expected inconclusive or fail";
    QTest::newRow("sample") << "triggers/0/series/series/1/samples/7" << QJsonValue(QStringLiteral("x"))
                            << "triggers[0].series.series[1].samples[7]: expected [unix_ms, value]";
}

static QJsonValue damaged(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        array[key.toInt()] = damaged(array.at(key.toInt()), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    object[key] = damaged(object.value(key), path, value);
    return object;
}

void TestSoakReplay::recordingErrorsNameTheField()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    const QJsonObject json = damaged(soakRecordingToJson(recording()), path.split(u'/'), value).toObject();
    const Result<SoakRecording> r = soakRecordingFromJson(json);
    QVERIFY(!r);
    QTEST(r.error().message, "message");
    QCOMPARE(r.error().code, ErrorCode::BadInput);
    QVERIFY(!parseSoakRecording("{\"format\": 1,"));
}

void TestSoakReplay::liveAgreesWithRetrospective()
{
    const SoakRecording rec = recording();
    const QueryOutcome range = rec.checks.first().series;
    SoakCheckPolicy policy = check(0.5);
    policy.failureLimit = 1;
    CheckInput live {policy, {}, std::nullopt};
    CheckResult last;
    // Live: every minute, query what is due as an instant query at its time would have answered.
    for (int m = 0; m <= 125; ++m) {
        for (const QDateTime &due : dueMeasurements(live, kStart, rec.duration, at(m))) {
            QueryOutcome instant = range;
            for (Series &s : instant.series)
                s.samples = {s.samples.at(int(kStart.secsTo(due) / 60))};
            live.readings << readingFromInstant(instant, due, policy);
        }
        last = evaluateCheck(live, kStart, rec.duration, at(m));
        QVERIFY(last.status != CheckStatus::Fail);
    }
    const CheckInput retro {policy,
        readingsFromRange(range, measurementTimes(policy, kStart, rec.duration), policy), std::nullopt};
    const CheckResult past = evaluateCheck(retro, kStart, rec.duration, at(125));
    QCOMPARE(last.status, CheckStatus::Pass);
    QCOMPARE(past.status, last.status);
    QCOMPARE(past.failures, last.failures);
    QCOMPARE(past.measurements.size(), last.measurements.size());
    for (qsizetype i = 0; i < past.measurements.size(); ++i) {
        QCOMPARE(past.measurements.at(i).value, last.measurements.at(i).value);
        QCOMPARE(past.measurements.at(i).status, last.measurements.at(i).status);
    }
}

QTEST_GUILESS_MAIN(TestSoakReplay)
#include "tst_soak_replay.moc"
