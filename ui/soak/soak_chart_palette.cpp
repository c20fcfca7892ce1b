// SoakChart's colours and the words for its marks. Qt Charts bakes them into its items, so they are set from the palette here
// and set again when the desktop switches between light and dark.
#include "soak_chart.h"

#include "state_style.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace cockpit {

QColor measurementColor(MeasurementStatus status)
{
    switch (status) {
    case MeasurementStatus::Pass:
        return itemStateColor(ItemState::Done);
    case MeasurementStatus::Fail:
        return failureColor();
    case MeasurementStatus::Error:
        return readableColor(QColor(0xe8, 0x59, 0x0c));
    case MeasurementStatus::NoData:
    case MeasurementStatus::Pending:
        break;
    }
    return itemStateColor(ItemState::NotApplicable);
}

QString measurementTitle(MeasurementStatus status)
{
    switch (status) {
    case MeasurementStatus::Pass:
        return SoakChart::tr("✓ Pass");
    case MeasurementStatus::Fail:
        return SoakChart::tr("✗ Fail");
    case MeasurementStatus::Error:
        return SoakChart::tr("! Error");
    case MeasurementStatus::NoData:
        return SoakChart::tr("? No data");
    case MeasurementStatus::Pending:
        break;
    }
    return SoakChart::tr("Pending");
}

void SoakChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_axisX)  // not before the constructor built the series
        applyPalette();
}

void SoakChart::applyPalette()
{
    const QPalette pal = palette();
    // A theme resets series and axis colours, so it comes first and everything else follows it.
    const QChart::ChartTheme theme = isDarkPalette(pal) ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart()->theme() != theme)
        chart()->setTheme(theme);
    chart()->setBackgroundBrush(pal.base());
    chart()->setBackgroundRoundness(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    chart()->setTitleFont(titleFont);
    chart()->setTitleBrush(pal.text());
    chart()->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis *axis :
        {static_cast<QAbstractAxis *>(m_axisX), static_cast<QAbstractAxis *>(m_axisY)}) {
        axis->setLabelsBrush(pal.text());
        axis->setTitleBrush(pal.text());
        axis->setGridLineColor(pal.color(QPalette::Mid));
    }
    const QColor red = failureColor(pal);
    m_breach->setColor(QColor(red.red(), red.green(), red.blue(), isDarkPalette(pal) ? 70 : 50));
    m_breach->setBorderColor(Qt::transparent);
    m_value->setPen(QPen(readableColor(QColor(0x1c, 0x7e, 0xd6), pal), 1.5));
    m_limit->setPen(QPen(red, 1.5, Qt::DashLine));
    for (QLineSeries *segment : std::as_const(m_segments))
        segment->setPen(m_value->pen());
    // Missing data is grey: a band over the gap, the last value dotted after the last sample.
    QColor grey = pal.color(QPalette::Text);
    grey.setAlpha(isDarkPalette(pal) ? 45 : 28);
    m_missingArea->setColor(grey);
    m_missingArea->setBorderColor(Qt::transparent);
    m_lastValue->setPen(QPen(itemStateColor(ItemState::NotApplicable, pal), 1.5, Qt::DotLine));
    for (QLineSeries *line : std::as_const(m_triggerLines))
        line->setPen(QPen(readableColor(QColor(0xc2, 0x41, 0x0c), pal), 1.5, Qt::DashDotLine));
    for (QScatterSeries *markers : m_markers) {
        const auto status = static_cast<MeasurementStatus>(markers->property("cockpitStatus").toInt());
        markers->setColor(measurementColor(status));
        markers->setBorderColor(pal.color(QPalette::Base));
    }
    // Legend labels of hidden series stay faded.
    for (QLegendMarker *marker : chart()->legend()->markers()) {
        QColor label = pal.color(QPalette::Text);
        label.setAlphaF(marker->series()->isVisible() ? 1.0 : 0.4);
        marker->setLabelBrush(label);
    }
}

}  // namespace cockpit
