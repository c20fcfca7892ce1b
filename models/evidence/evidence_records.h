#pragma once
// The human and machine records of an evidence pack, as bytes: the checklist as Markdown with
// who, when, notes, N/A reasons and evidence; the sign-offs (JSON and Markdown) with how each
// stands; the release's audit excerpt as JSON lines whose hashes can be rechecked.
#include "approval.h"
#include "audit_entry.h"
#include "checklist.h"

#include <QByteArray>

namespace cockpit {

// checklist.md: phases as "##", sections as "###", items as GFM task-list lines with sub-bullets.
[[nodiscard]] QByteArray evidenceChecklistMarkdown(const Checklist &checklist, const QString &version);

// signoffs.json: every recorded event with its status under the approval matrix ("counted",
// "stale", ..., "history" for a decision its signer replaced), the roles and the blockers.
[[nodiscard]] QByteArray evidenceSignoffsJson(const QString &version, const QString &digest,
    const QList<Signoff> &signoffs, const ApprovalState &state);
[[nodiscard]] QByteArray evidenceSignoffsMarkdown(const QString &version, const QString &digest,
    const QList<Signoff> &signoffs, const ApprovalState &state);
// role -> the counted signers, comma separated (the manifest's "approvals").
[[nodiscard]] QMap<QString, QString> countedApprovals(const ApprovalState &state);

// audit.jsonl: one entry per line, its canonical fields plus "prev_hash" and "hash".
[[nodiscard]] QByteArray auditJsonLines(const QList<AuditEntry> &entries);
// BadInput naming the line when a line is not an entry.
[[nodiscard]] Result<QList<AuditEntry>> parseAuditJsonLines(const QByteArray &text);
// What does not hold in an excerpt: each entry's hash must be sha256(prev_hash || canonical
// JSON), and an entry following its predecessor's seq must link to its hash. Empty when sound.
[[nodiscard]] QStringList auditExcerptProblems(const QList<AuditEntry> &entries);

}  // namespace cockpit
