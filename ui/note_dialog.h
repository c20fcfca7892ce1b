#pragma once
// Edits the free-text note of a checklist item (an empty note clears it).
#include <QDialog>

class QPlainTextEdit;

namespace cockpit {

class NoteDialog : public QDialog {
    Q_OBJECT
public:
    explicit NoteDialog(const QString &itemText, const QString &note, QWidget *parent = nullptr);

    [[nodiscard]] QString note() const;  // trimmed
    [[nodiscard]] QPlainTextEdit *noteEdit() const { return m_edit; }

private:
    QPlainTextEdit *m_edit;
};

}  // namespace cockpit
