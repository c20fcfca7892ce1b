// parseChangelog: cmark-gfm gives the block structure with source positions (so HTML comments,
// code fences and nested lists are never mistaken for headings or entries); headings and link
// reference definitions are read from the source lines, as written.
#include "changelog.h"
#include "changelog_heading.h"
#include "markdown_lines.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <memory>

namespace cockpit {
namespace {

struct ParserDeleter {
    void operator()(cmark_parser *p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node *n) const { cmark_node_free(n); }
};

QString lineText(const MarkdownLines &lines, qsizetype line)
{
    if (line < 1 || line > lines.count())
        return {};
    return QString::fromUtf8(lines.content(line));
}

// An ATX heading's text without its '#' run and closing sequence; a setext heading's first line.
QString headingSource(const MarkdownLines &lines, cmark_node *heading)
{
    QString s = lineText(lines, cmark_node_get_start_line(heading)).trimmed();
    if (!s.startsWith(u'#'))
        return s;
    qsizetype i = 0;
    while (i < s.size() && s[i] == u'#')
        ++i;
    s = s.mid(i).trimmed();
    // A closing sequence is '#'s preceded by a space (or the whole rest).
    qsizetype end = s.size();
    while (end > 0 && s[end - 1] == u'#')
        --end;
    if (end < s.size() && (end == 0 || s[end - 1] == u' ' || s[end - 1] == u'\t'))
        s.truncate(end);
    return s.trimmed();
}

struct Walk {
    const MarkdownLines &lines;
    Changelog &log;
    qsizetype releaseIndex = -1;  // the release blocks belong to, if any
    qsizetype sectionIndex = -1;  // within that release
    QString pendingLabel;  // a "BUG FIXES:" paragraph right before, outside any section

    // Indexes, not pointers: appending to the lists moves their elements.
    [[nodiscard]] ChangelogRelease *release() const
    {
        return releaseIndex < 0 ? nullptr : &log.releases[releaseIndex];
    }
    [[nodiscard]] ChangelogSection *section() const
    {
        return sectionIndex < 0 ? nullptr : &log.releases[releaseIndex].sections[sectionIndex];
    }
};

void trimBlankTail(const MarkdownLines &lines, ChangelogEntry &e)
{
    while (e.endLine > e.line && lines.content(e.endLine).trimmed().isEmpty())
        --e.endLine;
}

ChangelogEntry entryOfItem(const MarkdownLines &lines, cmark_node *item)
{
    ChangelogEntry e;
    e.line = cmark_node_get_start_line(item);
    e.endLine = std::min<int>(cmark_node_get_end_line(item), int(lines.count()));
    e.endLine = std::max(e.endLine, e.line);
    trimBlankTail(lines, e);
    QString first = lineText(lines, e.line);
    qsizetype i = 0;
    while (i < first.size() && (first[i] == u' ' || first[i] == u'\t'))
        ++i;
    if (i < first.size() && (first[i] == u'-' || first[i] == u'*' || first[i] == u'+')) {
        ++i;
    } else {
        while (i < first.size() && first[i].isDigit())
            ++i;
        if (i < first.size() && (first[i] == u'.' || first[i] == u')'))
            ++i;
    }
    QStringList parts {first.mid(i).trimmed()};
    for (int l = e.line + 1; l <= e.endLine; ++l)
        parts << lineText(lines, l).trimmed();
    e.text = parts.join(u'\n').trimmed();
    return e;
}

ChangelogSection &unnamedSection(Walk &w, int line)
{
    ChangelogRelease &r = *w.release();
    const bool labelled = !w.pendingLabel.isEmpty();
    if (labelled || r.sections.isEmpty() || !r.sections.last().name.isEmpty()
        || r.sections.last().level != 0) {
        ChangelogSection s;
        s.level = 0;
        s.line = line;
        s.label = labelled ? w.pendingLabel : QString();
        r.sections.append(s);
    }
    w.pendingLabel.clear();
    return r.sections.last();
}

void addList(Walk &w, cmark_node *list, ChangelogSection &s)
{
    for (cmark_node *item = cmark_node_first_child(list); item; item = cmark_node_next(item))
        s.entries.append(entryOfItem(w.lines, item));
}

void addBlock(Walk &w, cmark_node *node)
{
    const cmark_node_type type = cmark_node_get_type(node);
    if (!w.release() || type == CMARK_NODE_HTML_BLOCK)
        return;  // preamble, or a comment (a commented-out template is not content)
    const int start = cmark_node_get_start_line(node);
    int end = std::min<int>(std::max(start, cmark_node_get_end_line(node)), int(w.lines.count()));
    while (end > start && w.lines.content(end).trimmed().isEmpty())
        --end;  // cmark counts a list's trailing blank line in
    ChangelogRelease &r = *w.release();
    r.endLine = std::max(r.endLine, end);
    ++r.contentBlocks;
    if (!w.section()) {
        ++r.looseBlocks;
        if (type == CMARK_NODE_LIST) {
            ChangelogSection &s = unnamedSection(w, start);
            addList(w, node, s);
            s.endLine = end;
            ++s.contentBlocks;
        } else {
            const QString text = lineText(w.lines, end).trimmed();
            const bool label = type == CMARK_NODE_PARAGRAPH && start == end && text.endsWith(u':');
            w.pendingLabel = label ? text : QString();
        }
        return;
    }
    ChangelogSection &s = *w.section();
    s.endLine = end;
    ++s.contentBlocks;
    if (type == CMARK_NODE_LIST) {
        addList(w, node, s);
    } else if (type == CMARK_NODE_PARAGRAPH) {
        ChangelogEntry e {{}, start, end, false};
        QStringList parts;
        for (int l = start; l <= end; ++l)
            parts << lineText(w.lines, l).trimmed();
        e.text = parts.join(u'\n');
        s.entries.append(e);
    }
}

void startRelease(Walk &w, const ReleaseHeading &h, int line, int level)
{
    ChangelogRelease r;
    r.version = h.version;
    r.date = h.date;
    r.yanked = h.yanked;
    r.line = r.endLine = line;
    r.heading = lineText(w.lines, line);
    r.level = level;
    r.bracketed = h.bracketed;
    r.inlineLink = h.inlineLink;
    r.vPrefix = h.vPrefix;
    r.separator = h.separator;
    r.dateText = h.dateText;
    w.log.releases.append(r);
    w.releaseIndex = w.log.releases.size() - 1;
    w.sectionIndex = -1;
    w.pendingLabel.clear();
}

void addHeading(Walk &w, cmark_node *node)
{
    const int line = cmark_node_get_start_line(node);
    const int level = cmark_node_get_heading_level(node);
    const QString text = headingSource(w.lines, node);
    if (text.isEmpty())
        w.log.emptyHeadingLines.append(line);
    if (level <= 3) {
        if (const auto h = parseReleaseHeading(text)) {
            startRelease(w, *h, line, level);
            return;
        }
    }
    if (level == 1 && w.log.titleLine == 0 && w.log.releases.isEmpty()) {
        w.log.title = text;
        w.log.titleLine = line;
        return;
    }
    if (!w.release()) {
        if (!w.log.releases.isEmpty() || level == 1)
            w.log.strayHeadings.append({line, level, text});
        return;  // a heading in the preamble
    }
    ChangelogRelease &r = *w.release();
    const bool sectionName
        = standardChangelogSections().contains(plainSectionName(text), Qt::CaseInsensitive);
    // Under a level-3 release (release-please's patch releases) a level-3 heading can only be a
    // section; under a level-2 one, only a known section name is read as a misplaced section.
    if (level < r.level || (level == r.level && r.level < 3 && !sectionName)) {
        w.log.strayHeadings.append({line, level, text});
        w.releaseIndex = -1;  // it ends the release
        w.sectionIndex = -1;
        return;
    }
    r.endLine = std::max(r.endLine, line);
    if (w.section() && level > w.section()->level) {
        w.section()->endLine = line;  // a sub-heading: its content stays in the section
        return;
    }
    ChangelogSection s;
    s.name = text;
    s.line = s.endLine = line;
    s.level = level;
    r.sections.append(s);
    w.sectionIndex = r.sections.size() - 1;
    w.pendingLabel.clear();
}

const QRegularExpression &linkDefinitionPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?)"));
    return re;
}

