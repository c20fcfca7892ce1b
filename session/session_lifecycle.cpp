// Session: the release lifecycle. Readiness is gathered here once (store, policy, git, the clock)
// and judged by models/release/readiness; a move is refused with every blocker named unless
// someone the policy allows overrides it with a reason.
#include "session.h"
#include "promotion.h"
#include "signoff_service.h"
#include "soak_recording.h"
#include "store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

namespace {

QString gateKind(const GatePolicy &g)
{
    if (!g.run.isEmpty())
        return QStringLiteral("run");
    if (!g.shell.isEmpty())
        return QStringLiteral("shell");
    if (!g.probe.isEmpty())
        return QStringLiteral("probe");
    if (!g.soak.isEmpty())
        return QStringLiteral("soak");
    if (!g.check.isEmpty())
        return QStringLiteral("check");
    if (!g.manual.isEmpty())
        return QStringLiteral("manual");
    return QStringLiteral("condition");
}

QStringList whatOf(const QList<Blocker> &blockers)
{
    QStringList what;
    for (const Blocker &b : blockers)
        what << b.what;
    return what;
}

// The environment's own approvals (a manual production approval), judged like the release type's:
// sign-offs of those roles on the digest a signer would approve now.
QStringList environmentApprovalBlockers(const Policy &policy, const EnvironmentPolicy &env, const SignoffView &view)
{
    if (env.approvals.isEmpty())
        return {};
    Policy asType = policy;
    ReleaseTypePolicy type;
    type.name = QStringLiteral("environment %1").arg(env.name);
    type.approvals = env.approvals;
    asType.releaseTypes = {type};
    ApprovalFacts facts = view.facts;
    facts.releaseType = type.name;
    return evaluateApprovals(asType, facts, view.signoffs, view.signatureValid).blockers;
}

}  // namespace

Result<ReadinessFacts> Session::readinessFacts(Store *store, const Workspace &ws, const QString &version, const QDateTime &now)
{
    ReadinessFacts f;
    f.now = now;
    auto view = SignoffService::computeView(store, ws, version);
    if (!view)
        return std::unexpected(view.error());
    f.release = view->release;
    f.commit = view->commit.isEmpty() ? view->release.commit : view->commit;
    f.checklist = view->checklist;
    f.approvals = view->approvals;
    f.beforeDeployment = beforeDeploymentPhases(ws.policy.beforeDeployment, f.checklist);
    for (const GatePolicy &g : ws.policy.gates)
        f.gates << GateFact {g.name, gateKind(g), !g.probe.isEmpty() ? g.probe : g.soak};
    auto results = storedGateResults(store, version);
    if (!results)
        return std::unexpected(results.error());
    f.gateResults = *results;
    auto deployments = store->deployments(version).result();
    if (!deployments)
        return std::unexpected(deployments.error());
    auto everyDeployment = store->allDeployments().result();
    if (!everyDeployment)
        return std::unexpected(everyDeployment.error());
    for (const QString &name : ws.policy.promotionOrder()) {
        const EnvironmentPolicy *env = ws.policy.environment(name);
        if (!env)
            continue;
        EnvironmentFact e;
        e.name = name;
        e.hasSoakChecks = !ws.policy.soakChecks.isEmpty();
        e.promoteAfter = env->promoteAfter;
        e.approvalBlockers = environmentApprovalBlockers(ws.policy, *env, *view);
        for (const Deployment &d : std::as_const(*deployments))
            if (d.environment == name) {
                e.deployedAt = d.deployedAt;  // oldest first: the latest wins
                e.deployedCommit = d.commit;
            }
        for (const Deployment &d : std::as_const(*everyDeployment))
            if (d.environment == name)
                e.runningVersion = d.version;
        if (e.deployedAt.isValid() && e.hasSoakChecks) {
            if (auto soak = store->soakRecording(version, name).result()) {
                e.soakVerdict = soakVerdictName(evaluateRecording(*soak).verdict).toLower();
                e.soakStart = soak->start;
            }
        }
        f.environments << e;
    }
    auto overrides = store->auditLog(version, QStringLiteral("release.override")).result();
    if (!overrides)
        return std::unexpected(overrides.error());
    for (const AuditEntry &e : std::as_const(*overrides))
        f.overrides << overrideFromAudit(e.at, e.actor, e.before, e.after);
    auto afterFreeze = freezeCommits(store, ws, f.release, f.commit);
    if (!afterFreeze)
        f.afterFreezeError = afterFreeze.error().message;
    else
        f.afterFreeze = *afterFreeze;
    auto holds = currentHolds(store, ws.policy, f.release.type, now);
    if (!holds)
        return std::unexpected(holds.error());
    f.holds = holds->blockers;
    f.holdExemptions = holds->exemptions;
    f.soakDuration = ws.policy.soakDuration;
    if (auto canary = canaryBlocker(store, ws, f.release); !canary)
        return std::unexpected(canary.error());
    else
        f.canary = *canary;
    if (f.release.targetDate.isValid() && ws.policy.codeFreeze.count() > 0)
        f.freezeStarts = QDateTime(f.release.targetDate, QTime(0, 0), Qt::UTC).addSecs(-ws.policy.codeFreeze.count());
    return f;
}

