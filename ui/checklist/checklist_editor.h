#pragma once
// Changes checklist items through ReleaseService and keeps the undo history. The model changes
// only once the store has saved (the future succeeded); a failure leaves the old state in place.
#include "checklist.h"

#include <QObject>
#include <QSet>
#include <functional>

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

    // Asked before a change that would make approvals stale (stale: "lead's approval (lead@x)");
    // false keeps the item as it is. Unset: the change goes ahead (the store's audit says what).
    using StaleConfirmation = std::function<bool(const QString &itemText, const QStringList &stale)>;
    void setStaleConfirmation(StaleConfirmation confirm) { m_confirmStale = std::move(confirm); }

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
    StaleConfirmation m_confirmStale;
};

}  // namespace cockpit
