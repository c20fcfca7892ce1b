// The demo's release history, so the Release Calendar and Release Metrics windows have something
// true to show: a release train, its calendar and DORA targets appended to the demo's policy, and
// eight 3.6.x patch releases on a release/3.6 maintenance branch (commits dated Sep-Nov 2026),
// each deployed to staging and then production, one of them rolled back 50 minutes after going
// live and fixed by a hotfix the next day. Each lived its history: checklist closed, approvals
// signed before staging, a soak of every deployment, gates passed; the released ones closed
// their post-release phases too. Deterministic, like the rest of the demo. The branch
// keeps main, its tags and the changelog exactly as the demo tests know them.
#include "demo_builder.h"
#include "demo_soak.h"
#include "session.h"

#include "git_service.h"
#include "release_service.h"
#include "rollback_plan.h"
#include "signoff_service.h"
#include "store.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QScopeGuard>
#include <atomic>

namespace cockpit {
namespace {

const char kDemoSchedule[] = R"(
# Demo only (services/demo_history.cpp): a release train with its calendar, the code freeze and
# DORA targets, for View > Release Calendar and View > Release Metrics.
code_freeze: 2d
trains:
  - {name: minor, cadence: Every 2 weeks (biweekly), day: "Tuesday, 10 AM PT", contains: Features and fixes}
  - {name: platform, cadence: Monthly, day: First Tuesday of month, contains: Dependency and security updates}
calendar:
  - {date: 2026-11-26, event: SOLVEREIGN 3.7.0, train: minor, version: 3.7.0}
  - {date: 2027-01-07, event: SOLVEREIGN 3.8.0, train: minor, version: 3.8.0}
metrics:
  lead_time: 3d
  change_failure_rate: 10
  mttr: 1h
  deployment_frequency: {patch: Weekly}
)";

struct HistoryRelease {
    const char *version;
    const char *type;
    QDateTime production;
    int commits;  // on release/3.6, spread over `spread` hours before staging (the last 2 hours before)
    int spread;
    bool rolledBack;
};

QDateTime at(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Qt::UTC);
}

const HistoryRelease kHistory[] = {
    {"3.6.1", "patch", at(9, 2, 16), 3, 30, false},
    {"3.6.2", "patch", at(9, 16, 17), 4, 70, false},
    {"3.6.3", "patch", at(9, 30, 16), 2, 12, false},
    {"3.6.4", "patch", at(10, 14, 17), 5, 96, false},
    {"3.6.5", "patch", at(10, 28, 16), 3, 40, true},
    {"3.6.6", "hotfix", at(10, 29, 15), 1, 0, false},
    {"3.6.7", "patch", at(11, 4, 17), 2, 20, false},
    {"3.6.8", "patch", at(11, 17, 16), 4, 50, false},
};

// Staging a day before production (promotion after 24h); the hotfix went through in 3 hours.
QDateTime stagingOf(const HistoryRelease &r)
{
    return r.production.addSecs(QByteArray(r.type) == "hotfix" ? -3 * 3600 : -27 * 3600);
}

const char *const kSubjects[] = {"fix(api): retry OSRM timeouts", "fix(billing): round invoice totals",
    "fix(auth): refresh sessions before expiry", "perf(db): index plan snapshots",
    "fix(ui): keep depot filters", "fix(webhooks): verify signatures in constant time"};

