// Session: freezes. Stop-the-line is stored (every workstation of a team store sees it) and holds
// every deploy and forward move; freeze windows come from the policy; both become readiness
// blockers (kind "hold") through currentHolds. The calendar's iCalendar export lives here too:
// releases, code freezes, freeze windows and a stop-the-line in one file a mail client imports.
#include "calendar_ics.h"
#include "metrics_service.h"
#include "release_calendar.h"
#include "session.h"
#include "store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

QFuture<Result<StopTheLine>> Session::startStopTheLine(QString reason)
{
    auto future = m_inFlight.keep(m_store->startStopTheLine(std::move(reason), identity().id));
    follow(future, [this](const Result<StopTheLine> &stop) {
        if (stop)
            announce({SessionEvent::Kind::FreezeChanged, {}, CheckKind::Changelog, {}, QStringLiteral("start"), {}});
    });
    return future;
}

QFuture<Result<StopTheLine>> Session::endStopTheLine(QString reason)
{
    auto future = m_inFlight.keep(m_store->endStopTheLine(std::move(reason), identity().id));
    follow(future, [this](const Result<StopTheLine> &stop) {
        if (stop)
            announce({SessionEvent::Kind::FreezeChanged, {}, CheckKind::Changelog, {}, QStringLiteral("end"), {}});
    });
    return future;
}

QFuture<Result<std::optional<StopTheLine>>> Session::stopTheLine()
{
    return m_inFlight.keep(m_store->stopTheLine());
}

Result<Holds> Session::currentHolds(Store *store, const Policy &policy, const QString &releaseType, const QDateTime &now)
{
    auto stop = store->stopTheLine().result();
    if (!stop)
        return std::unexpected(stop.error());
    return deployHolds(policy, *stop, releaseType, now);
}

Result<QByteArray> Session::buildCalendarIcs(
    Store *store, const Workspace &ws, const QDate &from, const QDate &to, const QDateTime &now)
{
    auto calendar = MetricsService::calendarOf(store, ws.policy, from, to);
    if (!calendar)
        return std::unexpected(calendar.error());
    auto stop = store->stopTheLine().result();
    if (!stop)
        return std::unexpected(stop.error());
    const QString project = ws.policy.project;
    const QString domain = QString(project).replace(QLatin1Char(' '), QLatin1Char('-')).toLower();
    QList<IcsEvent> events;
    for (const CalendarEvent &e : calendar->events) {
        IcsEvent ev;
        const QString what = e.version.isEmpty() ? e.title : e.version;
        const QString kind = calendarEventKindName(e.kind).replace(QLatin1Char('_'), QLatin1Char('-'));
        ev.uid = QStringLiteral("%1-%2-%3@%4")
                     .arg(kind, what, e.date.toString(Qt::ISODate), domain)
                     .replace(QLatin1Char(' '), QLatin1Char('-'));
        ev.summary = e.title;
        ev.description = e.detail;
        ev.category = kind.toUpper();
        if (e.at) {
            ev.start = e.at->toUTC();
            ev.end = ev.start.addSecs(3600);
        } else {
            ev.day = e.date;
        }
        events << ev;
    }
    const QDateTime fromUtc(from, QTime(0, 0), QTimeZone::utc());
    const QDateTime toUtc(to.addDays(1), QTime(0, 0), QTimeZone::utc());
    for (const FreezeSpan &span : freezeSpans(ws.policy.freezeWindows, fromUtc, toUtc)) {
        IcsEvent ev;
        ev.uid = QStringLiteral("freeze-%1-%2@%3")
                     .arg(span.name, span.start.toString(QStringLiteral("yyyyMMdd'T'HHmm")), domain)
                     .replace(QLatin1Char(' '), QLatin1Char('-'));
        ev.summary = QStringLiteral("Freeze window: %1").arg(span.name);
        QStringList detail;
        if (!span.reason.isEmpty())
            detail << span.reason;
        detail << QStringLiteral("No deploys.");
        if (!span.exempt.isEmpty())
            detail << QStringLiteral("Exempt: %1.").arg(span.exempt.join(QStringLiteral(", ")));
        ev.description = detail.join(u' ');
        ev.category = QStringLiteral("FREEZE-WINDOW");
        ev.start = span.start;
        ev.end = span.end;
        events << ev;
    }
    if (*stop) {
        IcsEvent ev;
        ev.uid = QStringLiteral("stop-the-line-%1@%2").arg((*stop)->id).arg(domain);
        ev.summary = QStringLiteral("Stop-the-line: %1").arg((*stop)->reason);
        ev.description = QStringLiteral("Started by %1. Every deploy is held until it is lifted.").arg((*stop)->startedBy);
        ev.category = QStringLiteral("STOP-THE-LINE");
        ev.start = (*stop)->startedAt;
        events << ev;
    }
    return toICalendar(project, events, now);
}

QFuture<Result<QByteArray>> Session::calendarIcs(QDate from, QDate to)
{
    return m_inFlight.keep(QtConcurrent::run([store = m_store, ws = workspace(), from, to] {
        return buildCalendarIcs(store, ws, from, to, QDateTime::currentDateTimeUtc());
    }));
}

}  // namespace cockpit
