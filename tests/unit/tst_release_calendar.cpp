// The release calendar from the release-train preset (seed 001): Feb-Mar 2026 as the seed's
// calendar and cadences give it, first/second Tuesdays, the biweekly anchor, D-2 freezes, 10:00 PT
// across the 2026-03-08 DST switch, store releases, and day texts that cannot be read.
#include "policy_loader.h"
#include "release_calendar.h"

#include <QFile>
#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;

class TestReleaseCalendar : public QObject {
    Q_OBJECT

private slots:
    void nthWeekdays();
    void presetTrainsAreRead();
    void februaryAndMarch2026();
    void freezesAreTwoDaysBefore();
    void tenAmPacificAcrossDst();
    void biweeklyWithoutAnchorCountsFromEpoch();
    void storeReleasesAppear();
    void unreadableTextIsReportedWithItsPlace();
    void canaryCleanupsAreScheduledInOrder();
};

namespace {

Policy releaseTrain()
{
    QFile f(QStringLiteral(COCKPIT_SOURCE_DIR "/resources/presets/release-train/policy.yml"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the release-train preset");
    auto policy = parsePolicy(f.readAll(), QStringLiteral("policy.yml"));
    if (!policy)
        qFatal("%s", qPrintable(policy.error().toString()));
    return *policy;
}

Policy fromYaml(const QByteArray &tail)
{
    const QByteArray head
        = "project: T\nroles:\n  release_manager: [rm@example.com]\nrelease_types:\n  patch: {}\n";
    auto policy = parsePolicy(head + tail, QStringLiteral("policy.yml"));
    if (!policy)
        qFatal("%s", qPrintable(policy.error().toString()));
    return *policy;
}

QStringList releaseLines(const ReleaseCalendar &calendar)
{
    QStringList lines;
    for (const CalendarEvent &e : calendar.events) {
        if (!e.isFreeze())
            lines << QStringLiteral("%1 %2 %3 %4")
                         .arg(e.date.toString(Qt::ISODate), e.train, calendarSourceName(e.source),
                             e.at ? e.at->toUTC().toString(QStringLiteral("HH:mm'Z'")) : QStringLiteral("-"));
    }
    return lines;
}

const QDate kFeb1(2026, 2, 1);
const QDate kMar31(2026, 3, 31);

}  // namespace

void TestReleaseCalendar::nthWeekdays()
{
    QCOMPARE(nthWeekdayOfMonth(2026, 2, Qt::Tuesday, 1), QDate(2026, 2, 3));
    QCOMPARE(nthWeekdayOfMonth(2026, 2, Qt::Tuesday, 2), QDate(2026, 2, 10));
    QCOMPARE(nthWeekdayOfMonth(2026, 3, Qt::Tuesday, 1), QDate(2026, 3, 3));
    QCOMPARE(nthWeekdayOfMonth(2026, 3, Qt::Tuesday, -1), QDate(2026, 3, 31));
    QCOMPARE(nthWeekdayOfMonth(2026, 2, Qt::Tuesday, 5), QDate());  // February 2026 has four
}

void TestReleaseCalendar::presetTrainsAreRead()
{
    const ReleaseCalendar calendar = computeReleaseCalendar(releaseTrain(), {}, kFeb1, kMar31);
    QVERIFY2(calendar.warnings.isEmpty(), qPrintable(calendar.warnings.value(0).toString()));
    QCOMPARE(calendar.schedules.size(), 3);
    const TrainSchedule &module = calendar.schedules[0];
    QCOMPARE(module.kind, TrainSchedule::Kind::Weekly);
    QCOMPARE(module.everyWeeks, 2);
    QCOMPARE(module.weekday, int(Qt::Tuesday));
    QCOMPARE(*module.time, QTime(10, 0));
    QCOMPARE(module.zone.id(), QByteArray("America/Los_Angeles"));
    // Anchored on the first module entry (Wed 2026-02-18), moved to that week's Tuesday.
    QCOMPARE(*module.anchor, QDate(2026, 2, 17));
    QCOMPARE(calendar.schedules[1].kind, TrainSchedule::Kind::Monthly);
    QCOMPARE(calendar.schedules[1].nth, 1);
    QCOMPARE(calendar.schedules[2].nth, 2);
    QVERIFY(!calendar.schedules[1].time);
}

void TestReleaseCalendar::februaryAndMarch2026()
{
    // Seed 001's calendar puts every release on a Wednesday; each entry replaces its train's
    // computed occurrence of the same cycle: platform Feb 11 for Feb 3 (first Tuesday), product
    // Feb 25 for Feb 10 (second Tuesday), module Feb 18 for Feb 17 and Mar 11 for Mar 17 (the
    // nearest biweekly Tuesday, 6 days away). Module Feb 3, Mar 3 and Mar 31 stay from the cadence.
    // 10:00 PT is 18:00Z before 2026-03-08 (PST) and 17:00Z after (PDT).
    const ReleaseCalendar calendar = computeReleaseCalendar(releaseTrain(), {}, kFeb1, kMar31);
    const QStringList expected {
        QStringLiteral("2026-02-03 module cadence 18:00Z"),
        QStringLiteral("2026-02-11 platform calendar -"),
        QStringLiteral("2026-02-18 module calendar 18:00Z"),
        QStringLiteral("2026-02-25 product calendar -"),
        QStringLiteral("2026-03-03 module cadence 18:00Z"),
        QStringLiteral("2026-03-04 platform calendar -"),
        QStringLiteral("2026-03-11 module calendar 17:00Z"),
        QStringLiteral("2026-03-18 product calendar -"),
        QStringLiteral("2026-03-31 module cadence 17:00Z"),
    };
    QCOMPARE(releaseLines(calendar), expected);
    const CalendarEvent &billing
        = calendar.events.at(5);  // freezes Feb 1, 9, 16 and releases Feb 3, 11 first
    QCOMPARE(billing.version, QStringLiteral("billing/v2.1.0"));
    QCOMPARE(billing.title, QStringLiteral("Module Release"));
}

void TestReleaseCalendar::freezesAreTwoDaysBefore()
{
    const ReleaseCalendar calendar = computeReleaseCalendar(releaseTrain(), {}, kFeb1, kMar31);
    QStringList freezes;
    for (const CalendarEvent &e : calendar.events) {
        if (e.isFreeze())
            freezes << e.date.toString(QStringLiteral("MM-dd"));
    }
    // D-2 of each release above; Feb 1 is the freeze of Feb 3, inside the range.
    QCOMPARE(freezes,
        QStringList({"02-01", "02-09", "02-16", "02-23", "03-01", "03-02", "03-09", "03-16", "03-29"}));
    QCOMPARE(calendar.events.size(), 18);
    // A freeze starts at the release's wall-clock time, two days earlier.
    const CalendarEvent &first = calendar.events.first();
    QVERIFY(first.isFreeze());
    QCOMPARE(first.at->toUTC(), QDateTime(QDate(2026, 2, 1), QTime(18, 0), Qt::UTC));
    QVERIFY(first.title.startsWith(QLatin1String("Code freeze")));
    // A freeze inside the range whose release is after it still shows (Mar 29 for Mar 31).
    const ReleaseCalendar late
        = computeReleaseCalendar(releaseTrain(), {}, QDate(2026, 3, 29), QDate(2026, 3, 29));
    QCOMPARE(late.events.size(), 1);
    QVERIFY(late.events.first().isFreeze());
}

void TestReleaseCalendar::tenAmPacificAcrossDst()
{
    // Weekly Tuesdays with a 3-day freeze: Sat 2026-03-07 is before the switch (PST, UTC-8), Tue
    // 2026-03-10 after it (PDT, UTC-7). 72 hours before the release would be 09:00 PST.
    const Policy policy
        = fromYaml("code_freeze: 3d\n"
                   "trains:\n  - {name: web, cadence: Weekly, day: \"Tuesdays at 10:00 PT\"}\n");
    const ReleaseCalendar calendar
        = computeReleaseCalendar(policy, {}, QDate(2026, 3, 7), QDate(2026, 3, 10));
    QVERIFY2(calendar.warnings.isEmpty(), qPrintable(calendar.warnings.value(0).toString()));
    QCOMPARE(calendar.events.size(), 2);
    const CalendarEvent &freeze = calendar.events[0];
    const CalendarEvent &release = calendar.events[1];
    QCOMPARE(release.at->toUTC(), QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC));
    QCOMPARE(freeze.at->toUTC(), QDateTime(QDate(2026, 3, 7), QTime(18, 0), Qt::UTC));
    QCOMPARE(freeze.at->time(), QTime(10, 0));
    QVERIFY(calendarTimeText(release, false).startsWith(QLatin1String("10:00 PT")));
}

void TestReleaseCalendar::biweeklyWithoutAnchorCountsFromEpoch()
{
    // No calendar entry: even weeks from Monday 1970-01-05, so Thursday 1970-01-08 + 14k days.
    // 2026-03-05 is 20510 days after 1970-01-08 = 1465 * 14: a release week; 03-12 is not.
    const Policy policy = fromYaml("trains:\n  - {name: m, cadence: Bi-weekly, day: Thursday 2pm UTC}\n");
    const ReleaseCalendar calendar
        = computeReleaseCalendar(policy, {}, QDate(2026, 3, 1), QDate(2026, 3, 31));
    QCOMPARE(
        releaseLines(calendar), QStringList({"2026-03-05 m cadence 14:00Z", "2026-03-19 m cadence 14:00Z"}));
    QCOMPARE(calendar.warnings.size(), 1);  // says the weeks are counted from 1970-01-05
    QVERIFY(calendar.warnings.first().message.contains(QLatin1String("1970-01-05")));
}

void TestReleaseCalendar::storeReleasesAppear()
{
    ReleaseRecord r;
    r.version = QStringLiteral("3.7.0");
    r.type = QStringLiteral("minor");
    r.state = ReleaseState::Approved;
    r.targetDate = QDate(2026, 3, 12);
    ReleaseRecord billing = r;  // the calendar's own entry: merged, not doubled
    billing.version = QStringLiteral("billing/v2.1.0");
    billing.targetDate = QDate(2026, 2, 18);
    ReleaseRecord undated = r;
    undated.version = QStringLiteral("3.8.0");
    undated.targetDate = QDate();
    const ReleaseCalendar calendar
        = computeReleaseCalendar(releaseTrain(), {r, billing, undated}, kFeb1, kMar31);
    QCOMPARE(calendar.events.size(), 20);  // 18 + 3.7.0 and its freeze on Mar 10
    int found = 0;
    for (const CalendarEvent &e : calendar.events) {
        if (e.version == QLatin1String("3.7.0") && !e.isFreeze()) {
            ++found;
            QCOMPARE(e.source, CalendarSource::Store);
            QCOMPARE(e.state, QStringLiteral("approved"));
            QCOMPARE(e.date, QDate(2026, 3, 12));
        }
        if (e.version == QLatin1String("billing/v2.1.0") && !e.isFreeze())
            QCOMPARE(e.state, QStringLiteral("approved"));
    }
    QCOMPARE(found, 1);

    // Judged on 20 March, the approved 3.7.0 of 12 March is overdue; the billing entry too.
    const ReleaseCalendar later
        = computeReleaseCalendar(releaseTrain(), {r, billing, undated}, kFeb1, kMar31, QDate(2026, 3, 20));
    for (const CalendarEvent &e : later.events) {
        if (e.version == QLatin1String("3.7.0") && !e.isFreeze())
            QCOMPARE(e.overdueSince, std::optional<QDate>(QDate(2026, 3, 12)));
        else if (e.state.isEmpty())
            QVERIFY(!e.overdueSince);  // cadence entries are plans, not releases
    }
    r.state = ReleaseState::Released;  // a released release is not overdue
    for (const CalendarEvent &e : computeReleaseCalendar(releaseTrain(), {r}, kFeb1, kMar31, QDate(2026, 3, 20)).events)
        QVERIFY(!e.overdueSince);
}

void TestReleaseCalendar::unreadableTextIsReportedWithItsPlace()
{
    const Policy policy
        = fromYaml("trains:\n"
                   "  - {name: a, cadence: Monthly, day: \"Second Tuesday of month, teatime\"}\n"
                   "  - {name: b, cadence: Whenever it is ready, day: Friday}\n");
    const ReleaseCalendar calendar
        = computeReleaseCalendar(policy, {}, QDate(2026, 2, 1), QDate(2026, 2, 28));
    QCOMPARE(calendar.warnings.size(), 2);
    const CalendarWarning &day = calendar.warnings[0];
    QVERIFY2(day.message.contains(QLatin1String("\"teatime\"")), qPrintable(day.message));
    QCOMPARE(day.location.file, QStringLiteral("policy.yml"));
    QCOMPARE(day.location.line, 7);  // the head is 5 lines, then "trains:"
    QVERIFY(day.location.column > 0);
    QVERIFY(day.toString().startsWith(QLatin1String("policy.yml:7:")));
    QVERIFY(calendar.warnings[1].message.contains(QLatin1String("Whenever it is ready")));
    QCOMPARE(calendar.warnings[1].location.line, 8);
    // The readable part still schedules: the second Tuesday of February 2026.
    QCOMPARE(releaseLines(calendar), QStringList({"2026-02-10 a cadence -"}));
}

QTEST_GUILESS_MAIN(TestReleaseCalendar)
// Issue 15: a completed canary's cleanup_after is a scheduled item at its time, among the
// releases by date and time; cleanups outside the range are left out.
void TestReleaseCalendar::canaryCleanupsAreScheduledInOrder()
{
    const Policy policy = releaseTrain();
    ReleaseCalendar calendar = computeReleaseCalendar(policy, {}, QDate(2026, 2, 1), QDate(2026, 3, 31));
    const qsizetype before = calendar.events.size();
    QVERIFY(before > 0);
    const QDateTime due(QDate(2026, 2, 10), QTime(23, 30), QTimeZone::utc());
    addCanaryCleanups(calendar,
        {{QStringLiteral("3.6.10"), QStringLiteral("production"), due},
            {QStringLiteral("3.6.9"), QStringLiteral("production"), due.addMonths(3)}},
        QDate(2026, 2, 1), QDate(2026, 3, 31));
    QCOMPARE(calendar.events.size(), before + 1);
    qsizetype at = -1;
    for (qsizetype i = 0; i < calendar.events.size(); ++i)
        if (calendar.events[i].kind == CalendarEventKind::Cleanup)
            at = i;
    QVERIFY(at >= 0);
    const CalendarEvent &cleanup = calendar.events[at];
    QCOMPARE(cleanup.version, QStringLiteral("3.6.10"));
    QCOMPARE(cleanup.date, QDate(2026, 2, 10));
    QCOMPARE(*cleanup.at, due);
    QCOMPARE(calendarEventKindName(cleanup.kind), QStringLiteral("cleanup"));
    QVERIFY(cleanup.detail.contains(QStringLiteral("production")));
    // In date order: everything before it is no later, everything after no earlier.
    for (qsizetype i = 0; i < calendar.events.size(); ++i)
        QVERIFY(i < at ? calendar.events[i].date <= cleanup.date : i == at || calendar.events[i].date >= cleanup.date);
}

#include "tst_release_calendar.moc"
