#pragma once
// The release calendar: upcoming releases and code freezes between two dates, computed from the
// policy's trains (cadence and day as free text: "Every 2 weeks (biweekly)" + "Tuesday, 10 AM PT",
// "Monthly" + "First Tuesday of month"), its explicit calendar entries, code_freeze, and the
// releases in the store that have a target date. Pure: no clock, no I/O.
//
// Rules (docs/calendar-and-metrics.md):
// - An explicit calendar entry of a train replaces the computed occurrence in the same cycle
//   (the same month for monthly trains; the nearest occurrence less than half a period away for
//   weekly ones): the calendar is the team's actual plan, the cadence the default.
// - A biweekly (every N weeks) train is anchored on its first explicit calendar entry, moved to
//   the train's weekday in that entry's Monday-Sunday week; without one, weeks are counted from
//   Monday 1970-01-05 (and a warning says so).
// - A time with a zone ("10 AM PT") is a wall-clock time in that zone (PT = America/Los_Angeles),
//   so 10:00 PT stays 10:00 PT across a DST switch; a freeze of whole days is the same wall-clock
//   time that many days earlier. Without a time an event is all-day.
#include "error.h"
#include "policy.h"
#include "release.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>
#include <optional>

namespace cockpit {

// A train's cadence and day as understood; kind None when it could not be read.
struct TrainSchedule {
    enum class Kind { None, Weekly, Monthly };
    QString train;
    Kind kind = Kind::None;
    int everyWeeks = 1;  // Weekly: 1 = weekly, 2 = biweekly
    int weekday = 0;  // 1 = Monday ... 7 = Sunday; 0 = not given
    int nth = 0;  // Monthly: 1..5 = first..fifth weekday of the month, -1 = last
    int dayOfMonth = 0;  // Monthly without a weekday: "15th of month"
    std::optional<QTime> time;  // wall-clock time in zone
    QTimeZone zone;  // valid when time is set
    QString zoneLabel;  // as written: "PT"
    std::optional<QDate> anchor;  // Weekly with everyWeeks > 1: a date of the cycle
};

struct CalendarWarning {
    QString message;
    SourceLocation location;  // policy.yml:line:col of the text that could not be read
    [[nodiscard]] QString toString() const;
};

enum class CalendarEventKind {
    Release,
    CodeFreeze,
    Cleanup,  // a completed canary's cleanup_after: the old version removed from the canary environment
};
QString calendarEventKindName(CalendarEventKind kind);  // "release", "code_freeze", "cleanup"
enum class CalendarSource { Cadence, Calendar, Store };
QString calendarSourceName(CalendarSource source);  // "cadence", "calendar", "store"

struct CalendarEvent {
    CalendarEventKind kind = CalendarEventKind::Release;
    CalendarSource source = CalendarSource::Cadence;
    QString train;  // empty for store releases and entries without a train
    QString title;  // "Module release", "Platform Release", "Release 3.7.0", "Code freeze: ..."
    QString version;  // from a calendar entry or the store; may be empty
    QDate date;  // in the event's zone (all-day events: the date itself)
    std::optional<QDateTime> at;  // when the time is known, in its zone
    QString zoneLabel;
    QString detail;  // the train's cadence and day, the store state, ...
    QString state;  // store releases: releaseStateName
    std::optional<QDate> overdueSince;  // store releases still live after their target date

    [[nodiscard]] bool isFreeze() const { return kind == CalendarEventKind::CodeFreeze; }
};

struct ReleaseCalendar {
    QList<CalendarEvent> events;  // by date, then time, releases before freezes
    QList<CalendarWarning> warnings;
    QList<TrainSchedule> schedules;  // one per policy train, in policy order
};

// A completed canary's scheduled cleanup (canary.cleanup_after, issue 15 item 3).
struct CanaryCleanup {
    QString version;
    QString environment;
    QDateTime due;  // UTC
};

// Adds each cleanup due in [from, to] (UTC dates) as a Cleanup event at its time, in date order.
void addCanaryCleanups(ReleaseCalendar &calendar, const QList<CanaryCleanup> &cleanups, QDate from, QDate to);

// Reads train index `index` of the policy; problems go to warnings (with locations).
TrainSchedule parseTrainSchedule(const Policy &policy, int index, QList<CalendarWarning> *warnings);

// Every release and freeze with a date in [from, to], inclusive; today decides which releases
// are overdue.
ReleaseCalendar computeReleaseCalendar(const Policy &policy, const QList<ReleaseRecord> &releases, QDate from,
    QDate to, QDate today = QDate::currentDate());

// The n-th (1-based, -1 = last) weekday of a month; invalid when the month has no such day.
QDate nthWeekdayOfMonth(int year, int month, int weekday, int nth);

// "10:00 PT" / "all day"; with local, " (19:00 CET)" when the local zone shows another time.
QString calendarTimeText(const CalendarEvent &event, bool withLocal = true);

}  // namespace cockpit
