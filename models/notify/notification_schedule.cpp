#include "notification_schedule.h"

#include <QList>

namespace cockpit {

namespace {

using std::chrono::seconds;

bool beforeDeployment(ReleaseState s)
{
    return s == ReleaseState::Draft || s == ReleaseState::Frozen || s == ReleaseState::Candidate
        || s == ReleaseState::Approved;
}

// How long before the target date an event falls; 0 for events of the release's life.
seconds leadTime(const Policy &policy, const NotificationPolicy &n)
{
    if (n.before.count() > 0)
        return n.before;
    if (n.event == u"code_freeze")
        return policy.codeFreeze;
    return seconds(0);
}

bool datedEvent(const Policy &policy, const NotificationPolicy &n)
{
    return leadTime(policy, n).count() > 0 || n.event == u"announce" || n.event == u"code_freeze";
}

// The states in which a life-cycle event's message is worth sending.
QList<ReleaseState> statesFor(const QString &event)
{
    using S = ReleaseState;
    if (event == u"deploying")
        return {S::Approved, S::Deploying};
    if (event == u"deployed")
        return {S::Soaking, S::Released};
    if (event == u"released")
        return {S::Released};
    if (event == u"rolled_back")
        return {S::RolledBack};
    if (event == u"aborted")
        return {S::Aborted};
    return {};
}

QString days(qint64 n)
{
    return n == 1 ? QStringLiteral("1 day") : QStringLiteral("%1 days").arg(n);
}

QString datedWhen(const Policy &policy, const NotificationPolicy &n, const ReleaseRecord &release,
    const std::optional<QDate> &due, bool relevant, QDate today)
{
    if (!due)
        return QStringLiteral("no target date set");
    const qint64 lead = leadTime(policy, n).count() / 86400;
    QString text = lead > 0
        ? QStringLiteral("due %1 (%2 before the target date)").arg(due->toString(Qt::ISODate), days(lead))
        : QStringLiteral("due %1").arg(due->toString(Qt::ISODate));
    if (!relevant)
        return text
            + QStringLiteral(", past: the release is %1").arg(releaseStateTitle(release.state).toLower());
    const qint64 delta = today.daysTo(*due);
    if (delta > 0)
        return text + QStringLiteral(", in ") + days(delta);
    if (delta == 0)
        return text + QStringLiteral(", today");
    return text + QStringLiteral(", %1 overdue").arg(days(-delta));
}

QString lifeWhen(const NotificationPolicy &n, const ReleaseRecord &release, bool relevant, bool known)
{
    const QString state = releaseStateTitle(release.state).toLower();
    if (!known)
        return QStringLiteral("on %1 (event not tied to a release state)").arg(n.event);
    if (relevant)
        return QStringLiteral("now: the release is %1").arg(state);
    QString event = n.event;
    event.replace(u'_', u' ');
    return QStringLiteral("when the release is %1 (it is %2)").arg(event, state);
}

}  // namespace

std::optional<QDate> notificationDueDate(const Policy &policy, const NotificationPolicy &notification,
    const ReleaseRecord &release, std::optional<QDate> deployedOn)
{
    if (datedEvent(policy, notification)) {
        if (!release.targetDate.isValid())
            return std::nullopt;
        return release.targetDate.addDays(-(leadTime(policy, notification).count() / 86400));
    }
    if (notification.event == u"rolled_back" || notification.event == u"aborted")
        return std::nullopt;
    if ((notification.event == u"deployed" || notification.event == u"released") && deployedOn)
        return deployedOn;
    if (release.targetDate.isValid())
        return release.targetDate;
    return std::nullopt;
}

QList<ScheduledNotification> scheduleNotifications(
    const Policy &policy, const ReleaseRecord &release, std::optional<QDate> deployedOn, QDate today)
{
    QList<ScheduledNotification> out;
    for (int i = 0; i < policy.notifications.size(); ++i) {
        const NotificationPolicy &n = policy.notifications.at(i);
        ScheduledNotification s {i, n.name, n.event, n.channel, {}, false, {}};
        s.due = notificationDueDate(policy, n, release, deployedOn);
        if (datedEvent(policy, n)) {
            s.relevant = beforeDeployment(release.state);
            s.when = datedWhen(policy, n, release, s.due, s.relevant, today);
        } else {
            const QList<ReleaseState> states = statesFor(n.event);
            s.relevant = states.isEmpty() || states.contains(release.state);
            s.when = lifeWhen(n, release, s.relevant, !states.isEmpty());
        }
        out << s;
    }
    return out;
}

}  // namespace cockpit
