#pragma once
// `release deployed` checks that the environment runs what is being recorded (issue 15, item 2):
// its version endpoint must report the release's version, or at least seven leading hex digits of
// its commit. A rollout still going on is waited for (polled every 2 s for the environment's
// verify_timeout); an environment that does not answer at all cannot be checked, which is said,
// not taken for a match.
#include "error.h"
#include "policy.h"

#include <QString>
#include <chrono>
#include <functional>

namespace cockpit {

struct Fingerprint {
    bool verified = false;  // it reported the release
    bool answered = false;  // it answered (verified or not)
    QString url;  // the URL fetched
    QString pointer;  // the JSON pointer read
    QString reported;  // what it reported, or why nothing could be read
    // "staging reports 3.7.0 at https://…/api/health (/version)" or why it could not be checked.
    [[nodiscard]] QString sentence(const QString &environment) const;
};

struct FingerprintWait {
    QString version;
    QString commit;
    std::chrono::milliseconds timeout {300000};  // 0: one look, no waiting (a break-glass deploy)
    std::chrono::milliseconds poll {2000};
    std::function<void(const QString &)> progress;  // a line each time it looks again
};

// The environment with only its version endpoint: what runs there, and nothing else is asked.
EnvironmentPolicy versionEndpointOnly(const EnvironmentPolicy &env);

// Probes env's version endpoint until it reports the release or the wait is over. Runs on the
// calling thread with its own network access and a local event loop: call it on a pool thread.
// Refused (expected and actual named) when it answered with something else until the end;
// an unanswered endpoint is a Fingerprint with answered == false, for the caller to say so.
Result<Fingerprint> awaitFingerprint(const EnvironmentPolicy &env, const FingerprintWait &wait);

}  // namespace cockpit
