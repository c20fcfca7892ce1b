#pragma once
// The vocabulary of soak analysis shared by models (analysis, Prometheus reader, recordings),
// services (Prometheus client, soak monitor) and ui (Soak tab): samples, query outcomes,
// measurements and the results a check, a trigger and a whole soak come to.
// docs/soak-analysis.md states the semantics these types carry.
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace cockpit {

// One point of a Prometheus series. Times are Unix milliseconds (Prometheus answers in seconds
// with millisecond precision); a value may be NaN or +-Inf exactly as Prometheus sent it.
struct Sample {
    qint64 timeMs = 0;
    double value = 0;

    friend bool operator==(const Sample &, const Sample &) = default;
};

struct Series {
    QMap<QString, QString> labels;  // includes __name__ when Prometheus sent it
    QList<Sample> samples;  // ascending time

    friend bool operator==(const Series &, const Series &) = default;
};

// Why a query gave no usable value. Every kind other than None and EmptyResult is an error of the
// measuring, never evidence that the service is healthy.
enum class QueryFailure {
    None,
    Unreachable,  // connection refused, DNS, TLS: Prometheus could not be asked
    HttpError,  // an HTTP status other than 200 without a Prometheus error body
    PrometheusError,  // {"status":"error","errorType":...,"error":...}
    MalformedJson,  // the answer is not the JSON the HTTP API defines
    EmptyResult,  // a well-formed answer with no series: there is no data
    NotFinite,  // the value is NaN or +-Inf
    Timeout,  // no answer within the request's timeout
    // Prometheus answered, but its newest sample before the measurement time is older than the
    // soak's max_sample_age (it was down, or not scraping): the value would be a stale one.
    Stale,
};

// Stable lower-case tokens ("unreachable", "http_error", ..., "none") for JSON and recordings.
QString queryFailureName(QueryFailure failure);
std::optional<QueryFailure> queryFailureFromName(const QString &name);

// The answer to one query (instant or range) as the Prometheus client hands it on.
struct QueryOutcome {
    QueryFailure failure = QueryFailure::None;
    QString message;  // Prometheus' errorType: error, the HTTP status, the JSON path of a parse error
    QString resultType;  // vector, matrix, scalar, string ("" when failed)
    QList<Series> series;  // a scalar answer is one series without labels
    QStringList warnings;

    [[nodiscard]] bool ok() const { return failure == QueryFailure::None; }
};

// What a check saw at one scheduled measurement time: a value, or why there is none.
// failure None without a value means "no data" exactly like EmptyResult.
struct Reading {
    QDateTime time;  // the scheduled measurement time (UTC)
    QueryFailure failure = QueryFailure::None;
    std::optional<double> value;
    QString message;
    // When the newest sample behind the value was scraped, as Prometheus returned it (none when
    // not known: a recording made before freshness was checked, or no data).
    std::optional<QDateTime> sampleTime;

    friend bool operator==(const Reading &, const Reading &) = default;
};

enum class MeasurementStatus {
    Pass,  // a finite value within the bound
    Fail,  // a value outside the bound, or no data with on_no_data: fail
    Error,  // the query failed (unreachable, HTTP, Prometheus error, garbled, NaN/Inf, timeout)
    NoData,  // no series with on_no_data: inconclusive
    Pending,  // scheduled, not yet measured
};

struct Measurement {
    QDateTime time;
    std::optional<double> value;
    MeasurementStatus status = MeasurementStatus::Pending;
    QString detail;  // "0.82 > 0.5", "unreachable: connection refused", "no data"
    QueryFailure failure = QueryFailure::None;
    std::optional<QDateTime> sampleTime;  // Reading::sampleTime
};

enum class CheckStatus { Pass, Fail, Inconclusive, Running };

struct CheckResult {
    QString name;
    QString unit;  // the policy's unit: "%", "s", "ms"; empty when it gives none
    CheckStatus status = CheckStatus::Running;
    int failures = 0;
    int failureLimit = 0;
    int consecutiveErrors = 0;  // errors in a row ending at the latest measured time
    int consecutiveErrorLimit = 0;
    int scheduled = 0;  // measurements the check needs in all
    QList<Measurement> measurements;  // one per scheduled time, Pending ones included
    std::optional<QDateTime> nextMeasurement;  // none once nothing remains to measure
    std::optional<QDateTime> earliestPass;  // none when the check can no longer pass
    // The bound in effect (a baseline-relative bound resolved against the baseline value).
    std::optional<double> thresholdMax;
    std::optional<double> thresholdMin;
    std::optional<double> baseline;
    QString reason;  // one sentence a person can act on
};

struct TriggerResult {
    QString name;
    bool fired = false;  // the condition held for `for` at some point of the window
    bool active = false;  // ... and still holds at the latest point
    std::optional<QDateTime> since;  // the first point at which the condition had held for `for`
    QString severity;
    QString kind;  // "query", "probe" (judged from probe results) or "manual" (declared by a person)
    std::optional<QDateTime> holdingSince;  // start of the current unbroken run of the condition
    std::optional<QDateTime> conditionSince;  // start of the run that fired (when it began holding)
    std::optional<QDateTime> resolvedAt;  // the fired run stopped holding here (none while it holds)
    std::optional<double> threshold;  // the bound in effect (baseline-relative resolved)
    bool error = false;  // the query failed: the trigger cannot be judged
    QString action;
    QString reason;
};

enum class SoakVerdict { Pass, Fail, Inconclusive, Running };

// Lower-case tokens ("pass", "fail", "inconclusive", "running"; "error", "no_data", "pending").
QString checkStatusName(CheckStatus status);
QString soakVerdictName(SoakVerdict verdict);
QString measurementStatusName(MeasurementStatus status);
std::optional<CheckStatus> checkStatusFromName(const QString &name);
std::optional<SoakVerdict> soakVerdictFromName(const QString &name);
std::optional<MeasurementStatus> measurementStatusFromName(const QString &name);

struct SoakEvaluation {
    SoakVerdict verdict = SoakVerdict::Running;
    QDateTime start;
    QDateTime end;  // start + the longest check window
    QDateTime evaluatedAt;  // the injected "now"
    QList<CheckResult> checks;
    QList<TriggerResult> triggers;
    std::optional<QDateTime> nextChange;  // earliest time the verdict can change (next measurement)
    std::optional<QDateTime> earliestPass;  // none when the soak can no longer pass
    QString reason;
};

}  // namespace cockpit
