#include "demo_soak.h"

#include "policy.h"
#include "release_service.h"
#include "session.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <cmath>
#include <numbers>

namespace cockpit {
namespace {

using std::chrono::seconds;

constexpr qint64 kStepMs = 15 * 1000;  // the range query's step, as Prometheus would answer
constexpr qint64 kLeadMs = 10 * 60 * 1000;  // the series starts a little before the soak

// The shape of one demo metric at minute m of the soak, before noise.
struct Shape {
    double base;
    double noise;  // +- uniform
    double (*extra)(double minute);
    double floor = 0;
};

double flat(double)
{
    return 0;
}
// Latency: a deploy of a neighbour service at ~44 min slows p95 for a few minutes, well under 2 s.
double latencyWobble(double m)
{
    return 0.95 * std::exp(-std::pow((m - 46.0) / 3.2, 2));
}
// Memory: a slow climb with a garbage collection every 25 minutes.
double memoryClimb(double m)
{
    return 0.06 * m - 2.5 * std::floor(m / 25.0) + 1.5 * std::sin(m / 9.0);
}
double errorDrift(double m)
{
    return 1.2 * std::sin(m / 17.0) + (m > 70 && m < 85 ? 1.5 : 0);
}
double connectionsWave(double m)
{
    return 4.0 * std::sin(m * 2 * std::numbers::pi / 38.0);
}

Shape shapeFor(const QString &check)
{
    if (check.contains(QLatin1String("5xx")))
        return {0.07, 0.035, flat};
    if (check.contains(QLatin1String("latency"), Qt::CaseInsensitive))
        return {0.41, 0.05, latencyWobble};
    if (check.contains(QLatin1String("log"), Qt::CaseInsensitive))
        return {3.0, 0.8, errorDrift};
    if (check.contains(QLatin1String("Memory")))
        return {54.0, 0.6, memoryClimb};
    if (check.contains(QLatin1String("DB")))
        return {22.0, 1.5, connectionsWave};
    return {1.0, 0.1, flat};
}

QueryOutcome demoSeries(const Shape &shape, qint64 fromMs, qint64 toMs, qint64 startMs, qint64 stepMs,
    QRandomGenerator &rng, bool integral)
{
    Series series;
    for (qint64 t = fromMs; t <= toMs; t += stepMs) {
        const double minute = double(t - startMs) / 60000.0;
        double v = shape.base + shape.extra(minute) + (rng.generateDouble() * 2 - 1) * shape.noise;
        v = std::max(shape.floor, integral ? std::round(v) : std::round(v * 10000) / 10000);
        series.samples.append({t, v});
    }
    QueryOutcome outcome;
    outcome.resultType = QStringLiteral("matrix");
    outcome.series = {series};
    return outcome;
}

}  // namespace

QDateTime demoSoakStart()
{
    return QDateTime(QDate(2026, 11, 19), QTime(9, 30), Qt::UTC);
}

SoakRecording buildDemoSoakRecording(const Policy &policy, const QDateTime &start)
{
    QRandomGenerator rng(370);
    SoakRecording recording;
    recording.environment = QString::fromLatin1(kDemoSoakEnvironment);
    recording.version = QString::fromLatin1(kDemoSoakCandidate);
    recording.start = start;
    recording.duration = policy.soakDuration.count() > 0 ? policy.soakDuration : seconds(7200);
    const QDateTime end = soakEnd(policy.soakChecks, start, recording.duration);
    recording.recordedAt = end.addSecs(120);  // the last measurement has its data
    const qint64 startMs = start.toMSecsSinceEpoch();
    const qint64 toMs = recording.recordedAt.toMSecsSinceEpoch();
    for (const SoakCheckPolicy &check : policy.soakChecks) {
        RecordedCheck recorded;
        recorded.policy = check;
        const bool integral = check.name.contains(QLatin1String("connections"), Qt::CaseInsensitive);
        recorded.series
            = demoSeries(shapeFor(check.name), startMs - kLeadMs, toMs, startMs, kStepMs, rng, integral);
        recorded.readings
            = readingsFromRange(recorded.series, measurementTimes(check, start, recording.duration), check);
        recording.checks.append(recorded);
    }
    for (const TriggerPolicy &trigger : policy.triggers) {
        if (trigger.query.isEmpty())
            continue;  // probe and manual triggers have no series to record
        RecordedTrigger recorded;
        recorded.policy = trigger;
        recorded.step = seconds(60);
        const Shape shape = shapeFor(trigger.name);
        recorded.series = demoSeries(shape, startMs, toMs, startMs, 60 * 1000, rng, false);
        recording.triggers.append(recorded);
    }
    return recording;
}

Status seedDemoSoak(ReleaseService &service, const QString &version)
{
    const SoakRecording recording = buildDemoSoakRecording(service.workspace().policy, demoSoakStart());
    // The same use case as a soak finishing in the window or `soak evaluate`: stored, then ticked.
    if (auto finished = Session::finishSoak(service, version, recording, evaluateRecording(recording));
        !finished)
        return std::unexpected(finished.error());
    return {};
}

}  // namespace cockpit
