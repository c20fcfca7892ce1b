// Session: recording a deploy. A release goes live from approved, or from soaking to the next
// environment once the previous one's soak passed; anything else is refused with every blocker
// named, unless someone the policy allows overrides it with a reason (recorded in the audit log).
#include "session.h"
#include "deploy_fingerprint.h"
#include "promotion.h"
#include "store.h"

#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

Result<Session::DeployGuard> Session::deployGuard(
    Store *store, const Workspace &ws, const QString &version, const QString &environment)
{
    if (!ws.policy.environment(environment)) {
        QStringList known;
        for (const EnvironmentPolicy &e : ws.policy.environments)
            known << e.name;
        return fail(ErrorCode::BadInput,
            QStringLiteral("--env: no environment '%1' in %2 (known: %3)")
                .arg(environment, ws.policy.sourcePath, known.join(QStringLiteral(", "))));
    }
    DeployGuard guard;
    // A deploy lock is the first thing to say: it names how to lift it. A rolled-back release
    // without one had it lifted with a reason: that is the decision to deploy it again.
    auto lock = store->deployLock(version).result();
    if (!lock)
        return std::unexpected(lock.error());
    if (*lock) {
        guard.locked = true;
        guard.blockers << Blocker {QStringLiteral("lock"),
            QStringLiteral("release %1 is locked against deploys (%2, by %3)").arg(version, (*lock)->reason, (*lock)->lockedBy),
            QStringLiteral("release-cockpit release unlock %1 --reason T").arg(version), {}, QStringLiteral("release")};
        return guard;
    }
    auto facts = readinessFacts(store, ws, version, QDateTime::currentDateTimeUtc());
    if (!facts)
        return std::unexpected(facts.error());
    guard.facts = *facts;
    const ReleaseState state = facts->release.state;
    QList<Blocker> &blockers = guard.blockers;
    if (state == ReleaseState::Approved || state == ReleaseState::Deploying || state == ReleaseState::Soaking) {
        blockers = promotionBlockers(*facts, environment);
    } else if (state == ReleaseState::RolledBack) {
        // Its lock was lifted with a reason (checked above): the decision to deploy it again.
        // Only what holds every deploy (stop-the-line, a freeze window) still holds it.
        blockers = facts->holds;
    } else if (isFinalState(state)) {
        guard.final = true;
        blockers << Blocker {QStringLiteral("state"), lifecycleRefusal(state, ReleaseState::Soaking), {}, {}, {}};
    } else {
        ReadinessFacts asCandidate = *facts;
        asCandidate.release.state = ReleaseState::Candidate;
        blockers << Blocker {QStringLiteral("state"),
            QStringLiteral("release %1 is %2, not approved").arg(version, releaseStateTitle(state).toLower()),
            QStringLiteral("it becomes approved"), {}, QStringLiteral("release")};
        if (state != ReleaseState::Candidate)
            blockers << blockersFor(asCandidate, ReleaseState::Candidate);
        blockers << blockersFor(asCandidate, ReleaseState::Approved);
        blockers << facts->holds;
    }
    return guard;
}

QFuture<Result<QList<Blocker>>> Session::deploymentBlockers(QString version, QString environment)
{
    return m_inFlight.keep(QtConcurrent::run([store = m_store, ws = workspace(), version, environment]()
                                                 -> Result<QList<Blocker>> {
        auto guard = deployGuard(store, ws, version, environment);
        if (!guard)
            return std::unexpected(guard.error());
        return guard->blockers;
    }));
}

