// The arithmetic behind the Soak tab's gaps, crosshair readout and annotations (issue 18 item 3):
// models/soak/soak_timeline.h, table-driven.
#include "soak_timeline.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace cockpit;

Q_DECLARE_METATYPE(QList<Sample>)
Q_DECLARE_METATYPE(QList<SampleRun>)
Q_DECLARE_METATYPE(QList<TimeSpan>)
Q_DECLARE_METATYPE(std::optional<double>)

namespace {

// Samples every 2 s from t=0 with the given values; NaN stays NaN.
QList<Sample> every2s(const QList<double> &values, qint64 from = 0)
{
    QList<Sample> out;
    for (qsizetype i = 0; i < values.size(); ++i)
        out.append({from + i * 2000, values[i]});
    return out;
}

QList<Sample> withOutage()
{
    // 0..8 s, nothing from 8 s to 62 s, then 62..66 s.
    return every2s({1, 2, 3, 4, 5}) + every2s({6, 7, 8}, 62000);
}

const double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

class TstSoakTimeline : public QObject {
    Q_OBJECT

private slots:
    void step_data()
    {
        QTest::addColumn<QList<Sample>>("samples");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<qint64>("threshold");
        QTest::newRow("empty") << QList<Sample>() << qint64(0) << qint64(1000);
        QTest::newRow("one") << every2s({1}) << qint64(0) << qint64(1000);
        QTest::newRow("regular 2 s") << every2s({1, 2, 3, 4}) << qint64(2000) << qint64(5000);
        QTest::newRow("one outage does not move the median") << withOutage() << qint64(2000) << qint64(5000);
    }

    void step()
    {
        QFETCH(QList<Sample>, samples);
        QFETCH(qint64, step);
        QFETCH(qint64, threshold);
        QCOMPARE(seriesStepMs(samples), step);
        QCOMPARE(gapThresholdMs(samples), threshold);
    }

    void runs_data()
    {
        QTest::addColumn<QList<Sample>>("samples");
        QTest::addColumn<QList<SampleRun>>("runs");
        QTest::addColumn<QList<TimeSpan>>("missing");  // up to now = 70 s
        QTest::newRow("empty") << QList<Sample>() << QList<SampleRun>() << QList<TimeSpan>();
        QTest::newRow("unbroken up to now") << every2s({1, 2, 3}, 66000) << QList<SampleRun> {{0, 3}}
                                            << QList<TimeSpan>();
        QTest::newRow("outage in the middle, fresh tail")
            << withOutage() << QList<SampleRun> {{0, 5}, {5, 8}} << QList<TimeSpan> {{8000, 62000}};
        QTest::newRow("outage still going on") << every2s({1, 2, 3}) << QList<SampleRun> {{0, 3}}
                                               << QList<TimeSpan> {{4000, 70000}};
        QTest::newRow("NaN breaks the line") << every2s({1, kNaN, 3, 4}, 64000)
                                             << QList<SampleRun> {{0, 1}, {2, 4}} << QList<TimeSpan> {{64000, 68000}};
    }

    void runs()
    {
        QFETCH(QList<Sample>, samples);
        QFETCH(QList<SampleRun>, runs);
        QFETCH(QList<TimeSpan>, missing);
        QCOMPARE(unbrokenRuns(samples, 5000), runs);
        QCOMPARE(missingSpans(samples, 5000, 70000), missing);
    }

    void valueAt_data()
    {
        QTest::addColumn<QList<Sample>>("samples");
        QTest::addColumn<qint64>("time");
        QTest::addColumn<std::optional<double>>("value");
        QTest::newRow("before the first") << withOutage() << qint64(-1) << std::optional<double>();
        QTest::newRow("on a sample") << withOutage() << qint64(4000) << std::optional<double>(3);
        QTest::newRow("between two: the earlier holds") << withOutage() << qint64(5999) << std::optional<double>(3);
        QTest::newRow("just after the last before the gap") << withOutage() << qint64(12000)
                                                             << std::optional<double>(5);
        QTest::newRow("inside the gap") << withOutage() << qint64(30000) << std::optional<double>();
        QTest::newRow("after the gap") << withOutage() << qint64(63000) << std::optional<double>(6);
        QTest::newRow("after the data") << withOutage() << qint64(90000) << std::optional<double>();
        QTest::newRow("a NaN in force") << every2s({1, kNaN, 3}) << qint64(2500) << std::optional<double>();
    }

