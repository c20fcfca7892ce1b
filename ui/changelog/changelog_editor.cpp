#include "changelog_editor.h"

#include "markdown_highlighter.h"
#include "state_style.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QToolTip>

namespace cockpit {
namespace {

// The gutter forwards painting and tooltips to the editor, which knows the blocks.
class Gutter : public QWidget {
public:
    explicit Gutter(ChangelogEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
        setObjectName(QStringLiteral("changelogGutter"));
        setAccessibleName(ChangelogEditor::tr("Line numbers and problem marks"));
    }
    QSize sizeHint() const override { return {m_editor->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event, this); }
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto *help = static_cast<QHelpEvent *>(event);
            const QString tip = m_editor->gutterTooltip(help->pos().y());
            if (tip.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), tip, this);
            return true;
        }
        return QWidget::event(event);
    }

private:
    ChangelogEditor *m_editor;
};

int rank(EditorDiagnostic::Severity severity)
{
    return severity == EditorDiagnostic::Severity::Error  ? 2
        : severity == EditorDiagnostic::Severity::Warning ? 1
                                                          : 0;
}

}  // namespace

QString severityTitle(EditorDiagnostic::Severity severity)
{
    switch (severity) {
    case EditorDiagnostic::Severity::Error:
        return QObject::tr("Error");
    case EditorDiagnostic::Severity::Warning:
        return QObject::tr("Warning");
    case EditorDiagnostic::Severity::Info:
        return QObject::tr("Note");
    }
    return {};
}

QColor severityColor(EditorDiagnostic::Severity severity)
{
    switch (severity) {
    case EditorDiagnostic::Severity::Error:
        return failureColor();
    case EditorDiagnostic::Severity::Warning:
        return readableColor(QColor(0xe8, 0x8a, 0x0c));
    case EditorDiagnostic::Severity::Info:
        return readableColor(QColor(0x1c, 0x7e, 0xd6));
    }
    return {};
}

ChangelogEditor::ChangelogEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
{
    setObjectName(QStringLiteral("changelogEditor"));
    setAccessibleName(tr("CHANGELOG.md source"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Entries of 100-200 characters are normal: soft wrap by default (the tab's Alt+Z toggles it).
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setTabChangesFocus(false);
    m_highlighter = createMarkdownHighlighter(document(), isDark());
    connect(this, &QPlainTextEdit::blockCountChanged, this, &ChangelogEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &ChangelogEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &ChangelogEditor::updateSelections);
    updateGutterWidth();
    updateSelections();
}

bool ChangelogEditor::isDark() const
{
    return palette().color(QPalette::Base).lightness() < 128;
}

void ChangelogEditor::setDiagnostics(const QList<EditorDiagnostic> &diagnostics)
{
    m_diagnostics = diagnostics;
    updateSelections();
    m_gutter->update();
}

QList<EditorDiagnostic> ChangelogEditor::diagnosticsAt(int line, int column) const
{
    QList<EditorDiagnostic> found;
    for (const EditorDiagnostic &d : m_diagnostics) {
        if (d.line != line)
            continue;
        const bool wholeLine = d.column <= 0 || column <= 0;
        const int end = d.length > 0 ? d.column + d.length : INT_MAX;
        if (wholeLine || (column >= d.column && column < end))
            found.append(d);
    }
    return found;
}

QString ChangelogEditor::tooltipAt(int line, int column) const
{
    QStringList lines;
    for (const EditorDiagnostic &d : diagnosticsAt(line, column))
        lines << QStringLiteral("%1 [%2]: %3").arg(severityTitle(d.severity), d.rule, d.message);
    return lines.join(QLatin1Char('\n'));
}

void ChangelogEditor::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(
        QTextCursor::Right, QTextCursor::MoveAnchor, qBound(0, column - 1, int(block.text().size())));
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

int ChangelogEditor::currentLine() const
{
    return textCursor().blockNumber() + 1;
}

int ChangelogEditor::currentColumn() const
{
    return textCursor().positionInBlock() + 1;
}

void ChangelogEditor::replaceText(const QString &text)
{
    if (text == toPlainText())
        return;
    const int line = currentLine();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    goToLine(qMin(line, blockCount()), 1);
}

int ChangelogEditor::gutterWidth() const
{
    const int digits = int(QString::number(qMax(1, blockCount())).size());
    // Room for the problem mark, then the digits.
    return 6 + fontMetrics().height() + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits)
        + 6;
}

void ChangelogEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void ChangelogEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void ChangelogEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void ChangelogEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        if (auto *ours = qobject_cast<MarkdownHighlighter *>(m_highlighter))
            ours->setDarkPalette(isDark());
        updateSelections();
    }
}

void ChangelogEditor::paintGutter(QPaintEvent *event, QWidget *gutter)
{
    QPainter painter(gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setRenderHint(QPainter::Antialiasing);
    QHash<int, EditorDiagnostic::Severity> worst;
    for (const EditorDiagnostic &d : std::as_const(m_diagnostics))
        if (!worst.contains(d.line) || rank(d.severity) > rank(worst.value(d.line)))
            worst.insert(d.line, d.severity);
    const int current = textCursor().blockNumber();
    const int lineHeight = fontMetrics().height();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            if (worst.contains(line)) {
                const int d = lineHeight - 6;
                painter.setPen(Qt::NoPen);
                painter.setBrush(severityColor(worst.value(line)));
                painter.drawEllipse(QRect(4, top + (lineHeight - d) / 2, d, d));
            }
            painter.setPen(
                palette().color(block.blockNumber() == current ? QPalette::Text : QPalette::PlaceholderText));
            painter.drawText(0, top, gutter->width() - 6, lineHeight, Qt::AlignRight | Qt::AlignVCenter,
                QString::number(line));
        }
        block = block.next();
        top += height;
    }
}

