#pragma once
// The evidence pack of a release (seed 000 section 8): everything an auditor needs to see that the
// release went out as the process says, in one zip. collectEvidence gathers from the store, git
// and the workspace and builds the members in their fixed order; exportEvidencePack writes them.
// The same release data gives the same bytes: the zip's one mtime is the release's latest
// recorded change (docs/evidence.md lists the members and how each is made).
#include "evidence_manifest.h"
#include "evidence_zip.h"
#include "workspace.h"

#include <functional>

namespace cockpit {

class Store;

struct EvidencePack {
    QString version;
    QDateTime mtime;  // the latest audit entry of the release (or its creation)
    EvidenceManifest manifest;
    QList<EvidenceMember> members;  // in pack order, checksums.txt last
    QStringList notes;  // what is absent and why ("no soak recorded in production")
};

// step of steps done, with what is being done now (for a progress dialog).
using EvidenceProgress = std::function<void(int step, int steps, const QString &what)>;

// Blocking (store futures, libgit2, files): call it off the GUI thread. NotFound for an unknown
// version; NotFound naming the path for a missing evidence.include file; Refused naming the
// policy key for an include path outside the workspace.
Result<EvidencePack> collectEvidence(
    Store *store, const Workspace &workspace, const QString &version, const EvidenceProgress &progress = {});

// collectEvidence, then the zip at outPath (written atomically).
Result<EvidencePack> exportEvidencePack(Store *store, const Workspace &workspace, const QString &version,
    const QString &outPath, const EvidenceProgress &progress = {});

// The pack's fixed member names.
inline constexpr const char *kManifestMember = "release_manifest.json";
inline constexpr const char *kChecksumsMember = "checksums.txt";
inline constexpr const char *kChecklistMember = "checklist.md";
inline constexpr const char *kSignoffsMember = "signoffs.json";
inline constexpr const char *kSignoffsMarkdownMember = "signoffs.md";
inline constexpr const char *kAuditMember = "audit.jsonl";
inline constexpr const char *kChangelogMember = "CHANGELOG-section.md";

}  // namespace cockpit
