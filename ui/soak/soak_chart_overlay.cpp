// What SoakChart draws besides the line (issue 18 item 3): the spans without samples (gaps and
// the greyed time after the last sample), the thresholds of triggers on the check's query, the
// annotated events (deploy, breach, trigger fired and resolved) and the crosshair with its readout
// of every series at that time. The arithmetic is models/soak/soak_timeline.h.
#include "soak_chart.h"

#include "state_style.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace cockpit {
namespace {

QString valueText(double value, const QString &unit)
{
    const QString number = QString::number(value, 'g', 4);
    if (unit.isEmpty())
        return number;
    return unit == u"%" ? number + unit : number + QLatin1Char(' ') + unit;
}

QColor eventColor(SoakEventKind kind, const QPalette &pal)
{
    switch (kind) {
    case SoakEventKind::Deploy:
        return readableColor(QColor(0x6a, 0x4c, 0x93), pal);
    case SoakEventKind::Breach:
    case SoakEventKind::TriggerFired:
        return failureColor(pal);
    case SoakEventKind::TriggerResolved:
        return itemStateColor(ItemState::Done, pal);
    }
    return pal.color(QPalette::Text);
}

QString eventLabel(const SoakEvent &event)
{
    switch (event.kind) {
    case SoakEventKind::Deploy:  // the soak's start: a deployment, or a canary phase (its subject)
        return event.subject.isEmpty() ? SoakChart::tr("Deploy") : event.subject;
    case SoakEventKind::Breach:
        return SoakChart::tr("Breach");
    case SoakEventKind::TriggerFired:
        return SoakChart::tr("⚑ %1 fired").arg(event.subject);
    case SoakEventKind::TriggerResolved:
        return SoakChart::tr("%1 resolved").arg(event.subject);
    }
    return {};
}

}  // namespace

void SoakChart::setOverlay(const QList<SoakEvent> &events, const QList<TriggerLimit> &triggerLimits)
{
    m_events = events;
    m_triggerLimits = triggerLimits;
    viewport()->update();
}

QList<QLineSeries *> SoakChart::valueSegments() const
{
    QList<QLineSeries *> out;
    if (m_value->count() > 0)
        out.append(m_value);
    for (QLineSeries *segment : m_segments)
        if (segment->count() > 0)
            out.append(segment);
    return out;
}

QList<QLineSeries *> SoakChart::triggerLimitSeries() const
{
    QList<QLineSeries *> out;
    for (QLineSeries *line : m_triggerLines)
        if (line->count() > 0)
            out.append(line);
    return out;
}

QPoint SoakChart::viewportPoint(qint64 timeMs, double value) const
{
    const QPointF inChart = chart()->mapToPosition(QPointF(qreal(timeMs), value), m_value);
    return mapFromScene(chart()->mapToScene(inChart));
}

// Grey bands over the spans without samples; after the last sample, while none come, the last
// value goes on as a grey dotted line: the data stays, marked as old.
void SoakChart::refreshMissing(int columns)
{
    const qint64 span = m_toMs - m_fromMs;
    const qint64 merge = std::max<qint64>(1, span / std::max(columns, 1));
    QList<QPointF> upper;
    for (const TimeSpan &gap : std::as_const(m_missing)) {
        if (gap.toMs < m_fromMs - span / 2 || gap.fromMs > m_toMs + span / 2)
            continue;
        const qint64 to = std::max(gap.toMs, gap.fromMs + merge);
        upper << QPointF(qreal(gap.fromMs), m_yLow) << QPointF(qreal(gap.fromMs), m_yHigh)
              << QPointF(qreal(to), m_yHigh) << QPointF(qreal(to), m_yLow);
    }
    QList<QPointF> lower;
    if (!upper.isEmpty())
        lower = {QPointF(upper.first().x(), m_yLow), QPointF(upper.last().x(), m_yLow)};
    if (upper != m_missingUpper->points()) {
        m_missingUpper->replace(upper);
        m_missingLower->replace(lower);
    }
    QList<QPointF> last;
    if (!m_missing.isEmpty() && !m_samples.isEmpty()) {
        const TimeSpan &tail = m_missing.last();
        const std::optional<Sample> lastSample = sampleAt(m_samples, tail.fromMs, 0);
        if (lastSample && tail.toMs > tail.fromMs && lastSample->timeMs == m_samples.last().timeMs)
            last = {QPointF(qreal(tail.fromMs), lastSample->value), QPointF(qreal(tail.toMs), lastSample->value)};
    }
    if (last != m_lastValue->points())
        m_lastValue->replace(last);
}

