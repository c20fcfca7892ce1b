#pragma once
// The demo's recorded soak: release 3.7.0's candidate v3.7.0-rc1 soaked two hours on staging
// against the gated-ga checks, with series that look like a healthy service (noise, a slow memory
// climb, a brief latency wobble that stays within its limit), so the Soak tab has something true
// to show without a Prometheus. Deterministic: the same numbers every time.
#include "error.h"
#include "soak_recording.h"

class QString;

namespace cockpit {

class ReleaseService;
struct Policy;

// The recording for the policy's soak checks and query triggers, starting at start.
SoakRecording buildDemoSoakRecording(const Policy &policy, const QDateTime &start);
// When the soak started (UTC): a morning before the demo release's target date.
QDateTime demoSoakStart();
// Saves the recording for release `version` on staging and, as it passed, ticks the items bound to
// `check: soak staging` as the service's identity (before the demo's sign-offs, so their digest
// already includes the tick). Blocks on the store: call it off the GUI thread (seedDemoRelease does).
Status seedDemoSoak(ReleaseService &service, const QString &version);

inline constexpr const char *kDemoSoakEnvironment = "staging";
inline constexpr const char *kDemoSoakCandidate = "3.7.0-rc1";

}  // namespace cockpit
