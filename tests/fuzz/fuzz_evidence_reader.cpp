// libFuzzer target: an evidence pack (any bytes, as a file) opens without crashing, reading
// beyond limits, or writing anywhere. A refusal names the file; an opened pack holds only safe
// member names, never counts more verified members than it has, and is intact only with a
// checksums.txt and no mismatch; its members written again by the pack writer read back the same.
// fuzz-links: cockpit_services
#include "evidence_names.h"
#include "evidence_reader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sys/mman.h>
#include <unistd.h>

using namespace cockpit;

namespace {

// The input as a file without touching the disk: a memfd, opened by its /proc path.
QString memoryFile(const uint8_t *data, size_t size)
{
    static const int fd = memfd_create("fuzz-evidence.zip", 0);
    if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != ssize_t(size))
        std::abort();
    return QStringLiteral("/proc/self/fd/%1").arg(fd);
}

void checkRoundTrip(const QList<EvidenceMember> &members, const EvidenceZipLimits &limits)
{
    const auto zip = zipEvidenceMembers(members, QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC));
    if (!zip)
        return;  // e.g. a directory-only member name the writer refuses
    const QString again
        = memoryFile(reinterpret_cast<const uint8_t *>(zip->constData()), size_t(zip->size()));
    const auto read = readEvidenceZip(again, limits);
    if (!read || read->size() != members.size())
        std::abort();
    for (qsizetype i = 0; i < members.size(); ++i)
        if (read->at(i).name != members.at(i).name || read->at(i).data != members.at(i).data)
            std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    EvidenceZipLimits limits;  // small, so a zip bomb is refused long before the RSS limit
    limits.maxMemberBytes = 1 << 20;
    limits.maxTotalBytes = 4 << 20;
    limits.maxMembers = 200;
    const QString path = memoryFile(data, size);
    const auto pack = readEvidencePack(path, limits);
    if (!pack) {
        if (pack.error().message.isEmpty() || pack.error().location.file != path)
            std::abort();
        return 0;
    }
    for (const EvidenceMember &m : pack->members)
        if (!isSafeMemberName(m.name))
            std::abort();
    if (pack->verifiedMembers > pack->members.size())
        std::abort();
    if (pack->intact() && (!pack->hasChecksums || !pack->mismatchedMembers.isEmpty()))
        std::abort();
    checkRoundTrip(pack->members, limits);
    return 0;
}
