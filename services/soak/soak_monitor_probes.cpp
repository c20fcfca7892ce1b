// SoakMonitor's probe triggers (issue 15 item 3b): while live, every environment a probe trigger
// names is probed every soak.probe_interval (services/soak/probe_runner.h), one probe of an
// environment at a time. Each result becomes a sample of its triggers' series in the recording
// (1: the probe failed, the condition holds), so the model judges them with their `for` and a
// replay of the stored soak sees what the live one saw; then the soak is judged again.
#include "probe_runner.h"
#include "soak_monitor.h"

#include <QFutureWatcher>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSoak)

namespace cockpit {

namespace {

// "health /health: expected 200, got 503; version /health: ..." (the failed checks only).
QString failedChecks(const ProbeReport &report)
{
    QStringList failed;
    for (const ProbeCheckResult &check : report.checks)
        if (!check.ok)
            failed << QStringLiteral("%1 %2: expected %3, got %4")
                          .arg(check.kind, check.target, check.expected, check.actual);
    if (failed.isEmpty() && !report.ok)
        failed << QStringLiteral("no check could run");
    return failed.join(QStringLiteral("; "));
}

}  // namespace

void SoakMonitor::startProbes()
{
    if (m_plan.probeEnvironments.isEmpty())
        return;
    if (!m_probes)
        m_probes = new ProbeRunner(this);
    m_probeTimer.setInterval(std::chrono::milliseconds(std::max<qint64>(1, m_plan.probeInterval.count()) * 1000));
    m_probeTimer.start();
    probeAll();
}

void SoakMonitor::probeAll()
{
    for (const EnvironmentPolicy &env : std::as_const(m_plan.probeEnvironments)) {
        if (m_probing.contains(env.name))
            continue;  // the previous probe of it has not answered yet
        m_probing.insert(env.name);
        ProbeOptions options;  // health and what the environment declares; the version is not asked
        options.timeout = m_plan.probeTimeout;
        options.now = m_clock().toUTC();  // the sample's time, on the monitor's clock
        const quint64 generation = m_generation;
        auto *watcher = new QFutureWatcher<Result<ProbeReport>>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, name = env.name] {
            watcher->deleteLater();
            if (generation != m_generation || watcher->future().resultCount() == 0)
                return;  // stopped or restarted since
            m_probing.remove(name);
            const Result<ProbeReport> report = watcher->result();
            if (!report) {
                // A policy the probe cannot use (bad base_url, unreadable ca_file) is no sighting
                // of the service failing: the trigger stays unjudged, with the reason logged.
                qCWarning(lcSoak) << "probe of" << name << "cannot run:" << report.error().toString();
                m_probeDetail.insert(name, report.error().message);
                return;
            }
            applyProbe(name, *report);
        });
        watcher->setFuture(m_probes->run(env, options));
    }
}

void SoakMonitor::applyProbe(const QString &environment, const ProbeReport &report)
{
    if (!m_timer.isActive())
        return;  // the soak finished while the probe ran
    const QString detail = failedChecks(report);
    m_probeDetail.insert(environment, detail);
    const QDateTime at = report.at.isValid() ? report.at.toUTC() : m_clock().toUTC();
    for (RecordedTrigger &trigger : m_recording.triggers)
        if (trigger.policy.probe == environment)
            trigger.series = withProbeSample(trigger.series, at, !report.ok, environment);
    emit probed(environment, report.ok, detail);
    if (m_pending > 0)
        return;  // the pass in flight judges it when it finishes
    m_passTime = std::max(m_passTime, m_clock().toUTC());
    m_finalPass = false;
    finishPass();
}

}  // namespace cockpit
