#include "release_calendar.h"

#include <QRegularExpression>

namespace cockpit {
namespace {

using Kind = TrainSchedule::Kind;

struct ZoneName {
    const char *label;
    const char *iana;
};

// The abbreviations release documents use; "PT" means Pacific time whatever the season, which
// is exactly America/Los_Angeles (PST in winter, PDT in summer).
const ZoneName kZones[] = {{"pt", "America/Los_Angeles"}, {"pst", "America/Los_Angeles"},
    {"pdt", "America/Los_Angeles"}, {"pacific", "America/Los_Angeles"}, {"mt", "America/Denver"},
    {"mst", "America/Denver"}, {"mdt", "America/Denver"}, {"ct", "America/Chicago"},
    {"cst", "America/Chicago"}, {"cdt", "America/Chicago"}, {"et", "America/New_York"},
    {"est", "America/New_York"}, {"edt", "America/New_York"}, {"eastern", "America/New_York"}, {"utc", "UTC"},
    {"gmt", "UTC"}, {"z", "UTC"}, {"cet", "Europe/Berlin"}, {"cest", "Europe/Berlin"},
    {"bst", "Europe/London"}, {"ist", "Asia/Kolkata"}, {"jst", "Asia/Tokyo"}};

int weekdayFromWord(const QString &word)
{
    static const char *const names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int i = 0; i < 7; ++i) {
        if (word.startsWith(QLatin1String(names[i])))
            return i + 1;
    }
    return 0;
}

int nthFromWord(const QString &word)
{
    static const char *const words[] = {"first", "second", "third", "fourth", "fifth"};
    for (int i = 0; i < 5; ++i) {
        if (word == QLatin1String(words[i]))
            return i + 1;
    }
    if (word == QLatin1String("last"))
        return -1;
    return word.left(word.size() - 2).toInt();  // "1st", "2nd"
}

// Removes every match of re from text (so leftovers can be reported) and returns the matches.
QList<QRegularExpressionMatch> take(QString &text, const QRegularExpression &re)
{
    QList<QRegularExpressionMatch> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next();
    for (qsizetype i = found.size() - 1; i >= 0; --i)
        text.replace(found[i].capturedStart(), found[i].capturedLength(), QLatin1Char(' '));
    return found;
}

void warn(QList<CalendarWarning> *warnings, const Policy &policy, const QString &path, const QString &message)
{
    if (warnings)
        warnings->append({message, policy.locationOf(path)});
}

void readCadence(const TrainPolicy &train, TrainSchedule &s, bool *ok)
{
    const QString c = train.cadence.toLower();
    static const QRegularExpression everyN(QStringLiteral("every\\s+(\\d+|two|three|four|other)\\s+weeks?"));
    const auto n = everyN.match(c);
    *ok = true;
    if (n.hasMatch()) {
        const QString w = n.captured(1);
        s.kind = Kind::Weekly;
        s.everyWeeks = w == QLatin1String("two") || w == QLatin1String("other") ? 2
            : w == QLatin1String("three")                                       ? 3
            : w == QLatin1String("four")                                        ? 4
                                                                                : w.toInt();
        *ok = s.everyWeeks >= 1 && s.everyWeeks <= 52;
    } else if (c.contains(QRegularExpression(QStringLiteral("bi-?weekly|fortnight")))) {
        s.kind = Kind::Weekly;
        s.everyWeeks = 2;
    } else if (c.contains(QRegularExpression(QStringLiteral("\\bweekly\\b|every week")))) {
        s.kind = Kind::Weekly;
    } else if (c.contains(QRegularExpression(QStringLiteral("\\bmonthly\\b|every month")))) {
        s.kind = Kind::Monthly;
    } else {
        *ok = false;
    }
}

// Time ("10 AM", "10:30", "2:00 pm") and zone ("PT", "Europe/Berlin") out of the day text.
void readTimeAndZone(QString &text, const QString &original, TrainSchedule &s, QStringList *unread)
{
    static const QRegularExpression iana(QStringLiteral("\\b([A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)\\b"));
    const auto zoneMatches = take(text, iana);
    if (!zoneMatches.isEmpty()) {
        const QString id
            = original.mid(zoneMatches.first().capturedStart(1), zoneMatches.first().capturedLength(1));
        s.zone = QTimeZone(id.toLatin1());
        s.zoneLabel = id;
        if (!s.zone.isValid())
            *unread << id;
    }
    static const QRegularExpression clock(QStringLiteral(
        "\\b(\\d{1,2})(?::(\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?)(?=\\W|$)|\\b(\\d{1,2}):(\\d{2})\\b"));
    const auto times = take(text, clock);
    if (!times.isEmpty()) {
        const auto &m = times.first();
        int hour = m.captured(1).isEmpty() ? m.captured(4).toInt() : m.captured(1).toInt();
        const int minute = m.captured(1).isEmpty() ? m.captured(5).toInt() : m.captured(2).toInt();
        const QString meridiem = m.captured(3);
        if (!meridiem.isEmpty())
            hour = hour % 12 + (meridiem.startsWith(u'p') ? 12 : 0);
        const QTime time(hour, minute);
        if (time.isValid())
            s.time = time;
        else
            *unread << m.captured(0).trimmed();
    }
    static const QRegularExpression word(QStringLiteral("\\b[a-z]+\\b"));
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured(0);
        for (const ZoneName &z : kZones) {
            if (w == QLatin1String(z.label) && s.zoneLabel.isEmpty()) {
                s.zone = QTimeZone(QByteArray(z.iana));
                s.zoneLabel = w.toUpper();
                text.replace(QRegularExpression(QStringLiteral("\\b%1\\b").arg(w)), QStringLiteral(" "));
            }
        }
    }
}

