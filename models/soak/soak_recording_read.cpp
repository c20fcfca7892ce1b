// Reading a recording back from JSON: strict, and the first problem is reported with its field.
#include "soak_recording.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>
#include <limits>

namespace cockpit {

namespace {

using std::chrono::seconds;

// Reads fields under a path; the first problem wins and later reads return defaults.
class Fields {
public:
    std::optional<Error> error;

    void fail(const QString &path, const QString &what)
    {
        if (!error)
            error = Error {ErrorCode::BadInput, QStringLiteral("%1: %2").arg(path, what), {}};
    }
    QJsonValue get(const QJsonObject &o, const QString &path, const QString &key, bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() && required)
            fail(sub(path, key), QStringLiteral("missing"));
        return v;
    }
    static QString sub(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + u'.' + key;
    }
    static QString at(const QString &path, qsizetype i) { return QStringLiteral("%1[%2]").arg(path).arg(i); }

    QString string(const QJsonObject &o, const QString &path, const QString &key, bool required = false)
    {
        const QJsonValue v = get(o, path, key, required);
        if (!v.isUndefined() && !v.isString())
            fail(sub(path, key), QStringLiteral("expected a string"));
        return v.toString();
    }
    std::optional<double> number(
        const QJsonObject &o, const QString &path, const QString &key, bool required = false)
    {
        const QJsonValue v = get(o, path, key, required);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble())
            fail(sub(path, key), QStringLiteral("expected a number"));
        return v.toDouble();
    }
    std::optional<double> sampleValue(const QJsonValue &v, const QString &path)
    {
        if (v.isDouble())
            return v.toDouble();
        const QString text = v.toString();
        if (text == u"NaN")
            return std::numeric_limits<double>::quiet_NaN();
        if (text == u"+Inf" || text == u"-Inf")
            return text.startsWith(u'+') ? std::numeric_limits<double>::infinity()
                                         : -std::numeric_limits<double>::infinity();
        fail(path, QStringLiteral("expected a number, \"NaN\", \"+Inf\" or \"-Inf\""));
        return std::nullopt;
    }
    std::optional<seconds> duration(
        const QJsonObject &o, const QString &path, const QString &key, bool required = false)
    {
        const std::optional<double> n = number(o, path, key, required);
        if (n && (*n < 0 || *n > 1e10 || *n != std::floor(*n))) {
            fail(sub(path, key), QStringLiteral("expected whole seconds"));
            return std::nullopt;  // converting 1e300 to an integer is undefined
        }
        return n ? std::optional(seconds(qint64(*n))) : std::nullopt;
    }
    QDateTime time(const QJsonObject &o, const QString &path, const QString &key)
    {
        const QDateTime t = QDateTime::fromString(string(o, path, key, true), Qt::ISODateWithMs);
        if (!t.isValid())
            fail(sub(path, key), QStringLiteral("expected an RFC 3339 time"));
        return t.toUTC();
    }
    QJsonArray array(const QJsonObject &o, const QString &path, const QString &key)
    {
        const QJsonValue v = get(o, path, key, false);
        if (!v.isUndefined() && !v.isArray())
            fail(sub(path, key), QStringLiteral("expected an array"));
        return v.toArray();
    }
    QJsonObject object(const QJsonValue &v, const QString &path)
    {
        if (!v.isObject())
            fail(path, QStringLiteral("expected an object"));
        return v.toObject();
    }
    QueryFailure failure(const QJsonObject &o, const QString &path)
    {
        const QString name = string(o, path, QStringLiteral("failure"));
        const std::optional<QueryFailure> f
            = queryFailureFromName(name.isEmpty() ? QStringLiteral("none") : name);
        if (!f)
            fail(sub(path, QStringLiteral("failure")), QStringLiteral("unknown failure \"%1\"").arg(name));
        return f.value_or(QueryFailure::MalformedJson);
    }
};

template <typename Bounded>
void readBound(Fields &f, const QJsonObject &o, const QString &path, Bounded &policy)
{
    policy.max = f.number(o, path, QStringLiteral("max"));
    policy.min = f.number(o, path, QStringLiteral("min"));
    if (!o.contains(QStringLiteral("baseline")))
        return;
    const QString bpath = Fields::sub(path, QStringLiteral("baseline"));
    const QJsonObject b = f.object(o.value(QStringLiteral("baseline")), bpath);
    policy.baselineWindow = f.duration(b, bpath, QStringLiteral("window"), true);
    policy.baselineMaxRatio = f.number(b, bpath, QStringLiteral("max_ratio"));
    policy.baselineMaxIncrease = f.number(b, bpath, QStringLiteral("max_increase"));
    policy.baselineMaxIncreasePercent = f.number(b, bpath, QStringLiteral("max_increase_percent"));
    policy.baselineQuery = f.string(b, bpath, QStringLiteral("query"));
}

