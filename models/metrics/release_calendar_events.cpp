// The calendar's events: cadence occurrences, explicit entries, store releases and their freezes.
// Parsing of the trains' text is in release_calendar.cpp.
#include "release_calendar.h"

#include <algorithm>

namespace cockpit {
namespace {

using Kind = TrainSchedule::Kind;

constexpr qint64 kSecondsPerDay = 86400;

QList<QDate> occurrences(const TrainSchedule &s, QDate from, QDate to)
{
    QList<QDate> dates;
    if (s.kind == Kind::Weekly && s.anchor) {
        const qint64 period = 7LL * s.everyWeeks;
        const qint64 offset = s.anchor->daysTo(from);
        // First k with anchor + k*period >= from (floor division for dates before the anchor).
        qint64 k = offset >= 0 ? (offset + period - 1) / period : -((-offset) / period);
        for (QDate d = s.anchor->addDays(k * period); d <= to; d = d.addDays(period))
            dates << d;
    } else if (s.kind == Kind::Monthly) {
        for (QDate month(from.year(), from.month(), 1); month <= to; month = month.addMonths(1)) {
            const QDate d = s.weekday != 0
                ? nthWeekdayOfMonth(month.year(), month.month(), s.weekday, s.nth)
                : (s.dayOfMonth <= month.daysInMonth() ? QDate(month.year(), month.month(), s.dayOfMonth)
                                                       : QDate());
            if (d.isValid() && d >= from && d <= to)
                dates << d;
        }
    }
    return dates;
}

// An explicit entry replaces the computed occurrence of its train in the same cycle.
bool sameCycle(const TrainSchedule &s, QDate occurrence, QDate entry)
{
    if (s.kind == Kind::Monthly)
        return occurrence.year() == entry.year() && occurrence.month() == entry.month();
    return 2 * std::abs(occurrence.daysTo(entry)) < 7 * s.everyWeeks;
}

QString scheduleText(const Policy &policy, const QString &train)
{
    for (const TrainPolicy &t : policy.trains) {
        if (t.name == train)
            return t.day.isEmpty() ? t.cadence : QStringLiteral("%1, %2").arg(t.cadence, t.day);
    }
    return {};
}

const TrainSchedule *scheduleOf(const QList<TrainSchedule> &schedules, const QString &train)
{
    for (const TrainSchedule &s : schedules) {
        if (s.train == train)
            return &s;
    }
    return nullptr;
}

void setTime(CalendarEvent &event, const TrainSchedule *s)
{
    if (!s || !s->time)
        return;
    event.at = QDateTime(event.date, *s->time, s->zone);
    event.zoneLabel = s->zoneLabel;
}

QString titled(const QString &train)
{
    return train.left(1).toUpper() + train.mid(1) + QStringLiteral(" release");
}

CalendarEvent freezeOf(const CalendarEvent &release, std::chrono::seconds freeze)
{
    CalendarEvent f = release;
    f.kind = CalendarEventKind::CodeFreeze;
    f.title = QStringLiteral("Code freeze: %1").arg(release.title);
    const qint64 secs = freeze.count();
    const qint64 days = (secs + kSecondsPerDay - 1) / kSecondsPerDay;
    f.detail = QStringLiteral("Freeze for %1%2 on %3")
                   .arg(release.title,
                       release.version.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(release.version),
                       release.date.toString(Qt::ISODate));
    if (!release.at) {
        f.date = release.date.addDays(-days);
        return f;
    }
    // Whole days: the same wall-clock time in the release's zone (a DST switch between the two
    // does not move the freeze by an hour); otherwise the exact duration before.
    if (secs % kSecondsPerDay == 0)
        f.at = QDateTime(release.date.addDays(-days), release.at->time(), release.at->timeZone());
    else
        f.at = release.at->addSecs(-secs);
    f.date = f.at->date();
    return f;
}

QList<CalendarEvent> releasesBetween(const Policy &policy, const QList<TrainSchedule> &schedules,
    const QList<ReleaseRecord> &releases, QDate from, QDate to)
{
    QList<CalendarEvent> events;
    for (const TrainSchedule &s : schedules) {
        for (const QDate &d : occurrences(s, from, to)) {
            const bool replaced = std::any_of(policy.calendar.begin(), policy.calendar.end(),
                [&](const CalendarEntryPolicy &e) { return e.train == s.train && sameCycle(s, d, e.date); });
            if (replaced)
                continue;
            CalendarEvent e {
                CalendarEventKind::Release, CalendarSource::Cadence, s.train, titled(s.train), {}, d};
            e.detail = scheduleText(policy, s.train);
            setTime(e, &s);
            events << e;
        }
    }
    for (const CalendarEntryPolicy &entry : policy.calendar) {
        if (entry.date < from || entry.date > to)
            continue;
        CalendarEvent e {CalendarEventKind::Release, CalendarSource::Calendar, entry.train, entry.event,
            entry.version, entry.date};
        e.detail = entry.train.isEmpty() ? QStringLiteral("calendar entry")
                                         : QStringLiteral("calendar entry; train %1: %2")
                                               .arg(entry.train, scheduleText(policy, entry.train));
        setTime(e, scheduleOf(schedules, entry.train));
        events << e;
    }
    for (const ReleaseRecord &r : releases) {
        if (!r.targetDate.isValid() || r.targetDate < from || r.targetDate > to)
            continue;
        auto same = std::find_if(events.begin(), events.end(),
            [&](const CalendarEvent &e) { return e.version == r.version && e.date == r.targetDate; });
        if (same != events.end()) {  // the store's release is the calendar's entry
            same->state = releaseStateName(r.state);
            continue;
        }
        CalendarEvent e {CalendarEventKind::Release, CalendarSource::Store, {},
            QStringLiteral("Release %1").arg(r.version), r.version, r.targetDate};
        e.state = releaseStateName(r.state);
        e.detail = QStringLiteral("%1 release, %2").arg(r.type, releaseStateTitle(r.state).toLower());
        events << e;
    }
    return events;
}

bool calendarOrder(const CalendarEvent &a, const CalendarEvent &b)
{
    if (a.date != b.date)
        return a.date < b.date;
    const qint64 ta = a.at ? a.at->toSecsSinceEpoch() : 0;
    const qint64 tb = b.at ? b.at->toSecsSinceEpoch() : 0;
    if (ta != tb)
        return ta < tb;
    return int(a.kind) < int(b.kind);
}

}  // namespace

QString calendarEventKindName(CalendarEventKind kind)
{
    switch (kind) {
    case CalendarEventKind::Release:
        return QStringLiteral("release");
    case CalendarEventKind::CodeFreeze:
        return QStringLiteral("code_freeze");
    case CalendarEventKind::Cleanup:
        return QStringLiteral("cleanup");
    }
    return {};
}

void addCanaryCleanups(ReleaseCalendar &calendar, const QList<CanaryCleanup> &cleanups, QDate from, QDate to)
{
    for (const CanaryCleanup &c : cleanups) {
        const QDateTime due = c.due.toUTC();
        if (!due.isValid() || due.date() < from || due.date() > to)
            continue;
        CalendarEvent e {CalendarEventKind::Cleanup, CalendarSource::Store, {},
            QStringLiteral("Canary cleanup: %1").arg(c.version), c.version, due.date()};
        e.at = due;
        e.zoneLabel = QStringLiteral("UTC");
        e.detail = QStringLiteral("the version %1 replaced is removed from %2 (canary.cleanup_after)")
                       .arg(c.version, c.environment);
        calendar.events << e;
    }
    std::stable_sort(calendar.events.begin(), calendar.events.end(), calendarOrder);
}

ReleaseCalendar computeReleaseCalendar(
    const Policy &policy, const QList<ReleaseRecord> &releases, QDate from, QDate to, QDate today)
{
    ReleaseCalendar calendar;
    for (int i = 0; i < policy.trains.size(); ++i)
        calendar.schedules << parseTrainSchedule(policy, i, &calendar.warnings);
    if (!from.isValid() || !to.isValid() || to < from)
        return calendar;
    const qint64 freezeDays = (policy.codeFreeze.count() + kSecondsPerDay - 1) / kSecondsPerDay;
    // Releases just after `to` still have their freeze inside the range.
    QList<CalendarEvent> found
        = releasesBetween(policy, calendar.schedules, releases, from, to.addDays(freezeDays));
    for (CalendarEvent &release : found) {
        // A store release still live past its target date is flagged where it sits.
        for (const ReleaseRecord &r : releases) {
            if (release.kind == CalendarEventKind::Release && !release.state.isEmpty() && r.version == release.version
                && r.targetDate == release.date)
                release.overdueSince = overdueSince(r, today);
        }
    }
    for (const CalendarEvent &release : std::as_const(found)) {
        if (release.date <= to)
            calendar.events << release;
        if (policy.codeFreeze.count() <= 0)
            continue;
        const CalendarEvent freeze = freezeOf(release, policy.codeFreeze);
        if (freeze.date >= from && freeze.date <= to)
            calendar.events << freeze;
    }
    std::stable_sort(calendar.events.begin(), calendar.events.end(), calendarOrder);
    return calendar;
}

QString calendarTimeText(const CalendarEvent &event, bool withLocal)
{
    if (!event.at)
        return QStringLiteral("all day");
    QString text = event.at->toString(QStringLiteral("HH:mm"));
    if (!event.zoneLabel.isEmpty())
        text += QLatin1Char(' ') + event.zoneLabel;
    const QDateTime local = event.at->toLocalTime();
    if (withLocal && (local.time() != event.at->time() || local.date() != event.at->date())) {
        const QString when = local.date() == event.at->date() ? local.toString(QStringLiteral("HH:mm"))
                                                              : local.toString(QStringLiteral("ddd HH:mm"));
        text += QStringLiteral(" (%1 local)").arg(when);
    }
    return text;
}

}  // namespace cockpit
