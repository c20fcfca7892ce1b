// The Prometheus HTTP API reader against golden answers: every result type, special values,
// every failure kind, and errors that name the JSON path and offset. A generated range answer is
// cross-checked against QJsonDocument.
#include "prometheus_response.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <cmath>

using namespace cockpit;

class TestPrometheusResponse : public QObject {
    Q_OBJECT

private slots:
    void vector();
    void matrixWithSpecialValues();
    void scalar();
    void failures_data();
    void failures();
    void malformedNamesPathAndOffset_data();
    void malformedNamesPathAndOffset();
    void escapesAndWhitespace();
    void agreesWithQJsonDocument();
};

void TestPrometheusResponse::vector()
{
    const QueryOutcome r = parsePrometheusResponse(
        R"({"status":"success","data":{"resultType":"vector","result":[)"
        R"({"metric":{"__name__":"up","job":"api"},"value":[1700000000.123,"1"]},)"
        R"({"metric":{"job":"db"},"value":[1700000000.123,"0.25"]}]},"warnings":["partial data"]})");
    QCOMPARE(r.failure, QueryFailure::None);
    QCOMPARE(r.resultType, QStringLiteral("vector"));
    QCOMPARE(r.series.size(), 2);
    QCOMPARE(r.series[0].labels.value(QStringLiteral("__name__")), QStringLiteral("up"));
    QCOMPARE(r.series[1].labels.value(QStringLiteral("job")), QStringLiteral("db"));
    QCOMPARE(r.series[1].samples, (QList<Sample> {{1700000000123, 0.25}}));
    QCOMPARE(r.warnings, QStringList {QStringLiteral("partial data")});
}

void TestPrometheusResponse::matrixWithSpecialValues()
{
    const QueryOutcome r = parsePrometheusResponse(
        R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[)"
        R"([1435781430.781,"1.5"],[1435781445,"NaN"],[1435781460.5,"+Inf"],[1435781475.05,"-Inf"],[1.43578149e9,"1e-3"]]}]}})");
    QCOMPARE(r.failure, QueryFailure::None);  // a range keeps its non-finite points
    const QList<Sample> &s = r.series.first().samples;
    QCOMPARE(s.size(), 5);
    QCOMPARE(s[0], (Sample {1435781430781, 1.5}));
    QCOMPARE(s[1].timeMs, 1435781445000);
    QVERIFY(std::isnan(s[1].value));
    QCOMPARE(s[2], (Sample {1435781460500, std::numeric_limits<double>::infinity()}));
    QCOMPARE(s[3], (Sample {1435781475050, -std::numeric_limits<double>::infinity()}));
    QCOMPARE(s[4], (Sample {1435781490000, 0.001}));
}

void TestPrometheusResponse::scalar()
{
    const QueryOutcome r = parsePrometheusResponse(
        R"({"status":"success","data":{"resultType":"scalar","result":[1700000000,"42"]}})");
    QCOMPARE(r.failure, QueryFailure::None);
    QCOMPARE(r.series.size(), 1);
    QVERIFY(r.series.first().labels.isEmpty());
    QCOMPARE(r.series.first().samples, (QList<Sample> {{1700000000000, 42.0}}));
}

void TestPrometheusResponse::failures_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("http");
    QTest::addColumn<QueryFailure>("failure");
    QTest::addColumn<QString>("message");
    QTest::newRow("prometheus error") << QByteArray(
        R"({"status":"error","errorType":"bad_data","error":"parse error at char 5: unexpected \"}\""})")
                                      << 400 << QueryFailure::PrometheusError
                                      << "bad_data: parse error at char 5: unexpected \"}\"";
    QTest::newRow("timeout error body")
        << QByteArray(R"({"status":"error","errorType":"timeout","error":"query timed out"})") << 503
        << QueryFailure::PrometheusError << "timeout: query timed out";
    QTest::newRow("http 502 html") << QByteArray("<html><body>Bad Gateway</body></html>") << 502
                                   << QueryFailure::HttpError
                                   << "HTTP 502: <html><body>Bad Gateway</body></html>";
    QTest::newRow("http 401 empty") << QByteArray() << 401 << QueryFailure::HttpError << "HTTP 401: ";
    QTest::newRow("empty vector") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[]}})")
                                  << 200 << QueryFailure::EmptyResult << "the query returned no data";
    QTest::newRow("matrix without samples")
        << QByteArray(
               R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[]}]}})")
        << 200 << QueryFailure::EmptyResult << "the query returned no data";
    QTest::newRow("NaN instant") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"NaN"]}]}})")
                                 << 200 << QueryFailure::NotFinite << "the query answered NaN";
    QTest::newRow("+Inf scalar") << QByteArray(
        R"({"status":"success","data":{"resultType":"scalar","result":[1,"+Inf"]}})")
                                 << 200 << QueryFailure::NotFinite << "the query answered +Inf";
    QTest::newRow("string result") << QByteArray(
        R"({"status":"success","data":{"resultType":"string","result":[1,"hello"]}})")
                                   << 200 << QueryFailure::MalformedJson
                                   << "data.result: a string result cannot be read as a number series";
    QTest::newRow("unknown status") << QByteArray(R"({"status":"maybe"})") << 200
                                    << QueryFailure::MalformedJson
                                    << "status: expected \"success\" or \"error\", got \"maybe\"";
    QTest::newRow("no result") << QByteArray(R"({"status":"success","data":{"resultType":"vector"}})") << 200
                               << QueryFailure::MalformedJson << "data.result is missing";
}

