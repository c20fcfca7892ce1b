#pragma once
// Changes checklist items through ReleaseService and keeps the undo history. The model changes
// only once the store has saved (the future succeeded); a failure leaves the old state in place.
#include "checklist.h"

#include <QObject>
#include <QSet>

namespace cockpit {

class ChecklistModel;
class Session;

class ChecklistEditor : public QObject {
    Q_OBJECT
public:
    explicit ChecklistEditor(ChecklistModel *model, QObject *parent = nullptr);

    void setSession(Session *session);
    void setVersion(const QString &version);  // clears the undo history
    [[nodiscard]] QString version() const { return m_version; }

    // Sets the item's state, note and N/A reason as one saved change that undo() reverts.
    void change(const QString &key, ItemState state, const QString &note, const QString &naReason);
    void undo();
    [[nodiscard]] bool canUndo() const;
    [[nodiscard]] bool isPending(const QString &key) const { return m_pending.contains(key); }

signals:
    void saved(const cockpit::ChecklistItem &item);
    void failed(const QString &message);
    void message(const QString &text);
    void undoAvailableChanged(bool available);

private:
    void submit(const ChecklistItem &before, ItemState state, const QString &note, const QString &naReason,
        bool isUndo);

    ChecklistModel *m_model;
    Session *m_session = nullptr;
    QString m_version;
    quint64 m_generation = 0;  // bumps on release switch: late answers for the old one are dropped
    QSet<QString> m_pending;
    QList<ChecklistItem> m_history;  // the items as they were before each saved change
};

}  // namespace cockpit
