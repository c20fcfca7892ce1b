#pragma once
// Recurring freeze windows: the subset of RFC 5545 RRULE the cockpit can compute, and their
// occurrences. Supported: FREQ=DAILY or FREQ=WEEKLY (WEEKLY needs BYDAY), BYDAY (MO..SU, no
// ordinals), BYHOUR, BYMINUTE, INTERVAL=1. Anything else (COUNT, UNTIL, BYMONTH, BYSETPOS,
// INTERVAL>1, ordinal BYDAY like 1MO) is refused with the offset of the part it cannot express,
// so the policy names policy.yml:L:C instead of freezing at the wrong time.
#include "error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <chrono>

namespace cockpit {

struct RecurrenceRule {
    enum class Frequency { Daily, Weekly };
    Frequency frequency = Frequency::Weekly;
    QList<int> days;  // Qt::DayOfWeek 1 (Monday) .. 7; empty: every day (DAILY)
    QList<int> hours {0};
    QList<int> minutes {0};
    QString text;  // as written, for the ICS export
};

// Parses "FREQ=WEEKLY;BYDAY=FR;BYHOUR=15". On error, Error.location.column is the 1-based
// offset in `text` of the part that cannot be expressed (the caller adds the file and line).
Result<RecurrenceRule> parseRecurrenceRule(const QString &text);

// The occurrences' starts in [from, to), in `zone` wall time (UTC results), ascending.
QList<QDateTime> recurrenceStarts(const RecurrenceRule &rule, const QTimeZone &zone, const QDateTime &from, const QDateTime &to);

}  // namespace cockpit
