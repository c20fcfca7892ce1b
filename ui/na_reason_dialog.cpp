#include "na_reason_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cockpit {

NaReasonDialog::NaReasonDialog(const QString &itemText, const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_edit(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("naReasonDialog"));
    setWindowTitle(tr("Not Applicable"));
    auto *layout = new QVBoxLayout(this);
    auto *item = new QLabel(itemText, this);
    item->setWordWrap(true);
    item->setTextFormat(Qt::PlainText);
    QFont bold = item->font();
    bold.setBold(true);
    item->setFont(bold);
    auto *prompt = new QLabel(
        tr("Why does this item not apply to this release? The reason is kept in the audit log."), this);
    prompt->setWordWrap(true);
    prompt->setBuddy(m_edit);
    m_edit->setObjectName(QStringLiteral("naReasonEdit"));
    m_edit->setAccessibleName(tr("Reason"));
    m_edit->setTabChangesFocus(true);
    m_edit->setPlaceholderText(tr("e.g. no database migrations in this release"));
    m_edit->setPlainText(reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("naReasonOk"));
    m_ok->setText(tr("Mark Not Applicable"));
    m_ok->setAccessibleName(tr("Mark not applicable"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("naReasonCancel"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(item);
    layout->addWidget(prompt);
    layout->addWidget(m_edit);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update = [this] { m_ok->setEnabled(!this->reason().isEmpty()); };
    connect(m_edit, &QPlainTextEdit::textChanged, this, update);
    update();
    resize(460, 240);
}

QString NaReasonDialog::reason() const
{
    return m_edit->toPlainText().trimmed();
}

}  // namespace cockpit
