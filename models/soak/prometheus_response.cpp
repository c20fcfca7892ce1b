#include "prometheus_response.h"

#include "json_cursor.h"

#include <cmath>

namespace cockpit {

namespace {

class ResponseReader {
public:
    explicit ResponseReader(QByteArrayView body)
        : m_cursor(body.data(), body.data() + body.size())
    {
    }

    void readTop();
    QueryOutcome finish(QByteArrayView body, int httpStatus);

private:
    void readData();
    void readResult();
    void readSeries(Series &series);
    void readLabels(QMap<QString, QString> &labels);
    bool readPair(Sample &sample);
    void readStrings(QStringList &out);

    JsonCursor m_cursor;
    QueryOutcome m_out;
    QString m_status;
    QString m_errorType;
    QString m_error;
    bool m_sawResult = false;
    bool m_pairResult = false;  // the result was [time, value] (scalar), not a list of series
};

void ResponseReader::readTop()
{
    bool first = true;
    std::string_view key;
    if (!m_cursor.beginObject())
        return;
    while (m_cursor.nextMember(first, key)) {
        m_cursor.enterKey(key);
        if (key == "status")
            m_cursor.readString(m_status);
        else if (key == "data")
            readData();
        else if (key == "errorType")
            m_cursor.readString(m_errorType);
        else if (key == "error")
            m_cursor.readString(m_error);
        else if (key == "warnings")
            readStrings(m_out.warnings);
        else
            m_cursor.skipValue();
        m_cursor.leave();
    }
    if (!m_cursor.failed() && !m_cursor.atEnd())
        m_cursor.fail(QStringLiteral("unexpected data after the answer"));
}

void ResponseReader::readData()
{
    bool first = true;
    std::string_view key;
    if (!m_cursor.beginObject())
        return;
    while (m_cursor.nextMember(first, key)) {
        m_cursor.enterKey(key);
        if (key == "resultType") {
            m_cursor.readString(m_out.resultType);
        } else if (key == "result") {
            // A string result holds text, not a number; it is refused after the parse.
            if (m_out.resultType == u"string")
                m_cursor.skipValue();
            else
                readResult();
            m_sawResult = true;
        } else {
            m_cursor.skipValue();
        }
        m_cursor.leave();
    }
}

void ResponseReader::readResult()
{
    if (!m_cursor.beginArray())
        return;
    const char next = m_cursor.peek();
    if (next != '{' && next != ']') {
        // scalar: [time, "value"]; the opening bracket is already consumed.
        m_pairResult = true;
        Sample sample;
        if (m_cursor.readTimestampMs(sample.timeMs) && m_cursor.expect(',')
            && m_cursor.readSampleValue(sample.value) && m_cursor.expect(']'))
            m_out.series << Series {{}, {sample}};
        return;
    }
    bool first = true;
    m_cursor.enterArray();
    for (qsizetype i = 0; m_cursor.nextElement(first); ++i) {
        m_cursor.setIndex(i);
        Series series;
        readSeries(series);
        if (m_cursor.failed())
            break;
        m_out.series << std::move(series);
    }
    m_cursor.leave();
}

void ResponseReader::readSeries(Series &series)
{
    bool first = true;
    std::string_view key;
    if (!m_cursor.beginObject())
        return;
    while (m_cursor.nextMember(first, key)) {
        m_cursor.enterKey(key);
        if (key == "metric") {
            readLabels(series.labels);
        } else if (key == "values") {
            bool firstValue = true;
            if (m_cursor.beginArray()) {
                m_cursor.enterArray();
                Sample sample;
                for (qsizetype i = 0; m_cursor.nextElement(firstValue); ++i) {
                    m_cursor.setIndex(i);
                    if (!readPair(sample))
                        break;
                    series.samples.append(sample);
                }
                m_cursor.leave();
            }
        } else if (key == "value") {
            Sample sample;
            if (readPair(sample))
                series.samples.append(sample);
        } else {
            m_cursor.skipValue();  // native histograms and keys of later Prometheus versions
        }
        m_cursor.leave();
    }
}

void ResponseReader::readLabels(QMap<QString, QString> &labels)
{
    bool first = true;
    std::string_view key;
    if (!m_cursor.beginObject())
        return;
    while (m_cursor.nextMember(first, key)) {
        const QString name = QString::fromUtf8(key.data(), qsizetype(key.size()));
        m_cursor.enterKey(key);
        QString value;
        if (m_cursor.readString(value))
            labels.insert(name, value);
        m_cursor.leave();
    }
}

bool ResponseReader::readPair(Sample &sample)
{
    return m_cursor.beginArray() && m_cursor.readTimestampMs(sample.timeMs) && m_cursor.expect(',')
        && m_cursor.readSampleValue(sample.value) && m_cursor.expect(']');
}

void ResponseReader::readStrings(QStringList &out)
{
    bool first = true;
    if (!m_cursor.beginArray())
        return;
    m_cursor.enterArray();
    for (qsizetype i = 0; m_cursor.nextElement(first); ++i) {
        m_cursor.setIndex(i);
        QString text;
        if (m_cursor.readString(text))
            out << text;
    }
    m_cursor.leave();
}

QueryOutcome failed(QueryOutcome out, QueryFailure failure, const QString &message)
{
    out.failure = failure;
    out.message = message;
    out.series.clear();
    return out;
}

QString startOf(QByteArrayView body)
{
    return QString::fromUtf8(body.first(std::min<qsizetype>(body.size(), 200))).simplified();
}

QueryOutcome ResponseReader::finish(QByteArrayView body, int httpStatus)
{
    const bool httpOk = httpStatus == 0 || httpStatus == 200;
    const QString http = QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(startOf(body));
    if (m_cursor.failed())
        return httpOk ? failed(m_out, QueryFailure::MalformedJson, m_cursor.error())
                      : failed(m_out, QueryFailure::HttpError, http);
    if (m_status == u"error")
        return failed(m_out, QueryFailure::PrometheusError,
            QStringLiteral("%1: %2").arg(
                m_errorType.isEmpty() ? QStringLiteral("error") : m_errorType, m_error));
    if (!httpOk)
        return failed(m_out, QueryFailure::HttpError, http);
    if (m_status != u"success")
        return failed(m_out, QueryFailure::MalformedJson,
            QStringLiteral("status: expected \"success\" or \"error\", got \"%1\"").arg(m_status));
    const QString &type = m_out.resultType;
    const bool pairType = type == u"scalar";
    if (!m_sawResult || !(pairType || type == u"vector" || type == u"matrix") || pairType != m_pairResult)
        return failed(m_out, QueryFailure::MalformedJson,
            m_sawResult ? QStringLiteral("data.result: a %1 result cannot be read as a number series")
                              .arg(type.isEmpty() ? QStringLiteral("(missing resultType)") : type)
                        : QStringLiteral("data.result is missing"));
    qsizetype samples = 0;
    for (const Series &series : std::as_const(m_out.series))
        samples += series.samples.size();
    if (samples == 0)
        return failed(m_out, QueryFailure::EmptyResult, QStringLiteral("the query returned no data"));
    if (type != u"matrix")
        for (const Series &series : std::as_const(m_out.series))
            for (const Sample &sample : series.samples)
                if (!std::isfinite(sample.value)) {
                    m_out.failure = QueryFailure::NotFinite;
                    m_out.message = QStringLiteral("the query answered %1")
                                        .arg(std::isnan(sample.value) ? QStringLiteral("NaN")
                                                : sample.value > 0    ? QStringLiteral("+Inf")
                                                                      : QStringLiteral("-Inf"));
                    return m_out;
                }
    return m_out;
}

}  // namespace

QueryOutcome parsePrometheusResponse(QByteArrayView body, int httpStatus)
{
    ResponseReader reader(body);
    reader.readTop();
    return reader.finish(body, httpStatus);
}

}  // namespace cockpit
