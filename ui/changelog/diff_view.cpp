#include "diff_view.h"

#include "state_style.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTextBlock>
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

// The text pane with a two-column gutter (old and new line numbers); the rows are the view's.
class DiffText : public QPlainTextEdit {
public:
    DiffText(const QList<DiffView::Row> *rows, QWidget *parent)
        : QPlainTextEdit(parent)
        , m_rows(rows)
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

    int gutterWidth() const { return fontMetrics().horizontalAdvance(QLatin1Char('9')) * 10 + 16; }

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
        const int half = (gutter->width() - 8) / 2;
        const int lineHeight = fontMetrics().height();
        QTextBlock block = firstVisibleBlock();
        int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
        while (block.isValid() && top <= event->rect().bottom()) {
            const int row = block.blockNumber();
            if (row < m_rows->size()) {
                const DiffView::Row &r = m_rows->at(row);
                if (r.oldLine > 0)
                    painter.drawText(0, top, half, lineHeight, Qt::AlignRight, QString::number(r.oldLine));
                if (r.newLine > 0)
                    painter.drawText(half, top, half, lineHeight, Qt::AlignRight, QString::number(r.newLine));
            }
            top += qRound(blockBoundingRect(block).height());
            block = block.next();
        }
    }

    const QList<DiffView::Row> *m_rows;
    GutterWidget *m_gutter;
};

}  // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_text(new DiffText(&m_rows, this))
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
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_text);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);
    setFocusProxy(m_text);
    showMessage(tr("Not loaded yet."));
}

void DiffView::showMessage(const QString &text)
{
    m_rows.clear();
    m_text->clear();
    m_added = m_removed = 0;
    m_summary->clear();
    m_summary->hide();
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
    applyColours();
    m_text->moveCursor(QTextCursor::Start);
    m_summary->setText(tr("%1 → %2: %n line(s) added", nullptr, m_added).arg(from, to)
        + tr(", %n removed", nullptr, m_removed));
    m_summary->show();
    m_stack->setCurrentWidget(m_text);
}

// Row backgrounds are opaque blends of the sign's colour over the base, so the text colour keeps
// its contrast; they are recomputed when the palette turns light or dark.
void DiffView::applyColours()
{
    const QPalette pal = palette();  // the text pane resolves its own palette after this widget
    const QColor base = pal.color(QPalette::Base);
    const int alpha = isDarkPalette(pal) ? 70 : 40;
    QTextBlockFormat header, added, removed;
    header.setBackground(pal.color(QPalette::AlternateBase));
    added.setBackground(blendOver(addedColor(), alpha, base));
    removed.setBackground(blendOver(removedColor(), alpha, base));
    QTextCharFormat muted;
    muted.setForeground(pal.color(QPalette::PlaceholderText));
    QTextCursor cursor(m_text->document());
    cursor.beginEditBlock();
    for (QTextBlock block = m_text->document()->begin(); block.isValid(); block = block.next()) {
        const int row = block.blockNumber();
        const char origin = row < m_rows.size() ? m_rows.at(row).origin : ' ';
        if (origin == ' ')
            continue;
        cursor.setPosition(block.position());
        cursor.mergeBlockFormat(origin == '+' ? added : origin == '-' ? removed : header);
        if (origin == '@') {
            cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            cursor.mergeCharFormat(muted);
        }
    }
    cursor.endEditBlock();
}

void DiffView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_stack->currentWidget() == m_text)
        applyColours();
}

QString DiffView::summary() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : m_summary->text();
}

std::pair<int, int> DiffView::lineNumbersAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {-1, -1};
    return {m_rows.at(row).oldLine, m_rows.at(row).newLine};
}

}  // namespace cockpit
