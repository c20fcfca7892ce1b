#pragma once
// Soak analysis: the policy's checks and rollback triggers judged against readings and series,
// with "now" injected so live soaks, past windows, recordings and tests give the same answer.
// No I/O: the soak monitor (services/) fetches, this decides. docs/soak-analysis.md has the rules.
#include "policy.h"
#include "soak_types.h"

#include <chrono>

namespace cockpit {

// A bound after its baseline is applied: a value passes when min <= value <= max (either may be
// absent). Equality passes: "failures > failure_limit" and "value > max" are both strict.
struct Threshold {
    std::optional<double> max;
    std::optional<double> min;

    [[nodiscard]] bool holds(double value) const;  // false for NaN/Inf
};

[[nodiscard]] bool needsBaseline(const SoakCheckPolicy &check);
[[nodiscard]] bool needsBaseline(const TriggerPolicy &trigger);
// none when the bound is baseline-relative and the baseline is missing or not finite.
[[nodiscard]] std::optional<Threshold> resolveThreshold(
    const SoakCheckPolicy &check, std::optional<double> baseline);
[[nodiscard]] std::optional<Threshold> resolveThreshold(
    const TriggerPolicy &trigger, std::optional<double> baseline);
// The instant query whose value at the soak start is the baseline: the average of the baseline
// query (the check's own query unless baseline.query is set) over the window before the start,
// e.g. avg_over_time((Q)[1h:1m]). Empty when the bound is not baseline-relative.
[[nodiscard]] QString baselineQuery(const SoakCheckPolicy &check);
[[nodiscard]] QString baselineQuery(const TriggerPolicy &trigger);

// Measurement schedule: start + k*interval for k = 1..n, n = count, or duration/interval (the
// check's own duration, else the soak's). A check without interval has no measurements.
[[nodiscard]] int measurementCount(const SoakCheckPolicy &check, std::chrono::seconds soakDuration);
[[nodiscard]] QList<QDateTime> measurementTimes(
    const SoakCheckPolicy &check, const QDateTime &start, std::chrono::seconds soakDuration);
// start + the longest check window (or start + soakDuration when there are no checks).
[[nodiscard]] QDateTime soakEnd(
    const QList<SoakCheckPolicy> &checks, const QDateTime &start, std::chrono::seconds soakDuration);

// Prometheus' instant-query lookback: a sample older than this is no data.
inline constexpr std::chrono::seconds kDefaultLookback {300};

// The value the check's instant query would give at `time`, taken from an instant answer.
// Several series: the worst one (highest for max/baseline bounds, lowest for min bounds).
[[nodiscard]] Reading readingFromInstant(
    const QueryOutcome &answer, const QDateTime &time, const SoakCheckPolicy &check);
// The same from a range answer, per time: the latest sample at or before it within lookback.
[[nodiscard]] QList<Reading> readingsFromRange(const QueryOutcome &answer, const QList<QDateTime> &times,
    const SoakCheckPolicy &check, std::chrono::seconds lookback = kDefaultLookback);

// Freshness (issue 18): the query whose value at T is the time of the newest sample Prometheus
// scraped at or before T (timestamp() of a selector returns the sample's own time).
inline const QString kDefaultFreshnessQuery = QStringLiteral("max(timestamp(up))");
// The freshness a measurement needs: max_sample_age when the policy sets it, else two scrape
// intervals; never more than the check's interval (a measurement must not reach into the previous one).
[[nodiscard]] std::chrono::seconds maxSampleAge(const SoakCheckPolicy &check,
    std::optional<std::chrono::seconds> maxSampleAge, std::chrono::seconds scrapeInterval);
// The reading at T judged against the freshness answer at T: the sample time is recorded; a
// newest sample older than maxAge before T makes it a Stale error (its value dropped); a failed
// freshness query makes it that failure. An empty freshness answer (no `up` series: a Prometheus
// fed by backfill or remote write) leaves the reading as it is, without a sample time.
[[nodiscard]] Reading withFreshness(Reading reading, const QueryOutcome &freshness, std::chrono::seconds maxAge);

struct CheckInput {
    SoakCheckPolicy policy;
    QList<Reading> readings;  // matched to scheduled times; a later reading for a time replaces one
    std::optional<Reading> baseline;  // needed when the bound is baseline-relative
};

struct TriggerInput {
    TriggerPolicy policy;
    QueryOutcome series;  // a range answer over the window (or instant answers accumulated)
    std::optional<Reading> baseline;
    std::chrono::seconds step {60};  // samples further apart than 1.5 steps are a gap
};

struct SoakInput {
    QDateTime start;
    std::chrono::seconds duration {0};  // soak.duration; a check's count/duration overrides it
    QList<CheckInput> checks;
    QList<TriggerInput> triggers;
    // A due measurement without a reading is Pending this long, then an Error ("not measured").
    std::chrono::seconds grace {300};
};

// Scheduled times <= now that still need a query: no reading yet, or the last one an error (a
// query at a past time can be retried; a successful retry replaces the error).
[[nodiscard]] QList<QDateTime> dueMeasurements(
    const CheckInput &check, const QDateTime &start, std::chrono::seconds soakDuration, const QDateTime &now);

[[nodiscard]] CheckResult evaluateCheck(const CheckInput &check, const QDateTime &start,
    std::chrono::seconds soakDuration, const QDateTime &now, std::chrono::seconds grace = kDefaultLookback);
// Points before `from` (the soak start) are the old version's and are ignored.
[[nodiscard]] TriggerResult evaluateTrigger(
    const TriggerInput &trigger, const QDateTime &now, const QDateTime &from = {});

// Probe and manual triggers, and the core of query triggers: whether the condition held at each
// time. Points further apart than maxGapMs break a run; a run fires once it lasted `for`.
struct ConditionPoint {
    qint64 timeMs = 0;
    bool holds = false;
};
[[nodiscard]] TriggerResult evaluateCondition(const TriggerPolicy &trigger, QList<ConditionPoint> points,
    qint64 maxGapMs, const QDateTime &now, const QDateTime &from = {});

// Probe triggers (issue 15): the soak monitor probes the trigger's environment every
// soak.probe_interval and keeps each result as a sample of the trigger's series (1: the probe
// failed, the condition holds; 0: it passed), so recordings and replays judge them like the live
// soak did. Adds (or replaces, at the same time) one such sample.
[[nodiscard]] QueryOutcome withProbeSample(
    QueryOutcome series, const QDateTime &at, bool failed, const QString &environment);
// What a fired trigger saw, in one line for an incident's cause: the value and bound of a query
// trigger at the moment it fired, or the failing probe (probeDetail: its failed checks). Empty
// when it did not fire.
[[nodiscard]] QString triggerSighting(
    const TriggerInput &input, const TriggerResult &result, const QString &probeDetail = {});

// Live mode calls this on every tick with the readings so far; retrospective mode once with
// now >= end. Both give the same result for the same readings.
[[nodiscard]] SoakEvaluation evaluateSoak(const SoakInput &input, const QDateTime &now);

}  // namespace cockpit
