#pragma once
// Watches a soak through Prometheus. Live: on every poll it measures each check at the scheduled
// times that have come (instant queries at exactly those times), refreshes the series of checks
// and rollback triggers on the trigger cadence, and re-evaluates (models/soak_analysis.h).
// Retrospective: one pass over a past window. Both keep a SoakRecording that the store saves and
// the Soak tab replays; time comes from an injected clock.
#include "policy.h"
#include "soak_recording.h"

#include <QFuture>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <functional>

namespace cockpit {

class PrometheusClient;
class ProbeRunner;
struct ProbeReport;

struct SoakPlan {
    QString environment;
    QString version;
    QDateTime start;
    std::chrono::seconds duration {0};
    QList<SoakCheckPolicy> checks;  // queries with $env already replaced
    QList<TriggerPolicy> triggers;
    // Trigger series resolution and refresh cadence: triggerStepFor(triggers, ...) in soakPlanFor.
    std::chrono::seconds triggerStep {60};
    // Freshness: a measurement due at T uses only samples scraped within maxSampleAge(check, ...)
    // before T, as the freshness query at T tells (empty query: not checked).
    std::chrono::seconds scrapeInterval {15};
    std::optional<std::chrono::seconds> maxSampleAge;
    QString freshnessQuery = kDefaultFreshnessQuery;
    // soak.refresh: how often the lines (range series of checks) are re-read while live.
    std::chrono::seconds refresh {5};
    // Probe triggers (issue 15): the environments they name, probed every probeInterval while
    // live (soak.probe_interval); each result is a sample of the trigger's series.
    QList<EnvironmentPolicy> probeEnvironments;
    std::chrono::seconds probeInterval {30};
    std::chrono::milliseconds probeTimeout {10000};  // per request; never more than the interval
};

// Triggers at their own resolution (issue 18): a quarter of the shortest query trigger's `for`,
// never finer than the scrape interval, never coarser than 60 s, and coarse enough that the soak
// window stays under Prometheus' 11,000 points per series.
[[nodiscard]] std::chrono::seconds triggerStepFor(const QList<TriggerPolicy> &triggers,
    std::chrono::seconds scrapeInterval, std::chrono::seconds soakDuration);

// The environments plan.triggers' probe triggers name, with the policy's soak.probe_interval:
// what a live monitor probes. soakPlanFor calls it; a plan built from other triggers (a canary
// phase's) calls it after setting them.
void setProbesFor(SoakPlan &plan, const Policy &policy);

// The policy's soak checks and triggers for one environment, "$env" replaced by its name.
// duration: the soak's length (default: the policy's soak.duration).
[[nodiscard]] SoakPlan soakPlanFor(const Policy &policy, const QString &environment, const QString &version,
    const QDateTime &start, std::optional<std::chrono::seconds> duration = std::nullopt);

class SoakMonitor : public QObject {
    Q_OBJECT
public:
    explicit SoakMonitor(PrometheusClient *client, QObject *parent = nullptr);

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // How often live mode looks for due work (default: the plan's refresh, or its trigger step when
    // that is finer); measurements keep their schedule.
    void setPollInterval(std::chrono::milliseconds interval);

    // Live: polls now and then every poll interval until the soak's end has been measured.
    void startLive(const SoakPlan &plan);
    // Retrospective: one pass over [plan.start, end] judged at min(end, clock()); emits finished().
    void evaluateWindow(const SoakPlan &plan, const QDateTime &end);
    // Stops polling; answers still in flight are dropped.
    void stop();

    [[nodiscard]] bool isLive() const { return m_timer.isActive(); }
    [[nodiscard]] bool isStale() const { return m_stale; }
    // Whether any query of the latest pass got an answer from Prometheus (even "no data").
    [[nodiscard]] bool prometheusAnswered() const { return m_passAnswered; }
    // Queries were sent in the latest pass and not one was answered (down, timing out, HTTP errors).
    [[nodiscard]] bool prometheusSilent() const { return m_passAsked > 0 && !m_passAnswered; }
    // The first outage of the latest pass ("Prometheus unreachable: ..."), empty when none.
    [[nodiscard]] QString outage() const { return m_passFailure; }
    [[nodiscard]] SoakEvaluation evaluation() const { return m_evaluation; }
    [[nodiscard]] SoakRecording recording() const { return m_recording; }
    // The failed checks of the environment's latest probe ("health /health: expected 200, got
    // 503"), empty when it passed or was not probed: what a probe trigger saw.
    [[nodiscard]] QString probeDetail(const QString &environment) const { return m_probeDetail.value(environment); }

public slots:
    void poll();  // one live pass now (the timer calls it; tests may too)

signals:
    void updated(const cockpit::SoakEvaluation &evaluation);
    // Prometheus stopped answering (unreachable, timeout, HTTP error); recovered() once it answers.
    void stale(const QString &reason);
    void recovered();
    // An environment of a probe trigger was probed (live): ok or not, with its failed checks.
    void probed(const QString &environment, bool ok, const QString &detail);
    // A rollback trigger's condition has held for its `for` (emitted once per trigger and soak).
    void triggerFired(const QString &name, const QString &severity);
    // The soak's last measurement is in (live), or the window was evaluated (retrospective).
    void finished(const cockpit::SoakEvaluation &evaluation);

private:
    void begin(const SoakPlan &plan);
    void runPass(const QDateTime &now, bool final);
    void queryMeasurements(const QDateTime &now);
    void measure(qsizetype check, const QDateTime &time);
    void querySeries(const QDateTime &now, bool checks, bool triggers);
    void queryCheckSeries(const QDateTime &end, std::chrono::seconds step);
    void expect(QFuture<QueryOutcome> future, std::function<void(const QueryOutcome &)> apply);
    void note(const QueryOutcome &outcome);
    void finishPass();
    // Probe triggers (soak_monitor_probes.cpp).
    void startProbes();
    void probeAll();
    void applyProbe(const QString &environment, const ProbeReport &report);

    PrometheusClient *m_client;
    std::function<QDateTime()> m_clock;
    QTimer m_timer;
    SoakPlan m_plan;
    SoakRecording m_recording;
    SoakEvaluation m_evaluation;
    quint64 m_generation = 0;  // answers of an earlier start/stop are dropped
    int m_pending = 0;
    QDateTime m_passTime;
    bool m_finalPass = false;
    QDateTime m_seriesAt;  // when the check series were last refreshed
    QDateTime m_triggerSeriesAt;  // when the trigger series were last refreshed
    QString m_passFailure;  // the first "Prometheus is not answering" failure of this pass
    bool m_passAnswered = false;
    int m_passAsked = 0;
    bool m_stale = false;
    QSet<QString> m_fired;
    bool m_pollIntervalSet = false;
    ProbeRunner *m_probes = nullptr;  // created for a plan with probe triggers
    QTimer m_probeTimer;
    QSet<QString> m_probing;  // environments whose probe is in flight
    QMap<QString, QString> m_probeDetail;
};

}  // namespace cockpit
