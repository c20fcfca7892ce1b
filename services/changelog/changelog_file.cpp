#include "changelog_file.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

namespace cockpit {

Q_LOGGING_CATEGORY(lcChangelogFile, "cockpit.services.changelog")

namespace {

QByteArray hashOf(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

struct DiskState {
    bool exists = false;
    QByteArray bytes;
    QDateTime modified;
    qint64 size = -1;
};

Result<DiskState> readDisk(const QString &path)
{
    DiskState s;
    const QFileInfo info(path);
    if (!info.exists())
        return s;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot read: %1").arg(f.errorString()),
            SourceLocation {path});
    s.exists = true;
    s.bytes = f.readAll();
    s.modified = info.lastModified().toUTC();
    s.size = info.size();
    return s;
}

}  // namespace

Result<ChangelogFile> ChangelogFile::read(const QString &path)
{
    auto disk = readDisk(path);
    if (!disk)
        return std::unexpected(disk.error());
    ChangelogFile f;
    f.m_path = path;
    f.m_exists = disk->exists;
    f.m_bytes = disk->bytes;
    f.m_sha256 = hashOf(disk->bytes);
    f.m_modified = disk->modified;
    return f;
}

bool ChangelogFile::changedOnDisk() const
{
    const QFileInfo info(m_path);
    if (info.exists() != m_exists)
        return true;
    if (!m_exists)
        return false;
    // Always the hash: an edit of the same size within the file system's timestamp granularity
    // keeps mtime and size, and a changelog is small enough to read again.
    auto disk = readDisk(m_path);
    return !disk || !disk->exists || hashOf(disk->bytes) != m_sha256;
}

Status ChangelogFile::write(const QByteArray &newBytes)
{
    if (changedOnDisk()) {
        return fail(ErrorCode::Conflict,
            QStringLiteral(
                "the file changed on disk since it was read; reload it and apply the change again"),
            SourceLocation {m_path});
    }
    if (m_exists && newBytes == m_bytes)
        return {};
    const QFile::Permissions permissions = m_exists ? QFile::permissions(m_path) : QFile::Permissions();
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly) || out.write(newBytes) != newBytes.size())
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot write: %1").arg(out.errorString()),
            SourceLocation {m_path});
    // Last look before the rename: narrows the window in which another writer could be lost.
    if (changedOnDisk()) {
        out.cancelWriting();
        out.commit();
        return fail(ErrorCode::Conflict,
            QStringLiteral("the file changed on disk while it was being written"), SourceLocation {m_path});
    }
    if (!out.commit())
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot write: %1").arg(out.errorString()),
            SourceLocation {m_path});
    if (m_exists)
        QFile::setPermissions(m_path, permissions);
    qCDebug(lcChangelogFile) << "wrote" << m_path << newBytes.size() << "bytes";
    auto now = read(m_path);
    if (!now)
        return std::unexpected(now.error());
    *this = std::move(*now);
    return {};
}

}  // namespace cockpit
