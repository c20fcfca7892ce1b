#include "soak_chart.h"

#include "soak_chart_points.h"
#include "state_style.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QScatterSeries>
#include <QSet>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcSoakChart, "cockpit.ui.soakchart")

namespace cockpit {
namespace {

constexpr qint64 kHourMs = 3600 * 1000;
constexpr qint64 kMinSpanMs = 60 * 1000;  // zooming in stops at one minute
constexpr MeasurementStatus kMarkerStatuses[4]
    = {MeasurementStatus::Pass, MeasurementStatus::Fail, MeasurementStatus::Error, MeasurementStatus::NoData};

int markerIndex(MeasurementStatus status)
{
    for (int i = 0; i < 4; ++i)
        if (kMarkerStatuses[i] == status)
            return i;
    return -1;
}

QScatterSeries::MarkerShape markerShape(MeasurementStatus status)
{
    switch (status) {
    case MeasurementStatus::Fail:
        return QScatterSeries::MarkerShapeRectangle;
    case MeasurementStatus::Error:
        return QScatterSeries::MarkerShapeRotatedRectangle;
    case MeasurementStatus::NoData:
        return QScatterSeries::MarkerShapeTriangle;
    default:
        return QScatterSeries::MarkerShapeCircle;
    }
}

// 1, 2, 2.5 or 5 times a power of ten, at least x.
double niceStep(double x)
{
    if (!(x > 0))
        return 1;
    const double power = std::pow(10.0, std::floor(std::log10(x)));
    const double f = x / power;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

qint64 floorTo(qint64 t, qint64 step)
{
    return (t >= 0 ? t / step : (t - step + 1) / step) * step;
}

// Widens [from, to] to round local times so the evenly spaced ticks of QDateTimeAxis read
// 09:30, 10:00, ... Returns the range and its tick count.
std::tuple<qint64, qint64, int> alignedRange(qint64 from, qint64 to, int maxTicks)
{
    static const int kStepMinutes[] = {1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440};
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(from).offsetFromUtc()) * 1000;
    for (const int minutes : kStepMinutes) {
        const qint64 step = minutes * 60000LL;
        const qint64 a = floorTo(from + offset, step) - offset;
        const qint64 b = -floorTo(-(to + offset), step) - offset;
        const qint64 ticks = (b - a) / step + 1;
        if (ticks <= maxTicks)
            return {a, b, int(ticks)};
    }
    return {from, to, maxTicks};
}

}  // namespace

SoakChart::SoakChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setObjectName(QStringLiteral("soakChart"));
    setFocusPolicy(Qt::StrongFocus);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(210);
    // Only the data changes on a live update: the scene's cache keeps the frame from redrawing.
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    chart()->setBackgroundRoundness(0);
    chart()->setMargins(QMargins(4, 4, 4, 2));
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    buildSeries();
    applyPalette();
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(0);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SoakChart::refresh);
}

void SoakChart::buildSeries()
{
    m_axisX = new QDateTimeAxis(this);
    m_axisX->setFormat(QStringLiteral("HH:mm"));
    m_axisX->setTitleText(tr("Local time"));
    m_axisY = new QValueAxis(this);
    m_axisY->setLabelFormat(QStringLiteral("%.4g"));
    m_axisY->setTickType(QValueAxis::TicksDynamic);  // ticks on round values from 0: 0, 5, 10
    m_axisY->setTickAnchor(0);
    chart()->addAxis(m_axisX, Qt::AlignBottom);
    chart()->addAxis(m_axisY, Qt::AlignLeft);

    m_breachUpper = new QLineSeries(this);
    m_breachLower = new QLineSeries(this);
    m_breach = new QAreaSeries(m_breachUpper, m_breachLower);
    m_breach->setName(tr("Breach"));
    m_value = new QLineSeries(this);
    m_value->setName(tr("Value"));
    m_limit = new QLineSeries(this);
    m_limit->setName(tr("Limit"));
    for (int i = 0; i < 4; ++i) {
        const MeasurementStatus status = kMarkerStatuses[i];
        auto *markers = new QScatterSeries(this);
        markers->setName(measurementTitle(status));
        markers->setProperty("cockpitStatus", int(status));  // for applyPalette()
        markers->setMarkerShape(markerShape(status));
        markers->setMarkerSize(status == MeasurementStatus::Pass ? 9 : 11);
        m_markers[i] = markers;
    }
    m_missingUpper = new QLineSeries(this);
    m_missingLower = new QLineSeries(this);
    m_missingArea = new QAreaSeries(m_missingUpper, m_missingLower);
    m_missingArea->setName(tr("No samples"));
    m_lastValue = new QLineSeries(this);
    m_lastValue->setName(tr("No new samples"));
    m_breach->setParent(this);
    m_value->setParent(this);
    m_limit->setParent(this);
    m_missingArea->setParent(this);
    // The line's other runs follow the Value entry of the legend.
    connect(m_value, &QLineSeries::visibleChanged, this, [this] {
        for (QLineSeries *segment : std::as_const(m_segments))
            segment->setVisible(m_value->isVisible());
        m_lastValue->setVisible(m_value->isVisible());
    });
    syncSeries();
}

