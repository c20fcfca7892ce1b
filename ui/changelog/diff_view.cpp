#include "diff_view.h"

#include "state_style.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace cockpit {
namespace {

QColor addedColor()
{
    return QColor(0x2f, 0x9e, 0x44);
}
QColor removedColor()
{
    return QColor(0xe0, 0x31, 0x31);
}

// The text pane with a gutter of line numbers: two columns inline (old and new), one for a side
// of the side-by-side view; the rows are the view's.
class DiffText : public QPlainTextEdit {
public:
    DiffText(const QList<DiffView::Row> *rows, QWidget *parent, int columns = 2)
        : QPlainTextEdit(parent)
        , m_rows(rows)
        , m_columns(columns)
        , m_gutter(new GutterWidget(this))
    {
        setReadOnly(true);
        setLineWrapMode(QPlainTextEdit::NoWrap);
        setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
        connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
            if (dy != 0)
                m_gutter->scroll(0, dy);
            else
                m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
        });
        connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(gutterWidth(), 0, 0, 0); });
        setViewportMargins(gutterWidth(), 0, 0, 0);
    }

    int gutterWidth() const { return fontMetrics().horizontalAdvance(QLatin1Char('9')) * 5 * m_columns + 8 * m_columns; }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QPlainTextEdit::resizeEvent(event);
        const QRect cr = contentsRect();
        m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
    }

private:
    class GutterWidget : public QWidget {
    public:
        explicit GutterWidget(DiffText *text)
            : QWidget(text)
            , m_text(text)
        {
            setObjectName(QStringLiteral("diffGutter"));
        }

    protected:
        void paintEvent(QPaintEvent *event) override { m_text->paintGutter(event, this); }

    private:
        DiffText *m_text;
    };

    void paintGutter(QPaintEvent *event, QWidget *gutter)
    {
        QPainter painter(gutter);
        painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
        painter.setPen(palette().color(QPalette::PlaceholderText));
        const int half = (gutter->width() - 8) / m_columns;
        const int lineHeight = fontMetrics().height();
        QTextBlock block = firstVisibleBlock();
        int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
        while (block.isValid() && top <= event->rect().bottom()) {
            const int row = block.blockNumber();
            if (row < m_rows->size()) {
                const DiffView::Row &r = m_rows->at(row);
                if (m_columns == 1) {
                    const int n = r.oldLine > 0 ? r.oldLine : r.newLine;
                    if (n > 0)
                        painter.drawText(0, top, half, lineHeight, Qt::AlignRight, QString::number(n));
                } else {
                    if (r.oldLine > 0)
                        painter.drawText(0, top, half, lineHeight, Qt::AlignRight, QString::number(r.oldLine));
                    if (r.newLine > 0)
                        painter.drawText(half, top, half, lineHeight, Qt::AlignRight, QString::number(r.newLine));
                }
            }
            top += qRound(blockBoundingRect(block).height());
            block = block.next();
        }
    }

    const QList<DiffView::Row> *m_rows;
    int m_columns;
    GutterWidget *m_gutter;
};

// Fills a pane with rows and their texts (one block per row).
void fillPane(QPlainTextEdit *pane, const QList<DiffView::Row> &rows, const QStringList &texts)
{
    QTextDocument *document = pane->document();
    document->clear();
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (i > 0)
            cursor.insertBlock();
        cursor.insertText(texts.at(i));
    }
    cursor.endEditBlock();
    pane->moveCursor(QTextCursor::Start);
}

