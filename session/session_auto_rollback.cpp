// Automatic rollback (issue 15 item 3b): a rollback trigger marked `automatic: true` that fires
// during a live soak starts the rollback plan by itself, the trigger being the incident's cause.
// No person confirms it, so it runs only the steps that need none: at the first manual or
// conditional step RollbackService::hold halts it and traffic stays where those steps left it.
// Every move is a SessionEvent (the window's banner, `soak watch`'s lines) and the policy's
// notifications for rollback_halted and rolled_back go to their webhooks.
#include "notification_service.h"
#include "rollback_service.h"
#include "session.h"
#include "soak_monitor.h"
#include "webhook_client.h"

#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcAutoRollback, "cockpit.session.rollback")

namespace cockpit {

void Session::watchSoak(SoakMonitor *monitor, QString version)
{
    QPointer<SoakMonitor> watched(monitor);
    connect(monitor, &SoakMonitor::triggerFired, this, [this, watched, version](const QString &name, const QString &) {
        if (!watched)
            return;
        const SoakRecording recording = watched->recording();
        const SoakEvaluation evaluation = watched->evaluation();
        for (qsizetype i = 0; i < recording.triggers.size(); ++i) {
            const RecordedTrigger &t = recording.triggers.at(i);
            if (t.policy.name != name || !t.policy.automatic || !isRollbackAction(t.policy.action))
                continue;
            const TriggerResult result = evaluation.triggers.value(i);
            const TriggerInput input {t.policy, t.series, t.baseline, t.step};
            rollBackAutomatically(version, name, triggerSighting(input, result, watched->probeDetail(t.policy.probe)));
        }
    });
}

void Session::rollBackAutomatically(QString version, QString trigger, QString sighting)
{
    const QString key = version + QLatin1Char('/') + trigger;
    if (m_automaticAsked.contains(key))
        return;  // one automatic rollback per trigger and release
    m_automaticAsked.insert(key);
    followAutomaticRollbacks();
    const QString reason = QStringLiteral("automatic rollback: trigger \"%1\" fired%2")
                               .arg(trigger, sighting.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(sighting));
    announceAutomatic(version, trigger, QStringLiteral("started"), reason);
    whenReady(this, m_rollbacks->plan(version, reason, trigger), [this, version, trigger](Result<RollbackPlan> plan) {
        if (!plan) {
            announceAutomatic(version, trigger, QStringLiteral("failed"),
                QStringLiteral("the automatic rollback could not be planned: %1").arg(plan.error().toString()));
            postRollbackNotifications(version, QStringLiteral("rollback_halted"));
            return;
        }
        plan->automatic = true;
        // The confirmation a person would type is the policy's: automatic: true on this trigger.
        const QString typed = plan->version;
        whenReady(this, m_rollbacks->confirm(*plan, typed), [this, version, trigger](Result<RollbackRecord> record) {
            if (!record) {
                announceAutomatic(version, trigger, QStringLiteral("failed"),
                    QStringLiteral("the automatic rollback could not start: %1").arg(record.error().toString()));
                postRollbackNotifications(version, QStringLiteral("rollback_halted"));
                return;
            }
            m_automaticRunning.insert(record->id, trigger);
            m_automaticVersion.insert(record->id, version);
            if (record->state == RollbackState::AwaitingApproval) {
                m_automaticRunning.remove(record->id);
                announceAutomatic(version, trigger, QStringLiteral("halted"),
                    QStringLiteral("automatic rollback #%1 halted before its first step: the policy asks a second "
                                   "person to approve it (rollback approve %2)")
                        .arg(record->id)
                        .arg(version),
                    record->id);
                postRollbackNotifications(version, QStringLiteral("rollback_halted"));
                return;
            }
            qCInfo(lcAutoRollback) << "automatic rollback" << record->id << "of" << version << "by" << trigger;
            m_rollbacks->run(record->id);
        });
    });
}

void Session::followAutomaticRollbacks()
{
    if (m_automaticFollowed)
        return;
    m_automaticFollowed = true;
    // A step that needs a person: nobody is there to answer, so the rollback halts on it.
    connect(m_rollbacks, &RollbackService::waitingForPerson, this,
        [this](qint64 id, int index, const QString &instruction) {
            if (!m_automaticRunning.contains(id))
                return;
            Q_UNUSED(index);
            m_rollbacks->hold(id,
                QStringLiteral("it needs a person (%1) and nobody confirms the steps of an automatic rollback; "
                               "traffic stays where the steps before it left it")
                    .arg(instruction));
        });
    connect(m_rollbacks, &RollbackService::halted, this, [this](qint64 id, int index, const QString &why) {
        if (!m_automaticRunning.contains(id))
            return;
        const QString trigger = m_automaticRunning.take(id);
        const QString version = m_automaticVersion.value(id);
        announceAutomatic(version, trigger, QStringLiteral("halted"),
            QStringLiteral("automatic rollback #%1 of %2 HALTED at step %3: %4. Resume it with: release-cockpit rollback %2 --resume")
                .arg(id)
                .arg(version)
                .arg(index + 1)
                .arg(why),
            id);
        postRollbackNotifications(version, QStringLiteral("rollback_halted"));
    });
    connect(m_rollbacks, &RollbackService::finished, this, [this](const RollbackRecord &record) {
        if (!m_automaticRunning.contains(record.id))
            return;
        const QString trigger = m_automaticRunning.take(record.id);
        const bool ok = record.state == RollbackState::Succeeded;
        announceAutomatic(record.version, trigger, ok ? QStringLiteral("finished") : QStringLiteral("halted"),
            ok ? QStringLiteral("automatic rollback #%1 rolled %2 back to %3")
                     .arg(record.id)
                     .arg(record.version, record.plan.targetVersion)
               : QStringLiteral("automatic rollback #%1 of %2 was aborted: %3").arg(record.id).arg(record.version, record.note),
            record.id);
        postRollbackNotifications(record.version, ok ? QStringLiteral("rolled_back") : QStringLiteral("rollback_halted"));
    });
    connect(m_rollbacks, &RollbackService::refused, this, [this](qint64 id, RollbackRefusal, const QString &why) {
        if (!m_automaticRunning.contains(id))
            return;
        const QString trigger = m_automaticRunning.take(id);
        const QString version = m_automaticVersion.value(id);
        announceAutomatic(version, trigger, QStringLiteral("halted"),
            QStringLiteral("automatic rollback #%1 of %2 HALTED: %3").arg(id).arg(version, why), id);
        postRollbackNotifications(version, QStringLiteral("rollback_halted"));
    });
}

void Session::announceAutomatic(
    const QString &version, const QString &trigger, const QString &verdict, const QString &detail, qint64 rollbackId)
{
    SessionEvent event;
    event.kind = SessionEvent::Kind::AutomaticRollback;
    event.version = version;
    event.target = trigger;
    event.verdict = verdict;
    event.detail = detail;
    event.rollbackId = rollbackId;
    announce(event);
}

// The policy's notification templates for the event, rendered with the release's facts and
// posted to their channels' webhooks (a channel without a stored webhook is logged, not fatal).
void Session::postRollbackNotifications(const QString &version, const QString &event)
{
    const QList<NotificationPolicy> &templates = workspace().policy.notifications;
    const bool any = std::any_of(templates.cbegin(), templates.cend(), [&](const NotificationPolicy &n) { return n.event == event; });
    if (!any)
        return;
    whenReady(this, m_notifications->facts(version, QDate::currentDate()),
        [this, version, event](const Result<NotificationFacts> &facts) {
            if (!facts) {
                qCWarning(lcAutoRollback) << "no" << event << "notification:" << facts.error().toString();
                return;
            }
            const QList<NotificationPolicy> &list = workspace().policy.notifications;
            for (int i = 0; i < list.size(); ++i) {
                if (list.at(i).event != event)
                    continue;
                const QString name = list.at(i).name;
                whenReady(this, m_notifications->post(version, m_notifications->render(i, *facts), m_webhooks),
                    [name](const Status &posted) {
                        if (!posted)
                            qCWarning(lcAutoRollback) << "notification" << name << "not posted:" << posted.error().toString();
                    });
            }
        });
}

}  // namespace cockpit