void SoakChart::refreshTriggerLimits()
{
    while (m_triggerLines.size() < m_triggerLimits.size()) {
        auto *line = new QLineSeries(this);
        QPen pen(readableColor(QColor(0xc2, 0x41, 0x0c), palette()), 1.5, Qt::DashDotLine);
        line->setPen(pen);
        m_triggerLines.append(line);
    }
    const qint64 from = std::min(m_fromMs, m_windowStartMs) - 24 * 3600 * 1000LL;
    const qint64 to = std::max(m_toMs, m_nowMs) + 24 * 3600 * 1000LL;
    for (qsizetype i = 0; i < m_triggerLines.size(); ++i) {
        QList<QPointF> points;
        if (i < m_triggerLimits.size()) {
            const TriggerLimit &t = m_triggerLimits[i];
            points = {QPointF(qreal(from), t.value), QPointF(qreal(to), t.value)};
            // The legend says what the line is; the crosshair's readout names the trigger.
            m_triggerLines[i]->setName(tr("Trigger %1 %2").arg(t.max ? QStringLiteral(">") : QStringLiteral("<"),
                valueText(t.value, m_check.unit)));
        }
        if (points != m_triggerLines[i]->points())
            m_triggerLines[i]->replace(points);
    }
}

int SoakChart::legendWidthNeeded() const
{
    // Every visible entry in one row: its marker, the label in full, and the gaps around them
    // (a little more than Qt Charts takes, so a row that is accepted is never elided).
    const QFontMetrics fm(chart()->legend()->font());
    int width = 16;
    for (QLegendMarker *marker : chart()->legend()->markers())
        if (marker->isVisible())
            width += fm.horizontalAdvance(marker->label()) + fm.height() + 20;
    return width;
}

bool SoakChart::legendElided() const
{
    // Below the plot the row must hold every entry in full; beside it, the column must be as wide
    // as Qt's preferred width (its widest entry).
    const QLegend *legend = chart()->legend();
    const qreal width = legend->geometry().width() + 0.5;
    if (legend->alignment() == Qt::AlignBottom || legend->alignment() == Qt::AlignTop)
        return width < legendWidthNeeded() - 16;
    return width < legend->effectiveSizeHint(Qt::PreferredSize).width();
}

// Qt Charts elides legend labels that do not fit one row: rather than "Bre…" the legend moves
// beside the plot, one entry a line, where every label is whole.
void SoakChart::fitLegend()
{
    QLegend *legend = chart()->legend();
    const int available = int(chart()->size().width()) - 16;
    const Qt::Alignment wanted = legendWidthNeeded() <= available ? Qt::AlignBottom : Qt::AlignRight;
    if (legend->alignment() == wanted)
        return;
    legend->setAlignment(wanted);
    // Laid out now: the next paint (or a grab) has the legend where it belongs.
    for (QGraphicsLayout *layout : {legend->layout(), chart()->layout()})
        if (layout)
            layout->activate();
    // The plot changed width: the time axis takes as many ticks as now fit.
    if (!m_userRange)
        applyPresetRange();
    else
        m_axisX->setTickCount(std::clamp(plotColumns() / 60, 3, 13));
    scheduleRefresh();
}

void SoakChart::setCrosshair(std::optional<qint64> timeMs)
{
    if (timeMs == m_crosshairMs)
        return;
    m_crosshairMs = timeMs;
    viewport()->update();
}

QStringList SoakChart::readout() const
{
    if (!m_crosshairMs)
        return {};
    const qint64 t = *m_crosshairMs;
    QStringList lines;
    lines << QDateTime::fromMSecsSinceEpoch(t).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    const std::optional<Sample> sample = sampleAt(m_samples, t, m_gapMs);
    lines << (sample ? tr("Value %1").arg(valueText(sample->value, m_check.unit)) : tr("Value: no samples"));
    if (limit())
        lines << m_limit->name();
    for (const TriggerLimit &t : std::as_const(m_triggerLimits))
        lines << tr("Trigger %1 %2 %3")
                     .arg(t.name, t.max ? QStringLiteral(">") : QStringLiteral("<"), valueText(t.value, m_check.unit));
    // A measurement within a few pixels (or one step of the data) of the crosshair.
    const qint64 tolerance = std::max<qint64>(m_gapMs / 2, (m_toMs - m_fromMs) / std::max(plotColumns(), 1) * 4);
    if (const auto m = measurementNear(m_check.measurements, t, tolerance)) {
        const QString when = m->time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        lines << tr("%1 at %2: %3").arg(measurementTitle(m->status), when, m->detail);
    }
    return lines;
}

