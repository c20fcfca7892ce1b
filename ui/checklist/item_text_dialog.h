#pragma once
// Asks for one piece of text about a checklist item: a note (may be empty) or an N/A reason
// (required: the accept button stays disabled until there is text).
#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace cockpit {

class ItemTextDialog : public QDialog {
    Q_OBJECT
public:
    struct Kind {
        const char *name;  // object name prefix: "<name>Dialog", "<name>Edit", "<name>Ok", "<name>Cancel"
        QString title;
        QString prompt;  // shown above the field; empty for none
        QString field;  // accessible name of the field
        QString placeholder;
        QString acceptText;
        bool required;
    };

    ItemTextDialog(const QString &itemText, const QString &text, const Kind &kind, QWidget *parent = nullptr);

    [[nodiscard]] QString text() const;  // trimmed
    [[nodiscard]] QPushButton *okButton() const { return m_ok; }
    [[nodiscard]] QPlainTextEdit *edit() const { return m_edit; }

private:
    QPlainTextEdit *m_edit;
    QPushButton *m_ok;
};

// Why a checklist item does not apply to this release.
class NaReasonDialog : public ItemTextDialog {
    Q_OBJECT
public:
    explicit NaReasonDialog(const QString &itemText, const QString &reason = {}, QWidget *parent = nullptr);
    [[nodiscard]] QString reason() const { return text(); }
    [[nodiscard]] QPlainTextEdit *reasonEdit() const { return edit(); }
};

// The free-text note of a checklist item (an empty note clears it).
class NoteDialog : public ItemTextDialog {
    Q_OBJECT
public:
    NoteDialog(const QString &itemText, const QString &note, QWidget *parent = nullptr);
    [[nodiscard]] QString note() const { return text(); }
    [[nodiscard]] QPlainTextEdit *noteEdit() const { return edit(); }
};

}  // namespace cockpit
