#pragma once
// Byte-exact edits of a CHANGELOG.md: cutting a release from Unreleased and adding a drafted
// entry. Every byte outside the lines they change is kept, line endings included.
#include "error.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

namespace cockpit {

// "## [Unreleased]" becomes "## [X.Y.Z] - DATE" (keeping the file's bracket style and heading
// level), a fresh empty "## [Unreleased]" goes above it, and when the file has an Unreleased
// compare link (".../compare/vA...HEAD") it moves to the new tag and a link for X.Y.Z is added.
// NotFound without Unreleased; Refused when Unreleased has no entries; Conflict when the version
// is already in the file; Usage when version is not SemVer.
Result<QByteArray> cutRelease(
    const QByteArray &text, const QString &version, QDate date, const QString &tagFormat);

// Adds "- entryText" under the named section of Unreleased, after its last entry; a missing
// section is created in the canonical order (Added, Changed, Deprecated, Removed, Fixed,
// Security, then the extra sections), a missing Unreleased above the first release.
Result<QByteArray> insertUnreleasedEntry(const QByteArray &text, const QString &section,
    const QString &entryText, const QStringList &extraSections = {});

}  // namespace cockpit