void TestPrometheusResponse::failures()
{
    QFETCH(QByteArray, body);
    QFETCH(int, http);
    const QueryOutcome r = parsePrometheusResponse(body, http);
    QTEST(r.failure, "failure");
    QTEST(r.message, "message");
    QVERIFY(!r.ok());
    if (r.failure != QueryFailure::NotFinite)
        QVERIFY(r.series.isEmpty());
}

void TestPrometheusResponse::malformedNamesPathAndOffset_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QByteArray head
        = R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"b"},"values":[[1,"1"],)";
    QTest::newRow("truncated")
        << head + "[2,\"2"
        << QStringLiteral("data.result[0].values[1]: unterminated string at offset %1").arg(head.size() + 5);
    QTest::newRow("bad value") << head + R"([2,"abc"]]}]}})"
                               << QStringLiteral("data.result[0].values[1]: expected a sample value (a "
                                                 "number, NaN, +Inf or -Inf) in a string at offset %1")
                                      .arg(head.size() + 7);
    QTest::newRow("number not string")
        << head + R"([2,2]]}]}})"
        << QStringLiteral("data.result[0].values[1]: expected '\"' at offset %1").arg(head.size() + 3);
    QTest::newRow("missing comma")
        << head + R"([2,"2"] [3,"3"]]}]}})"
        << QStringLiteral("data.result[0].values[1]: expected ',' or ']' at offset %1").arg(head.size() + 8);
    QTest::newRow("label not string")
        << QByteArray(
               R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":7}}]}})")
        << QStringLiteral("data.result[0].metric.job: expected '\"' at offset 77");
    QTest::newRow("not json") << QByteArray("Service Unavailable")
                              << QStringLiteral("(top level): expected '{' at offset 0");
    QTest::newRow("trailing data") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[]}} x)")
                                   << QStringLiteral(
                                          "(top level): unexpected data after the answer at offset 64");
    QTest::newRow("deep nesting") << QByteArray(R"({"x":)") + QByteArray(200, '[')
                                  << QStringLiteral("x: nested deeper than 128 levels at offset 134");
    QTest::newRow("bad escape") << QByteArray(R"({"status":"succ\ess"})")
                                << QStringLiteral("status: unknown escape '\\e' at offset 15");
}

void TestPrometheusResponse::malformedNamesPathAndOffset()
{
    QFETCH(QByteArray, body);
    const QueryOutcome r = parsePrometheusResponse(body);
    QCOMPARE(r.failure, QueryFailure::MalformedJson);
    QTEST(r.message, "message");
}

void TestPrometheusResponse::escapesAndWhitespace()
{
    const QueryOutcome r
        = parsePrometheusResponse("{ \"status\" : \"success\" ,\n \"data\" : { \"resultType\" : \"vector\" , "
                                  "\"result\" : [ { \"metric\" : "
                                  "{ \"path\" : \"/a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\" } , \"value\" : [ 1 "
                                  ", \"2\" ] , \"histogram\" : [1, {\"count\": \"3\"}] } ] } }\n");
    QCOMPARE(r.failure, QueryFailure::None);
    QCOMPARE(r.series.first().labels.value(QStringLiteral("path")),
        QStringLiteral("/a\"b\\c\n") + QChar(0xE9) + QString::fromUcs4(U"\U0001F600", 1));
}

void TestPrometheusResponse::agreesWithQJsonDocument()
{
    QJsonArray result;
    for (int s = 0; s < 3; ++s) {
        QJsonArray values;
        for (int i = 0; i < 500; ++i)
            values.append(
                QJsonArray {1700000000 + i * 15.5, QString::number(std::sin(i + s) * 1e3, 'g', 17)});
        result.append(
            QJsonObject {{QStringLiteral("metric"), QJsonObject {{QStringLiteral("s"), QString::number(s)}}},
                {QStringLiteral("values"), values}});
    }
    const QJsonObject doc {{QStringLiteral("status"), QStringLiteral("success")},
        {QStringLiteral("data"),
            QJsonObject {{QStringLiteral("resultType"), QStringLiteral("matrix")},
                {QStringLiteral("result"), result}}}};
    const QueryOutcome r = parsePrometheusResponse(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    QCOMPARE(r.failure, QueryFailure::None);
    QCOMPARE(r.series.size(), 3);
    for (int s = 0; s < 3; ++s) {
        const QJsonArray values = result.at(s).toObject().value(QStringLiteral("values")).toArray();
        QCOMPARE(r.series[s].samples.size(), values.size());
        for (int i = 0; i < values.size(); ++i) {
            const QJsonArray pair = values.at(i).toArray();
            QCOMPARE(r.series[s].samples[i].timeMs, qint64(std::llround(pair.at(0).toDouble() * 1000)));
            QCOMPARE(r.series[s].samples[i].value, pair.at(1).toString().toDouble());
        }
    }
}

QTEST_GUILESS_MAIN(TestPrometheusResponse)
#include "tst_prometheus_response.moc"
