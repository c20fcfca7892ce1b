#include "rollback_json.h"

#include <QJsonArray>

namespace cockpit {

namespace {

QString timeText(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject mapToJson(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QMap<QString, QString> mapFromJson(const QJsonObject &o)
{
    QMap<QString, QString> map;
    for (auto it = o.begin(); it != o.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

RollbackStepKind kindFromName(const QString &name)
{
    for (RollbackStepKind k : {RollbackStepKind::Run, RollbackStepKind::Shell, RollbackStepKind::Http,
             RollbackStepKind::Probe, RollbackStepKind::Manual}) {
        if (rollbackStepKindName(k) == name)
            return k;
    }
    return RollbackStepKind::Manual;
}

QJsonObject plannedStepToJson(const PlannedRollbackStep &s)
{
    QJsonObject o {{QStringLiteral("index"), s.index}, {QStringLiteral("name"), s.name},
        {QStringLiteral("kind"), rollbackStepKindName(s.kind)},
        {QStringLiteral("timeout_s"), qint64(s.timeout.count())}};
    const auto put = [&o](const char *key, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    if (!s.argv.isEmpty())
        o.insert(QStringLiteral("argv"), QJsonArray::fromStringList(s.argv));
    put("shell", s.shellCommand);
    put("method", s.httpMethod);
    put("url", s.httpUrl);
    if (!s.httpHeaders.isEmpty())
        o.insert(QStringLiteral("headers"), mapToJson(s.httpHeaders));
    put("body", s.httpBody);
    put("probe", s.probeEnvironment);
    put("instruction", s.instruction);
    put("condition", s.condition);
    return o;
}

PlannedRollbackStep plannedStepFromJson(const QJsonObject &o)
{
    PlannedRollbackStep s;
    s.index = o.value(QStringLiteral("index")).toInt();
    s.name = o.value(QStringLiteral("name")).toString();
    s.kind = kindFromName(o.value(QStringLiteral("kind")).toString());
    s.timeout = std::chrono::seconds(o.value(QStringLiteral("timeout_s")).toInteger());
    for (const QJsonValue &v : o.value(QStringLiteral("argv")).toArray())
        s.argv << v.toString();
    s.shellCommand = o.value(QStringLiteral("shell")).toString();
    s.httpMethod = o.value(QStringLiteral("method")).toString();
    s.httpUrl = o.value(QStringLiteral("url")).toString();
    s.httpHeaders = mapFromJson(o.value(QStringLiteral("headers")).toObject());
    s.httpBody = o.value(QStringLiteral("body")).toString();
    s.probeEnvironment = o.value(QStringLiteral("probe")).toString();
    s.instruction = o.value(QStringLiteral("instruction")).toString();
    s.condition = o.value(QStringLiteral("condition")).toString();
    return s;
}

}  // namespace

QJsonObject rollbackPlanToJson(const RollbackPlan &plan)
{
    QJsonArray steps;
    for (const PlannedRollbackStep &s : plan.steps)
        steps.append(plannedStepToJson(s));
    return {{QStringLiteral("version"), plan.version}, {QStringLiteral("environment"), plan.environment},
        {QStringLiteral("target_version"), plan.targetVersion},
        {QStringLiteral("target_tag"), plan.targetTag}, {QStringLiteral("target_commit"), plan.targetCommit},
        {QStringLiteral("target_source"), plan.targetSource}, {QStringLiteral("reason"), plan.reason},
        {QStringLiteral("trigger"), plan.trigger}, {QStringLiteral("two_person"), plan.twoPerson},
        {QStringLiteral("automatic"), plan.automatic},
        {QStringLiteral("placeholders"), mapToJson(plan.placeholders)}, {QStringLiteral("steps"), steps}};
}

RollbackPlan rollbackPlanFromJson(const QJsonObject &o)
{
    RollbackPlan plan;
    plan.version = o.value(QStringLiteral("version")).toString();
    plan.environment = o.value(QStringLiteral("environment")).toString();
    plan.targetVersion = o.value(QStringLiteral("target_version")).toString();
    plan.targetTag = o.value(QStringLiteral("target_tag")).toString();
    plan.targetCommit = o.value(QStringLiteral("target_commit")).toString();
    plan.targetSource = o.value(QStringLiteral("target_source")).toString();
    plan.reason = o.value(QStringLiteral("reason")).toString();
    plan.trigger = o.value(QStringLiteral("trigger")).toString();
    plan.twoPerson = o.value(QStringLiteral("two_person")).toBool();
    plan.automatic = o.value(QStringLiteral("automatic")).toBool();  // absent before issue 15
    plan.placeholders = mapFromJson(o.value(QStringLiteral("placeholders")).toObject());
    for (const QJsonValue &v : o.value(QStringLiteral("steps")).toArray())
        plan.steps << plannedStepFromJson(v.toObject());
    return plan;
}

QJsonObject rollbackStepToJson(const RollbackStepRecord &step)
{
    QJsonObject o {{QStringLiteral("index"), step.index}, {QStringLiteral("name"), step.name},
        {QStringLiteral("state"), rollbackStepStateName(step.state)},
        {QStringLiteral("attempt"), step.attempt}, {QStringLiteral("started_at"), timeText(step.startedAt)},
        {QStringLiteral("finished_at"), timeText(step.finishedAt)}, {QStringLiteral("output"), step.output},
        {QStringLiteral("note"), step.note}, {QStringLiteral("actor"), step.actor}};
    o.insert(QStringLiteral("exit_code"), step.exitCode ? QJsonValue(*step.exitCode) : QJsonValue());
    return o;
}

QJsonObject rollbackRecordToJson(const RollbackRecord &record)
{
    QJsonArray steps;
    for (const RollbackStepRecord &s : record.steps)
        steps.append(rollbackStepToJson(s));
    return {{QStringLiteral("id"), record.id}, {QStringLiteral("version"), record.version},
        {QStringLiteral("state"), rollbackStateName(record.state)},
        {QStringLiteral("requested_by"), record.requestedBy},
        {QStringLiteral("approved_by"), record.approvedBy},
        {QStringLiteral("requested_at"), timeText(record.requestedAt)},
        {QStringLiteral("approved_at"), timeText(record.approvedAt)},
        {QStringLiteral("finished_at"), timeText(record.finishedAt)}, {QStringLiteral("note"), record.note},
        {QStringLiteral("plan"), rollbackPlanToJson(record.plan)}, {QStringLiteral("steps"), steps}};
}

QJsonObject deployLockToJson(const DeployLock &lock)
{
    return {{QStringLiteral("version"), lock.version}, {QStringLiteral("locked"), lock.locked()},
        {QStringLiteral("reason"), lock.reason}, {QStringLiteral("locked_by"), lock.lockedBy},
        {QStringLiteral("locked_at"), timeText(lock.lockedAt)}, {QStringLiteral("lifted_by"), lock.liftedBy},
        {QStringLiteral("lift_reason"), lock.liftReason},
        {QStringLiteral("lifted_at"), timeText(lock.liftedAt)}};
}

QJsonObject incidentToJson(const Incident &incident)
{
    QJsonArray timeline;
    for (const IncidentEvent &e : incident.timeline)
        timeline.append(QJsonObject {{QStringLiteral("at"), timeText(e.at)}, {QStringLiteral("kind"), e.kind},
            {QStringLiteral("actor"), e.actor}, {QStringLiteral("text"), e.text},
            {QStringLiteral("detail"), e.detail}});
    return {{QStringLiteral("id"), incident.id}, {QStringLiteral("rollback_id"), incident.rollbackId},
        {QStringLiteral("version"), incident.version}, {QStringLiteral("cause"), incident.cause},
        {QStringLiteral("severity"), incident.severity},
        {QStringLiteral("opened_at"), timeText(incident.openedAt)},
        {QStringLiteral("recovered_at"), timeText(incident.recoveredAt)},
        {QStringLiteral("timeline"), timeline}};
}

}  // namespace cockpit
