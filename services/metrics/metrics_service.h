#pragma once
// Release calendar and DORA metrics for the GUI and the command line: gathers the releases and
// every deployment from the store, the incidents (the store's rollback records, as
// RollbackService::incidents builds them; releases rolled back without a record from their audit
// entries; or an incident source when one is set),
// and each production release's commit times from git, then computes models/release_calendar.h
// and models/dora_metrics.h. All gathering runs on a pool thread (git blocks; the store is waited
// on there, never on the caller's thread).
#include "dora_metrics.h"
#include "error.h"
#include "release_calendar.h"
#include "rollback.h"

#include <QFuture>
#include <functional>

namespace cockpit {

class ReleaseService;
class Store;
struct Workspace;

struct MetricsSnapshot {
    DoraReport report;
    DoraInput input;  // the facts the report was computed from
    // "incidents" (the incident source set), else "rollbacks" (the store's rollback records),
    // "audit" (releases rolled back without a record, from the audit log) or "rollbacks+audit".
    QString incidentSource;
};

struct CalendarSnapshot {
    ReleaseCalendar calendar;
    QDate from, to;
};

class MetricsService {
public:
    // Returns the incidents of every release, newest first (RollbackService::incidents fits).
    using IncidentSource = std::function<QFuture<Result<QList<Incident>>>()>;

    // releases gives the store and the workspace; it must outlive this object.
    explicit MetricsService(ReleaseService *releases);

    // Until set (or when set empty), incidents come from the store (rollbacks, then incidentsFromAudit).
    void setIncidentSource(IncidentSource source) { m_incidents = std::move(source); }

    // DORA metrics over [from, to).
    QFuture<Result<MetricsSnapshot>> metrics(QDateTime from, QDateTime to) const;
    // Releases and freezes with a date in [from, to] (store releases with a target date included).
    QFuture<Result<CalendarSnapshot>> calendar(QDate from, QDate to) const;

    // Blocking halves, for pool threads and tests.
    // The calendar with the store's releases and every completed canary's cleanup (cleanup_after).
    static Result<ReleaseCalendar> calendarOf(Store *store, const Policy &policy, QDate from, QDate to);
    static Result<MetricsSnapshot> gather(Store *store, const Workspace &workspace,
        const IncidentSource &incidents, const QDateTime &from, const QDateTime &to);
    // Incidents of releases in state rolled_back, from their audit entries: opened at the first
    // "rollback.*" or "incident.*" entry after the release's last production deployment (else at
    // that deployment: an upper bound), recovered when the state became rolled_back.
    static Result<QList<DoraIncident>> incidentsFromAudit(Store *store, const QList<ReleaseRecord> &releases,
        const QList<Deployment> &deployments, const QString &production);
    // For each release deployed to production, the times of its commits since the previous
    // production release's commit (the first one: since the previous release tag). Releases
    // without a commit, or whose range git cannot walk, are left out (with a note).
    static QHash<QString, QList<QDateTime>> commitTimes(const Workspace &workspace,
        const QList<ReleaseRecord> &releases, const QList<Deployment> &deployments, const QString &production,
        QStringList *notes);

private:
    ReleaseService *m_releases;
    IncidentSource m_incidents;
};

}  // namespace cockpit
