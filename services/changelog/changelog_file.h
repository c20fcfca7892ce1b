#pragma once
// The workspace's CHANGELOG.md as read, and written back atomically (QSaveFile) only when it is
// still the file that was read: its sha256 and mtime are kept, and a change on disk meanwhile is
// refused with ErrorCode::Conflict instead of being overwritten.
#include "changelog.h"
#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace cockpit {

class ChangelogFile {
public:
    // A missing file reads as empty (exists() false): a first write creates it.
    static Result<ChangelogFile> read(const QString &path);

    [[nodiscard]] const QString &path() const { return m_path; }
    [[nodiscard]] const QByteArray &bytes() const { return m_bytes; }
    [[nodiscard]] bool exists() const { return m_exists; }
    [[nodiscard]] QByteArray sha256() const { return m_sha256; }  // hex, of bytes()
    [[nodiscard]] QDateTime modified() const { return m_modified; }
    [[nodiscard]] Result<Changelog> parse() const { return parseChangelog(m_bytes, m_path); }

    // Whether the file on disk is no longer what was read, by its sha256 (mtime and size can stay
    // the same across a quick edit; a touch without a change is not a conflict).
    [[nodiscard]] bool changedOnDisk() const;
    // Writes newBytes if the file is unchanged since it was read (Conflict otherwise); identical
    // bytes write nothing. Afterwards this object describes the new file.
    Status write(const QByteArray &newBytes);

private:
    QString m_path;
    QByteArray m_bytes;
    QByteArray m_sha256;
    QDateTime m_modified;
    bool m_exists = false;
};

}  // namespace cockpit
