#include "readiness.h"
#include "lifecycle.h"
#include "promotion.h"
#include "readiness_rules.h"

#include <QJsonArray>

#include <functional>

namespace cockpit {

namespace detail {

Blocker blocker(QString kind, QString what, QString clears, QString target, QDateTime earliest)
{
    return Blocker {std::move(kind), std::move(what), std::move(clears), std::move(earliest), std::move(target)};
}

QString shortSha(const QString &sha)
{
    return sha.left(12);
}

}  // namespace detail

using namespace detail;

namespace {

// Items of the named phases that are not closed: each failed one, each open one.
// a + b + c in one allocation: 5,000 open items make 10,000 of these after every tick.
QString joined(QStringView a, QStringView b, QStringView c = {})
{
    QString out;
    out.reserve(a.size() + b.size() + c.size());
    out.append(a).append(b).append(c);
    return out;
}

void phaseBlockers(const Checklist &checklist, const std::function<bool(const QString &)> &inScope,
    QList<Blocker> &out)
{
    static const QString kind = QStringLiteral("checklist");
    static const QString fixIt = QStringLiteral("fix it and tick it, or reopen it");
    static const QString tickIt = QStringLiteral("tick it, or mark it N/A with a reason");
    for (const ChecklistPhase &phase : checklist.phases) {
        if (!inScope(phase.name))
            continue;
        for (const ChecklistSection &section : phase.sections)
            for (const ChecklistItem &item : section.items) {
                if (item.state == ItemState::Failed)
                    out << blocker(kind, joined(item.key, u" failed: ", item.text), fixIt, joined(u"item:", item.key));
                else if (item.state == ItemState::Open)
                    out << blocker(kind, joined(item.key, u" is open: ", item.text),
                        item.check.isEmpty() ? tickIt : QStringLiteral("its check passes (%1)").arg(item.check),
                        joined(u"item:", item.key));
            }
    }
}

void approvalBlockers(const ReadinessFacts &f, QList<Blocker> &out)
{
    if (!f.approvals) {
        out << blocker(QStringLiteral("approval"),
            QStringLiteral("approvals cannot be evaluated: %1").arg(f.approvalsError),
            QStringLiteral("the workspace's policy, changelog and git can be read"), QStringLiteral("signoffs"));
        return;
    }
    for (const QString &b : f.approvals->blockers)
        out << blocker(QStringLiteral("approval"), b, QStringLiteral("the role signs off on this commit"),
            QStringLiteral("signoffs"));
}

// "failed", "is waiting for a person", ...: how a gate that did not pass reads in a sentence.
QString gateStatusPhrase(GateStatus status)
{
    switch (status) {
    case GateStatus::Fail:
        return QStringLiteral("failed");
    case GateStatus::Waiting:
        return QStringLiteral("is waiting for a person to confirm it");
    case GateStatus::Running:
        return QStringLiteral("is running");
    case GateStatus::Interrupted:
        return QStringLiteral("was interrupted (the cockpit running it stopped)");
    default:
        return QStringLiteral("is %1").arg(gateStatusName(status).replace(u'_', u' '));
    }
}

const GateResult *resultFor(const ReadinessFacts &f, const QString &gate)
{
    for (const GateResult &r : f.gateResults)
        if (r.name == gate)
            return &r;
    return nullptr;
}

}  // namespace

namespace detail {

void gateBlockers(const ReadinessFacts &f, const std::function<bool(const GateFact &)> &inScope, QList<Blocker> &out)
{
    for (const GateFact &gate : f.gates) {
        if (!inScope(gate))
            continue;
        const GateResult *r = resultFor(f, gate.name);
        const QString target = QStringLiteral("gate:%1").arg(gate.name);
        const QString run = QStringLiteral("release-cockpit gate %1 --only \"%2\"").arg(f.release.version, gate.name);
        if (!r || r->status == GateStatus::NotRun)
            out << blocker(QStringLiteral("gate"), QStringLiteral("gate %1 has not run on %2").arg(gate.name, shortSha(f.commit)),
                run, target);
        else if (r->staleFor(f.commit))
            out << blocker(QStringLiteral("gate"),
                QStringLiteral("gate %1 ran on %2, not on %3 (stale)").arg(gate.name, shortSha(r->commit), shortSha(f.commit)),
                run, target);
        else if (!r->passedOn(f.commit))
            out << blocker(QStringLiteral("gate"), QStringLiteral("gate %1 %2").arg(gate.name, gateStatusPhrase(r->status)),
                r->status == GateStatus::Waiting ? QStringLiteral("a person confirms it (gate --confirm)") : run, target);
    }
}

void freezeCommitBlockers(const ReadinessFacts &f, QList<Blocker> &out)
{
    if (!f.afterFreezeError.isEmpty())
        out << blocker(QStringLiteral("commit"),
            QStringLiteral("the commits after the code freeze cannot be read: %1").arg(f.afterFreezeError),
            QStringLiteral("the repository's history from the frozen commit %1 can be read")
                .arg(f.release.frozenCommit.left(8)),
            QStringLiteral("commits"));
    for (const FreezeCommit &c : f.afterFreeze)
        if (c.blocks())
            out << blocker(QStringLiteral("commit"),
                QStringLiteral("%1 landed after the code freeze and is not a fix: %2").arg(c.commit.left(8), c.subject),
                QStringLiteral("revert it, or accept it with a reason: release-cockpit release accept-commit %1 %2 "
                               "--reason T")
                    .arg(f.release.version, c.commit.left(8)),
                QStringLiteral("commit:%1").arg(c.commit));
}

EnvironmentReadiness environmentReadiness(const ReadinessFacts &f, const EnvironmentFact &env)
{
    EnvironmentReadiness e;
    e.name = env.name;
    e.deployed = env.deployedAt.isValid();
    if (!e.deployed)
        e.soak = QStringLiteral("none");
    else if (!env.hasSoakChecks)
        e.soak = QStringLiteral("pass");  // nothing to soak: the deploy is the evidence
    else if (env.soakVerdict.isEmpty() || (env.soakStart.isValid() && env.soakStart < env.deployedAt))
        e.soak = QStringLiteral("pending");  // no soak of this deployment yet
    else
        e.soak = env.soakVerdict;
    if (e.deployed)
        e.canPassAt = env.deployedAt.addSecs(f.soakDuration.count());
    return e;
}

void soakBlocker(const ReadinessFacts &f, const EnvironmentReadiness &e, QList<Blocker> &out)
{
    if (e.soak == u"pass")
        return;
    const QString target = QStringLiteral("soak:%1").arg(e.name);
    if (e.soak == u"fail")
        out << blocker(QStringLiteral("soak"), QStringLiteral("%1 soak failed").arg(e.name),
            QStringLiteral("roll back, or deploy a fix and soak again"), target);
    else {
        const bool waiting = e.canPassAt.isValid() && e.canPassAt > f.now;
        out << blocker(QStringLiteral("soak"),
            waiting ? QStringLiteral("%1 soak can pass at %2").arg(e.name, readinessTime(e.canPassAt))
                    : QStringLiteral("%1 soak has no PASS yet (%2)").arg(e.name, e.soak),
            QStringLiteral("the soak of this deployment in %1 passes").arg(e.name), target,
            waiting ? e.canPassAt : QDateTime());
    }
}

}  // namespace detail

namespace {

bool isPostPhase(const QString &phase)
{
    return phase.startsWith(QLatin1String("post"));
}

}  // namespace

OverrideFact overrideFromAudit(const QDateTime &at, const QString &actor, const QJsonObject &before,
    const QJsonObject &after)
{
    OverrideFact o;
    o.at = at;
    o.actor = actor;
    o.reason = after.value(QStringLiteral("reason")).toString();
    o.blockersOverridden = int(after.value(QStringLiteral("overridden")).toArray().size());
    if (after.contains(QStringLiteral("deploy_to")))
        o.move = QStringLiteral("deploy to %1").arg(after.value(QStringLiteral("deploy_to")).toString());
    else
        o.move = QStringLiteral("%1 -> %2").arg(before.value(QStringLiteral("state")).toString(),
            after.value(QStringLiteral("state")).toString());
    return o;
}

QString readinessTime(const QDateTime &when)
{
    return when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QDateTime Readiness::earliestClear() const
{
    QDateTime earliest;
    for (const Blocker &b : blockers)
        if (b.earliest.isValid() && (!earliest.isValid() || b.earliest < earliest))
            earliest = b.earliest;
    return earliest;
}

QStringList beforeDeploymentPhases(const QStringList &configured, const Checklist &checklist)
{
    if (!configured.isEmpty())
        return configured;
    QStringList phases;
    for (const ChecklistPhase &p : checklist.phases)
        if (p.name.startsWith(QLatin1String("pre")) || p.name.startsWith(QLatin1String("approval"))
            || p.name == u"pipeline" || p.name == u"quality-gates")
            phases << p.name;
    return phases;
}

QList<Blocker> blockersFor(const ReadinessFacts &f, ReleaseState to)
{
    QList<Blocker> out;
    const ReleaseState from = f.release.state;
    if (!lifecycleAllows(from, to)) {
        out << blocker(QStringLiteral("state"), lifecycleRefusal(from, to), QString(), QStringLiteral("release"));
        return out;
    }
    switch (to) {
    case ReleaseState::Candidate:
        if (!f.release.commitPinned)
            out << blocker(QStringLiteral("commit"),
                QStringLiteral("no release candidate pins the commit (it follows %1)").arg(f.release.branch),
                QStringLiteral("tag a release candidate: release-cockpit tag create %1-rc1").arg(f.release.version),
                QStringLiteral("tags"));
        break;
    case ReleaseState::Approved: {
        const QStringList before = f.beforeDeployment;
        phaseBlockers(f.checklist, [&before](const QString &p) { return before.contains(p); }, out);
        freezeCommitBlockers(f, out);
        approvalBlockers(f, out);
        gateBlockers(f, [](const GateFact &g) { return g.environment.isEmpty(); }, out);
        break;
    }
    case ReleaseState::Deploying: {
        // The next environment in promotion order: the one before it runs this commit, soaked.
        if (from == ReleaseState::Soaking)
            if (const QString next = nextEnvironment(f); !next.isEmpty())
                out << promotionBlockers(f, next);
        break;
    }
    case ReleaseState::Released: {
        for (const EnvironmentFact &env : f.environments) {
            const EnvironmentReadiness e = environmentReadiness(f, env);
            if (!e.deployed)
                out << blocker(QStringLiteral("deployment"), QStringLiteral("not deployed to %1").arg(env.name),
                    QStringLiteral("release-cockpit release deployed %1 --env %2").arg(f.release.version, env.name),
                    QStringLiteral("env:%1").arg(env.name));
            else
                soakBlocker(f, e, out);
        }
        if (f.canary)
            out << *f.canary;
        phaseBlockers(f.checklist, [](const QString &p) { return !isPostPhase(p); }, out);
        break;
    }
    default:
        break;
    }
    return out;
}

Readiness evaluateReadiness(const ReadinessFacts &f)
{
    Readiness r;
    r.version = f.release.version;
    r.state = f.release.state;
    r.checklistClosed = f.checklist.closedCount();
    r.checklistTotal = f.checklist.itemCount();
    r.checklistFailed = f.checklist.failedCount();
    r.approvalsKnown = f.approvals.has_value();
    if (f.approvals) {
        r.approvalsCounted = f.approvals->countedCount;
        r.approvalsRequired = f.approvals->requiredCount;
        for (const RoleApproval &role : f.approvals->roles)
            for (const EvaluatedSignoff &s : role.signoffs)
                r.approvalsStale += s.stale() ? 1 : 0;
    }
    for (const GateFact &gate : f.gates) {
        ++r.gatesTotal;
        if (const GateResult *res = resultFor(f, gate.name)) {
            r.gatesPassed += res->passedOn(f.commit) ? 1 : 0;
            r.gatesStale += res->staleFor(f.commit) ? 1 : 0;
        }
    }
    r.freezeStarts = f.freezeStarts;
    r.frozen = r.state != ReleaseState::Draft;
    r.overrides = f.overrides;
    for (const FreezeCommit &c : f.afterFreeze) {
        ++r.commitsAfterFreeze;
        r.commitsBlocking += c.blocks() ? 1 : 0;
    }
    bool everyDeployed = !f.environments.isEmpty();
    for (const EnvironmentFact &env : f.environments) {
        r.environments << environmentReadiness(f, env);
        everyDeployed = everyDeployed && env.deployedAt.isValid();
    }
    r.next = forwardState(r.state);
    if (r.state == ReleaseState::Soaking && !everyDeployed)
        r.next = ReleaseState::Deploying;  // the next environment comes before release
    if (!r.next)
        return r;
    r.blockers = blockersFor(f, *r.next);
    // A stop-the-line holds every forward move, not only deploys (those carry it already): it
    // comes first, before anything a person could clear on their own.
    if (*r.next != ReleaseState::Deploying)
        for (const Blocker &hold : f.holds)
            if (hold.target == u"stop-the-line")
                r.blockers.prepend(hold);
    if (r.state == ReleaseState::Draft) {
        // Nothing blocks an explicit freeze; the release waits for the freeze date or the command.
        const bool waiting = f.freezeStarts.isValid() && f.freezeStarts > f.now;
        r.blockers << blocker(QStringLiteral("freeze"),
            waiting ? QStringLiteral("the code freeze starts at %1").arg(readinessTime(f.freezeStarts))
                    : QStringLiteral("not frozen yet"),
            QStringLiteral("release-cockpit release freeze %1").arg(f.release.version), QStringLiteral("release"),
            waiting ? f.freezeStarts : QDateTime());
    }
    if (r.state == ReleaseState::Draft || r.state == ReleaseState::Frozen) {
        // The next move's blockers first; work towards approval goes on in parallel: show what
        // will hold it too.
        ReadinessFacts asCandidate = f;
        asCandidate.release.state = ReleaseState::Candidate;
        r.blockers << blockersFor(asCandidate, ReleaseState::Approved);
    } else if (r.state == ReleaseState::Approved) {
        if (!f.environments.isEmpty())
            r.blockers << promotionBlockers(f, f.environments.first().name);
        r.blockers << blocker(QStringLiteral("deployment"),
            QStringLiteral("approved: waiting for the deploy to %1")
                .arg(f.environments.isEmpty() ? QStringLiteral("production") : f.environments.first().name),
            QStringLiteral("release-cockpit release deployed %1 --env %2")
                .arg(f.release.version,
                    f.environments.isEmpty() ? QStringLiteral("ENV") : f.environments.first().name),
            QStringLiteral("env"));
    }
    return r;
}

QJsonObject readinessToJson(const Readiness &r)
{
    QJsonArray blockers;
    for (const Blocker &b : r.blockers)
        blockers.append(QJsonObject {{QStringLiteral("kind"), b.kind}, {QStringLiteral("what"), b.what},
            {QStringLiteral("clears_when"), b.clearsWhen},
            {QStringLiteral("earliest"), b.earliest.isValid() ? b.earliest.toUTC().toString(Qt::ISODate) : QString()},
            {QStringLiteral("target"), b.target}});
    QJsonArray envs;
    for (const EnvironmentReadiness &e : r.environments)
        envs.append(QJsonObject {{QStringLiteral("name"), e.name}, {QStringLiteral("deployed"), e.deployed},
            {QStringLiteral("soak"), e.soak},
            {QStringLiteral("can_pass_at"), e.canPassAt.isValid() ? e.canPassAt.toUTC().toString(Qt::ISODate) : QString()}});
    QJsonArray overrides;
    for (const OverrideFact &o : r.overrides)
        overrides.append(QJsonObject {{QStringLiteral("at"), o.at.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("by"), o.actor}, {QStringLiteral("move"), o.move}, {QStringLiteral("reason"), o.reason},
            {QStringLiteral("blockers_overridden"), o.blockersOverridden}});
    return {
        {QStringLiteral("version"), r.version},
        {QStringLiteral("state"), releaseStateName(r.state)},
        {QStringLiteral("next"), r.next ? releaseStateName(*r.next) : QString()},
        {QStringLiteral("blocked"), r.blocked()},
        {QStringLiteral("checklist"),
            QJsonObject {{QStringLiteral("closed"), r.checklistClosed}, {QStringLiteral("total"), r.checklistTotal},
                {QStringLiteral("failed"), r.checklistFailed}}},
        {QStringLiteral("approvals"),
            QJsonObject {{QStringLiteral("counted"), r.approvalsCounted}, {QStringLiteral("required"), r.approvalsRequired},
                {QStringLiteral("stale"), r.approvalsStale}, {QStringLiteral("known"), r.approvalsKnown}}},
        {QStringLiteral("gates"),
            QJsonObject {{QStringLiteral("passed"), r.gatesPassed}, {QStringLiteral("total"), r.gatesTotal},
                {QStringLiteral("stale"), r.gatesStale}}},
        {QStringLiteral("freeze_starts"),
            r.freezeStarts.isValid() ? r.freezeStarts.toUTC().toString(Qt::ISODate) : QString()},
        {QStringLiteral("environments"), envs},
        {QStringLiteral("commits_after_freeze"),
            QJsonObject {{QStringLiteral("total"), r.commitsAfterFreeze}, {QStringLiteral("blocking"), r.commitsBlocking}}},
        {QStringLiteral("overrides"), overrides},
        {QStringLiteral("blockers"), blockers},
    };
}

}  // namespace cockpit
