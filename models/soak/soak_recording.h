#pragma once
// A stored soak: what was asked (environment, window, the thresholds in force), what Prometheus
// answered (raw series per check and trigger, baselines) and what was measured at each time.
// It is re-evaluated without any I/O, also against edited thresholds (replay).
#include "error.h"
#include "soak_analysis.h"

#include <QJsonObject>

namespace cockpit {

struct RecordedCheck {
    SoakCheckPolicy policy;  // the thresholds in force when it was recorded
    QueryOutcome series;  // the range answer over the soak window (or the failure)
    QList<Reading> readings;  // what was measured at the scheduled times
    std::optional<Reading> baseline;
};

struct RecordedTrigger {
    TriggerPolicy policy;
    QueryOutcome series;
    std::optional<Reading> baseline;
    std::chrono::seconds step {60};
};

struct SoakRecording {
    static constexpr int kFormat = 1;
    QString environment;
    QString version;  // the release soaked
    QDateTime start;
    std::chrono::seconds duration {0};
    QDateTime recordedAt;  // data reaches this far: the "now" a replay evaluates at
    // A window given by hand (soak evaluate --from/--to): a what-if, never the release's soak.
    bool whatIf = false;
    QList<RecordedCheck> checks;
    QList<RecordedTrigger> triggers;
};

[[nodiscard]] SoakInput soakInputFrom(const SoakRecording &recording);
// now: recordedAt when not given.
[[nodiscard]] SoakEvaluation evaluateRecording(
    const SoakRecording &recording, const std::optional<QDateTime> &now = std::nullopt);
// The recording judged against other thresholds. Checks and triggers are matched by name; a check
// whose schedule (interval, count, duration) is unchanged keeps its recorded readings, one with a
// new schedule takes them from the recorded range series; a recorded baseline value is reused.
// An edited check with nothing recorded under its name has no readings (never a PASS).
[[nodiscard]] SoakRecording withThresholds(const SoakRecording &recording,
    const QList<SoakCheckPolicy> &checks, const QList<TriggerPolicy> &triggers);
[[nodiscard]] SoakEvaluation replaySoak(const SoakRecording &recording, const QList<SoakCheckPolicy> &checks,
    const QList<TriggerPolicy> &triggers, const std::optional<QDateTime> &now = std::nullopt);

// JSON: times RFC 3339 (UTC, milliseconds), durations in seconds, samples [unix_ms, value] with
// "NaN", "+Inf", "-Inf" as strings. Errors name the field ("checks[2].readings[5].time").
[[nodiscard]] QJsonObject soakRecordingToJson(const SoakRecording &recording);
[[nodiscard]] Result<SoakRecording> soakRecordingFromJson(const QJsonObject &json);
[[nodiscard]] Result<SoakRecording> parseSoakRecording(const QByteArray &json);

}  // namespace cockpit
