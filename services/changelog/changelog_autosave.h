#pragma once
// Unsaved CHANGELOG text kept beside the user's other state ($XDG_STATE_HOME/release-cockpit/
// autosave, one file per changelog path, readable by the user only), so a crash or a kill loses
// at most the last seconds of typing; the next load offers it back.
#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace cockpit {

struct ChangelogAutosave {
    QString path;  // the changelog's absolute path
    QByteArray text;  // the editor's text, UTF-8
    QByteArray baseSha256;  // hex sha256 of the file on disk the edits started from
    QDateTime savedAt;  // UTC
};

namespace changelog_autosave {

// $XDG_STATE_HOME/release-cockpit/autosave (~/.local/state/... when the variable is unset).
QString directory();
// The autosave file of a changelog path (a hash of the path names it).
QString fileFor(const QString &changelogPath);
// Atomic (QSaveFile), mode 0600.
Status write(const ChangelogAutosave &autosave);
// Nothing there: std::nullopt. A file that does not parse is reported, never guessed at.
Result<std::optional<ChangelogAutosave>> read(const QString &changelogPath);
// Gone afterwards (a missing file is fine).
Status remove(const QString &changelogPath);

}  // namespace changelog_autosave
}  // namespace cockpit
