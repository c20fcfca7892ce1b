#include "changelog_cut.h"
#include "changelog.h"
#include "markdown_lines.h"
#include "semver.h"

#include <QRegularExpression>
#include <algorithm>

namespace cockpit {
namespace {

struct Edit {
    qsizetype offset;
    qsizetype remove;
    QByteArray insert;
};

QByteArray applyEdits(QByteArray text, QList<Edit> edits)
{
    std::stable_sort(
        edits.begin(), edits.end(), [](const Edit &a, const Edit &b) { return a.offset > b.offset; });
    for (const Edit &e : edits)
        text.replace(e.offset, e.remove, e.insert);
    return text;
}

// The line break that ends a line as written, else the file's.
QByteArray eolOf(const QByteArray &text, const MarkdownLines &lines, int line, const QString &fallback)
{
    const qsizetype end = lines.contentEnd(line);
    const qsizetype next = line < lines.count() ? lines.start(line + 1) : text.size();
    return next > end ? text.mid(end, next - end) : fallback.toUtf8();
}

bool blank(const MarkdownLines &lines, qsizetype line)
{
    return line < 1 || line > lines.count() || lines.content(line).trimmed().isEmpty();
}

// Inserts block (lines, no trailing break) after line, with one blank line around it.
Edit insertAfter(const QByteArray &text, const MarkdownLines &lines, int line, const QByteArrayList &block,
    const QByteArray &eol)
{
    const bool atEnd = line >= lines.count();
    qsizetype offset = atEnd ? text.size() : lines.start(line + 1);
    QByteArray insert;
    if (atEnd && !text.isEmpty() && !text.endsWith('\n') && !text.endsWith('\r'))
        insert += eol;
    if (!blank(lines, line))
        insert += eol;
    insert += block.join(eol) + eol;
    if (!blank(lines, line + 1))
        insert += eol;
    return {offset, 0, insert};
}

QByteArray entryLines(const QString &text, const QByteArray &marker, const QByteArray &eol)
{
    const QStringList parts = text.trimmed().split(u'\n');
    QByteArray out = marker + parts.first().trimmed().toUtf8();
    const QByteArray indent(marker.size(), ' ');
    for (qsizetype i = 1; i < parts.size(); ++i)
        out += eol + indent + parts.at(i).trimmed().toUtf8();
    return out;
}

// Rewrites the Unreleased compare link to start at the new tag and adds the new version's link.
QList<Edit> compareLinkEdits(const QByteArray &text, const MarkdownLines &lines, const Changelog &log,
    const QString &label, const QString &newTag, const QByteArray &eol)
{
    const LinkReference *link = log.link(QStringLiteral("Unreleased"));
    static const QRegularExpression compare(QStringLiteral(R"(^(.*/compare/)(.+?)(\.\.\.?)([^/]+)$)"));
    const auto m = link ? compare.match(link->url) : QRegularExpressionMatch();
    if (!m.hasMatch())
        return {};
    const QString unreleasedUrl = m.captured(1) + newTag + m.captured(3) + m.captured(4);
    const QString versionUrl = m.captured(1) + m.captured(2) + m.captured(3) + newTag;
    const QByteArray content = lines.content(link->line).toByteArray();
    const qsizetype at = content.indexOf(link->url.toUtf8());
    if (at < 0)
        return {};
    const qsizetype lineStart = lines.start(link->line);
    return {{lineStart + at, link->url.toUtf8().size(), unreleasedUrl.toUtf8()},
        {lines.contentEnd(link->line), 0, eol + QStringLiteral("[%1]: %2").arg(label, versionUrl).toUtf8()}};
}

bool versionsUseV(const Changelog &log)
{
    for (const ChangelogRelease &r : log.releases) {
        if (!r.isUnreleased())
            return r.vPrefix;
    }
    return false;
}

}  // namespace

Result<QByteArray> cutRelease(
    const QByteArray &text, const QString &version, QDate date, const QString &tagFormat)
{
    const auto semver = SemVer::parse(version);
    if (!semver)
        return fail(ErrorCode::Usage, semver.error().message);
    if (!date.isValid())
        return fail(ErrorCode::Usage, QStringLiteral("the release date is not a valid date"));
    auto log = parseChangelog(text, {});
    if (!log)
        return std::unexpected(log.error());
    const ChangelogRelease *u = log->unreleased();
    if (!u)
        return fail(ErrorCode::NotFound,
            QStringLiteral("the changelog has no Unreleased section to cut %1 from").arg(version));
    if (u->entryCount() == 0)
        return fail(ErrorCode::Refused,
            QStringLiteral("Unreleased has no entries: nothing to release as %1").arg(version));
    if (log->release(version))
        return fail(
            ErrorCode::Conflict, QStringLiteral("the changelog already has a section for %1").arg(version));

    const MarkdownLines lines(text);
    const QByteArray eol = eolOf(text, lines, u->line, log->lineEnding);
    const QString shown = (versionsUseV(*log) ? QStringLiteral("v") : QString()) + semver->toString();
    const QByteArray hashes(u->level, '#');
    const QByteArray fresh = hashes + (u->bracketed ? " [Unreleased]" : " Unreleased");
    const QByteArray heading = hashes + ' ' + (u->bracketed ? '[' + shown.toUtf8() + ']' : shown.toUtf8())
        + " - " + date.toString(Qt::ISODate).toUtf8();
    QList<Edit> edits {{lines.start(u->line), lines.contentEnd(u->line) - lines.start(u->line),
        fresh + eol + eol + heading}};
    edits += compareLinkEdits(text, lines, *log, shown, tagName(tagFormat, *semver), eol);
    return applyEdits(text, edits);
}

Result<QByteArray> insertUnreleasedEntry(const QByteArray &text, const QString &section,
    const QString &entryText, const QStringList &extraSections)
{
    if (entryText.trimmed().isEmpty() || plainSectionName(section).isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("an entry needs a section and some text"));
    auto log = parseChangelog(text, {});
    if (!log)
        return std::unexpected(log.error());
    const MarkdownLines lines(text);
    const QString name = plainSectionName(section);
    const ChangelogRelease *u = log->unreleased();
    if (!u) {
        const bool brackets = log->releases.isEmpty() || log->releases.first().bracketed;
        const QByteArrayList block {brackets ? "## [Unreleased]" : "## Unreleased", "",
            "### " + name.toUtf8(), "", entryLines(entryText, "- ", log->lineEnding.toUtf8())};
        const QByteArray eol = log->lineEnding.toUtf8();
        if (log->releases.isEmpty())
            return applyEdits(text, {insertAfter(text, lines, int(lines.count()), block, eol)});
        return applyEdits(text, {{lines.start(log->releases.first().line), 0, block.join(eol) + eol + eol}});
    }
    const QByteArray eol = eolOf(text, lines, u->line, log->lineEnding);
    if (const ChangelogSection *s = u->section(name)) {
        if (s->entries.isEmpty())
            return applyEdits(
                text, {insertAfter(text, lines, s->line, {entryLines(entryText, "- ", eol)}, eol)});
        const ChangelogEntry &last = s->entries.last();
        QByteArray marker = "- ";
        if (last.listItem) {
            const QByteArray first = lines.content(last.line).toByteArray();
            static const QRegularExpression bullet(QStringLiteral(R"(^(\s*(?:[-*+]|\d+[.)])\s+))"));
            const auto m = bullet.match(QString::fromUtf8(first));
            if (m.hasMatch())
                marker = m.captured(1).toUtf8();
        }
        const bool atEnd = last.endLine >= lines.count();
        const QByteArray line = entryLines(entryText, marker, eol);
        if (atEnd)
            return applyEdits(text,
                {{text.size(), 0,
                    (text.endsWith('\n') || text.endsWith('\r') ? QByteArray() : eol) + line + eol}});
        return applyEdits(text, {{lines.start(last.endLine + 1), 0, line + eol}});
    }
    const QStringList order = standardChangelogSections() + extraSections;
    const auto rank = [&order](const QString &n) {
        const qsizetype i = order.indexOf(plainSectionName(n));
        return i < 0 ? order.size() : i;
    };
    const QByteArray heading = QByteArray(u->level + 1, '#') + ' ' + name.toUtf8();
    const QByteArray entry = entryLines(entryText, "- ", eol);
    for (const ChangelogSection &s : u->sections) {
        if (s.level != 0 && rank(s.name) > rank(name) && rank(s.name) < order.size())
            return applyEdits(text, {{lines.start(s.line), 0, heading + eol + eol + entry + eol + eol}});
    }
    return applyEdits(text, {insertAfter(text, lines, u->endLine, {heading, "", entry}, eol)});
}

}  // namespace cockpit
