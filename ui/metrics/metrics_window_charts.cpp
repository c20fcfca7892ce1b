// One metrics chart: the weekly values as a line with points, each target as a dashed line across
// the window, a date axis in local time and a value axis from 0 that always shows the targets.
#include "state_style.h"

#include <QPen>
#include <QtCharts/QChartView>
#include <QtCharts/QDateTimeAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>
#include <algorithm>

namespace cockpit {

struct MetricsChartTarget {
    QString label;
    double value = 0;
};

namespace {

const QColor kTargetColors[] = {QColor(0xd9, 0x6c, 0x00), QColor(0x7b, 0x3f, 0xb8), QColor(0x00, 0x86, 0x8b)};

void themeChart(QChart *chart, const QPalette &palette)
{
    chart->setTheme(isDarkPalette(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.base());
    chart->setTitleBrush(palette.text());
    chart->legend()->setLabelColor(palette.text().color());
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QFont title = chart->titleFont();
    title.setBold(true);
    chart->setTitleFont(title);
}

}  // namespace

void fillMetricsChart(QChartView *view, const QString &yTitle, const QList<QPointF> &points,
    const QList<MetricsChartTarget> &targets, const QDateTime &from, const QDateTime &to, bool bars)
{
    QChart *chart = view->chart();
    chart->removeAllSeries();
    // removeAxis hands the axis back (no parent, no owner): delete it, or every refill leaks two.
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    themeChart(chart, view->palette());

    auto *axisX = new QDateTimeAxis(chart);
    axisX->setFormat(QStringLiteral("d MMM"));
    axisX->setTickCount(from.daysTo(to) > 60 ? 7 : 5);
    axisX->setRange(from.toLocalTime(), to.toLocalTime());
    axisX->setLabelsColor(view->palette().text().color());
    auto *axisY = new QValueAxis(chart);
    axisY->setTitleText(yTitle);
    axisY->setLabelFormat(QStringLiteral("%.3g"));
    axisY->setLabelsColor(view->palette().text().color());
    axisY->setTitleBrush(view->palette().text());
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);

    double top = 0;
    auto *values = new QLineSeries(chart);
    values->setName(QObject::tr("Per week"));
    values->setObjectName(QStringLiteral("values"));
    values->setPointsVisible(true);
    QPen pen(readableColor(QColor(0x1f, 0x77, 0xb4), view->palette()), bars ? 1.5 : 2.5);
    values->setPen(pen);
    values->replace(points);
    for (const QPointF &p : points)
        top = std::max(top, p.y());
    chart->addSeries(values);
    values->attachAxis(axisX);
    values->attachAxis(axisY);

    for (qsizetype i = 0; i < targets.size(); ++i) {
        auto *line = new QLineSeries(chart);
        line->setObjectName(QStringLiteral("target"));
        line->setName(targets[i].label);
        QPen dashed(readableColor(kTargetColors[i % 3], view->palette()), 2, Qt::DashLine);
        line->setPen(dashed);
        line->append(double(from.toMSecsSinceEpoch()), targets[i].value);
        line->append(double(to.toMSecsSinceEpoch()), targets[i].value);
        top = std::max(top, targets[i].value);
        chart->addSeries(line);
        line->attachAxis(axisX);
        line->attachAxis(axisY);
    }
    axisY->setRange(0, top > 0 ? top * 1.1 : 1);
    axisY->applyNiceNumbers();  // round ticks: 0, 0.5, 1, ... or 0, 20, 40, ...
}

}  // namespace cockpit
