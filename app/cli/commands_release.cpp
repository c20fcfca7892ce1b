// release new | status | list | deployed | freeze | finish | abort
#include "cli_context.h"
#include "commands.h"
#include "release_json.h"
#include "rollback_json.h"
#include "session.h"
#include "signoff_service.h"

#include <QJsonArray>
#include <QLocale>

namespace cockpit::cli {
namespace {

int releaseNew(CliContext &ctx, const QString &version)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    auto store = ctx.openStore();
    if (!store)
        return ctx.report(store.error());
    NewReleaseRequest request {
        version, ctx.option(QStringLiteral("commit")), ctx.option(QStringLiteral("type")), {}};
    if (const QString date = ctx.option(QStringLiteral("target-date")); !date.isEmpty()) {
        request.targetDate = QDate::fromString(date, Qt::ISODate);
        if (!request.targetDate.isValid())
            return ctx.report(
                {ErrorCode::Usage, QStringLiteral("--target-date: expected YYYY-MM-DD, got '%1'").arg(date)});
    }
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    auto release = (*session)->createRelease(request).result();
    if (!release)
        return ctx.report(release.error());
    ctx.err(
        QStringLiteral("Created release %1 (%2) at %3%4.")
            .arg(release->version, release->type, release->commit.left(12),
                release->commitPinned ? QString() : QStringLiteral(", following %1").arg(release->branch)));
    if (ctx.json())
        ctx.printJson(releaseToJson(*release));
    return Ok;
}

// The readiness of the release (Session::computeReadiness: the window's header reads the same):
// exit 1 when anything blocks the next move.
int releaseStatus(CliContext &ctx, const QString &version)
{
    auto store = ctx.openStore({}, CliContext::StoreAccess::Read);
    if (!store)
        return ctx.report(store.error());
    // An unknown release is said first: it needs no workspace to know.
    if (auto known = (*store)->release(version).result(); !known)
        return ctx.report(known.error());
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    // An unpinned release is at its branch's head now, as the window's header shows it.
    auto release = Session::loadCurrentRelease(*store, *ws, version);
    if (!release)
        return ctx.report(release.error());
    auto checklist = (*store)->checklist(version).result();
    if (!checklist)
        return ctx.report(checklist.error());
    const QJsonObject counts = checklistCountsJson(*checklist);
    auto readiness = Session::computeReadiness(*store, *ws, version, QDateTime::currentDateTimeUtc());
    if (!readiness)
        return ctx.report(readiness.error());
    auto signoffs = SignoffService::computeView(*store, *ws, version);
    // The deploy lock as the store has it: the header and the Incidents tab show the same.
    auto lock = (*store)->deployLock(version).result();
    if (!lock)
        return ctx.report(lock.error());
    const int exit = readiness->blocked() ? Failed : Ok;
    if (ctx.json()) {
        QJsonObject o = releaseToJson(*release);
        const QJsonObject r = readinessToJson(*readiness);
        for (const QString &key : {QStringLiteral("next"), QStringLiteral("blocked"), QStringLiteral("gates"),
                 QStringLiteral("environments"), QStringLiteral("blockers"), QStringLiteral("freeze_starts"),
                 QStringLiteral("commits_after_freeze"), QStringLiteral("overrides")})
            o.insert(key, r.value(key));
        o.insert(QStringLiteral("checklist"), counts);
        o.insert(QStringLiteral("approvals"), signoffs ? approvalsJson(signoffs->approvals) : QJsonArray());
        o.insert(QStringLiteral("approval_counts"), r.value(QStringLiteral("approvals")));
        const auto overdue = overdueSince(*release, QDate::currentDate());
        o.insert(QStringLiteral("overdue_since"), overdue ? QJsonValue(overdue->toString(Qt::ISODate)) : QJsonValue());
        o.insert(QStringLiteral("deploy_lock"), *lock ? QJsonValue(deployLockToJson(**lock)) : QJsonValue());
        ctx.printJson(o);
        return exit;
    }
    const Readiness &rd = *readiness;
    ctx.out(QStringLiteral("Release %1 (%2) %3%4")
                .arg(release->version, release->type, releaseStateTitle(release->state),
                    rd.next ? QStringLiteral(", next: %1%2")
                                  .arg(releaseStateTitle(*rd.next), rd.blocked() ? QStringLiteral(" (blocked)") : QString())
                            : QString()));
    ctx.out(
        QStringLiteral("  commit     %1%2")
            .arg(release->commit,
                release->commitPinned || release->branch.isEmpty()
                    ? QStringLiteral(" (pinned)")
                    : QStringLiteral(" (follows %1)").arg(release->branch)));
    ctx.out(QStringLiteral("  manager    %1").arg(release->manager));
    if (release->targetDate.isValid()) {
        const auto overdue = overdueSince(*release, QDate::currentDate());
        ctx.out(QStringLiteral("  target     %1%2")
                    .arg(release->targetDate.toString(Qt::ISODate),
                        overdue ? QStringLiteral(" (overdue since %1)").arg(QLocale::c().toString(*overdue, QStringLiteral("d MMM")))
                                : QString()));
    }
    ctx.out(QStringLiteral("  checklist  %1/%2 closed, %3 failed").arg(rd.checklistClosed).arg(rd.checklistTotal).arg(rd.checklistFailed));
    ctx.out(QStringLiteral("  approvals  %1/%2%3")
                .arg(rd.approvalsCounted)
                .arg(rd.approvalsRequired)
                .arg(rd.approvalsStale ? QStringLiteral(", %1 stale").arg(rd.approvalsStale) : QString()));
    if (signoffs)
        for (const QJsonValue &a : approvalsJson(signoffs->approvals))
            ctx.out(QStringLiteral("             %1 %2 by %3 (%4)")
                        .arg(a[QStringLiteral("role")].toString(), a[QStringLiteral("decision")].toString(),
                            a[QStringLiteral("signer")].toString(), a[QStringLiteral("status")].toString()));
    ctx.out(QStringLiteral("  gates      %1/%2 passed%3")
                .arg(rd.gatesPassed)
                .arg(rd.gatesTotal)
                .arg(rd.gatesStale ? QStringLiteral(", %1 stale").arg(rd.gatesStale) : QString()));
    if (!release->frozenCommit.isEmpty())
        ctx.out(QStringLiteral("  frozen on  %1, %2 commit(s) since, %3 not a fix and not accepted")
                    .arg(release->frozenCommit.left(12))
                    .arg(rd.commitsAfterFreeze)
                    .arg(rd.commitsBlocking));
    for (const EnvironmentReadiness &e : rd.environments)
        ctx.out(QStringLiteral("  %1 %2").arg(e.name.leftJustified(10), e.deployed ? QStringLiteral("deployed, soak %1").arg(e.soak)
                                                                                 : QStringLiteral("not deployed")));
    if (*lock)
        ctx.out(QStringLiteral("  deploys    locked since %1 by %2: %3 (release unlock %4 --reason T lifts it)")
                    .arg(readinessTime((*lock)->lockedAt), (*lock)->lockedBy, (*lock)->reason, version));
    else if (release->state == ReleaseState::RolledBack)
        ctx.out(QStringLiteral("  deploys    not locked"));
    for (const Blocker &b : rd.blockers)
        ctx.out(QStringLiteral("  blocks     %1%2").arg(b.what, b.clearsWhen.isEmpty() ? QString() : QStringLiteral(" (clears: %1)").arg(b.clearsWhen)));
    if (const QDateTime earliest = rd.earliestClear(); earliest.isValid())
        ctx.out(QStringLiteral("  earliest   %1").arg(readinessTime(earliest)));
    return exit;
}

// release freeze | finish | abort: a lifecycle move through the session, refused with every
// blocker (exit 1) unless --override with --reason by someone the policy allows.
int releaseMove(CliContext &ctx, const QString &version, ReleaseState to)
{
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    const bool override = to == ReleaseState::Released && ctx.isSet(QStringLiteral("override"));
    Session::MoveRequest request {version, to, ctx.option(QStringLiteral("reason")), override, {}};
    auto moved = (*session)->moveRelease(request).result();
    if (!moved)
        return ctx.report(moved.error());
    ctx.err(QStringLiteral("Release %1 is %2%3.")
                .arg(version, releaseStateTitle(moved->state).toLower(),
                    request.override ? QStringLiteral(" (override recorded in the audit log)") : QString()));
    if (ctx.json())
        ctx.printJson(releaseToJson(*moved));
    return Ok;
}

int releaseDeployed(CliContext &ctx, const QString &version)
{
    const QString env = ctx.option(QStringLiteral("env"));
    if (env.isEmpty())
        return ctx.usage(QStringLiteral("release deployed: --env ENV is required"));
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    Session::DeployRequest request {version, env, ctx.option(QStringLiteral("reason")), ctx.isSet(QStringLiteral("override"))};
    request.progress = [&ctx](const QString &line) { ctx.err(line); };  // the main thread waits meanwhile
    auto deployment = (*session)->recordDeployment(request).result();
    if (!deployment)
        return ctx.report(deployment.error());
    ctx.err(QStringLiteral("Release %1 is live in %2 since %3; soak and rollback window start now%4.")
                .arg(version, env, deployment->deployedAt.toString(Qt::ISODate),
                    request.override ? QStringLiteral(" (override recorded in the audit log)") : QString()));
    if (ctx.json())
        ctx.printJson({{QStringLiteral("version"), version}, {QStringLiteral("env"), env},
            {QStringLiteral("commit"), deployment->commit},
            {QStringLiteral("deployed_at"), deployment->deployedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("actor"), deployment->actor}});
    return Ok;
}

int releaseList(CliContext &ctx)
{
    auto store = ctx.openStore({}, CliContext::StoreAccess::Read);
    if (!store)
        return ctx.report(store.error());
    auto releases = (*store)->releases().result();
    if (!releases)
        return ctx.report(releases.error());
    QJsonArray list;
    auto ws = ctx.loadWorkspace();  // outside a workspace the list shows the recorded commits
    for (auto r : *releases) {
        if (ws)
            r = Session::followBranch(*ws, std::move(r));
        list.append(releaseToJson(r));
        if (!ctx.json())
            ctx.out(QStringLiteral("%1\t%2\t%3\t%4")
                        .arg(r.version, r.type, releaseStateName(r.state), r.commit.left(12)));
    }
    if (ctx.json())
        ctx.printJson({{QStringLiteral("releases"), list}});
    return Ok;
}

// release accept-commit VERSION SHA --reason T: a commit after the freeze that is not a fix
// stops blocking, with who accepted it and why in the audit log.
int releaseAcceptCommit(CliContext &ctx, const QString &version, const QString &commit)
{
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    auto accepted = (*session)->acceptCommit(version, commit, ctx.option(QStringLiteral("reason"))).result();
    if (!accepted)
        return ctx.report(accepted.error());
    ctx.err(QStringLiteral("Accepted %1 \"%2\" after the freeze of %3 (recorded in the audit log).")
                .arg(accepted->commit.left(12), accepted->subject, version));
    if (ctx.json())
        ctx.printJson({{QStringLiteral("version"), version}, {QStringLiteral("commit"), accepted->commit},
            {QStringLiteral("subject"), accepted->subject}, {QStringLiteral("reason"), accepted->reason},
            {QStringLiteral("accepted_by"), accepted->acceptedBy},
            {QStringLiteral("accepted_at"), accepted->acceptedAt.toString(Qt::ISODateWithMs)}});
    return Ok;
}

}  // namespace

// words: release SUBCOMMAND [VERSION]; the command table checked the count.
int runReleaseNew(CliContext &ctx)
{
    return releaseNew(ctx, ctx.words().at(2));
}

int runReleaseStatus(CliContext &ctx)
{
    return releaseStatus(ctx, ctx.words().at(2));
}

int runReleaseList(CliContext &ctx)
{
    return releaseList(ctx);
}

int runReleaseFreeze(CliContext &ctx)
{
    return releaseMove(ctx, ctx.words().at(2), ReleaseState::Frozen);
}

int runReleaseFinish(CliContext &ctx)
{
    return releaseMove(ctx, ctx.words().at(2), ReleaseState::Released);
}

int runReleaseAbort(CliContext &ctx)
{
    return releaseMove(ctx, ctx.words().at(2), ReleaseState::Aborted);
}

int runReleaseAcceptCommit(CliContext &ctx)
{
    return releaseAcceptCommit(ctx, ctx.words().at(2), ctx.words().at(3));
}

int runReleaseDeployed(CliContext &ctx)
{
    return releaseDeployed(ctx, ctx.words().at(2));
}

}  // namespace cockpit::cli