void readDay(const Policy &policy, int index, TrainSchedule &s, QList<CalendarWarning> *warnings)
{
    const TrainPolicy &train = policy.trains.at(index);
    const QString path = QStringLiteral("trains[%1].day").arg(index);
    QString text = train.day.toLower();
    QStringList unread;
    readTimeAndZone(text, train.day, s, &unread);
    static const QRegularExpression nthWeekday(
        QStringLiteral("\\b(first|second|third|fourth|fifth|last|[1-5](?:st|nd|rd|th))\\s+([a-z]+days?|mon|"
                       "tues?|wed|thu|fri|sat|sun)\\b"));
    static const QRegularExpression weekday(QStringLiteral(
        "\\b((?:mon|tues|wednes|thurs|fri|satur|sun)days?|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\\b"));
    static const QRegularExpression dayNumber(QStringLiteral("\\b(\\d{1,2})(?:st|nd|rd|th)\\b"));
    for (const auto &m : take(text, nthWeekday)) {
        s.nth = nthFromWord(m.captured(1));
        s.weekday = weekdayFromWord(m.captured(2));
        if (s.weekday == 0)
            unread << m.captured(2);
    }
    for (const auto &m : take(text, weekday))
        s.weekday = weekdayFromWord(m.captured(1));
    for (const auto &m : take(text, dayNumber))
        s.dayOfMonth = m.captured(1).toInt();
    // Words that carry no schedule ("of month", "each", "at").
    static const QRegularExpression filler(
        QStringLiteral("\\b(of|the|month|months|each|every|at|on|and|a|in|day|week)\\b|[(),.;:-]"));
    take(text, filler);
    for (const QString &w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        unread << w;
    if (!unread.isEmpty())
        warn(warnings, policy, path,
            QStringLiteral("train %1: cannot read \"%2\" in day \"%3\"")
                .arg(train.name, unread.join(QLatin1Char(' ')), train.day));
    if (s.time && !s.zone.isValid()) {
        s.zone = QTimeZone::utc();
        s.zoneLabel = QStringLiteral("UTC");
        warn(warnings, policy, path,
            QStringLiteral("train %1: day \"%2\" has a time but no zone; UTC assumed")
                .arg(train.name, train.day));
    }
}

// The anchor of an every-N-weeks train: its first explicit entry, on the train's weekday.
void anchorSchedule(const Policy &policy, int index, TrainSchedule &s, QList<CalendarWarning> *warnings)
{
    std::optional<QDate> first;
    for (const CalendarEntryPolicy &entry : policy.calendar) {
        if (entry.train == s.train && (!first || entry.date < *first))
            first = entry.date;
    }
    if (s.weekday == 0 && first)
        s.weekday = first->dayOfWeek();
    if (first) {
        s.anchor = first->addDays(s.weekday - first->dayOfWeek());
        return;
    }
    s.anchor = QDate(1970, 1, 5).addDays(s.weekday - 1);  // a Monday: even weeks from it
    if (s.everyWeeks > 1)
        warn(warnings, policy, QStringLiteral("trains[%1].cadence").arg(index),
            QStringLiteral("train %1: no calendar entry anchors its every-%2-weeks cadence; weeks are "
                           "counted from Monday 1970-01-05")
                .arg(s.train)
                .arg(s.everyWeeks));
}

}  // namespace

