// RollbackService: planning (store + git, on a pool thread), the typed confirmation and the
// second person's approval, the newest rollback with its interrupted steps, deploy locks and
// incidents. The step loop is rollback_run.cpp; the step executors are rollback_steps.cpp.
#include "git_service.h"
#include "release_service.h"
#include "rollback_incident.h"
#include "rollback_plan.h"
#include "rollback_service_p.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QtConcurrent>
#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace cockpit {

namespace {

template <typename T> QFuture<Result<T>> ready(Result<T> value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

QList<RollbackTagCandidate> tagCandidates(const Workspace &ws)
{
    QList<RollbackTagCandidate> list;
    auto git = GitService::open(ws.root, ws.policy.tagFormat);
    if (!git)
        return list;
    auto tags = git->tags();
    if (!tags)
        return list;
    for (const GitTagInfo &tag : *tags) {
        if (tag.version)
            list << RollbackTagCandidate {tag.name, tag.version->toString(), tag.targetSha};
    }
    return list;
}

Result<QList<RollbackCandidate>> releaseCandidates(Store *store)
{
    auto releases = store->releases().result();
    if (!releases)
        return std::unexpected(releases.error());
    auto passed = store->passedSoakVersions().result();
    if (!passed)
        return std::unexpected(passed.error());
    QList<RollbackCandidate> list;
    for (const ReleaseRecord &r : *releases)
        list << RollbackCandidate {
            r.version, r.commit, passed->contains(r.version), r.state == ReleaseState::Released};
    return list;
}

// Runs on a pool thread: the store answers from its own thread, git has its own handle here.
Result<RollbackPlan> computePlan(
    Store *store, const Workspace &ws, const QString &version, const QString &reason, const QString &trigger)
{
    auto release = store->release(version).result();
    if (!release)
        return std::unexpected(release.error());
    if (ws.policy.rollbackSteps.isEmpty())
        return fail(ErrorCode::Refused, QStringLiteral("the policy has no rollback steps (rollback.steps)"),
            ws.policy.locationOf(QStringLiteral("rollback")));
    auto deployments = store->deployments(version).result();
    if (!deployments)
        return std::unexpected(deployments.error());
    if (deployments->isEmpty())
        return fail(ErrorCode::Refused,
            QStringLiteral(
                "release %1 was never deployed: nothing to roll back (release deployed %1 --env ENV "
                "records a deployment)")
                .arg(version));
    auto candidates = releaseCandidates(store);
    if (!candidates)
        return std::unexpected(candidates.error());
    auto target = resolveRollbackTarget(ws.policy, version, *candidates, tagCandidates(ws));
    if (!target)
        return std::unexpected(target.error());
    RollbackPlanInput input {version, deployments->last().environment, release->commit, reason, trigger, *target, {}};
    if (ws.policy.canary && input.environment == ws.policy.canary->environment) {
        auto events = store->canaryEvents(version).result();
        if (!events)
            return std::unexpected(events.error());
        if (const CanaryStatus canary = foldCanary(*ws.policy.canary, *events); canary.active())
            input.canaryPercent = canary.percent;
    }
    return buildRollbackPlan(ws.policy, input);
}

}  // namespace

Store *RollbackService::Private::store() const
{
    return releases->store();
}

QString RollbackService::Private::actor() const
{
    return releases->identity().id;
}

QString RollbackService::Private::runnerId()
{
    return QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(QCoreApplication::applicationPid());
}

bool RollbackService::Private::runnerAliveElsewhere(const QString &runner)
{
    const QString host = runner.section(u':', 0, -2);
    bool ok = false;
    const qint64 pid = runner.section(u':', -1).toLongLong(&ok);
    if (!ok || pid <= 0 || host != QHostInfo::localHostName() || pid == QCoreApplication::applicationPid())
        return false;
    // Signal 0 checks the process exists without touching it. Another host's runner cannot be
    // checked from here: it is treated as gone (a person decides whether to retry).
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

int RollbackService::Private::nextIndex(const RollbackRecord &record)
{
    for (const RollbackStepRecord &step : record.steps) {
        if (step.state != RollbackStepState::Succeeded && step.state != RollbackStepState::Skipped)
            return step.index;
    }
    return -1;
}

RollbackRecord RollbackService::Private::withInterruptions(RollbackRecord record, qint64 drivenId)
{
    for (RollbackStepRecord &step : record.steps) {
        if (step.state != RollbackStepState::Running)
            continue;
        const bool ours = step.runner == runnerId() && drivenId == record.id;
        if (!ours && !runnerAliveElsewhere(step.runner))
            step.state = RollbackStepState::Interrupted;
    }
    return record;
}

RollbackService::RollbackService(ReleaseService *releases, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->releases = releases;
    d->network = new QNetworkAccessManager(this);
    d->probes = new ProbeRunner(this);
}

RollbackService::~RollbackService()
{
    delete d->executor;  // kills a running step's process group
}

QFuture<Result<RollbackPlan>> RollbackService::plan(QString version, QString reason, QString trigger)
{
    Store *store = d->store();
    const Workspace ws = d->releases->workspace();
    return QtConcurrent::run(
        [store, ws, version, reason, trigger] { return computePlan(store, ws, version, reason, trigger); });
}

QFuture<Result<RollbackRecord>> RollbackService::confirm(RollbackPlan plan, QString typedVersion)
{
    // Exactly as shown: a stray space or a different case is not the confirmation asked for.
    if (typedVersion != plan.version)
        return ready<RollbackRecord>(fail(ErrorCode::Refused,
            QStringLiteral("type the version %1 to confirm the rollback (got '%2')")
                .arg(plan.version, typedVersion)));
    // The incident's cause is the trigger or this reason: an empty cause helps nobody afterwards.
    if (plan.trigger.trimmed().isEmpty() && plan.reason.trimmed().isEmpty())
        return ready<RollbackRecord>(fail(ErrorCode::Usage,
            QStringLiteral("a rollback needs a reason (--reason T): it becomes the incident's cause")));
    RollbackRecord record;
    record.version = plan.version;
    record.state = plan.twoPerson ? RollbackState::AwaitingApproval : RollbackState::Running;
    record.plan = std::move(plan);
    return d->store()->createRollback(record, d->actor());
}

QFuture<Result<RollbackRecord>> RollbackService::approve(qint64 rollbackId)
{
    return d->store()->approveRollback(rollbackId, d->actor());
}

QFuture<Result<RollbackRecord>> RollbackService::latest(QString version)
{
    Store *store = d->store();
    const qint64 driven = d->executor ? d->activeId : 0;
    return QtConcurrent::run([store, version, driven]() -> Result<RollbackRecord> {
        auto list = store->rollbacks(version).result();
        if (!list)
            return std::unexpected(list.error());
        if (list->isEmpty())
            return fail(ErrorCode::NotFound, QStringLiteral("release %1 has no rollback").arg(version));
        return Private::withInterruptions(list->first(), driven);
    });
}

void RollbackService::setDefaultTimeout(std::chrono::milliseconds timeout)
{
    d->defaultTimeout = timeout;
}

bool RollbackService::isRunning() const
{
    return d->executor || d->busy;
}

QFuture<Result<std::optional<DeployLock>>> RollbackService::deployLock(QString version)
{
    return d->store()->deployLock(version);
}

QFuture<Result<DeployLock>> RollbackService::liftDeployLock(QString version, QString reason)
{
    if (reason.trimmed().isEmpty())
        return ready<DeployLock>(fail(ErrorCode::BadInput,
            QStringLiteral("lifting the deploy lock of %1 needs a reason").arg(version)));
    return d->store()->liftDeployLock(version, reason, d->actor());
}

QFuture<Result<QList<Incident>>> RollbackService::incidents(QString version)
{
    Store *store = d->store();
    const Policy policy = d->releases->workspace().policy;
    const qint64 driven = d->executor ? d->activeId : 0;
    return QtConcurrent::run([store, policy, version, driven]() -> Result<QList<Incident>> {
        auto list = store->rollbacks(version).result();
        if (!list)
            return std::unexpected(list.error());
        auto audit = store->auditLog(version).result();
        if (!audit)
            return std::unexpected(audit.error());
        QList<Incident> incidents;
        for (const RollbackRecord &r : *list)
            incidents << buildIncident(Private::withInterruptions(r, driven), *audit, policy);
        return incidents;
    });
}

}  // namespace cockpit
