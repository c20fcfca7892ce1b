#include "rollback_reason_dialog.h"
#include "dialog_keys.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cockpit {

RollbackReasonDialog::RollbackReasonDialog(
    const QString &title, const QString &prompt, const QString &okText, QWidget *parent)
    : QDialog(parent)
    , m_reason(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("rollbackReasonDialog"));
    setWindowTitle(title);
    auto *label = new QLabel(prompt, this);
    label->setWordWrap(true);
    m_reason->setObjectName(QStringLiteral("rollbackReasonEdit"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setTabChangesFocus(true);
    m_reason->setPlaceholderText(tr("Required: kept in the incident's timeline and the audit log"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(okText, QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("rollbackReasonOk"));
    m_ok->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_reason, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, [this] { m_ok->setEnabled(!reason().isEmpty()); });
    submitOnCtrlEnter(this, m_ok);
    resize(440, 220);
}

QString RollbackReasonDialog::reason() const
{
    return m_reason->toPlainText().trimmed();
}

}  // namespace cockpit
