// Update and render the Soak tab's charts: 6 checks x 1,500 points each replaced and painted into a
// 1600x900 QImage, against the floor of a raw QPainter::drawPolyline of the same points into the
// same image, measured in the same run. Prints both and the ratio (issue 4 aims at 3x). Issue 18:
// the charts draw what a live refresh has, an outage gap (two runs, a grey band), the greyed time
// after the last sample, a trigger threshold, annotations and the crosshair with its readout, and
// one refresh of all six must stay under 16 ms (a frame at 60 Hz).
#include "soak_chart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGridLayout>
#include <QImage>
#include <QPainter>
#include <QtCharts/QLineSeries>
#include <cmath>
#include <cstdio>

using namespace cockpit;

namespace {

constexpr int kSeries = 6;
constexpr int kPoints = 1500;
constexpr int kFrames = 40;
const QSize kImage(1600, 900);

QList<Sample> makeSeries(int series, int frame, qint64 startMs)
{
    QList<Sample> samples;
    samples.reserve(kPoints);
    for (int i = 0; i < kPoints; ++i) {
        const double v
            = 50 + 20 * std::sin((i + frame * 7) / (30.0 + series * 5)) + ((i * 7919 + frame) % 13);
        if (i >= 900 && i < 960)
            continue;  // a Prometheus outage of almost 5 minutes: a gap in the line
        samples.append({startMs + qint64(i) * 4800, v});  // 1,500 steps over two hours
    }
    return samples;
}

// Where the grid puts chart i: 2 columns x 3 rows over the image.
QRect cell(int i)
{
    const int w = kImage.width() / 2, h = kImage.height() / 3;
    return QRect((i % 2) * w, (i / 2) * h, w, h);
}

struct ChartTimes {
    double update = 0;  // ms per frame: six setCheck() calls (reduce, gaps, replace the series)
    double render = 0;  // ms per frame: painting the six charts into the image
};

ChartTimes benchCharts(const QDateTime &start)
{
    QWidget host;
    auto *grid = new QGridLayout(&host);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(0);
    QList<SoakChart *> charts;
    for (int i = 0; i < kSeries; ++i) {
        auto *chart = new SoakChart(&host);
        charts << chart;
        grid->addWidget(chart, i / 2, i % 2);
    }
    host.resize(kImage);
    host.show();
    QCoreApplication::processEvents();
    CheckResult check;
    check.thresholdMax = 85;
    for (int m = 1; m <= 8; ++m) {
        Measurement measurement;
        measurement.time = start.addSecs(m * 900);
        measurement.value = 60;
        measurement.status = m == 5 ? MeasurementStatus::Fail : MeasurementStatus::Pass;
        measurement.detail = QStringLiteral("60");
        check.measurements << measurement;
    }
    const QList<SoakEvent> events {{start.toMSecsSinceEpoch(), SoakEventKind::Deploy, QString()},
        {start.addSecs(4500).toMSecsSinceEpoch(), SoakEventKind::Breach, QStringLiteral("90 > 85")},
        {start.addSecs(4600).toMSecsSinceEpoch(), SoakEventKind::TriggerFired, QStringLiteral("errors high")},
        {start.addSecs(5200).toMSecsSinceEpoch(), SoakEventKind::TriggerResolved, QStringLiteral("errors high")}};
    for (SoakChart *chart : std::as_const(charts)) {
        chart->setOverlay(events, {{QStringLiteral("errors high"), 95, true}});
        chart->setCrosshair(start.addSecs(3000).toMSecsSinceEpoch());
    }
    QImage image(kImage, QImage::Format_ARGB32_Premultiplied);
    QElapsedTimer timer;
    qint64 updating = 0;
    qint64 rendering = 0;
    for (int frame = -2; frame < kFrames; ++frame) {  // two warm-up frames
        timer.start();
        for (int i = 0; i < kSeries; ++i) {
            check.name = QStringLiteral("Check %1").arg(i);
            // "now" ten minutes past the last sample: the tail is greyed, the last value kept.
            charts[i]->setCheck(check, makeSeries(i, frame, start.toMSecsSinceEpoch()), start,
                start.addSecs(7800), start.addSecs(7800));
        }
        const qint64 updated = timer.nsecsElapsed();
        host.render(&image);
        if (frame >= 0) {
            updating += updated;
            rendering += timer.nsecsElapsed() - updated;
        }
    }
    return {double(updating) / kFrames / 1e6, double(rendering) / kFrames / 1e6};
}

double benchPolyline(const QDateTime &start)
{
    QImage image(kImage, QImage::Format_ARGB32_Premultiplied);
    const qint64 startMs = start.toMSecsSinceEpoch();
    QElapsedTimer timer;
    qint64 elapsed = 0;
    QPolygonF polygon(kPoints);
    for (int frame = -2; frame < kFrames; ++frame) {
        timer.start();
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(QColor(0x1c, 0x7e, 0xd6), 1.5));
        for (int i = 0; i < kSeries; ++i) {
            const QList<Sample> samples = makeSeries(i, frame, startMs);
            const QRectF plot = QRectF(cell(i)).adjusted(60, 30, -10, -60);
            polygon.resize(samples.size());
            for (int p = 0; p < samples.size(); ++p)
                polygon[p] = QPointF(plot.left() + plot.width() * double(samples[p].timeMs - startMs) / 7.2e6,
                    plot.bottom() - plot.height() * samples[p].value / 100.0);
            painter.drawPolyline(polygon);
        }
        painter.end();
        if (frame >= 0)
            elapsed += timer.nsecsElapsed();
    }
    return double(elapsed) / kFrames / 1e6;
}

}  // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QDateTime start(QDate(2026, 11, 19), QTime(9, 30), Qt::UTC);
    const double peer = benchPolyline(start);
    const ChartTimes times = benchCharts(start);
    const double charts = times.update + times.render;
    std::printf("soak render: %d series x %d points into %dx%d, %d frames\n", kSeries, kPoints,
        kImage.width(), kImage.height(), kFrames);
    std::printf("  SoakChart update + render: %8.2f ms/frame (aim: under 16 ms; gap, grey tail, trigger line,\n"
                "                             4 annotations and the crosshair readout on each chart)\n",
        charts);
    std::printf("    of which update %.2f ms, render %.2f ms\n", times.update, times.render);
    std::printf("  raw QPainter::drawPolyline: %8.2f ms/frame\n", peer);
    std::printf("  ratio: %.1fx (aim: 3x)\n", charts / peer);
    return 0;
}
