// Rollback triggers: a condition that fires once it held continuously for `for`, like an alert.
#include "soak_analysis.h"

#include <QMap>
#include <algorithm>
#include <cmath>

namespace cockpit {

namespace {

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

TriggerResult blank(const TriggerPolicy &trigger)
{
    TriggerResult result;
    result.name = trigger.name;
    result.severity = trigger.severity;
    result.action = trigger.action;
    result.kind = trigger.manual  ? QStringLiteral("manual")
        : trigger.query.isEmpty() ? QStringLiteral("probe")
                                  : QStringLiteral("query");
    return result;
}

TriggerResult cannotJudge(const TriggerPolicy &trigger, const QString &why)
{
    TriggerResult result = blank(trigger);
    result.error = true;
    result.reason = why;
    return result;
}

}  // namespace

TriggerResult evaluateCondition(const TriggerPolicy &trigger, QList<ConditionPoint> points, qint64 maxGapMs,
    const QDateTime &now, const QDateTime &from)
{
    TriggerResult result = blank(trigger);
    std::stable_sort(points.begin(), points.end(),
        [](const ConditionPoint &a, const ConditionPoint &b) { return a.timeMs < b.timeMs; });
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 fromMs = from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    const qint64 forMs = qint64(trigger.forDuration.count()) * 1000;
    std::optional<qint64> runStart;
    std::optional<qint64> previous;
    const auto endRun = [&](qint64 at) {
        // The run that fired ended: resolved at the first point it no longer held (or the gap).
        if (runStart && result.fired && !result.resolvedAt)
            result.resolvedAt = utc(at);
        runStart.reset();
    };
    for (const ConditionPoint &point : std::as_const(points)) {
        if (point.timeMs < fromMs || point.timeMs > nowMs)
            continue;
        // No data between two points means the condition was not seen holding: the run breaks.
        if (previous && point.timeMs - *previous > maxGapMs)
            endRun(*previous + maxGapMs);
        previous = point.timeMs;
        if (!point.holds) {
            endRun(point.timeMs);
            continue;
        }
        if (!runStart) {
            runStart = point.timeMs;
            result.resolvedAt.reset();  // holding again
        }
        if (!result.fired && point.timeMs - *runStart >= forMs) {
            result.fired = true;
            result.since = utc(point.timeMs);
            result.conditionSince = utc(*runStart);
        }
    }
    if (runStart && previous && nowMs - *previous > maxGapMs)
        endRun(*previous + maxGapMs);
    const bool fresh = previous && nowMs - *previous <= maxGapMs;
    if (runStart && fresh) {
        result.holdingSince = utc(*runStart);
        result.active = *previous - *runStart >= forMs;
    }
    if (result.fired)
        result.reason = QStringLiteral("fired at %1 (held for %2 s)")
                            .arg(result.since->toString(Qt::ISODate))
                            .arg(trigger.forDuration.count());
    else if (result.holdingSince)
        result.reason
            = QStringLiteral("holding since %1; fires at %2 if it keeps holding")
                  .arg(result.holdingSince->toString(Qt::ISODate),
                      result.holdingSince->addSecs(trigger.forDuration.count()).toString(Qt::ISODate));
    else
        result.reason = QStringLiteral("not holding");
    return result;
}

// A probe trigger fed by the soak monitor: one sample per probe of its environment, 1 when the
// probe failed (the condition holds), 0 when it passed; probes further apart than 1.5 probe
// intervals (input.step) are a gap.
TriggerResult evaluateProbeTrigger(const TriggerInput &input, const QDateTime &now, const QDateTime &from)
{
    QList<ConditionPoint> points;
    for (const Series &series : input.series.series)
        for (const Sample &sample : series.samples)
            points << ConditionPoint {sample.timeMs, sample.value != 0};
    if (points.isEmpty())
        return cannotJudge(input.policy, QStringLiteral("judged by the probe"));
    const qint64 maxGapMs = std::max<qint64>(1000, qint64(input.step.count()) * 1500);
    return evaluateCondition(input.policy, points, maxGapMs, now, from);
}

QueryOutcome withProbeSample(QueryOutcome series, const QDateTime &at, bool failed, const QString &environment)
{
    series.failure = QueryFailure::None;
    series.resultType = QStringLiteral("matrix");
    if (series.series.isEmpty())
        series.series << Series {{{QStringLiteral("probe"), environment}}, {}};
    QList<Sample> &samples = series.series.first().samples;
    const Sample sample {at.toMSecsSinceEpoch(), failed ? 1.0 : 0.0};
    auto it = std::lower_bound(samples.begin(), samples.end(), sample,
        [](const Sample &a, const Sample &b) { return a.timeMs < b.timeMs; });
    if (it != samples.end() && it->timeMs == sample.timeMs)
        *it = sample;
    else
        samples.insert(it, sample);
    return series;
}

QString triggerSighting(const TriggerInput &input, const TriggerResult &result, const QString &probeDetail)
{
    if (!result.fired)
        return {};
    const QString when = result.conditionSince
        ? QStringLiteral("held from %1 to %2")
              .arg(result.conditionSince->toString(Qt::ISODate), result.since->toString(Qt::ISODate))
        : QStringLiteral("fired at %1").arg(result.since->toString(Qt::ISODate));
    if (!input.policy.probe.isEmpty())
        return QStringLiteral("probe of %1 failing, %2%3")
            .arg(input.policy.probe, when, probeDetail.isEmpty() ? QString() : QStringLiteral(": ") + probeDetail);
    if (input.policy.query.isEmpty())
        return QStringLiteral("declared by a person");
    // The value at the moment it fired, against the bound in effect.
    const qint64 at = result.since->toMSecsSinceEpoch();
    std::optional<double> seen;
    for (const Series &series : input.series.series)
        for (const Sample &sample : series.samples)
            if (sample.timeMs == at && std::isfinite(sample.value)
                && (!seen || (input.policy.min ? sample.value < *seen : sample.value > *seen)))
                seen = sample.value;
    QString bound;
    if (result.threshold)
        bound = QStringLiteral(" (%1 %2)").arg(input.policy.min ? QStringLiteral("min") : QStringLiteral("max"))
                    .arg(*result.threshold);
    return QStringLiteral("%1%2, %3")
        .arg(seen ? QStringLiteral("value %1").arg(*seen) : QStringLiteral("the condition"), bound, when);
}

TriggerResult evaluateTrigger(const TriggerInput &input, const QDateTime &now, const QDateTime &from)
{
    const TriggerPolicy &trigger = input.policy;
    if (trigger.query.isEmpty() && !trigger.probe.isEmpty())
        return evaluateProbeTrigger(input, now, from);
    if (trigger.query.isEmpty())
        return cannotJudge(trigger,
            trigger.manual ? QStringLiteral("declared by a person") : QStringLiteral("judged by the probe"));
    std::optional<double> baselineValue;
    if (input.baseline && input.baseline->failure == QueryFailure::None)
        baselineValue = input.baseline->value;
    const std::optional<Threshold> threshold = resolveThreshold(trigger, baselineValue);
    if (!threshold)
        return cannotJudge(trigger,
            QStringLiteral("baseline unavailable%1")
                .arg(input.baseline && !input.baseline->message.isEmpty()
                        ? QStringLiteral(": ") + input.baseline->message
                        : QString()));
    if (!input.series.ok())
        return cannotJudge(trigger,
            QStringLiteral("%1: %2").arg(queryFailureName(input.series.failure), input.series.message));
    // Several series: the condition holds at a time when any of them breaches the bound.
    QMap<qint64, bool> holds;
    for (const Series &series : input.series.series) {
        for (const Sample &sample : series.samples) {
            if (!std::isfinite(sample.value))
                continue;  // NaN/Inf is not a sighting of the condition: a gap
            bool &slot = holds[sample.timeMs];
            slot = slot || !threshold->holds(sample.value);
        }
    }
    QList<ConditionPoint> points;
    points.reserve(holds.size());
    for (auto it = holds.cbegin(); it != holds.cend(); ++it)
        points << ConditionPoint {it.key(), it.value()};
    const qint64 maxGapMs = std::max<qint64>(1000, qint64(input.step.count()) * 1500);
    TriggerResult result = evaluateCondition(trigger, points, maxGapMs, now, from);
    result.threshold = threshold->max ? threshold->max : threshold->min;
    if (points.isEmpty()) {
        result.error = true;
        result.reason = QStringLiteral("no data");
    }
    return result;
}

}  // namespace cockpit
