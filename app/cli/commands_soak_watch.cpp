// soak watch VERSION --env ENV (issue 15 item 3b): the live soak of the release's latest
// deployment to ENV, headless, for a server or a CI job. The session's monitor measures the
// checks, reads the query triggers, probes the environments of probe triggers every
// soak.probe_interval, and starts the rollback of an `automatic: true` trigger by itself
// (Session::watchSoak). One line on stdout per change: a measurement, a probe turning, a trigger,
// the rollback, the verdict. It ends when the soak is over or failed (after an automatic rollback
// halted or finished), or on SIGINT/SIGTERM, stores the soak like `soak evaluate` and exits with
// its verdict: 0 PASS, 1 FAIL, 2 INCONCLUSIVE (or interrupted before a verdict).
#include "cli_context.h"
#include "commands.h"
#include "prometheus_client.h"
#include "soak_monitor.h"

#include <QEventLoop>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QSocketNotifier>
#include <csignal>
#include <utility>
#include <sys/socket.h>
#include <unistd.h>

namespace cockpit::cli {
namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

// SIGINT and SIGTERM end the watch from the event loop (a self-pipe), restored on destruction.
class StopSignals {
public:
    explicit StopSignals(std::function<void(int)> stop)
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, [stop = std::move(stop)] {
            char c = 0;
            [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &c, 1);
            stop(c);
        });
        struct sigaction action {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &m_oldInt);
        ::sigaction(SIGTERM, &action, &m_oldTerm);
    }
    ~StopSignals()
    {
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
        m_notifier.reset();
        for (int &fd : g_signalPipe)
            if (fd >= 0)
                ::close(std::exchange(fd, -1));
    }

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_oldInt {};
    struct sigaction m_oldTerm {};
};

QString utc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
}

// Prints what changed between two passes of the monitor: new measurements, triggers that fired,
// the verdict.
class WatchPrinter {
public:
    explicit WatchPrinter(CliContext &ctx)
        : m_ctx(ctx)
    {
    }
    void evaluated(const SoakEvaluation &e)
    {
        for (const CheckResult &c : e.checks)
            for (const Measurement &m : c.measurements) {
                if (m.status == MeasurementStatus::Pending)
                    continue;
                const QString key = c.name + utc(m.time);
                const QString line = QStringLiteral("%1 %2: %3").arg(measurementStatusName(m.status), c.name, m.detail);
                if (m_measured.value(key) == line)
                    continue;
                m_measured.insert(key, line);
                m_ctx.out(QStringLiteral("%1 measurement %2").arg(utc(m.time), line));
            }
        if (e.verdict != m_verdict || e.reason != m_reason) {
            m_verdict = e.verdict;
            m_reason = e.reason;
            m_ctx.out(QStringLiteral("%1 verdict %2: %3").arg(utc(e.evaluatedAt), soakVerdictName(e.verdict).toUpper(), e.reason));
        }
    }
    void fired(const SoakEvaluation &e, const QString &name, const QString &version)
    {
        for (const TriggerResult &t : e.triggers) {
            if (t.name != name)
                continue;
            m_ctx.out(QStringLiteral("%1 trigger \"%2\" FIRED (%3%4): %5")
                          .arg(utc(t.since.value_or(e.evaluatedAt)), t.name, t.kind,
                              t.severity.isEmpty() ? QString() : QStringLiteral(", ") + t.severity, t.reason));
            if (isRollbackAction(t.action) && !m_automatic.contains(name))
                m_ctx.out(QStringLiteral("%1 trigger \"%2\" asks for a rollback (%3), not automatic: "
                                         "release-cockpit rollback %4 --dry-run shows the plan")
                              .arg(utc(e.evaluatedAt), t.name, t.action, version));
        }
    }
    void setAutomatic(const QList<TriggerPolicy> &triggers)
    {
        for (const TriggerPolicy &t : triggers)
            if (t.automatic && isRollbackAction(t.action))
                m_automatic.insert(t.name);
    }

private:
    CliContext &m_ctx;
    QMap<QString, QString> m_measured;
    SoakVerdict m_verdict = SoakVerdict::Running;
    QString m_reason;
    QSet<QString> m_automatic;
};

QString nowText()
{
    return utc(QDateTime::currentDateTimeUtc());
}

}  // namespace

