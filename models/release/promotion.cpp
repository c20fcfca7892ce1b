#include "promotion.h"
#include "readiness_rules.h"

namespace cockpit {

using namespace detail;

namespace {

const EnvironmentFact *findEnvironment(const ReadinessFacts &f, const QString &name, qsizetype *index)
{
    for (qsizetype i = 0; i < f.environments.size(); ++i)
        if (f.environments.at(i).name == name) {
            *index = i;
            return &f.environments.at(i);
        }
    return nullptr;
}

// The previous environment must run this release, on this commit, now.
void previousRuns(const ReadinessFacts &f, const EnvironmentFact &prev, const QString &env, QList<Blocker> &out)
{
    const QString version = f.release.version;
    const QString deployThere = QStringLiteral("release-cockpit release deployed %1 --env %2").arg(version, prev.name);
    const QString target = QStringLiteral("env:%1").arg(prev.name);
    if (!prev.deployedAt.isValid()) {
        out << blocker(QStringLiteral("promotion"),
            QStringLiteral("%1 comes before %2 and has not run %3").arg(prev.name, env, version),
            QStringLiteral("deploy it to %1 first (%2)").arg(prev.name, deployThere), target);
        return;
    }
    if (!prev.runningVersion.isEmpty() && prev.runningVersion != version)
        out << blocker(QStringLiteral("promotion"),
            QStringLiteral("%1 now runs %2, not %3").arg(prev.name, prev.runningVersion, version),
            QStringLiteral("deploy %1 to %2 again and let it soak").arg(version, prev.name), target);
    if (prev.deployedCommit != f.commit)
        out << blocker(QStringLiteral("commit"),
            QStringLiteral("%1 runs %2, not %3 (the commit this release ships)")
                .arg(prev.name, prev.deployedCommit.isEmpty() ? QStringLiteral("an unknown commit") : shortSha(prev.deployedCommit),
                    shortSha(f.commit)),
            QStringLiteral("deploy %1 to %2 and let it soak").arg(shortSha(f.commit), prev.name), target);
}

void promoteAfter(const ReadinessFacts &f, const EnvironmentFact &prev, const EnvironmentFact &env, QList<Blocker> &out)
{
    if (env.promoteAfter.count() <= 0 || !prev.deployedAt.isValid())
        return;
    const QDateTime at = prev.deployedAt.addSecs(env.promoteAfter.count());
    if (at > f.now)
        out << blocker(QStringLiteral("promotion"),
            QStringLiteral("%1 may be promoted to %2 at %3 (promote_after, counted from the deploy to %1)")
                .arg(prev.name, env.name, readinessTime(at)),
            QStringLiteral("time passes"), QStringLiteral("env:%1").arg(env.name), at);
}

}  // namespace

QString nextEnvironment(const ReadinessFacts &f)
{
    qsizetype last = -1;
    for (qsizetype i = 0; i < f.environments.size(); ++i)
        if (f.environments.at(i).deployedAt.isValid())
            last = i;
    return last + 1 < f.environments.size() ? f.environments.at(last + 1).name : QString();
}

QList<Blocker> promotionBlockers(const ReadinessFacts &f, const QString &environment)
{
    QList<Blocker> out = f.holds;
    qsizetype index = -1;
    const EnvironmentFact *env = findEnvironment(f, environment, &index);
    // The approval gates hold every deploy; they must have passed on the commit that ships.
    gateBlockers(f, [](const GateFact &g) { return g.environment.isEmpty(); }, out);
    if (!env)
        return out;  // off the promotion path: only what holds every deploy
    if (index > 0) {
        const EnvironmentFact &prev = f.environments.at(index - 1);
        previousRuns(f, prev, environment, out);
        if (prev.deployedAt.isValid()) {
            soakBlocker(f, environmentReadiness(f, prev), out);
            const QString name = prev.name;
            gateBlockers(f, [&name](const GateFact &g) { return g.environment == name; }, out);
            promoteAfter(f, prev, *env, out);
        }
    }
    for (const QString &missing : env->approvalBlockers)
        out << blocker(QStringLiteral("approval"), QStringLiteral("%1: %2").arg(environment, missing),
            QStringLiteral("the role signs off on this commit for %1").arg(environment), QStringLiteral("signoffs"));
    return out;
}

}  // namespace cockpit
