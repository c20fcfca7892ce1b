#include "metrics_service.h"

#include "canary.h"
#include "git_service.h"
#include "release_service.h"
#include "rollback_incident.h"
#include "store.h"
#include "workspace.h"

#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

Q_LOGGING_CATEGORY(lcMetrics, "cockpit.services.metrics")

namespace cockpit {
namespace {

// Each production release once, in the order it first reached production, with the commit deployed.
QList<Deployment> firstProductionDeployments(const QList<Deployment> &deployments, const QString &production)
{
    QList<Deployment> firsts;
    QSet<QString> seen;
    for (const Deployment &d : deployments) {
        if (d.environment == production && !seen.contains(d.version)) {
            seen.insert(d.version);
            firsts << d;
        }
    }
    std::stable_sort(firsts.begin(), firsts.end(),
        [](const auto &a, const auto &b) { return a.deployedAt < b.deployedAt; });
    return firsts;
}

QString commitOf(const Deployment &d, const QList<ReleaseRecord> &releases)
{
    if (!d.commit.isEmpty())
        return d.commit;
    for (const ReleaseRecord &r : releases) {
        if (r.version == d.version)
            return r.commit;
    }
    return {};
}

// Where the first release's changes start: the newest release tag before its commit.
QString baseOfFirst(const GitService &git, const QString &tagFormat, const QString &commit)
{
    auto tag = git.lastReleaseTag(tagFormat, commit + QStringLiteral("^"));
    if (tag && *tag && (*tag)->targetSha != commit)
        return (*tag)->targetSha;
    return {};  // from the root
}

// The rollback records' incidents, and for releases rolled back without a record (marked by hand,
// imported) the audit log's; the source says which were used.
Result<std::pair<QList<DoraIncident>, QString>> storedIncidents(Store *store, const Policy &policy,
    const QList<ReleaseRecord> &releases, const QList<Deployment> &deployments, const QString &production)
{
    auto rollbacks = store->rollbacks().result();
    if (!rollbacks)
        return std::unexpected(rollbacks.error());
    QList<DoraIncident> incidents;
    QSet<QString> recorded;
    for (const RollbackRecord &r : *rollbacks) {
        auto audit = store->auditLog(r.version).result();
        if (!audit)
            return std::unexpected(audit.error());
        const Incident i = buildIncident(r, *audit, policy);
        incidents << DoraIncident {i.version, i.cause, i.openedAt, i.recoveredAt};
        recorded.insert(r.version);
    }
    QList<ReleaseRecord> unrecorded;
    for (const ReleaseRecord &r : releases) {
        if (!recorded.contains(r.version))
            unrecorded << r;
    }
    auto fromAudit = MetricsService::incidentsFromAudit(store, unrecorded, deployments, production);
    if (!fromAudit)
        return std::unexpected(fromAudit.error());
    incidents += *fromAudit;
    QStringList sources;
    if (!recorded.isEmpty() || fromAudit->isEmpty())
        sources << QStringLiteral("rollbacks");
    if (!fromAudit->isEmpty())
        sources << QStringLiteral("audit");
    return std::pair {incidents, sources.join(u'+')};
}

}  // namespace

MetricsService::MetricsService(ReleaseService *releases)
    : m_releases(releases)
{
}

QFuture<Result<MetricsSnapshot>> MetricsService::metrics(QDateTime from, QDateTime to) const
{
    return QtConcurrent::run(
        [store = m_releases->store(), workspace = m_releases->workspace(), incidents = m_incidents, from,
            to] { return gather(store, workspace, incidents, from, to); });
}

QFuture<Result<CalendarSnapshot>> MetricsService::calendar(QDate from, QDate to) const
{
    return QtConcurrent::run([store = m_releases->store(), policy = m_releases->workspace().policy, from,
                                 to]() -> Result<CalendarSnapshot> {
        auto calendar = calendarOf(store, policy, from, to);
        if (!calendar)
            return std::unexpected(calendar.error());
        return CalendarSnapshot {*calendar, from, to};
    });
}

Result<ReleaseCalendar> MetricsService::calendarOf(Store *store, const Policy &policy, QDate from, QDate to)
{
    auto releases = store->releases().result();
    if (!releases)
        return std::unexpected(releases.error());
    ReleaseCalendar calendar = computeReleaseCalendar(policy, *releases, from, to);
    if (!policy.canary)
        return calendar;
    QList<CanaryCleanup> cleanups;
    for (const ReleaseRecord &r : std::as_const(*releases)) {
        auto events = store->canaryEvents(r.version).result();
        if (!events)
            return std::unexpected(events.error());
        if (events->isEmpty())
            continue;
        const CanaryStatus status = foldCanary(*policy.canary, *events);
        if (status.cleanupDue)
            cleanups << CanaryCleanup {r.version, policy.canary->environment, *status.cleanupDue};
    }
    addCanaryCleanups(calendar, cleanups, from, to);
    return calendar;
}

Result<MetricsSnapshot> MetricsService::gather(Store *store, const Workspace &workspace,
    const IncidentSource &incidents, const QDateTime &from, const QDateTime &to)
{
    auto releases = store->releases().result();
    if (!releases)
        return std::unexpected(releases.error());
    auto deployments = store->allDeployments().result();
    if (!deployments)
        return std::unexpected(deployments.error());
    MetricsSnapshot snapshot;
    DoraInput &input = snapshot.input;
    input.production = productionEnvironment(workspace.policy);
    QHash<QString, QString> types;
    for (const ReleaseRecord &r : *releases)
        types.insert(r.version, r.type);
    for (const Deployment &d : *deployments)
        input.deployments << DoraDeployment {
            d.version, types.value(d.version), d.environment, d.commit, d.deployedAt};
    if (incidents) {
        auto list = incidents().result();
        if (!list)
            return std::unexpected(list.error());
        for (const Incident &i : *list)
            input.incidents << DoraIncident {i.version, i.cause, i.openedAt, i.recoveredAt};
        snapshot.incidentSource = QStringLiteral("incidents");
    } else {
        auto stored = storedIncidents(store, workspace.policy, *releases, *deployments, input.production);
        if (!stored)
            return std::unexpected(stored.error());
        input.incidents = stored->first;
        snapshot.incidentSource = stored->second;
    }
    auto overrides = store->auditLog({}, QStringLiteral("release.override")).result();
    if (!overrides)
        return std::unexpected(overrides.error());
    for (const AuditEntry &e : std::as_const(*overrides))
        input.overrides << DoraOverride {e.release, e.at};
    QStringList notes;
    input.commitTimes = commitTimes(workspace, *releases, *deployments, input.production, &notes);
    snapshot.report = computeDoraMetrics(input, workspace.policy.metrics, from, to);
    snapshot.report.notes = notes + snapshot.report.notes;
    return snapshot;
}

Result<QList<DoraIncident>> MetricsService::incidentsFromAudit(Store *store,
    const QList<ReleaseRecord> &releases, const QList<Deployment> &deployments, const QString &production)
{
    QList<DoraIncident> incidents;
    for (const ReleaseRecord &r : releases) {
        if (r.state != ReleaseState::RolledBack)
            continue;
        auto audit = store->auditLog(r.version).result();
        if (!audit)
            return std::unexpected(audit.error());
        QDateTime deployed;
        for (const Deployment &d : deployments) {
            if (d.version == r.version && d.environment == production)
                deployed = d.deployedAt;
        }
        DoraIncident incident {r.version, QStringLiteral("rolled back"), deployed, {}};
        bool started = false;
        for (const AuditEntry &e : *audit) {
            const bool rollbackStep = e.action.startsWith(QLatin1String("rollback."))
                || e.action.startsWith(QLatin1String("incident."));
            if (rollbackStep && !started && (!deployed.isValid() || e.at >= deployed)) {
                incident.openedAt = e.at;
                started = true;
                if (const QString reason = e.after.value(QStringLiteral("reason")).toString();
                    !reason.isEmpty())
                    incident.cause = reason;
            }
            if (e.action == QLatin1String("release.state")
                && e.after.value(QStringLiteral("state")).toString()
                    == releaseStateName(ReleaseState::RolledBack))
                incident.recoveredAt = e.at;
        }
        if (!incident.openedAt.isValid())
            incident.openedAt = incident.recoveredAt;
        incidents << incident;
    }
    return incidents;
}

QHash<QString, QList<QDateTime>> MetricsService::commitTimes(const Workspace &workspace,
    const QList<ReleaseRecord> &releases, const QList<Deployment> &deployments, const QString &production,
    QStringList *notes)
{
    QHash<QString, QList<QDateTime>> times;
    const QList<Deployment> firsts = firstProductionDeployments(deployments, production);
    if (firsts.isEmpty())
        return times;
    auto git = GitService::open(workspace.root, workspace.policy.tagFormat);
    if (!git) {
        *notes << QStringLiteral("git unavailable (%1): no lead times").arg(git.error().message);
        return times;
    }
    QString previous;
    for (const Deployment &d : firsts) {
        const QString commit = commitOf(d, releases);
        if (commit.isEmpty())
            continue;  // reported by the metrics as deployed without a known commit
        const QString base
            = previous.isEmpty() ? baseOfFirst(*git, workspace.policy.tagFormat, commit) : previous;
        auto commits = git->commits(base, commit);
        if (!commits) {
            qCWarning(lcMetrics) << "commits of" << d.version << commits.error().toString();
            *notes
                << QStringLiteral("%1: cannot walk its commits (%2)").arg(d.version, commits.error().message);
            continue;
        }
        QList<QDateTime> list;
        for (const CommitInfo &c : *commits)
            list << c.time;
        times.insert(d.version, list);
        previous = commit;
    }
    return times;
}

}  // namespace cockpit
