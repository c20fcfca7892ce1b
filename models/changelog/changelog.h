#pragma once
// A CHANGELOG.md in the Keep a Changelog 1.0/1.1 shape, read leniently: releases, their sections
// and entries with source lines, and link reference definitions. What deviates from the format is
// kept as written (bracketed or not, date style, heading level) for the linter to judge.
#include "error.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit {

struct ChangelogEntry {
    QString text;  // the item's Markdown without its list marker; continuation lines unindented
    int line = 0;  // 1-based, first line
    int endLine = 0;  // last line, inclusive
    bool listItem = true;  // false for a bare paragraph standing in for an entry
};

struct ChangelogSection {
    QString name;  // as written ("Added", "[Fixed]", "Changes:"); empty for entries before any section
    int line = 0;  // the heading line; for an unnamed section, its first entry's line
    QList<ChangelogEntry> entries;
    // Added members.
    int level = 3;  // heading level; 0 for the unnamed section
    int endLine = 0;  // last line of its content (the heading line when empty)
    int contentBlocks = 0;  // Markdown blocks under it (entries, code, tables, sub-headings' content)
    QString label;  // unnamed section: a "BUG FIXES:" paragraph right above its list, if any
};

struct ChangelogRelease {
    QString version;  // "Unreleased" or the version text as written without brackets and 'v'
    QDate date;  // invalid when absent or unreadable
    bool yanked = false;
    int line = 0;  // heading line
    int endLine = 0;  // last line of its content, link definitions and trailing comments excluded
    QList<ChangelogSection> sections;

    // Added members: the heading as written, for the linter and for exact rewrites.
    QString heading;  // the heading's source line
    int level = 2;
    bool bracketed = false;  // "[1.0.0]"
    bool inlineLink = false;  // "[1.0.0](https://...)"
    bool vPrefix = false;  // "v1.0.0"
    QString separator;  // "-", an en or em dash, "(" for a parenthesised date, or empty
    QString dateText;  // as written, parentheses removed; empty when absent
    int contentBlocks = 0;  // blocks under the heading, section headings excluded
    int looseBlocks = 0;  // of those, blocks before the first section (prose, unsectioned lists)

    [[nodiscard]] bool isUnreleased() const { return version == QLatin1String("Unreleased"); }
    [[nodiscard]] int entryCount() const;
    [[nodiscard]] const ChangelogSection *section(const QString &name) const;  // case-insensitive
};

struct LinkReference {
    QString label;  // as written, without brackets
    QString url;
    int line = 0;
};

// A heading the parser could not place: a second H1, an H2 that is neither release nor section.
struct ChangelogHeading {
    int line = 0;
    int level = 0;
    QString text;
};

struct Changelog {
    QString path;
    QString title;  // the H1 before the first release; empty when absent
    int titleLine = 0;
    QString preamble;  // Markdown between the title and the first release, trimmed
    QList<ChangelogRelease> releases;  // in file order (Unreleased first when the file has it so)
    QList<LinkReference> links;
    // Added members.
    QByteArray source;  // the bytes parsed, for sectionText and rewrites
    QList<ChangelogHeading> strayHeadings;
    QList<int> emptyHeadingLines;  // headings without text ("#####")
    QString lineEnding = QStringLiteral("\n");  // of the first line break: "\n" or "\r\n"

    // The "## [version]" section's Markdown exactly as in the file, heading line included;
    // version "Unreleased" for the unreleased one; empty when absent.
    [[nodiscard]] QString sectionText(const QString &version) const;
    [[nodiscard]] const ChangelogRelease *unreleased() const;
    [[nodiscard]] const ChangelogRelease *release(const QString &version) const;
    [[nodiscard]] const LinkReference *link(const QString &label) const;  // case-insensitive
};

// The Keep a Changelog section names, in their canonical order.
QStringList standardChangelogSections();
// A section name as meant: brackets and a trailing colon dropped, trimmed ("[Fixed]" -> "Fixed").
QString plainSectionName(const QString &written);

// Lenient: only input that is not text (invalid UTF-8) is an error; every other deviation is the
// linter's to report.
Result<Changelog> parseChangelog(const QByteArray &text, const QString &path);

}  // namespace cockpit
