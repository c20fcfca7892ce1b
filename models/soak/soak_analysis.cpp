// A check's measurements judged against its bound and limits, and the soak's verdict from its
// checks and triggers. The rules are in docs/soak-analysis.md; "never PASS without data" is the
// one that every branch here keeps.
#include "soak_analysis.h"

#include <algorithm>

#include <QHash>
#include <cmath>

namespace cockpit {

using std::chrono::seconds;

namespace {

QString num(double value)
{
    return QString::number(value, 'g', 6);
}
QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));  // as readiness says times
}

QString failureDetail(const Reading &reading)
{
    const QString kind = queryFailureName(reading.failure);
    return reading.message.isEmpty() ? kind : kind + QStringLiteral(": ") + reading.message;
}

// One reading judged: the status and detail of its measurement.
void judge(Measurement &m, const Reading &reading, const std::optional<Threshold> &threshold,
    bool noDataFails, const QString &baselineProblem)
{
    m.failure = reading.failure;
    m.value = reading.value;
    m.sampleTime = reading.sampleTime;
    const bool noData = reading.failure == QueryFailure::EmptyResult
        || (reading.failure == QueryFailure::None && !reading.value);
    if (noData) {
        m.status = noDataFails ? MeasurementStatus::Fail : MeasurementStatus::NoData;
        m.detail = noDataFails ? QStringLiteral("no data (on_no_data: fail)") : QStringLiteral("no data");
        m.failure = QueryFailure::EmptyResult;
    } else if (reading.failure != QueryFailure::None || !std::isfinite(*reading.value)) {
        m.status = MeasurementStatus::Error;
        m.failure = reading.failure == QueryFailure::None ? QueryFailure::NotFinite : reading.failure;
        m.detail = reading.failure == QueryFailure::None
            ? QStringLiteral("not_finite: %1").arg(*reading.value)
            : failureDetail(reading);
    } else if (!threshold) {
        m.status = MeasurementStatus::Error;
        m.detail = baselineProblem;
    } else if (threshold->holds(*reading.value)) {
        m.status = MeasurementStatus::Pass;
        m.detail = threshold->max ? QStringLiteral("%1 <= %2").arg(num(*reading.value), num(*threshold->max))
                                  : QStringLiteral("%1 >= %2").arg(num(*reading.value), num(*threshold->min));
    } else {
        m.status = MeasurementStatus::Fail;
        m.detail = threshold->max && *reading.value > *threshold->max
            ? QStringLiteral("%1 > %2").arg(num(*reading.value), num(*threshold->max))
            : QStringLiteral("%1 < %2").arg(num(*reading.value), num(*threshold->min));
    }
}

struct Tally {
    int failures = 0;
    int unresolved = 0;  // errors and inconclusive no-data: never counted as passes
    int pending = 0;
    int run = 0;  // errors in a row so far
    int longestRun = 0;
    QString lastError;
};

void count(Tally &tally, const Measurement &m)
{
    switch (m.status) {
    case MeasurementStatus::Pending:
        ++tally.pending;
        return;
    case MeasurementStatus::Error:
        ++tally.unresolved;
        tally.longestRun = std::max(tally.longestRun, ++tally.run);
        tally.lastError = m.detail;
        return;
    case MeasurementStatus::Fail:
        ++tally.failures;
        break;
    case MeasurementStatus::NoData:
        ++tally.unresolved;
        break;
    case MeasurementStatus::Pass:
        break;
    }
    tally.run = 0;
}