int runSoakWatch(CliContext &ctx)
{
    const QStringList w = ctx.words();
    const QString env = ctx.option(QStringLiteral("env"));
    if (w.size() != 3 || env.isEmpty())
        return ctx.usage(QStringLiteral("usage: soak watch VERSION --env ENV"));
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    Session *s = *session;
    if (auto known = s->environment(env); !known)
        return ctx.report(known.error());
    auto release = s->store()->release(w[2]).result();
    if (!release)
        return ctx.report(release.error());
    auto deployments = s->store()->deployments(release->version).result();
    if (!deployments)
        return ctx.report(deployments.error());
    std::optional<Deployment> last;
    for (const Deployment &d : *deployments)
        if (d.environment == env && (!last || d.deployedAt > last->deployedAt))
            last = d;
    if (!last)
        return ctx.report({ErrorCode::NotFound,
            QStringLiteral("no deployment of %1 to %2 is recorded, so there is no soak to watch: record it with "
                           "'release deployed %1 --env %2'")
                .arg(release->version, env)});
    auto prometheus = s->prometheus();
    if (!prometheus)
        return ctx.report(prometheus.error());
    if (auto ready = await(s->prometheusReady()); !ready && ready.error().code != ErrorCode::NotFound)
        ctx.err(QStringLiteral("warning: %1; asking Prometheus without credentials").arg(ready.error().message));
    const Policy &policy = s->workspace().policy;
    const SoakPlan plan = soakPlanFor(policy, env, release->version, last->deployedAt);
    if (plan.checks.isEmpty() && plan.triggers.isEmpty())
        return ctx.report({ErrorCode::BadInput, QStringLiteral("the policy has no soak checks or triggers"),
            policy.locationOf(QStringLiteral("soak"))});
    std::unique_ptr<SoakMonitor> monitor(s->createSoakMonitor(nullptr));

    QEventLoop loop;
    WatchPrinter printer(ctx);
    printer.setAutomatic(plan.triggers);
    bool soakOver = false;
    bool rollbackSettled = true;  // no automatic rollback under way
    QString interrupted;
    const auto maybeEnd = [&] {
        if (!interrupted.isEmpty() || (soakOver && rollbackSettled))
            loop.quit();
    };
    QObject::connect(monitor.get(), &SoakMonitor::updated, &loop, [&](const SoakEvaluation &e) {
        printer.evaluated(e);
        // A FAIL cannot turn back: the watch ends once what it started has settled.
        if (e.verdict == SoakVerdict::Fail) {
            soakOver = true;
            QMetaObject::invokeMethod(&loop, maybeEnd, Qt::QueuedConnection);
        }
    });
    QObject::connect(monitor.get(), &SoakMonitor::finished, &loop, [&](const SoakEvaluation &) {
        soakOver = true;
        maybeEnd();
    });
    QObject::connect(monitor.get(), &SoakMonitor::triggerFired, &loop, [&](const QString &name, const QString &) {
        printer.fired(monitor->evaluation(), name, release->version);
    });
    QHash<QString, bool> probeOk;
    QObject::connect(monitor.get(), &SoakMonitor::probed, &loop, [&](const QString &e, bool ok, const QString &detail) {
        if (probeOk.contains(e) && probeOk.value(e) == ok)
            return;
        probeOk.insert(e, ok);
        ctx.out(QStringLiteral("%1 probe %2 %3%4")
                    .arg(nowText(), e, ok ? QStringLiteral("passing") : QStringLiteral("FAILING"),
                        ok || detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
    });
    QObject::connect(monitor.get(), &SoakMonitor::stale, &loop,
        [&](const QString &why) { ctx.out(QStringLiteral("%1 stale: %2").arg(nowText(), why)); });
    QObject::connect(monitor.get(), &SoakMonitor::recovered, &loop,
        [&] { ctx.out(QStringLiteral("%1 recovered: Prometheus answers again").arg(nowText())); });
    QObject::connect(s, &Session::changed, &loop, [&](const SessionEvent &event) {
        if (event.kind != SessionEvent::Kind::AutomaticRollback)
            return;
        rollbackSettled = event.verdict != u"started";
        ctx.out(QStringLiteral("%1 rollback %2: %3").arg(nowText(), event.verdict, event.detail));
        maybeEnd();
    });
    StopSignals stopSignals([&](int) {
        interrupted = QStringLiteral("interrupted");
        loop.quit();
    });
    ctx.out(QStringLiteral("%1 watching the soak of %2 in %3 since %4 until %5 (Prometheus %6)")
                .arg(nowText(), release->version, env, utc(plan.start),
                    utc(soakEnd(plan.checks, plan.start, plan.duration)),
                    (*prometheus)->baseUrl().toString(QUrl::RemoveUserInfo)));
    // After the lines above are connected: a fired trigger prints before the rollback it starts.
    s->watchSoak(monitor.get(), release->version);
    monitor->startLive(plan);
    loop.exec();
    monitor->stop();
    const SoakEvaluation evaluation = monitor->evaluation();
    if (!interrupted.isEmpty()) {
        // Not stored: a watch stopped half-way is no soak of the deployment.
        ctx.out(QStringLiteral("%1 stopped (signal) with the soak %2: %3")
                    .arg(nowText(), soakVerdictName(evaluation.verdict).toUpper(), evaluation.reason));
        return evaluation.verdict == SoakVerdict::Fail ? Failed
            : evaluation.verdict == SoakVerdict::Pass  ? Ok
                                                       : Inconclusive;
    }
    auto stored = await(s->recordSoakEnd(release->version, monitor->recording(), evaluation));
    if (!stored)
        ctx.err(QStringLiteral("warning: the soak recording was not stored: %1").arg(stored.error().toString()));
    ctx.out(QStringLiteral("%1 soak of %2 in %3 ended %4%5: %6")
                .arg(nowText(), release->version, env, soakVerdictName(evaluation.verdict).toUpper(),
                    stored ? QStringLiteral(" (stored as %1)").arg(soakRunName(stored->run)) : QString(),
                    evaluation.reason));
    switch (evaluation.verdict) {
    case SoakVerdict::Pass:
        return Ok;
    case SoakVerdict::Fail:
        return Failed;
    default:
        return Inconclusive;
    }
}

}  // namespace cockpit::cli
