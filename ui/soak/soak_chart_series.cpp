// SoakChart's series from its data: the line as one series per unbroken run of samples, the
// limit, and the breach bands, each replaced in one call with points reduced to the plot's width.
#include "soak_chart.h"

#include "soak_chart_points.h"

#include <QAreaSeries>
#include <QLineSeries>
#include <algorithm>

namespace cockpit {
namespace {

constexpr qint64 kHourMs = 3600 * 1000;

}  // namespace

// One series per unbroken run of samples: an outage is a gap, never a line drawn across it.
void SoakChart::refreshValue(int columns)
{
    // Half a view of margin either side: a pan shows data at once, before the next refresh.
    const qint64 span = m_toMs - m_fromMs;
    const qint64 from = m_fromMs - span / 2;
    const qint64 to = m_toMs + span / 2;
    QList<QList<QPointF>> lines;
    for (const SampleRun &run : unbrokenRuns(m_samples, m_gapMs)) {
        const qint64 runFrom = m_samples[run.begin].timeMs;
        const qint64 runTo = m_samples[run.end - 1].timeMs;
        if (runTo < from || runFrom > to)
            continue;
        // Each run its share of the columns (at least two points' worth).
        const qint64 shown = std::min(runTo, to) - std::max(runFrom, from);
        const int buckets = std::max(2, int(double(columns * 2) * double(shown) / double(std::max<qint64>(1, to - from))));
        lines.append(chartPoints(m_samples.mid(run.begin, run.end - run.begin), from, to, buckets));
    }
    m_value->replace(lines.isEmpty() ? QList<QPointF>() : lines.takeFirst());
    while (m_segments.size() < lines.size()) {
        auto *segment = new QLineSeries(this);
        segment->setName(m_value->name());
        segment->setPen(m_value->pen());
        segment->setVisible(m_value->isVisible());
        m_segments.append(segment);
    }
    for (qsizetype i = 0; i < m_segments.size(); ++i) {
        const QList<QPointF> points = i < lines.size() ? lines[i] : QList<QPointF>();
        if (points != m_segments[i]->points())
            m_segments[i]->replace(points);
    }
}

void SoakChart::refreshLimit()
{
    const auto bound = limit();
    QList<QPointF> line;
    if (bound) {
        const qint64 from = std::min(m_fromMs, m_windowStartMs) - 24 * kHourMs;
        const qint64 to = std::max(m_toMs, m_nowMs) + 24 * kHourMs;
        line = {QPointF(qreal(from), *bound), QPointF(qreal(to), *bound)};
    }
    if (line != m_limit->points())
        m_limit->replace(line);
}

void SoakChart::refreshBreaches(int columns)
{
    const qint64 span = m_toMs - m_fromMs;
    const QList<BreachBand> bands = breachBands(m_samples, m_check.thresholdMax, m_check.thresholdMin,
        m_fromMs - span / 2, m_toMs + span / 2, std::max<qint64>(1, span / columns));
    QList<QPointF> upper;
    upper.reserve(bands.size() * 4);
    for (const BreachBand &band : bands) {
        upper << QPointF(qreal(band.fromMs), m_yLow) << QPointF(qreal(band.fromMs), m_yHigh)
              << QPointF(qreal(band.toMs), m_yHigh) << QPointF(qreal(band.toMs), m_yLow);
    }
    QList<QPointF> lower;
    if (!upper.isEmpty())
        lower = {QPointF(upper.first().x(), m_yLow), QPointF(upper.last().x(), m_yLow)};
    m_breachUpper->replace(upper);
    m_breachLower->replace(lower);
}

}  // namespace cockpit
