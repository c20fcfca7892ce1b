// IncidentTab: how an incident, its timeline, the deploy lock and the post-rollback checklist read.
#include "future_watch.h"
#include "incident_tab.h"
#include "session.h"
#include "rollback_display.h"
#include "rollback_reason_dialog.h"
#include "rollback_service.h"
#include "state_style.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>

namespace cockpit {

namespace {

QString recoveryText(const Incident &incident)
{
    if (!incident.recoveredAt.isValid())
        return QObject::tr("not recovered");
    return formatSpan(std::chrono::seconds(incident.openedAt.secsTo(incident.recoveredAt)));
}

// A glyph per kind of event so the timeline reads at a glance without relying on colour.
QString eventGlyph(const QString &kind)
{
    static const QHash<QString, QString> glyphs {{QStringLiteral("trigger"), QStringLiteral("⚡")},
        {QStringLiteral("requested"), QStringLiteral("▶")}, {QStringLiteral("approved"), QStringLiteral("✔")},
        {QStringLiteral("step"), QStringLiteral("•")}, {QStringLiteral("probe"), QStringLiteral("♥")},
        {QStringLiteral("finished"), QStringLiteral("■")}, {QStringLiteral("lock"), QStringLiteral("⚑")},
        {QStringLiteral("lift"), QStringLiteral("⚐")}, {QStringLiteral("note"), QStringLiteral("✎")}};
    return glyphs.value(kind, QStringLiteral("•"));
}

}  // namespace

QString IncidentTab::lockText() const
{
    return m_lockText->text();
}

QString IncidentTab::summaryText() const
{
    return m_summary->text();
}

QString IncidentTab::emptyText() const
{
    return m_pages->currentIndex() == 0 ? m_empty->text() : QString();
}

QString IncidentTab::checklistText() const
{
    return m_checklist->text();
}

void IncidentTab::showIncidents(const QList<Incident> &incidents)
{
    const int previous = qMax(0, m_list->indexOfTopLevelItem(m_list->currentItem()));
    m_incidents = incidents;
    m_list->clear();
    for (const Incident &incident : incidents) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, formatLocalTime(incident.openedAt));
        item->setText(1, incident.cause);
        item->setToolTip(1, incident.cause);
        item->setText(2, incident.severity.isEmpty() ? QStringLiteral("—") : incident.severity);
        item->setText(3, recoveryText(incident));
        if (!incident.recoveredAt.isValid())
            item->setForeground(3, failureColor());
    }
    m_pages->setCurrentIndex(incidents.isEmpty() ? 0 : 1);
    if (!incidents.isEmpty())
        m_list->setCurrentItem(m_list->topLevelItem(qMin(previous, int(incidents.size()) - 1)));
    for (int c = 0; c < m_list->columnCount(); ++c)
        if (c != 1)
            m_list->resizeColumnToContents(c);
}

void IncidentTab::showIncident(int row)
{
    m_timeline->clear();
    if (row < 0 || row >= m_incidents.size()) {
        m_summary->clear();
        return;
    }
    const Incident &incident = m_incidents[row];
    m_summary->setText(
        tr("<b>%1</b>%2<br>Opened %3 · %4 · rollback #%5")
            .arg(incident.cause.toHtmlEscaped(),
                incident.severity.isEmpty() ? QString()
                                            : QStringLiteral(" · severity <b>%1</b>").arg(incident.severity),
                formatLocalTime(incident.openedAt),
                incident.recoveredAt.isValid()
                    ? tr("recovered %1, time to recovery <b>%2</b>")
                          .arg(formatLocalTime(incident.recoveredAt), recoveryText(incident))
                    : tr("<b>not recovered</b>"))
            .arg(incident.rollbackId));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const IncidentEvent &event : incident.timeline) {
        auto *item = new QTreeWidgetItem(m_timeline);
        item->setText(0, event.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        item->setText(1, eventGlyph(event.kind) + u' ' + event.text);
        item->setToolTip(1, event.text);
        item->setText(2, event.actor);
        if (event.detail.isEmpty())
            continue;
        // The output stays folded: the timeline reads first, the transcript is one click away.
        auto *detail = new QTreeWidgetItem(item);
        detail->setFirstColumnSpanned(true);
        detail->setText(0, event.detail.trimmed());
        detail->setFont(0, mono);
        detail->setToolTip(0, tr("Output of: %1").arg(event.text));
    }
}

