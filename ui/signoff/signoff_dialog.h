#pragma once
// Asks one person to approve or reject exactly one thing: the release's version, commit, digest,
// changelog section (rendered), checklist state with what is still open, gate and soak items, and
// who else signed. Approve, or Reject with a required reason; optionally signed with an SSH key.
#include "signoff_service.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;

namespace cockpit {

class SignoffDialog : public QDialog {
    Q_OBJECT
public:
    // roles: the roles the signer may sign for (preselects `role` when given).
    SignoffDialog(const SignoffView &view, const Policy &policy, const Identity &signer,
        const QString &role = {}, QWidget *parent = nullptr);

    [[nodiscard]] SignRequest request() const;  // what the buttons decided, with the reviewed digest
    [[nodiscard]] QPushButton *approveButton() const { return m_approve; }
    [[nodiscard]] QPushButton *rejectButton() const { return m_reject; }
    [[nodiscard]] QPlainTextEdit *reasonEdit() const { return m_reason; }
    [[nodiscard]] QTextBrowser *changelogView() const { return m_changelog; }
    [[nodiscard]] QComboBox *roleBox() const { return m_role; }

    // The text of the "what is approved" header, for tests and the accessible description.
    [[nodiscard]] QString summaryText() const;

private:
    QWidget *buildSummary();
    QWidget *buildDetails();
    QWidget *buildDecision();
    void updateButtons();

    SignoffView m_view;
    Policy m_policy;
    Identity m_signer;
    SignoffDecision m_decision = SignoffDecision::Approve;
    QComboBox *m_role = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_warning = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTextBrowser *m_changelog = nullptr;
    QPlainTextEdit *m_reason = nullptr;
    QCheckBox *m_ssh = nullptr;
    QLineEdit *m_sshKey = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
};

// Roles of the policy `person` holds, in policy order.
QStringList rolesOf(const Policy &policy, const QString &person);

}  // namespace cockpit
