#pragma once
// When each notification template of the policy is due for one release: events relative to the
// target date ("announce", "code_freeze" with before: 7d) get a due date; events of the release's
// life (deploying, deployed, released, rolled_back) are relevant in the states that follow them.
#include "policy.h"
#include "release.h"

#include <QDate>
#include <QList>
#include <QString>
#include <optional>

namespace cockpit {

struct ScheduledNotification {
    int index = 0;  // into policy.notifications
    QString name;
    QString event;
    QString channel;
    std::optional<QDate> due;  // none: "when it happens" (rolled_back) or no target date
    bool relevant = false;  // worth sending in the release's current state
    QString when;  // "due 2026-11-19 (7 days before the target date), 3 days overdue"
};

// One entry per template, in policy order. deployedOn: the newest deployment's date, if any.
QList<ScheduledNotification> scheduleNotifications(
    const Policy &policy, const ReleaseRecord &release, std::optional<QDate> deployedOn, QDate today);

// The due date alone (what {due_date} says); none when the event has no date.
std::optional<QDate> notificationDueDate(const Policy &policy, const NotificationPolicy &notification,
    const ReleaseRecord &release, std::optional<QDate> deployedOn);

}  // namespace cockpit
