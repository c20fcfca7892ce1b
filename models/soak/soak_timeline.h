#pragma once
// What the Soak tab's charts draw besides the line itself, computed without any widget (issue 18):
// where a series is broken by missing data (an outage is a gap, never a line across it), the
// value every series had at a time under the crosshair, and the events the charts annotate
// (the deployment, each breach, each trigger's fire and resolve).
#include "soak_types.h"

namespace cockpit {

// The typical spacing of a series: the median step between consecutive samples (0 with fewer than
// two). Prometheus returns range data on a fixed step, so this is the data's own resolution.
[[nodiscard]] qint64 seriesStepMs(const QList<Sample> &samples);

// How long samples may be apart before the series counts as broken: two and a half steps (a
// missed scrape or two is not an outage), at least one second.
[[nodiscard]] qint64 gapThresholdMs(const QList<Sample> &samples);

// [begin, end) indices of the samples, one per unbroken run: a step longer than maxGapMs or a
// non-finite value (left out) ends a run.
struct SampleRun {
    qsizetype begin = 0;
    qsizetype end = 0;
    friend bool operator==(const SampleRun &, const SampleRun &) = default;
};
[[nodiscard]] QList<SampleRun> unbrokenRuns(const QList<Sample> &samples, qint64 maxGapMs);

// Times without data up to nowMs: between runs, and from the last sample to nowMs when that is
// longer than maxGapMs (the tail of an outage still going on). With no samples at all: none.
struct TimeSpan {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    friend bool operator==(const TimeSpan &, const TimeSpan &) = default;
};
[[nodiscard]] QList<TimeSpan> missingSpans(const QList<Sample> &samples, qint64 maxGapMs, qint64 nowMs);

// The sample in force at timeMs drawn as steps: the last finite one at or before it, none before
// the first sample or when it is more than maxGapMs old (timeMs falls in a gap or after the data).
[[nodiscard]] std::optional<Sample> sampleAt(const QList<Sample> &samples, qint64 timeMs, qint64 maxGapMs);

// The measurement scheduled nearest to timeMs within toleranceMs (none when none is that close).
[[nodiscard]] std::optional<Measurement> measurementNear(
    const QList<Measurement> &measurements, qint64 timeMs, qint64 toleranceMs);

enum class SoakEventKind { Deploy, Breach, TriggerFired, TriggerResolved };

struct SoakEvent {
    qint64 timeMs = 0;
    SoakEventKind kind = SoakEventKind::Deploy;
    QString subject;  // the trigger's name, the breaching check's detail ("0.82 > 0.5")
    friend bool operator==(const SoakEvent &, const SoakEvent &) = default;
};

// The events one check's chart marks, in time order: the deployment (the soak's start), the first
// failed measurement of every run of failures of that check (a breach), and every trigger's fire
// (when its condition had held for `for`) and resolve.
[[nodiscard]] QList<SoakEvent> soakEvents(const SoakEvaluation &evaluation, const CheckResult &check);

// The samples of a range answer that Prometheus really had: a range query fills each step from
// up to 5 minutes back, so through an outage it repeats the last value. scrapeTimes is the
// freshness query's range answer on the same steps (its values are Unix seconds of the newest
// scrape); a sample whose step has no scrape within maxAgeMs before it is dropped, leaving a gap.
// Without any scrape times (the freshness query failed or is off) the samples stay as they are.
[[nodiscard]] QList<Sample> freshSamplesOnly(
    const QList<Sample> &samples, const QList<Sample> &scrapeTimes, qint64 maxAgeMs);

// Whether two PromQL queries measure the same thing: equal once whitespace and the durations of
// range selectors ("[5m]" against "[1m]") are left aside. A trigger on the measure a check draws
// has its threshold drawn on that check's chart.
[[nodiscard]] bool sameQuery(const QString &a, const QString &b);

}  // namespace cockpit