QString ChangelogEditor::gutterTooltip(int y) const
{
    const QTextCursor cursor = cursorForPosition(QPoint(0, y));
    return tooltipAt(cursor.blockNumber() + 1, 0);
}

namespace {

enum class EditorKey { None, Find, Replace, GoToLine, FindNext, FindPrevious };

EditorKey editorKey(const QKeyEvent *key)
{
    const QKeyCombination combo = key->keyCombination();
    if (key->matches(QKeySequence::Find))
        return EditorKey::Find;
    if (combo == QKeyCombination(Qt::ControlModifier, Qt::Key_H))
        return EditorKey::Replace;
    if (combo == QKeyCombination(Qt::ControlModifier, Qt::Key_G))
        return EditorKey::GoToLine;
    if (combo == QKeyCombination(Qt::NoModifier, Qt::Key_F3))
        return EditorKey::FindNext;
    if (combo == QKeyCombination(Qt::ShiftModifier, Qt::Key_F3))
        return EditorKey::FindPrevious;
    return EditorKey::None;
}

}  // namespace

void ChangelogEditor::keyPressEvent(QKeyEvent *event)
{
    switch (editorKey(event)) {
    case EditorKey::Find:
        emit findRequested(false);
        return;
    case EditorKey::Replace:
        emit findRequested(true);
        return;
    case EditorKey::GoToLine:
        emit goToLineRequested();
        return;
    case EditorKey::FindNext:
        emit findNextRequested(false);
        return;
    case EditorKey::FindPrevious:
        emit findNextRequested(true);
        return;
    case EditorKey::None:
        break;
    }
    if (!isReadOnly() && (event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab)
        && !(event->modifiers() & Qt::ControlModifier)) {
        indentLines(event->key() == Qt::Key_Backtab || event->modifiers().testFlag(Qt::ShiftModifier));
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void ChangelogEditor::indentLines(bool outdent)
{
    QTextCursor cursor = textCursor();
    const QTextBlock first = document()->findBlock(cursor.selectionStart());
    QTextBlock last = document()->findBlock(cursor.selectionEnd());
    // A selection ending at a line's very start does not take that line along.
    if (cursor.hasSelection() && last != first && cursor.selectionEnd() == last.position())
        last = last.previous();
    QTextCursor edit(document());
    edit.beginEditBlock();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        edit.setPosition(block.position());
        if (!outdent) {
            edit.insertText(QStringLiteral("  "));
        } else {
            const QString text = block.text();
            const int spaces = text.startsWith(QLatin1String("  ")) ? 2 : text.startsWith(u' ') ? 1 : 0;
            edit.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, spaces);
            edit.removeSelectedText();
        }
        if (block == last)
            break;
    }
    edit.endEditBlock();
}

bool ChangelogEditor::event(QEvent *event)
{
    // The editor's keys win over a window shortcut of the same key while it has focus.
    if (event->type() == QEvent::ShortcutOverride
        && editorKey(static_cast<QKeyEvent *>(event)) != EditorKey::None) {
        event->accept();
        return true;
    }
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(viewport()->mapFromGlobal(help->globalPos()));
        const QString tip = tooltipAt(cursor.blockNumber() + 1, cursor.positionInBlock() + 1);
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

// The current line's band and every diagnostic's wavy underline, as extra selections so they
// sit on top of whichever highlighter runs.
void ChangelogEditor::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection current;
    QColor band = palette().color(QPalette::Highlight);
    band.setAlpha(isDark() ? 40 : 22);
    current.format.setBackground(band);
    current.format.setProperty(QTextFormat::FullWidthSelection, true);
    current.cursor = textCursor();
    current.cursor.clearSelection();
    selections.append(current);
    for (const EditorDiagnostic &d : std::as_const(m_diagnostics)) {
        const QTextBlock block = document()->findBlockByNumber(d.line - 1);
        if (!block.isValid())
            continue;
        const QString text = block.text();
        int start = d.column > 0 ? qMin(d.column - 1, int(text.size())) : 0;
        int end = int(text.size());
        if (d.column > 0 && d.length > 0)
            end = qMin(start + d.length, end);
        else if (d.column > 0)
            for (int i = start; i < end; ++i)
                if (text.at(i).isSpace() && i > start) {
                    end = i;
                    break;
                }
        if (d.column <= 0)
            while (start < end && text.at(start).isSpace())
                ++start;
        if (end <= start)
            continue;  // an empty line: the gutter mark says it
        QTextEdit::ExtraSelection mark;
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(severityColor(d.severity));
        mark.cursor = QTextCursor(block);
        mark.cursor.setPosition(block.position() + start);
        mark.cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
        selections.append(mark);
    }
    setExtraSelections(selections);
    m_gutter->update();
}

}  // namespace cockpit
