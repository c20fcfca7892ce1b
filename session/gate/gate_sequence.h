#pragma once
// The blocking core of `gate VERSION`: the policy's gates of one release run in order on its
// current commit, fail-closed (after a failure, or a manual gate still waiting for a person, the
// later gates are reported not run). Each result is stored as it lands (a process gate first as
// running), and a pass ticks the checklist items bound to `check: gate NAME`. Session::runGates
// runs it on a pool thread; a front end that is already off the GUI thread may call it directly.
#include "gate_run.h"
#include "release.h"

#include <QMap>
#include <QStringList>
#include <chrono>
#include <functional>
#include <stop_token>

namespace cockpit {

class ReleaseService;

struct GateRunOptions {
    QString only;  // run just this gate (by name, case-insensitive); empty: all of them
    QStringList confirm;  // manual gates the acting person confirms now
    QMap<QString, QString> notApplicable;  // conditional gate -> why it does not apply
    std::stop_token stop;  // cancel: the running process group is stopped, the gate fails
    std::chrono::milliseconds grace {std::chrono::seconds(5)};  // SIGTERM to SIGKILL
    std::chrono::milliseconds defaultTimeout {std::chrono::minutes(10)};  // a gate without `timeout`
    // Each result as it is stored (a process gate twice: running, then its outcome).
    std::function<void(const GateResult &)> progress;
    // A process gate's live output, as read (not redacted: for a live view, never stored).
    std::function<void(const QString &gate, const QByteArray &chunk)> output;
};

// What stored output passes through before it is kept (secrets out).
using GateRedactor = std::function<QString(const QString &)>;

// Runs the gates. Errors (nothing run): an unknown release or gate name, --not-applicable on a
// gate without a condition, a confirmation by someone outside the gate's role (Refused), a gate
// another live cockpit is running (Conflict, naming who).
Result<GateRun> runGateSequence(
    ReleaseService &releases, const QString &version, const GateRunOptions &options, const GateRedactor &redact);

// The release's gates as stored, without running any: the newest result of each policy gate
// (not_run when there is none), on the release's current commit (results of another are stale).
Result<GateRun> storedGateRun(ReleaseService &releases, const QString &version);

}  // namespace cockpit