// The branch's commits for each release (created once), by version -> the release's last commit.
// Each is an empty commit (the parent's tree) on no branch until the end; the same inputs give the
// same SHA, so a demo directory built before yields the commits it already has.
Result<QMap<QString, QString>> buildBranch(const Workspace &workspace)
{
    auto repo = GitService::open(workspace.root);
    if (!repo)
        return std::unexpected(repo.error());
    auto base = repo->resolve(QStringLiteral("v3.6.0"));
    if (!base)
        return std::unexpected(base.error());
    QString tip = *base;
    QMap<QString, QString> shas;
    int subject = 0;
    for (const HistoryRelease &r : kHistory) {
        const QDateTime staging = stagingOf(r);
        for (int c = 0; c < r.commits; ++c) {
            const QDateTime when = staging.addSecs(
                -2 * 3600 - qint64(r.commits - 1 - c) * r.spread * 3600 / std::max(1, r.commits - 1));
            const QString message = QStringLiteral("%1 (#%2)\n")
                                        .arg(QString::fromLatin1(kSubjects[subject % 6]))
                                        .arg(1601 + subject);
            ++subject;
            auto sha = repo->createEmptyCommit(tip, message,
                {QStringLiteral("Jonas Brandt"), QStringLiteral("jonas.brandt@solvereign.example"), when});
            if (!sha)
                return std::unexpected(sha.error());
            tip = *sha;
        }
        shas.insert(QString::fromLatin1(r.version), tip);
    }
    if (auto branch = repo->createBranch(QStringLiteral("release/3.6"), tip, true); !branch)
        return std::unexpected(branch.error());
    return shas;
}


// The history as it was lived: the items of the phases before deployment (or, after = true, the
// post-release phases) closed by the release manager: conditional ones N/A, automated ones with
// the evidence their check left.
Status closeItems(Store *store, const QString &version, const QString &actor, bool after)
{
    auto checklist = store->checklist(version).result();
    if (!checklist)
        return std::unexpected(checklist.error());
    for (const ChecklistPhase &phase : checklist->phases) {
        if (phase.name.startsWith(QLatin1String("post-")) != after)
            continue;
        for (const ChecklistSection &section : phase.sections)
            for (ChecklistItem item : section.items) {
                if (item.state != ItemState::Open)
                    continue;
                if (!item.condition.isEmpty()) {
                    item.state = ItemState::NotApplicable;
                    item.naReason = QStringLiteral("not in this patch (%1)").arg(item.condition);
                } else {
                    item.state = ItemState::Done;
                    if (!item.check.isEmpty())
                        item.evidence = QStringLiteral("%1 PASS for %2").arg(item.check, version);
                }
                if (auto saved = store->setItemState(version, item, actor).result(); !saved)
                    return std::unexpected(saved.error());
            }
    }
    return {};
}

// Every approval the release type requires, by the first people of each role who are not the
// release manager, on what the checklist and changelog were when they signed.
Status approveRelease(Store *store, const Workspace &workspace, const QString &version)
{
    auto view = SignoffService::computeView(store, workspace, version);
    if (!view)
        return std::unexpected(view.error());
    for (const RoleApproval &role : view->approvals.roles) {
        if (!role.required)
            continue;
        int signedCount = 0;
        for (const QString &person : workspace.policy.roles.value(role.requirement.role)) {
            if (signedCount >= role.requirement.count)
                break;
            if (person == view->release.manager)
                continue;
            const Signoff signoff {0, version, role.requirement.role, person, SignoffDecision::Approve, {},
                view->digest, {}, {}};
            if (auto saved = store->recordSignoff(signoff).result(); !saved)
                return std::unexpected(saved.error());
            ++signedCount;
        }
    }
    return {};
}

// The soak of the deployment to env, shaped as the demo's recorded one, stored when it finished
// (the same use case as a soak ending in the window: on PASS it is the evidence of the items).
Status soakHistory(ReleaseService &service, const QString &version, const QString &env,
    const QDateTime &deployedAt, std::atomic<qint64> &clock)
{
    SoakRecording recording = buildDemoSoakRecording(service.workspace().policy, deployedAt);
    recording.environment = env;
    recording.version = version;
    clock.store(recording.recordedAt.toMSecsSinceEpoch());
    if (auto finished = Session::finishSoak(service, version, recording, evaluateRecording(recording)); !finished)
        return std::unexpected(finished.error());
    return {};
}

