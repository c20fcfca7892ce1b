#include "deploy_fingerprint.h"
#include "environment_status.h"
#include "probe_runner.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>

namespace cockpit {

namespace {

// One look, waited for on this thread's own event loop.
Fingerprint look(ProbeRunner &runner, const EnvironmentPolicy &env, const FingerprintWait &wait,
    std::chrono::milliseconds requestTimeout)
{
    ProbeOptions options;
    options.readVersion = true;
    options.timeout = requestTimeout;
    QFuture<Result<ProbeReport>> future = runner.run(env, options);
    QEventLoop loop;
    QFutureWatcher<Result<ProbeReport>> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    Fingerprint seen;
    const Result<ProbeReport> report = future.result();
    if (!report) {
        seen.reported = report.error().message;
        return seen;
    }
    for (const ProbeCheckResult &check : report->checks) {
        if (check.kind != u"version")
            continue;
        seen.url = check.url;
        seen.pointer = check.pointer;
        seen.reported = check.actual;
        // Nothing expected, so ok means a value was read; an HTTP status is an answer too (a
        // service restarting mid-rollout answers 503), only no answer at all is unanswered.
        seen.answered = check.ok || check.actual.startsWith(QStringLiteral("HTTP "))
            || check.actual.startsWith(QStringLiteral("no "));
        seen.verified = check.ok && reportsRelease(check.actual, wait.version, wait.commit);
    }
    return seen;
}

void pause(std::chrono::milliseconds ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

}  // namespace

EnvironmentPolicy versionEndpointOnly(const EnvironmentPolicy &env)
{
    EnvironmentPolicy only;
    only.name = env.name;
    only.baseUrl = env.baseUrl;
    only.caFile = env.caFile;
    only.versionPath = env.versionPath;
    only.versionPointer = env.versionPointer;
    return only;
}

QString Fingerprint::sentence(const QString &environment) const
{
    if (!answered)
        return QStringLiteral("%1 could not be checked: %2 (%3)").arg(environment, reported, url);
    return QStringLiteral("%1 reports %2 at %3 (%4)").arg(environment, reported, url, pointer);
}

Result<Fingerprint> awaitFingerprint(const EnvironmentPolicy &env, const FingerprintWait &wait)
{
    ProbeRunner runner;
    const EnvironmentPolicy endpoint = versionEndpointOnly(env);
    const QString expected = wait.commit.isEmpty()
        ? wait.version
        : QStringLiteral("%1 or a prefix of %2").arg(wait.version, wait.commit.left(12));
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const auto left = wait.timeout - std::chrono::milliseconds(waited.elapsed());
        const Fingerprint seen
            = look(runner, endpoint, wait, std::clamp(left, std::chrono::milliseconds(1000), std::chrono::milliseconds(10000)));
        if (seen.verified || !seen.answered)
            return seen;
        if (waited.elapsed() + wait.poll.count() > wait.timeout.count()) {
            if (wait.timeout.count() == 0)
                return seen;  // one look (break-glass): the caller records what it saw
            return fail(ErrorCode::Refused,
                QStringLiteral("%1, expected %2: still so after %3 s (verify_timeout)")
                    .arg(seen.sentence(env.name), expected)
                    .arg(waited.elapsed() / 1000));
        }
        if (wait.progress)
            wait.progress(QStringLiteral("Waiting for %1 to report %2: it reports %3 (%4 s of %5 s)")
                              .arg(env.name, wait.version, seen.reported)
                              .arg(waited.elapsed() / 1000)
                              .arg(wait.timeout.count() / 1000));
        pause(wait.poll);
    }
}

}  // namespace cockpit
