// Freeze windows: the RRULE subset (each unsupported part refused with its column, and
// policy.yml:L:C from the policy), occurrences in UTC and in a zone across a DST change, dated
// windows, exemptions, the stop-the-line blocker, and the iCalendar text (escaping, folding).
#include "calendar_ics.h"
#include "freeze.h"
#include "policy_loader.h"

#include <QTest>

using namespace cockpit;

namespace {

QDateTime utc(int y, int m, int d, int h, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}

FreezeWindowPolicy weekend()
{
    FreezeWindowPolicy w;
    w.name = QStringLiteral("Weekend");
    w.rule = parseRecurrenceRule(QStringLiteral("FREQ=WEEKLY;BYDAY=FR;BYHOUR=15")).value();
    w.duration = std::chrono::hours(66);  // Friday 15:00 to Monday 09:00
    w.exempt = {QStringLiteral("hotfix")};
    return w;
}

const QByteArray kPolicyHead = "project: T\n"
                               "roles: {release_manager: [rm@x]}\n"
                               "release_types: {minor: {}, hotfix: {}}\n"
                               "freeze_windows:\n";

}  // namespace

class TestFreezeWindows : public QObject {
    Q_OBJECT
private slots:
    void parsesTheSupportedSubset();
    void refusesWhatItCannotExpress_data();
    void refusesWhatItCannotExpress();
    void weekendHoldsFromFridayToMonday();
    void zoneKeepsWallClockAcrossDst();
    void datedWindowAndExemption();
    void stopTheLineHoldsEveryType();
    void policyReadsWindowsAndLocatesBadRules();
    void icsEscapesAndFolds();
};

void TestFreezeWindows::parsesTheSupportedSubset()
{
    auto rule = parseRecurrenceRule(QStringLiteral("RRULE:FREQ=DAILY;BYDAY=MO,WE;BYHOUR=18,6;BYMINUTE=30;INTERVAL=1"));
    QVERIFY2(rule, qPrintable(rule ? QString() : rule.error().message));
    QCOMPARE(rule->frequency, RecurrenceRule::Frequency::Daily);
    QCOMPARE(rule->days, (QList<int> {1, 3}));
    QCOMPARE(rule->hours, (QList<int> {6, 18}));
    QCOMPARE(rule->minutes, QList<int> {30});
}

void TestFreezeWindows::refusesWhatItCannotExpress_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("monthly") << "FREQ=MONTHLY;BYDAY=FR" << 6 << "FREQ=MONTHLY is not supported";
    QTest::newRow("count") << "FREQ=WEEKLY;BYDAY=FR;COUNT=3" << 22 << "COUNT=3 cannot be expressed";
    QTest::newRow("until") << "FREQ=DAILY;UNTIL=20271231T000000Z" << 12 << "UNTIL=20271231T000000Z cannot be expressed";
    QTest::newRow("interval 2") << "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR" << 13 << "INTERVAL=2 cannot be expressed";
    QTest::newRow("ordinal day") << "FREQ=WEEKLY;BYDAY=MO,1FR" << 22 << "BYDAY \"1FR\" is not supported";
    QTest::newRow("hour 24") << "FREQ=DAILY;BYHOUR=9,24" << 21 << "BYHOUR: \"24\" is not a number from 0 to 23";
    QTest::newRow("weekly without day") << "FREQ=WEEKLY;BYHOUR=9" << 1 << "FREQ=WEEKLY needs BYDAY";
    QTest::newRow("no freq") << "BYDAY=FR" << 1 << "an RRULE needs FREQ";
}

void TestFreezeWindows::refusesWhatItCannotExpress()
{
    QFETCH(QString, rule);
    QFETCH(int, column);
    QFETCH(QString, message);
    auto parsed = parseRecurrenceRule(rule);
    QVERIFY(!parsed);
    QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
    QCOMPARE(parsed.error().location.column, column);
}