// Every gate of the policy passed on the release's commit, after the staging soak.
Status passGates(Store *store, const Workspace &workspace, const QString &version, const QString &commit,
    const QString &actor, const QDateTime &at)
{
    for (const GatePolicy &g : workspace.policy.gates) {
        const bool process = !g.run.isEmpty() || !g.shell.isEmpty();
        GateResult result;
        result.version = version;
        result.name = g.name;
        result.kind = !g.run.isEmpty() ? QStringLiteral("run")
            : !g.shell.isEmpty()      ? QStringLiteral("shell")
            : !g.probe.isEmpty()      ? QStringLiteral("probe")
            : !g.soak.isEmpty()       ? QStringLiteral("soak")
            : !g.check.isEmpty()      ? QStringLiteral("check")
            : !g.manual.isEmpty()     ? QStringLiteral("manual")
                                      : QStringLiteral("condition");
        result.status = GateStatus::Pass;
        result.exitCode = process ? 0 : -1;
        result.durationMs = process ? 4200 : 0;
        result.commit = commit;
        result.ranBy = actor;
        result.ranAt = at;
        if (auto saved = store->saveGateResult(result).result(); !saved)
            return std::unexpected(saved.error());
    }
    return {};
}

// 3.6.5's rollback as the cockpit records one: requested 20 minutes after going live, every step
// done, finished 30 minutes later; the release is rolled back and its deploys locked.
Status rollBackHistory(Store *store, const Workspace &workspace, const QString &version, const QString &commit,
    const RollbackTarget &target, const QDateTime &production, std::atomic<qint64> &clock)
{
    const QString lead = QStringLiteral("aylin.demir@solvereign.example");
    const QString reason = QStringLiteral("5xx above 5% for 5 minutes after the deploy");
    auto plan = buildRollbackPlan(workspace.policy,
        RollbackPlanInput {version, QStringLiteral("production"), commit, reason, {}, target});
    if (!plan)
        return std::unexpected(plan.error());
    clock.store(production.addSecs(20 * 60).toMSecsSinceEpoch());
    RollbackRecord record;
    record.version = version;
    record.plan = *plan;
    auto created = store->createRollback(record, lead).result();
    if (!created)
        return std::unexpected(created.error());
    for (RollbackStepRecord step : created->steps) {
        const qint64 at = production.addSecs(22 * 60 + step.index * 3 * 60).toMSecsSinceEpoch();
        clock.store(at);
        step.state = RollbackStepState::Succeeded;
        step.startedAt = QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
        step.finishedAt = step.startedAt.addSecs(90);
        step.exitCode = 0;
        step.actor = lead;
        step.attempt = 1;
        if (auto saved = store->saveRollbackStep(created->id, step, std::nullopt, {}, lead).result(); !saved)
            return std::unexpected(saved.error());
    }
    clock.store(production.addSecs(50 * 60).toMSecsSinceEpoch());
    if (auto finished = store->finishRollback(created->id, QStringLiteral("rolled back: %1").arg(reason),
            std::nullopt, lead).result();
        !finished)
        return std::unexpected(finished.error());
    return {};
}

}  // namespace

Status closeDemoItems(Store *store, const QString &version, const QString &actor)
{
    return closeItems(store, version, actor, false);
}

Status approveDemoRelease(Store *store, const Workspace &workspace, const QString &version)
{
    return approveRelease(store, workspace, version);
}

Status soakDemoHistory(ReleaseService &service, const QString &version, const QString &env,
    const QDateTime &deployedAt, std::atomic<qint64> &clock)
{
    return soakHistory(service, version, env, deployedAt, clock);
}

Status appendDemoSchedule(const QString &dir)
{
    QFile policy(QDir(dir).filePath(QStringLiteral(".release-cockpit/policy.yml")));
    if (!policy.open(QIODevice::Append))
        return fail(
            ErrorCode::Unavailable, QStringLiteral("cannot extend the demo policy"), {policy.fileName()});
    policy.write(kDemoSchedule);
    return {};
}