SoakCheckPolicy readCheckPolicy(Fields &f, const QJsonObject &o, const QString &path)
{
    SoakCheckPolicy p;
    p.name = f.string(o, path, QStringLiteral("name"), true);
    p.query = f.string(o, path, QStringLiteral("query"));
    readBound(f, o, path, p);
    p.interval = f.duration(o, path, QStringLiteral("interval"), true).value_or(seconds(0));
    if (const auto count = f.number(o, path, QStringLiteral("count")))
        p.count = int(std::clamp(*count, 0.0, 1e6));
    p.duration = f.duration(o, path, QStringLiteral("duration"));
    p.failureLimit
        = int(std::clamp(f.number(o, path, QStringLiteral("failure_limit")).value_or(0), 0.0, 1e6));
    p.consecutiveErrorLimit
        = int(std::clamp(f.number(o, path, QStringLiteral("consecutive_error_limit")).value_or(4), 1.0, 1e6));
    p.onNoData = f.string(o, path, QStringLiteral("on_no_data"));
    p.unit = f.string(o, path, QStringLiteral("unit"));  // absent in recordings before units
    if (p.onNoData != u"fail" && p.onNoData != u"inconclusive")
        f.fail(
            Fields::sub(path, QStringLiteral("on_no_data")), QStringLiteral("expected inconclusive or fail"));
    return p;
}

TriggerPolicy readTriggerPolicy(Fields &f, const QJsonObject &o, const QString &path)
{
    TriggerPolicy p;
    p.name = f.string(o, path, QStringLiteral("name"), true);
    p.query = f.string(o, path, QStringLiteral("query"));
    readBound(f, o, path, p);
    p.forDuration = f.duration(o, path, QStringLiteral("for")).value_or(seconds(0));
    p.severity = f.string(o, path, QStringLiteral("severity"));
    p.probe = f.string(o, path, QStringLiteral("probe"));
    p.manual = o.value(QStringLiteral("manual")).toBool();
    p.action = f.string(o, path, QStringLiteral("action"));
    p.automatic = o.value(QStringLiteral("automatic")).toBool();  // absent before issue 15
    return p;
}

QueryOutcome readOutcome(Fields &f, const QJsonValue &value, const QString &path)
{
    const QJsonObject o = f.object(value, path);
    QueryOutcome out;
    out.failure = f.failure(o, path);
    out.message = f.string(o, path, QStringLiteral("message"));
    out.resultType = f.string(o, path, QStringLiteral("result_type"));
    for (const QJsonValue &w : f.array(o, path, QStringLiteral("warnings")))
        out.warnings << w.toString();
    const QJsonArray series = f.array(o, path, QStringLiteral("series"));
    for (qsizetype i = 0; i < series.size() && !f.error; ++i) {
        const QString spath = Fields::at(Fields::sub(path, QStringLiteral("series")), i);
        const QJsonObject s = f.object(series.at(i), spath);
        Series item;
        const QJsonObject labels = s.value(QStringLiteral("labels")).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            item.labels.insert(it.key(), it.value().toString());
        const QJsonArray samples = f.array(s, spath, QStringLiteral("samples"));
        item.samples.reserve(samples.size());
        for (qsizetype j = 0; j < samples.size() && !f.error; ++j) {
            const QJsonArray pair = samples.at(j).toArray();
            const QString ppath = Fields::at(Fields::sub(spath, QStringLiteral("samples")), j);
            // Beyond 2^53 ms a time is no longer a whole number and may not fit qint64 at all.
            const double ms = pair.at(0).toDouble();
            if (pair.size() != 2 || !pair.at(0).isDouble() || !(std::abs(ms) <= 9007199254740992.0)) {
                f.fail(ppath, QStringLiteral("expected [unix_ms, value]"));
                break;
            }
            const std::optional<double> v = f.sampleValue(pair.at(1), ppath);
            item.samples.append(Sample {qint64(ms), v.value_or(0)});
        }
        out.series << item;
    }
    return out;
}

