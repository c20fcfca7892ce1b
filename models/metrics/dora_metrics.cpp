#include "dora_metrics.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace cockpit {
namespace {

using std::chrono::seconds;

bool inWindow(const QDateTime &t, const QDateTime &from, const QDateTime &to)
{
    return t.isValid() && t >= from && t < to;  // half-open: [from, to)
}

QDate mondayOf(const QDate &d)
{
    return d.addDays(1 - d.dayOfWeek());
}

std::optional<seconds> toSeconds(std::optional<double> value)
{
    if (!value)
        return std::nullopt;
    return seconds(qint64(std::llround(*value)));
}

TargetStatus atMost(const std::optional<double> &value, const std::optional<double> &target)
{
    if (!target)
        return TargetStatus::NoTarget;
    if (!value)
        return TargetStatus::NoData;
    return *value <= *target ? TargetStatus::Met : TargetStatus::Missed;
}

std::optional<double> asDouble(const std::optional<seconds> &s)
{
    return s ? std::optional<double>(double(s->count())) : std::nullopt;
}

// Production deployments sorted by time.
QList<DoraDeployment> productionDeployments(const DoraInput &input)
{
    QList<DoraDeployment> list;
    for (const DoraDeployment &d : input.deployments) {
        if (d.environment == input.production && d.at.isValid())
            list << d;
    }
    std::stable_sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.at < b.at; });
    return list;
}

// Is the deployment followed by an incident of its release before the release is deployed again?
bool failed(
    const DoraDeployment &d, const QList<DoraDeployment> &production, const QList<DoraIncident> &incidents)
{
    QDateTime until;
    for (const DoraDeployment &later : production) {
        if (later.version == d.version && later.at > d.at) {
            until = later.at;
            break;
        }
    }
    return std::any_of(incidents.begin(), incidents.end(), [&](const DoraIncident &i) {
        return i.version == d.version && i.openedAt >= d.at && (!until.isValid() || i.openedAt < until);
    });
}

struct LeadTimes {
    QList<LeadTimeEntry> entries;
    QHash<QDate, QList<double>> perWeek;  // Monday -> lead times (seconds)
    QList<double> all;
};

LeadTimes leadTimes(const DoraInput &input, const QList<DoraDeployment> &production, const QDateTime &from,
    const QDateTime &to, QStringList *notes)
{
    LeadTimes result;
    QSet<QString> seen;
    for (const DoraDeployment &d : production) {
        if (seen.contains(d.version))
            continue;  // a redeployment delivers no new change
        seen.insert(d.version);
        if (!inWindow(d.at, from, to))
            continue;
        LeadTimeEntry entry {d.version, d.at, 0, std::nullopt};
        QList<double> values;
        for (const QDateTime &commit : input.commitTimes.value(d.version)) {
            if (commit.isValid())
                values << double(std::max<qint64>(0, commit.secsTo(d.at)));
        }
        entry.commits = int(values.size());
        entry.median = toSeconds(medianOf(values));
        if (values.isEmpty())
            *notes << QStringLiteral("%1 was deployed to %2 without a known commit: no lead time")
                          .arg(d.version, input.production);
        result.all += values;
        result.perWeek[mondayOf(d.at.date())] += values;
        result.entries << entry;
    }
    return result;
}

