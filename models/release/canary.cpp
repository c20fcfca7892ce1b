#include "canary.h"

#include <QLocale>
#include <array>

namespace cockpit {

namespace {

struct KindName {
    CanaryEventKind kind;
    const char *name;
};
constexpr std::array kKindNames {KindName {CanaryEventKind::Start, "start"},
    KindName {CanaryEventKind::Traffic, "traffic"}, KindName {CanaryEventKind::TrafficFailed, "traffic_failed"},
    KindName {CanaryEventKind::Verdict, "verdict"}, KindName {CanaryEventKind::Pause, "pause"},
    KindName {CanaryEventKind::Resume, "resume"}, KindName {CanaryEventKind::Abort, "abort"},
    KindName {CanaryEventKind::Complete, "complete"}};

QString clock(const QDateTime &utc)
{
    return QLocale::c().toString(utc.toLocalTime(), QStringLiteral("HH:mm"));
}

// "2026-12-07 14:00 UTC", as readiness says times (reasons go to the CLI, the window and the log).
QString utcText(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

}  // namespace

QString canaryEventKindName(CanaryEventKind kind)
{
    for (const KindName &k : kKindNames) {
        if (k.kind == kind)
            return QString::fromLatin1(k.name);
    }
    return {};
}

std::optional<CanaryEventKind> canaryEventKindFromName(const QString &name)
{
    for (const KindName &k : kKindNames) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QString canaryStateName(CanaryState state)
{
    switch (state) {
    case CanaryState::NotStarted:
        return QStringLiteral("not_started");
    case CanaryState::Starting:
        return QStringLiteral("starting");
    case CanaryState::Running:
        return QStringLiteral("running");
    case CanaryState::Paused:
        return QStringLiteral("paused");
    case CanaryState::Aborted:
        return QStringLiteral("aborted");
    case CanaryState::Completed:
        return QStringLiteral("completed");
    }
    return {};
}

QString CanaryStatus::headline(const std::optional<QDateTime> &passesAt) const
{
    switch (state) {
    case CanaryState::NotStarted:
        return {};
    case CanaryState::Starting:
        return QStringLiteral("canary starting, %1% asked").arg(steps.isEmpty() ? 0 : steps.first().percent);
    case CanaryState::Aborted:
        return QStringLiteral("canary aborted, traffic 0%");
    case CanaryState::Completed:
        return cleanupDue ? QStringLiteral("canary 100%, old version removed at %1").arg(clock(*cleanupDue))
                          : QStringLiteral("canary 100%, complete");
    case CanaryState::Running:
    case CanaryState::Paused:
        break;
    }
    QString text = QStringLiteral("canary %1%, phase %2 of %3").arg(percent).arg(phase + 1).arg(phaseCount);
    if (state == CanaryState::Paused)
        return text + QStringLiteral(", paused");
    if (passesAt)
        return text + QStringLiteral(", passes at %1").arg(clock(*passesAt));
    return text;
}

CanaryStatus foldCanary(const CanaryPolicy &policy, const QList<CanaryEvent> &events)
{
    CanaryStatus status;
    status.phaseCount = int(policy.phases.size());
    for (const CanaryPhasePolicy &phase : policy.phases)
        status.steps << CanaryPhaseStep {phase.name, phase.trafficPercent, {}, {}, {}, {}};
    auto step = [&](int index) -> CanaryPhaseStep * {
        return index >= 0 && index < status.steps.size() ? &status.steps[index] : nullptr;
    };
    for (const CanaryEvent &e : events) {
        switch (e.kind) {
        case CanaryEventKind::Start:
            status = foldCanary(policy, {});  // a new canary after an aborted one starts afresh
            status.state = CanaryState::Starting;
            break;
        case CanaryEventKind::Traffic:
            if (CanaryPhaseStep *previous = step(status.phase); previous && status.phase != e.phase) {
                previous->endedAt = e.at;
                previous->advancedBy = e.automatic ? QStringLiteral("cockpit (automatic)") : e.actor;
            }
            status.phase = e.phase;
            status.percent = e.percent;
            status.phaseStartedAt = e.at;
            status.phaseEndsAt.reset();
            status.resumedAt = {};
            if (CanaryPhaseStep *current = step(e.phase)) {
                current->startedAt = e.at;
                current->percent = e.percent;
                if (const auto &duration = policy.phases.at(e.phase).duration)
                    status.phaseEndsAt = e.at.addSecs(duration->count());
            }
            if (status.state == CanaryState::Starting)
                status.state = CanaryState::Running;
            break;
        case CanaryEventKind::TrafficFailed:
            status.state = CanaryState::Paused;
            status.pausedByBreach = false;
            status.pausedReason = QStringLiteral("setting traffic to %1% failed: %2").arg(e.percent).arg(e.detail);
            break;
        case CanaryEventKind::Verdict:
            if (CanaryPhaseStep *s = step(e.phase))
                s->verdict = e.verdict;
            break;
        case CanaryEventKind::Pause:
            status.state = CanaryState::Paused;
            status.pausedByBreach = e.automatic;
            status.pausedReason = e.detail;
            break;
        case CanaryEventKind::Resume:
            status.state = status.phase < 0 ? CanaryState::Starting : CanaryState::Running;
            status.pausedReason.clear();
            status.pausedByBreach = false;
            status.resumedAt = e.at;
            break;
        case CanaryEventKind::Abort:
            status.state = CanaryState::Aborted;
            status.percent = 0;
            status.pausedReason = e.detail;
            if (CanaryPhaseStep *s = step(status.phase); s && !s->endedAt)
                s->endedAt = e.at;
            break;
        case CanaryEventKind::Complete:
            status.state = CanaryState::Completed;
            status.completedAt = e.at;
            if (policy.cleanupAfter.count() > 0)
                status.cleanupDue = e.at.addSecs(policy.cleanupAfter.count());
            if (CanaryPhaseStep *s = step(status.phase)) {
                s->endedAt = e.at;
                s->advancedBy = e.automatic ? QStringLiteral("cockpit (automatic)") : e.actor;
            }
            break;
        }
    }
    return status;
}

CanaryDecision decideCanary(const CanaryPolicy &policy, const CanaryStatus &status,
    const std::optional<SoakEvaluation> &analysis, bool stale, const QDateTime &now)
{
    CanaryDecision d;
    if (status.state != CanaryState::Running || status.phase < 0 || status.phase >= policy.phases.size())
        return d;
    const CanaryPhasePolicy &phase = policy.phases.at(status.phase);
    const bool last = status.phase == policy.phases.size() - 1;
    const QString phaseName = QStringLiteral("phase %1 (%2%)").arg(status.phase + 1).arg(phase.trafficPercent);
    const QString recorded = status.steps.value(status.phase).verdict;
    // A breach pauses before anything else: a fired trigger, then a failed check.
    if (analysis) {
        for (const TriggerResult &t : analysis->triggers) {
            if (!t.fired || (status.resumedAt.isValid() && t.since && *t.since <= status.resumedAt))
                continue;  // a breach a person saw and resumed past
            d.next = CanaryNext::Pause;
            d.reason = QStringLiteral("%1: trigger \"%2\" fired%3").arg(phaseName, t.name,
                t.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(t.reason));
            if (isRollbackAction(t.action))
                d.rollbackTrigger = t.name;
            return d;
        }
        if (analysis->verdict == SoakVerdict::Fail && !recorded.isEmpty() && status.resumedAt.isValid()) {
            d.next = CanaryNext::AwaitPerson;
            d.reason = QStringLiteral("%1 failed its analysis and was resumed: a person advances it").arg(phaseName);
            return d;
        }
        if (analysis->verdict == SoakVerdict::Fail) {
            d.next = CanaryNext::Pause;
            d.reason = QStringLiteral("%1 failed its analysis: %2").arg(phaseName, analysis->reason);
            if (recorded.isEmpty())
                d.verdictToRecord = QStringLiteral("fail");
            return d;
        }
    }
    const bool windowOver = status.phaseEndsAt && now >= *status.phaseEndsAt;
    if (phase.checks.isEmpty()) {
        if (last && !phase.duration) {
            d.next = CanaryNext::Complete;
            d.reason = QStringLiteral("%1 takes all traffic and has nothing to watch").arg(phaseName);
            return d;
        }
        if (status.phaseEndsAt && !windowOver) {
            d.next = CanaryNext::Wait;
            d.at = status.phaseEndsAt;
            d.reason = QStringLiteral("%1 runs until %2").arg(phaseName, utcText(*status.phaseEndsAt));
            return d;
        }
        d.next = CanaryNext::AwaitPerson;
        d.reason = QStringLiteral("%1 has no checks: a person advances it (a canary never advances unwatched)")
                       .arg(phaseName);
        return d;
    }
    if (!phase.duration) {
        d.next = CanaryNext::AwaitPerson;
        d.reason = QStringLiteral("%1 has no duration: it runs until a person advances it").arg(phaseName);
        return d;
    }
    if (stale || !analysis) {
        d.next = CanaryNext::Wait;
        d.reason = QStringLiteral("%1 cannot be judged: Prometheus is not answering; it does not advance").arg(phaseName);
        return d;
    }
    if (analysis->verdict == SoakVerdict::Inconclusive) {
        d.next = CanaryNext::AwaitPerson;
        d.reason = QStringLiteral("%1 is inconclusive: %2; a person decides").arg(phaseName, analysis->reason);
        return d;
    }
    if (analysis->verdict == SoakVerdict::Pass && windowOver) {
        d.next = last ? CanaryNext::Complete : CanaryNext::Advance;
        d.reason = QStringLiteral("%1 passed its analysis and its window").arg(phaseName);
        if (recorded.isEmpty())
            d.verdictToRecord = QStringLiteral("pass");
        return d;
    }
    d.next = CanaryNext::Wait;
    d.at = status.phaseEndsAt;
    if (analysis->earliestPass && (!d.at || *analysis->earliestPass > *d.at))
        d.at = analysis->earliestPass;
    d.reason = QStringLiteral("%1 is being watched; it may pass at %2")
                   .arg(phaseName, d.at ? utcText(*d.at) : QStringLiteral("the end of its window"));
    return d;
}

QStringList canaryTrafficCommand(const CanaryPolicy &policy, const QString &version, int phase, int percent)
{
    QStringList argv;
    for (QString arg : policy.setTraffic) {
        arg.replace(QLatin1String("{percent}"), QString::number(percent));
        arg.replace(QLatin1String("{version}"), version);
        arg.replace(QLatin1String("{phase}"), QString::number(phase + 1));
        arg.replace(QLatin1String("{env}"), policy.environment);
        argv << arg;
    }
    return argv;
}

QList<int> canaryRollbackShares(const CanaryPolicy &policy, int percent)
{
    QList<int> shares;
    if (policy.stagedRollback) {
        for (auto it = policy.phases.crbegin(); it != policy.phases.crend(); ++it) {
            if (it->trafficPercent < percent)
                shares << it->trafficPercent;
        }
    }
    shares << 0;
    return shares;
}

}  // namespace cockpit