void SoakChart::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
    if (plot.width() < 2)
        return;
    painter->save();
    // Axis-parallel lines and boxes: no antialiasing (it costs more than the series themselves).
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setClipRect(plot.adjusted(0, -1, 0, 1), Qt::IntersectClip);
    drawEvents(painter, plot);
    drawCrosshair(painter, plot);
    painter->restore();
}

// A vertical line per event with its label along the plot's top; labels that would overlap go on
// the next of three rows.
void SoakChart::drawEvents(QPainter *painter, const QRectF &plot)
{
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    const QFontMetrics fm(small);
    qreal rowEnd[3] = {-1e9, -1e9, -1e9};
    for (const SoakEvent &event : std::as_const(m_events)) {
        if (event.timeMs < m_fromMs || event.timeMs > m_toMs)
            continue;
        const qreal x = chart()->mapToScene(chart()->mapToPosition(QPointF(qreal(event.timeMs), m_yLow), m_value)).x();
        const QColor color = eventColor(event.kind, palette());
        const bool strong = event.kind == SoakEventKind::TriggerFired || event.kind == SoakEventKind::Deploy;
        painter->setPen(QPen(color, strong ? 1.5 : 1, event.kind == SoakEventKind::Deploy ? Qt::DashLine : Qt::SolidLine));
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        // A long trigger name is shortened here (the banner and the readout have it in full).
        const QString label = fm.elidedText(eventLabel(event), Qt::ElideMiddle, int(plot.width() * 0.45));
        const int width = fm.horizontalAdvance(label) + 6;
        qreal left = std::min(x + 2, plot.right() - width);
        int row = 0;
        while (row < 2 && left < rowEnd[row] + 2)
            ++row;
        rowEnd[row] = left + width;
        const QRectF box(left, plot.top() + 1 + row * (fm.height() + 1), width, fm.height());
        QColor back = palette().color(QPalette::Base);
        back.setAlpha(215);
        painter->fillRect(box, back);
        painter->setPen(color);
        painter->drawText(box, Qt::AlignCenter, label);
    }
}

void SoakChart::drawCrosshair(QPainter *painter, const QRectF &plot)
{
    if (!m_crosshairMs || *m_crosshairMs < m_fromMs || *m_crosshairMs > m_toMs)
        return;
    const QPalette pal = palette();
    const QPointF at = chart()->mapToScene(chart()->mapToPosition(QPointF(qreal(*m_crosshairMs), m_yLow), m_value));
    painter->setPen(QPen(pal.color(QPalette::Text), 1, Qt::DotLine));
    painter->drawLine(QPointF(at.x(), plot.top()), QPointF(at.x(), plot.bottom()));
    if (const auto sample = sampleAt(m_samples, *m_crosshairMs, m_gapMs)) {
        const QPointF dot = chart()->mapToScene(
            chart()->mapToPosition(QPointF(qreal(*m_crosshairMs), sample->value), m_value));
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(QPen(pal.color(QPalette::Base), 1.5));
        painter->setBrush(m_value->pen().color());
        painter->drawEllipse(dot, 4, 4);
        painter->setRenderHint(QPainter::Antialiasing, false);
    }
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetrics fm(small);
    QStringList lines = readout();
    int width = 0;
    for (QString &line : lines) {
        line = fm.elidedText(line, Qt::ElideMiddle, int(plot.width() * 0.6));
        width = std::max(width, fm.horizontalAdvance(line));
    }
    const QSizeF size(width + 12, lines.size() * fm.height() + 8);
    // Beside the line, on the side with room; below the event labels.
    const qreal left = at.x() + 8 + size.width() <= plot.right() ? at.x() + 8 : at.x() - 8 - size.width();
    // Below the event labels when there is room, else from the plot's top.
    const qreal top = plot.top() + 2 * fm.height() + size.height() <= plot.bottom() ? plot.top() + 2 * fm.height() : plot.top();
    const QRectF box(QPointF(std::max(plot.left(), left), top), size);
    QColor back = pal.color(QPalette::ToolTipBase);
    back.setAlpha(235);
    painter->setPen(QPen(pal.color(QPalette::Mid), 1));
    painter->setBrush(back);
    painter->drawRect(box);
    painter->setPen(pal.color(QPalette::ToolTipText));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QFont f = small;
        f.setBold(i == 0);
        painter->setFont(f);
        painter->drawText(QRectF(box.left() + 6, box.top() + 4 + i * fm.height(), width, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, lines[i]);
    }
}

}  // namespace cockpit