QString CalendarWarning::toString() const
{
    return location.isValid() ? QStringLiteral("%1: %2").arg(location.toString(), message) : message;
}

QString calendarSourceName(CalendarSource source)
{
    switch (source) {
    case CalendarSource::Cadence:
        return QStringLiteral("cadence");
    case CalendarSource::Calendar:
        return QStringLiteral("calendar");
    case CalendarSource::Store:
        return QStringLiteral("store");
    }
    return {};
}

QDate nthWeekdayOfMonth(int year, int month, int weekday, int nth)
{
    const QDate first(year, month, 1);
    if (!first.isValid() || weekday < 1 || weekday > 7 || nth == 0)
        return {};
    if (nth < 0) {
        const QDate last(year, month, first.daysInMonth());
        return last.addDays(-((last.dayOfWeek() - weekday + 7) % 7));
    }
    const QDate day = first.addDays((weekday - first.dayOfWeek() + 7) % 7 + 7 * (nth - 1));
    return day.month() == month ? day : QDate();
}

TrainSchedule parseTrainSchedule(const Policy &policy, int index, QList<CalendarWarning> *warnings)
{
    const TrainPolicy &train = policy.trains.at(index);
    TrainSchedule s;
    s.train = train.name;
    bool cadenceOk = false;
    readCadence(train, s, &cadenceOk);
    if (!cadenceOk) {
        warn(warnings, policy, QStringLiteral("trains[%1].cadence").arg(index),
            QStringLiteral(
                "train %1: cannot read cadence \"%2\" (expected weekly, every N weeks, biweekly or "
                "monthly); its releases are not scheduled")
                .arg(train.name, train.cadence));
        s.kind = Kind::None;
        return s;
    }
    readDay(policy, index, s, warnings);
    if (s.kind == Kind::Weekly)
        anchorSchedule(policy, index, s, warnings);
    const bool monthlyOk = s.kind != Kind::Monthly || s.weekday != 0 || s.dayOfMonth != 0;
    if (!monthlyOk || (s.kind == Kind::Weekly && s.weekday == 0)) {
        warn(warnings, policy, QStringLiteral("trains[%1].day").arg(index),
            QStringLiteral("train %1: day \"%2\" names no weekday or day of the month; its releases are not "
                           "scheduled")
                .arg(train.name, train.day));
        s.kind = Kind::None;
    }
    if (s.kind == Kind::Monthly && s.weekday != 0 && s.nth == 0)
        s.nth = 1;  // "Monthly" + "Tuesday": the first one
    return s;
}

}  // namespace cockpit
