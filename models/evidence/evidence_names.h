#pragma once
// Member names of an evidence pack. Whatever comes from user data (environment and check names,
// the policy's include paths) is reduced to a safe relative name before it names a zip member, and
// the reader refuses any member whose name could escape the directory a pack is extracted into.
#include <QSet>
#include <QString>

namespace cockpit {

// One path component: ASCII letters, digits, '.', '_' and '-' kept, anything else (spaces,
// slashes, colons, control characters, non-ASCII) becomes '_', runs of '_' collapse, leading dots
// are dropped ("..", ".hidden"), at most 80 characters; never empty ("_" then).
[[nodiscard]] QString evidenceNameComponent(const QString &raw);

// A relative path: backslashes count as separators, empty, "." and ".." components and a drive
// letter ("C:") are dropped, each remaining component reduced as above. "../../etc/passwd" gives
// "etc/passwd", "C:\\x\\y.txt" gives "x/y.txt"; never empty ("_" then).
[[nodiscard]] QString evidenceMemberPath(const QString &raw);

// Whether a name read from a zip is safe to extract: relative, '/'-separated, no empty, "." or
// ".." component, no backslash, colon or control character, at most 255 UTF-8 bytes.
[[nodiscard]] bool isSafeMemberName(const QString &name);

// name, or name with "-2", "-3", ... before its extension when taken already; records the result.
[[nodiscard]] QString uniqueMemberName(QSet<QString> &taken, const QString &name);

}  // namespace cockpit
