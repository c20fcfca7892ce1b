#include "editor_find_bar.h"

#include <QCheckBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QTextDocument>
#include <QVBoxLayout>

namespace cockpit {
namespace {

QPushButton *barButton(QWidget *parent, const QString &objectName, const QString &text)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(text);
    button->setAutoDefault(false);
    return button;
}

}  // namespace

EditorFindBar::EditorFindBar(QPlainTextEdit *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_case(new QCheckBox(tr("Match &case"), this))
    , m_status(new QLabel(this))
    , m_replaceRow(new QWidget(this))
{
    setObjectName(QStringLiteral("editorFindBar"));
    setAccessibleName(tr("Find and replace"));
    m_find->setObjectName(QStringLiteral("findField"));
    m_find->setAccessibleName(tr("Find"));
    m_find->setPlaceholderText(tr("Find (Enter: next, Shift+Enter: previous)"));
    m_find->setClearButtonEnabled(true);
    m_replace->setObjectName(QStringLiteral("replaceField"));
    m_replace->setAccessibleName(tr("Replace with"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_case->setObjectName(QStringLiteral("findMatchCase"));
    m_status->setObjectName(QStringLiteral("findStatus"));
    QPushButton *previous = barButton(this, QStringLiteral("findPrevious"), tr("Previous"));
    QPushButton *next = barButton(this, QStringLiteral("findNext"), tr("Next"));
    QPushButton *close = barButton(this, QStringLiteral("findClose"), tr("Close"));
    QPushButton *replaceOne = barButton(m_replaceRow, QStringLiteral("replaceOne"), tr("&Replace"));
    QPushButton *replaceAllButton = barButton(m_replaceRow, QStringLiteral("replaceAll"), tr("Replace &All"));

    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_find, 1);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(m_case);
    findRow->addWidget(m_status);
    findRow->addWidget(close);
    auto *replaceLayout = new QHBoxLayout(m_replaceRow);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(m_replace, 1);
    replaceLayout->addWidget(replaceOne);
    replaceLayout->addWidget(replaceAllButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(findRow);
    layout->addWidget(m_replaceRow);

    connect(m_find, &QLineEdit::returnPressed, this,
        [this] { findNext(QGuiApplication::keyboardModifiers().testFlag(Qt::ShiftModifier)); });
    connect(m_find, &QLineEdit::textChanged, this, &EditorFindBar::showCount);
    connect(m_case, &QCheckBox::toggled, this, &EditorFindBar::showCount);
    connect(m_replace, &QLineEdit::returnPressed, this, &EditorFindBar::replaceCurrent);
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(false); });
    connect(replaceOne, &QPushButton::clicked, this, &EditorFindBar::replaceCurrent);
    connect(replaceAllButton, &QPushButton::clicked, this, &EditorFindBar::replaceAll);
    connect(close, &QPushButton::clicked, this, [this] {
        hide();
        m_editor->setFocus();
    });
    hide();
}

void EditorFindBar::open(bool replace)
{
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    m_replaceRow->setVisible(replace);
    show();
    m_find->setFocus();
    m_find->selectAll();
    showCount();
}

bool EditorFindBar::findNext(bool backward)
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backward)
        flags |= QTextDocument::FindBackward;
    if (m_case->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    QTextDocument *document = m_editor->document();
    QTextCursor found = document->find(needle, m_editor->textCursor(), flags);
    if (found.isNull()) {  // wrap around
        QTextCursor from(document);
        if (backward)
            from.movePosition(QTextCursor::End);
        found = document->find(needle, from, flags);
    }
    if (found.isNull()) {
        m_status->setText(tr("No match"));
        return false;
    }
    m_editor->setTextCursor(found);
    m_editor->centerCursor();
    showCount();
    return true;
}

bool EditorFindBar::selectionMatches() const
{
    const QString selected = m_editor->textCursor().selectedText();
    return !selected.isEmpty()
        && selected.compare(m_find->text(), m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive)
        == 0;
}

void EditorFindBar::replaceCurrent()
{
    if (m_find->text().isEmpty())
        return;
    if (selectionMatches())
        m_editor->textCursor().insertText(m_replace->text());
    findNext(false);
}

int EditorFindBar::replaceAll()
{
    const QString needle = m_find->text();
    if (needle.isEmpty())
        return 0;
    QTextDocument::FindFlags flags;
    if (m_case->isChecked())
        flags |= QTextDocument::FindCaseSensitively;
    QTextDocument *document = m_editor->document();
    QTextCursor edit(document);
    edit.beginEditBlock();  // one undo step for all of them
    int count = 0;
    QTextCursor at(document);
    for (;;) {
        at = document->find(needle, at, flags);
        if (at.isNull())
            break;
        at.insertText(m_replace->text());
        ++count;
    }
    edit.endEditBlock();
    m_status->setText(tr("%n replaced", nullptr, count));
    return count;
}

void EditorFindBar::showCount()
{
    const QString needle = m_find->text();
    if (needle.isEmpty()) {
        m_status->clear();
        return;
    }
    const Qt::CaseSensitivity cs = m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive;
    const int count = int(m_editor->toPlainText().count(needle, cs));
    m_status->setText(count == 0 ? tr("No match") : tr("%n match(es)", nullptr, count));
}

void EditorFindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_editor->setFocus();
        return;
    }
    if (event->key() == Qt::Key_F3) {
        findNext(event->modifiers().testFlag(Qt::ShiftModifier));
        return;
    }
    QWidget::keyPressEvent(event);
}

}  // namespace cockpit
