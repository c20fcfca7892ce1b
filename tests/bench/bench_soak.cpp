// Soak analysis speed. (1) Parse a 6 x 11,000-point query_range answer into series with the
// Prometheus reader, against simdjson (On Demand) building the same series from the same bytes
// in this process, and QJsonDocument for reference. Target: within 3x of simdjson.
// (2) Downsample 11,000 points to 1,500 (LTTB) and to 750 pixel columns (min/max). Target: LTTB
// under 0.5 ms. Reports only; gates nothing.
#include "downsample.h"
#include "prometheus_response.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

#ifdef COCKPIT_HAVE_SIMDJSON
#include <simdjson.h>
#endif

using namespace cockpit;

namespace {

constexpr int kSeries = 6;
constexpr int kPoints = 11000;
constexpr int kRuns = 31;

QByteArray rangeAnswer()
{
    QByteArray json = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    char buffer[64];
    for (int s = 0; s < kSeries; ++s) {
        json += s ? ",{" : "{";
        json += R"("metric":{"__name__":"http_requests_total","env":"production","instance":"api-)"
            + QByteArray::number(s) + R"(:8080","job":"solvereign-api"},"values":[)";
        for (int i = 0; i < kPoints; ++i) {
            // Prometheus writes the shortest round-tripping form, as to_chars does.
            const double value = 0.5 + 0.4 * std::sin(i / 300.0 + s) + (i % 97) * 1e-4;
            const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
            json += i ? ",[" : "[";
            json
                += QByteArray::number(1700000000 + i * 15) + ",\"" + QByteArray(buffer, end - buffer) + "\"]";
        }
        json += "]}";
    }
    json += "]}}";
    return json;
}

template <typename F> double medianUs(F &&run)
{
    std::vector<double> times;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer t;
        t.start();
        run();
        times.push_back(double(t.nsecsElapsed()) / 1e3);
    }
    std::sort(times.begin(), times.end());
    return times[kRuns / 2];
}

qsizetype parseWithQJsonDocument(const QByteArray &json)
{
    qsizetype count = 0;
    const QJsonArray result
        = QJsonDocument::fromJson(json).object().value(u"data").toObject().value(u"result").toArray();
    for (const QJsonValue &series : result) {
        QList<Sample> samples;
        for (const QJsonValue &pair : series.toObject().value(u"values").toArray()) {
            const QJsonArray p = pair.toArray();
            samples.append(Sample {qint64(p.at(0).toDouble() * 1000), p.at(1).toString().toDouble()});
        }
        count += samples.size();
    }
    return count;
}

#ifdef COCKPIT_HAVE_SIMDJSON
// The same work as ours: labels kept, every pair read into a time in ms and a double.
qsizetype parseWithSimdjson(simdjson::ondemand::parser &parser, const simdjson::padded_string &json)
{
    qsizetype count = 0;
    simdjson::ondemand::document doc = parser.iterate(json);
    for (simdjson::ondemand::object series : doc["data"]["result"].get_array()) {
        std::vector<std::pair<std::string_view, std::string_view>> labels;
        std::vector<Sample> samples;
        for (simdjson::ondemand::field field : series) {
            const std::string_view key = field.unescaped_key();
            if (key == "metric") {
                for (simdjson::ondemand::field label : field.value().get_object())
                    labels.emplace_back(label.unescaped_key().value(), label.value().get_string().value());
            } else if (key == "values") {
                for (simdjson::ondemand::array pair : field.value().get_array()) {
                    auto it = pair.begin();
                    const double time = (*it).get_double();
                    ++it;
                    const std::string_view text = (*it).get_string();
                    double value = 0;
                    std::from_chars(text.data(), text.data() + text.size(), value);
                    samples.push_back(Sample {qint64(std::llround(time * 1000)), value});
                }
            }
        }
        count += qsizetype(samples.size());
    }
    return count;
}
#endif

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray json = rangeAnswer();
    std::printf("query_range answer: %d series x %d points, %.1f MB\n", kSeries, kPoints, json.size() / 1e6);

    qsizetype ours = 0;
    const double oursUs = medianUs([&] {
        const QueryOutcome r = parsePrometheusResponse(json);
        ours = 0;
        for (const Series &s : r.series)
            ours += s.samples.size();
    });
    std::printf("parsePrometheusResponse: %8.0f us (%lld samples)\n", oursUs, (long long)ours);
    qsizetype qt = 0;
    const double qtUs = medianUs([&] { qt = parseWithQJsonDocument(json); });
    std::printf("QJsonDocument:           %8.0f us (%lld samples), ours is %.2fx faster\n", qtUs,
        (long long)qt, qtUs / oursUs);
#ifdef COCKPIT_HAVE_SIMDJSON
    simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(json.constData(), std::size_t(json.size()));
    qsizetype simd = 0;
    const double simdUs = medianUs([&] { simd = parseWithSimdjson(parser, padded); });
    std::printf("simdjson (On Demand):    %8.0f us (%lld samples)\n", simdUs, (long long)simd);
    std::printf("ratio ours/simdjson: %.2fx (target <= 3x)\n", oursUs / simdUs);
#else
    std::printf("simdjson not found: no peer ratio\n");
#endif

    const QList<Sample> series = parsePrometheusResponse(json).series.first().samples;
    qsizetype kept = 0;
    const double lttbUs = medianUs([&] { kept = downsampleLttb(series, 1500).size(); });
    std::printf("LTTB %lld -> %lld points: %.0f us (target < 500 us)\n", (long long)series.size(),
        (long long)kept, lttbUs);
    const double minMaxUs = medianUs([&] { kept = downsampleMinMax(series, 750).size(); });
    std::printf("min/max per column, 750 columns -> %lld points: %.0f us\n", (long long)kept, minMaxUs);
    return 0;
}