void IncidentTab::showLock()
{
    const bool locked = m_lock && m_lock->locked();
    m_lift->setVisible(locked);
    m_lift->setEnabled(locked && m_rollbacks);
    if (!m_lock) {
        // The store answers only a lock in force; a lifted one is in the incidents' timelines.
        const IncidentEvent *lift = nullptr;
        for (const Incident &incident : std::as_const(m_incidents))
            for (const IncidentEvent &event : incident.timeline)
                if (event.kind == u"lift" && (!lift || lift->at < event.at))
                    lift = &event;
        m_lockText->setText(lift
                ? tr("⚐ %1 (%2 by %3)")
                      .arg(lift->text.toHtmlEscaped(), formatLocalTime(lift->at), lift->actor.toHtmlEscaped())
                : m_version.isEmpty() ? QString()
                                      : tr("Deploys of %1 are not locked.").arg(m_version));
        return;
    }
    const DeployLock &l = *m_lock;
    m_lockText->setText(locked ? tr("⚑ <b>Deploys of %1 are locked</b> since %2 by %3: %4")
                                     .arg(l.version.toHtmlEscaped(), formatLocalTime(l.lockedAt),
                                         l.lockedBy.toHtmlEscaped(), l.reason.toHtmlEscaped())
                               : tr("⚐ Deploy lock lifted %1 by %2: %3")
                                     .arg(formatLocalTime(l.liftedAt), l.liftedBy.toHtmlEscaped(),
                                         l.liftReason.toHtmlEscaped()));
}

// Points at the post-rollback items in the Checklist tab (the policy's rollback.checklist).
void IncidentTab::showChecklist(const Checklist &checklist)
{
    const QString name = m_session ? m_session->workspace().policy.rollbackChecklist : QString();
    if (m_incidents.isEmpty() || name.isEmpty()) {
        m_checklist->clear();
        return;
    }
    for (const ChecklistPhase &phase : checklist.phases) {
        if (phase.name != name)
            continue;
        m_checklist->setText(tr("After the rollback: <b>%1</b> has %2 of %3 items done or not applicable. "
                                "<a href=\"checklist\">Open the Checklist tab</a>")
                                 .arg(phase.title.toHtmlEscaped())
                                 .arg(phase.closedCount())
                                 .arg(phase.itemCount()));
        return;
    }
    m_checklist->setText(
        tr("After the rollback: the <b>%1</b> checklist (policy <tt>rollback.checklist</tt>) "
           "is not in this release's checklist yet. <a href=\"checklist\">Open the Checklist "
           "tab</a>")
            .arg(name.toHtmlEscaped()));
}

void IncidentTab::askLift()
{
    if (!m_rollbacks || !m_lock)
        return;
    const QString version = m_version;
    RollbackReasonDialog::ask(this, tr("Lift Deploy Lock"),
        tr("Why may %1 be deployed again (the fix verified, the root cause known)? The reason is kept in "
           "the incident and the audit log.")
            .arg(version),
        tr("Lift Lock"), [this, version](const QString &reason) {
            m_lift->setEnabled(false);
            whenReady(this, m_rollbacks->liftDeployLock(version, reason),
                [this, version](const Result<DeployLock> &lock) {
                    if (!lock)
                        emit statusMessage(tr("Lock not lifted: %1").arg(lock.error().toString()));
                    else
                        emit statusMessage(tr("Deploy lock of %1 lifted").arg(version));
                    emit releaseTouched(version);
                    scheduleReload();
                });
        });
}

}  // namespace cockpit
