#include "checklist_parser.h"
#include "markdown_lines.h"

#include <QLoggingCategory>
#include <QStringDecoder>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <memory>

namespace cockpit {

Q_LOGGING_CATEGORY(lcChecklistParser, "cockpit.models.checklist")

namespace {

QByteArray escapeReason(const QString &reason)
{
    // Comments may not contain "--" and a '>' could end one early; percent-escape what matters.
    const QByteArray in = reason.toUtf8();
    QByteArray out;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        // Blanks at either end too: the reader trims the comment's body.
        const bool edgeBlank
            = (i == 0 || i == in.size() - 1) && (c == ' ' || c == '\t' || c == '\v' || c == '\f');
        if (c == '%' || c == '<' || c == '>' || c == '\r' || c == '\n' || edgeBlank
            || (c == '-' && out.endsWith('-')))
            out += '%'
                + QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0').toUpper();
        else
            out += c;
    }
    return out;
}

QByteArray stateComment(const ChecklistItem &item)
{
    if (item.state == ItemState::Failed)
        return QByteArrayLiteral("state: failed");
    if (item.state != ItemState::NotApplicable)
        return {};
    if (item.naReason.isEmpty())
        return QByteArrayLiteral("state: na");
    return "state: na; reason: " + escapeReason(item.naReason);
}

// The state a "state: failed" / "state: na; reason: ..." comment body names, if it is one.
std::optional<ItemState> stateOfComment(const QByteArray &body)
{
    if (!body.startsWith("state:"))
        return std::nullopt;
    const QByteArray value = body.mid(6);
    const qsizetype semi = value.indexOf(';');
    return itemStateFromName(QString::fromUtf8(value.left(semi < 0 ? value.size() : semi)));
}

// Applies a recognised comment to the item; false for comments that are not ours. State comments
// count only on the checkbox line, the one line export rewrites.
bool applyComment(const QByteArray &body, ChecklistItem &item, bool boxLine)
{
    const qsizetype colon = body.indexOf(':');
    if (colon < 0)
        return false;
    const QByteArray key = body.left(colon).trimmed();
    const QByteArray value = body.mid(colon + 1).trimmed();
    if (key == "check") {
        item.check = QString::fromUtf8(value);
    } else if (key == "if") {
        item.condition = QString::fromUtf8(value);
    } else if (key == "state" && boxLine) {
        const auto state = stateOfComment(body);
        if (!state)
            return false;
        item.state = *state;
        const qsizetype semi = value.indexOf(';');
        const QByteArray rest = semi < 0 ? QByteArray() : value.mid(semi + 1).trimmed();
        if (rest.startsWith("reason:"))
            item.naReason = QString::fromUtf8(QByteArray::fromPercentEncoding(rest.mid(7).trimmed()));
    } else {
        return false;
    }
    return true;
}

// One line of the item's first paragraph: its text without recognised trailing comments.
QByteArray itemLineText(QByteArrayView line, qsizetype from, ChecklistItem &item, bool boxLine)
{
    const QList<TrailingComment> comments = trailingComments(line, from);
    qsizetype end = comments.isEmpty() ? line.size() : comments.last().begin;
    QByteArray text = line.sliced(from, end - from).trimmed().toByteArray();
    for (qsizetype i = comments.size() - 1; i >= 0; --i) {
        if (!applyComment(comments.at(i).body, item, boxLine))
            text += ' '
                + line.sliced(comments.at(i).begin, comments.at(i).end - comments.at(i).begin).toByteArray();
    }
    return text.trimmed();
}

void setConditionFromText(ChecklistItem &item)
{
    if (!item.condition.isEmpty())
        return;  // an explicit <!-- if: --> wins
    const qsizetype open = item.text.indexOf(QLatin1String("(if "), 0, Qt::CaseInsensitive);
    if (open < 0)
        return;
    const qsizetype close = item.text.indexOf(u')', open);
    if (close > open)
        item.condition = item.text.mid(open + 4, close - open - 4).trimmed();
}

QString headingText(cmark_node *heading)
{
    QString out;
    cmark_iter *it = cmark_iter_new(heading);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        const cmark_node_type t = cmark_node_get_type(n);
        if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
            out += QString::fromUtf8(cmark_node_get_literal(n));
        else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
            out += u' ';
    }
    cmark_iter_free(it);
    return out.trimmed();
}

