#include "rollback_incident.h"

#include <algorithm>

namespace cockpit {

namespace {

QString stepLine(const RollbackStepRecord &step)
{
    QString line
        = QStringLiteral("%1: %2").arg(step.name, rollbackStepStateName(step.state).replace(u'_', u' '));
    if (step.exitCode)
        line += QStringLiteral(" (exit %1)").arg(*step.exitCode);
    if (!step.note.isEmpty() && !step.note.startsWith(u"exit "))
        line += QStringLiteral(": ") + step.note;
    if (step.attempt > 1)
        line += QStringLiteral(" [attempt %1]").arg(step.attempt);
    return line;
}

QString severityOf(const Policy &policy, const QString &trigger)
{
    for (const TriggerPolicy &t : policy.triggers) {
        if (t.name == trigger)
            return t.severity;
    }
    if (policy.canary) {
        for (const CanaryPhasePolicy &phase : policy.canary->phases) {
            for (const TriggerPolicy &t : phase.triggers) {
                if (t.name == trigger)
                    return t.severity;
            }
        }
    }
    return {};
}

void addAuditEvents(const RollbackRecord &r, const QList<AuditEntry> &audit, QList<IncidentEvent> &timeline)
{
    const QString id = QString::number(r.id);
    for (const AuditEntry &e : audit) {
        if (e.release != r.version || e.at < r.requestedAt)
            continue;
        if (e.action == u"deploy.lock" && e.subject == id)
            timeline << IncidentEvent {e.at, QStringLiteral("lock"), e.actor,
                QStringLiteral("Deploys locked: %1").arg(e.after.value(QStringLiteral("reason")).toString()),
                {}};
        else if (e.action == u"deploy.unlock" && r.finishedAt.isValid() && e.at >= r.finishedAt)
            timeline << IncidentEvent {e.at, QStringLiteral("lift"), e.actor,
                QStringLiteral("Deploy lock lifted: %1")
                    .arg(e.after.value(QStringLiteral("lift_reason")).toString()),
                {}};
    }
}

}  // namespace

Incident buildIncident(const RollbackRecord &r, const QList<AuditEntry> &audit, const Policy &policy)
{
    Incident incident;
    incident.id = r.id;
    incident.rollbackId = r.id;
    incident.version = r.version;
    incident.cause = r.plan.trigger.isEmpty() ? r.plan.reason : r.plan.trigger;
    incident.severity = r.plan.trigger.isEmpty() ? QString() : severityOf(policy, r.plan.trigger);
    incident.openedAt = r.requestedAt;
    if (r.state == RollbackState::Succeeded)
        incident.recoveredAt = r.finishedAt;
    QList<IncidentEvent> &t = incident.timeline;
    if (!r.plan.trigger.isEmpty())
        t << IncidentEvent {r.requestedAt, QStringLiteral("trigger"), {},
            QStringLiteral("Trigger fired: %1%2")
                .arg(r.plan.trigger,
                    incident.severity.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(incident.severity)),
            {}};
    t << IncidentEvent {r.requestedAt, QStringLiteral("requested"), r.requestedBy,
        QStringLiteral("Rollback of %1 to %2 %3%4")
            .arg(r.version, r.plan.targetVersion,
                r.plan.automatic ? QStringLiteral("started automatically by the trigger") : QStringLiteral("requested"),
                r.plan.reason.isEmpty() ? QString() : QStringLiteral(": ") + r.plan.reason),
        {}};
    if (!r.approvedBy.isEmpty())
        t << IncidentEvent {
            r.approvedAt, QStringLiteral("approved"), r.approvedBy, QStringLiteral("Approved"), {}};
    for (const RollbackStepRecord &step : r.steps) {
        if (step.state == RollbackStepState::Pending && step.attempt == 0)
            continue;
        const bool probe = r.plan.steps.value(step.index).kind == RollbackStepKind::Probe;
        t << IncidentEvent {step.finishedAt.isValid() ? step.finishedAt : step.startedAt,
            probe ? QStringLiteral("probe") : QStringLiteral("step"), step.actor, stepLine(step),
            step.output};
    }
    if (r.finishedAt.isValid())
        t << IncidentEvent {r.finishedAt, QStringLiteral("finished"), {},
            r.state == RollbackState::Succeeded
                ? QStringLiteral("Rolled back to %1").arg(r.plan.targetVersion)
                : QStringLiteral("Rollback %1: %2").arg(rollbackStateName(r.state), r.note),
            {}};
    addAuditEvents(r, audit, t);
    const auto key = [](const IncidentEvent &e) { return e.at.isValid() ? e.at.toMSecsSinceEpoch() : 0; };
    std::stable_sort(t.begin(), t.end(),
        [&key](const IncidentEvent &a, const IncidentEvent &b) { return key(a) < key(b); });
    return incident;
}

}  // namespace cockpit
