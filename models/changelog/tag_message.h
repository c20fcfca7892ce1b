#pragma once
// The message of an annotated release tag, drawn from the policy's tag_message template and the
// version's changelog section: what the tag dialog previews and what `tag create` writes.
#include <QString>
#include <QStringList>

namespace cockpit {

struct TagMessageFields {
    QString tag;  // {tag}: "v3.7.0"
    QString version;  // {version}: "3.7.0"
    QString project;  // {project}
    QString changelog;  // {changelog}: the version's section body, without its "## [x]" heading
    QString promotedFrom;  // {promoted_from}: the RC tag a GA tag is promoted from; else empty
};

// "Release {tag}\n\n{changelog}", the seed's "Release v3.7.0 - ..." with the section below.
QString defaultTagMessageTemplate();
// Every placeholder a template may use, braces included.
QStringList tagMessagePlaceholders();
// Placeholders in the template that are not known ("{changlog}"), for the policy reader.
QStringList unknownTagMessagePlaceholders(const QString &tmpl);

// {highlights}: the section's top-level entries ("- ..." lines): every breaking change first
// (entries saying so, and those under Removed or Breaking), then the others up to `limit`.
QString changelogHighlights(const QString &changelogBody, int limit = 5);
// A changelog section (as Changelog::sectionText returns it) without its heading line.
QString changelogSectionBody(const QString &sectionText);

// Fills the template, then cleans up like `git tag -m`: trailing whitespace trimmed, runs of
// blank lines (placeholders that were empty) collapsed, one final newline. A promoted tag whose
// template does not mention {promoted_from} gets a "Promoted from ..." line appended.
QString renderTagMessage(const QString &tmpl, const TagMessageFields &fields);

}  // namespace cockpit
