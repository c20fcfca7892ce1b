// The Prometheus client against a real Prometheus (Debian's, backfilled by promtool through
// tests/fixtures/prometheus_fixture.sh) and against the HTTP fixture's misbehaving endpoints:
// each failure kind comes back as itself, and ranges are stepped, aligned and split as promised.
#include "prometheus_client.h"
#include "support/service_process.h"
#include "support/store_test_support.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace cockpit;
using std::chrono::seconds;

namespace {
const QString kRate5xx = QStringLiteral(
    R"(sum(rate(http_requests_total{job="solvereign-api",env="%1",status=~"5.."}[5m])) / sum(rate(http_requests_total{job="solvereign-api",env="%1"}[5m])) * 100)");
}

class TestPrometheusClient : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    ServiceProcess m_prometheus;
    ServiceProcess m_http;
    QUrl m_url;
    QDateTime m_start;  // the backfilled soak's start
    QString m_http_base;

    QueryOutcome await(QFuture<QueryOutcome> future)
    {
        [&] { COCKPIT_AWAIT(future); }();
        return future.isFinished() ? future.result()
                                   : QueryOutcome {QueryFailure::Timeout, QStringLiteral("test")};
    }

    QDateTime at(int minutes) const { return m_start.addSecs(minutes * 60); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(m_prometheus.start(ServiceProcess::prometheusScript(),
                     {m_tmp.filePath(QStringLiteral("prom"))}, QStringLiteral("ready")),
            qPrintable(m_prometheus.errorText()));
        m_url = QUrl(m_prometheus.readyFields().value(1));
        m_start = QDateTime::fromSecsSinceEpoch(m_prometheus.readyFields().value(2).toLongLong(), Qt::UTC);
        QVERIFY(m_url.isValid() && m_start.isValid());
        QVERIFY2(m_http.start(ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")),
                     {QStringLiteral("--delay-ms"), QStringLiteral("5000")}, QStringLiteral("listening")),
            qPrintable(m_http.errorText()));
        m_http_base = QStringLiteral("http://127.0.0.1:%1").arg(m_http.readyFields().value(1));
    }

    void stepKeepsEverySeriesUnder11000Points()
    {
        const QDateTime start = QDateTime::fromSecsSinceEpoch(1700000007, Qt::UTC);
        QCOMPARE(PrometheusClient::stepFor(start, start.addSecs(7200)), seconds(15));
        for (qint64 span : {3600LL, 86400LL, 7 * 86400LL, 90 * 86400LL, 400 * 86400LL}) {
            const auto plan = PrometheusClient::planRange(start, start.addSecs(span), seconds(0));
            QCOMPARE(plan.chunks.size(), 1);  // an automatic step needs one request
            QVERIFY(plan.start.toSecsSinceEpoch() % plan.step.count() == 0);
            QVERIFY(plan.end.toSecsSinceEpoch() % plan.step.count() == 0);
            QVERIFY(plan.start <= start && plan.end >= start.addSecs(span));
            QVERIFY2(plan.start.secsTo(plan.end) / plan.step.count() + 1 <= 11000,
                qPrintable(QString::number(span)));
        }
    }

    void longRangesAreSplitIntoContiguousChunks()
    {
        const QDateTime start = QDateTime::fromSecsSinceEpoch(1700000007, Qt::UTC);
        const auto plan = PrometheusClient::planRange(start, start.addDays(7), seconds(15));
        QCOMPARE(plan.step, seconds(15));
        QCOMPARE(plan.start.toSecsSinceEpoch(), 1700000005LL - 1700000005LL % 15);
        QCOMPARE(plan.chunks.size(), 4);  // 40,321 points
        QCOMPARE(plan.chunks.first().first, plan.start);
        QCOMPARE(plan.chunks.last().second, plan.end);
        for (qsizetype i = 0; i < plan.chunks.size(); ++i) {
            QVERIFY(plan.chunks[i].first.secsTo(plan.chunks[i].second) / 15 + 1 <= 11000);
            if (i > 0)
                QCOMPARE(plan.chunks[i - 1].second.secsTo(plan.chunks[i].first), 15);
        }
    }

    void instantQueriesReadTheBackfilledSoak()
    {
        PrometheusClient client(m_url);
        const QueryOutcome spike = await(client.instant(kRate5xx.arg(QStringLiteral("spike")), at(60)));
        QVERIFY2(spike.ok(), qPrintable(spike.message));
        QCOMPARE(spike.series.size(), 1);
        QVERIFY(std::abs(spike.series[0].samples[0].value - 100.0 * 20 / 120) < 0.01);
        const QueryOutcome clean = await(client.instant(kRate5xx.arg(QStringLiteral("clean")), at(60)));
        QVERIFY(clean.ok());
        QCOMPARE(clean.series[0].samples[0].value, 0.0);
        // Nothing was scraped for 30 minutes: after the 5 minute lookback there is no data.
        const QueryOutcome gap
            = await(client.instant(QStringLiteral("sum(pg_stat_activity_count{env=\"gap\"})"), at(60)));
        QCOMPARE(gap.failure, QueryFailure::EmptyResult);
        const QueryOutcome bad = await(client.instant(QStringLiteral("sum(rate(x[5m]"), at(60)));
        QCOMPARE(bad.failure, QueryFailure::PrometheusError);
        QVERIFY2(bad.message.contains(QStringLiteral("bad_data")), qPrintable(bad.message));
    }

    void rangeQueriesAreMergedAcrossRequests()
    {
        PrometheusClient client(m_url);
        const QString query = QStringLiteral("sum(pg_stat_activity_count{env=\"clean\"})");
        // 3 h 15 min at a 1 s step: 11,701 points, two requests.
        const QDateTime from = at(-60), to = at(135);
        QCOMPARE(PrometheusClient::planRange(from, to, seconds(1)).chunks.size(), 2);
        const QueryOutcome range = await(client.range(query, from, to, seconds(1)));
        QVERIFY2(range.ok(), qPrintable(range.message));
        QCOMPARE(range.series.size(), 1);
        const QList<Sample> &samples = range.series[0].samples;
        QCOMPARE(samples.size(), 11701);
        for (qsizetype i = 1; i < samples.size(); ++i)
            QCOMPARE(samples[i].timeMs - samples[i - 1].timeMs, 1000);
        QCOMPARE(samples.first().timeMs, from.toMSecsSinceEpoch());
        QCOMPARE(samples.last().value, 12.0);

        const QueryOutcome gap = await(client.range(
            QStringLiteral("sum(pg_stat_activity_count{env=\"gap\"})"), at(0), at(120), seconds(60)));
        QVERIFY(gap.ok());
        QVERIFY2(
            gap.series[0].samples.size() < 121 - 20, "the 30 minute gap (less 5 min lookback) has no points");
    }

    void eachFailureKindIsReportedAsItself_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("range");
        QTest::addColumn<int>("failure");
        const auto row = [](const char *name, const char *path, bool range, QueryFailure f) {
            QTest::newRow(name) << QString::fromLatin1(path) << range << int(f);
        };
        row("http 500", "/prom500", false, QueryFailure::HttpError);
        row("http 500 range", "/prom500", true, QueryFailure::HttpError);
        row("prometheus error", "/promerror", false, QueryFailure::PrometheusError);
        row("malformed json", "/promgarbage", true, QueryFailure::MalformedJson);
        row("empty result", "/promempty", false, QueryFailure::EmptyResult);
        row("empty range", "/promempty", true, QueryFailure::EmptyResult);
        row("nan", "/promnan", false, QueryFailure::NotFinite);
        row("inf", "/prominf", false, QueryFailure::NotFinite);
        row("timeout", "/promslow", false, QueryFailure::Timeout);
        row("unauthenticated", "/promauth", false, QueryFailure::HttpError);
        row("fine", "/promok", true, QueryFailure::None);
    }

    void eachFailureKindIsReportedAsItself()
    {
        QFETCH(QString, path);
        QFETCH(bool, range);
        QFETCH(int, failure);
        PrometheusClient client(QUrl(m_http_base + path));
        client.setTimeout(std::chrono::milliseconds(500));
        const QueryOutcome o = range ? await(client.range(QStringLiteral("up"), at(0), at(120), seconds(60)))
                                     : await(client.instant(QStringLiteral("up"), at(60)));
        QVERIFY2(int(o.failure) == failure, qPrintable(queryFailureName(o.failure) + u' ' + o.message));
    }

    void unreachablePrometheus()
    {
        ServiceProcess gone;
        QVERIFY(gone.start(
            ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")), {}, QStringLiteral("listening")));
        const QString port = gone.readyFields().value(1);
        gone.stop();
        PrometheusClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const QueryOutcome o = await(client.instant(QStringLiteral("up"), at(0)));
        QCOMPARE(o.failure, QueryFailure::Unreachable);
        QVERIFY(!o.message.isEmpty());
    }

    void credentialsAreSent()
    {
        QCOMPARE(int(PrometheusAuth::fromSecret(QStringLiteral("Bearer abc")).kind),
            int(PrometheusAuth::Kind::Bearer));
        QCOMPARE(
            PrometheusAuth::fromSecret(QStringLiteral("user:pass")).credential, QStringLiteral("user:pass"));
        QCOMPARE(
            int(PrometheusAuth::fromSecret(QStringLiteral("tok")).kind), int(PrometheusAuth::Kind::Bearer));
        QCOMPARE(int(PrometheusAuth::fromSecret({}).kind), int(PrometheusAuth::Kind::None));
        for (const QString &secret : {QStringLiteral("sekrit"), QStringLiteral("Basic user:pass")}) {
            PrometheusClient client(QUrl(m_http_base + QStringLiteral("/promauth")));
            client.setAuth(PrometheusAuth::fromSecret(secret));
            const QueryOutcome o = await(client.instant(QStringLiteral("up"), at(0)));
            QVERIFY2(o.ok(), qPrintable(secret + u' ' + o.message));
        }
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheus_client.moc"