void fillFrequency(DoraReport &r, const QList<DoraDeployment> &inWindowDeployments,
    const MetricsPolicy &targets, double weeks)
{
    r.productionDeployments = int(inWindowDeployments.size());
    r.deploymentsPerWeek = r.productionDeployments / weeks;
    r.deploymentsPerMonth = r.productionDeployments / weeks * 30.0 / 7.0;
    bool anyMissed = false, anyMet = false;
    for (auto it = targets.deploymentFrequency.cbegin(); it != targets.deploymentFrequency.cend(); ++it) {
        FrequencyTarget t {it.key(), it.value(), deploymentsPerWeekFromText(it.value())};
        const bool all
            = QStringList {QStringLiteral("all"), QStringLiteral("any"), QStringLiteral("overall")}.contains(
                it.key());
        t.deployments = int(std::count_if(inWindowDeployments.begin(), inWindowDeployments.end(),
            [&](const DoraDeployment &d) { return all || d.type == it.key(); }));
        t.perWeek = t.deployments / weeks;
        if (!t.targetPerWeek)
            t.status = TargetStatus::NoData;
        else
            t.status = t.perWeek + 1e-9 >= *t.targetPerWeek ? TargetStatus::Met : TargetStatus::Missed;
        anyMissed = anyMissed || t.status == TargetStatus::Missed;
        anyMet = anyMet || t.status == TargetStatus::Met;
        r.frequencyTargets << t;
    }
    if (!r.frequencyTargets.isEmpty())
        r.frequencyStatus = anyMissed ? TargetStatus::Missed
            : anyMet                  ? TargetStatus::Met
                                      : TargetStatus::NoData;
}

void fillRestore(DoraReport &r, const DoraInput &input, QHash<QDate, QList<double>> &perWeek)
{
    QList<double> restores;
    for (const DoraIncident &i : input.incidents) {
        if (!inWindow(i.openedAt, r.from, r.to))
            continue;
        ++r.incidents;
        if (!i.recoveredAt.isValid()) {
            r.unrecovered << i.version;
            continue;
        }
        const double secs = double(std::max<qint64>(0, i.openedAt.secsTo(i.recoveredAt)));
        restores << secs;
        perWeek[mondayOf(i.openedAt.date())] << secs;
    }
    r.restoreMedian = toSeconds(medianOf(restores));
    if (!r.unrecovered.isEmpty())
        r.notes << QStringLiteral("not recovered yet (left out of time to restore): %1")
                       .arg(r.unrecovered.join(u", "));
    r.restoreStatus = atMost(asDouble(r.restoreMedian), asDouble(r.restoreTarget));
}

}  // namespace

QString targetStatusName(TargetStatus status)
{
    switch (status) {
    case TargetStatus::NoTarget:
        return QStringLiteral("no_target");
    case TargetStatus::NoData:
        return QStringLiteral("no_data");
    case TargetStatus::Met:
        return QStringLiteral("met");
    case TargetStatus::Missed:
        return QStringLiteral("missed");
    }
    return {};
}

QString productionEnvironment(const Policy &policy)
{
    for (const EnvironmentPolicy &env : policy.environments) {
        if (env.name.compare(QLatin1String("production"), Qt::CaseInsensitive) == 0
            || env.name.compare(QLatin1String("prod"), Qt::CaseInsensitive) == 0)
            return env.name;
    }
    return policy.environments.isEmpty() ? QString() : policy.environments.last().name;
}

