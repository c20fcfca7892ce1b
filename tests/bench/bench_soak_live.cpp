// From a value change at a live exporter to the Soak chart showing it (issue 18), against
// Prometheus' own scrape interval measured in the same run: a real Prometheus
// (tests/fixtures/prometheus_live_fixture.sh, scraping every 2 s like the trial) scrapes
// live_exporter.py; a SoakMonitor follows the soak live at the policy's `refresh` and every
// update is drawn by a SoakChart. The value is changed by writing the exporter's file; the clock
// stops when the chart's line ends at the new value. Aim: within 2 scrape intervals + 1 s.
// Without prometheus installed it says so and measures nothing.
#include "prometheus_client.h"
#include "soak_chart.h"
#include "soak_monitor.h"
#include "support/service_process.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtCharts/QLineSeries>
#include <algorithm>
#include <cstdio>

using namespace cockpit;
using std::chrono::seconds;

namespace {

constexpr int kTrials = 5;

void setValue(const QTemporaryDir &dir, double value)
{
    QFile file(dir.filePath(QStringLiteral("exporter/soak_bench_errors.value")));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(QByteArray::number(value));
}

template <typename Done>
bool spin(Done done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return done();
}

// Prometheus' newest scrape, asked every 50 ms for a few seconds: the mean step between the
// distinct scrape times is its scrape interval as it really ran.
double measuredScrapeSeconds(PrometheusClient &client)
{
    QList<double> scrapes;
    QElapsedTimer timer;
    timer.start();
    // Up to 40 s: the first scrapes of a Prometheus just started come after a few seconds.
    while (timer.elapsed() < 40000 && scrapes.size() < 6) {
        auto answer = client.instant(kDefaultFreshnessQuery, QDateTime());
        spin([&] { return answer.isFinished(); }, 5000);
        if (answer.isFinished()) {
            const QueryOutcome o = answer.result();
            if (o.ok() && !o.series.isEmpty() && !o.series.first().samples.isEmpty()) {
                const double t = o.series.first().samples.last().value;
                if (scrapes.isEmpty() || t > scrapes.last())
                    scrapes << t;
            }
        }
        spin([] { return false; }, 50);
    }
    if (scrapes.size() < 3)
        return 0;
    return (scrapes.last() - scrapes[1]) / double(scrapes.size() - 2);  // the first may be partial
}

// Median latency (ms) over kTrials value changes, the monitor refreshing every `refresh`.
QList<qint64> latencies(const QUrl &url, const QTemporaryDir &dir, seconds refresh, seconds scrape)
{
    PrometheusClient client(url);
    SoakPlan plan;
    plan.environment = QStringLiteral("live");
    plan.version = QStringLiteral("bench");
    plan.start = QDateTime::currentDateTimeUtc().addSecs(-30);
    plan.duration = seconds(3600);
    SoakCheckPolicy check;
    check.name = QStringLiteral("errors");
    check.query = QStringLiteral("soak_bench_errors{env=\"live\"}");
    check.max = 1000;
    check.interval = seconds(600);
    plan.checks << check;
    plan.scrapeInterval = scrape;
    plan.refresh = refresh;
    SoakChart chart;
    chart.resize(900, 320);
    chart.show();
    SoakMonitor monitor(&client);
    QObject::connect(&monitor, &SoakMonitor::updated, &chart, [&](const SoakEvaluation &e) {
        const SoakRecording r = monitor.recording();
        const QList<Sample> samples = r.checks.first().series.series.isEmpty()
            ? QList<Sample>()
            : r.checks.first().series.series.first().samples;
        chart.setCheck(e.checks.first(), samples, e.start, e.end, e.evaluatedAt);
    });
    monitor.startLive(plan);
    auto shows = [&chart](double value) {
        const QList<QLineSeries *> segments = chart.valueSegments();
        return !segments.isEmpty() && !segments.last()->points().isEmpty()
            && segments.last()->points().last().y() == value;
    };
    QList<qint64> out;
    spin([&] { return shows(1); }, 20000);
    for (int trial = 0; trial < kTrials; ++trial) {
        const double value = 100 + trial;
        // Changes land anywhere in the scrape and refresh cycles: wait a varying fraction of one.
        spin([] { return false; }, 700 + trial * 900);
        QElapsedTimer timer;
        timer.start();
        setValue(dir, value);
        if (!spin([&] { return shows(value); }, 30000)) {
            std::printf("  (trial %d: the chart did not show %g within 30 s)\n", trial, value);
            continue;
        }
        out << timer.elapsed();
    }
    monitor.stop();
    setValue(dir, 1);
    return out;
}

void report(const char *what, QList<qint64> ms, double scrape)
{
    if (ms.isEmpty()) {
        std::printf("  %s: no measurement\n", what);
        return;
    }
    std::sort(ms.begin(), ms.end());
    const double aim = 2 * scrape + 1;
    std::printf("  %s: median %6.2f s, max %6.2f s over %lld changes = %.2f scrape intervals (aim: %.1f s, 2 scrapes + 1 s)\n",
        what, double(ms[ms.size() / 2]) / 1000.0, double(ms.last()) / 1000.0, qlonglong(ms.size()),
        double(ms[ms.size() / 2]) / 1000.0 / scrape, aim);
}

}  // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("cockpit.*=false"));
    std::printf("soak live: value change at the exporter -> the Soak chart shows it\n");
    if (QStandardPaths::findExecutable(QStringLiteral("prometheus")).isEmpty()) {
        std::printf("  prometheus is not installed (Debian package prometheus): nothing measured\n");
        return 0;
    }
    QTemporaryDir dir;
    QDir().mkpath(dir.filePath(QStringLiteral("exporter")));
    setValue(dir, 1);
    ServiceProcess exporter;
    ServiceProcess prometheus;
    if (!exporter.start(ServiceProcess::liveExporterScript(), {dir.filePath(QStringLiteral("exporter"))},
            QStringLiteral("listening"))) {
        std::printf("  exporter: %s\n", qPrintable(exporter.errorText()));
        return 1;
    }
    const QString target = QStringLiteral("127.0.0.1:%1").arg(exporter.readyFields().value(1));
    if (!prometheus.start(ServiceProcess::prometheusLiveScript(),
            {dir.filePath(QStringLiteral("prom")), target, QStringLiteral("2s")}, QStringLiteral("ready"))) {
        std::printf("  prometheus: %s\n", qPrintable(prometheus.errorText()));
        return 1;
    }
    const QUrl url(prometheus.readyFields().value(1));
    PrometheusClient client(url);
    const double scrape = measuredScrapeSeconds(client);
    std::printf("  Prometheus scrape interval, measured: %.2f s (configured 2 s)\n", scrape);
    if (scrape <= 0)
        return 1;
    report("refresh 2 s (the scrape cadence)", latencies(url, dir, seconds(2), seconds(2)), scrape);
    report("refresh 5 s (the policy default)", latencies(url, dir, seconds(5), seconds(2)), scrape);
    return 0;
}
