#include "note_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cockpit {

NoteDialog::NoteDialog(const QString &itemText, const QString &note, QWidget *parent)
    : QDialog(parent)
    , m_edit(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("noteDialog"));
    setWindowTitle(tr("Edit Note"));
    auto *layout = new QVBoxLayout(this);
    auto *item = new QLabel(itemText, this);
    item->setWordWrap(true);
    item->setTextFormat(Qt::PlainText);
    QFont bold = item->font();
    bold.setBold(true);
    item->setFont(bold);
    m_edit->setObjectName(QStringLiteral("noteEdit"));
    m_edit->setAccessibleName(tr("Note"));
    m_edit->setTabChangesFocus(true);
    m_edit->setPlaceholderText(tr("Links, ticket numbers, what was checked…"));
    m_edit->setPlainText(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("noteSave"));
    buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save note"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("noteCancel"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    layout->addWidget(item);
    layout->addWidget(m_edit);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(460, 240);
}

QString NoteDialog::note() const
{
    return m_edit->toPlainText().trimmed();
}

}  // namespace cockpit
