#include "evidence_zip.h"

#include "evidence_names.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSet>
#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace cockpit {

Q_LOGGING_CATEGORY(lcEvidenceZip, "cockpit.services.evidence_zip")

namespace {

struct ArchiveWriteFree {
    void operator()(archive *a) const { archive_write_free(a); }
};
struct ArchiveReadFree {
    void operator()(archive *a) const { archive_read_free(a); }
};
struct EntryFree {
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};

la_ssize_t appendToBuffer(archive *, void *buffer, const void *data, size_t size)
{
    static_cast<QByteArray *>(buffer)->append(static_cast<const char *>(data), qsizetype(size));
    return la_ssize_t(size);
}

std::unexpected<Error> archiveError(
    archive *a, ErrorCode code, const QString &what, const QString &where = {})
{
    const char *message = archive_error_string(a);
    return fail(code,
        QStringLiteral("%1: %2").arg(
            what, message ? QString::fromUtf8(message) : QStringLiteral("unknown error")),
        SourceLocation {where});
}

Status writeMember(archive *a, const EvidenceMember &member, time_t mtime)
{
    std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
    archive_entry_set_pathname_utf8(entry.get(), member.name.toUtf8().constData());
    archive_entry_set_filetype(entry.get(), AE_IFREG);
    archive_entry_set_perm(entry.get(), 0644);
    archive_entry_set_size(entry.get(), member.data.size());
    archive_entry_set_mtime(entry.get(), mtime, 0);
    archive_entry_set_uid(entry.get(), 0);
    archive_entry_set_gid(entry.get(), 0);
    if (archive_write_header(a, entry.get()) != ARCHIVE_OK)
        return archiveError(
            a, ErrorCode::Internal, QStringLiteral("cannot add %1 to the zip").arg(member.name));
    if (!member.data.isEmpty()
        && archive_write_data(a, member.data.constData(), size_t(member.data.size())) < 0)
        return archiveError(
            a, ErrorCode::Internal, QStringLiteral("cannot write %1 into the zip").arg(member.name));
    return {};
}

quint16 readU16(const QByteArray &b, qsizetype at)
{
    return quint16(quint8(b[at]) | (quint8(b[at + 1]) << 8));
}

quint32 readU32(const QByteArray &b, qsizetype at)
{
    return quint32(readU16(b, at)) | (quint32(readU16(b, at + 2)) << 16);
}

void writeU16(QByteArray &b, qsizetype at, quint16 v)
{
    b[at] = char(v & 0xff);
    b[at + 1] = char(v >> 8);
}

// libarchive writes each member's MS-DOS date and time in the local time zone of the machine, so
// the same pack exported in Berlin and in New York would differ. The UT extra field beside it
// holds the true UTC time (unzip uses it); the DOS fields are rewritten to the UTC wall time, in
// every local header and central directory entry, found through the central directory.
void normaliseDosTimes(QByteArray &zip, const QDateTime &utc)
{
    const QDateTime t = utc.toUTC();
    const quint16 time
        = quint16((t.time().hour() << 11) | (t.time().minute() << 5) | (t.time().second() / 2));
    const quint16 date = quint16(((t.date().year() - 1980) << 9) | (t.date().month() << 5) | t.date().day());
    const qsizetype eocd = zip.size() - 22;  // the writer adds no archive comment
    if (eocd < 0 || readU32(zip, eocd) != 0x06054b50)
        return;
    const quint16 entries = readU16(zip, eocd + 10);
    qsizetype at = readU32(zip, eocd + 16);
    for (quint16 i = 0; i < entries && at + 46 <= eocd && readU32(zip, at) == 0x02014b50; ++i) {
        writeU16(zip, at + 12, time);
        writeU16(zip, at + 14, date);
        const qsizetype local = readU32(zip, at + 42);
        if (local + 30 <= zip.size() && readU32(zip, local) == 0x04034b50) {
            writeU16(zip, local + 10, time);
            writeU16(zip, local + 12, date);
        }
        at += 46 + readU16(zip, at + 28) + readU16(zip, at + 30) + readU16(zip, at + 32);
    }
}
}  // namespace

Result<QByteArray> zipEvidenceMembers(const QList<EvidenceMember> &members, const QDateTime &mtime)
{
    QByteArray bytes;
    std::unique_ptr<archive, ArchiveWriteFree> a(archive_write_new());
    if (archive_write_set_format_zip(a.get()) != ARCHIVE_OK
        || archive_write_zip_set_compression_deflate(a.get()) != ARCHIVE_OK
        || archive_write_set_bytes_in_last_block(a.get(), 1) != ARCHIVE_OK
        || archive_write_open2(a.get(), &bytes, nullptr, appendToBuffer, nullptr, nullptr) != ARCHIVE_OK)
        return archiveError(a.get(), ErrorCode::Internal, QStringLiteral("cannot start the zip"));
    const time_t seconds = time_t(mtime.toSecsSinceEpoch());
    for (const EvidenceMember &member : members)
        if (auto ok = writeMember(a.get(), member, seconds); !ok)
            return std::unexpected(ok.error());
    if (archive_write_close(a.get()) != ARCHIVE_OK)
        return archiveError(a.get(), ErrorCode::Internal, QStringLiteral("cannot finish the zip"));
    normaliseDosTimes(bytes, mtime);
    return bytes;
}