Result<Readiness> Session::computeReadiness(Store *store, const Workspace &ws, const QString &version, const QDateTime &now)
{
    auto facts = readinessFacts(store, ws, version, now);
    if (!facts)
        return std::unexpected(facts.error());
    return evaluateReadiness(*facts);
}

QFuture<Result<Readiness>> Session::readiness(QString version)
{
    return m_inFlight.keep(QtConcurrent::run([store = m_store, ws = workspace(), version] {
        return computeReadiness(store, ws, version, QDateTime::currentDateTimeUtc());
    }));
}

bool Session::mayOverride(const Policy &policy, const Identity &who)
{
    for (const QString &role : policy.overrideRoles)
        if (policy.roles.value(role).contains(who.id))
            return true;
    return false;
}

Result<ReleaseRecord> Session::applyMove(Store *store, const Workspace &ws, const Identity &who, const MoveRequest &request)
{
    auto facts = readinessFacts(store, ws, request.version, QDateTime::currentDateTimeUtc());
    if (!facts)
        return std::unexpected(facts.error());
    if ((request.to == ReleaseState::Aborted || request.override) && request.reason.trimmed().isEmpty())
        return fail(ErrorCode::Usage,
            request.override ? QStringLiteral("an override needs a reason (--reason T): it goes into the audit log")
                             : QStringLiteral("aborting needs a reason (--reason T)"));
    QList<Blocker> blockers = blockersFor(*facts, request.to);
    // A stop-the-line holds every forward move too (aborting or rolling back stays possible).
    if (request.to != ReleaseState::Aborted && request.to != ReleaseState::RolledBack)
        for (const Blocker &hold : std::as_const(facts->holds))
            if (hold.target == u"stop-the-line")
                blockers << hold;
    LifecycleMove move {request.version, facts->release.state, request.to, who.id, request.reason, {}, request.pinCommit,
        request.to == ReleaseState::Frozen ? facts->commit : QString()};
    if (!blockers.isEmpty()) {
        const bool edgeMissing = blockers.first().kind == u"state";
        if (!request.override || edgeMissing) {
            QStringList lines;
            for (const Blocker &b : blockers)
                lines << (b.clearsWhen.isEmpty() ? QStringLiteral("  - %1").arg(b.what)
                                                 : QStringLiteral("  - %1 (clears: %2)").arg(b.what, b.clearsWhen));
            return fail(ErrorCode::Refused,
                QStringLiteral("release %1 cannot become %2:\n%3")
                    .arg(request.version, releaseStateTitle(request.to).toLower(), lines.join(u'\n')));
        }
        if (!mayOverride(ws.policy, who))
            return fail(ErrorCode::Refused,
                QStringLiteral("%1 may not override: only members of %2 may (policy override_roles)")
                    .arg(who.id, ws.policy.overrideRoles.join(QStringLiteral(", "))));
        move.overridden = whatOf(blockers);
    }
    auto moved = store->moveRelease(move).result();
    if (moved && !move.overridden.isEmpty())
        if (auto required = requirePostMortem(store, request.version, who.id, request.reason); !required)
            return std::unexpected(required.error());
    if (!moved || isFinalState(moved->state))
        return moved;
    // The facts may carry it further on their own (a frozen release already pinned is a candidate).
    return advanceRelease(store, ws, request.version, QDateTime::currentDateTimeUtc(), who.id);
}

QFuture<Result<ReleaseRecord>> Session::moveRelease(MoveRequest request)
{
    const QString version = request.version;
    auto future = m_inFlight.keep(QtConcurrent::run([store = m_store, ws = workspace(), who = identity(), request] {
        return applyMove(store, ws, who, request);
    }));
    follow(future, [this, version](const Result<ReleaseRecord> &moved) {
        if (moved)
            announce({SessionEvent::Kind::ReleaseChanged, version});
    });
    return future;
}

