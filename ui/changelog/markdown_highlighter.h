#pragma once
// Markdown highlighting for the changelog source: headings, list bullets, links and link reference
// definitions, code spans and fences, emphasis. Ours, because bookworm's KSyntaxHighlighting is
// KF5 (Qt 5); createMarkdownHighlighter() picks KSyntaxHighlighting where CMake found KF6.
// Lint diagnostics are drawn by the editor as extra selections, so they work over either one.
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace cockpit {

class MarkdownHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    // The kinds of span it marks; formatFor() exposes them so tests can check a span's format.
    enum class Span { Heading, Bullet, Link, LinkUrl, LinkDefinition, Code, Emphasis, Strong, HtmlComment };

    explicit MarkdownHighlighter(QTextDocument *document);

    [[nodiscard]] QTextCharFormat formatFor(Span span) const;
    // Re-derives the colours from the palette (light or dark desktop) and rehighlights.
    void setDarkPalette(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum BlockState { Normal = -1, InFence = 1, InComment = 2 };
    void buildFormats();
    bool highlightFence(const QString &text);
    bool highlightComment(const QString &text);
    void highlightInline(const QString &text, int from);
    void apply(const QRegularExpression &re, const QString &text, int from, Span span, int group = 0);

    bool m_dark = false;
    QTextCharFormat m_formats[9];
};

// Ours, or KSyntaxHighlighting's Markdown definition when built with KF6SyntaxHighlighting.
QSyntaxHighlighter *createMarkdownHighlighter(QTextDocument *document, bool dark);

}  // namespace cockpit