Status writeEvidenceZip(const QString &path, const QList<EvidenceMember> &members, const QDateTime &mtime)
{
    auto bytes = zipEvidenceMembers(members, mtime);
    if (!bytes)
        return std::unexpected(bytes.error());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*bytes) != bytes->size() || !file.commit())
        return fail(ErrorCode::Unavailable,
            QStringLiteral("cannot write the evidence pack: %1").arg(file.errorString()),
            SourceLocation {path});
    qCInfo(lcEvidenceZip) << "wrote" << members.size() << "members," << bytes->size() << "bytes to" << path;
    return {};
}

namespace {

Result<QByteArray> readMemberData(archive *a, const QString &name, qint64 limit, const QString &path)
{
    QByteArray data;
    char buffer[65536];
    for (;;) {
        const la_ssize_t n = archive_read_data(a, buffer, sizeof buffer);
        if (n < 0)
            return archiveError(
                a, ErrorCode::BadInput, QStringLiteral("cannot read member %1").arg(name), path);
        if (n == 0)
            return data;
        if (data.size() + n > limit)
            return fail(ErrorCode::BadInput,
                QStringLiteral("member %1 is larger than %2 bytes: refused").arg(name).arg(limit),
                SourceLocation {path});
        data.append(buffer, n);
    }
}

Status checkEntry(archive_entry *entry, const QString &name, const QSet<QString> &seen, const QString &path)
{
    const QString where = QStringLiteral("member '%1'").arg(name);
    const auto type = archive_entry_filetype(entry);
    QString bare = name;
    if (type == AE_IFDIR && bare.endsWith(u'/'))
        bare.chop(1);
    if (!isSafeMemberName(bare))
        return fail(ErrorCode::BadInput,
            where + QStringLiteral(": unsafe name (absolute, '..', backslash or control character): refused"),
            SourceLocation {path});
    if (type != AE_IFREG && type != AE_IFDIR)
        return fail(ErrorCode::BadInput,
            where + QStringLiteral(": not a regular file (link or device): refused"), SourceLocation {path});
    if (seen.contains(name))
        return fail(
            ErrorCode::BadInput, where + QStringLiteral(": appears twice: refused"), SourceLocation {path});
    return {};
}

}  // namespace

Result<QList<EvidenceMember>> readEvidenceZip(const QString &path, const EvidenceZipLimits &limits)
{
    if (!QFile::exists(path))
        return fail(ErrorCode::NotFound, QStringLiteral("no such evidence pack"), SourceLocation {path});
    std::unique_ptr<archive, ArchiveReadFree> a(archive_read_new());
    archive_read_support_format_zip(a.get());
    if (archive_read_open_filename(a.get(), QFile::encodeName(path).constData(), 65536) != ARCHIVE_OK)
        return archiveError(a.get(), ErrorCode::BadInput, QStringLiteral("not a readable zip"), path);
    QList<EvidenceMember> members;
    QSet<QString> seen;
    qint64 total = 0;
    archive_entry *entry = nullptr;
    int rc = ARCHIVE_OK;
    while ((rc = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK) {
        const char *utf8 = archive_entry_pathname_utf8(entry);
        const QString name
            = utf8 ? QString::fromUtf8(utf8) : QString::fromLocal8Bit(archive_entry_pathname(entry));
        if (auto ok = checkEntry(entry, name, seen, path); !ok)
            return std::unexpected(ok.error());
        seen.insert(name);
        if (archive_entry_filetype(entry) == AE_IFDIR)
            continue;
        if (members.size() >= limits.maxMembers)
            return fail(ErrorCode::BadInput,
                QStringLiteral("more than %1 members: refused").arg(limits.maxMembers),
                SourceLocation {path});
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > limits.maxMemberBytes)
            return fail(ErrorCode::BadInput,
                QStringLiteral("member %1 declares %2 bytes: refused")
                    .arg(name)
                    .arg(archive_entry_size(entry)),
                SourceLocation {path});
        auto data = readMemberData(
            a.get(), name, std::min(limits.maxMemberBytes, limits.maxTotalBytes - total), path);
        if (!data)
            return std::unexpected(data.error());
        total += data->size();
        members.append({name, *data});
    }
    if (rc != ARCHIVE_EOF)
        return archiveError(a.get(), ErrorCode::BadInput, QStringLiteral("damaged zip"), path);
    return members;
}

}  // namespace cockpit
