// SoakChart's pointer and keyboard handling: drag pans, the wheel and a Shift-drag rubber band
// zoom along time only, +/- and arrows do the same from the keyboard, a double click or Home
// returns to the chosen range. Any of them stops the chart following the range on live updates.
#include "soak_chart.h"

#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QKeyEvent>
#include <QLineSeries>
#include <QMouseEvent>
#include <QValueAxis>
#include <algorithm>

namespace cockpit {
namespace {

constexpr qint64 kMinSpanMs = 60 * 1000;  // zooming in stops at one minute

}  // namespace

void SoakChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier)) {
        setRubberBand(QChartView::HorizontalRubberBand);
        QChartView::mousePressEvent(event);
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_panFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void SoakChart::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_panFrom) {
        // Over the plot the crosshair follows the pointer, on every chart of the tab at once.
        const QPointF scene = mapToScene(event->position().toPoint());
        const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
        if (plot.contains(scene) && rubberBand() == QChartView::NoRubberBand)
            emit hovered(qint64(chart()->mapToValue(chart()->mapFromScene(scene), m_value).x()));
        else
            emit hovered(std::nullopt);
        QChartView::mouseMoveEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    chart()->scroll(qreal(m_panFrom->x() - pos.x()), 0);
    m_panFrom = pos;
    adoptAxisRange();
    event->accept();
}

void SoakChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panFrom && event->button() == Qt::LeftButton) {
        m_panFrom.reset();
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    const bool zooming = rubberBand() != QChartView::NoRubberBand;
    QChartView::mouseReleaseEvent(event);
    if (zooming) {
        setRubberBand(QChartView::NoRubberBand);
        // Rubber band zoom is horizontal only, but Qt Charts rescales y too: keep the value axis.
        m_axisY->setRange(m_yLow, m_yHigh);
        adoptAxisRange();
    }
}

void SoakChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    showRange(m_range);
    emit viewReset();
    event->accept();
}

void SoakChart::leaveEvent(QEvent *event)
{
    emit hovered(std::nullopt);
    QChartView::leaveEvent(event);
}

void SoakChart::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    const double factor = delta > 0 ? 0.8 : 1.25;
    const qreal centre = chart()->mapToValue(event->position(), m_value).x();
    const qint64 span = std::max<qint64>(kMinSpanMs, qint64(double(m_toMs - m_fromMs) * factor));
    const qint64 from = qint64(centre - (centre - qreal(m_fromMs)) * factor);
    applyRange(from, from + span);
    userMovedView();
    event->accept();
}

void SoakChart::keyPressEvent(QKeyEvent *event)
{
    const qint64 span = m_toMs - m_fromMs;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Minus: {
        const double factor = event->key() == Qt::Key_Plus ? 0.8 : 1.25;
        const qint64 mid = m_fromMs + span / 2;
        const qint64 half = std::max<qint64>(kMinSpanMs, qint64(double(span) * factor)) / 2;
        applyRange(mid - half, mid + half);
        break;
    }
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const qint64 step = (event->key() == Qt::Key_Left ? -span : span) / 10;
        applyRange(m_fromMs + step, m_toMs + step);
        break;
    }
    case Qt::Key_Home:
        showRange(m_range);
        emit viewReset();
        return;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    userMovedView();
}

void SoakChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    // The plot's new width now, not on the posted layout request: ticks and buckets follow it.
    if (chart()->layout())
        chart()->layout()->activate();
    fitLegend();
    if (m_userRange) {
        const int ticks = std::clamp(plotColumns() / 60, 3, 13);
        if (m_axisX->tickCount() != ticks)
            m_axisX->setTickCount(ticks);
    } else {
        applyPresetRange();
    }
    scheduleRefresh();
}

}  // namespace cockpit
