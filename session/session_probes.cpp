// Session: probing an environment (health, version fingerprint, headers). The result is stored
// and, when it passed for a release, ticks the items bound to `check: probe ENV`.
#include "probe_runner.h"
#include "session.h"
#include "store.h"

#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

Result<const EnvironmentPolicy *> Session::environment(const QString &name) const
{
    if (const EnvironmentPolicy *env = workspace().policy.environment(name))
        return env;
    QStringList known;
    for (const EnvironmentPolicy &e : workspace().policy.environments)
        known << e.name;
    return fail(ErrorCode::BadInput,
        QStringLiteral("no environment '%1' in the policy (known: %2)")
            .arg(name, known.isEmpty() ? QStringLiteral("none") : known.join(QStringLiteral(", "))),
        workspace().policy.locationOf(QStringLiteral("environments")));
}

QFuture<Result<std::optional<ReleaseRecord>>> Session::releaseDeployedIn(QString environment)
{
    return m_inFlight.keep(QtConcurrent::run(
        [store = m_store, environment]() -> Result<std::optional<ReleaseRecord>> {
            auto deployments = store->allDeployments().result();
            if (!deployments)
                return std::unexpected(deployments.error());
            std::optional<Deployment> last;  // oldest first: the last one there wins
            for (const Deployment &d : std::as_const(*deployments))
                if (d.environment == environment && (!last || d.deployedAt >= last->deployedAt))
                    last = d;
            if (!last)
                return std::optional<ReleaseRecord> {};
            auto release = store->release(last->version).result();
            if (!release)
                return std::unexpected(release.error());
            return std::optional<ReleaseRecord>(*release);
        }));
}

QFuture<Result<ProbeOutcome>> Session::probe(QString environment, std::optional<ReleaseRecord> release)
{
    auto env = this->environment(environment);
    if (!env)
        return QtFuture::makeReadyFuture(Result<ProbeOutcome>(std::unexpected(env.error())));
    if (!m_probes)
        m_probes = new ProbeRunner(this);
    ProbeOptions options;
    if (release) {
        options.expectedVersion = release->version;
        options.expectedCommit = release->commit;
    }
    // The probe runs on this thread's event loop (network); storing and ticking wait for the
    // store on a pool thread.
    auto future = m_inFlight.keep(m_probes->run(**env, options)
                      .then(QtFuture::Launch::Async,
                          [releases = m_releases.get(), environment, release](
                              const Result<ProbeReport> &report) -> Result<ProbeOutcome> {
                              if (!report)
                                  return std::unexpected(report.error());
                              return finishProbe(*releases, environment, release, *report);
                          }));
    follow(future, [this, environment, release](const Result<ProbeOutcome> &outcome) {
        if (outcome && release)
            announce({SessionEvent::Kind::ItemsTicked, release->version, CheckKind::Probe, environment,
                outcome->report.ok ? QStringLiteral("PASS") : QStringLiteral("FAIL"), outcome->ticked});
    });
    return future;
}

QFuture<Result<std::optional<ProbeReport>>> Session::lastProbe(QString environment)
{
    return m_inFlight.keep(QtConcurrent::run([store = m_store, environment]() -> Result<std::optional<ProbeReport>> {
        auto json = store->latestProbeResult(environment).result();
        if (!json && json.error().code == ErrorCode::NotFound)
            return std::optional<ProbeReport> {};
        if (!json)
            return std::unexpected(json.error());
        auto report = ProbeReport::fromJson(QJsonDocument::fromJson(*json).object());
        if (!report)
            return std::unexpected(report.error());
        return std::optional<ProbeReport>(*report);
    }));
}

Result<ProbeOutcome> Session::finishProbe(ReleaseService &releases, const QString &environment,
    const std::optional<ReleaseRecord> &release, const ProbeReport &report)
{
    ProbeOutcome outcome {report, {}, {}};
    const QString version = release ? release->version : QString();
    const QByteArray json = QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact);
    if (auto saved
        = releases.store()->saveProbeResult(version, environment, report.ok, json, releases.identity().id).result();
        !saved)
        outcome.warnings << QStringLiteral("the probe result was not stored: %1").arg(saved.error().toString());
    if (!report.ok || !release)
        return outcome;
    auto ticked = releases
                      .applyCheckOutcome(version,
                          CheckOutcome {checkKindName(CheckKind::Probe), environment, true, report.summary()})
                      .result();
    if (!ticked)
        outcome.warnings << QStringLiteral("cannot tick the checklist: %1").arg(ticked.error().toString());
    else
        outcome.ticked = *ticked;
    return outcome;
}

}  // namespace cockpit
