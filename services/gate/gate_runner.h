#pragma once
// Runs one gate's process (argv, or `sh -c LINE` for a shell gate) the way a gate must run:
// in the workspace root, with a cleaned environment (PATH, HOME, LANG and the release's
// RELEASE_VERSION, RELEASE_COMMIT, RELEASE_TAG), in its own session and process group, output read
// as it comes with only the last bytes kept, and at its timeout or on cancel the whole group is
// sent SIGTERM, then SIGKILL after a grace period. Blocking: call it off the GUI thread.
#include "gate_result.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <chrono>
#include <functional>
#include <stop_token>

namespace cockpit {

struct GateProcessSpec {
    QString program;  // looked up in PATH unless it holds a '/'
    QStringList arguments;
    QString workDir;
    QMap<QString, QString> environment;  // added to PATH, HOME and LANG (RELEASE_VERSION, ...)
    std::chrono::milliseconds timeout {std::chrono::minutes(10)};
    std::chrono::milliseconds grace {std::chrono::seconds(5)};  // SIGTERM to SIGKILL
    qsizetype tailBytes = 64 * 1024;  // how much of the output is kept (the end of it)
};

struct GateProcessOutcome {
    int exitCode = -1;  // -1: it did not exit normally (signal, timeout) or never started
    bool started = false;
    bool timedOut = false;
    bool cancelled = false;
    int signal = 0;  // the signal that ended it, if one did
    qint64 durationMs = 0;
    qint64 outputBytes = 0;  // everything it wrote; tail holds the last tailBytes of it
    QByteArray tail;
    QString note;  // one line: "exit 0", "exit 127: command not found", "timed out after 2 s"

    [[nodiscard]] bool passed() const { return started && exitCode == 0 && !timedOut && !cancelled; }
};

// Called with each chunk of output as it is read (on the calling thread).
using GateOutputFn = std::function<void(const QByteArray &chunk)>;

// The cleaned environment a gate process gets: PATH, HOME and LANG from this process (defaults
// when unset) plus extra.
QStringList gateEnvironment(const QMap<QString, QString> &extra);

GateProcessOutcome runGateProcess(
    const GateProcessSpec &spec, std::stop_token stop = {}, const GateOutputFn &output = {});

// "host:pid" of this cockpit: stored in a running row so others can tell whether it still runs.
QString gateRunnerId();
// A running row is orphaned when its cockpit is gone: on this host its pid no longer exists, or,
// wherever it ran, it has been running longer than its timeout plus a margin.
bool gateRunnerGone(const GateResult &running, const QDateTime &now);
// The row as a reader must see it: a Running row whose cockpit is gone is Interrupted (never a
// pass), with a note naming who ran it.
GateResult withInterruption(GateResult result, const QDateTime &now);

}  // namespace cockpit