// Tints each row of a pane by its origin (hunk header, added, removed, filler).
void tintPane(QPlainTextEdit *pane, const QList<DiffView::Row> &rows, const QPalette &pal)
{
    const QColor base = pal.color(QPalette::Base);
    const int alpha = isDarkPalette(pal) ? 70 : 40;
    QTextBlockFormat header, added, removed, filler;
    header.setBackground(pal.color(QPalette::AlternateBase));
    added.setBackground(blendOver(addedColor(), alpha, base));
    removed.setBackground(blendOver(removedColor(), alpha, base));
    filler.setBackground(pal.color(QPalette::AlternateBase).darker(isDarkPalette(pal) ? 80 : 106));
    QTextCharFormat muted;
    muted.setForeground(pal.color(QPalette::PlaceholderText));
    QTextCursor cursor(pane->document());
    cursor.beginEditBlock();
    for (QTextBlock block = pane->document()->begin(); block.isValid(); block = block.next()) {
        const int row = block.blockNumber();
        const char origin = row < rows.size() ? rows.at(row).origin : ' ';
        if (origin == ' ')
            continue;
        cursor.setPosition(block.position());
        cursor.mergeBlockFormat(origin == '+' ? added : origin == '-' ? removed : origin == '~' ? filler : header);
        if (origin == '@') {
            cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(muted);
        }
    }
    cursor.endEditBlock();
}

}  // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_sideBySideButton(new QToolButton(this))
    , m_text(new DiffText(&m_rows, this))
    , m_split(new QSplitter(Qt::Horizontal, this))
    , m_oldText(new DiffText(&m_oldRows, m_split, 1))
    , m_newText(new DiffText(&m_newRows, m_split, 1))
{
    setObjectName(QStringLiteral("changelogDiff"));
    setAccessibleName(tr("Changelog diff against the last release tag"));
    m_text->setObjectName(QStringLiteral("changelogDiffText"));
    m_text->setAccessibleName(tr("Diff lines"));
    m_summary->setObjectName(QStringLiteral("changelogDiffSummary"));
    m_message->setObjectName(QStringLiteral("changelogDiffMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_sideBySideButton->setObjectName(QStringLiteral("diffSideBySideButton"));
    m_sideBySideButton->setText(tr("Side by Side"));
    m_sideBySideButton->setCheckable(true);
    m_sideBySideButton->setToolTip(tr("Show the old and the new text next to each other instead of inline"));
    m_sideBySideButton->setAutoRaise(true);
    connect(m_sideBySideButton, &QToolButton::toggled, this, [this] { showDiffPage(); });
    m_oldText->setObjectName(QStringLiteral("changelogDiffOld"));
    m_oldText->setAccessibleName(tr("Old side"));
    m_newText->setObjectName(QStringLiteral("changelogDiffNew"));
    m_newText->setAccessibleName(tr("New side"));
    m_split->setObjectName(QStringLiteral("changelogDiffSplit"));
    m_split->setChildrenCollapsible(false);
    // The two sides scroll together, row for row.
    const auto link = [](QScrollBar *from, QScrollBar *to) {
        connect(from, &QScrollBar::valueChanged, to, [to](int v) {
            if (to->value() != v)
                to->setValue(v);
        });
    };
    link(m_oldText->verticalScrollBar(), m_newText->verticalScrollBar());
    link(m_newText->verticalScrollBar(), m_oldText->verticalScrollBar());
    link(m_oldText->horizontalScrollBar(), m_newText->horizontalScrollBar());
    link(m_newText->horizontalScrollBar(), m_oldText->horizontalScrollBar());
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_text);
    m_stack->addWidget(m_split);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_summary, 1);
    header->addWidget(m_sideBySideButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    setFocusProxy(m_text);
    showMessage(tr("Not loaded yet."));
}

void DiffView::showMessage(const QString &text)
{
    m_rows.clear();
    m_oldRows.clear();
    m_newRows.clear();
    m_text->clear();
    m_oldText->clear();
    m_newText->clear();
    m_haveDiff = false;
    m_added = m_removed = 0;
    m_summary->clear();
    m_summary->hide();
    m_sideBySideButton->hide();
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

void DiffView::setDiff(const FileDiff &diff, const QString &from, const QString &to)
{
    if (diff.binary) {
        showMessage(tr("The file is binary between %1 and %2: no line diff.").arg(from, to));
        return;
    }
    if (diff.hunks.isEmpty()) {
        showMessage(tr("No changes between %1 and %2.").arg(from, to));
        return;
    }
    m_rows.clear();
    m_added = m_removed = 0;
    const QTextBlockFormat header, added, removed, context;  // coloured by applyColours()
    const QTextCharFormat plain, muted;
    QTextDocument *document = m_text->document();
    document->clear();
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    bool first = true;
    auto append = [&](const Row &row, const QString &text, const QTextBlockFormat &format,
                      const QTextCharFormat &chars) {
        if (first)
            cursor.setBlockFormat(format);
        else
            cursor.insertBlock(format);
        first = false;
        cursor.insertText(text, chars);
        m_rows.append(row);
    };
    for (const DiffHunk &hunk : diff.hunks) {
        append({'@', -1, -1}, hunk.header, header, muted);
        for (const DiffLine &line : hunk.lines) {
            const QTextBlockFormat &format = line.origin == '+' ? added
                : line.origin == '-'                            ? removed
                                                                : context;
            m_added += line.origin == '+';
            m_removed += line.origin == '-';
            append({line.origin, line.oldLine, line.newLine}, QLatin1Char(line.origin) + line.text, format,
                plain);
        }
    }
    cursor.endEditBlock();
    // Side by side: context on both sides; a run of removed lines and the added run after it are
    // paired row by row, the shorter side padded with filler rows.
    m_oldRows.clear();
    m_newRows.clear();
    QStringList oldTexts, newTexts;
    for (const DiffHunk &hunk : diff.hunks) {
        m_oldRows.append({'@', -1, -1});
        m_newRows.append({'@', -1, -1});
        oldTexts << hunk.header;
        newTexts << hunk.header;
        for (qsizetype i = 0; i < hunk.lines.size();) {
            const DiffLine &line = hunk.lines.at(i);
            if (line.origin != '-' && line.origin != '+') {
                m_oldRows.append({' ', line.oldLine, -1});
                m_newRows.append({' ', -1, line.newLine});
                oldTexts << QLatin1Char(' ') + line.text;
                newTexts << QLatin1Char(' ') + line.text;
                ++i;
                continue;
            }
            QList<const DiffLine *> removed, added;
            while (i < hunk.lines.size() && hunk.lines.at(i).origin == '-')
                removed << &hunk.lines.at(i++);
            while (i < hunk.lines.size() && hunk.lines.at(i).origin == '+')
                added << &hunk.lines.at(i++);
            for (qsizetype k = 0; k < qMax(removed.size(), added.size()); ++k) {
                if (k < removed.size()) {
                    m_oldRows.append({'-', removed.at(k)->oldLine, -1});
                    oldTexts << QLatin1Char('-') + removed.at(k)->text;
                } else {
                    m_oldRows.append({'~', -1, -1});
                    oldTexts << QString();
                }
                if (k < added.size()) {
                    m_newRows.append({'+', -1, added.at(k)->newLine});
                    newTexts << QLatin1Char('+') + added.at(k)->text;
                } else {
                    m_newRows.append({'~', -1, -1});
                    newTexts << QString();
                }
            }
        }
    }
    fillPane(m_oldText, m_oldRows, oldTexts);
    fillPane(m_newText, m_newRows, newTexts);
    m_haveDiff = true;
    applyColours();
    m_text->moveCursor(QTextCursor::Start);
    m_summary->setText(tr("%1 → %2: %n line(s) added", nullptr, m_added).arg(from, to)
        + tr(", %n removed", nullptr, m_removed));
    m_summary->show();
    m_sideBySideButton->show();
    m_oldText->setToolTip(from);
    m_newText->setToolTip(to);
    showDiffPage();
}

void DiffView::showDiffPage()
{
    if (!m_haveDiff)
        return;
    const bool side = m_sideBySideButton->isChecked();
    const bool hadFocus = m_stack->currentWidget() && m_stack->currentWidget()->hasFocus();
    m_stack->setCurrentWidget(side ? m_split : static_cast<QWidget *>(m_text));
    setFocusProxy(side ? m_newText : m_text);
    if (hadFocus)
        setFocus();
}

void DiffView::setSideBySide(bool on)
{
    m_sideBySideButton->setChecked(on);
}

bool DiffView::isSideBySide() const
{
    return m_sideBySideButton->isChecked();
}

// Row backgrounds are opaque blends of the sign's colour over the base, so the text colour keeps
// its contrast; they are recomputed when the palette turns light or dark.
void DiffView::applyColours()
{
    const QPalette pal = palette();  // the text panes resolve their own palette after this widget
    tintPane(m_text, m_rows, pal);
    tintPane(m_oldText, m_oldRows, pal);
    tintPane(m_newText, m_newRows, pal);
}

void DiffView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_haveDiff)
        applyColours();
}

QString DiffView::summary() const
{
    return m_haveDiff ? m_summary->text() : m_message->text();
}

std::pair<int, int> DiffView::lineNumbersAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {-1, -1};
    return {m_rows.at(row).oldLine, m_rows.at(row).newLine};
}

}  // namespace cockpit