Result<Deployment> Session::applyDeployment(
    Store *store, const Workspace &ws, const Identity &who, const DeployRequest &request)
{
    auto guard = deployGuard(store, ws, request.version, request.environment);
    if (!guard)
        return std::unexpected(guard.error());
    if (guard->locked)  // the store refuses it, naming the lock and how to lift it
        return store->recordDeployment(request.version, request.environment, who.id).result();
    const ReadinessFacts *facts = &guard->facts;
    const ReleaseState state = facts->release.state;
    QList<Blocker> blockers = guard->blockers;
    // The canary environment takes a canary release through its phases, never all at once.
    if (goesThroughCanary(ws.policy, facts->release.type) && request.environment == ws.policy.canary->environment)
        blockers << Blocker {QStringLiteral("canary"),
            QStringLiteral("%1 releases go to %2 through the canary's phases, not all at once")
                .arg(facts->release.type, request.environment),
            QStringLiteral("release-cockpit canary start %1").arg(request.version), {}, QStringLiteral("canary")};
    if (!blockers.isEmpty()) {
        const bool final = guard->final;
        if (!request.override || final) {
            QStringList lines;
            for (const Blocker &b : blockers)
                lines << (b.clearsWhen.isEmpty() ? QStringLiteral("  - %1").arg(b.what)
                                                 : QStringLiteral("  - %1 (clears: %2)").arg(b.what, b.clearsWhen));
            return fail(ErrorCode::Refused,
                QStringLiteral("release %1 cannot be deployed to %2:\n%3%4")
                    .arg(request.version, request.environment, lines.join(u'\n'),
                        final ? QString()
                              : QStringLiteral("\n(break-glass: --override --reason T, for %1)")
                                    .arg(ws.policy.overrideRoles.join(QStringLiteral(", ")))));
        }
        if (request.reason.trimmed().isEmpty())
            return fail(ErrorCode::Usage, QStringLiteral("an override needs a reason (--reason T): it goes into the audit log"));
        if (!mayOverride(ws.policy, who))
            return fail(ErrorCode::Refused,
                QStringLiteral("%1 may not override: only members of %2 may (policy override_roles)")
                    .arg(who.id, ws.policy.overrideRoles.join(QStringLiteral(", "))));
        QStringList overridden;
        for (const Blocker &b : blockers)
            overridden << b.what;
        AuditEntry entry {0, {}, who.id, QStringLiteral("release.override"), request.version, request.environment,
            QJsonObject {{QStringLiteral("state"), releaseStateName(state)}},
            QJsonObject {{QStringLiteral("deploy_to"), request.environment}, {QStringLiteral("reason"), request.reason},
                {QStringLiteral("overridden"), QJsonArray::fromStringList(overridden)}},
            {}, {}};
        if (auto logged = store->appendAudit(entry).result(); !logged)
            return std::unexpected(logged.error());
        if (auto required = requirePostMortem(store, request.version, who.id, request.reason); !required)
            return std::unexpected(required.error());
    }
    if (!facts->holdExemptions.isEmpty()) {
        // A freeze window this release's type is exempt from: the exemption goes on record.
        AuditEntry entry {0, {}, who.id, QStringLiteral("deploy.exempt"), request.version, request.environment, {},
            QJsonObject {{QStringLiteral("type"), facts->release.type},
                {QStringLiteral("exemptions"), QJsonArray::fromStringList(facts->holdExemptions)}},
            {}, {}};
        if (auto logged = store->appendAudit(entry).result(); !logged)
            return std::unexpected(logged.error());
    }
    // The commit the release is at now (pinned, or its branch's head), not the one it was created on.
    return recordVerified(store, ws, who, request, facts->commit.isEmpty() ? facts->release.commit : facts->commit);
}

Result<Deployment> Session::recordVerified(
    Store *store, const Workspace &ws, const Identity &who, const DeployRequest &request, const QString &commit)
{
    // What the environment runs must be what is recorded: a rollout still going on is waited
    // for; a break-glass deploy looks once and records what it saw.
    const EnvironmentPolicy *env = ws.policy.environment(request.environment);
    std::optional<Fingerprint> seen;
    if (env && !env->versionPath.isEmpty()) {
        FingerprintWait wait;
        wait.version = request.version;
        wait.commit = commit;
        wait.timeout = request.override ? std::chrono::milliseconds(0) : std::chrono::milliseconds(env->verifyTimeout);
        wait.progress = request.progress;
        auto fingerprint = awaitFingerprint(*env, wait);
        if (!fingerprint)
            return std::unexpected(fingerprint.error());
        seen = *fingerprint;
    }
    auto deployed = store->recordDeployment(request.version, request.environment, who.id, commit).result();
    if (!deployed || !seen)
        return deployed;
    if (request.progress && !seen->verified)
        request.progress(QStringLiteral("Recorded without a match: %1").arg(seen->sentence(request.environment)));
    AuditEntry entry {0, {}, who.id, QStringLiteral("deploy.fingerprint"), request.version, request.environment, {},
        QJsonObject {{QStringLiteral("verified"), seen->verified}, {QStringLiteral("answered"), seen->answered},
            {QStringLiteral("reported"), seen->reported}, {QStringLiteral("url"), seen->url},
            {QStringLiteral("pointer"), seen->pointer}, {QStringLiteral("commit"), commit}},
        {}, {}};
    if (auto logged = store->appendAudit(entry).result(); !logged)
        return std::unexpected(logged.error());
    return deployed;
}

QFuture<Result<Deployment>> Session::recordDeployment(DeployRequest request)
{
    const QString version = request.version;
    auto future = m_inFlight.keep(QtConcurrent::run([store = m_store, ws = workspace(), who = identity(), request] {
        return applyDeployment(store, ws, who, request);
    }));
    follow(future, [this, version](const Result<Deployment> &deployed) {
        if (deployed)
            announce({SessionEvent::Kind::ReleaseChanged, version});
    });
    return future;
}

}  // namespace cockpit