void TestFreezeWindows::weekendHoldsFromFridayToMonday()
{
    Policy policy;
    policy.freezeWindows << weekend();
    // Friday 2026-12-11 14:59: not yet; 15:00 Friday to Monday 09:00: held; 09:00 Monday: free.
    QVERIFY(deployHolds(policy, {}, QStringLiteral("minor"), utc(2026, 12, 11, 14, 59)).blockers.isEmpty());
    const Holds saturday = deployHolds(policy, {}, QStringLiteral("minor"), utc(2026, 12, 12, 12));
    QCOMPARE(saturday.blockers.size(), 1);
    QCOMPARE(saturday.blockers.first().kind, QStringLiteral("hold"));
    QCOMPARE(saturday.blockers.first().what, QStringLiteral("freeze window Weekend until 2026-12-14 09:00 UTC"));
    QCOMPARE(saturday.blockers.first().earliest, utc(2026, 12, 14, 9));
    QVERIFY(!deployHolds(policy, {}, QStringLiteral("minor"), utc(2026, 12, 14, 8, 59)).blockers.isEmpty());
    QVERIFY(deployHolds(policy, {}, QStringLiteral("minor"), utc(2026, 12, 14, 9)).blockers.isEmpty());
    // A hotfix goes through, with the exemption named for the audit log.
    const Holds hotfix = deployHolds(policy, {}, QStringLiteral("hotfix"), utc(2026, 12, 12, 12));
    QVERIFY(hotfix.blockers.isEmpty());
    QCOMPARE(hotfix.exemptions.size(), 1);
    QVERIFY2(hotfix.exemptions.first().contains(QLatin1String("the policy exempts hotfix releases")), qPrintable(hotfix.exemptions.first()));
    // Four weekends in four weeks (from Monday 09:00, when the last one ended).
    QCOMPARE(freezeSpans(policy.freezeWindows, utc(2026, 12, 7, 9), utc(2027, 1, 4, 9)).size(), 4);
}

void TestFreezeWindows::zoneKeepsWallClockAcrossDst()
{
    FreezeWindowPolicy w = weekend();
    w.timezone = QStringLiteral("Europe/Berlin");
    // Friday 15:00 in Berlin is 13:00 UTC in summer (CEST) and 14:00 UTC in winter (CET).
    const QList<FreezeSpan> summer = freezeSpans({w}, utc(2026, 7, 6, 12), utc(2026, 7, 12, 0));
    QCOMPARE(summer.size(), 1);
    QCOMPARE(summer.first().start, utc(2026, 7, 10, 13));
    const QList<FreezeSpan> winter = freezeSpans({w}, utc(2026, 12, 7, 12), utc(2026, 12, 13, 0));
    QCOMPARE(winter.first().start, utc(2026, 12, 11, 14));
}

void TestFreezeWindows::datedWindowAndExemption()
{
    FreezeWindowPolicy holidays;
    holidays.name = QStringLiteral("Holidays");
    holidays.reason = QStringLiteral("holiday freeze");
    holidays.start = utc(2026, 12, 24, 0);
    holidays.end = utc(2027, 1, 2, 0);
    Policy policy;
    policy.freezeWindows << holidays;
    const Holds held = deployHolds(policy, {}, QStringLiteral("hotfix"), utc(2026, 12, 31, 23));
    QCOMPARE(held.blockers.size(), 1);  // no exemption in this window: hotfixes wait too
    QCOMPARE(held.blockers.first().what, QStringLiteral("freeze window Holidays (holiday freeze) until 2027-01-02 00:00 UTC"));
    QVERIFY(deployHolds(policy, {}, QStringLiteral("minor"), utc(2027, 1, 2, 0)).blockers.isEmpty());
}

void TestFreezeWindows::stopTheLineHoldsEveryType()
{
    Policy policy;
    StopTheLine stop {1, QStringLiteral("db incident"), QStringLiteral("rm@x"), utc(2026, 12, 7, 8), {}, {}};
    const Holds held = deployHolds(policy, stop, QStringLiteral("hotfix"), utc(2026, 12, 7, 9));
    QCOMPARE(held.blockers.size(), 1);
    QCOMPARE(held.blockers.first().what, QStringLiteral("stop-the-line since 2026-12-07 08:00 UTC by rm@x: db incident"));
    QCOMPARE(held.blockers.first().target, QStringLiteral("stop-the-line"));
    QVERIFY(!held.blockers.first().earliest.isValid());  // no time clears it: a person does
    stop.endedAt = utc(2026, 12, 7, 8, 30);
    QVERIFY(deployHolds(policy, stop, QStringLiteral("hotfix"), utc(2026, 12, 7, 9)).blockers.isEmpty());
}