// Qt Charts gives every series a legend entry and shares the legend's width among them, shown or
// not: a series with nothing to draw leaves the chart (and its legend) until it has. A series the
// user hid from the legend stays, so its faded entry can bring it back.
void SoakChart::syncSeries()
{
    QList<QAbstractSeries *> wanted;
    auto want = [&wanted](QAbstractSeries *series, bool hasData) {
        if (hasData || !series->isVisible())
            wanted.append(series);
    };
    QSet<QAbstractSeries *> unlisted;  // drawn, but explained by another entry (Value)
    // Qt Charts cuts the labels of area series short in the legend: the bands go unlisted (the
    // annotations name a breach, the readout and the dotted last value say "no samples").
    want(m_missingArea, m_missingUpper->count() > 0);
    unlisted.insert(m_missingArea);
    want(m_breach, m_breachUpper->count() > 0);
    unlisted.insert(m_breach);
    want(m_value, true);
    for (QLineSeries *segment : std::as_const(m_segments)) {
        want(segment, segment->count() > 0 && m_value->isVisible());
        unlisted.insert(segment);
    }
    want(m_lastValue, m_lastValue->count() > 0 && m_value->isVisible());
    want(m_limit, m_limit->count() > 0);
    for (QLineSeries *line : std::as_const(m_triggerLines))
        want(line, line->count() > 0);
    for (QScatterSeries *markers : m_markers)
        want(markers, markers->count() > 0);
    if (wanted == chart()->series())
        return;
    // Re-added in a fixed order, which is also the drawing order: bands under the line, marks on top.
    for (QAbstractSeries *series : chart()->series()) {
        chart()->removeSeries(series);
        series->setParent(this);
    }
    for (QAbstractSeries *series : std::as_const(wanted)) {
        chart()->addSeries(series);
        series->attachAxis(m_axisX);
        series->attachAxis(m_axisY);
        for (QLegendMarker *marker : chart()->legend()->markers(series)) {
            if (unlisted.contains(series))
                marker->setVisible(false);
            else
                connectLegendMarker(marker);
        }
    }
}

// Legend entries toggle their series; a hidden series keeps a faded entry to bring it back.
void SoakChart::connectLegendMarker(QLegendMarker *marker)
{
    auto fade = [this, marker] {
        QColor label = palette().color(QPalette::Text);
        label.setAlphaF(marker->series()->isVisible() ? 1.0 : 0.4);
        marker->setLabelBrush(label);
        marker->setVisible(true);
    };
    fade();
    connect(marker, &QLegendMarker::clicked, this, [marker, fade] {
        marker->series()->setVisible(!marker->series()->isVisible());
        fade();
    });
}

QScatterSeries *SoakChart::measurementSeries(MeasurementStatus status) const
{
    const int index = markerIndex(status);
    return index < 0 ? nullptr : m_markers[index];
}

std::optional<double> SoakChart::limit() const
{
    return m_check.thresholdMax ? m_check.thresholdMax : m_check.thresholdMin;
}

void SoakChart::setCheck(const CheckResult &check, const QList<Sample> &samples, const QDateTime &windowStart,
    const QDateTime &windowEnd, const QDateTime &now)
{
    if (check.name != m_check.name) {
        chart()->setTitle(check.name);
        setObjectName(QStringLiteral("soakChart:") + check.name);
        setAccessibleName(tr("Soak chart: %1").arg(check.name));
    }
    m_check = check;
    m_samples = samples;
    m_gapMs = gapThresholdMs(samples);
    m_windowStartMs = windowStart.toMSecsSinceEpoch();
    m_windowEndMs = std::max(windowEnd.toMSecsSinceEpoch(), m_windowStartMs + kMinSpanMs);
    m_nowMs = now.isValid() ? now.toMSecsSinceEpoch() : m_windowEndMs;
    // Gaps, and the time after the last sample up to now (greyed while no new data comes).
    m_missing = missingSpans(samples, m_gapMs, std::min(m_nowMs, m_windowEndMs));
    // The policy's unit (a check's `unit:` key) names the value axis and follows the limit.
    const QString unit = m_check.unit;
    const QString space = unit == u"%" ? QString() : QStringLiteral(" ");
    m_axisY->setTitleText(unit.isEmpty() ? QString() : tr("Value (%1)").arg(unit));
    if (const auto bound = limit()) {
        const QString value = unit.isEmpty() ? QString::number(*bound) : QString::number(*bound) + space + unit;
        m_limit->setName(m_check.thresholdMax ? tr("Limit ≤ %1").arg(value) : tr("Limit ≥ %1").arg(value));
    }
    updateValueAxis();
    if (!m_userRange)
        applyPresetRange();
    m_refreshTimer.stop();
    refresh();
}

