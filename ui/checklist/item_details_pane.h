#pragma once
// The selected checklist item in full: state, who and when (local time), note, N/A reason,
// evidence, automated-check binding and condition. Rows without a value are hidden.
#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;
class QStackedLayout;

namespace cockpit {

struct ChecklistItem;

class ItemDetailsPane : public QWidget {
    Q_OBJECT
public:
    explicit ItemDetailsPane(QWidget *parent = nullptr);

    void showItem(const ChecklistItem *item);  // null: nothing selected
    // A phase or section: how far it is.
    void showGroup(const QString &title, int closed, int total, int failed);

private:
    QLabel *addRow(const QString &label, const QString &objectName);
    void setRow(QLabel *field, const QString &value);

    QStackedLayout *m_stack;
    QLabel *m_hint;
    QGridLayout *m_form;
    QHash<QLabel *, QLabel *> m_captions;  // field -> its caption
    QLabel *m_text;
    QLabel *m_state;
    QLabel *m_who;
    QLabel *m_when;
    QLabel *m_note;
    QLabel *m_naReason;
    QLabel *m_evidence;
    QLabel *m_check;
    QLabel *m_condition;
    QLabel *m_key;
};

}  // namespace cockpit
