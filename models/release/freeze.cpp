#include "freeze.h"
#include <algorithm>

namespace cockpit {

namespace {

QTimeZone zoneOf(const FreezeWindowPolicy &w)
{
    if (w.timezone.isEmpty())
        return QTimeZone::utc();
    const QTimeZone zone(w.timezone.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

}  // namespace

QList<FreezeSpan> freezeSpans(const QList<FreezeWindowPolicy> &windows, const QDateTime &from, const QDateTime &to)
{
    QList<FreezeSpan> spans;
    for (const FreezeWindowPolicy &w : windows) {
        if (w.rule) {
            // An occurrence overlapping [from, to) started at most `duration` before `from`.
            for (const QDateTime &start :
                recurrenceStarts(*w.rule, zoneOf(w), from.addSecs(-w.duration.count()), to)) {
                const QDateTime end = start.addSecs(w.duration.count());
                if (end > from)
                    spans << FreezeSpan {w.name, w.reason, start, end, w.exempt};
            }
        } else if (w.start.isValid() && w.end.isValid() && w.start < to && w.end > from) {
            spans << FreezeSpan {w.name, w.reason, w.start, w.end, w.exempt};
        }
    }
    std::sort(spans.begin(), spans.end(), [](const FreezeSpan &a, const FreezeSpan &b) { return a.start < b.start; });
    return spans;
}

Holds deployHolds(const Policy &policy, const std::optional<StopTheLine> &stop, const QString &releaseType, const QDateTime &now)
{
    Holds holds;
    if (stop && stop->active())
        holds.blockers << Blocker {QStringLiteral("hold"),
            QStringLiteral("stop-the-line since %1 by %2: %3")
                .arg(readinessTime(stop->startedAt), stop->startedBy, stop->reason),
            QStringLiteral("someone lifts it: release-cockpit freeze end"), {}, QStringLiteral("stop-the-line")};
    for (const FreezeSpan &span : freezeSpans(policy.freezeWindows, now, now.addSecs(1))) {
        const QString what = QStringLiteral("freeze window %1%2 until %3")
                                 .arg(span.name, span.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(span.reason),
                                     readinessTime(span.end));
        if (span.exempt.contains(releaseType)) {
            holds.exemptions << QStringLiteral("%1: the policy exempts %2 releases (freeze_windows.%3.exempt)")
                                    .arg(what, releaseType, span.name);
            continue;
        }
        holds.blockers << Blocker {QStringLiteral("hold"), what,
            QStringLiteral("the window ends at %1").arg(readinessTime(span.end)), span.end,
            QStringLiteral("freeze-window:%1").arg(span.name)};
    }
    return holds;
}

}  // namespace cockpit
