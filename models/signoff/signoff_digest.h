#pragma once
// The digest a sign-off approves: sha256 over a canonical text of the release commit, the
// changelog section of the version (bytes exactly as in the file) and the checklist state (each
// item's key, state and N/A reason, in checklist order). Any change to one of them makes earlier
// sign-offs stale. The canonical form is documented in docs/signoffs.md; never change it without
// bumping its first line (old sign-offs would all turn stale).
#include "checklist.h"

#include <QByteArray>
#include <QString>

namespace cockpit {

inline constexpr const char *kSignoffDigestFormat = "release-cockpit-signoff-v1";

// The canonical text (UTF-8, LF line ends):
//   release-cockpit-signoff-v1\n
//   commit <lower-case hex SHA>\n
//   changelog <byte count>\n<the section's bytes>\n
//   checklist <item count>\n
//   then per item: item <key> <state> <N/A reason byte count>\n<reason bytes>\n
QByteArray canonicalSignoffText(
    const QString &commit, const QByteArray &changelogSection, const Checklist &checklist);
// Lower-case hex sha256 of the canonical text.
QString signoffDigest(const QString &commit, const QByteArray &changelogSection, const Checklist &checklist);

// The part of the checklist a signer approves: the phases named in covered, in checklist order.
Checklist approvedPhases(const Checklist &checklist, const QStringList &covered);

// Whose approvals a change would make stale: "lead's approval (lead@x)" for each approval that
// counts now, when the digest after the change differs from the digest now; else empty.
struct ApprovalState;
QStringList approvalsMadeStale(const ApprovalState &now, const QString &digestNow, const QString &digestAfter);

}  // namespace cockpit
