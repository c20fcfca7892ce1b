#pragma once
// A canary as JSON, one shape for `canary status --json` and the evidence pack's canary.json:
// {"environment", "state", "phase" (1-based), "phases": [{"name", "traffic", "started_at",
// "ended_at", "verdict", "advanced_by"}], "traffic", "phase_ends_at", "paused_reason",
// "cleanup_due"}, times RFC 3339 UTC ("" when none); with events, "events": every stored event
// ({"seq", "kind", "phase" (1-based), "percent", "verdict", "detail", "automatic", "actor", "at"}).
#include "canary.h"

#include <QJsonObject>

namespace cockpit {

[[nodiscard]] QJsonObject canaryStatusToJson(const QString &environment, const CanaryStatus &status);
[[nodiscard]] QJsonObject canaryToJson(
    const QString &environment, const CanaryStatus &status, const QList<CanaryEvent> &events);

}  // namespace cockpit
