#include "downsample.h"

#include <cmath>

namespace cockpit {

namespace {

QList<Sample> finiteOnly(const QList<Sample> &samples)
{
    for (const Sample &sample : samples) {
        if (!std::isfinite(sample.value)) {
            QList<Sample> kept;
            kept.reserve(samples.size());
            for (const Sample &s : samples)
                if (std::isfinite(s.value))
                    kept.append(s);
            return kept;
        }
    }
    return samples;  // shared, not copied: the common case has nothing to drop
}

}  // namespace

QList<Sample> downsampleLttb(const QList<Sample> &input, int threshold)
{
    const QList<Sample> data = finiteOnly(input);
    const qsizetype n = data.size();
    if (threshold < 3 || n <= threshold)
        return data;
    const Sample *points = data.constData();
    const qint64 origin = points[0].timeMs;  // times relative to the first keep the doubles exact
    QList<Sample> out;
    out.reserve(threshold);
    out.append(points[0]);
    const double every = double(n - 2) / double(threshold - 2);
    qsizetype a = 0;
    for (int i = 0; i < threshold - 2; ++i) {
        // The average of the next bucket is the third corner of the triangles.
        qsizetype avgStart = qsizetype(std::floor((i + 1) * every)) + 1;
        qsizetype avgEnd = std::min<qsizetype>(qsizetype(std::floor((i + 2) * every)) + 1, n);
        avgStart = std::min(avgStart, n - 1);
        avgEnd = std::max(avgEnd, avgStart + 1);
        double avgX = 0;
        double avgY = 0;
        for (qsizetype j = avgStart; j < avgEnd; ++j) {
            avgX += double(points[j].timeMs - origin);
            avgY += points[j].value;
        }
        const double count = double(avgEnd - avgStart);
        avgX /= count;
        avgY /= count;
        const qsizetype from = qsizetype(std::floor(i * every)) + 1;
        const qsizetype to = std::min<qsizetype>(qsizetype(std::floor((i + 1) * every)) + 1, n - 1);
        const double ax = double(points[a].timeMs - origin);
        const double ay = points[a].value;
        double bestArea = -1;
        qsizetype best = from;
        for (qsizetype j = from; j < to; ++j) {
            const double area = std::abs((ax - avgX) * (points[j].value - ay)
                - (ax - double(points[j].timeMs - origin)) * (avgY - ay));
            if (area > bestArea) {
                bestArea = area;
                best = j;
            }
        }
        out.append(points[best]);
        a = best;
    }
    out.append(points[n - 1]);
    return out;
}

QList<Sample> downsampleMinMax(const QList<Sample> &input, int columns)
{
    const QList<Sample> data = finiteOnly(input);
    const qsizetype n = data.size();
    if (columns < 1 || n <= 2 * qsizetype(columns))
        return data;
    const Sample *points = data.constData();
    const qint64 first = points[0].timeMs;
    const double span = double(points[n - 1].timeMs - first) + 1.0;
    QList<Sample> out;
    out.reserve(2 * columns + 2);
    qsizetype i = 0;
    while (i < n) {
        const int column = int(double(points[i].timeMs - first) / span * columns);
        qsizetype lo = i;
        qsizetype hi = i;
        qsizetype j = i + 1;
        for (; j < n && int(double(points[j].timeMs - first) / span * columns) == column; ++j) {
            if (points[j].value < points[lo].value)
                lo = j;
            if (points[j].value > points[hi].value)
                hi = j;
        }
        out.append(points[std::min(lo, hi)]);
        if (lo != hi)
            out.append(points[std::max(lo, hi)]);
        i = j;
    }
    return out;
}

}  // namespace cockpit