struct ParseState {
    const MarkdownLines &lines;
    QByteArrayView source;
    ChecklistPhase &phase;
    bool titleTaken = false;
    int itemCount = 0;
    qsizetype lastLine = 0;  // checkbox line of the last item: one item per line
};

// The line holding the item's checkbox: its own first line, or (for "-" alone on a line) the line
// its content starts on. 0 when neither has one.
qsizetype boxLine(const MarkdownLines &lines, cmark_node *item, cmark_node *first)
{
    for (const qsizetype line :
        {qsizetype(cmark_node_get_start_line(item)), qsizetype(cmark_node_get_start_line(first))}) {
        if (line >= 1 && line <= lines.count() && boxOffset(lines.content(line)) >= 0)
            return line;
    }
    return 0;
}

// Adds a task item. Export appends state comments to the checkbox line, so an item must have text
// on that line: otherwise the comment would become its content and change the document's shape.
void addItem(ParseState &st, cmark_node *node)
{
    cmark_node *first = cmark_node_first_child(node);
    if (!first)
        return;
    const qsizetype line = boxLine(st.lines, node, first);
    if (line == 0 || line == st.lastLine) {
        qCDebug(lcChecklistParser) << "task item without its own checkbox line near line"
                                   << cmark_node_get_start_line(node) << "- skipped";
        return;
    }
    ChecklistItem item;
    item.sourceLine = int(line);
    const QByteArrayView content = st.lines.content(line);
    const qsizetype box = boxOffset(content);
    const bool checked = content[box] != ' ';
    QByteArray text = itemLineText(content, box + 2, item, true);
    if (text.isEmpty())
        return;
    // A paragraph may continue over further lines; their container prefixes are dropped.
    const bool paragraph
        = cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH && cmark_node_get_start_line(first) == line;
    const qsizetype last
        = paragraph ? std::min<qsizetype>(cmark_node_get_end_line(first), st.lines.count()) : line;
    for (qsizetype l = line + 1; l <= last; ++l) {
        QByteArrayView more = st.lines.content(l);
        qsizetype from = 0;
        while (from < more.size() && (more[from] == ' ' || more[from] == '\t' || more[from] == '>'))
            ++from;
        const QByteArray part = itemLineText(more, from, item, false);
        if (!part.isEmpty())
            text += ' ' + part;
    }
    item.text = QString::fromUtf8(text);
    if (item.state == ItemState::Open && checked)
        item.state = ItemState::Done;
    setConditionFromText(item);
    item.key = st.phase.name + u'.' + QString::number(++st.itemCount);
    st.lastLine = line;
    st.phase.sections.last().items.append(std::move(item));
}

void walk(ParseState &st, cmark_node *doc, cmark_syntax_extension *tasklist)
{
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *node = cmark_iter_get_node(it);
        const cmark_node_type type = cmark_node_get_type(node);
        if (type == CMARK_NODE_HEADING) {
            const QString text = headingText(node);
            if (!st.titleTaken) {
                st.titleTaken = true;
                if (!text.isEmpty())
                    st.phase.title = text;
            } else {
                st.phase.sections.append(ChecklistSection {text, cmark_node_get_heading_level(node), {}});
            }
        } else if (type == CMARK_NODE_ITEM && cmark_node_get_syntax_extension(node) == tasklist) {
            addItem(st, node);
        }
    }
    cmark_iter_free(it);
}

