#include "calendar_ics.h"

namespace cockpit {

namespace {

QByteArray utc(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

// Content lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 sequence.
void line(QByteArray &out, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    qsizetype pos = 0;
    qsizetype limit = 75;
    while (bytes.size() - pos > limit) {
        qsizetype cut = pos + limit;
        while (cut > pos && (static_cast<unsigned char>(bytes.at(cut)) & 0xC0) == 0x80)
            --cut;  // a continuation byte: cut before its sequence
        out += bytes.mid(pos, cut - pos) + "\r\n ";
        pos = cut;
        limit = 74;  // the leading space counts
    }
    out += bytes.mid(pos) + "\r\n";
}

}  // namespace

QString icsEscape(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if (c == u'\\' || c == u';' || c == u',')
            out += u'\\';
        if (c == u'\n') {
            out += QStringLiteral("\\n");
            continue;
        }
        if (c == u'\r')
            continue;
        out += c;
    }
    return out;
}

QByteArray toICalendar(const QString &project, const QList<IcsEvent> &events, const QDateTime &stamp)
{
    QByteArray out;
    line(out, QStringLiteral("BEGIN:VCALENDAR"));
    line(out, QStringLiteral("VERSION:2.0"));
    line(out, QStringLiteral("PRODID:-//Release Cockpit//%1//EN").arg(icsEscape(project)));
    line(out, QStringLiteral("CALSCALE:GREGORIAN"));
    line(out, QStringLiteral("X-WR-CALNAME:%1 releases").arg(icsEscape(project)));
    for (const IcsEvent &e : events) {
        line(out, QStringLiteral("BEGIN:VEVENT"));
        line(out, QStringLiteral("UID:%1").arg(e.uid));
        line(out, QStringLiteral("DTSTAMP:%1").arg(QString::fromLatin1(utc(stamp))));
        if (e.day.isValid()) {
            line(out, QStringLiteral("DTSTART;VALUE=DATE:%1").arg(e.day.toString(QStringLiteral("yyyyMMdd"))));
            line(out, QStringLiteral("DTEND;VALUE=DATE:%1").arg(e.day.addDays(1).toString(QStringLiteral("yyyyMMdd"))));
        } else {
            line(out, QStringLiteral("DTSTART:%1").arg(QString::fromLatin1(utc(e.start))));
            if (e.end.isValid())
                line(out, QStringLiteral("DTEND:%1").arg(QString::fromLatin1(utc(e.end))));
        }
        line(out, QStringLiteral("SUMMARY:%1").arg(icsEscape(e.summary)));
        if (!e.description.isEmpty())
            line(out, QStringLiteral("DESCRIPTION:%1").arg(icsEscape(e.description)));
        if (!e.category.isEmpty())
            line(out, QStringLiteral("CATEGORIES:%1").arg(e.category));
        line(out, QStringLiteral("TRANSP:%1").arg(e.category == u"RELEASE" ? QStringLiteral("TRANSPARENT") : QStringLiteral("OPAQUE")));
        line(out, QStringLiteral("END:VEVENT"));
    }
    line(out, QStringLiteral("END:VCALENDAR"));
    return out;
}

}  // namespace cockpit
