#pragma once
// iCalendar (RFC 5545) text of the release calendar: one VEVENT per release, code freeze, freeze
// window occurrence and stop-the-line, with stable UIDs so a re-import updates instead of
// duplicating. CRLF lines folded at 75 octets, TEXT values escaped. Pure.
#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace cockpit {

struct IcsEvent {
    QString uid;  // stable: "release-3.7.0@PROJECT"
    QString summary;
    QString description;
    QString category;  // RELEASE, CODE-FREEZE, FREEZE-WINDOW, STOP-THE-LINE
    QDate day;  // all-day event when valid (start and end are then ignored)
    QDateTime start;  // UTC
    QDateTime end;  // UTC; invalid: open-ended (stop-the-line) -> DTSTART only
};

QByteArray toICalendar(const QString &project, const QList<IcsEvent> &events, const QDateTime &stamp);
// RFC 5545 TEXT escaping: backslash, semicolon, comma, newline.
QString icsEscape(const QString &text);

}  // namespace cockpit
