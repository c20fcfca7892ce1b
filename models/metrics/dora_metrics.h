#pragma once
// DORA release metrics from plain facts (deployments, the commit times of each release, incidents),
// over a window and per week, against the policy's `metrics:` targets. Pure: the service gathers
// the facts from the store and git (services/metrics_service.h).
//
// Definitions (docs/calendar-and-metrics.md):
// - Production: the environment named production or prod, else the policy's last environment.
// - Lead time for changes: for each release first deployed to production in the window, each of its
//   commits (those since the previous release's commit) from commit time to that deployment. Per
//   release the median; overall the median and p90 over every such commit (nearest rank).
// - Deployment frequency: production deployments in the window per week and per 30 days; per
//   release type against metrics.deployment_frequency ("Daily" = 5 a week, working days).
// - Change failure rate: production deployments followed by an incident of the same release
//   (opened after the deployment, before that release's next production deployment) / production
//   deployments, in percent.
// - Time to restore: incidents opened in the window, opened -> recovered, median. An incident not
//   yet recovered is reported as such and left out (never counted as 0).
#include "policy.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>

namespace cockpit {

struct DoraDeployment {
    QString version;
    QString type;  // release type (patch, minor, ...), for deployment_frequency per type
    QString environment;
    QString commit;  // empty: deployed without a known commit
    QDateTime at;  // UTC
};

struct DoraIncident {
    QString version;
    QString cause;
    QDateTime openedAt;  // UTC
    QDateTime recoveredAt;  // invalid while not recovered
};

// A break-glass override of the lifecycle ("release.override" in the audit log).
struct DoraOverride {
    QString version;
    QDateTime at;  // UTC
};

struct DoraInput {
    QString production;  // the production environment's name
    QList<DoraDeployment> deployments;  // every environment, any order
    QHash<QString, QList<QDateTime>> commitTimes;  // version -> its commits' times (UTC)
    QList<DoraIncident> incidents;
    QList<DoraOverride> overrides;
};

enum class TargetStatus { NoTarget, NoData, Met, Missed };
QString targetStatusName(TargetStatus status);  // "no_target", "no_data", "met", "missed"

struct LeadTimeEntry {
    QString version;
    QDateTime deployedAt;
    int commits = 0;
    std::optional<std::chrono::seconds> median;  // none: deployed without commits
};

struct FrequencyTarget {
    QString type;  // release type, or "all"
    QString target;  // as written ("Daily")
    std::optional<double> targetPerWeek;  // none: text not understood
    int deployments = 0;
    double perWeek = 0;
    TargetStatus status = TargetStatus::NoData;
};

struct DoraWeek {
    QDate start;  // a Monday
    int deployments = 0;  // to production
    int failures = 0;  // of those, followed by an incident
    std::optional<double> changeFailureRate;  // percent; none without deployments
    std::optional<double> leadTimeHours;  // median over the commits deployed that week
    std::optional<double> restoreMinutes;  // median over incidents opened (and recovered) that week
};

struct DoraReport {
    QDateTime from, to;  // the window [from, to), UTC
    QString production;

    QList<LeadTimeEntry> leadTimes;  // per release deployed to production in the window
    int leadTimeCommits = 0;
    std::optional<std::chrono::seconds> leadTimeMedian, leadTimeP90;
    std::optional<std::chrono::seconds> leadTimeTarget;
    TargetStatus leadTimeStatus = TargetStatus::NoTarget;

    int productionDeployments = 0;
    double deploymentsPerWeek = 0;
    double deploymentsPerMonth = 0;  // per 30 days
    QList<FrequencyTarget> frequencyTargets;
    TargetStatus frequencyStatus = TargetStatus::NoTarget;  // Missed when any target is missed

    int failedDeployments = 0;
    std::optional<double> changeFailureRate;  // percent
    std::optional<double> changeFailureRateTarget;
    TargetStatus changeFailureRateStatus = TargetStatus::NoTarget;

    int incidents = 0;  // opened in the window
    QStringList unrecovered;  // versions of incidents still open
    std::optional<std::chrono::seconds> restoreMedian;
    std::optional<std::chrono::seconds> restoreTarget;
    TargetStatus restoreStatus = TargetStatus::NoTarget;

    int overrides = 0;  // break-glass overrides in the window
    QStringList overriddenReleases;  // their releases, each once

    QList<DoraWeek> weeks;  // every week touching the window, oldest first
    QStringList notes;  // edge cases met: deployments without commits, ...

    [[nodiscard]] bool isEmpty() const { return productionDeployments == 0 && incidents == 0; }
};

// The environment metrics treat as production (see above); empty when the policy has none.
QString productionEnvironment(const Policy &policy);
// "Daily" -> 5, "Weekly" -> 1, "Biweekly" -> 0.5, "Monthly" -> 12/52, "3 per week", "2/day".
std::optional<double> deploymentsPerWeekFromText(const QString &text);
// Median (mean of the two middle values) and nearest-rank percentile; none for no values.
std::optional<double> medianOf(QList<double> values);
std::optional<double> percentileOf(QList<double> values, double percent);

DoraReport computeDoraMetrics(
    const DoraInput &input, const MetricsPolicy &targets, const QDateTime &from, const QDateTime &to);

// "3h 20m", "2d 4h", "45m", "30s"
QString formatDuration(std::chrono::seconds duration);

}  // namespace cockpit
