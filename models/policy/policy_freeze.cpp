// Section readers: freeze_windows (recurring by an RRULE, or dated) and verify_timeout.
#include "policy_sections.h"

#include <QTimeZone>

namespace cockpit {

namespace {

QDateTime readInstant(PolicyReader &reader, const MapView &view, const QString &key, const QTimeZone &zone)
{
    const YAML::Node node = view.require(key);
    const QString text = view.string(key);
    if (const QDate day = QDate::fromString(text, Qt::ISODate); day.isValid() && text.size() == 10)
        return QDateTime(day, QTime(0, 0), zone).toUTC();
    QDateTime at = QDateTime::fromString(text, Qt::ISODate);
    if (!at.isValid())
        reader.expected(node, view.childPath(key), QStringLiteral("a date like 2026-12-24 or a time like 2026-12-24T18:00:00Z"));
    if (at.timeSpec() == Qt::LocalTime)  // no offset written: the window's time zone
        at = QDateTime(at.date(), at.time(), zone);
    return at.toUTC();
}

void readRule(PolicyReader &reader, const MapView &view, FreezeWindowPolicy &window)
{
    const YAML::Node node = view.get(QStringLiteral("rrule"));
    auto rule = parseRecurrenceRule(view.string(QStringLiteral("rrule")));
    if (!rule) {
        SourceLocation at = reader.where(node);
        // The column of the part the cockpit cannot express (a quoted scalar starts at its quote).
        if (at.column > 0)
            at.column += rule.error().location.column - 1 + (node.Tag() == "!" ? 1 : 0);
        throw PolicyReadError {Error {ErrorCode::BadInput,
            QStringLiteral("%1: %2").arg(view.childPath(QStringLiteral("rrule")), rule.error().message), at}};
    }
    window.rule = *rule;
    view.require(QStringLiteral("duration"));
    window.duration = view.duration(QStringLiteral("duration")).value_or(std::chrono::seconds(0));
    if (window.duration.count() <= 0 || window.duration > std::chrono::days(14))
        reader.expected(view.get(QStringLiteral("duration")), view.childPath(QStringLiteral("duration")),
            QStringLiteral("a duration from 1m to 14d"));
}

}  // namespace

void readFreezeWindows(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (root.has(QStringLiteral("verify_timeout")))
        policy.verifyTimeout = root.duration(QStringLiteral("verify_timeout")).value_or(policy.verifyTimeout);
    if (!root.has(QStringLiteral("freeze_windows")))
        return;
    const QStringList keys {QStringLiteral("name"), QStringLiteral("rrule"), QStringLiteral("duration"),
        QStringLiteral("timezone"), QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("exempt"),
        QStringLiteral("reason")};
    QStringList typeNames;
    for (const ReleaseTypePolicy &type : std::as_const(policy.releaseTypes))
        typeNames << type.name;
    for (const MapView &view : reader.namedItems(
             root.get(QStringLiteral("freeze_windows")), QStringLiteral("freeze_windows"), keys)) {
        FreezeWindowPolicy window;
        window.name = view.string(QStringLiteral("name"));
        window.reason = view.string(QStringLiteral("reason"));
        window.timezone = view.string(QStringLiteral("timezone"));
        QTimeZone zone = QTimeZone::utc();
        if (!window.timezone.isEmpty()) {
            zone = QTimeZone(window.timezone.toUtf8());
            if (!zone.isValid())
                reader.expected(view.get(QStringLiteral("timezone")), view.childPath(QStringLiteral("timezone")),
                    QStringLiteral("an IANA time zone like Europe/Berlin"));
        }
        const QString kind = view.exactlyOne({QStringLiteral("rrule"), QStringLiteral("start")});
        if (kind == u"rrule") {
            readRule(reader, view, window);
        } else {
            window.start = readInstant(reader, view, QStringLiteral("start"), zone);
            window.end = readInstant(reader, view, QStringLiteral("end"), zone);
            if (window.end <= window.start)
                reader.expected(view.get(QStringLiteral("end")), view.childPath(QStringLiteral("end")),
                    QStringLiteral("a time after start"));
        }
        window.exempt = view.strings(QStringLiteral("exempt"));
        for (qsizetype i = 0; i < window.exempt.size(); ++i)
            reader.requireKnown(view.item(QStringLiteral("exempt"), i),
                QStringLiteral("%1[%2]").arg(view.childPath(QStringLiteral("exempt"))).arg(i), QStringLiteral("release type"),
                window.exempt.at(i), typeNames);
        policy.freezeWindows << window;
    }
}

}  // namespace cockpit
