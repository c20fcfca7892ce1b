#include "item_text_dialog.h"
#include "dialog_keys.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cockpit {

ItemTextDialog::ItemTextDialog(
    const QString &itemText, const QString &text, const Kind &kind, QWidget *parent)
    : QDialog(parent)
    , m_edit(new QPlainTextEdit(this))
{
    const auto named
        = [&kind](const char *suffix) { return QLatin1String(kind.name) + QLatin1String(suffix); };
    setObjectName(named("Dialog"));
    setWindowTitle(kind.title);
    auto *layout = new QVBoxLayout(this);
    auto *item = new QLabel(itemText, this);
    item->setWordWrap(true);
    item->setTextFormat(Qt::PlainText);
    QFont bold = item->font();
    bold.setBold(true);
    item->setFont(bold);
    layout->addWidget(item);
    if (!kind.prompt.isEmpty()) {
        auto *prompt = new QLabel(kind.prompt, this);
        prompt->setWordWrap(true);
        prompt->setBuddy(m_edit);
        layout->addWidget(prompt);
    }
    m_edit->setObjectName(named("Edit"));
    m_edit->setAccessibleName(kind.field);
    m_edit->setTabChangesFocus(true);
    m_edit->setPlaceholderText(kind.placeholder);
    m_edit->setPlainText(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(named("Ok"));
    m_ok->setText(kind.acceptText);
    m_ok->setAccessibleName(kind.acceptText);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(named("Cancel"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(m_edit);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    submitOnCtrlEnter(this, m_ok);
    if (kind.required) {
        const auto update = [this] { m_ok->setEnabled(!this->text().isEmpty()); };
        connect(m_edit, &QPlainTextEdit::textChanged, this, update);
        update();
    }
    resize(460, 240);
}

QString ItemTextDialog::text() const
{
    return m_edit->toPlainText().trimmed();
}

NaReasonDialog::NaReasonDialog(const QString &itemText, const QString &reason, QWidget *parent)
    : ItemTextDialog(itemText, reason,
        {"naReason", tr("Not Applicable"),
            tr("Why does this item not apply to this release? The reason is kept in the audit log."),
            tr("Reason"), tr("e.g. no database migrations in this release"), tr("Mark Not Applicable"), true},
        parent)
{
}

NoteDialog::NoteDialog(const QString &itemText, const QString &note, QWidget *parent)
    : ItemTextDialog(itemText, note,
        {"note", tr("Edit Note"), {}, tr("Note"), tr("Links, ticket numbers, what was checked…"), tr("Save"),
            false},
        parent)
{
}

}  // namespace cockpit
