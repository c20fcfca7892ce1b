// The live soak against a real Prometheus scraping a live exporter every second (issue 18):
// live_exporter.py serves the values this test writes, prometheus_live_fixture.sh scrapes it, and
// an outage is made by freezing Prometheus (SIGSTOP, then SIGCONT) the way a real one looks
// afterwards: no samples in the gap and no staleness marker over it. Measurements due in the
// outage are errors (stale), never passes; the same plan without the freshness check shows that
// Prometheus itself would have filled them with a sample from before the outage.
#include "prometheus_client.h"
#include "soak_monitor.h"
#include "soak_timeline.h"
#include "support/service_process.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace cockpit;
using std::chrono::seconds;

class TestSoakLive : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    ServiceProcess m_exporter;
    ServiceProcess m_prometheus;
    QUrl m_url;
    qint64 m_prometheusPid = 0;

    void setValue(const QString &metric, double value)
    {
        QFile file(m_tmp.filePath(QStringLiteral("exporter/%1.value").arg(metric)));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray::number(value));
    }

    // The newest scrape Prometheus has at or before `at` (its own answer to timestamp(up)).
    std::optional<QDateTime> newestScrape(PrometheusClient &client, const QDateTime &at)
    {
        auto answer = client.instant(kDefaultFreshnessQuery, at);
        QDeadlineTimer deadline(10000);
        // The answer arrives through this thread's event loop: never block on it.
        while (!answer.isFinished() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!answer.isFinished())
            return std::nullopt;
        const QueryOutcome o = answer.result();
        if (!o.ok() || o.series.isEmpty() || o.series.first().samples.isEmpty())
            return std::nullopt;
        return QDateTime::fromMSecsSinceEpoch(qint64(o.series.first().samples.last().value * 1000), Qt::UTC);
    }

    void waitForScrapesAfter(PrometheusClient &client, const QDateTime &after)
    {
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto t = newestScrape(client, QDateTime::currentDateTimeUtc());
                return t && *t > after;
            }(),
            20000);
    }

    SoakPlan plan(const QDateTime &start, int count) const
    {
        SoakPlan p;
        p.environment = QStringLiteral("live");
        p.version = QStringLiteral("3.7.0");
        p.start = start;
        p.duration = seconds(2 * count);
        SoakCheckPolicy check;
        check.name = QStringLiteral("error rate");
        check.query = QStringLiteral("soak_live_errors{env=\"live\"}");
        check.max = 5;
        check.interval = seconds(2);
        check.count = count;
        check.consecutiveErrorLimit = 1;
        p.checks << check;
        p.scrapeInterval = seconds(1);
        return p;
    }

    SoakEvaluation evaluate(const SoakPlan &p, const QDateTime &end, SoakRecording *recording = nullptr)
    {
        PrometheusClient client(m_url);
        SoakMonitor monitor(&client);
        QSignalSpy finished(&monitor, &SoakMonitor::finished);
        monitor.evaluateWindow(p, end);
        [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000); }();
        if (recording)
            *recording = monitor.recording();
        return monitor.evaluation();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("exporter"))));
        setValue(QStringLiteral("soak_live_errors"), 1);
        QVERIFY2(m_exporter.start(ServiceProcess::liveExporterScript(), {m_tmp.filePath(QStringLiteral("exporter"))},
                     QStringLiteral("listening")),
            qPrintable(m_exporter.errorText()));
        const QString target = QStringLiteral("127.0.0.1:%1").arg(m_exporter.readyFields().value(1));
        QVERIFY2(m_prometheus.start(ServiceProcess::prometheusLiveScript(),
                     {m_tmp.filePath(QStringLiteral("prom")), target}, QStringLiteral("ready")),
            qPrintable(m_prometheus.errorText()));
        m_url = QUrl(m_prometheus.readyFields().value(1));
        m_prometheusPid = m_prometheus.readyFields().value(2).toLongLong();
        QVERIFY(m_prometheusPid > 0);
    }

    // A trigger with `for: 4s` is judged on 1 s data every second (a quarter of its `for`), so it
    // fires within for + refresh + a scrape of the value crossing its bound; it says when the
    // condition started holding, and shows resolved once it stops.
    void aShortTriggerFiresOnTimeAndResolves()
    {
        PrometheusClient client(m_url);
        waitForScrapesAfter(client, QDateTime::currentDateTimeUtc().addSecs(-1));
        SoakPlan p = plan(QDateTime::currentDateTimeUtc().addSecs(-2), 60);
        TriggerPolicy trigger;
        trigger.name = QStringLiteral("errors high");
        trigger.query = QStringLiteral("soak_live_errors{env=\"live\"}");
        trigger.max = 5;
        trigger.forDuration = seconds(4);
        trigger.severity = QStringLiteral("S1");
        p.triggers << trigger;
        p.triggerStep = triggerStepFor(p.triggers, p.scrapeInterval, p.duration);
        QCOMPARE(p.triggerStep, seconds(1));

        SoakMonitor monitor(&client);  // the real clock, its own poll cadence
        QSignalSpy fired(&monitor, &SoakMonitor::triggerFired);
        monitor.startLive(p);
        QTest::qSleep(1500);
        const QDateTime changed = QDateTime::currentDateTimeUtc();
        setValue(QStringLiteral("soak_live_errors"), 10);
        QVERIFY(fired.wait(20000));
        const qint64 latencyMs = changed.msecsTo(QDateTime::currentDateTimeUtc());
        qInfo("trigger for: 4 s fired %lld ms after the exporter's value crossed its bound", latencyMs);
        // for (4 s) + one refresh (1 s) + one scrape (1 s) + the answers' round trips.
        QVERIFY2(latencyMs <= 7500, qPrintable(QString::number(latencyMs)));
        QVERIFY2(latencyMs >= 4000, qPrintable(QString::number(latencyMs)));
        const TriggerResult t = monitor.evaluation().triggers.first();
        QVERIFY(t.fired && t.active && t.since && t.conditionSince && !t.resolvedAt);
        QVERIFY2(qAbs(changed.msecsTo(*t.conditionSince)) <= 2500,
            qPrintable(t.conditionSince->toString(Qt::ISODateWithMs)));
        QCOMPARE(t.conditionSince->secsTo(*t.since), 4);

        setValue(QStringLiteral("soak_live_errors"), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!monitor.evaluation().triggers.first().active, 15000);
        const TriggerResult resolved = monitor.evaluation().triggers.first();
        QVERIFY(resolved.fired);  // it did fire: history, shown as resolved
        QVERIFY(!resolved.active);
        QVERIFY(resolved.resolvedAt && *resolved.resolvedAt > *t.since);
        monitor.stop();
    }

    // Scraped every second, frozen for 7 s, then scraping again: the measurements due in the
    // frozen span are stale errors with the sample time Prometheus returned, never passes.
    void anOutageMakesErrorsNeverPasses()
    {
        PrometheusClient client(m_url);
        waitForScrapesAfter(client, QDateTime::currentDateTimeUtc().addSecs(-1));
        const QDateTime start = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
        QTest::qSleep(5000);  // scrapes before the outage
        const QDateTime outageFrom = QDateTime::currentDateTimeUtc();
        QCOMPARE(::kill(pid_t(m_prometheusPid), SIGSTOP), 0);
        QTest::qSleep(7000);
        QCOMPARE(::kill(pid_t(m_prometheusPid), SIGCONT), 0);
        const QDateTime outageTo = QDateTime::currentDateTimeUtc();
        waitForScrapesAfter(client, outageTo);
        QTest::qSleep(3000);  // scrapes after it
        const int count = int(start.secsTo(QDateTime::currentDateTimeUtc()) / 2);
        const SoakPlan fresh = plan(start, count);

        SoakRecording recording;
        const SoakEvaluation e = evaluate(fresh, fresh.start.addSecs(2 * count), &recording);
        QCOMPARE(e.checks.size(), 1);
        const CheckResult &check = e.checks.first();
        QCOMPARE(check.measurements.size(), count);
        int staleInOutage = 0, passes = 0;
        for (const Measurement &m : check.measurements) {
            const QString where = QStringLiteral("%1: %2 %3").arg(m.time.toString(Qt::ISODateWithMs),
                measurementStatusName(m.status), m.detail);
            // Due well inside the frozen span (2 s of max_sample_age after it began).
            const bool inOutage = m.time > outageFrom.addSecs(3) && m.time < outageTo;
            if (inOutage) {
                QVERIFY2(m.status == MeasurementStatus::Error, qPrintable(where));
                QCOMPARE(m.failure, QueryFailure::Stale);
                QVERIFY2(m.sampleTime && *m.sampleTime <= outageFrom.addSecs(1), qPrintable(where));
                ++staleInOutage;
            }
            if (m.status == MeasurementStatus::Pass) {
                ++passes;
                // Fresh: the sample is at or before T and no older than 2 scrape intervals.
                QVERIFY2(m.sampleTime && *m.sampleTime <= m.time && m.sampleTime->msecsTo(m.time) <= 2000,
                    qPrintable(where));
            }
        }
        QVERIFY2(staleInOutage >= 2, qPrintable(QString::number(staleInOutage)));
        QVERIFY(passes >= 2);  // before and after the outage
        // The errors count against consecutive_error_limit (1): the check can no longer pass.
        QCOMPARE(check.status, CheckStatus::Inconclusive);
        QVERIFY2(check.reason.contains(QLatin1String("consecutive query errors")), qPrintable(check.reason));
        QCOMPARE(e.verdict, SoakVerdict::Inconclusive);
        // The sample times are in the recording (and so in the stored run).
        int timed = 0;
        for (const Reading &r : recording.checks.first().readings)
            timed += r.sampleTime ? 1 : 0;
        QCOMPARE(timed, count);
        // The line is broken over the outage (issue 18 item 3): the range answer's steps that
        // Prometheus filled from before the freeze are left out, so the chart draws a gap.
        const QList<Sample> line = recording.checks.first().series.series.first().samples;
        const qint64 gapFrom = outageFrom.addSecs(3).toMSecsSinceEpoch();
        const qint64 gapTo = outageTo.addSecs(-1).toMSecsSinceEpoch();
        for (const Sample &s : line)
            QVERIFY2(s.timeMs <= gapFrom || s.timeMs >= gapTo,
                qPrintable(QDateTime::fromMSecsSinceEpoch(s.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)));
        QVERIFY2(unbrokenRuns(line, gapThresholdMs(line)).size() >= 2, qPrintable(QString::number(line.size())));
        QVERIFY(missingSpans(line, gapThresholdMs(line), line.last().timeMs).size() >= 1);

        // Without the freshness check, Prometheus' 5-minute lookback fills the outage with the
        // last value before it: every measurement "passes". That is the bug this guards against.
        SoakPlan blind = fresh;
        blind.freshnessQuery.clear();
        SoakRecording blindRecording;
        const SoakEvaluation filled = evaluate(blind, blind.start.addSecs(2 * count), &blindRecording);
        // ... and its range answer has a step inside the outage: the line Prometheus would draw.
        const QList<Sample> filledLine = blindRecording.checks.first().series.series.first().samples;
        QVERIFY(std::any_of(filledLine.cbegin(), filledLine.cend(),
            [&](const Sample &s) { return s.timeMs > gapFrom && s.timeMs < gapTo; }));
        for (const Measurement &m : filled.checks.first().measurements)
            if (m.time > outageFrom.addSecs(3) && m.time < outageTo)
                QCOMPARE(m.status, MeasurementStatus::Pass);
    }
};

QTEST_GUILESS_MAIN(TestSoakLive)
#include "tst_soak_live.moc"