// "1 failure", "2 failures": the reasons are read by people (and the CLI prints them).
QString counted(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

// Status, reason and "when can it change" from the tally.
void conclude(CheckResult &r, const Tally &t)
{
    const auto errors = std::count_if(r.measurements.cbegin(), r.measurements.cend(),
        [](const Measurement &m) { return m.status == MeasurementStatus::Error; });
    const QDateTime last = r.measurements.isEmpty() ? QDateTime() : r.measurements.last().time;
    for (const Measurement &m : std::as_const(r.measurements))
        if (m.status == MeasurementStatus::Pending) {
            r.nextMeasurement = m.time;
            break;
        }
    if (t.failures > r.failureLimit) {
        r.status = CheckStatus::Fail;
        r.nextMeasurement.reset();
        r.reason = QStringLiteral("%1 > failure_limit %2").arg(counted(t.failures, "failure", "failures")).arg(r.failureLimit);
    } else if (t.longestRun >= r.consecutiveErrorLimit) {
        r.status = CheckStatus::Inconclusive;
        r.reason = QStringLiteral("%1 consecutive query errors (limit %2), last: %3")
                       .arg(t.longestRun)
                       .arg(r.consecutiveErrorLimit)
                       .arg(t.lastError);
    } else if (r.scheduled == 0) {
        r.status = CheckStatus::Inconclusive;
        r.reason = QStringLiteral("no measurement is scheduled (interval, count or duration missing)");
    } else if (t.pending > 0) {
        r.status = CheckStatus::Running;
        if (t.unresolved == 0)
            r.earliestPass = last;
        // Measured counts values; errors are counted apart (they are no measurement of the service).
        r.reason = QStringLiteral("%1 of %2 measured%3, %4 (limit %5)%6")
                       .arg(r.scheduled - t.pending - int(errors))
                       .arg(r.scheduled)
                       .arg(errors > 0 ? QStringLiteral(" (%1 apart)").arg(counted(int(errors), "error", "errors"))
                                       : QString())
                       .arg(counted(t.failures, "failure", "failures"))
                       .arg(r.failureLimit)
                       .arg(t.unresolved == 0
                               ? QStringLiteral("; can pass at %1").arg(utcText(last))
                               : QStringLiteral("; %1 without a value: can no longer pass unless re-measured")
                                     .arg(t.unresolved));
    } else if (t.unresolved > 0) {
        r.status = CheckStatus::Inconclusive;
        r.reason = QStringLiteral("%1 of %2 measurements have no value (errors or no data)")
                       .arg(t.unresolved)
                       .arg(r.scheduled);
    } else {
        r.status = CheckStatus::Pass;
        r.earliestPass = last;
        r.reason = QStringLiteral("%1, %2 (limit %3)")
                       .arg(counted(r.scheduled, "measurement", "measurements"))
                       .arg(counted(t.failures, "failure", "failures"))
                       .arg(r.failureLimit);
    }
}

}  // namespace

CheckResult evaluateCheck(const CheckInput &input, const QDateTime &start, seconds soakDuration,
    const QDateTime &now, seconds grace)
{
    const SoakCheckPolicy &policy = input.policy;
    CheckResult r;
    r.name = policy.name;
    r.unit = policy.unit;
    r.failureLimit = policy.failureLimit;
    r.consecutiveErrorLimit = policy.consecutiveErrorLimit;
    QString baselineProblem;
    std::optional<double> baselineValue;
    if (needsBaseline(policy)) {
        if (input.baseline && input.baseline->failure == QueryFailure::None && input.baseline->value
            && std::isfinite(*input.baseline->value))
            baselineValue = input.baseline->value;
        else
            baselineProblem = input.baseline
                ? QStringLiteral("baseline unavailable: ") + failureDetail(*input.baseline)
                : QStringLiteral("baseline unavailable");
        r.baseline = baselineValue;
    }
    const std::optional<Threshold> threshold = resolveThreshold(policy, baselineValue);
    if (threshold) {
        r.thresholdMax = threshold->max;
        r.thresholdMin = threshold->min;
    }
    QHash<qint64, const Reading *> latest;
    for (const Reading &reading : input.readings)
        latest.insert(reading.time.toMSecsSinceEpoch(), &reading);
    const bool noDataFails = policy.onNoData == u"fail";
    Tally tally;
    for (const QDateTime &time : measurementTimes(policy, start, soakDuration)) {
        Measurement m;
        m.time = time;
        const Reading *reading = latest.value(time.toMSecsSinceEpoch());
        if (time > now) {
            m.detail = QStringLiteral("scheduled");
        } else if (reading) {
            judge(m, *reading, threshold, noDataFails, baselineProblem);
        } else if (now < time.addSecs(grace.count())) {
            m.detail = QStringLiteral("due");
        } else {
            m.status = MeasurementStatus::Error;
            m.detail = QStringLiteral("not measured");
        }
        count(tally, m);
        r.measurements << m;
    }
    r.scheduled = int(r.measurements.size());
    r.consecutiveErrors = tally.run;
    r.failures = tally.failures;
    conclude(r, tally);
    return r;
}

}  // namespace cockpit
