#include "policy.h"

namespace cockpit {

const ReleaseTypePolicy *Policy::releaseType(const QString &name) const
{
    for (const ReleaseTypePolicy &type : releaseTypes) {
        if (type.name == name)
            return &type;
    }
    return nullptr;
}

bool isRollbackAction(const QString &action)
{
    return action.contains(QLatin1String("rollback"), Qt::CaseInsensitive)
        || action.contains(QLatin1String("roll back"), Qt::CaseInsensitive);
}

QString GatePolicy::kind() const
{
    if (!run.isEmpty())
        return QStringLiteral("run");
    if (!shell.isEmpty())
        return QStringLiteral("shell");
    if (!probe.isEmpty())
        return QStringLiteral("probe");
    if (!soak.isEmpty())
        return QStringLiteral("soak");
    if (!check.isEmpty())
        return QStringLiteral("check");
    return QStringLiteral("manual");
}

QString Policy::tagFor(const QString &version) const
{
    QString tag = tagFormat;
    return tag.replace(QStringLiteral("{version}"), version);
}

const EnvironmentPolicy *Policy::environment(const QString &name) const
{
    for (const EnvironmentPolicy &env : environments) {
        if (env.name == name)
            return &env;
    }
    return nullptr;
}

QStringList Policy::promotionOrder() const
{
    if (!promotion.isEmpty())
        return promotion;
    QStringList names;
    for (const EnvironmentPolicy &env : environments)
        names << env.name;
    return names;
}

SourceLocation Policy::locationOf(const QString &keyPath) const
{
    // A policy built in code has no positions: the file alone still tells the user where to look.
    return locations.value(keyPath, SourceLocation {sourcePath, 0, 0});
}

}  // namespace cockpit
