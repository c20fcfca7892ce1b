#pragma once
// The arithmetic behind SoakChart, kept apart from the widget so the benchmark and the tests can
// run it alone: the visible slice of a series reduced to the plot's pixel columns, the bands where
// a series is beyond its limit, and the value range the y axis must show.
#include "soak_types.h"

#include <QList>
#include <QPointF>
#include <optional>

namespace cockpit {

// Finite samples in [fromMs, toMs] plus one neighbour either side (so the line reaches the plot's
// edges), reduced to at most `buckets` columns keeping each column's extremes.
QList<QPointF> chartPoints(const QList<Sample> &samples, qint64 fromMs, qint64 toMs, int buckets);

struct BreachBand {
    qint64 fromMs = 0;
    qint64 toMs = 0;
};

// Spans within [fromMs, toMs] where the series is beyond max or min: a breaching sample holds until
// the next sample. Bands closer than mergeGapMs (one pixel) merge so a noisy series stays few bands.
QList<BreachBand> breachBands(const QList<Sample> &samples, std::optional<double> max,
    std::optional<double> min, qint64 fromMs, qint64 toMs, qint64 mergeGapMs);

// Lowest and highest finite value among the samples, the measured values and the bounds.
std::pair<double, double> valueExtent(const QList<Sample> &samples, const CheckResult &check);

}  // namespace cockpit
