// calendar [--from D] [--months N]: upcoming releases and code freezes (policy trains, calendar,
// code_freeze, store releases with a target date). metrics [--from D] [--to D]: DORA metrics over
// the window (default: the last 90 days) against the policy's targets, with the weekly series.
#include "cli_context.h"
#include "commands.h"
#include "metrics_service.h"

#include <QJsonArray>
#include <QSaveFile>
#include <QJsonObject>

namespace cockpit::cli {
namespace {

using std::chrono::seconds;

// A date (YYYY-MM-DD, the start of that day in UTC), an RFC 3339 time or Unix seconds.
Result<QDateTime> parseWhen(const QString &option, const QString &text, bool endOfDay)
{
    if (const QDate d = QDate::fromString(text, Qt::ISODate); d.isValid() && text.size() == 10)
        return (endOfDay ? d.addDays(1) : d).startOfDay(Qt::UTC);
    bool number = false;
    const qint64 secs = text.toLongLong(&number);
    if (number)
        return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return fail(ErrorCode::Usage,
            QStringLiteral("--%1: expected a date (2026-03-01), an RFC 3339 time or Unix seconds, not \"%2\"")
                .arg(option, text));
    return t.toUTC();
}

QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonValue optionalSeconds(const std::optional<seconds> &v)
{
    return v ? QJsonValue(qint64(v->count())) : QJsonValue();
}

QString durationText(const std::optional<seconds> &v)
{
    return v ? formatDuration(*v) : QStringLiteral("-");
}

QString statusText(TargetStatus status)
{
    switch (status) {
    case TargetStatus::Met:
        return QStringLiteral("MET");
    case TargetStatus::Missed:
        return QStringLiteral("MISSED");
    case TargetStatus::NoData:
        return QStringLiteral("no data");
    case TargetStatus::NoTarget:
        return QStringLiteral("no target");
    }
    return {};
}

QJsonObject eventJson(const CalendarEvent &e)
{
    QJsonObject o {{QStringLiteral("date"), e.date.toString(Qt::ISODate)},
        {QStringLiteral("kind"), calendarEventKindName(e.kind)},
        {QStringLiteral("title"), e.title}, {QStringLiteral("train"), e.train},
        {QStringLiteral("version"), e.version}, {QStringLiteral("source"), calendarSourceName(e.source)},
        {QStringLiteral("detail"), e.detail}};
    if (e.at) {
        o.insert(QStringLiteral("time"), e.at->toOffsetFromUtc(e.at->offsetFromUtc()).toString(Qt::ISODate));
        o.insert(QStringLiteral("zone"), QString::fromLatin1(e.at->timeZone().id()));
        o.insert(QStringLiteral("local_time"),
            e.at->toLocalTime().toOffsetFromUtc(e.at->toLocalTime().offsetFromUtc()).toString(Qt::ISODate));
    }
    if (!e.state.isEmpty())
        o.insert(QStringLiteral("state"), e.state);
    return o;
}

QJsonObject reportJson(const MetricsSnapshot &s)
{
    const DoraReport &r = s.report;
    QJsonArray releases, targets, series, notes;
    for (const LeadTimeEntry &e : r.leadTimes)
        releases << QJsonObject {{QStringLiteral("version"), e.version},
            {QStringLiteral("deployed_at"), e.deployedAt.toString(Qt::ISODate)},
            {QStringLiteral("commits"), e.commits},
            {QStringLiteral("median_seconds"), optionalSeconds(e.median)}};
    for (const FrequencyTarget &t : r.frequencyTargets)
        targets << QJsonObject {{QStringLiteral("type"), t.type}, {QStringLiteral("target"), t.target},
            {QStringLiteral("target_per_week"), optionalNumber(t.targetPerWeek)},
            {QStringLiteral("deployments"), t.deployments}, {QStringLiteral("per_week"), t.perWeek},
            {QStringLiteral("status"), targetStatusName(t.status)}};
    for (const DoraWeek &w : r.weeks)
        series << QJsonObject {{QStringLiteral("week"), w.start.toString(Qt::ISODate)},
            {QStringLiteral("deployments"), w.deployments}, {QStringLiteral("failures"), w.failures},
            {QStringLiteral("change_failure_rate"), optionalNumber(w.changeFailureRate)},
            {QStringLiteral("lead_time_hours"), optionalNumber(w.leadTimeHours)},
            {QStringLiteral("restore_minutes"), optionalNumber(w.restoreMinutes)}};
    for (const QString &n : r.notes)
        notes << n;
    return {{QStringLiteral("from"), r.from.toString(Qt::ISODate)},
        {QStringLiteral("to"), r.to.toString(Qt::ISODate)}, {QStringLiteral("production"), r.production},
        {QStringLiteral("incident_source"), s.incidentSource},
        {QStringLiteral("lead_time"),
            QJsonObject {{QStringLiteral("median_seconds"), optionalSeconds(r.leadTimeMedian)},
                {QStringLiteral("p90_seconds"), optionalSeconds(r.leadTimeP90)},
                {QStringLiteral("commits"), r.leadTimeCommits},
                {QStringLiteral("target_seconds"), optionalSeconds(r.leadTimeTarget)},
                {QStringLiteral("status"), targetStatusName(r.leadTimeStatus)},
                {QStringLiteral("releases"), releases}}},
        {QStringLiteral("deployment_frequency"),
            QJsonObject {{QStringLiteral("deployments"), r.productionDeployments},
                {QStringLiteral("per_week"), r.deploymentsPerWeek},
                {QStringLiteral("per_month"), r.deploymentsPerMonth},
                {QStringLiteral("status"), targetStatusName(r.frequencyStatus)},
                {QStringLiteral("targets"), targets}}},
        {QStringLiteral("change_failure_rate"),
            QJsonObject {{QStringLiteral("percent"), optionalNumber(r.changeFailureRate)},
                {QStringLiteral("failed"), r.failedDeployments},
                {QStringLiteral("deployments"), r.productionDeployments},
                {QStringLiteral("target_percent"), optionalNumber(r.changeFailureRateTarget)},
                {QStringLiteral("status"), targetStatusName(r.changeFailureRateStatus)}}},
        {QStringLiteral("time_to_restore"),
            QJsonObject {{QStringLiteral("median_seconds"), optionalSeconds(r.restoreMedian)},
                {QStringLiteral("incidents"), r.incidents},
                {QStringLiteral("unrecovered"), QJsonArray::fromStringList(r.unrecovered)},
                {QStringLiteral("target_seconds"), optionalSeconds(r.restoreTarget)},
                {QStringLiteral("status"), targetStatusName(r.restoreStatus)}}},
        {QStringLiteral("overrides"),
            QJsonObject {{QStringLiteral("count"), r.overrides},
                {QStringLiteral("releases"), QJsonArray::fromStringList(r.overriddenReleases)}}},
        {QStringLiteral("series"), series}, {QStringLiteral("notes"), notes}};
}

void printCalendar(CliContext &ctx, const ReleaseCalendar &calendar)
{
    if (calendar.events.isEmpty()) {
        ctx.out(QStringLiteral("No releases or code freezes in this range."));
        return;
    }
    ctx.out(QStringLiteral("%1  %2  %3  %4  %5")
                .arg(QStringLiteral("DATE"), -14)
                .arg(QStringLiteral("TIME"), -28)
                .arg(QStringLiteral("EVENT"), -40)
                .arg(QStringLiteral("VERSION"), -22)
                .arg(QStringLiteral("SOURCE")));
    for (const CalendarEvent &e : calendar.events)
        ctx.out(QStringLiteral("%1  %2  %3  %4  %5")
                    .arg(e.date.toString(QStringLiteral("ddd yyyy-MM-dd")), -14)
                    .arg(calendarTimeText(e), -28)
                    .arg(e.title, -40)
                    .arg(e.version.isEmpty() ? QStringLiteral("-") : e.version, -22)
                    .arg(calendarSourceName(e.source)
                        + (e.state.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(e.state))));
}

void printMetrics(CliContext &ctx, const MetricsSnapshot &s)
{
    const DoraReport &r = s.report;
    ctx.out(
        QStringLiteral("Release metrics %1 .. %2 (production: %3; incidents from %4)")
            .arg(r.from.toString(Qt::ISODate), r.to.toString(Qt::ISODate), r.production, s.incidentSource));
    QStringList frequency;
    for (const FrequencyTarget &t : r.frequencyTargets)
        frequency << QStringLiteral("%1 %2 (%3/week): %4")
                         .arg(t.type, t.target)
                         .arg(t.perWeek, 0, 'f', 2)
                         .arg(statusText(t.status));
    const auto row = [&](const QString &metric, const QString &value, const QString &target,
                         const QString &status) {
        ctx.out(
            QStringLiteral("%1  %2  %3  %4").arg(metric, -22).arg(value, -34).arg(target, -12).arg(status));
    };
    row(QStringLiteral("METRIC"), QStringLiteral("VALUE"), QStringLiteral("TARGET"),
        QStringLiteral("STATUS"));
    row(QStringLiteral("Lead time (median)"),
        QStringLiteral("%1 (p90 %2, %3 commits)")
            .arg(durationText(r.leadTimeMedian), durationText(r.leadTimeP90))
            .arg(r.leadTimeCommits),
        r.leadTimeTarget ? QStringLiteral("< ") + formatDuration(*r.leadTimeTarget) : QStringLiteral("-"),
        statusText(r.leadTimeStatus));
    row(QStringLiteral("Deployment frequency"),
        QStringLiteral("%1 (%2/week, %3/30d)")
            .arg(r.productionDeployments)
            .arg(r.deploymentsPerWeek, 0, 'f', 2)
            .arg(r.deploymentsPerMonth, 0, 'f', 1),
        frequency.isEmpty() ? QStringLiteral("-") : QStringLiteral("per type"),
        statusText(r.frequencyStatus));
    row(QStringLiteral("Change failure rate"),
        r.changeFailureRate ? QStringLiteral("%1% (%2 of %3)")
                                  .arg(*r.changeFailureRate, 0, 'f', 1)
                                  .arg(r.failedDeployments)
                                  .arg(r.productionDeployments)
                            : QStringLiteral("-"),
        r.changeFailureRateTarget ? QStringLiteral("< %1%").arg(*r.changeFailureRateTarget)
                                  : QStringLiteral("-"),
        statusText(r.changeFailureRateStatus));
    row(QStringLiteral("Time to restore"),
        QStringLiteral("%1 (%2 incidents, %3 open)")
            .arg(durationText(r.restoreMedian))
            .arg(r.incidents)
            .arg(r.unrecovered.size()),
        r.restoreTarget ? QStringLiteral("< ") + formatDuration(*r.restoreTarget) : QStringLiteral("-"),
        statusText(r.restoreStatus));
    for (const QString &f : frequency)
        ctx.out(QStringLiteral("  frequency target ") + f);
    for (const QString &n : r.notes)
        ctx.err(QStringLiteral("note: ") + n);
}

}  // namespace

int runCalendar(CliContext &ctx)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    auto store = ctx.openStore();
    if (!store)
        return ctx.report(store.error());
    QDate from = QDate::currentDate();
    if (ctx.isSet(QStringLiteral("from"))) {
        auto when = parseWhen(QStringLiteral("from"), ctx.option(QStringLiteral("from")), false);
        if (!when)
            return ctx.report(when.error());
        from = when->date();
    }
    bool ok = true;
    const int months
        = ctx.isSet(QStringLiteral("months")) ? ctx.option(QStringLiteral("months")).toInt(&ok) : 3;
    if (!ok || months < 1 || months > 60)
        return ctx.usage(QStringLiteral("--months: expected a number of months from 1 to 60"));
    const QDate to = from.addMonths(months).addDays(-1);
    if (ctx.isSet(QStringLiteral("ics"))) {
        auto ics = Session::buildCalendarIcs(*store, *ws, from, to, QDateTime::currentDateTimeUtc());
        if (!ics)
            return ctx.report(ics.error());
        const QString path = ctx.option(QStringLiteral("ics"));
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(*ics) != ics->size() || !file.commit())
            return ctx.report(Error {ErrorCode::Unavailable,
                QStringLiteral("cannot write %1: %2").arg(path, file.errorString()), SourceLocation {path, 0, 0}});
        ctx.err(QStringLiteral("Wrote the calendar from %1 to %2 to %3.").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate), path));
        return Ok;
    }
    auto gathered = MetricsService::calendarOf(*store, ws->policy, from, to);
    if (!gathered)
        return ctx.report(gathered.error());
    const ReleaseCalendar &calendar = *gathered;
    for (const CalendarWarning &w : calendar.warnings)
        ctx.err(QStringLiteral("warning: ") + w.toString());
    if (ctx.json()) {
        QJsonArray events, warnings;
        for (const CalendarEvent &e : calendar.events)
            events << eventJson(e);
        for (const CalendarWarning &w : calendar.warnings)
            warnings << QJsonObject {
                {QStringLiteral("message"), w.message}, {QStringLiteral("location"), w.location.toString()}};
        ctx.printJson({{QStringLiteral("from"), from.toString(Qt::ISODate)},
            {QStringLiteral("to"), to.toString(Qt::ISODate)}, {QStringLiteral("events"), events},
            {QStringLiteral("warnings"), warnings}});
    } else {
        printCalendar(ctx, calendar);
    }
    return Ok;
}

int runMetrics(CliContext &ctx)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    auto store = ctx.openStore();
    if (!store)
        return ctx.report(store.error());
    QDateTime to = QDateTime::currentDateTimeUtc();
    if (ctx.isSet(QStringLiteral("to"))) {
        auto when = parseWhen(QStringLiteral("to"), ctx.option(QStringLiteral("to")), true);
        if (!when)
            return ctx.report(when.error());
        to = *when;
    }
    QDateTime from = to.addDays(-90);
    if (ctx.isSet(QStringLiteral("from"))) {
        auto when = parseWhen(QStringLiteral("from"), ctx.option(QStringLiteral("from")), false);
        if (!when)
            return ctx.report(when.error());
        from = *when;
    }
    if (from >= to)
        return ctx.usage(QStringLiteral("metrics: --from must be before --to"));
    auto snapshot = MetricsService::gather(*store, *ws, {}, from, to);
    if (!snapshot)
        return ctx.report(snapshot.error());
    if (ctx.json())
        ctx.printJson(reportJson(*snapshot));
    else
        printMetrics(ctx, *snapshot);
    return Ok;
}

}  // namespace cockpit::cli