void SoakChart::showRange(SoakRange range)
{
    m_range = range;
    m_userRange = false;
    applyPresetRange();
    scheduleRefresh();
}

void SoakChart::setView(qint64 fromMs, qint64 toMs)
{
    if (m_userRange && fromMs == m_fromMs && toMs == m_toMs)
        return;
    applyRange(fromMs, toMs);
    m_userRange = true;
    scheduleRefresh();
}

void SoakChart::userMovedView()
{
    m_userRange = true;
    scheduleRefresh();
    emit viewChanged(m_fromMs, m_toMs);
}

std::pair<qint64, qint64> SoakChart::rangeFor(SoakRange range) const
{
    switch (range) {
    case SoakRange::SoakWindow:
        break;
    case SoakRange::LastHour:
        return {m_nowMs - kHourMs, m_nowMs};
    case SoakRange::Last6Hours:
        return {m_nowMs - 6 * kHourMs, m_nowMs};
    case SoakRange::Last24Hours:
        return {m_nowMs - 24 * kHourMs, m_nowMs};
    }
    return {m_windowStartMs, m_windowEndMs};
}

void SoakChart::applyPresetRange()
{
    const auto [from, to] = rangeFor(m_range);
    const auto [alignedFrom, alignedTo, ticks]
        = alignedRange(from, to, std::clamp(plotColumns() / 60, 3, 13));
    m_axisX->setTickCount(ticks);
    applyRange(alignedFrom, alignedTo);
}

void SoakChart::applyRange(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = std::max(toMs, fromMs + kMinSpanMs);
    // Local time on the axis; a range over a day needs the date to stay unambiguous.
    const bool long_ = m_toMs - m_fromMs > 20 * kHourMs;
    m_axisX->setFormat(long_ ? QStringLiteral("ddd HH:mm") : QStringLiteral("HH:mm"));
    m_axisX->setRange(QDateTime::fromMSecsSinceEpoch(m_fromMs), QDateTime::fromMSecsSinceEpoch(m_toMs));
}

void SoakChart::adoptAxisRange()
{
    m_fromMs = m_axisX->min().toMSecsSinceEpoch();
    m_toMs = m_axisX->max().toMSecsSinceEpoch();
    userMovedView();
}

void SoakChart::scheduleRefresh()
{
    m_refreshTimer.start();
}

int SoakChart::plotColumns() const
{
    const qreal plot = chart()->plotArea().width();
    const int width = plot > 10 ? int(plot) : viewport()->width() - 80;
    return std::clamp(width, 100, 8000);
}

void SoakChart::refresh()
{
    // The plot may have changed width since the range was chosen (a resize, the legend moving
    // beside it): the time axis takes as many ticks as fit now.
    const int ticks = std::clamp(plotColumns() / 60, 3, 13);
    if (!m_userRange && m_axisX->tickCount() > ticks)
        applyPresetRange();
    const int columns = plotColumns();
    refreshValue(columns);
    refreshMissing(columns);
    refreshLimit();
    refreshTriggerLimits();
    refreshBreaches(columns);
    refreshMarkers();
    syncSeries();
    fitLegend();
    // Lay out axes and legend now, not on a posted request: the next paint (or a grab) shows the
    // update complete instead of a frame with the new series and the old labels.
    for (QGraphicsLayout *layout : {chart()->legend()->layout(), chart()->layout()})
        if (layout)
            layout->activate();
}

void SoakChart::refreshMarkers()
{
    QList<QPointF> points[4];
    for (const Measurement &m : std::as_const(m_check.measurements)) {
        const int index = markerIndex(m.status);
        if (index < 0 || !m.time.isValid())
            continue;
        // Without a usable value the mark sits on the axis floor: the time is what matters.
        const double y = m.value && std::isfinite(*m.value) ? std::clamp(*m.value, m_yLow, m_yHigh) : m_yLow;
        points[index].append(QPointF(qreal(m.time.toMSecsSinceEpoch()), y));
    }
    for (int i = 0; i < 4; ++i)
        if (points[i] != m_markers[i]->points())
            m_markers[i]->replace(points[i]);
}

void SoakChart::updateValueAxis()
{
    auto [low, high] = valueExtent(m_samples, m_check);
    for (const TriggerLimit &t : std::as_const(m_triggerLimits)) {
        low = std::min(low, t.value);
        high = std::max(high, t.value);
    }
    low = std::min(low, 0.0);
    high = high > low ? high + (high - low) * 0.1 : low + 1;
    const double step = niceStep((high - low) / 4);
    low = std::floor(low / step) * step;
    high = std::ceil(high / step) * step;
    if (low != m_axisY->min() || high != m_axisY->max() || step != m_axisY->tickInterval()) {
        m_axisY->setRange(low, high);
        m_axisY->setTickInterval(step);
    }
    m_yLow = low;
    m_yHigh = high;
}

}  // namespace cockpit
