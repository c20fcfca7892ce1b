// libFuzzer target: a train's cadence and day text (NUL-separated; plus a calendar entry's
// version) go through the policy reader into the release calendar. Nothing crashes or hangs;
// every warning says what and points into the generated policy.yml at a real line; a readable
// schedule has sane fields; the events lie in the asked range, in order.
#include "fuzz_text.h"
#include "policy_loader.h"
#include "release_calendar.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit;

namespace {

void checkWarnings(const QList<CalendarWarning> &warnings, int lines)
{
    for (const CalendarWarning &w : warnings)
        if (w.message.isEmpty() || w.location.file != u"fuzz.yml" || w.location.line < 1
            || w.location.line > lines)
            std::abort();
}

void checkSchedule(const TrainSchedule &s)
{
    using Kind = TrainSchedule::Kind;
    if (s.kind == Kind::Weekly && (s.everyWeeks < 1 || s.weekday < 1 || s.weekday > 7))
        std::abort();
    // dayOfMonth may exceed 31 ("38th of month" reads as 38 and schedules nothing, silently).
    if (s.kind == Kind::Monthly && (s.nth < -1 || s.nth > 5 || s.dayOfMonth < 0))
        std::abort();
    if (s.time && !s.time->isValid())
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> f = fuzz::fields(data, size, 3);
    const QByteArray yaml = "project: Fuzz\nroles:\n  release_manager: [rm@example.com]\nrelease_types:\n"
                            "  patch: {}\ncode_freeze: 2d\ntrains:\n  - name: module\n    cadence: "
        + fuzz::yamlQuoted(QString::fromUtf8(f.at(0)))
        + "\n    day: " + fuzz::yamlQuoted(QString::fromUtf8(f.at(1)))
        + "\ncalendar:\n  - {date: 2026-02-17, event: Module Release, train: module, version: "
        + fuzz::yamlQuoted(QString::fromUtf8(f.at(2))) + "}\n";
    const int lines = int(yaml.count('\n'));
    const auto policy = parsePolicy(yaml, QStringLiteral("fuzz.yml"));
    if (!policy) {
        if (policy.error().message.isEmpty())
            std::abort();
        return 0;
    }
    QList<CalendarWarning> warnings;
    checkSchedule(parseTrainSchedule(*policy, 0, &warnings));
    checkWarnings(warnings, lines);
    const QDate from(2026, 1, 1), to(2026, 12, 31);
    const ReleaseCalendar calendar = computeReleaseCalendar(*policy, {}, from, to);
    checkWarnings(calendar.warnings, lines);
    QDate previous = from;
    for (const CalendarEvent &e : calendar.events) {
        if (!e.date.isValid() || e.date < previous || e.date > to)
            std::abort();
        previous = e.date;
        (void)calendarTimeText(e);
    }
    return 0;
}
