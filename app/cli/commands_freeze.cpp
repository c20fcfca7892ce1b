// freeze start --reason T | freeze end [--reason T] | freeze status: the workspace-wide
// stop-the-line (session_freeze.cpp) and the policy's freeze windows in force.
#include "cli_context.h"
#include "commands.h"
#include "store.h"

#include <QJsonArray>

namespace cockpit::cli {

namespace {

QString when(const QDateTime &at)
{
    return readinessTime(at);
}

QJsonObject stopJson(const StopTheLine &s)
{
    return {{QStringLiteral("reason"), s.reason}, {QStringLiteral("started_by"), s.startedBy},
        {QStringLiteral("started_at"), s.startedAt.toUTC().toString(Qt::ISODate)}, {QStringLiteral("active"), s.active()},
        {QStringLiteral("ended_by"), s.endedBy},
        {QStringLiteral("ended_at"), s.endedAt.isValid() ? s.endedAt.toUTC().toString(Qt::ISODate) : QString()}};
}

}  // namespace

int runFreezeStart(CliContext &ctx)
{
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    auto stop = (*session)->startStopTheLine(ctx.option(QStringLiteral("reason"))).result();
    if (!stop)
        return ctx.report(stop.error());
    ctx.err(QStringLiteral("The line is stopped: every deploy and forward move is held until `release-cockpit freeze end`."));
    if (ctx.json())
        ctx.printJson(stopJson(*stop));
    return Ok;
}

int runFreezeEnd(CliContext &ctx)
{
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    auto stop = (*session)->endStopTheLine(ctx.option(QStringLiteral("reason"))).result();
    if (!stop)
        return ctx.report(stop.error());
    ctx.err(QStringLiteral("The line moves again (stopped %1 by %2: %3).").arg(when(stop->startedAt), stop->startedBy, stop->reason));
    if (ctx.json())
        ctx.printJson(stopJson(*stop));
    return Ok;
}

int runFreezeStatus(CliContext &ctx)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    auto store = ctx.openStore({}, CliContext::StoreAccess::Read);
    if (!store)
        return ctx.report(store.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto stop = (*store)->stopTheLine().result();
    if (!stop)
        return ctx.report(stop.error());
    const QList<FreezeSpan> inForce = freezeSpans(ws->policy.freezeWindows, now, now.addSecs(1));
    const QList<FreezeSpan> upcoming = freezeSpans(ws->policy.freezeWindows, now.addSecs(1), now.addDays(14));
    if (ctx.json()) {
        const auto spans = [](const QList<FreezeSpan> &list) {
            QJsonArray a;
            for (const FreezeSpan &s : list)
                a << QJsonObject {{QStringLiteral("name"), s.name}, {QStringLiteral("reason"), s.reason},
                    {QStringLiteral("start"), s.start.toString(Qt::ISODate)}, {QStringLiteral("end"), s.end.toString(Qt::ISODate)},
                    {QStringLiteral("exempt"), QJsonArray::fromStringList(s.exempt)}};
            return a;
        };
        ctx.printJson({{QStringLiteral("stop_the_line"), *stop ? QJsonValue(stopJson(**stop)) : QJsonValue()},
            {QStringLiteral("in_force"), spans(inForce)}, {QStringLiteral("upcoming"), spans(upcoming)}});
    } else {
        ctx.out(*stop ? QStringLiteral("Stop-the-line since %1 by %2: %3").arg(when((*stop)->startedAt), (*stop)->startedBy, (*stop)->reason)
                      : QStringLiteral("The line is not stopped."));
        for (const FreezeSpan &s : inForce)
            ctx.out(QStringLiteral("In force: freeze window %1 until %2%3")
                        .arg(s.name, when(s.end),
                            s.exempt.isEmpty() ? QString() : QStringLiteral(" (exempt: %1)").arg(s.exempt.join(QStringLiteral(", ")))));
        for (const FreezeSpan &s : upcoming)
            ctx.out(QStringLiteral("Next: freeze window %1 from %2 to %3").arg(s.name, when(s.start), when(s.end)));
    }
    return (*stop || !inForce.isEmpty()) ? Failed : Ok;  // exit 1 while deploys are held
}

}  // namespace cockpit::cli