void TestFreezeWindows::policyReadsWindowsAndLocatesBadRules()
{
    auto policy = parsePolicy(kPolicyHead
            + "  - name: Weekend\n"
              "    rrule: FREQ=WEEKLY;BYDAY=FR;BYHOUR=15\n"
              "    duration: 66h\n"
              "    timezone: Europe/Berlin\n"
              "    exempt: [hotfix]\n"
              "  - name: Holidays\n"
              "    start: 2026-12-24\n"
              "    end: 2027-01-02T00:00:00Z\n"
              "verify_timeout: 2m\n",
        QStringLiteral("policy.yml"));
    QVERIFY2(policy, qPrintable(policy ? QString() : policy.error().toString()));
    QCOMPARE(policy->freezeWindows.size(), 2);
    QCOMPARE(policy->freezeWindows[0].duration, std::chrono::seconds(66 * 3600));
    QCOMPARE(policy->freezeWindows[1].start, utc(2026, 12, 24, 0));
    QCOMPARE(policy->verifyTimeout, std::chrono::seconds(120));
    // COUNT starts at column 33 of the rrule line (plain) and 34 when quoted.
    auto bad = parsePolicy(kPolicyHead + "  - name: Weekend\n    rrule: FREQ=WEEKLY;BYDAY=FR;COUNT=3\n    duration: 66h\n",
        QStringLiteral("policy.yml"));
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::BadInput);
    QCOMPARE(bad.error().location.toString(), QStringLiteral("policy.yml:6:33"));
    QVERIFY2(bad.error().message.startsWith(QLatin1String("freeze_windows[0].rrule: COUNT=3 cannot be expressed")),
        qPrintable(bad.error().message));
    auto quoted = parsePolicy(kPolicyHead + "  - name: Weekend\n    rrule: 'FREQ=WEEKLY;BYDAY=FR;COUNT=3'\n    duration: 66h\n",
        QStringLiteral("policy.yml"));
    QCOMPARE(quoted.error().location.toString(), QStringLiteral("policy.yml:6:34"));
    auto exempt = parsePolicy(kPolicyHead + "  - name: W\n    rrule: FREQ=DAILY\n    duration: 1h\n    exempt: [hotfx]\n",
        QStringLiteral("policy.yml"));
    QVERIFY(!exempt);
    QVERIFY2(exempt.error().message.contains(QLatin1String("did you mean \"hotfix\"")), qPrintable(exempt.error().message));
}

void TestFreezeWindows::icsEscapesAndFolds()
{
    IcsEvent e;
    e.uid = QStringLiteral("release-3.7.0@t");
    e.summary = QStringLiteral("Release 3.7.0; notes, and a\\backslash");
    e.description = QString(100, u'é');
    e.category = QStringLiteral("RELEASE");
    e.day = QDate(2026, 12, 10);
    const QByteArray ics = toICalendar(QStringLiteral("T"), {e}, utc(2026, 12, 7, 9));
    QVERIFY(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    QVERIFY(ics.contains("SUMMARY:Release 3.7.0\\; notes\\, and a\\\\backslash\r\n"));
    QVERIFY(ics.contains("DTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261211\r\n"));
    for (const QByteArray &line : ics.split('\n'))
        QVERIFY2(line.size() <= 76, line.constData());  // 75 octets + the CR
    QVERIFY(QString::fromUtf8(QByteArray(ics).replace("\r\n ", "")).contains(QString(100, u'é')));
}

QTEST_GUILESS_MAIN(TestFreezeWindows)
#include "tst_freeze_windows.moc"
