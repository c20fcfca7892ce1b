#include "environment_status.h"

namespace cockpit {

bool reportsRelease(const QString &reported, const QString &version, const QString &commit)
{
    const QString v = reported.trimmed();
    if (v.isEmpty())
        return false;
    if (!version.isEmpty() && (v == version || v == u'v' + version))
        return true;
    return !commit.isEmpty() && v.size() >= 7 && commit.startsWith(v, Qt::CaseInsensitive);
}

EnvironmentSync judgeEnvironment(const EnvironmentStatus &s, bool hasVersionProbe)
{
    if (!hasVersionProbe)
        return s.deployedVersion.isEmpty() ? EnvironmentSync::NeverDeployed : EnvironmentSync::NotProbed;
    if (!s.probeError.isEmpty())
        return EnvironmentSync::Unreachable;
    if (s.deployedVersion.isEmpty())
        return EnvironmentSync::NeverDeployed;
    if (s.canaryPercent && *s.canaryPercent < 100) {
        const bool replaced = !s.replacedVersion.isEmpty() && reportsRelease(s.running, s.replacedVersion, s.replacedCommit);
        if (*s.canaryPercent <= 0)
            return replaced ? EnvironmentSync::InSync : EnvironmentSync::Drift;
        return replaced || reportsRelease(s.running, s.deployedVersion, s.deployedCommit) ? EnvironmentSync::Canary
                                                                                          : EnvironmentSync::Drift;
    }
    return reportsRelease(s.running, s.deployedVersion, s.deployedCommit) ? EnvironmentSync::InSync
                                                                          : EnvironmentSync::Drift;
}

QString environmentSyncName(EnvironmentSync sync)
{
    switch (sync) {
    case EnvironmentSync::InSync:
        return QStringLiteral("in_sync");
    case EnvironmentSync::Canary:
        return QStringLiteral("canary");
    case EnvironmentSync::Drift:
        return QStringLiteral("drift");
    case EnvironmentSync::Unreachable:
        return QStringLiteral("unreachable");
    case EnvironmentSync::NotProbed:
        return QStringLiteral("not_probed");
    case EnvironmentSync::NeverDeployed:
        return QStringLiteral("never_deployed");
    }
    return QStringLiteral("not_probed");
}

QString EnvironmentStatus::summary() const
{
    const QString deployed = deployedVersion.isEmpty()
        ? QStringLiteral("the cockpit never deployed there")
        : QStringLiteral("the cockpit deployed %1 (%2) on %3 by %4")
              .arg(deployedVersion, deployedCommit.left(12), deployedAt.toString(Qt::ISODate), deployedBy);
    const QString replaced = replacedVersion.isEmpty() ? QStringLiteral("the version before it") : replacedVersion;
    switch (sync) {
    case EnvironmentSync::InSync:
        if (canaryPercent && *canaryPercent <= 0)
            return QStringLiteral("in sync: runs %1, as the aborted canary of %2 left it; %3").arg(running, deployedVersion, deployed);
        return QStringLiteral("in sync: runs %1; %2").arg(running, deployed);
    case EnvironmentSync::Canary:
        return QStringLiteral("canary %1%: %1% of its traffic goes to %2, the rest to %3; this probe was answered by %4; %5")
            .arg(QString::number(*canaryPercent), deployedVersion, replaced, running, deployed);
    case EnvironmentSync::Drift:
        if (canaryPercent && *canaryPercent <= 0)
            return QStringLiteral("DRIFT: runs %1, but the canary of %2 was aborted, so %3 should answer; %4")
                .arg(running, deployedVersion, replaced, deployed);
        if (canaryPercent)
            return QStringLiteral("DRIFT: runs %1, neither the canary %2 nor %3 it replaces; %4")
                .arg(running, deployedVersion, replaced, deployed);
        return QStringLiteral("DRIFT: runs %1, but %2").arg(running, deployed);
    case EnvironmentSync::Unreachable:
        return QStringLiteral("unknown: %1 (%2); %3").arg(probeError, probeUrl, deployed);
    case EnvironmentSync::NotProbed:
        return QStringLiteral("not probed (the policy gives it no version endpoint); %1").arg(deployed);
    case EnvironmentSync::NeverDeployed:
        return running.isEmpty() ? deployed : QStringLiteral("runs %1; %2").arg(running, deployed);
    }
    return deployed;
}

QJsonObject environmentStatusToJson(const EnvironmentStatus &s)
{
    const auto time = [](const QDateTime &t) { return t.isValid() ? QJsonValue(t.toString(Qt::ISODateWithMs)) : QJsonValue(); };
    const auto text = [](const QString &t) { return t.isEmpty() ? QJsonValue() : QJsonValue(t); };
    return QJsonObject {
        {QStringLiteral("env"), s.name},
        {QStringLiteral("sync"), environmentSyncName(s.sync)},
        {QStringLiteral("running"), text(s.running)},
        {QStringLiteral("probe_url"), text(s.probeUrl)},
        {QStringLiteral("probe_pointer"), text(s.probePointer)},
        {QStringLiteral("probe_error"), text(s.probeError)},
        {QStringLiteral("probed_at"), time(s.probedAt)},
        {QStringLiteral("latency_ms"), s.probedAt.isValid() ? QJsonValue(s.latencyMs) : QJsonValue()},
        {QStringLiteral("deployed_version"), text(s.deployedVersion)},
        {QStringLiteral("deployed_commit"), text(s.deployedCommit)},
        {QStringLiteral("deployed_by"), text(s.deployedBy)},
        {QStringLiteral("deployed_at"), time(s.deployedAt)},
        {QStringLiteral("canary_percent"), s.canaryPercent ? QJsonValue(*s.canaryPercent) : QJsonValue()},
        {QStringLiteral("canary_replaces"), text(s.replacedVersion)},
        {QStringLiteral("summary"), s.summary()},
    };
}

}  // namespace cockpit
