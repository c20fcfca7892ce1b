// SoakTab's live mode: a release deployed to the shown environment with no stored soak is
// followed through Prometheus by a SoakMonitor. Each pass redraws the charts and the decision
// panel, a silent Prometheus raises the stale banner, a fired trigger the trigger banner and a
// desktop notification; the finished soak is stored (and a PASS ticks its items).
#include "future_watch.h"
#include "prometheus_client.h"
#include "session.h"
#include "soak_banners.h"
#include "soak_monitor.h"
#include "soak_tab.h"
#include "state_style.h"

#include <QJsonDocument>
#include <QLabel>
#include <QUrl>

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
    m_monitor = nullptr;
    m_followedPhase = QDateTime();
    m_startLabel.clear();
}

bool SoakTab::createMonitor(quint64 generation)
{
    if (generation != m_generation || !m_session)
        return false;
    m_monitor = m_session->createSoakMonitor(this);
    if (!m_monitor)
        return false;
    connect(m_monitor, &SoakMonitor::updated, this, &SoakTab::showLive);
    connect(m_monitor, &SoakMonitor::stale, this, &SoakTab::showStale);
    connect(m_monitor, &SoakMonitor::recovered, this, &SoakTab::clearStale);
    return true;
}

void SoakTab::followDeployment(
    const QString &version, const QString &env, quint64 generation, const QString &noSoakHint)
{
    whenReady(this, m_session->store()->deployments(version),
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
    if (auto prometheus = m_session->prometheus(); !prometheus) {
        showHint(tr("%1 is live on %2 since %3, but its soak cannot be followed: %4")
                     .arg(deployment.version, deployment.environment,
                         formatLocalTime(deployment.deployedAt), prometheus.error().message));
        return;
    }
    // The credential comes from the keychain first; without one the queries go unauthenticated
    // and a refusing Prometheus shows as stale, never as a pass.
    whenReady(this, m_session->prometheusReady(), [this, deployment, generation](const Status &) {
        if (!createMonitor(generation))
            return;
        connect(m_monitor, &SoakMonitor::finished, this, &SoakTab::storeFinished);
        // The session judges fired triggers: an automatic one rolls back by itself (issue 15).
        m_session->watchSoak(m_monitor, deployment.version);
        m_candidate = deployment.version;
        const QUrl url = (*m_session->prometheus())->baseUrl();
        m_mode->setText(
            tr("Live soak of %1 on %2 since %3 (Prometheus %4)")
                .arg(deployment.version, deployment.environment,
                    formatLocalTime(deployment.deployedAt),
                    url.toString(QUrl::RemoveUserInfo)));
        m_monitor->startLive(soakPlanFor(m_session->workspace().policy, deployment.environment,
            deployment.version, deployment.deployedAt));
    });
}

void SoakTab::showLive(const SoakEvaluation &evaluation)
{
    QMap<QString, QList<Sample>> series;
    const SoakRecording recording = m_monitor->recording();
    rememberQueries(recording);
    for (const RecordedCheck &check : recording.checks)
        if (!check.series.series.isEmpty())
            series.insert(check.policy.name, check.series.series.first().samples);
    showEvaluation(evaluation, series, true);
}

void SoakTab::storeFinished(const SoakEvaluation &evaluation)
{
    const SoakRecording recording = m_monitor->recording();
    const QString env = recording.environment;
    const QString version = m_release.version;
    m_applied.insert(version + QLatin1Char('/') + env);  // the session ticks a PASS as it stores it
    whenReady(this, m_session->recordSoakEnd(version, recording, evaluation),
        [this, env, version](const Result<SoakRunOutcome> &stored) {
            if (!stored) {
                emit statusMessage(tr("The soak on %1 finished but could not be stored: %2")
                                       .arg(env, stored.error().toString()));
                return;
            }
            m_shownRun = stored->run;
            m_mode->setText(tr("Run #%1 (finished and stored). %2").arg(stored->run.id).arg(m_mode->text()));
            if (!stored->ticked.isEmpty())
                emit statusMessage(tr("Soak PASS on %1 (run #%2) ticked %n checklist item(s)", nullptr,
                    int(stored->ticked.size()))
                                       .arg(env)
                                       .arg(stored->run.id));
            emit releaseTouched(version);
        });
}

}  // namespace cockpit
