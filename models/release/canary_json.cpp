#include "canary_json.h"

#include <QJsonArray>

namespace cockpit {

namespace {

QString timeText(const std::optional<QDateTime> &at)
{
    return at && at->isValid() ? at->toUTC().toString(Qt::ISODate) : QString();
}

}  // namespace

QJsonObject canaryStatusToJson(const QString &environment, const CanaryStatus &s)
{
    QJsonArray phases;
    for (const CanaryPhaseStep &step : s.steps)
        phases.append(QJsonObject {{QStringLiteral("name"), step.name}, {QStringLiteral("traffic"), step.percent},
            {QStringLiteral("started_at"), timeText(step.startedAt)}, {QStringLiteral("ended_at"), timeText(step.endedAt)},
            {QStringLiteral("verdict"), step.verdict}, {QStringLiteral("advanced_by"), step.advancedBy}});
    return QJsonObject {{QStringLiteral("environment"), environment}, {QStringLiteral("state"), canaryStateName(s.state)},
        {QStringLiteral("phase"), s.phase + 1}, {QStringLiteral("phases"), phases},
        {QStringLiteral("traffic"), s.percent}, {QStringLiteral("phase_ends_at"), timeText(s.phaseEndsAt)},
        {QStringLiteral("paused_reason"), s.pausedReason}, {QStringLiteral("cleanup_due"), timeText(s.cleanupDue)}};
}

QJsonObject canaryToJson(const QString &environment, const CanaryStatus &status, const QList<CanaryEvent> &events)
{
    QJsonObject o = canaryStatusToJson(environment, status);
    QJsonArray list;
    for (const CanaryEvent &e : events)
        list.append(QJsonObject {{QStringLiteral("seq"), e.seq}, {QStringLiteral("kind"), canaryEventKindName(e.kind)},
            {QStringLiteral("phase"), e.phase + 1}, {QStringLiteral("percent"), e.percent},
            {QStringLiteral("verdict"), e.verdict}, {QStringLiteral("detail"), e.detail},
            {QStringLiteral("automatic"), e.automatic}, {QStringLiteral("actor"), e.actor},
            {QStringLiteral("at"), timeText(e.at)}});
    o.insert(QStringLiteral("events"), list);
    return o;
}

}  // namespace cockpit