// cmark consumes link reference definitions without leaving nodes: they are the non-blank lines
// no block covers.
void collectLinks(const MarkdownLines &lines, const QList<bool> &covered, Changelog &log)
{
    for (qsizetype l = 1; l <= lines.count(); ++l) {
        if (covered.at(l))
            continue;
        const QString text = lineText(lines, l);
        const auto m = linkDefinitionPattern().match(text);
        if (m.hasMatch())
            log.links.append({m.captured(1).trimmed(), m.captured(2), int(l)});
    }
}

QString detectLineEnding(const QByteArray &text)
{
    const qsizetype nl = text.indexOf('\n');
    return nl > 0 && text.at(nl - 1) == '\r' ? QStringLiteral("\r\n") : QStringLiteral("\n");
}

}  // namespace

Result<Changelog> parseChangelog(const QByteArray &text, const QString &path)
{
    const MarkdownLines lines(text);
    if (const qsizetype bad = firstInvalidUtf8(text); bad >= 0) {
        return fail(ErrorCode::BadInput,
            QStringLiteral("not valid UTF-8 (byte 0x%1)")
                .arg(uint(static_cast<unsigned char>(text.at(bad))), 2, 16, QChar(u'0')),
            SourceLocation {path, int(lines.lineOf(bad)), 1});
    }
    cmark_gfm_core_extensions_ensure_registered();
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_SOURCEPOS));
    // Tables matter: a GFM table's rows are one block, not paragraphs that could hold "[x]: y".
    if (cmark_syntax_extension *table = cmark_find_syntax_extension("table"))
        cmark_parser_attach_syntax_extension(parser.get(), table);
    cmark_parser_feed(parser.get(), text.constData(), size_t(text.size()));
    std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));

    Changelog log;
    log.path = path;
    log.source = text;
    log.lineEnding = detectLineEnding(text);
    Walk w {lines, log};
    QList<bool> covered(lines.count() + 1, false);
    for (cmark_node *node = cmark_node_first_child(doc.get()); node; node = cmark_node_next(node)) {
        const int start = std::max(1, cmark_node_get_start_line(node));
        const int end = std::min<int>(std::max(start, cmark_node_get_end_line(node)), int(lines.count()));
        for (int l = start; l <= end; ++l)
            covered[l] = true;
        if (cmark_node_get_type(node) == CMARK_NODE_HEADING)
            addHeading(w, node);
        else
            addBlock(w, node);
    }
    collectLinks(lines, covered, log);

    const int firstRelease = log.releases.isEmpty() ? int(lines.count()) + 1 : log.releases.first().line;
    const qsizetype from = log.titleLine > 0 && log.titleLine < lines.count()
        ? lines.start(log.titleLine + 1)
        : (log.titleLine > 0 ? text.size() : 0);
    const qsizetype to = firstRelease <= lines.count() ? lines.start(firstRelease) : text.size();
    if (to > from)
        log.preamble = QString::fromUtf8(QByteArrayView(text).sliced(from, to - from)).trimmed();
    if (log.preamble.startsWith(QChar(0xFEFF)))
        log.preamble.remove(0, 1);
    return log;
}

}  // namespace cockpit
