#include "evidence_reader.h"

#include "evidence_names.h"
#include "evidence_pack.h"
#include "evidence_records.h"

#include <QHash>
#include <QLoggingCategory>

namespace cockpit {

Q_LOGGING_CATEGORY(lcEvidenceReader, "cockpit.services.evidence_reader")

namespace {

void mismatch(OpenedEvidencePack &pack, const QString &member, const QString &problem)
{
    if (!pack.mismatchedMembers.contains(member))
        pack.mismatchedMembers.append(member);
    pack.problems.append(problem);
}

void verifyChecksumsText(OpenedEvidencePack &pack, const QHash<QString, QByteArray> &digests)
{
    const EvidenceMember *text = pack.member(QString::fromLatin1(kChecksumsMember));
    pack.hasChecksums = text != nullptr;
    if (!text) {
        pack.problems << QStringLiteral("the pack has no checksums.txt: nothing can be verified");
        return;
    }
    auto sums = parseChecksumsText(text->data);
    if (!sums) {
        pack.problems << sums.error().toString();
        return;
    }
    QSet<QString> listed;
    for (const EvidenceChecksum &sum : *sums) {
        listed.insert(sum.member);
        if (!isSafeMemberName(sum.member))
            pack.problems << QStringLiteral("checksums.txt lists an unsafe name: %1").arg(sum.member);
        else if (!digests.contains(sum.member))
            pack.problems
                << QStringLiteral("%1 is listed in checksums.txt but missing from the pack").arg(sum.member);
        else if (digests.value(sum.member) != sum.sha256)
            mismatch(
                pack, sum.member, QStringLiteral("checksum mismatch: %1 (checksums.txt)").arg(sum.member));
        else
            ++pack.verifiedMembers;
    }
    for (const EvidenceMember &m : pack.members)
        if (m.name != QLatin1String(kChecksumsMember) && !listed.contains(m.name))
            pack.problems << QStringLiteral("%1 is not covered by checksums.txt").arg(m.name);
}

void verifyManifest(OpenedEvidencePack &pack, const QHash<QString, QByteArray> &digests)
{
    const EvidenceMember *json = pack.member(QString::fromLatin1(kManifestMember));
    if (!json)  // evidence.manifest: false leaves it out; checksums.txt still covers the rest
        return;
    auto manifest = parseEvidenceManifest(json->data);
    if (!manifest) {
        pack.problems << manifest.error().toString();
        return;
    }
    pack.manifest = *manifest;
    for (auto it = manifest->checksums.begin(); it != manifest->checksums.end(); ++it) {
        const QString expected
            = it.value().startsWith(QLatin1String("sha256:")) ? it.value().mid(7) : it.value();
        if (!digests.contains(it.key()))
            pack.problems
                << QStringLiteral("%1 is named in the manifest but missing from the pack").arg(it.key());
        else if (digests.value(it.key()) != expected.toLatin1().toLower())
            mismatch(pack, it.key(),
                QStringLiteral("checksum mismatch: %1 (release_manifest.json)").arg(it.key()));
    }
}

void verifyAudit(OpenedEvidencePack &pack)
{
    const EvidenceMember *audit = pack.member(QString::fromLatin1(kAuditMember));
    if (!audit)
        return;
    auto entries = parseAuditJsonLines(audit->data);
    if (!entries) {
        pack.problems << entries.error().toString();
        return;
    }
    pack.auditEntries = int(entries->size());
    for (const QString &problem : auditExcerptProblems(*entries))
        pack.problems << QStringLiteral("audit.jsonl: %1").arg(problem);
}

}  // namespace

const EvidenceMember *OpenedEvidencePack::member(const QString &name) const
{
    for (const EvidenceMember &m : members)
        if (m.name == name)
            return &m;
    return nullptr;
}

Result<OpenedEvidencePack> readEvidencePack(const QString &path, const EvidenceZipLimits &limits)
{
    auto members = readEvidenceZip(path, limits);
    if (!members)
        return std::unexpected(members.error());
    OpenedEvidencePack pack;
    pack.path = path;
    pack.members = *members;
    QHash<QString, QByteArray> digests;
    for (const EvidenceMember &m : pack.members)
        digests.insert(m.name, sha256Hex(m.data));
    verifyChecksumsText(pack, digests);
    verifyManifest(pack, digests);
    verifyAudit(pack);
    if (!pack.problems.isEmpty())
        qCWarning(lcEvidenceReader) << path << "does not verify:" << pack.problems.first();
    return pack;
}

}  // namespace cockpit
