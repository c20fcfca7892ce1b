#include "soak_timeline.h"

#include <algorithm>
#include <cmath>

namespace cockpit {

qint64 seriesStepMs(const QList<Sample> &samples)
{
    QList<qint64> steps;
    steps.reserve(samples.size());
    for (qsizetype i = 1; i < samples.size(); ++i)
        if (samples[i].timeMs > samples[i - 1].timeMs)
            steps.append(samples[i].timeMs - samples[i - 1].timeMs);
    if (steps.isEmpty())
        return 0;
    const auto middle = steps.begin() + steps.size() / 2;
    std::nth_element(steps.begin(), middle, steps.end());
    return *middle;
}

qint64 gapThresholdMs(const QList<Sample> &samples)
{
    return std::max<qint64>(1000, seriesStepMs(samples) * 5 / 2);
}

QList<SampleRun> unbrokenRuns(const QList<Sample> &samples, qint64 maxGapMs)
{
    QList<SampleRun> runs;
    qsizetype begin = -1;
    for (qsizetype i = 0; i < samples.size(); ++i) {
        if (!std::isfinite(samples[i].value)) {
            if (begin >= 0)
                runs.append({begin, i});
            begin = -1;
            continue;
        }
        if (begin >= 0 && samples[i].timeMs - samples[i - 1].timeMs > maxGapMs) {
            runs.append({begin, i});
            begin = -1;
        }
        if (begin < 0)
            begin = i;
    }
    if (begin >= 0)
        runs.append({begin, samples.size()});
    return runs;
}

QList<TimeSpan> missingSpans(const QList<Sample> &samples, qint64 maxGapMs, qint64 nowMs)
{
    QList<TimeSpan> spans;
    const QList<SampleRun> runs = unbrokenRuns(samples, maxGapMs);
    for (qsizetype r = 1; r < runs.size(); ++r)
        spans.append({samples[runs[r - 1].end - 1].timeMs, samples[runs[r].begin].timeMs});
    if (!runs.isEmpty()) {
        const qint64 last = samples[runs.last().end - 1].timeMs;
        if (nowMs - last > maxGapMs)
            spans.append({last, nowMs});
    }
    return spans;
}

std::optional<Sample> sampleAt(const QList<Sample> &samples, qint64 timeMs, qint64 maxGapMs)
{
    auto it = std::upper_bound(samples.cbegin(), samples.cend(), timeMs,
        [](qint64 t, const Sample &s) { return t < s.timeMs; });
    while (it != samples.cbegin()) {
        --it;
        if (timeMs - it->timeMs > maxGapMs)
            return std::nullopt;
        if (std::isfinite(it->value))
            return *it;
        return std::nullopt;  // a NaN in force is no value
    }
    return std::nullopt;
}

std::optional<Measurement> measurementNear(
    const QList<Measurement> &measurements, qint64 timeMs, qint64 toleranceMs)
{
    std::optional<Measurement> best;
    qint64 bestDistance = toleranceMs + 1;
    for (const Measurement &m : measurements) {
        if (!m.time.isValid() || m.status == MeasurementStatus::Pending)
            continue;
        const qint64 distance = std::abs(m.time.toMSecsSinceEpoch() - timeMs);
        if (distance < bestDistance) {
            bestDistance = distance;
            best = m;
        }
    }
    return best;
}

QList<SoakEvent> soakEvents(const SoakEvaluation &evaluation, const CheckResult &check)
{
    QList<SoakEvent> events;
    if (evaluation.start.isValid())
        events.append({evaluation.start.toMSecsSinceEpoch(), SoakEventKind::Deploy, QString()});
    bool failing = false;
    for (const Measurement &m : check.measurements) {
        if (m.status == MeasurementStatus::Pending || !m.time.isValid())
            continue;
        const bool fail = m.status == MeasurementStatus::Fail;
        if (fail && !failing)
            events.append({m.time.toMSecsSinceEpoch(), SoakEventKind::Breach, m.detail});
        failing = fail;
    }
    for (const TriggerResult &t : evaluation.triggers) {
        if (t.fired && t.since)
            events.append({t.since->toMSecsSinceEpoch(), SoakEventKind::TriggerFired, t.name});
        if (t.fired && t.resolvedAt)
            events.append({t.resolvedAt->toMSecsSinceEpoch(), SoakEventKind::TriggerResolved, t.name});
    }
    std::stable_sort(events.begin(), events.end(),
        [](const SoakEvent &a, const SoakEvent &b) { return a.timeMs < b.timeMs; });
    return events;
}

QList<Sample> freshSamplesOnly(const QList<Sample> &samples, const QList<Sample> &scrapeTimes, qint64 maxAgeMs)
{
    if (scrapeTimes.isEmpty())
        return samples;
    QList<Sample> out;
    out.reserve(samples.size());
    const qint64 step = std::max<qint64>(1, seriesStepMs(scrapeTimes));
    for (const Sample &s : samples) {
        // The freshness answer at the same step (or the one just before it, half a step away).
        const std::optional<Sample> scrape = sampleAt(scrapeTimes, s.timeMs, step / 2);
        if (scrape && s.timeMs - qint64(scrape->value * 1000.0) <= maxAgeMs)
            out.append(s);
    }
    return out;
}

bool sameQuery(const QString &a, const QString &b)
{
    auto squeeze = [](const QString &q) {
        QString out;
        out.reserve(q.size());
        bool inRange = false;
        for (const QChar c : q) {
            if (c == u'[')
                inRange = true;
            else if (c == u']')
                inRange = false;
            else if (inRange || c.isSpace())
                continue;
            out.append(c);
        }
        return out;
    };
    return !a.trimmed().isEmpty() && squeeze(a) == squeeze(b);
}

}  // namespace cockpit
