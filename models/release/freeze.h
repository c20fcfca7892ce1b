#pragma once
// Freeze windows and stop-the-line: what holds every deploy at a moment, as readiness blockers
// (kind "hold") with when they clear. Pure: the session passes the policy, the stored
// stop-the-line and the clock.
#include "policy.h"
#include "readiness.h"

#include <QDateTime>
#include <optional>

namespace cockpit {

// The workspace-wide stop-the-line (`freeze start --reason T`), as stored.
struct StopTheLine {
    qint64 id = 0;
    QString reason;
    QString startedBy;
    QDateTime startedAt;  // UTC
    QString endedBy;  // empty while it holds
    QDateTime endedAt;
    [[nodiscard]] bool active() const { return !endedAt.isValid(); }
};

// One occurrence of a freeze window.
struct FreezeSpan {
    QString name;
    QString reason;
    QDateTime start;  // UTC
    QDateTime end;  // UTC, exclusive
    QStringList exempt;
};

// The windows' occurrences that overlap [from, to), by start.
QList<FreezeSpan> freezeSpans(const QList<FreezeWindowPolicy> &windows, const QDateTime &from, const QDateTime &to);

struct Holds {
    QList<Blocker> blockers;  // what holds a deploy of this release type now
    QStringList exemptions;  // windows this type is exempt from that hold now: "freeze window Weekend (policy exempts hotfix)"
};

// What holds a deploy of a release of `releaseType` at `now`: the stop-the-line (nothing is
// exempt from it) and every freeze window in force that does not exempt the type.
Holds deployHolds(const Policy &policy, const std::optional<StopTheLine> &stop, const QString &releaseType, const QDateTime &now);

}  // namespace cockpit
