// Session: a canary moving on its own (issue 15 item 3). canaryStep judges the current phase with
// its checks and triggers (and the policy's soak triggers) through the existing soak analysis over
// the phase's window, then does what decideCanary says: records the phase's verdict, advances to
// the next phase's traffic, completes, or pauses on a breach (a trigger asking for a rollback is
// named in the view and announced, so the window offers the plan). A phase with no checks, an
// inconclusive one, or a Prometheus that does not answer never advances: it waits for a person.
#include "prometheus_client.h"
#include "session.h"
#include "soak_monitor.h"
#include "store.h"

#include <QPointer>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

SoakPlan Session::canaryPhasePlan(const Policy &policy, const QString &version, const CanaryStatus &status)
{
    const CanaryPhasePolicy &phase = policy.canary->phases.at(status.phase);
    Policy judged = policy;
    judged.soakChecks = phase.checks;
    judged.triggers = phase.triggers + policy.triggers;
    return soakPlanFor(judged, policy.canary->environment, version, status.phaseStartedAt,
        phase.duration.value_or(std::chrono::seconds(0)));
}

bool Session::canaryTriggerIsAutomatic(const Policy &policy, const CanaryStatus &status, const QString &trigger)
{
    QList<TriggerPolicy> triggers = policy.triggers;
    if (policy.canary && status.phase >= 0 && status.phase < policy.canary->phases.size())
        triggers += policy.canary->phases.at(status.phase).triggers;
    for (const TriggerPolicy &t : triggers) {
        if (t.name == trigger)
            return t.automatic && isRollbackAction(t.action);
    }
    return false;
}

Result<Session::CanaryView> Session::actOnCanary(Store *store, const Workspace &ws, const Identity &who,
    CanaryView view, std::optional<SoakEvaluation> analysis, bool stale, const QDateTime &now)
{
    const CanaryPolicy &canary = *ws.policy.canary;
    const QString version = view.events.value(0).version;
    const CanaryDecision d = decideCanary(canary, view.status, analysis, stale, now);
    view.decision = d;
    view.analysis = analysis;
    auto append = [&](CanaryEventKind kind, const QString &detail, const QString &verdict = {}) -> Status {
        CanaryEvent e;
        e.version = version;
        e.kind = kind;
        e.phase = view.status.phase;
        e.percent = view.status.percent;
        e.detail = detail;
        e.verdict = verdict;
        e.automatic = true;
        auto stored = appendCanary(store, ws, who, view, e);
        if (!stored)
            return std::unexpected(stored.error());
        view.events << *stored;
        view.status = foldCanary(canary, view.events);
        return {};
    };
    switch (d.next) {
    case CanaryNext::Advance: {
        // Bound to the events judged: a step that judged phase 1 never advances phase 2.
        CanaryRequest request {version, CanaryAction::Advance, d.reason, true, d.verdictToRecord, {},
            int(view.events.size())};
        auto advanced = applyCanaryAction(store, ws, who, request);
        if (!advanced)
            return std::unexpected(advanced.error());
        advanced->decision = d;
        advanced->analysis = analysis;
        return advanced;
    }
    case CanaryNext::Complete:
        if (!d.verdictToRecord.isEmpty())
            if (auto ok = append(CanaryEventKind::Verdict, d.reason, d.verdictToRecord); !ok)
                return std::unexpected(ok.error());
        if (auto ok = append(CanaryEventKind::Complete, d.reason); !ok)
            return std::unexpected(ok.error());
        return view;
    case CanaryNext::Pause:
        if (!d.verdictToRecord.isEmpty())
            if (auto ok = append(CanaryEventKind::Verdict, d.reason, d.verdictToRecord); !ok)
                return std::unexpected(ok.error());
        if (auto ok = append(CanaryEventKind::Pause, d.reason); !ok)
            return std::unexpected(ok.error());
        return view;
    case CanaryNext::Nothing:
    case CanaryNext::Wait:
    case CanaryNext::AwaitPerson:
        return view;
    }
    return view;
}

QFuture<Result<Session::CanaryView>> Session::canaryStep(QString version)
{
    auto promise = std::make_shared<QPromise<Result<CanaryView>>>();
    QFuture<Result<CanaryView>> result = promise->future();
    promise->start();
    auto finish = [promise](Result<CanaryView> view) {
        promise->addResult(std::move(view));
        promise->finish();
    };
    auto loaded = m_inFlight.keep(QtConcurrent::run(
        [store = m_store, ws = workspace(), version] { return canaryView(store, ws, version); }));
    whenReady(this, loaded, [this, version, finish](const Result<CanaryView> &view) {
        if (!view || view->status.state != CanaryState::Running || view->status.phase < 0) {
            finish(view);
            return;
        }
        const Policy &policy = workspace().policy;
        const CanaryPhasePolicy &phase = policy.canary->phases.at(view->status.phase);
        const bool judged = !phase.checks.isEmpty() || !phase.triggers.isEmpty() || !policy.triggers.isEmpty();
        SoakMonitor *monitor = judged ? createSoakMonitor(this) : nullptr;
        auto act = [this, view = *view, finish](std::optional<SoakEvaluation> analysis, bool stale) {
            const QString v = view.events.value(0).version;
            auto acted = m_inFlight.keep(QtConcurrent::run([store = m_store, ws = workspace(), who = identity(), view,
                                                               analysis, stale] {
                return actOnCanary(store, ws, who, view, analysis, stale, QDateTime::currentDateTimeUtc());
            }));
            whenReady(this, acted, [this, v, finish](const Result<CanaryView> &done) {
                if (done && done->decision && done->decision->next != CanaryNext::Wait
                    && done->decision->next != CanaryNext::AwaitPerson)
                    announce({SessionEvent::Kind::CanaryChanged, v, CheckKind::Soak, {},
                        done->decision->rollbackTrigger.isEmpty() ? QString() : done->decision->rollbackTrigger, {}});
                // A breach by a trigger marked automatic rolls back on its own (it halts at the
                // first step that needs a person); any other rollback trigger is offered.
                if (done && done->decision && !done->decision->rollbackTrigger.isEmpty()
                    && canaryTriggerIsAutomatic(workspace().policy, done->status, done->decision->rollbackTrigger))
                    rollBackAutomatically(v, done->decision->rollbackTrigger, done->decision->reason);
                finish(done);
            });
        };
        if (!monitor) {
            act(std::nullopt, judged);  // judged without a Prometheus: it cannot be judged
            return;
        }
        const SoakPlan plan = canaryPhasePlan(policy, version, view->status);
        // Judged as of two scrape intervals ago: a measurement due just now may not be scraped yet,
        // and a fresh evaluation would count it as missing rather than wait for it.
        const QDateTime settled
            = QDateTime::currentDateTimeUtc().addSecs(-2 * policy.prometheusScrapeInterval.count());
        const QDateTime end = std::min(view->status.phaseEndsAt.value_or(settled), settled);
        connect(monitor, &SoakMonitor::finished, this, [monitor, act](const SoakEvaluation &evaluation) {
            const bool stale = monitor->prometheusSilent();
            monitor->deleteLater();
            act(stale ? std::nullopt : std::optional(evaluation), stale);
        });
        monitor->evaluateWindow(plan, end);
    });
    return result;
}

}  // namespace cockpit
