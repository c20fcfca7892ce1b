// canary start|advance|pause|resume|abort VERSION [--reason T] | canary status VERSION
// | canary watch VERSION [--interval S]: the canary use cases of session_canary*.cpp.
#include "canary_json.h"
#include "cli_context.h"
#include "commands.h"

#include <QJsonArray>
#include <QTimer>
#include <csignal>

namespace cockpit::cli {

namespace {

QString timeText(const std::optional<QDateTime> &at)
{
    return at ? at->toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject canaryJson(const Session::CanaryView &view)
{
    QJsonObject o = canaryStatusToJson(view.environment, view.status);
    if (view.decision) {
        o.insert(QStringLiteral("next"), view.decision->reason);
        if (!view.decision->rollbackTrigger.isEmpty())
            o.insert(QStringLiteral("rollback_trigger"), view.decision->rollbackTrigger);
    }
    return o;
}

void printView(CliContext &ctx, const Session::CanaryView &view)
{
    if (ctx.json()) {
        ctx.printJson(canaryJson(view));
        return;
    }
    const CanaryStatus &s = view.status;
    const std::optional<QDateTime> passes = view.decision ? view.decision->at : s.phaseEndsAt;
    ctx.out(QStringLiteral("%1 in %2: %3").arg(view.events.value(0).version, view.environment,
        s.state == CanaryState::NotStarted ? QStringLiteral("no canary started") : s.headline(passes)));
    for (int i = 0; i < s.steps.size(); ++i) {
        const CanaryPhaseStep &step = s.steps.at(i);
        const QString mark = i == s.phase && s.active() ? QStringLiteral("▶") : step.endedAt ? QStringLiteral("✓") : QStringLiteral(" ");
        QString line = QStringLiteral("  %1 %2. %3 (%4%)").arg(mark).arg(i + 1).arg(step.name).arg(step.percent);
        if (step.startedAt)
            line += QStringLiteral(" from %1").arg(timeText(step.startedAt));
        if (step.endedAt)
            line += QStringLiteral(" to %1").arg(timeText(step.endedAt));
        if (!step.verdict.isEmpty())
            line += QStringLiteral(", %1").arg(step.verdict.toUpper());
        if (!step.advancedBy.isEmpty())
            line += QStringLiteral(", advanced by %1").arg(step.advancedBy);
        ctx.out(line);
    }
    if (!s.pausedReason.isEmpty())
        ctx.out(QStringLiteral("Paused: %1").arg(s.pausedReason));
    if (view.analysis) {
        // What the phase's analysis saw: each check's measurements that did not pass, with why.
        for (const CheckResult &check : view.analysis->checks) {
            ctx.out(QStringLiteral("  %1: %2").arg(check.name, checkStatusName(check.status)));
            for (const Measurement &m : check.measurements) {
                if (m.status != MeasurementStatus::Pass)
                    ctx.out(QStringLiteral("    %1 %2%3").arg(m.time.toUTC().toString(Qt::ISODateWithMs),
                        measurementStatusName(m.status), m.detail.isEmpty() ? QString() : QStringLiteral(": ") + m.detail));
            }
        }
    }
    if (view.decision && !view.decision->reason.isEmpty())
        ctx.out(QStringLiteral("Next: %1").arg(view.decision->reason));
    if (view.decision && !view.decision->rollbackTrigger.isEmpty())
        ctx.out(QStringLiteral("The trigger \"%1\" asks for a rollback: release-cockpit rollback %2 --reason T")
                    .arg(view.decision->rollbackTrigger, view.events.value(0).version));
}

int act(CliContext &ctx, Session::CanaryAction action)
{
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    Session::CanaryRequest request;
    request.version = ctx.words().value(2);
    request.action = action;
    request.reason = ctx.option(QStringLiteral("reason"));
    request.progress = [&ctx](const QString &line) { ctx.err(line); };
    auto view = await((*session)->canaryAct(request));
    if (!view)
        return ctx.report(view.error());
    printView(ctx, *view);
    return Ok;
}

volatile std::sig_atomic_t g_stop = 0;

}  // namespace

int runCanaryStart(CliContext &ctx) { return act(ctx, Session::CanaryAction::Start); }
int runCanaryAdvance(CliContext &ctx) { return act(ctx, Session::CanaryAction::Advance); }
int runCanaryPause(CliContext &ctx) { return act(ctx, Session::CanaryAction::Pause); }
int runCanaryResume(CliContext &ctx) { return act(ctx, Session::CanaryAction::Resume); }
int runCanaryAbort(CliContext &ctx) { return act(ctx, Session::CanaryAction::Abort); }

int runCanaryStatus(CliContext &ctx)
{
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    auto view = await((*session)->canary(ctx.words().value(2)));
    if (!view)
        return ctx.report(view.error());
    printView(ctx, *view);
    return Ok;
}

// Judges and moves the canary every --interval seconds until it completes (exit 0), pauses or is
// aborted (exit 1) or waits for a person (exit 2). SIGINT/SIGTERM stop it between passes.
int runCanaryWatch(CliContext &ctx)
{
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    bool ok = true;
    const int interval = ctx.isSet(QStringLiteral("interval")) ? ctx.option(QStringLiteral("interval")).toInt(&ok) : 60;
    if (!ok || interval < 1)
        return ctx.usage(QStringLiteral("--interval: expected whole seconds, at least 1"));
    std::signal(SIGINT, [](int) { g_stop = 1; });
    std::signal(SIGTERM, [](int) { g_stop = 1; });
    const QString version = ctx.words().value(2);
    QString last;
    while (true) {
        auto view = await((*session)->canaryStep(version));
        if (!view)
            return ctx.report(view.error());
        const QString line = view->status.headline(view->decision ? view->decision->at : std::nullopt)
            + (view->decision ? QStringLiteral(": ") + view->decision->reason : QString());
        if (line != last)
            ctx.err(QStringLiteral("%1 %2").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), line));
        last = line;
        const CanaryState state = view->status.state;
        const bool person = view->decision && view->decision->next == CanaryNext::AwaitPerson;
        if (state == CanaryState::Completed || state == CanaryState::Aborted || state == CanaryState::Paused
            || state == CanaryState::NotStarted || person) {
            // An automatic rollback the breach started runs to its end or its first manual step.
            while ((*session)->automaticRollbackRunning()) {
                QEventLoop loop;
                QTimer::singleShot(100, &loop, &QEventLoop::quit);
                loop.exec();
            }
            printView(ctx, *view);
            if (state == CanaryState::Completed)
                return Ok;
            return person ? Inconclusive : Failed;
        }
        for (int waited = 0; waited < interval * 10 && !g_stop; ++waited) {
            QEventLoop loop;
            QTimer::singleShot(100, &loop, &QEventLoop::quit);
            loop.exec();
        }
        if (g_stop) {
            ctx.err(QStringLiteral("Stopped; the canary goes on as stored: %1").arg(view->status.headline()));
            return Inconclusive;
        }
    }
}

}  // namespace cockpit::cli
