#include "recurrence.h"

#include <QStringList>

#include <algorithm>

namespace cockpit {

namespace {

const QStringList kDays {QStringLiteral("MO"), QStringLiteral("TU"), QStringLiteral("WE"), QStringLiteral("TH"),
    QStringLiteral("FR"), QStringLiteral("SA"), QStringLiteral("SU")};

Error unsupported(int column, const QString &what)
{
    return Error {ErrorCode::BadInput, what, SourceLocation {QString(), 0, column}};
}

// "15,18" within [min, max]; offset: the 1-based column of the value's first character.
Result<QList<int>> numbers(const QString &value, int min, int max, int offset, const QString &key)
{
    QList<int> out;
    int column = offset;
    for (const QString &part : value.split(u',')) {
        bool ok = false;
        const int n = part.toInt(&ok);
        if (!ok || n < min || n > max)
            return std::unexpected(unsupported(column, QStringLiteral("%1: \"%2\" is not a number from %3 to %4")
                                                            .arg(key, part).arg(min).arg(max)));
        if (!out.contains(n))
            out << n;
        column += int(part.size()) + 1;
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

Result<RecurrenceRule> parseRecurrenceRule(const QString &text)
{
    RecurrenceRule rule;
    rule.text = text.trimmed();
    QString body = rule.text;
    int column = 1 + int(text.indexOf(body));
    if (body.startsWith(QLatin1String("RRULE:"), Qt::CaseInsensitive)) {
        body = body.mid(6);
        column += 6;
    }
    bool haveFreq = false;
    for (const QString &part : body.split(u';')) {
        const int eq = int(part.indexOf(u'='));
        const QString key = part.left(eq).toUpper();
        const QString value = part.mid(eq + 1).toUpper();
        const int valueColumn = column + eq + 1;
        if (eq <= 0)
            return std::unexpected(unsupported(column, QStringLiteral("\"%1\" is not KEY=VALUE").arg(part)));
        if (key == u"FREQ") {
            haveFreq = true;
            if (value == u"DAILY")
                rule.frequency = RecurrenceRule::Frequency::Daily;
            else if (value == u"WEEKLY")
                rule.frequency = RecurrenceRule::Frequency::Weekly;
            else
                return std::unexpected(unsupported(valueColumn,
                    QStringLiteral("FREQ=%1 is not supported (freeze windows recur DAILY or WEEKLY)").arg(value)));
        } else if (key == u"BYDAY") {
            int c = valueColumn;
            for (const QString &day : value.split(u',')) {
                const qsizetype index = kDays.indexOf(day);
                if (index < 0)
                    return std::unexpected(unsupported(c,
                        QStringLiteral("BYDAY \"%1\" is not supported (MO, TU, WE, TH, FR, SA or SU; no ordinals)").arg(day)));
                if (!rule.days.contains(int(index) + 1))
                    rule.days << int(index) + 1;
                c += int(day.size()) + 1;
            }
        } else if (key == u"BYHOUR") {
            auto hours = numbers(value, 0, 23, valueColumn, key);
            if (!hours)
                return std::unexpected(hours.error());
            rule.hours = *hours;
        } else if (key == u"BYMINUTE") {
            auto minutes = numbers(value, 0, 59, valueColumn, key);
            if (!minutes)
                return std::unexpected(minutes.error());
            rule.minutes = *minutes;
        } else if (key == u"INTERVAL" && value == u"1") {
            // the default
        } else if (key == u"WKST") {
            // only matters with INTERVAL > 1
        } else {
            return std::unexpected(unsupported(column,
                QStringLiteral("%1 cannot be expressed in a freeze window (supported: FREQ=DAILY|WEEKLY, BYDAY, BYHOUR, "
                               "BYMINUTE, INTERVAL=1)")
                    .arg(part)));
        }
        column += int(part.size()) + 1;
    }
    if (!haveFreq)
        return std::unexpected(unsupported(1, QStringLiteral("an RRULE needs FREQ (DAILY or WEEKLY)")));
    if (rule.frequency == RecurrenceRule::Frequency::Weekly && rule.days.isEmpty())
        return std::unexpected(unsupported(1, QStringLiteral("FREQ=WEEKLY needs BYDAY (the freeze has no start date to take it from)")));
    return rule;
}

QList<QDateTime> recurrenceStarts(const RecurrenceRule &rule, const QTimeZone &zone, const QDateTime &from, const QDateTime &to)
{
    QList<QDateTime> starts;
    if (!from.isValid() || !to.isValid() || to <= from)
        return starts;
    // Wall-clock days in the zone, one either side for offsets.
    const QDate first = from.toTimeZone(zone).date().addDays(-1);
    const QDate last = to.toTimeZone(zone).date().addDays(1);
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        if (!rule.days.isEmpty() && !rule.days.contains(day.dayOfWeek()))
            continue;
        for (int hour : rule.hours)
            for (int minute : rule.minutes) {
                const QDateTime at = QDateTime(day, QTime(hour, minute), zone).toUTC();
                if (at >= from && at < to)
                    starts << at;
            }
    }
    std::sort(starts.begin(), starts.end());
    return starts;
}

}  // namespace cockpit
