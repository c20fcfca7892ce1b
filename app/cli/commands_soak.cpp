// probe ENV [--release VERSION] | soak evaluate VERSION --env ENV [--from T] [--to T]: the post-deploy checks of
// seed 002 from the command line. Results are stored (probe results, soak recordings) and, on
// PASS only, tick the checklist items bound to `check: probe ENV` / `check: soak ENV` (a soak
// only when it is of this deployment: Session::soakEvidenceGap). A --from/--to window is a
// what-if: labelled so, kept in the audit log only, ticking nothing.
#include "cli_context.h"
#include "commands.h"
#include "prometheus_client.h"
#include "soak_monitor.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>

namespace cockpit::cli {
namespace {

// "version GET http://host/api/health, JSON pointer /version": where the version was read.
QString probeTarget(const ProbeCheckResult &c)
{
    if (c.kind != u"version" || c.url.isEmpty())
        return c.target;
    return QStringLiteral("%1, JSON pointer %2").arg(c.url, c.pointer);
}

// RFC 3339 ("2026-01-11T10:00:00Z", "...+01:00") or Unix seconds ("1768125600").
Result<QDateTime> parseTime(const QString &option, const QString &text)
{
    static const QRegularExpression unix(QStringLiteral("^\\d+(\\.\\d+)?$"));
    if (unix.match(text).hasMatch())
        return QDateTime::fromMSecsSinceEpoch(qint64(text.toDouble() * 1000), Qt::UTC);
    static const QRegularExpression zone(
        QStringLiteral("(Z|[+-]\\d\\d:\\d\\d)$"), QRegularExpression::CaseInsensitiveOption);
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid() || !zone.match(text).hasMatch())
        return fail(ErrorCode::Usage,
            QStringLiteral(
                "--%1: expected RFC 3339 with a zone (2026-01-11T10:00:00Z) or Unix seconds, got '%2'")
                .arg(option, text));
    return t.toUTC();
}

QString timeText(const std::optional<QDateTime> &t)
{
    return t && t->isValid() ? t->toUTC().toString(Qt::ISODate) : QString();
}

QJsonValue number(const std::optional<double> &v)
{
    return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject evaluationJson(
    const SoakEvaluation &e, const SoakPlan &plan, bool whatIf, const std::optional<SoakRunOutcome> &stored)
{
    QJsonArray checks;
    for (const CheckResult &c : e.checks) {
        QJsonArray measurements;
        for (const Measurement &m : c.measurements)
            measurements.append(QJsonObject {{QStringLiteral("time"), timeText(m.time)},
                {QStringLiteral("sample_time"),
                    m.sampleTime ? QJsonValue(timeText(m.sampleTime)) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("value"), number(m.value)},
                {QStringLiteral("status"), measurementStatusName(m.status)},
                {QStringLiteral("detail"), m.detail}});
        checks.append(QJsonObject {{QStringLiteral("name"), c.name},
            {QStringLiteral("status"), checkStatusName(c.status)}, {QStringLiteral("failures"), c.failures},
            {QStringLiteral("failure_limit"), c.failureLimit},
            {QStringLiteral("consecutive_errors"), c.consecutiveErrors}, {QStringLiteral("reason"), c.reason},
            {QStringLiteral("measurements"), measurements}});
    }
    QJsonArray triggers;
    for (const TriggerResult &t : e.triggers)
        triggers.append(QJsonObject {{QStringLiteral("name"), t.name}, {QStringLiteral("fired"), t.fired},
            {QStringLiteral("since"), t.since ? QJsonValue(timeText(t.since)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("severity"), t.severity}, {QStringLiteral("kind"), t.kind},
            {QStringLiteral("error"), t.error}});
    QJsonObject o {{QStringLiteral("verdict"), soakVerdictName(e.verdict)},
        {QStringLiteral("env"), plan.environment}, {QStringLiteral("version"), plan.version},
        {QStringLiteral("start"), timeText(e.start)}, {QStringLiteral("end"), timeText(e.end)},
        {QStringLiteral("evaluated_at"), timeText(e.evaluatedAt)}, {QStringLiteral("reason"), e.reason},
        {QStringLiteral("checks"), checks}, {QStringLiteral("triggers"), triggers},
        {QStringLiteral("what_if"), whatIf}};
    // The run this evaluation was stored as (null when it could not be stored).
    o.insert(QStringLiteral("run"), stored ? QJsonValue(soakRunToJson(stored->run)) : QJsonValue(QJsonValue::Null));
    return o;
}

void printEvaluation(CliContext &ctx, const SoakEvaluation &e, const SoakPlan &plan, bool whatIf,
    const std::optional<SoakRunOutcome> &stored)
{
    ctx.out(QStringLiteral("%1 of %2 in %3, %4 .. %5: %6")
                .arg(whatIf ? QStringLiteral("What-if soak") : QStringLiteral("Soak"), plan.version,
                    plan.environment, timeText(e.start), timeText(e.end),
                    soakVerdictName(e.verdict).toUpper() + (whatIf ? QStringLiteral(" (what-if)") : QString())));
    if (stored)
        ctx.out(QStringLiteral("  Stored as %1%2, policy digest %3")
                    .arg(soakRunName(stored->run),
                        stored->run.deployedAt.isValid()
                            ? QStringLiteral(" of the deployment at %1").arg(timeText(stored->run.deployedAt))
                            : QString(),
                        stored->run.policyDigest.left(12)));
    for (const CheckResult &c : e.checks)
        ctx.out(QStringLiteral("  %1 %2: %3")
                    .arg(checkStatusName(c.status).toUpper(), -12)
                    .arg(c.name, c.reason));
    for (const TriggerResult &t : e.triggers)
        if (t.fired)
            ctx.out(QStringLiteral("  FIRED         %1 (%2) since %3")
                        .arg(t.name, t.severity, timeText(t.since)));
    if (!e.reason.isEmpty())
        ctx.out(QStringLiteral("  %1").arg(e.reason));
}

}  // namespace

int runProbe(CliContext &ctx)
{
    const QStringList w = ctx.words();
    if (w.size() != 2)
        return ctx.usage(QStringLiteral("usage: probe ENV [--release VERSION]"));
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    const QString named = ctx.option(QStringLiteral("release"));
    std::optional<ReleaseRecord> release;
    if (!named.isEmpty()) {
        auto found = (*session)->store()->release(named).result();
        if (!found)
            return ctx.report(found.error());
        release = *found;
    } else {
        auto deployed = await((*session)->releaseDeployedIn(w[1]));
        if (!deployed)
            return ctx.report(deployed.error());
        release = *deployed;
    }
    if (!release)
        ctx.err(QStringLiteral("No release is recorded as deployed in %1 and none was named (--release VERSION): "
                               "the deployed version is not checked and no checklist item is ticked.")
                    .arg(w[1]));
    else
        ctx.err(QStringLiteral("Checking %1 against release %2 (%3).")
                    .arg(w[1], release->version,
                        named.isEmpty() ? QStringLiteral("deployed there") : QStringLiteral("--release")));
    auto outcome = await((*session)->probe(w[1], release));
    if (!outcome)
        return ctx.report(outcome.error());
    for (const QString &warning : outcome->warnings)
        ctx.err(QStringLiteral("warning: %1").arg(warning));
    for (const ChecklistItem &item : outcome->ticked)
        ctx.err(QStringLiteral("Ticked \"%1\" (probe %2 PASS).").arg(item.text, w[1]));
    const ProbeReport *report = &outcome->report;
    const QString version = release ? release->version : QString();
    if (ctx.json()) {
        QJsonObject o = report->toJson();
        if (!version.isEmpty())
            o.insert(QStringLiteral("version"), version);
        ctx.printJson(o);
    } else {
        for (const ProbeCheckResult &c : report->checks)
            ctx.out(QStringLiteral("%1  %2 %3: %4%5 (%6 ms)")
                        .arg(c.ok ? QStringLiteral("ok  ") : QStringLiteral("FAIL"), c.kind, probeTarget(c),
                            c.actual, c.ok ? QString() : QStringLiteral(", expected %1").arg(c.expected))
                        .arg(c.latencyMs));
        ctx.out(report->summary());
    }
    return report->ok ? Ok : Failed;
}

namespace {

struct SoakWindow {
    QDateTime start;
    QDateTime end;  // invalid: the soak's own end
    std::optional<std::chrono::seconds> duration;
    bool whatIf = false;  // given with --from/--to: never the release's soak, never a tick
};

// --from/--to, else the release's latest deployment to env (PRODUCT.md: "the soak of the
// release's deployment to that environment").
Result<SoakWindow> windowFor(CliContext &ctx, Store *store, const QString &version, const QString &env)
{
    const QString from = ctx.option(QStringLiteral("from")), to = ctx.option(QStringLiteral("to"));
    if (!from.isEmpty() || !to.isEmpty()) {
        if (from.isEmpty())
            return fail(ErrorCode::Usage, QStringLiteral("--to needs --from"));
        auto start = parseTime(QStringLiteral("from"), from);
        if (!start)
            return std::unexpected(start.error());
        SoakWindow window {*start, {}, std::nullopt, true};
        if (!to.isEmpty()) {
            auto end = parseTime(QStringLiteral("to"), to);
            if (!end)
                return std::unexpected(end.error());
            if (*end <= *start)
                return fail(ErrorCode::Usage, QStringLiteral("--to must be after --from"));
            window.end = *end;
            window.duration = std::chrono::seconds(start->secsTo(*end));
        }
        return window;
    }
    auto deployments = store->deployments(version).result();
    if (!deployments)
        return std::unexpected(deployments.error());
    std::optional<Deployment> last;
    for (const Deployment &d : *deployments)
        if (d.environment == env && (!last || d.deployedAt > last->deployedAt))
            last = d;
    if (!last)
        return fail(ErrorCode::NotFound,
            QStringLiteral(
                "no deployment of %1 to %2 is recorded, so there is no soak to evaluate: record it with "
                "'release deployed %1 --env %2', or give the window with --from and --to")
                .arg(version, env));
    return SoakWindow {last->deployedAt, {}, std::nullopt, false};
}

// Nothing of the window is due yet: no check has a measurement that is not Pending.
bool allPending(const SoakEvaluation &e)
{
    if (e.checks.isEmpty())
        return false;
    for (const CheckResult &c : e.checks)
        for (const Measurement &m : c.measurements)
            if (m.status != MeasurementStatus::Pending)
                return false;
    return true;
}

// What is pending and when the first measurement is due, so "nothing yet" is not read as a fault.
int reportAllPending(CliContext &ctx, const SoakEvaluation &e, const SoakPlan &plan)
{
    std::optional<QDateTime> first;
    QString firstCheck;
    ctx.err(QStringLiteral("Nothing to judge yet: every measurement of the soak of %1 in %2 is still pending.")
                .arg(plan.version, plan.environment));
    for (const CheckResult &c : e.checks) {
        ctx.err(QStringLiteral("  %1: %2 pending%3")
                    .arg(c.name)
                    .arg(c.measurements.size())
                    .arg(c.nextMeasurement ? QStringLiteral(", next at %1").arg(timeText(c.nextMeasurement))
                                           : QString()));
        if (c.nextMeasurement && (!first || *c.nextMeasurement < *first)) {
            first = c.nextMeasurement;
            firstCheck = c.name;
        }
    }
    if (first)
        ctx.err(QStringLiteral("The first measurement (%1) is due at %2; evaluate again after that.")
                    .arg(firstCheck, timeText(first)));
    return Inconclusive;
}

// Names the Prometheus asked and the two ways to point elsewhere.
int reportSilentPrometheus(CliContext &ctx, const QString &url, const QString &outage)
{
    ctx.err(QStringLiteral("release-cockpit: Prometheus at %1 did not answer%2.")
                .arg(url, outage.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(outage)));
    ctx.err(QStringLiteral("Point elsewhere with --prometheus URL, or set the policy key prometheus.url in "
                           ".release-cockpit/policy.yml."));
    return Unavailable;
}

}  // namespace

int runSoak(CliContext &ctx)
{
    const QStringList w = ctx.words();
    const QString env = ctx.option(QStringLiteral("env"));
    if (w.size() != 3 || w[1] != QLatin1String("evaluate") || env.isEmpty())
        return ctx.usage(QStringLiteral("usage: soak evaluate VERSION --env ENV [--from T] [--to T]"));
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    if (auto known = (*session)->environment(env); !known)
        return ctx.report(known.error());
    const Workspace *ws = &(*session)->workspace();
    Store *store = (*session)->store();
    auto release = store->release(w[2]).result();
    if (!release)
        return ctx.report(release.error());
    auto window = windowFor(ctx, store, release->version, env);
    if (!window)
        return ctx.report(window.error());
    auto prometheus = (*session)->prometheus();
    if (!prometheus)
        return ctx.report(prometheus.error());
    const QString prometheusUrl = (*prometheus)->baseUrl().toString(QUrl::RemoveUserInfo);
    // A credential the keychain cannot give means none: a Prometheus that needs one answers 401,
    // never a PASS.
    if (auto ready = await((*session)->prometheusReady()); !ready && ready.error().code != ErrorCode::NotFound)
        ctx.err(QStringLiteral("warning: %1; asking Prometheus without credentials").arg(ready.error().message));
    const SoakPlan plan = soakPlanFor(ws->policy, env, release->version, window->start, window->duration);
    if (plan.checks.isEmpty())
        return ctx.report({ErrorCode::BadInput, QStringLiteral("the policy has no soak checks"),
            ws->policy.locationOf(QStringLiteral("soak"))});
    std::unique_ptr<SoakMonitor> monitor((*session)->createSoakMonitor(nullptr));
    QEventLoop loop;
    bool done = false;
    QObject::connect(monitor.get(), &SoakMonitor::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    const QDateTime end
        = window->end.isValid() ? window->end : soakEnd(plan.checks, plan.start, plan.duration);
    monitor->evaluateWindow(plan, end);
    if (!done)
        loop.exec();
    const SoakEvaluation evaluation = monitor->evaluation();
    SoakRecording recording = monitor->recording();
    recording.whatIf = window->whatIf;
    auto finished = await((*session)->recordSoakEnd(release->version, recording, evaluation));
    std::optional<SoakRunOutcome> stored;
    if (!finished)
        ctx.err(QStringLiteral("warning: the soak recording was not stored: %1").arg(finished.error().toString()));
    else
        stored = *finished;
    if (stored)
        for (const ChecklistItem &item : stored->ticked)
            ctx.err(QStringLiteral("Ticked \"%1\" (soak %2 PASS, %3).").arg(item.text, env, soakRunName(stored->run)));
    if (window->whatIf)
        ctx.err(QStringLiteral("What-if: a window given with --from/--to is kept as a what-if run; it is not the "
                               "release's soak and ticks no checklist item."));
    else if (stored && stored->run.kind == SoakRunKind::Recheck)
        ctx.err(QStringLiteral("Re-check: the soak of this deployment is already settled (soak history keeps "
                               "both); this run ticks nothing and does not replace it."));
    else if (stored && stored->ticked.isEmpty() && evaluation.verdict == SoakVerdict::Pass)
        if (const QString gap = Session::soakEvidenceGap(store, ws->policy, release->version, env,
                recording.start, evaluation.end);
            !gap.isEmpty())
            ctx.err(QStringLiteral("No checklist item ticked: %1.").arg(gap));
    if (ctx.json())
        ctx.printJson(evaluationJson(evaluation, plan, window->whatIf, stored));
    else
        printEvaluation(ctx, evaluation, plan, window->whatIf, stored);
    switch (evaluation.verdict) {
    case SoakVerdict::Pass:
        return Ok;
    case SoakVerdict::Fail:
        return Failed;
    default:
        // Nothing due is not a fault: say what waits and when, whatever Prometheus answered.
        if (allPending(evaluation))
            return reportAllPending(ctx, evaluation, plan);
        // Nothing answered at all: the verdict says INCONCLUSIVE, the exit code says why.
        return monitor->prometheusSilent() ? reportSilentPrometheus(ctx, prometheusUrl, monitor->outage())
                                           : Inconclusive;
    }
}

}  // namespace cockpit::cli