// The checkbox line with the item's state written in: the box character, and a trailing state
// comment for failed and N/A items. A line already saying so is returned unchanged.
QByteArray rewriteItemLine(QByteArray content, const ChecklistItem &item)
{
    const qsizetype box = boxOffset(content);
    if (box < 0)
        return content;  // the source no longer matches the items; leave the line alone
    const bool checked = item.state == ItemState::Done || item.state == ItemState::NotApplicable;
    if (checked != (content[box] != ' '))
        content[box] = checked ? 'x' : ' ';
    const QByteArray wanted = stateComment(item);
    QList<TrailingComment> states = trailingComments(content, box + 2);  // last first
    states.removeIf([](const TrailingComment &c) { return !stateOfComment(c.body).has_value(); });
    const bool same
        = states.isEmpty() ? wanted.isEmpty() : (states.size() == 1 && states.first().body == wanted);
    if (same)
        return content;
    // The blank right after "[x]" stays: without it the line is no longer a task item (found by
    // fuzzing: "- [x] <!-- state: na --><!-- a -->b" became "- [ ]<!-- a -->b").
    const qsizetype firstBlank = box + 2;
    for (const TrailingComment &c : std::as_const(states)) {  // right to left keeps offsets valid
        qsizetype begin = c.begin;
        while (begin > firstBlank + 1 && (content[begin - 1] == ' ' || content[begin - 1] == '\t'))
            --begin;
        content.remove(begin, c.end - begin);
    }
    if (!wanted.isEmpty()) {
        while (content.endsWith(' ') || content.endsWith('\t'))
            content.chop(1);
        content += " <!-- " + wanted + " -->";
    }
    return content;
}

struct ParserDeleter {
    void operator()(cmark_parser *p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node *n) const { cmark_node_free(n); }
};

}  // namespace

Result<ChecklistPhase> parseChecklist(const QByteArray &markdown, const QString &name, const QString &path)
{
    const MarkdownLines lines(markdown);
    if (const qsizetype bad = firstInvalidUtf8(markdown); bad >= 0) {
        const qsizetype line = lines.lineOf(bad);
        const QByteArrayView before
            = QByteArrayView(markdown).sliced(lines.start(line), bad - lines.start(line));
        const int column
            = int(std::count_if(before.begin(), before.end(), [](char c) { return (c & 0xC0) != 0x80; })) + 1;
        return fail(ErrorCode::BadInput,
            QStringLiteral("not valid UTF-8 (byte 0x%1)")
                .arg(uint(static_cast<unsigned char>(markdown.at(bad))), 2, 16, QChar(u'0')),
            SourceLocation {path, int(line), column});
    }
    cmark_gfm_core_extensions_ensure_registered();
    cmark_syntax_extension *tasklist = cmark_find_syntax_extension("tasklist");
    if (!tasklist)
        return fail(ErrorCode::Internal, QStringLiteral("cmark-gfm has no tasklist extension"));
    std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_SOURCEPOS));
    cmark_parser_attach_syntax_extension(parser.get(), tasklist);
    cmark_parser_feed(parser.get(), markdown.constData(), size_t(markdown.size()));
    std::unique_ptr<cmark_node, NodeDeleter> doc(cmark_parser_finish(parser.get()));

    ChecklistPhase phase;
    phase.name = name;
    phase.title = name;
    // Keep a leading byte order mark: the export must give back the same bytes.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    phase.source = decoder(markdown);
    phase.sections.append(ChecklistSection {});  // the implicit section, dropped below if empty
    ParseState st {lines, markdown, phase};
    walk(st, doc.get(), tasklist);
    phase.sections.removeIf([](const ChecklistSection &s) { return s.items.isEmpty(); });
    if (phase.sections.isEmpty()) {
        return fail(ErrorCode::BadInput,
            QStringLiteral("no task list items (\"- [ ] ...\") in the checklist"),
            SourceLocation {path, 1, 1});
    }
    return phase;
}

QByteArray exportChecklist(const ChecklistPhase &phase)
{
    const QByteArray source = phase.source.toUtf8();
    const MarkdownLines lines(source);
    QHash<int, const ChecklistItem *> byLine;
    for (const ChecklistSection &s : phase.sections) {
        for (const ChecklistItem &i : s.items)
            byLine.insert(i.sourceLine, &i);
    }
    QByteArray out;
    out.reserve(source.size() + byLine.size() * 8);
    qsizetype copied = 0;  // source bytes already in out
    for (int line = 1; line <= lines.count(); ++line) {
        const ChecklistItem *item = byLine.value(line);
        if (!item)
            continue;
        out += QByteArrayView(source).sliced(copied, lines.start(line) - copied);
        out += rewriteItemLine(lines.content(line).toByteArray(), *item);
        copied = lines.contentEnd(line);
    }
    out += QByteArrayView(source).sliced(copied);
    return out;
}

}  // namespace cockpit
