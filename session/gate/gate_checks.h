#pragma once
// The gates that run no process: they read what the cockpit already recorded (the latest probe of
// an environment, the stored soak verdict, the checklist items a named check ticked, the tag) or
// what a person confirms. Each returns the result as stored.
#include "gate_result.h"
#include "policy.h"

namespace cockpit {

class ReleaseService;

// probe, soak and check gates: result (version, name, kind, commit, ranBy filled in) with its
// status, note and evidence text, stored.
Result<GateResult> evaluateRecordedGate(ReleaseService &releases, const GatePolicy &gate, GateResult result);

// A manual gate: confirmed now (stored as a pass with who confirmed), confirmed before on this
// commit (that result, unchanged), or waiting for a person (not stored; the note says how to
// confirm, and when an earlier confirmation went stale with a new commit).
Result<GateResult> manualGate(ReleaseService &releases, const GatePolicy &gate, GateResult result, bool confirmNow,
    const GateResult *before);

}  // namespace cockpit
