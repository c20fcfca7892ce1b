// The recording's JSON form (store, evidence pack, demo data). Reading is strict and every error
// names the field, so a hand-edited or truncated recording says where it went wrong.
#include "soak_recording.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>
#include <limits>

namespace cockpit {

namespace {

using std::chrono::seconds;

QJsonValue valueToJson(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return value;
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

void putOptional(QJsonObject &object, const QString &key, const std::optional<double> &value)
{
    if (value)
        object.insert(key, *value);
}

template <typename Bounded> void putBound(QJsonObject &object, const Bounded &policy)
{
    putOptional(object, QStringLiteral("max"), policy.max);
    putOptional(object, QStringLiteral("min"), policy.min);
    if (!policy.baselineWindow)
        return;
    QJsonObject baseline {{QStringLiteral("window"), double(policy.baselineWindow->count())}};
    putOptional(baseline, QStringLiteral("max_ratio"), policy.baselineMaxRatio);
    putOptional(baseline, QStringLiteral("max_increase"), policy.baselineMaxIncrease);
    putOptional(baseline, QStringLiteral("max_increase_percent"), policy.baselineMaxIncreasePercent);
    if (!policy.baselineQuery.isEmpty())
        baseline.insert(QStringLiteral("query"), policy.baselineQuery);
    object.insert(QStringLiteral("baseline"), baseline);
}

QJsonObject checkPolicyToJson(const SoakCheckPolicy &policy)
{
    QJsonObject json {{QStringLiteral("name"), policy.name}, {QStringLiteral("query"), policy.query},
        {QStringLiteral("interval"), double(policy.interval.count())},
        {QStringLiteral("failure_limit"), policy.failureLimit},
        {QStringLiteral("consecutive_error_limit"), policy.consecutiveErrorLimit},
        {QStringLiteral("on_no_data"), policy.onNoData}};
    putBound(json, policy);
    if (!policy.unit.isEmpty())
        json.insert(QStringLiteral("unit"), policy.unit);
    if (policy.count)
        json.insert(QStringLiteral("count"), *policy.count);
    if (policy.duration)
        json.insert(QStringLiteral("duration"), double(policy.duration->count()));
    return json;
}

QJsonObject triggerPolicyToJson(const TriggerPolicy &policy)
{
    QJsonObject json {{QStringLiteral("name"), policy.name}, {QStringLiteral("query"), policy.query},
        {QStringLiteral("for"), double(policy.forDuration.count())},
        {QStringLiteral("severity"), policy.severity}, {QStringLiteral("probe"), policy.probe},
        {QStringLiteral("manual"), policy.manual}, {QStringLiteral("action"), policy.action}};
    if (policy.automatic)
        json.insert(QStringLiteral("automatic"), true);
    putBound(json, policy);
    return json;
}

QJsonObject outcomeToJson(const QueryOutcome &outcome)
{
    QJsonArray series;
    for (const Series &s : outcome.series) {
        QJsonObject labels;
        for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it)
            labels.insert(it.key(), it.value());
        QJsonArray samples;
        for (const Sample &sample : s.samples)
            samples.append(QJsonArray {double(sample.timeMs), valueToJson(sample.value)});
        series.append(QJsonObject {{QStringLiteral("labels"), labels}, {QStringLiteral("samples"), samples}});
    }
    return QJsonObject {{QStringLiteral("failure"), queryFailureName(outcome.failure)},
        {QStringLiteral("message"), outcome.message}, {QStringLiteral("result_type"), outcome.resultType},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(outcome.warnings)},
        {QStringLiteral("series"), series}};
}

QJsonObject readingToJson(const Reading &reading)
{
    QJsonObject json {{QStringLiteral("time"), timeText(reading.time)},
        {QStringLiteral("failure"), queryFailureName(reading.failure)}};
    if (reading.value)
        json.insert(QStringLiteral("value"), valueToJson(*reading.value));
    if (!reading.message.isEmpty())
        json.insert(QStringLiteral("message"), reading.message);
    if (reading.sampleTime)
        json.insert(QStringLiteral("sample_time"), timeText(*reading.sampleTime));
    return json;
}

}  // namespace

QJsonObject soakRecordingToJson(const SoakRecording &recording)
{
    QJsonArray checks;
    for (const RecordedCheck &check : recording.checks) {
        QJsonArray readings;
        for (const Reading &reading : check.readings)
            readings.append(readingToJson(reading));
        QJsonObject json {{QStringLiteral("policy"), checkPolicyToJson(check.policy)},
            {QStringLiteral("series"), outcomeToJson(check.series)}, {QStringLiteral("readings"), readings}};
        if (check.baseline)
            json.insert(QStringLiteral("baseline"), readingToJson(*check.baseline));
        checks.append(json);
    }
    QJsonArray triggers;
    for (const RecordedTrigger &trigger : recording.triggers) {
        QJsonObject json {{QStringLiteral("policy"), triggerPolicyToJson(trigger.policy)},
            {QStringLiteral("series"), outcomeToJson(trigger.series)},
            {QStringLiteral("step"), double(trigger.step.count())}};
        if (trigger.baseline)
            json.insert(QStringLiteral("baseline"), readingToJson(*trigger.baseline));
        triggers.append(json);
    }
    QJsonObject json {{QStringLiteral("format"), SoakRecording::kFormat},
        {QStringLiteral("environment"), recording.environment},
        {QStringLiteral("version"), recording.version}, {QStringLiteral("start"), timeText(recording.start)},
        {QStringLiteral("duration"), double(recording.duration.count())},
        {QStringLiteral("recorded_at"), timeText(recording.recordedAt)}, {QStringLiteral("checks"), checks},
        {QStringLiteral("triggers"), triggers}};
    if (recording.whatIf)
        json.insert(QStringLiteral("what_if"), true);
    return json;
}

}  // namespace cockpit
