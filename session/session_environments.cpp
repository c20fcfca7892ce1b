// Session: the Environments view and `env status` (issue 15, item 2). Every environment of the
// policy, in promotion order: what it runs now (its version endpoint, probed in parallel) against
// what the cockpit last deployed there, and the drift between the two (mid-canary either the
// canary's or the replaced version is expected: "canary 50%"). Drift found is written to
// the audit log (env.drift), once for each value an environment reports after a deployment.
#include "deploy_fingerprint.h"
#include "environment_status.h"
#include "probe_runner.h"
#include "session.h"
#include "store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

namespace {

void applyProbe(EnvironmentStatus &row, const Result<ProbeReport> &report)
{
    if (!report) {
        row.probeError = report.error().message;
        return;
    }
    row.probedAt = report->at;
    for (const ProbeCheckResult &check : report->checks) {
        if (check.kind != u"version")
            continue;
        row.probeUrl = check.url;
        row.probePointer = check.pointer;
        row.latencyMs = check.latencyMs;
        // Nothing expected: the check passes when a value was read, and its actual is the value;
        // otherwise actual says why nothing could be read.
        (check.ok ? row.running : row.probeError) = check.actual;
        return;
    }
    row.probeError = QStringLiteral("the probe made no version check");
}

// Drift is recorded once per value reported after the deployment: a second `env status` that finds
// the same drift adds nothing; another value, or drift after a new deployment, is a new entry.
Status recordDrift(Store *store, const Identity &who, const EnvironmentStatus &row)
{
    auto earlier = store->auditLog(row.deployedVersion, QStringLiteral("env.drift")).result();
    if (!earlier)
        return std::unexpected(earlier.error());
    for (const AuditEntry &e : std::as_const(*earlier))
        if (e.subject == row.name && e.at >= row.deployedAt
            && e.after.value(QStringLiteral("running")).toString() == row.running)
            return {};
    AuditEntry entry {0, {}, who.id, QStringLiteral("env.drift"), row.deployedVersion, row.name,
        QJsonObject {{QStringLiteral("deployed_version"), row.deployedVersion},
            {QStringLiteral("deployed_commit"), row.deployedCommit},
            {QStringLiteral("deployed_at"), row.deployedAt.toString(Qt::ISODateWithMs)}},
        QJsonObject {{QStringLiteral("running"), row.running}, {QStringLiteral("probe_url"), row.probeUrl},
            {QStringLiteral("probe_pointer"), row.probePointer}},
        {}, {}};
    if (auto logged = store->appendAudit(entry).result(); !logged)
        return std::unexpected(logged.error());
    return {};
}

// The canary of the last deployment to the canary environment, when it is in progress there or
// was aborted: its confirmed share and the version it replaces (the last other version deployed
// there before it), so the row expects either version mid-canary (judgeEnvironment).
Status applyCanary(Store *store, const CanaryPolicy &policy, const QList<Deployment> &deployments, EnvironmentStatus &row)
{
    auto events = store->canaryEvents(row.deployedVersion).result();
    if (!events)
        return std::unexpected(events.error());
    if (events->isEmpty())
        return {};
    const CanaryStatus status = foldCanary(policy, *events);
    if (!status.active() && status.state != CanaryState::Aborted)
        return {};
    row.canaryPercent = status.state == CanaryState::Aborted ? 0 : status.percent;
    for (const Deployment &d : deployments)  // oldest first: the last one before the canary wins
        if (d.environment == row.name && d.version != row.deployedVersion && d.deployedAt <= row.deployedAt) {
            row.replacedVersion = d.version;
            row.replacedCommit = d.commit;
        }
    return {};
}

}  // namespace

Result<QList<EnvironmentStatus>> Session::judgeEnvironments(Store *store, const Workspace &ws, const Identity &who,
    const QList<QString> &probed, const QList<Result<ProbeReport>> &reports, QStringList *warnings)
{
    auto deployments = store->allDeployments().result();
    if (!deployments)
        return std::unexpected(deployments.error());
    QList<EnvironmentStatus> rows;
    QStringList order = ws.policy.promotionOrder();  // then any environment promotion leaves out
    for (const EnvironmentPolicy &env : ws.policy.environments)
        if (!order.contains(env.name))
            order << env.name;
    for (const QString &name : std::as_const(order)) {
        const EnvironmentPolicy *env = ws.policy.environment(name);
        if (!env)
            continue;
        EnvironmentStatus row;
        row.name = name;
        for (const Deployment &d : std::as_const(*deployments))  // oldest first: the last one wins
            if (d.environment == name) {
                row.deployedVersion = d.version;
                row.deployedCommit = d.commit;
                row.deployedBy = d.actor;
                row.deployedAt = d.deployedAt;
            }
        if (ws.policy.canary && ws.policy.canary->environment == name && !row.deployedVersion.isEmpty())
            if (auto canary = applyCanary(store, *ws.policy.canary, *deployments, row); !canary && warnings)
                *warnings << QStringLiteral("the canary of %1 in %2 cannot be read: %3")
                                 .arg(row.deployedVersion, name, canary.error().toString());
        if (const qsizetype at = probed.indexOf(name); at >= 0)
            applyProbe(row, reports.at(at));
        row.sync = judgeEnvironment(row, !env->versionPath.isEmpty());
        if (row.sync == EnvironmentSync::Drift)
            if (auto recorded = recordDrift(store, who, row); !recorded && warnings)
                *warnings << QStringLiteral("the drift of %1 was not recorded: %2")
                                 .arg(name, recorded.error().toString());
        rows << row;
    }
    return rows;
}

QFuture<Result<EnvironmentReport>> Session::environmentStatus(std::chrono::milliseconds timeout)
{
    if (!m_probes)
        m_probes = new ProbeRunner(this);
    const Workspace ws = workspace();
    QList<QString> probed;
    QList<QFuture<Result<ProbeReport>>> probes;
    ProbeOptions options;
    options.readVersion = true;
    options.timeout = timeout;
    // Every probe starts now, on this thread's event loop: they run side by side.
    for (const EnvironmentPolicy &env : ws.policy.environments) {
        if (env.versionPath.isEmpty())
            continue;
        probed << env.name;
        probes << m_probes->run(versionEndpointOnly(env), options);
    }
    auto future = QtFuture::whenAll(probes.begin(), probes.end())
                      .then(QtFuture::Launch::Async,
                          [store = m_store, ws, who = identity(), probed](
                              const QList<QFuture<Result<ProbeReport>>> &done) -> Result<EnvironmentReport> {
                              QList<Result<ProbeReport>> reports;
                              for (const QFuture<Result<ProbeReport>> &f : done)
                                  // A probe dropped with its runner (the session closing) has no result.
                                  reports << (f.resultCount() > 0 ? f.result()
                                                                  : Result<ProbeReport>(fail(ErrorCode::Unavailable,
                                                                        QStringLiteral("the probe was dropped"))));
                              EnvironmentReport report;
                              auto rows = judgeEnvironments(store, ws, who, probed, reports, &report.warnings);
                              if (!rows)
                                  return std::unexpected(rows.error());
                              report.environments = *rows;
                              return report;
                          });
    m_inFlight.keep(future);
    follow(future, [this](const Result<EnvironmentReport> &report) {
        if (!report)
            return;
        for (const EnvironmentStatus &row : report->environments)
            if (row.sync == EnvironmentSync::Drift) {
                SessionEvent event {SessionEvent::Kind::EnvironmentDrift, row.deployedVersion};
                event.target = row.name;
                event.verdict = row.running;
                announce(event);
            }
    });
    return future;
}

}  // namespace cockpit
