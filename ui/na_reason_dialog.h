#pragma once
// Asks why a checklist item does not apply: N/A needs a reason, so OK stays disabled until the
// reason has text.
#include <QDialog>

class QPlainTextEdit;
class QPushButton;

namespace cockpit {

class NaReasonDialog : public QDialog {
    Q_OBJECT
public:
    explicit NaReasonDialog(const QString &itemText, const QString &reason = {}, QWidget *parent = nullptr);

    [[nodiscard]] QString reason() const;  // trimmed
    [[nodiscard]] QPushButton *okButton() const { return m_ok; }
    [[nodiscard]] QPlainTextEdit *reasonEdit() const { return m_edit; }

private:
    QPlainTextEdit *m_edit;
    QPushButton *m_ok;
};

}  // namespace cockpit
