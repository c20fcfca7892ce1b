#pragma once
// Thinning a series before it reaches a chart: 11,000 samples drawn into 1,500 pixels look the
// same as 1,500 well-chosen ones and cost a seventh. Non-finite values are dropped (a chart
// cannot draw them).
#include "soak_types.h"

namespace cockpit {

// Largest-Triangle-Three-Buckets (Steinarsson 2013): `threshold` points that keep the shape,
// spikes included, first and last kept. Fewer input points than threshold (or threshold < 3) are returned as
// they are.
[[nodiscard]] QList<Sample> downsampleLttb(const QList<Sample> &samples, int threshold);

// Per pixel column of the time range, the minimum and the maximum in time order (at most
// 2 * columns points): every excursion stays visible, as a vertical stroke.
[[nodiscard]] QList<Sample> downsampleMinMax(const QList<Sample> &samples, int columns);

}  // namespace cockpit