    void valueAt()
    {
        QFETCH(QList<Sample>, samples);
        QFETCH(qint64, time);
        QFETCH(std::optional<double>, value);
        const std::optional<Sample> got = sampleAt(samples, time, 5000);
        QCOMPARE(got.has_value(), value.has_value());
        if (value)
            QCOMPARE(got->value, *value);
    }

    void nearestMeasurement()
    {
        const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
        QList<Measurement> ms(3);
        ms[0] = {t0, 1.0, MeasurementStatus::Pass, {}, {}, {}};
        ms[1] = {t0.addSecs(60), 2.0, MeasurementStatus::Fail, {}, {}, {}};
        ms[2] = {t0.addSecs(120), std::nullopt, MeasurementStatus::Pending, {}, {}, {}};
        QCOMPARE(measurementNear(ms, 50000, 15000)->value, 2.0);
        QVERIFY(!measurementNear(ms, 30000, 15000));
        QVERIFY(!measurementNear(ms, 119000, 15000));  // a pending one is not a measurement yet
    }

    void events()
    {
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
        SoakEvaluation evaluation;
        evaluation.start = t0;
        CheckResult check;
        const MeasurementStatus statuses[] = {MeasurementStatus::Pass, MeasurementStatus::Fail,
            MeasurementStatus::Fail, MeasurementStatus::Pass, MeasurementStatus::Fail, MeasurementStatus::Pending};
        for (int i = 0; i < 6; ++i)
            check.measurements.append({t0.addSecs(60 * (i + 1)), 1.0, statuses[i], QStringLiteral("m%1").arg(i), {}, {}});
        TriggerResult fired;
        fired.name = QStringLiteral("Error rate");
        fired.fired = true;
        fired.since = t0.addSecs(150);
        fired.resolvedAt = t0.addSecs(230);
        TriggerResult quiet;
        quiet.name = QStringLiteral("Quiet");
        evaluation.triggers = {fired, quiet};
        const QList<SoakEvent> expected {
            {t0.toMSecsSinceEpoch(), SoakEventKind::Deploy, QString()},
            {t0.addSecs(120).toMSecsSinceEpoch(), SoakEventKind::Breach, QStringLiteral("m1")},
            {t0.addSecs(150).toMSecsSinceEpoch(), SoakEventKind::TriggerFired, QStringLiteral("Error rate")},
            {t0.addSecs(230).toMSecsSinceEpoch(), SoakEventKind::TriggerResolved, QStringLiteral("Error rate")},
            {t0.addSecs(300).toMSecsSinceEpoch(), SoakEventKind::Breach, QStringLiteral("m4")},
        };
        QCOMPARE(soakEvents(evaluation, check), expected);
    }

    void freshOnly()
    {
        // Steps every 2 s from 0 to 20 s; Prometheus scraped until 6 s, then from 16 s on. Its
        // range answer repeats the value through the outage; the freshness series tells.
        QList<Sample> values;
        QList<Sample> scrapes;
        for (qint64 t = 0; t <= 20000; t += 2000) {
            values.append({t, double(t)});
            const qint64 lastScrape = t <= 6000 ? t : t < 16000 ? 6000 : t;
            scrapes.append({t, double(lastScrape) / 1000.0});
        }
        QList<qint64> kept;
        for (const Sample &s : freshSamplesOnly(values, scrapes, 4000))
            kept.append(s.timeMs);
        QCOMPARE(kept, (QList<qint64> {0, 2000, 4000, 6000, 8000, 10000, 16000, 18000, 20000}));
        QCOMPARE(freshSamplesOnly(values, {}, 4000), values);  // nothing to judge by: as they are
        // A step without any freshness answer (nothing scraped within Prometheus' look-back).
        scrapes.remove(5);
        QVERIFY(!freshSamplesOnly(values, scrapes, 4000).contains(values[5]));
    }

    void queries_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("spacing") << "sum(rate(x[1m]))" << " sum( rate(x[1m]) )" << true;
        QTest::newRow("rate window aside") << "sum(rate(x{a=\"b\"}[5m])) * 100" << "sum(rate(x{a=\"b\"}[1m]))*100" << true;
        QTest::newRow("other metric") << "sum(rate(x[1m]))" << "sum(rate(y[1m]))" << false;
        QTest::newRow("empty") << "" << "" << false;
    }

    void queries()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(sameQuery(a, b), same);
    }
};

QTEST_GUILESS_MAIN(TstSoakTimeline)
#include "tst_soak_timeline.moc"
