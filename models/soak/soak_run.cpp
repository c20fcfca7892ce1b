#include "soak_run.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace cockpit {

QString soakRunKindName(SoakRunKind kind)
{
    switch (kind) {
    case SoakRunKind::Deployment:
        return QStringLiteral("deployment");
    case SoakRunKind::Recheck:
        return QStringLiteral("recheck");
    case SoakRunKind::WhatIf:
        return QStringLiteral("what_if");
    }
    return {};
}

std::optional<SoakRunKind> soakRunKindFromName(const QString &name)
{
    for (SoakRunKind kind : {SoakRunKind::Deployment, SoakRunKind::Recheck, SoakRunKind::WhatIf})
        if (soakRunKindName(kind) == name)
            return kind;
    return std::nullopt;
}

QString soakPolicyDigest(const SoakRecording &recording)
{
    // The recording's own JSON of its policies: the keys of a QJsonObject are sorted, so the
    // compact text is canonical.
    const QJsonObject all = soakRecordingToJson(recording);
    QJsonArray checks, triggers;
    for (const QJsonValue &check : all.value(QLatin1String("checks")).toArray())
        checks.append(check.toObject().value(QLatin1String("policy")));
    for (const QJsonValue &trigger : all.value(QLatin1String("triggers")).toArray())
        triggers.append(trigger.toObject().value(QLatin1String("policy")));
    const QJsonObject rules {{QStringLiteral("duration"), all.value(QLatin1String("duration"))},
        {QStringLiteral("checks"), checks}, {QStringLiteral("triggers"), triggers}};
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(rules).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
            .toHex());
}

SoakRunKind kindForNewRun(bool whatIf, std::optional<qint64> deploymentId, const QList<SoakRun> &existing)
{
    if (whatIf)
        return SoakRunKind::WhatIf;
    for (const SoakRun &run : existing)
        if (run.kind == SoakRunKind::Deployment && run.deploymentId == deploymentId
            && run.decisive)
            return SoakRunKind::Recheck;
    return SoakRunKind::Deployment;
}

std::optional<SoakRun> releaseSoakRun(const QList<SoakRun> &runs, std::optional<qint64> latestDeploymentId)
{
    QList<SoakRun> own;
    for (const SoakRun &run : runs)
        if (run.kind == SoakRunKind::Deployment && run.deploymentId == latestDeploymentId)
            own << run;
    if (own.isEmpty())
        return std::nullopt;
    std::sort(own.begin(), own.end(), [](const SoakRun &a, const SoakRun &b) { return a.id < b.id; });
    for (const SoakRun &run : std::as_const(own))
        if (run.decisive)
            return run;
    return own.constLast();
}

QJsonObject soakRunToJson(const SoakRun &run)
{
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject {{QStringLiteral("id"), run.id}, {QStringLiteral("kind"), soakRunKindName(run.kind)},
        {QStringLiteral("deployment"), run.deploymentId ? QJsonValue(*run.deploymentId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("deployed_at"), time(run.deployedAt)}, {QStringLiteral("start"), time(run.windowStart)},
        {QStringLiteral("end"), time(run.windowEnd)}, {QStringLiteral("policy_digest"), run.policyDigest},
        {QStringLiteral("verdict"), run.verdict.toLower()}, {QStringLiteral("decisive"), run.decisive},
        {QStringLiteral("recorded_at"), time(run.recordedAt)}, {QStringLiteral("recorded_by"), run.recordedBy}};
}

QString soakRunName(const SoakRun &run)
{
    switch (run.kind) {
    case SoakRunKind::Deployment:
        return QStringLiteral("run #%1").arg(run.id);
    case SoakRunKind::Recheck:
        return QStringLiteral("run #%1 (re-check)").arg(run.id);
    case SoakRunKind::WhatIf:
        return QStringLiteral("run #%1 (what-if)").arg(run.id);
    }
    return {};
}

}  // namespace cockpit
