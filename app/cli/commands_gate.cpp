// gate VERSION [--only NAME] [--confirm NAME] [--not-applicable NAME --reason T]
#include "cli_context.h"
#include "commands.h"

namespace cockpit::cli {

namespace {

QString durationText(qint64 ms)
{
    return ms < 1000 ? QStringLiteral("%1 ms").arg(ms) : QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

void printRun(const CliContext &ctx, const GateRun &run)
{
    for (const GateResult &g : run.gates) {
        const bool ran = g.status == GateStatus::Pass || g.status == GateStatus::Fail
            || g.status == GateStatus::Interrupted;
        ctx.out(QStringLiteral("%1 %2 %3 %4")
                    .arg(gateStatusName(g.status).leftJustified(11), g.name.leftJustified(32),
                        (ran ? durationText(g.durationMs) : QStringLiteral("-")).rightJustified(9),
                        g.exitCode >= 0 ? QStringLiteral("exit %1").arg(g.exitCode) : QStringLiteral("-"))
                    .trimmed());
        if (!g.note.isEmpty() && g.note != QStringLiteral("exit %1").arg(g.exitCode))
            ctx.out(QStringLiteral("            %1").arg(g.note));
        if (g.status == GateStatus::Fail && !g.outputTail.isEmpty()) {
            const QStringList lines = g.outputTail.trimmed().split(u'\n');
            for (const QString &line : lines.mid(std::max<qsizetype>(0, lines.size() - 10)))
                ctx.out(QStringLiteral("            | %1").arg(line));
        }
    }
    for (const ChecklistItem &item : run.ticked)
        ctx.err(QStringLiteral("Ticked %1: %2").arg(item.key, item.text));
    for (const QString &warning : run.warnings)
        ctx.err(QStringLiteral("warning: %1").arg(warning));
    ctx.out(QStringLiteral("verdict: %1 on %2").arg(gateVerdictName(run.verdict()), run.commit.left(12)));
}

}  // namespace

int runGate(CliContext &ctx)
{
    const QString version = ctx.words().value(1);
    GateRunOptions options;
    options.only = ctx.option(QStringLiteral("only"));
    options.confirm = ctx.optionValues(QStringLiteral("confirm"));
    const QStringList notApplicable = ctx.optionValues(QStringLiteral("not-applicable"));
    const QString reason = ctx.option(QStringLiteral("reason"));
    if (!notApplicable.isEmpty() && reason.trimmed().isEmpty())
        return ctx.usage(QStringLiteral("--not-applicable needs --reason T: say why the gate does not apply"));
    if (notApplicable.isEmpty() && !reason.isEmpty())
        return ctx.usage(QStringLiteral("--reason goes with --not-applicable NAME"));
    for (const QString &name : notApplicable)
        options.notApplicable.insert(name, reason);
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    if (!ctx.json())
        options.progress = [&ctx](const GateResult &r) {
            if (r.status == GateStatus::Running)
                ctx.err(QStringLiteral("running %1 ...").arg(r.name));
        };
    auto run = await((*session)->runGates(version, std::move(options)));
    if (!run)
        return ctx.report(run.error());
    if (ctx.json())
        ctx.printJson(gateRunToJson(*run));
    else
        printRun(ctx, *run);
    switch (run->verdict()) {
    case GateVerdict::Pass:
        return Ok;
    case GateVerdict::Fail:
        return Failed;
    case GateVerdict::Waiting:
        break;
    }
    return Inconclusive;
}

}  // namespace cockpit::cli
