#pragma once
// Sign-offs and the approval matrix: which roles a release needs (counts and conditions from the
// policy), and how a list of recorded sign-offs stands against the release's current digest:
// counted, stale (signed another digest), rejected (blocks), withdrawn or superseded.
#include "error.h"
#include "policy.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cockpit {

enum class SignoffDecision { Approve, Reject, Withdraw };

QString signoffDecisionName(SignoffDecision decision);  // "approve", "reject", "withdraw"
std::optional<SignoffDecision> signoffDecisionFromName(const QString &name);

// One recorded sign-off event (the signoffs table is append-only: a withdrawal is a new row).
struct Signoff {
    qint64 id = 0;
    QString version;  // the release it belongs to
    QString role;
    QString signer;  // person id: git email (SQLite) or database login (PostgreSQL)
    SignoffDecision decision = SignoffDecision::Approve;
    QString reason;  // required for a rejection
    QString digest;  // hex sha256 of what was approved (signoff_digest.h)
    QString signature;  // armored SSH signature over the digest, or empty
    QDateTime signedAt;  // UTC
};

// What the matrix needs to know about the release besides its sign-offs.
struct ApprovalFacts {
    QString releaseType;
    QString manager;  // release manager: may not approve their own release unless single operator
    QString currentDigest;
    QStringList changelogSections;  // "### X" headings of the version's changelog section
};

// Whether a condition of the policy ("changelog has Security", "security changes") holds.
// Unknown conditions hold (fail closed: the approval is required) and say so in `note`.
struct ConditionResult {
    bool holds = true;
    bool understood = true;
    QString note;  // "the changelog has a Security section", ...
};
ConditionResult evaluateCondition(const QString &condition, const ApprovalFacts &facts);

enum class SignoffStatus {
    Counted,  // approves the current digest
    Stale,  // approved another digest: shown, not counted, re-signing asked
    Rejected,  // rejects the current digest: blocks until withdrawn or superseded
    Superseded,  // a rejection of an older digest: no longer blocks
    Withdrawn,  // its author withdrew their decision
    SelfApproval,  // the release manager approving their own release (not single operator)
    NotInRole,  // the signer is not (or no longer) one of the role's people
    Unsigned,  // the policy requires an SSH signature and this one has no valid signature
};
QString signoffStatusName(SignoffStatus status);  // "counted", "stale", ...

struct EvaluatedSignoff {
    Signoff signoff;
    SignoffStatus status = SignoffStatus::Counted;
    [[nodiscard]] bool stale() const { return status == SignoffStatus::Stale; }
};

struct RoleApproval {
    ApprovalRequirement requirement;
    bool required = true;  // false when its condition does not hold
    ConditionResult condition;
    int counted = 0;
    QList<EvaluatedSignoff> signoffs;  // each signer's latest decision for this role
    [[nodiscard]] bool satisfied() const;  // not required, or enough counted and no rejection
    [[nodiscard]] bool rejected() const;
};

struct ApprovalState {
    QList<RoleApproval> roles;  // in policy order; roles signed but not required come last
    QStringList blockers;  // one sentence each: missing, stale, rejected
    int requiredCount = 0;  // sum of the required roles' counts
    int countedCount = 0;  // counted approvals toward them (capped per role)
    [[nodiscard]] bool approved() const { return blockers.isEmpty(); }
    [[nodiscard]] const RoleApproval *role(const QString &name) const;
};

// The release type's approvals with their conditions evaluated. NotFound for an unknown type.
Result<QList<RoleApproval>> requiredApprovals(const Policy &policy, const ApprovalFacts &facts);

// Evaluates the sign-offs (any order) against the facts. badSignatures: ids of sign-offs whose
// SSH signature did not verify (only consulted when the policy requires signatures).
ApprovalState evaluateApprovals(const Policy &policy, const ApprovalFacts &facts,
    const QList<Signoff> &signoffs, const QHash<qint64, bool> &signatureValid = {});

// Whether `signer` may record `decision` for `role` now: NotFound for a role the policy does not
// have (naming the policy file), Refused for someone not in the role, self-approval, a rejection
// without a reason, or a withdrawal with nothing to withdraw.
Status checkSignoffAllowed(const Policy &policy, const ApprovalFacts &facts, const QList<Signoff> &existing,
    const QString &role, const QString &signer, SignoffDecision decision, const QString &reason);

}  // namespace cockpit