Status seedDemoHistory(Store *store, const Workspace &workspace)
{
    if (store->release(QString::fromLatin1(kHistory[0].version)).result())
        return {};
    auto shas = buildBranch(workspace);
    if (!shas)
        return std::unexpected(shas.error());
    auto clock = std::make_shared<std::atomic<qint64>>(0);
    store->setClock([clock] { return QDateTime::fromMSecsSinceEpoch(clock->load(), Qt::UTC); });
    const auto restore
        = qScopeGuard([store] { store->setClock([] { return QDateTime::currentDateTimeUtc(); }); });
    ReleaseService service(store, workspace,
        Identity {QStringLiteral("maria.keller@solvereign.example"), QStringLiteral("Maria Keller")});
    const QString actor = service.identity().id;
    const char *previous = "3.6.0";
    for (const HistoryRelease &r : kHistory) {
        const QString version = QString::fromLatin1(r.version);
        const QDateTime staging = stagingOf(r);
        clock->store(staging.addSecs(-3600).toMSecsSinceEpoch());
        auto created = service
                           .createRelease({version, shas->value(version), QString::fromLatin1(r.type),
                               r.production.date()})
                           .result();
        if (!created)
            return std::unexpected(created.error());
        clock->store(staging.addSecs(-40 * 60).toMSecsSinceEpoch());
        if (auto closed = closeItems(store, version, actor, false); !closed)
            return closed;
        clock->store(staging.addSecs(-20 * 60).toMSecsSinceEpoch());
        if (auto approved = approveRelease(store, workspace, version); !approved)
            return approved;
        const struct {
            QDateTime when;
            const char *env;
        } steps[] = {{staging, "staging"}, {r.production, "production"}};
        for (const auto &step : steps) {
            clock->store(step.when.toMSecsSinceEpoch());
            if (auto deployed
                = store->recordDeployment(version, QString::fromLatin1(step.env), actor).result();
                !deployed)
                return std::unexpected(deployed.error());
            if (step.when == staging) {
                if (auto soaked = soakHistory(service, version, QStringLiteral("staging"), staging, *clock); !soaked)
                    return soaked;
                const QDateTime gatesAt = QDateTime::fromMSecsSinceEpoch(clock->load(), Qt::UTC).addSecs(600);
                if (auto gated = passGates(store, workspace, version, created->commit, actor, gatesAt); !gated)
                    return gated;
            }
        }
        ReleaseState final = ReleaseState::Released;
        if (r.rolledBack) {
            // Rolled back to the release before it (the last known good), deploys locked since.
            const RollbackTarget target {QString::fromLatin1(previous), QStringLiteral("v%1").arg(QString::fromLatin1(previous)),
                shas->value(QString::fromLatin1(previous)), QStringLiteral("last_known_good")};
            if (auto rolled = rollBackHistory(store, workspace, version, created->commit, target, r.production, *clock);
                !rolled)
                return rolled;
            final = ReleaseState::RolledBack;
        } else {
            // The post-release checks done in the hour after going live.
            clock->store(r.production.addSecs(3600).toMSecsSinceEpoch());
            if (auto closed = closeItems(store, version, actor, true); !closed)
                return closed;
            if (auto soaked = soakHistory(service, version, QStringLiteral("production"), r.production, *clock); !soaked)
                return soaked;
        }
        // Released once the production soak's last measurement is in.
        if (final == ReleaseState::Released) {  // the rollback moved 3.6.5 itself
            clock->store(r.production.addSecs(2 * 3600 + 5 * 60).toMSecsSinceEpoch());
            if (auto state = store->setReleaseState(version, final, actor).result(); !state)
                return std::unexpected(state.error());
        }
        previous = r.version;
    }
    return {};
}

}  // namespace cockpit
