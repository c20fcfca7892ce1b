#include "markdown_highlighter.h"

#include <QFont>
#include <QTextDocument>

#ifdef COCKPIT_HAVE_KSYNTAX
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace cockpit {
namespace {

// Patterns are compiled once: the highlighter runs for every block on every keystroke.
const QRegularExpression &fencePattern()
{
    static const QRegularExpression re(QStringLiteral("^\\s{0,3}(```|~~~)"));
    return re;
}
const QRegularExpression &headingPattern()
{
    static const QRegularExpression re(QStringLiteral("^\\s{0,3}#{1,6}(\\s.*)?$"));
    return re;
}
const QRegularExpression &bulletPattern()
{
    static const QRegularExpression re(QStringLiteral("^\\s*([-*+]|\\d{1,9}[.)])(?=\\s|$)"));
    return re;
}
const QRegularExpression &definitionPattern()
{
    // [label]: destination "optional title"
    static const QRegularExpression re(QStringLiteral("^\\s{0,3}(\\[[^\\]]+\\]:)\\s*(\\S+)"));
    return re;
}
const QRegularExpression &linkPattern()
{
    static const QRegularExpression re(QStringLiteral("\\[[^\\]\\n]*\\](?:\\[[^\\]\\n]*\\])?"));
    return re;
}
const QRegularExpression &inlineUrlPattern()
{
    static const QRegularExpression re(QStringLiteral("\\]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)"));
    return re;
}
const QRegularExpression &autolinkPattern()
{
    static const QRegularExpression re(QStringLiteral("<https?://[^>\\s]+>|\\bhttps?://[^\\s)>\\]]+"));
    return re;
}
const QRegularExpression &strongPattern()
{
    static const QRegularExpression re(QStringLiteral("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1"));
    return re;
}
const QRegularExpression &emphasisPattern()
{
    static const QRegularExpression re(
        QStringLiteral("(?<![*\\w])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![*\\w])|(?<![\\w_])_(?=[^\\s_])(.+?)("
                       "?<=[^\\s_])_(?![\\w_])"));
    return re;
}
const QRegularExpression &codeSpanPattern()
{
    static const QRegularExpression re(QStringLiteral("(`+)(.+?)\\1"));
    return re;
}
const QRegularExpression &commentPattern()
{
    static const QRegularExpression re(QStringLiteral("<!--.*?-->"));
    return re;
}

}  // namespace

MarkdownHighlighter::MarkdownHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    buildFormats();
}

QTextCharFormat MarkdownHighlighter::formatFor(Span span) const
{
    return m_formats[static_cast<int>(span)];
}

void MarkdownHighlighter::setDarkPalette(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    buildFormats();
    rehighlight();
}

void MarkdownHighlighter::buildFormats()
{
    // Mid-tone hues that read on light and dark bases; structure (headings, bullets) also gets
    // weight so it does not rest on colour alone.
    const QColor heading = m_dark ? QColor(0x74, 0xb9, 0xff) : QColor(0x1c, 0x5f, 0xb0);
    const QColor link = m_dark ? QColor(0x63, 0xe6, 0xbe) : QColor(0x0b, 0x72, 0x85);
    const QColor muted = m_dark ? QColor(0xad, 0xb5, 0xbd) : QColor(0x6c, 0x75, 0x7d);
    const QColor code = m_dark ? QColor(0xff, 0xa9, 0x4d) : QColor(0xa6, 0x4d, 0x00);
    const QColor bullet = m_dark ? QColor(0xda, 0x77, 0xf2) : QColor(0x86, 0x2e, 0x9c);

    auto &h = m_formats[static_cast<int>(Span::Heading)];
    h = {};
    h.setForeground(heading);
    h.setFontWeight(QFont::Bold);
    auto &b = m_formats[static_cast<int>(Span::Bullet)];
    b = {};
    b.setForeground(bullet);
    b.setFontWeight(QFont::Bold);
    auto &l = m_formats[static_cast<int>(Span::Link)];
    l = {};
    l.setForeground(link);
    auto &u = m_formats[static_cast<int>(Span::LinkUrl)];
    u = {};
    u.setForeground(muted);
    u.setFontUnderline(true);
    auto &d = m_formats[static_cast<int>(Span::LinkDefinition)];
    d = {};
    d.setForeground(link);
    d.setFontWeight(QFont::DemiBold);
    auto &c = m_formats[static_cast<int>(Span::Code)];
    c = {};
    c.setForeground(code);
    c.setFontFixedPitch(true);
    auto &e = m_formats[static_cast<int>(Span::Emphasis)];
    e = {};
    e.setFontItalic(true);
    auto &s = m_formats[static_cast<int>(Span::Strong)];
    s = {};
    s.setFontWeight(QFont::Bold);
    auto &m = m_formats[static_cast<int>(Span::HtmlComment)];
    m = {};
    m.setForeground(muted);
    m.setFontItalic(true);
}

void MarkdownHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(Normal);
    if (highlightFence(text) || highlightComment(text))
        return;
    if (headingPattern().match(text).hasMatch()) {
        setFormat(0, int(text.size()), formatFor(Span::Heading));
        highlightInline(text, 0);
        return;
    }
    if (const auto def = definitionPattern().match(text); def.hasMatch()) {
        setFormat(int(def.capturedStart(1)), int(def.capturedLength(1)), formatFor(Span::LinkDefinition));
        setFormat(int(def.capturedStart(2)), int(def.capturedLength(2)), formatFor(Span::LinkUrl));
        return;
    }
    int from = 0;
    if (const auto bullet = bulletPattern().match(text); bullet.hasMatch()) {
        setFormat(int(bullet.capturedStart(1)), int(bullet.capturedLength(1)), formatFor(Span::Bullet));
        from = int(bullet.capturedEnd(1));
    }
    highlightInline(text, from);
}

// A fenced block keeps its state across blocks: everything inside is code, untouched by inline rules.
bool MarkdownHighlighter::highlightFence(const QString &text)
{
    const bool fence = fencePattern().match(text).hasMatch();
    if (previousBlockState() == InFence) {
        setFormat(0, int(text.size()), formatFor(Span::Code));
        setCurrentBlockState(fence ? Normal : InFence);
        return true;
    }
    if (!fence)
        return false;
    setFormat(0, int(text.size()), formatFor(Span::Code));
    setCurrentBlockState(InFence);
    return true;
}

// HTML comments (`<!-- check: ... -->` bindings, hidden notes) may span lines.
bool MarkdownHighlighter::highlightComment(const QString &text)
{
    int start = 0;
    if (previousBlockState() == InComment) {
        const qsizetype end = text.indexOf(QLatin1String("-->"));
        if (end < 0) {
            setFormat(0, int(text.size()), formatFor(Span::HtmlComment));
            setCurrentBlockState(InComment);
            return true;
        }
        setFormat(0, int(end + 3), formatFor(Span::HtmlComment));
        start = int(end + 3);
        highlightInline(text, start);
        return true;
    }
    const qsizetype open = text.lastIndexOf(QLatin1String("<!--"));
    if (open < 0 || text.indexOf(QLatin1String("-->"), open) >= 0)
        return false;  // none, or closed on this line (the inline pass handles it)
    highlightInline(text.left(open), 0);
    setFormat(int(open), int(text.size() - open), formatFor(Span::HtmlComment));
    setCurrentBlockState(InComment);
    return true;
}

void MarkdownHighlighter::highlightInline(const QString &text, int from)
{
    apply(strongPattern(), text, from, Span::Strong);
    apply(emphasisPattern(), text, from, Span::Emphasis);
    apply(linkPattern(), text, from, Span::Link);
    apply(inlineUrlPattern(), text, from, Span::LinkUrl, 1);
    apply(autolinkPattern(), text, from, Span::LinkUrl);
    // Last, so nothing inside a code span or a comment reads as emphasis or a link.
    apply(codeSpanPattern(), text, from, Span::Code);
    apply(commentPattern(), text, from, Span::HtmlComment);
}

void MarkdownHighlighter::apply(
    const QRegularExpression &re, const QString &text, int from, Span span, int group)
{
    auto it = re.globalMatch(text, from);
    while (it.hasNext()) {
        const auto match = it.next();
        const int start = int(match.capturedStart(group));
        const int length = int(match.capturedLength(group));
        if (start < 0 || length <= 0)
            continue;
        // Merge so a link inside a heading stays bold.
        QTextCharFormat merged = format(start);
        merged.merge(formatFor(span));
        if (span == Span::Code || span == Span::HtmlComment)
            merged = formatFor(span);
        setFormat(start, length, merged);
    }
}

QSyntaxHighlighter *createMarkdownHighlighter(QTextDocument *document, bool dark)
{
#ifdef COCKPIT_HAVE_KSYNTAX
    static KSyntaxHighlighting::Repository repository;
    const auto definition = repository.definitionForName(QStringLiteral("Markdown"));
    if (definition.isValid()) {
        auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
        highlighter->setTheme(repository.defaultTheme(
            dark ? KSyntaxHighlighting::Repository::DarkTheme : KSyntaxHighlighting::Repository::LightTheme));
        highlighter->setDefinition(definition);
        return highlighter;
    }
#endif
    auto *ours = new MarkdownHighlighter(document);
    ours->setDarkPalette(dark);
    return ours;
}

}  // namespace cockpit
