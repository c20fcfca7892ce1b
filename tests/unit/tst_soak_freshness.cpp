// Freshness of a measurement (issue 18): the reading at T against the freshness answer at T
// (the time of Prometheus' newest scrape at or before T), and the max_sample_age in force.
#include "soak_analysis.h"

#include <QtTest>

using namespace cockpit;
using std::chrono::seconds;

namespace {

const QDateTime kT = QDateTime::fromString(QStringLiteral("2026-03-01T10:15:00Z"), Qt::ISODate);

QueryOutcome newestScrapeAt(std::optional<qint64> secondsBeforeT, QueryFailure failure = QueryFailure::None)
{
    QueryOutcome o;
    o.failure = failure;
    if (failure != QueryFailure::None)
        return o;
    if (!secondsBeforeT) {
        o.failure = QueryFailure::EmptyResult;
        return o;
    }
    o.resultType = QStringLiteral("vector");
    o.series << Series {{}, {Sample {kT.toMSecsSinceEpoch(), double(kT.addSecs(-*secondsBeforeT).toSecsSinceEpoch())}}};
    return o;
}

}  // namespace

class TestSoakFreshness : public QObject {
    Q_OBJECT

private slots:
    void judged_data()
    {
        QTest::addColumn<QueryOutcome>("freshness");
        QTest::addColumn<QueryFailure>("readingFailure");
        QTest::addColumn<QueryFailure>("expected");
        QTest::addColumn<bool>("keepsValue");
        QTest::addColumn<bool>("hasSampleTime");
        QTest::addRow("scraped 1 s before") << newestScrapeAt(1) << QueryFailure::None << QueryFailure::None << true << true;
        QTest::addRow("scraped exactly max_sample_age before")
            << newestScrapeAt(4) << QueryFailure::None << QueryFailure::None << true << true;
        QTest::addRow("32 s old after an outage")
            << newestScrapeAt(32) << QueryFailure::None << QueryFailure::Stale << false << true;
        QTest::addRow("no data and stale: stale") << newestScrapeAt(32) << QueryFailure::EmptyResult
                                                  << QueryFailure::Stale << false << true;
        QTest::addRow("no up series: unknown, unchanged")
            << newestScrapeAt(std::nullopt) << QueryFailure::None << QueryFailure::None << true << false;
        QTest::addRow("freshness unreachable") << newestScrapeAt(1, QueryFailure::Unreachable) << QueryFailure::None
                                               << QueryFailure::Unreachable << false << false;
        QTest::addRow("the check's own error wins") << newestScrapeAt(32) << QueryFailure::Timeout
                                                    << QueryFailure::Timeout << false << true;
    }
    void judged()
    {
        QFETCH(QueryOutcome, freshness);
        QFETCH(QueryFailure, readingFailure);
        QFETCH(QueryFailure, expected);
        QFETCH(bool, keepsValue);
        QFETCH(bool, hasSampleTime);
        Reading reading {kT, readingFailure, std::nullopt, {}};
        if (readingFailure == QueryFailure::None)
            reading.value = 0.2;
        const Reading r = withFreshness(reading, freshness, seconds(4));
        QCOMPARE(r.failure, expected);
        QCOMPARE(r.value.has_value(), keepsValue);
        QCOMPARE(r.sampleTime.has_value(), hasSampleTime);
        if (expected == QueryFailure::Stale)
            QVERIFY2(r.message.contains(QLatin1String("max_sample_age 4 s")), qPrintable(r.message));
        QCOMPARE(r.time, kT);  // taken at T, whenever asked
    }

    void maxSampleAgeDefaults_data()
    {
        QTest::addColumn<int>("configured");  // 0: unset
        QTest::addColumn<int>("scrape");
        QTest::addColumn<int>("interval");
        QTest::addColumn<int>("expected");
        QTest::addRow("two scrape intervals") << 0 << 15 << 900 << 30;
        QTest::addRow("capped at the check's interval") << 0 << 15 << 20 << 20;
        QTest::addRow("as configured") << 10 << 15 << 900 << 10;
        QTest::addRow("configured, still capped") << 120 << 15 << 60 << 60;
    }
    void maxSampleAgeDefaults()
    {
        QFETCH(int, configured);
        QFETCH(int, scrape);
        QFETCH(int, interval);
        QFETCH(int, expected);
        SoakCheckPolicy check;
        check.interval = seconds(interval);
        const auto age = configured ? std::optional(seconds(configured)) : std::nullopt;
        QCOMPARE(maxSampleAge(check, age, seconds(scrape)).count(), qint64(expected));
    }
};

QTEST_GUILESS_MAIN(TestSoakFreshness)
#include "tst_soak_freshness.moc"
