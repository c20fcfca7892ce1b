#pragma once
// Opening an evidence pack read-only: the zip read defensively (evidence_zip.h), its checksums.txt
// and the manifest's checksums verified member by member, the audit excerpt's hashes rechecked.
// A mismatch is reported naming the member, never hidden: the viewer shows it in a banner and
// `evidence show` exits 1.
#include "evidence_manifest.h"
#include "evidence_zip.h"

#include <optional>

namespace cockpit {

struct OpenedEvidencePack {
    QString path;
    QList<EvidenceMember> members;  // archive order
    std::optional<EvidenceManifest> manifest;  // none when absent or unreadable (see problems)
    bool hasChecksums = false;  // checksums.txt present
    int verifiedMembers = 0;  // members whose sha256 matched checksums.txt
    QStringList mismatchedMembers;  // members whose content does not match a recorded checksum
    QStringList problems;  // one sentence each, naming the member
    int auditEntries = 0;

    [[nodiscard]] const EvidenceMember *member(const QString &name) const;
    [[nodiscard]] bool intact() const { return hasChecksums && problems.isEmpty(); }
};

// NotFound / BadInput as readEvidenceZip says; a pack that opens but does not verify is returned
// with its problems.
Result<OpenedEvidencePack> readEvidencePack(const QString &path, const EvidenceZipLimits &limits = {});

}  // namespace cockpit
