// release new | status | list
#include "cli_context.h"
#include "commands.h"
#include "release_json.h"
#include "signoff_service.h"

#include <QJsonArray>

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

int releaseStatus(CliContext &ctx, const QString &version)
{
    auto store = ctx.openStore({}, CliContext::StoreAccess::Read);
    if (!store)
        return ctx.report(store.error());
    auto release = (*store)->release(version).result();
    if (!release)
        return ctx.report(release.error());
    auto checklist = (*store)->checklist(version).result();
    if (!checklist)
        return ctx.report(checklist.error());
    QStringList blockers = releaseBlockers(*checklist);
    const QJsonObject counts = checklistCountsJson(*checklist);
    // Approvals need the workspace too (policy, changelog, branch head): without it they are unknown.
    auto ws = ctx.loadWorkspace();
    auto signoffs = ws ? SignoffService::computeView(*store, *ws, version)
                       : Result<SignoffView>(std::unexpected(ws.error()));
    if (signoffs)
        blockers << signoffs->approvals.blockers;
    else
        blockers << QStringLiteral("approvals cannot be evaluated: %1").arg(signoffs.error().toString());
    if (ctx.json()) {
        QJsonObject o = releaseToJson(*release);
        o.insert(QStringLiteral("checklist"), counts);
        o.insert(QStringLiteral("approvals"), signoffs ? approvalsJson(signoffs->approvals) : QJsonArray());
        o.insert(QStringLiteral("blockers"), QJsonArray::fromStringList(blockers));
        ctx.printJson(o);
        return Ok;
    }
    ctx.out(QStringLiteral("Release %1 (%2) %3")
                .arg(release->version, release->type, releaseStateTitle(release->state)));
    ctx.out(
        QStringLiteral("  commit     %1%2")
            .arg(release->commit,
                release->commitPinned ? QString() : QStringLiteral(" (follows %1)").arg(release->branch)));
    ctx.out(QStringLiteral("  manager    %1").arg(release->manager));
    ctx.out(
        QStringLiteral("  checklist  %1/%2 closed, %3 failed")
            .arg(counts.value(QStringLiteral("done")).toInt() + counts.value(QStringLiteral("na")).toInt())
            .arg(counts.value(QStringLiteral("total")).toInt())
            .arg(counts.value(QStringLiteral("failed")).toInt()));
    if (signoffs) {
        ctx.out(QStringLiteral("  approvals  %1/%2")
                    .arg(signoffs->approvals.countedCount)
                    .arg(signoffs->approvals.requiredCount));
        for (const QJsonValue &a : approvalsJson(signoffs->approvals))
            ctx.out(QStringLiteral("             %1 %2 by %3 (%4)")
                        .arg(a[QStringLiteral("role")].toString(), a[QStringLiteral("decision")].toString(),
                            a[QStringLiteral("signer")].toString(), a[QStringLiteral("status")].toString()));
    }
    for (const QString &b : blockers)
        ctx.out(QStringLiteral("  blocks     %1").arg(b));
    return Ok;
}

int releaseDeployed(CliContext &ctx, const QString &version)
{
    const QString env = ctx.option(QStringLiteral("env"));
    if (env.isEmpty())
        return ctx.usage(QStringLiteral("release deployed: --env ENV is required"));
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    if (!ws->policy.environment(env)) {
        QStringList known;
        for (const EnvironmentPolicy &e : std::as_const(ws->policy.environments))
            known << e.name;
        return ctx.report({ErrorCode::BadInput,
            QStringLiteral("--env: no environment '%1' in %2 (known: %3)")
                .arg(env, ws->policyPath(), known.join(QStringLiteral(", "))),
            {}});
    }
    auto store = ctx.openStore();
    if (!store)
        return ctx.report(store.error());
    auto deployment = (*store)->recordDeployment(version, env, ctx.identity().id).result();
    if (!deployment)
        return ctx.report(deployment.error());
    ctx.err(QStringLiteral("Release %1 is live in %2 since %3; soak and rollback window start now.")
                .arg(version, env, deployment->deployedAt.toString(Qt::ISODate)));
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
    for (const auto &r : *releases) {
        list.append(releaseToJson(r));
        if (!ctx.json())
            ctx.out(QStringLiteral("%1\t%2\t%3\t%4")
                        .arg(r.version, r.type, releaseStateName(r.state), r.commit.left(12)));
    }
    if (ctx.json())
        ctx.printJson({{QStringLiteral("releases"), list}});
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

int runReleaseDeployed(CliContext &ctx)
{
    return releaseDeployed(ctx, ctx.words().at(2));
}

}  // namespace cockpit::cli
