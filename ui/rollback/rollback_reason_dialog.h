#pragma once
// Asks for the reason behind a decision that leaves a mark (skip a step, abort a rollback, lift a
// deploy lock, a manual step not done): OK stays disabled until a reason is typed. Opened
// window-modal with open(), never exec(), so a running rollback keeps reporting meanwhile.
#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cockpit {

class RollbackReasonDialog : public QDialog {
    Q_OBJECT
public:
    RollbackReasonDialog(
        const QString &title, const QString &prompt, const QString &okText, QWidget *parent = nullptr);

    [[nodiscard]] QString reason() const;  // trimmed
    [[nodiscard]] QPlainTextEdit *reasonEdit() const { return m_reason; }
    [[nodiscard]] QPushButton *okButton() const { return m_ok; }

    // Opens a dialog that deletes itself when closed and calls done(reason) on OK.
    template <typename Fn>
    static RollbackReasonDialog *ask(
        QWidget *parent, const QString &title, const QString &prompt, const QString &okText, Fn &&done)
    {
        auto *dialog = new RollbackReasonDialog(title, prompt, okText, parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(dialog, &QDialog::accepted, parent,
            [dialog, done = std::forward<Fn>(done)]() mutable { done(dialog->reason()); });
        dialog->open();
        return dialog;
    }

private:
    QPlainTextEdit *m_reason;
    QPushButton *m_ok;
};

}  // namespace cockpit
