#include "checklist_editor.h"

#include "checklist_model.h"
#include "future_watch.h"
#include "session.h"
#include "state_style.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcChecklistEditor, "cockpit.ui.checklist")

namespace cockpit {

ChecklistEditor::ChecklistEditor(ChecklistModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
}

void ChecklistEditor::setSession(Session *session)
{
    m_session = session;
    setVersion({});
}

void ChecklistEditor::setVersion(const QString &version)
{
    ++m_generation;
    m_version = version;
    m_pending.clear();
    m_history.clear();
    emit undoAvailableChanged(false);
}

bool ChecklistEditor::canUndo() const
{
    return !m_history.isEmpty() && !m_pending.contains(m_history.last().key);
}

void ChecklistEditor::change(
    const QString &key, ItemState state, const QString &note, const QString &naReason)
{
    const ChecklistItem *current = m_model->checklist().findItem(key);
    if (!current || !m_session || m_version.isEmpty())
        return;
    if (m_pending.contains(key)) {
        emit message(tr("Still saving the previous change of this item…"));
        return;
    }
    if (state == ItemState::Done && state != current->state && !current->check.isEmpty()) {
        emit failed(
            tr("“%1” is ticked by the automated check “%2” when it passes; it cannot be ticked by hand.")
                .arg(current->text, current->check));
        return;
    }
    if (!m_confirmStale) {
        submit(*current, state, note, naReason, false);
        return;
    }
    // Ask the session first whose approvals the change would make stale, and the user when any.
    const ChecklistItem before = *current;
    const quint64 generation = m_generation;
    m_pending.insert(key);
    auto staled = m_session->approvalsStaledBy(m_version, key, state, naReason);
    whenReady(this, staled, [this, before, state, note, naReason, generation](const Result<QStringList> &stale) {
        if (generation != m_generation)
            return;
        m_pending.remove(before.key);
        if (stale && !stale->isEmpty() && !m_confirmStale(before.text, *stale)) {
            emit message(tr("Not changed: “%1” stays %2").arg(before.text, itemStateTitle(before.state).toLower()));
            return;
        }
        submit(before, state, note, naReason, false);
    });
}

void ChecklistEditor::undo()
{
    if (!canUndo() || !m_session)
        return;
    const ChecklistItem before = m_history.last();
    submit(before, before.state, before.note, before.naReason, true);
}

void ChecklistEditor::submit(
    const ChecklistItem &before, ItemState state, const QString &note, const QString &naReason, bool isUndo)
{
    m_pending.insert(before.key);
    emit undoAvailableChanged(canUndo());
    emit message(tr("Saving…"));
    const quint64 generation = m_generation;
    // The version the user is looking at: if someone else saved the item since, this is a conflict.
    const ChecklistItem *shown = m_model->checklist().findItem(before.key);
    auto future = m_session->setItem(m_version, before.key, state, note,
        state == ItemState::NotApplicable ? naReason : QString(), shown ? shown->rowVersion : 0);
    whenReady(this, future, [this, before, generation, isUndo](const Result<ChecklistItem> &result) {
        if (generation != m_generation)
            return;  // the release changed meanwhile; its model is gone
        m_pending.remove(before.key);
        if (!result) {
            qCWarning(lcChecklistEditor) << "saving" << before.key << "failed:" << result.error().toString();
            emit failed(tr("Could not save “%1”: %2").arg(before.text, result.error().toString()));
            emit undoAvailableChanged(canUndo());
            return;
        }
        m_model->updateItem(*result);
        if (isUndo) {
            if (!m_history.isEmpty() && m_history.last().key == before.key)
                m_history.removeLast();
            emit message(
                tr("Undone: “%1” is %2 again").arg(before.text, itemStateTitle(result->state).toLower()));
        } else {
            m_history.append(before);
            emit message(tr("Saved: “%1” is %2").arg(before.text, itemStateTitle(result->state).toLower()));
        }
        emit saved(*result);
        emit undoAvailableChanged(canUndo());
    });
}

}  // namespace cockpit