Reading readReading(Fields &f, const QJsonValue &value, const QString &path)
{
    const QJsonObject o = f.object(value, path);
    Reading r;
    r.time = f.time(o, path, QStringLiteral("time"));
    r.failure = f.failure(o, path);
    if (o.contains(QStringLiteral("value")))
        r.value = f.sampleValue(o.value(QStringLiteral("value")), Fields::sub(path, QStringLiteral("value")));
    r.message = f.string(o, path, QStringLiteral("message"));
    if (o.contains(QStringLiteral("sample_time")))
        r.sampleTime = f.time(o, path, QStringLiteral("sample_time"));
    return r;
}

std::optional<Reading> readBaseline(Fields &f, const QJsonObject &o, const QString &path)
{
    if (!o.contains(QStringLiteral("baseline")))
        return std::nullopt;
    return readReading(f, o.value(QStringLiteral("baseline")), Fields::sub(path, QStringLiteral("baseline")));
}

void readEntries(Fields &f, const QJsonObject &json, SoakRecording &rec)
{
    const QJsonArray checks = f.array(json, {}, QStringLiteral("checks"));
    for (qsizetype i = 0; i < checks.size() && !f.error; ++i) {
        const QString path = Fields::at(QStringLiteral("checks"), i);
        const QJsonObject o = f.object(checks.at(i), path);
        RecordedCheck check;
        check.policy = readCheckPolicy(f,
            f.object(o.value(QStringLiteral("policy")), path + QStringLiteral(".policy")),
            path + QStringLiteral(".policy"));
        check.series = readOutcome(f, o.value(QStringLiteral("series")), path + QStringLiteral(".series"));
        const QJsonArray readings = f.array(o, path, QStringLiteral("readings"));
        for (qsizetype j = 0; j < readings.size() && !f.error; ++j)
            check.readings << readReading(
                f, readings.at(j), Fields::at(path + QStringLiteral(".readings"), j));
        check.baseline = readBaseline(f, o, path);
        rec.checks << check;
    }
    const QJsonArray triggers = f.array(json, {}, QStringLiteral("triggers"));
    for (qsizetype i = 0; i < triggers.size() && !f.error; ++i) {
        const QString path = Fields::at(QStringLiteral("triggers"), i);
        const QJsonObject o = f.object(triggers.at(i), path);
        RecordedTrigger trigger;
        trigger.policy = readTriggerPolicy(f,
            f.object(o.value(QStringLiteral("policy")), path + QStringLiteral(".policy")),
            path + QStringLiteral(".policy"));
        trigger.series = readOutcome(f, o.value(QStringLiteral("series")), path + QStringLiteral(".series"));
        trigger.baseline = readBaseline(f, o, path);
        trigger.step = f.duration(o, path, QStringLiteral("step")).value_or(seconds(60));
        rec.triggers << trigger;
    }
}

}  // namespace

Result<SoakRecording> soakRecordingFromJson(const QJsonObject &json)
{
    Fields f;
    SoakRecording rec;
    const std::optional<double> format = f.number(json, {}, QStringLiteral("format"), true);
    if (format && *format != SoakRecording::kFormat)
        f.fail(QStringLiteral("format"),
            QStringLiteral("format %1 is not supported (expected %2)")
                .arg(*format)
                .arg(SoakRecording::kFormat));
    rec.environment = f.string(json, {}, QStringLiteral("environment"), true);
    rec.version = f.string(json, {}, QStringLiteral("version"));
    rec.start = f.time(json, {}, QStringLiteral("start"));
    rec.duration = f.duration(json, {}, QStringLiteral("duration"), true).value_or(seconds(0));
    rec.recordedAt = f.time(json, {}, QStringLiteral("recorded_at"));
    rec.whatIf = json.value(QStringLiteral("what_if")).toBool(false);
    if (!f.error)
        readEntries(f, json, rec);
    if (f.error)
        return std::unexpected(*f.error);
    return rec;
}

Result<SoakRecording> parseSoakRecording(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(ErrorCode::BadInput,
            QStringLiteral("soak recording: %1 at offset %2")
                .arg(parseError.errorString())
                .arg(parseError.offset));
    if (!document.isObject())
        return fail(ErrorCode::BadInput, QStringLiteral("soak recording: expected a JSON object"));
    return soakRecordingFromJson(document.object());
}

}  // namespace cockpit
