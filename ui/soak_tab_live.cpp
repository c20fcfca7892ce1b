// SoakTab's live mode: a release deployed to the shown environment with no stored soak is
// followed through Prometheus by a SoakMonitor. Each pass redraws the charts and the decision
// panel, a silent Prometheus raises the stale banner, a fired trigger the trigger banner and a
// desktop notification; the finished soak is stored (and a PASS ticks its items).
#include "future_watch.h"
#include "prometheus_client.h"
#include "release_service.h"
#include "secret_store.h"
#include "soak_monitor.h"
#include "soak_tab.h"

#include <QJsonDocument>
#include <QLabel>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSoakLive, "cockpit.ui.soak.live")

namespace cockpit {

bool SoakTab::isLive() const
{
    return m_monitor && m_monitor->isLive();
}

void SoakTab::stopLive()
{
    if (m_monitor)
        m_monitor->stop();
    delete m_monitor;
    delete m_client;
    m_monitor = nullptr;
    m_client = nullptr;
}

void SoakTab::followDeployment(
    const QString &version, const QString &env, quint64 generation, const QString &noSoakHint)
{
    whenReady(this, m_service->store()->deployments(version),
        [this, env, generation, noSoakHint](const Result<QList<Deployment>> &deployments) {
            if (generation != m_generation)
                return;
            std::optional<Deployment> latest;
            if (deployments)
                for (const Deployment &d : *deployments)
                    if (d.environment == env)
                        latest = d;
            if (!latest) {
                showHint(noSoakHint);
                return;
            }
            startLive(*latest, generation);
        });
}

void SoakTab::startLive(const Deployment &deployment, quint64 generation)
{
    const Policy &policy = m_service->workspace().policy;
    const QUrl url(policy.prometheusUrl, QUrl::StrictMode);
    if (policy.prometheusUrl.isEmpty() || !url.isValid() || url.host().isEmpty()) {
        showHint(tr("%1 is live on %2 since %3, but the policy names no usable Prometheus (prometheus.url in "
                    ".release-cockpit/policy.yml), so its soak cannot be followed.")
                     .arg(deployment.version, deployment.environment,
                         deployment.deployedAt.toLocalTime().toString()));
        return;
    }
    const auto begin = [this, deployment, url, generation](const PrometheusAuth &auth) {
        if (generation != m_generation)
            return;
        m_client = new PrometheusClient(url, this);
        m_client->setAuth(auth);
        m_monitor = new SoakMonitor(m_client, this);
        connect(m_monitor, &SoakMonitor::updated, this, &SoakTab::showLive);
        connect(m_monitor, &SoakMonitor::stale, this, &SoakTab::showStale);
        connect(m_monitor, &SoakMonitor::recovered, this, &SoakTab::clearStale);
        connect(m_monitor, &SoakMonitor::finished, this, &SoakTab::storeFinished);
        m_candidate = deployment.version;
        m_mode->setText(
            tr("Live soak of %1 on %2 since %3 (Prometheus %4)")
                .arg(deployment.version, deployment.environment,
                    deployment.deployedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                    url.toString(QUrl::RemoveUserInfo)));
        m_monitor->startLive(soakPlanFor(m_service->workspace().policy, deployment.environment,
            deployment.version, deployment.deployedAt));
    };
    const QString secret = policy.prometheusAuthSecret;
    if (secret.isEmpty()) {
        begin({});
        return;
    }
    // The credential comes from the keychain; without one the queries go unauthenticated and a
    // refusing Prometheus shows as stale, never as a pass.
    whenReady(this, SecretStore::read(secret), [begin, secret](const Result<QString> &value) {
        if (!value)
            qCWarning(lcSoakLive) << "no Prometheus credential" << secret
                                  << "in the keychain:" << value.error().message;
        begin(value ? PrometheusAuth::fromSecret(*value) : PrometheusAuth {});
    });
}

void SoakTab::showLive(const SoakEvaluation &evaluation)
{
    QMap<QString, QList<Sample>> series;
    const SoakRecording recording = m_monitor->recording();
    for (const RecordedCheck &check : recording.checks)
        if (!check.series.series.isEmpty())
            series.insert(check.policy.name, check.series.series.first().samples);
    showEvaluation(evaluation, series, true);
}

void SoakTab::storeFinished(const SoakEvaluation &evaluation)
{
    const SoakRecording recording = m_monitor->recording();
    const QString env = recording.environment;
    const QByteArray json = QJsonDocument(soakRecordingToJson(recording)).toJson(QJsonDocument::Compact);
    whenReady(this,
        m_service->store()->saveSoakRecording(
            m_release.version, env, json, soakVerdictName(evaluation.verdict), m_service->identity().id),
        [this, env](const Status &saved) {
            if (!saved)
                emit statusMessage(tr("The soak on %1 finished but could not be stored: %2")
                                       .arg(env, saved.error().toString()));
        });
    if (evaluation.verdict == SoakVerdict::Pass)
        applyPass(evaluation);
}

}  // namespace cockpit
