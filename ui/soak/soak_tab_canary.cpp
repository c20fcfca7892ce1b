// SoakTab's canary mode (issue 15 item 3): while the shown release's canary runs in the shown
// environment, the charts are the current phase's own checks and triggers from the phase's start
// to its end, followed live through Prometheus. The phase is judged by the canary
// (Session::canaryStep, run by the strip above), so nothing here stores a run or ticks an item;
// the release's stored soaks stay one pick away under Run. When the canary moves on (a new phase,
// a pause by a breach is the same phase, an abort or completion), the tab follows.
#include "canary_strip.h"
#include "future_watch.h"
#include "prometheus_client.h"
#include "session.h"
#include "soak_banners.h"
#include "soak_monitor.h"
#include "soak_tab.h"
#include "state_style.h"

#include <QComboBox>
#include <QLabel>
#include <QStackedWidget>
#include <QUrl>

namespace cockpit {

void SoakTab::loadCanaryPhase(const QString &version, const QString &env, quint64 generation)
{
    whenReady(this, m_session->canary(version),
        [this, version, env, generation](const Result<Session::CanaryView> &view) {
            if (generation != m_generation)
                return;
            if (!view || !view->status.active() || view->status.phase < 0) {
                m_runs->setItemText(0, tr("Release's soak"));
                loadReleaseSoak(version, env, generation);
                return;
            }
            m_runs->setItemText(0, tr("Current canary phase"));
            followCanaryPhase(view->status, generation);
        });
}

void SoakTab::followCanaryPhase(const CanaryStatus &status, quint64 generation)
{
    const Policy &policy = m_session->workspace().policy;
    const CanaryPhasePolicy &phase = policy.canary->phases.at(status.phase);
    const QString version = m_release.version;
    const QString env = policy.canary->environment;
    m_followedPhase = status.phaseStartedAt;
    m_startLabel = tr("Phase %1 · %2%").arg(status.phase + 1).arg(status.percent);
    m_candidate = version;
    const QString what = tr("Canary phase %1 of %2 (%3, %4% of traffic) of %5 on %6 since %7")
                             .arg(status.phase + 1)
                             .arg(status.phaseCount)
                             .arg(phase.name)
                             .arg(status.percent)
                             .arg(version, env, formatLocalTime(status.phaseStartedAt));
    const SoakPlan plan = Session::canaryPhasePlan(policy, version, status);
    if (plan.checks.isEmpty()) {
        showHint(tr("%1 has no checks of its own, so nothing is charted and it never advances by itself: a "
                    "person advances it (Advance… above). The stored soaks of %2 on %3 are under Run.")
                     .arg(what, version, env));
        emit soakShown(version, env);
        return;
    }
    if (auto prometheus = m_session->prometheus(); !prometheus) {
        showHint(tr("%1: its checks cannot be followed: %2").arg(what, prometheus.error().message));
        emit soakShown(version, env);
        return;
    }
    // Until Prometheus answers, a line says what is awaited rather than the previous release's charts.
    m_hint->setText(tr("%1: reading its checks from Prometheus…").arg(what));
    m_stack->setCurrentWidget(m_hint);
    whenReady(this, m_session->prometheusReady(), [this, generation, plan, what](const Status &) {
        if (!createMonitor(generation))
            return;
        // Silent before it gave anything: the hint says why the charts are missing (the stale
        // banner says since when); the phase does not advance meanwhile (the strip says so too).
        connect(m_monitor, &SoakMonitor::stale, this, [this, what](const QString &reason) {
            if (m_stack->currentWidget() == m_hint)
                m_hint->setText(tr("%1: its checks cannot be charted: %2\nThe phase does not advance while "
                                   "Prometheus is silent. The stored soaks of this release are under Run.")
                                    .arg(what, reason));
        });
        // The phase's window is over: the canary judges it now rather than at the strip's next minute.
        connect(m_monitor, &SoakMonitor::finished, m_canary, &CanaryStrip::refresh);
        const QUrl url = (*m_session->prometheus())->baseUrl();
        m_mode->setText(tr("%1, judged by the phase's own checks (Prometheus %2)")
                            .arg(what, url.toString(QUrl::RemoveUserInfo)));
        m_monitor->startLive(plan);
        emit soakShown(m_release.version, plan.environment);
    });
}

// The strip read the canary again: when the shown release's canary is in another phase than the
// one charted (or no longer runs, or just started), the tab shows what now holds. A stored run
// picked under Run stays shown.
void SoakTab::canaryMoved()
{
    if (!m_session || m_canary->version() != m_release.version || m_runs->currentIndex() > 0)
        return;
    const Policy &policy = m_session->workspace().policy;
    if (!policy.canary || environment() != policy.canary->environment)
        return;
    const CanaryStatus &status = m_canary->status();
    const bool charted = m_followedPhase.isValid();
    const bool shouldChart = status.active() && status.phase >= 0;
    if (charted != shouldChart || (shouldChart && status.phaseStartedAt != m_followedPhase))
        loadEnvironment();
}

}  // namespace cockpit
