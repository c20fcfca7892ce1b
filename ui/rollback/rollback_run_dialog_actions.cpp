// RollbackRunDialog: what the person sees and may do as the rollback's state changes.
#include "rollback_display.h"
#include "rollback_reason_dialog.h"
#include "rollback_run_dialog.h"
#include "rollback_service.h"

#include <QFrame>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextCursor>
#include <QTreeWidget>

namespace cockpit {

QString RollbackRunDialog::statusText() const
{
    return m_status->text();
}

QString RollbackRunDialog::stepStateText(int index) const
{
    const QTreeWidgetItem *item = m_steps->topLevelItem(index);
    return item ? item->text(1) : QString();
}

bool RollbackRunDialog::isFinished() const
{
    return m_record.state == RollbackState::Succeeded || m_record.state == RollbackState::Aborted;
}

const PlannedRollbackStep *RollbackRunDialog::planned(int index) const
{
    for (const PlannedRollbackStep &step : m_record.plan.steps)
        if (step.index == index)
            return &step;
    return nullptr;
}

int RollbackRunDialog::selectedStep() const
{
    QTreeWidgetItem *item = m_steps->currentItem();
    return item ? m_steps->indexOfTopLevelItem(item) : -1;
}

int RollbackRunDialog::runningStep() const
{
    for (const RollbackStepRecord &step : m_record.steps)
        if (step.state == RollbackStepState::Running)
            return step.index;
    return -1;
}

int RollbackRunDialog::interruptedStep() const
{
    for (const RollbackStepRecord &step : m_record.steps)
        if (step.state == RollbackStepState::Interrupted)
            return step.index;
    return -1;
}

void RollbackRunDialog::selectStep(int index)
{
    if (QTreeWidgetItem *item = m_steps->topLevelItem(index); item && item != m_steps->currentItem())
        m_steps->setCurrentItem(item);
}

void RollbackRunDialog::showSelectedOutput()
{
    const int index = selectedStep();
    const PlannedRollbackStep *plan = planned(index);
    m_call->setText(plan ? QStringLiteral("<b>%1</b> %2").arg(stepKindTitle(plan->kind), stepCallHtml(*plan))
                         : QString());
    const QString text = m_outputs.value(index);
    if (m_output->toPlainText() == text)
        return;
    m_output->setPlainText(text);
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

// Appends without disturbing a person who scrolled up to read; at the bottom it follows the output.
void RollbackRunDialog::appendOutput(int index, const QString &chunk)
{
    m_outputs[index] += chunk;
    if (index != selectedStep())
        return;
    QScrollBar *bar = m_output->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(m_output->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(chunk);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void RollbackRunDialog::onWaiting(int index, const QString &instruction)
{
    m_waitingIndex = index;
    m_waitingInstruction = instruction;
    updateRow(index);
    selectStep(index);
    updateStatus();
    updateActions();
}

void RollbackRunDialog::onHalted(int index, const QString &why)
{
    Q_UNUSED(index);
    m_haltWhy = why.isEmpty() ? why : why.at(0).toUpper() + why.mid(1);  // the why names the step
    selectStep(index);
    updateStatus();
    updateActions();
}

// The headline says where the rollback stands; the red box below says why and what to do.
void RollbackRunDialog::updateStatus()
{
    const int total = int(m_record.steps.size());
    QString text, detail;
    if (isFinished()) {
        text = rollbackSummary(m_record);
    } else if (const int i = interruptedStep(); i >= 0) {
        text = tr("Interrupted at step %1 of %2").arg(i + 1).arg(total);
        detail = tr("Step %1 (%2) was interrupted: the cockpit stopped while it ran, so it may or may not "
                    "have taken effect. Check, then Retry or Skip it. Nothing runs until you decide.")
                     .arg(i + 1)
                     .arg(m_record.steps[i].name);
    } else if (m_record.state == RollbackState::Halted) {
        const int at = selectedStep();
        text = tr("Halted at step %1 of %2: retry it, skip it (with a reason) or abort")
                   .arg(at + 1)
                   .arg(total);
        detail = !m_haltWhy.isEmpty() ? m_haltWhy
            : m_record.note.isEmpty() ? tr("The rollback halted.")
                                      : m_record.note.at(0).toUpper() + m_record.note.mid(1);
    } else if (m_waitingIndex >= 0) {
        text = tr("Step %1 of %2 waits for you.").arg(m_waitingIndex + 1).arg(total);
    } else if (const int r = runningStep(); r >= 0) {
        text = tr("Running step %1 of %2: %3").arg(r + 1).arg(total).arg(m_record.steps[r].name);
    } else if (m_record.state == RollbackState::AwaitingApproval) {
        text = tr("Waiting for a second person to approve.");
    } else if (m_rollbacks && m_rollbacks->isRunning()) {
        text = tr("Starting the next step…");
    } else {
        text = tr("Not finished");
        detail = tr("The rollback stopped between steps. Continue runs the remaining steps.");
    }
    m_status->setText(text);
    m_haltText->setText(detail);
    m_summary->setText(isFinished() ? rollbackSummary(m_record) : QString());
}

void RollbackRunDialog::updateActions()
{
    const bool finished = isFinished();
    const bool interrupted = interruptedStep() >= 0;
    const bool halted = m_record.state == RollbackState::Halted || interrupted;
    const bool live = m_rollbacks && m_rollbacks->isRunning();
    const bool stalled = m_record.state == RollbackState::Running && !live && runningStep() < 0
        && !interrupted && m_waitingIndex < 0;
    m_finishedBox->setVisible(finished);
    m_openIncident->setEnabled(finished);
    m_haltBox->setVisible(!finished && (halted || stalled));
    m_continue->setVisible(stalled);
    for (QPushButton *b : {m_retry, m_skip})
        b->setVisible(halted);
    m_retry->setEnabled(halted && m_rollbacks);
    m_skip->setEnabled(halted && m_rollbacks);
    m_abort->setEnabled((halted || stalled) && m_rollbacks);
    const bool waiting = !finished && m_waitingIndex >= 0;
    m_manualBox->setVisible(waiting);
    if (waiting) {
        const PlannedRollbackStep *plan = planned(m_waitingIndex);
        const bool conditional = plan && !plan->condition.isEmpty() && plan->kind != RollbackStepKind::Manual;
        m_instruction->setText(conditional
                ? tr("<b>Does this apply: %1?</b> If it does, step %2 runs now; if not, it is skipped.")
                      .arg(plan->condition.toHtmlEscaped())
                      .arg(m_waitingIndex + 1)
                : tr("<b>Step %1:</b> %2").arg(m_waitingIndex + 1).arg(m_waitingInstruction.toHtmlEscaped()));
        m_done->setText(conditional ? tr("It Applies: Run It") : tr("Done"));
        m_notDone->setText(conditional ? tr("It Does Not Apply…") : tr("Not Done…"));
    }
}

void RollbackRunDialog::askSkip()
{
    const int index = interruptedStep() >= 0 ? interruptedStep() : selectedStep();
    RollbackReasonDialog::ask(this, tr("Skip Step"),
        tr("Why skip step %1? The rollback then goes on with the next step; the reason is kept in the "
           "incident.")
            .arg(index + 1),
        tr("Skip Step"), [this](const QString &reason) {
            m_haltWhy.clear();
            m_rollbacks->skip(m_record.id, reason);
        });
}

void RollbackRunDialog::askAbort()
{
    RollbackReasonDialog::ask(this, tr("Abort Rollback"),
        tr("Why abort the rollback of %1? Steps that ran are not undone; the release stays as it is now.")
            .arg(m_record.version),
        tr("Abort Rollback"), [this](const QString &reason) { m_rollbacks->abort(m_record.id, reason); });
}

void RollbackRunDialog::askNotDone()
{
    RollbackReasonDialog::ask(this, tr("Not Done"),
        tr("What was not done, and why? The note is kept in the incident."), tr("Record"),
        [this](const QString &note) { answerManual(false, note); });
}

void RollbackRunDialog::answerManual(bool done, const QString &note)
{
    if (!m_rollbacks || m_waitingIndex < 0)
        return;
    m_waitingIndex = -1;
    m_rollbacks->confirmManual(m_record.id, done, note);
    updateStatus();
    updateActions();
}

// Closing while a step runs keeps it running: the header shows its progress and reopens this.
void RollbackRunDialog::reject()
{
    const bool running = m_rollbacks && m_rollbacks->isRunning() && !isFinished();
    if (running) {
        const auto answer = QMessageBox::question(this, tr("Keep Rolling Back?"),
            tr("The rollback of %1 keeps running in the background; the header shows its progress and "
               "reopens this window. Close it?")
                .arg(m_record.version));
        if (answer != QMessageBox::Yes)
            return;
        emit movedToBackground();
    }
    QDialog::reject();
}

}  // namespace cockpit
