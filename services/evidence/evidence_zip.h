#pragma once
// The evidence pack's zip, through libarchive: written byte-reproducibly (members in the order
// given, one fixed mtime, mode 0644, uid/gid 0, no directory entries), read defensively (unsafe
// names, links, duplicates, too many or too large members are refused, sizes checked as read).
#include "error.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace cockpit {

struct EvidenceMember {
    QString name;  // safe relative name (evidence_names.h)
    QByteArray data;
};

// The zip's bytes. mtime is the one time every member carries (the release data's, not the clock).
Result<QByteArray> zipEvidenceMembers(const QList<EvidenceMember> &members, const QDateTime &mtime);
// Writes the zip atomically (a temporary file renamed into place); Unavailable naming the path.
Status writeEvidenceZip(const QString &path, const QList<EvidenceMember> &members, const QDateTime &mtime);

struct EvidenceZipLimits {
    qint64 maxMemberBytes = qint64(64) << 20;
    qint64 maxTotalBytes = qint64(256) << 20;
    int maxMembers = 10000;
};

// Every regular member in archive order. BadInput naming the member for an unsafe name, a link, a
// duplicate, or a size beyond the limits; BadInput naming the file when it is not a zip.
Result<QList<EvidenceMember>> readEvidenceZip(const QString &path, const EvidenceZipLimits &limits = {});

}  // namespace cockpit
