// rollback VERSION                     the newest rollback of the release, as stored
// rollback VERSION --dry-run [--reason T]     the plan, nothing run
// rollback VERSION --confirm VERSION --reason T     run it (live output on stderr, a summary on stdout)
// rollback VERSION --approve           the second person approves, then the steps run
// rollback VERSION --resume [--skip REASON]   retry (or skip) the halted/interrupted step, go on
// release unlock VERSION --reason T    lift the deploy lock a rollback left
#include "cli_context.h"
#include "commands.h"
#include "rollback_service.h"
#include "rollback_driver.h"
#include "rollback_json.h"

#include <QJsonArray>

namespace cockpit::cli {

namespace {

void printPlan(CliContext &ctx, const RollbackPlan &plan)
{
    ctx.out(QStringLiteral("Rollback plan for %1 (live in %2)").arg(plan.version, plan.environment));
    ctx.out(QStringLiteral("  target    %1 (%2, %3), %4")
                .arg(plan.targetVersion, plan.targetTag, plan.targetCommit.left(12),
                    plan.targetSource == u"previous_tag" ? QStringLiteral("previous GA tag")
                                                         : QStringLiteral("last known good")));
    if (!plan.trigger.isEmpty())
        ctx.out(QStringLiteral("  trigger   %1").arg(plan.trigger));
    ctx.out(QStringLiteral("  reason    %1")
                .arg(plan.reason.isEmpty() ? QStringLiteral("(none given)") : plan.reason));
    if (plan.twoPerson)
        ctx.out(QStringLiteral("  approval  a second person approves before any step runs"));
    for (const PlannedRollbackStep &s : plan.steps) {
        QString what;
        switch (s.kind) {
        case RollbackStepKind::Run:
            what = displayArgv(s.argv);
            break;
        case RollbackStepKind::Shell:
            what = QStringLiteral("/bin/sh -c %1").arg(displayArgv({s.shellCommand}));
            break;
        case RollbackStepKind::Http:
            what = QStringLiteral("%1 %2").arg(s.httpMethod, s.httpUrl);
            break;
        case RollbackStepKind::Probe:
            what = QStringLiteral("probe %1").arg(s.probeEnvironment);
            break;
        case RollbackStepKind::Manual:
            what = QStringLiteral("a person confirms: %1").arg(s.instruction);
            break;
        }
        ctx.out(QStringLiteral("  %1. %2 [%3%4%5]")
                    .arg(s.index + 1)
                    .arg(s.name, rollbackStepKindName(s.kind),
                        s.timeout.count() > 0 ? QStringLiteral(", timeout %1 s").arg(s.timeout.count())
                                              : QString(),
                        s.condition.isEmpty() ? QString() : QStringLiteral(", only if %1").arg(s.condition)));
        ctx.out(QStringLiteral("     %1").arg(what));
    }
}

void printRecord(CliContext &ctx, const RollbackRecord &r)
{
    ctx.out(QStringLiteral("Rollback #%1 of %2 to %3: %4")
                .arg(QString::number(r.id), r.version, r.plan.targetVersion, rollbackStateName(r.state)));
    ctx.out(
        QStringLiteral("  requested by %1 at %2%3")
            .arg(r.requestedBy, r.requestedAt.toString(Qt::ISODate),
                r.approvedBy.isEmpty() ? QString() : QStringLiteral(", approved by %1").arg(r.approvedBy)));
    if (!r.note.isEmpty())
        ctx.out(QStringLiteral("  %1").arg(r.note));
    for (int i = 0; i < r.steps.size(); ++i)
        ctx.out(QStringLiteral("  ") + rollbackStepLine(r, i));
}

template <typename T> Result<T> wait(QFuture<Result<T>> future)
{
    future.waitForFinished();
    return future.result();
}

// The whole record (every step's output) is for machines (--json); a person gets one line a step
// and where the step output is kept.
int finish(CliContext &ctx, RollbackService &service, const QString &version, int exitCode)
{
    auto latest = wait(service.latest(version));
    if (ctx.json()) {
        QJsonObject o = latest ? rollbackRecordToJson(*latest) : QJsonObject {};
        o.insert(QStringLiteral("exit"), exitCode);
        ctx.printJson(o);
        return exitCode;
    }
    if (!latest)
        return exitCode;
    ctx.out(QStringLiteral("Rollback #%1 of %2 to %3: %4")
                .arg(QString::number(latest->id), version, latest->plan.targetVersion,
                    rollbackStateName(latest->state)));
    for (int i = 0; i < latest->steps.size(); ++i)
        ctx.out(QStringLiteral("  ") + rollbackStepLine(*latest, i));
    ctx.out(QStringLiteral("Step output (transcripts) is kept with the rollback in the store: "
                           "release-cockpit rollback %1 --json (steps[].output), or the window's Incidents tab.")
                .arg(version));
    return exitCode;
}

int dryRun(CliContext &ctx, RollbackService &service, const QString &version)
{
    auto plan = wait(service.plan(version, ctx.option(QStringLiteral("reason"))));
    if (!plan)
        return ctx.report(plan.error());
    if (ctx.json()) {
        ctx.printJson(
            {{QStringLiteral("dry_run"), true}, {QStringLiteral("plan"), rollbackPlanToJson(*plan)}});
        return Ok;
    }
    printPlan(ctx, *plan);
    ctx.err(QStringLiteral("Nothing was run (--dry-run)."));
    return Ok;
}

int confirmAndRun(CliContext &ctx, RollbackService &service, const QString &version)
{
    auto plan = wait(service.plan(version, ctx.option(QStringLiteral("reason"))));
    if (!plan)
        return ctx.report(plan.error());
    auto record = wait(service.confirm(*plan, ctx.option(QStringLiteral("confirm"))));
    if (!record)
        return ctx.report(record.error());
    ctx.err(QStringLiteral("Rollback #%1 of %2 to %3 confirmed by %4.")
                .arg(QString::number(record->id), version, plan->targetVersion, record->requestedBy));
    if (record->state == RollbackState::AwaitingApproval) {
        ctx.err(QStringLiteral("Waiting for a second person: release-cockpit rollback %1 --approve")
                    .arg(version));
        return finish(ctx, service, version, Inconclusive);
    }
    const qint64 id = record->id;
    const auto result = driveRollback(ctx, service, version, id, [&service, id] { service.run(id); });
    return finish(ctx, service, version, result.exitCode);
}

int approve(CliContext &ctx, RollbackService &service, const QString &version)
{
    auto latest = wait(service.latest(version));
    if (!latest)
        return ctx.report(latest.error());
    auto approved = wait(service.approve(latest->id));
    if (!approved)
        return ctx.report(approved.error());
    ctx.err(QStringLiteral("Rollback #%1 of %2 approved by %3; running it.")
                .arg(QString::number(approved->id), version, approved->approvedBy));
    const qint64 id = approved->id;
    const auto result = driveRollback(ctx, service, version, id, [&service, id] { service.run(id); });
    return finish(ctx, service, version, result.exitCode);
}

int resume(CliContext &ctx, RollbackService &service, const QString &version)
{
    auto latest = wait(service.latest(version));
    if (!latest)
        return ctx.report(latest.error());
    ctx.err(QStringLiteral("What ran so far:"));
    for (int i = 0; i < latest->steps.size(); ++i)
        ctx.err(QStringLiteral("  ") + rollbackStepLine(*latest, i));
    const qint64 id = latest->id;
    if (latest->state == RollbackState::AwaitingApproval) {
        ctx.err(QStringLiteral("Still waiting for a second person: release-cockpit rollback %1 --approve")
                    .arg(version));
        return finish(ctx, service, version, Inconclusive);
    }
    if (latest->state == RollbackState::Succeeded || latest->state == RollbackState::Aborted) {
        ctx.err(QStringLiteral("Rollback #%1 is %2: nothing to resume.")
                    .arg(QString::number(id), rollbackStateName(latest->state)));
        return finish(ctx, service, version, latest->state == RollbackState::Succeeded ? Ok : Failed);
    }
    const QString skipReason = ctx.option(QStringLiteral("skip"));
    int next = -1;
    for (const RollbackStepRecord &s : latest->steps) {
        if (s.state != RollbackStepState::Succeeded && s.state != RollbackStepState::Skipped) {
            next = s.index;
            break;
        }
    }
    if (next >= 0) {
        const RollbackStepRecord &s = latest->steps.at(next);
        ctx.err(
            skipReason.isEmpty() ? QStringLiteral(
                "Resuming: step %1 (%2) is %3; running it again (attempt %4). Finished steps are not rerun.")
                                       .arg(next + 1)
                                       .arg(s.name, rollbackStepStateName(s.state).replace(u'_', u' '))
                                       .arg(s.attempt + 1)
                                 : QStringLiteral("Resuming: skipping step %1 (%2): %3")
                                       .arg(next + 1)
                                       .arg(s.name, skipReason));
    }
    const auto result = driveRollback(ctx, service, version, id, [&service, id, skipReason] {
        if (skipReason.isEmpty())
            service.retry(id);
        else
            service.skip(id, skipReason);
    });
    return finish(ctx, service, version, result.exitCode);
}

int status(CliContext &ctx, RollbackService &service, const QString &version)
{
    auto latest = wait(service.latest(version));
    if (!latest)
        return ctx.report(latest.error());
    if (ctx.json())
        ctx.printJson(rollbackRecordToJson(*latest));
    else
        printRecord(ctx, *latest);
    return Ok;
}

}  // namespace

int runRollback(CliContext &ctx)
{
    const QStringList w = ctx.words();
    if (w.size() != 2)
        return ctx.usage(
            QStringLiteral("usage: rollback VERSION [--dry-run | --confirm VERSION | --approve | --resume]"));
    const QString version = w.at(1);
    const int modes = int(ctx.isSet(QStringLiteral("dry-run"))) + int(ctx.isSet(QStringLiteral("confirm")))
        + int(ctx.isSet(QStringLiteral("approve"))) + int(ctx.isSet(QStringLiteral("resume")));
    if (modes > 1)
        return ctx.usage(QStringLiteral("rollback: choose one of --dry-run, --confirm, --approve, --resume"));
    if (ctx.isSet(QStringLiteral("skip")) && !ctx.isSet(QStringLiteral("resume")))
        return ctx.usage(QStringLiteral("rollback: --skip REASON goes with --resume"));
    // No trigger fires from the command line, so the reason is the incident's only cause.
    if (ctx.isSet(QStringLiteral("confirm")) && ctx.option(QStringLiteral("reason")).trimmed().isEmpty())
        return ctx.usage(QStringLiteral(
            "rollback: --confirm needs --reason T (why roll back; it becomes the incident's cause)"));
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    RollbackService &service = (*session)->rollbacks();
    if (ctx.isSet(QStringLiteral("dry-run")))
        return dryRun(ctx, service, version);
    if (ctx.isSet(QStringLiteral("confirm")))
        return confirmAndRun(ctx, service, version);
    if (ctx.isSet(QStringLiteral("approve")))
        return approve(ctx, service, version);
    if (ctx.isSet(QStringLiteral("resume")))
        return resume(ctx, service, version);
    return status(ctx, service, version);
}

int runReleaseUnlock(CliContext &ctx)
{
    const QString version = ctx.words().value(2);
    const QString reason = ctx.option(QStringLiteral("reason"));
    if (reason.trimmed().isEmpty())
        return ctx.usage(QStringLiteral("release unlock: --reason T is required"));
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    auto lifted = wait((*session)->rollbacks().liftDeployLock(version, reason));
    if (!lifted)
        return ctx.report(lifted.error());
    ctx.err(QStringLiteral("Deploy lock of %1 lifted by %2: %3").arg(version, lifted->liftedBy, reason));
    if (ctx.json())
        ctx.printJson(deployLockToJson(*lifted));
    return Ok;
}

}  // namespace cockpit::cli
