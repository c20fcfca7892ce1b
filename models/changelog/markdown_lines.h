#pragma once
// Line-level views of Markdown source that cmark does not give: byte offsets of lines as cmark
// numbers them, UTF-8 validation, task checkboxes and trailing HTML comments. Used by the
// checklist parser to rewrite single lines and keep every other byte.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <algorithm>

namespace cockpit {

// Byte offsets of line starts. Line breaks are "\n", "\r\n" and a lone "\r", as cmark counts them,
// so cmark's source positions index this table. Views the text: keep it alive meanwhile.
class MarkdownLines {
public:
    explicit MarkdownLines(QByteArrayView text)
        : m_text(text)
    {
        m_starts.reserve(text.size() / 32 + 1);
        m_starts.append(0);
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') {
                m_starts.append(i + 1);
            } else if (text[i] == '\r') {
                if (i + 1 < text.size() && text[i + 1] == '\n')
                    ++i;
                m_starts.append(i + 1);
            }
        }
    }
    [[nodiscard]] qsizetype count() const { return m_starts.size(); }
    [[nodiscard]] qsizetype start(qsizetype line) const { return m_starts.at(line - 1); }
    [[nodiscard]] qsizetype contentEnd(qsizetype line) const  // end of the line without its break
    {
        qsizetype end = line < count() ? m_starts.at(line) : m_text.size();
        while (end > start(line) && (m_text[end - 1] == '\n' || m_text[end - 1] == '\r'))
            --end;
        return end;
    }
    [[nodiscard]] QByteArrayView content(qsizetype line) const
    {
        return m_text.sliced(start(line), contentEnd(line) - start(line));
    }
    [[nodiscard]] qsizetype lineOf(qsizetype offset) const
    {
        return std::upper_bound(m_starts.begin(), m_starts.end(), offset) - m_starts.begin();
    }

private:
    QByteArrayView m_text;
    QList<qsizetype> m_starts;
};

// Offset of the first byte that is not valid UTF-8 (overlong forms, surrogates and code points
// above U+10FFFF included), or -1.
qsizetype firstInvalidUtf8(QByteArrayView s);

// Offset within the line of the checkbox's inner character ("[ ]" -> the space), or -1.
qsizetype boxOffset(QByteArrayView line);

struct TrailingComment {
    qsizetype begin = 0;  // offset of "<!--" within the line
    qsizetype end = 0;  // offset just past "-->"
    QByteArray body;  // trimmed
};

// HTML comments at the end of a line (after offset from), last first.
QList<TrailingComment> trailingComments(QByteArrayView line, qsizetype from);

}  // namespace cockpit