Result<ReleaseRecord> Session::advanceRelease(
    Store *store, const Workspace &ws, const QString &version, const QDateTime &now, const QString &actor)
{
    for (int step = 0; step < 4; ++step) {  // at most draft -> frozen -> candidate -> approved
        auto facts = readinessFacts(store, ws, version, now);
        if (!facts)
            return std::unexpected(facts.error());
        const ReleaseState state = facts->release.state;
        LifecycleMove move {version, state, state, actor, {}, {}, {}};
        if (state == ReleaseState::Draft && facts->freezeStarts.isValid() && facts->freezeStarts <= now) {
            move.to = ReleaseState::Frozen;
            move.reason = QStringLiteral("the code freeze started at %1").arg(readinessTime(facts->freezeStarts));
            move.freezeCommit = facts->commit;
        } else if (state == ReleaseState::Frozen && blockersFor(*facts, ReleaseState::Candidate).isEmpty()) {
            move.to = ReleaseState::Candidate;
            move.reason = QStringLiteral("a release candidate pins %1").arg(facts->release.commit.left(12));
        } else if (state == ReleaseState::Candidate && blockersFor(*facts, ReleaseState::Approved).isEmpty()) {
            move.to = ReleaseState::Approved;
            move.reason = QStringLiteral("approvals fresh, gates passed and the phases before deployment closed on %1")
                              .arg(facts->commit.left(12));
        } else if (state == ReleaseState::Approved) {
            // Approval holds only while its facts do: a reopened item or a stale sign-off drops it.
            ReadinessFacts asCandidate = *facts;
            asCandidate.release.state = ReleaseState::Candidate;
            const QList<Blocker> lost = blockersFor(asCandidate, ReleaseState::Approved);
            if (lost.isEmpty())
                return facts->release;
            move.to = ReleaseState::Candidate;
            move.reason = QStringLiteral("approval no longer holds: %1").arg(lost.first().what);
        } else {
            return facts->release;
        }
        auto moved = store->moveRelease(move).result();
        if (!moved)
            return moved;
    }
    return store->release(version).result();
}

QFuture<Result<ReleaseRecord>> Session::advance(QString version)
{
    auto future = m_inFlight.keep(QtConcurrent::run([store = m_store, ws = workspace(), who = identity(), version] {
        return advanceRelease(store, ws, version, QDateTime::currentDateTimeUtc(), who.id);
    }));
    follow(future, [this, version](const Result<ReleaseRecord> &moved) {
        if (moved)
            announce({SessionEvent::Kind::ReleaseChanged, version});
    });
    return future;
}

Result<ReleaseRecord> Session::pinToCandidate(Store *store, const Workspace &ws, const Identity &who,
    const QString &version, const QString &commit, const QString &tagName)
{
    auto release = store->release(version).result();
    if (!release)
        return release;
    if (isFinalState(release->state) || (release->commitPinned && release->commit == commit))
        return advanceRelease(store, ws, version, QDateTime::currentDateTimeUtc(), who.id);
    LifecycleMove move {version, release->state, release->state, who.id,
        QStringLiteral("release candidate %1 pins %2").arg(tagName, commit.left(12)), {}, commit};
    // A release past approval goes back to candidate: what was approved is not this commit.
    if (release->state == ReleaseState::Approved)
        move.to = ReleaseState::Candidate;
    auto moved = store->moveRelease(move).result();
    if (!moved)
        return moved;
    return advanceRelease(store, ws, version, QDateTime::currentDateTimeUtc(), who.id);
}

QFuture<Result<ReleaseRecord>> Session::pinCandidate(QString version, QString commit, QString tagName)
{
    auto future = m_inFlight.keep(QtConcurrent::run([store = m_store, ws = workspace(), who = identity(), version,
                                                        commit, tagName] {
        return pinToCandidate(store, ws, who, version, commit, tagName);
    }));
    follow(future, [this, version](const Result<ReleaseRecord> &moved) {
        if (moved)
            announce({SessionEvent::Kind::ReleaseChanged, version});
    });
    return future;
}

// The latest result of each gate, as stored (a gate never run has none: "not run").
Result<QList<GateResult>> Session::storedGateResults(Store *store, const QString &version)
{
    return store->gateResults(version).result();
}

}  // namespace cockpit
