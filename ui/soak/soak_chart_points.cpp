#include "soak_chart_points.h"

#include "downsample.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cockpit {
namespace {

qsizetype firstAtOrAfter(const QList<Sample> &samples, qint64 timeMs)
{
    return std::lower_bound(samples.cbegin(), samples.cend(), timeMs, [](const Sample &s, qint64 t) {
        return s.timeMs < t;
    }) - samples.cbegin();
}

bool beyond(double value, std::optional<double> max, std::optional<double> min)
{
    return (max && value > *max) || (min && value < *min);
}

}  // namespace

QList<QPointF> chartPoints(const QList<Sample> &samples, qint64 fromMs, qint64 toMs, int buckets)
{
    const qsizetype begin = std::max<qsizetype>(0, firstAtOrAfter(samples, fromMs) - 1);
    const qsizetype end = std::min<qsizetype>(samples.size(), firstAtOrAfter(samples, toMs + 1) + 1);
    QList<QPointF> out;
    if (begin >= end)
        return out;
    // Min/max per column rather than LTTB: a spike narrower than a pixel still reaches its height
    // on screen, and a breach must never be smoothed away.
    const QList<Sample> reduced = downsampleMinMax(samples.mid(begin, end - begin), std::max(buckets, 1));
    out.reserve(reduced.size());
    for (const Sample &s : reduced)
        out.append(QPointF(qreal(s.timeMs), s.value));
    return out;
}

QList<BreachBand> breachBands(const QList<Sample> &samples, std::optional<double> max,
    std::optional<double> min, qint64 fromMs, qint64 toMs, qint64 mergeGapMs)
{
    QList<BreachBand> bands;
    if (!max && !min)
        return bands;
    const qsizetype begin = std::max<qsizetype>(0, firstAtOrAfter(samples, fromMs) - 1);
    const qsizetype end = std::min<qsizetype>(samples.size(), firstAtOrAfter(samples, toMs + 1) + 1);
    for (qsizetype i = begin; i < end; ++i) {
        const Sample &s = samples[i];
        if (!std::isfinite(s.value) || !beyond(s.value, max, min))
            continue;
        // The last sample has no successor: give it the width of the step before it.
        const qint64 until = i + 1 < samples.size() ? samples[i + 1].timeMs
            : i > 0                                 ? s.timeMs + (s.timeMs - samples[i - 1].timeMs)
                                                    : s.timeMs + mergeGapMs;
        if (!bands.isEmpty() && s.timeMs - bands.last().toMs <= mergeGapMs)
            bands.last().toMs = std::max(bands.last().toMs, until);
        else
            bands.append({s.timeMs, until});
    }
    return bands;
}

std::pair<double, double> valueExtent(const QList<Sample> &samples, const CheckResult &check)
{
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    auto take = [&](double v) {
        if (!std::isfinite(v))
            return;
        low = std::min(low, v);
        high = std::max(high, v);
    };
    for (const Sample &s : samples)
        take(s.value);
    for (const Measurement &m : check.measurements)
        if (m.value)
            take(*m.value);
    for (const auto &bound : {check.thresholdMax, check.thresholdMin})
        if (bound)
            take(*bound);
    if (low > high)
        return {0.0, 1.0};
    return {low, high};
}

}  // namespace cockpit