std::optional<double> deploymentsPerWeekFromText(const QString &text)
{
    const QString t = text.trimmed().toLower();
    static const QRegularExpression rate(
        QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*(?:x\\s*)?(?:per|/|a)\\s*(day|week|month)$"));
    if (const auto m = rate.match(t); m.hasMatch()) {
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        return unit == QLatin1String("day") ? n * 7 : unit == QLatin1String("week") ? n : n * 12.0 / 52.0;
    }
    if (t.contains(QRegularExpression(QStringLiteral("bi-?weekly|fortnight|every (2|two) weeks"))))
        return 0.5;
    if (t.contains(QLatin1String("daily")) || t == QLatin1String("every day"))
        return 5.0;  // working days
    if (t.contains(QLatin1String("weekly")) || t == QLatin1String("every week"))
        return 1.0;
    if (t.contains(QLatin1String("monthly")) || t == QLatin1String("every month"))
        return 12.0 / 52.0;
    return std::nullopt;
}

std::optional<double> medianOf(QList<double> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

std::optional<double> percentileOf(QList<double> values, double percent)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype rank
        = std::max<qsizetype>(1, qsizetype(std::ceil(percent / 100.0 * double(values.size()))));
    return values[std::min(rank, values.size()) - 1];
}

DoraReport computeDoraMetrics(
    const DoraInput &input, const MetricsPolicy &targets, const QDateTime &from, const QDateTime &to)
{
    DoraReport r;
    r.from = from.toUTC();
    r.to = to.toUTC();
    r.production = input.production;
    r.leadTimeTarget = targets.leadTime;
    r.changeFailureRateTarget = targets.changeFailureRate;
    r.restoreTarget = targets.mttr;
    const QList<DoraDeployment> production = productionDeployments(input);
    QList<DoraDeployment> windowed;
    for (const DoraDeployment &d : production) {
        if (inWindow(d.at, r.from, r.to))
            windowed << d;
    }
    const double weeks = std::max(1.0, double(r.from.secsTo(r.to)) / (7.0 * 86400.0));

    LeadTimes lead = leadTimes(input, production, r.from, r.to, &r.notes);
    r.leadTimes = lead.entries;
    r.leadTimeCommits = int(lead.all.size());
    r.leadTimeMedian = toSeconds(medianOf(lead.all));
    r.leadTimeP90 = toSeconds(percentileOf(lead.all, 90));
    r.leadTimeStatus = atMost(asDouble(r.leadTimeMedian), asDouble(r.leadTimeTarget));

    fillFrequency(r, windowed, targets, weeks);

    QHash<QDate, int> deploysPerWeek, failuresPerWeek;
    for (const DoraDeployment &d : windowed) {
        const bool bad = failed(d, production, input.incidents);
        r.failedDeployments += bad ? 1 : 0;
        deploysPerWeek[mondayOf(d.at.date())] += 1;
        failuresPerWeek[mondayOf(d.at.date())] += bad ? 1 : 0;
    }
    if (r.productionDeployments > 0)
        r.changeFailureRate = 100.0 * r.failedDeployments / r.productionDeployments;
    r.changeFailureRateStatus = atMost(r.changeFailureRate, r.changeFailureRateTarget);

    QHash<QDate, QList<double>> restoresPerWeek;
    fillRestore(r, input, restoresPerWeek);
    for (const DoraOverride &o : input.overrides) {
        if (!inWindow(o.at, r.from, r.to))
            continue;
        ++r.overrides;
        if (!r.overriddenReleases.contains(o.version))
            r.overriddenReleases << o.version;
    }
    if (r.overrides > 0)
        r.notes << QStringLiteral("%1 break-glass override(s) of the lifecycle: %2")
                       .arg(r.overrides)
                       .arg(r.overriddenReleases.join(u", "));

    for (QDate w = mondayOf(r.from.date()); r.to.isValid() && w.startOfDay(Qt::UTC) < r.to;
         w = w.addDays(7)) {
        DoraWeek week {w, deploysPerWeek.value(w), failuresPerWeek.value(w)};
        if (week.deployments > 0)
            week.changeFailureRate = 100.0 * week.failures / week.deployments;
        if (auto m = medianOf(lead.perWeek.value(w)))
            week.leadTimeHours = *m / 3600.0;
        if (auto m = medianOf(restoresPerWeek.value(w)))
            week.restoreMinutes = *m / 60.0;
        r.weeks << week;
    }
    return r;
}

QString formatDuration(std::chrono::seconds duration)
{
    qint64 s = duration.count();
    if (s < 60)
        return QStringLiteral("%1s").arg(s);
    // Whole days from two days on: "36h" reads better than "1d 12h" next to a 24h target.
    const qint64 days = s / 86400, hours = (s >= 2 * 86400 ? s % 86400 : s) / 3600, minutes = (s % 3600) / 60;
    if (s >= 2 * 86400)
        return hours ? QStringLiteral("%1d %2h").arg(days).arg(hours) : QStringLiteral("%1d").arg(days);
    if (hours > 0)
        return minutes ? QStringLiteral("%1h %2m").arg(hours).arg(minutes) : QStringLiteral("%1h").arg(hours);
    return QStringLiteral("%1m").arg(minutes);
}

}  // namespace cockpit
