// Bounds, baselines, measurement times, and the readings a check takes from query answers.
#include "soak_analysis.h"

#include <QHash>
#include <algorithm>
#include <cmath>

namespace cockpit {

using std::chrono::seconds;

namespace {

template <typename Bounded> bool baselineRelative(const Bounded &bounded)
{
    return bounded.baselineMaxRatio || bounded.baselineMaxIncrease || bounded.baselineMaxIncreasePercent;
}

template <typename Bounded>
std::optional<Threshold> resolve(const Bounded &bounded, std::optional<double> baseline)
{
    if (!baselineRelative(bounded))
        return Threshold {bounded.max, bounded.min};
    if (!baseline || !std::isfinite(*baseline))
        return std::nullopt;
    if (bounded.baselineMaxRatio)
        return Threshold {*baseline * *bounded.baselineMaxRatio, std::nullopt};
    if (bounded.baselineMaxIncrease)
        return Threshold {*baseline + *bounded.baselineMaxIncrease, std::nullopt};
    return Threshold {*baseline * (1.0 + *bounded.baselineMaxIncreasePercent / 100.0), std::nullopt};
}

QString promDuration(seconds value)
{
    const qint64 s = value.count();
    if (s % 3600 == 0)
        return QStringLiteral("%1h").arg(s / 3600);
    if (s % 60 == 0)
        return QStringLiteral("%1m").arg(s / 60);
    return QStringLiteral("%1s").arg(s);
}

template <typename Bounded> QString baselineQueryOf(const Bounded &bounded)
{
    if (!baselineRelative(bounded) || !bounded.baselineWindow)
        return {};
    const QString query = bounded.baselineQuery.isEmpty() ? bounded.query : bounded.baselineQuery;
    // A 1-minute resolution keeps a 24 h window at 1,440 inner evaluations; shorter windows get
    // at least 60 points so one odd minute does not make the baseline.
    const seconds step = std::clamp(seconds(bounded.baselineWindow->count() / 60), seconds(1), seconds(60));
    return QStringLiteral("avg_over_time((%1)[%2:%3])")
        .arg(query, promDuration(*bounded.baselineWindow), promDuration(step));
}

// Upper-bounded checks (max, any baseline bound) are judged by their highest series.
bool worstIsHighest(const SoakCheckPolicy &check)
{
    return !check.min || check.max;
}

Reading worstOf(
    const QList<std::optional<double>> &values, const QDateTime &time, const SoakCheckPolicy &check)
{
    Reading reading {time, QueryFailure::None, std::nullopt, {}};
    for (const std::optional<double> &value : values) {
        if (!value)
            continue;
        if (!std::isfinite(*value)) {
            reading.failure = QueryFailure::NotFinite;
            reading.message = QStringLiteral("the query answered %1").arg(*value);
            reading.value.reset();
            return reading;
        }
        if (!reading.value || (worstIsHighest(check) ? *value > *reading.value : *value < *reading.value))
            reading.value = value;
    }
    if (!reading.value)
        reading.failure = QueryFailure::EmptyResult;
    return reading;
}

}  // namespace

bool Threshold::holds(double value) const
{
    if (!std::isfinite(value))
        return false;
    return !(max && value > *max) && !(min && value < *min);
}

bool needsBaseline(const SoakCheckPolicy &check)
{
    return baselineRelative(check);
}
bool needsBaseline(const TriggerPolicy &trigger)
{
    return baselineRelative(trigger);
}

std::optional<Threshold> resolveThreshold(const SoakCheckPolicy &check, std::optional<double> baseline)
{
    return resolve(check, baseline);
}

std::optional<Threshold> resolveThreshold(const TriggerPolicy &trigger, std::optional<double> baseline)
{
    return resolve(trigger, baseline);
}

QString baselineQuery(const SoakCheckPolicy &check)
{
    return baselineQueryOf(check);
}
QString baselineQuery(const TriggerPolicy &trigger)
{
    return baselineQueryOf(trigger);
}

int measurementCount(const SoakCheckPolicy &check, seconds soakDuration)
{
    if (check.interval.count() <= 0)
        return 0;
    if (check.count)
        return std::max(0, *check.count);
    const seconds span = check.duration.value_or(soakDuration);
    return int(span.count() / check.interval.count());
}

QList<QDateTime> measurementTimes(const SoakCheckPolicy &check, const QDateTime &start, seconds soakDuration)
{
    QList<QDateTime> times;
    const int n = measurementCount(check, soakDuration);
    times.reserve(n);
    for (int k = 1; k <= n; ++k)
        times << start.addSecs(qint64(k) * check.interval.count());
    return times;
}

QDateTime soakEnd(const QList<SoakCheckPolicy> &checks, const QDateTime &start, seconds soakDuration)
{
    QDateTime end = start.addSecs(soakDuration.count());
    for (const SoakCheckPolicy &check : checks) {
        const QDateTime last
            = start.addSecs(qint64(measurementCount(check, soakDuration)) * check.interval.count());
        end = std::max(end, last);
    }
    return end;
}

Reading readingFromInstant(const QueryOutcome &answer, const QDateTime &time, const SoakCheckPolicy &check)
{
    if (!answer.ok())
        return Reading {time, answer.failure, std::nullopt, answer.message};
    QList<std::optional<double>> values;
    for (const Series &series : answer.series)
        if (!series.samples.isEmpty())
            values << series.samples.last().value;
    return worstOf(values, time, check);
}

QList<Reading> readingsFromRange(
    const QueryOutcome &answer, const QList<QDateTime> &times, const SoakCheckPolicy &check, seconds lookback)
{
    QList<Reading> readings;
    readings.reserve(times.size());
    for (const QDateTime &time : times) {
        if (!answer.ok()) {
            readings << Reading {time, answer.failure, std::nullopt, answer.message};
            continue;
        }
        const qint64 t = time.toMSecsSinceEpoch();
        QList<std::optional<double>> values;
        for (const Series &series : answer.series) {
            // The latest sample at or before t, as an instant query at t would see it.
            auto after = std::upper_bound(series.samples.cbegin(), series.samples.cend(), t,
                [](qint64 when, const Sample &s) { return when < s.timeMs; });
            if (after == series.samples.cbegin())
                continue;
            const Sample &sample = *std::prev(after);
            if (t - sample.timeMs <= qint64(lookback.count()) * 1000)
                values << sample.value;
        }
        readings << worstOf(values, time, check);
    }
    return readings;
}

seconds maxSampleAge(const SoakCheckPolicy &check, std::optional<seconds> configured, seconds scrapeInterval)
{
    seconds age = configured.value_or(2 * scrapeInterval);
    if (check.interval.count() > 0)
        age = std::min(age, check.interval);
    return std::max(age, seconds(1));
}

Reading withFreshness(Reading reading, const QueryOutcome &freshness, seconds maxAge)
{
    if (freshness.failure == QueryFailure::EmptyResult)
        return reading;  // no `up` at all: freshness unknown, the reading stands as it is
    if (!freshness.ok()) {
        if (reading.failure == QueryFailure::None || reading.failure == QueryFailure::EmptyResult) {
            reading.failure = freshness.failure;
            reading.message = QStringLiteral("freshness query: %1").arg(freshness.message);
            reading.value.reset();
        }
        return reading;
    }
    std::optional<double> newest;
    for (const Series &series : freshness.series)
        if (!series.samples.isEmpty() && std::isfinite(series.samples.last().value))
            newest = std::max(newest.value_or(series.samples.last().value), series.samples.last().value);
    if (!newest)
        return reading;
    const QDateTime sampled = QDateTime::fromMSecsSinceEpoch(qint64(*newest * 1000.0), Qt::UTC);
    reading.sampleTime = sampled;
    const qint64 ageMs = sampled.msecsTo(reading.time);
    if (ageMs > qint64(maxAge.count()) * 1000
        && (reading.failure == QueryFailure::None || reading.failure == QueryFailure::EmptyResult)) {
        reading.failure = QueryFailure::Stale;
        reading.message = QStringLiteral("newest sample %1 s before the measurement time (max_sample_age %2 s)")
                              .arg(QString::number(double(ageMs) / 1000.0, 'f', 1))
                              .arg(maxAge.count());
        reading.value.reset();
    }
    return reading;
}

QList<QDateTime> dueMeasurements(
    const CheckInput &check, const QDateTime &start, seconds soakDuration, const QDateTime &now)
{
    QHash<qint64, const Reading *> latest;
    for (const Reading &reading : check.readings)
        latest.insert(reading.time.toMSecsSinceEpoch(), &reading);
    QList<QDateTime> due;
    for (const QDateTime &time : measurementTimes(check.policy, start, soakDuration)) {
        if (time > now)
            break;
        const Reading *reading = latest.value(time.toMSecsSinceEpoch());
        if (!reading
            || (reading->failure != QueryFailure::None && reading->failure != QueryFailure::EmptyResult))
            due << time;
    }
    return due;
}

}  // namespace cockpit
