// The approval matrix: required roles per release type and the evaluation of sign-offs.
#include "approval.h"

#include <algorithm>

namespace cockpit {

namespace {

QString shortDigest(const QString &digest)
{
    return digest.left(12);
}

SignoffStatus statusOf(const Policy &policy, const ApprovalFacts &facts, const Signoff &s,
    const QHash<qint64, bool> &signatureValid)
{
    if (s.decision == SignoffDecision::Withdraw)
        return SignoffStatus::Withdrawn;
    // Checked again here, not only when signing: the policy may have changed since.
    if (!policy.roles.value(s.role).contains(s.signer))
        return SignoffStatus::NotInRole;
    const bool current = s.digest == facts.currentDigest;
    if (s.decision == SignoffDecision::Reject)
        return current ? SignoffStatus::Rejected : SignoffStatus::Superseded;
    if (s.signer == facts.manager && !policy.singleOperator)
        return SignoffStatus::SelfApproval;
    if (policy.signoff.sshSigning == u"required" && !signatureValid.value(s.id, false))
        return SignoffStatus::Unsigned;
    return current ? SignoffStatus::Counted : SignoffStatus::Stale;
}

// Each (role, signer)'s latest sign-off, in signing order.
QList<Signoff> latestPerSigner(QList<Signoff> signoffs)
{
    std::stable_sort(signoffs.begin(), signoffs.end(), [](const Signoff &a, const Signoff &b) {
        return a.signedAt != b.signedAt ? a.signedAt < b.signedAt : a.id < b.id;
    });
    QList<Signoff> latest;
    for (const Signoff &s : signoffs) {
        const auto same = std::find_if(latest.begin(), latest.end(),
            [&s](const Signoff &l) { return l.role == s.role && l.signer == s.signer; });
        if (same != latest.end())
            latest.erase(same);
        latest.append(s);
    }
    return latest;
}

void addBlockers(const RoleApproval &role, const ApprovalFacts &facts, QStringList &blockers)
{
    const QString name = role.requirement.role;
    for (const EvaluatedSignoff &e : role.signoffs) {
        if (e.status == SignoffStatus::Rejected)
            blockers
                << QStringLiteral("rejected: %1 by %2: %3").arg(name, e.signoff.signer, e.signoff.reason);
    }
    if (!role.required || role.counted >= role.requirement.count)
        return;
    blockers << QStringLiteral("missing approval: %1 (%2 of %3)")
                    .arg(name)
                    .arg(role.counted)
                    .arg(role.requirement.count);
    for (const EvaluatedSignoff &e : role.signoffs) {
        if (e.status == SignoffStatus::Stale)
            blockers << QStringLiteral("stale approval: %1 by %2 signed %3, the release is now %4: re-sign")
                            .arg(name, e.signoff.signer, shortDigest(e.signoff.digest),
                                shortDigest(facts.currentDigest));
        else if (e.status == SignoffStatus::SelfApproval)
            blockers
                << QStringLiteral("not counted: %1 by %2 is a self-approval").arg(name, e.signoff.signer);
        else if (e.status == SignoffStatus::Unsigned)
            blockers << QStringLiteral("not counted: %1 by %2 has no valid SSH signature")
                            .arg(name, e.signoff.signer);
    }
}

}  // namespace

Result<QList<RoleApproval>> requiredApprovals(const Policy &policy, const ApprovalFacts &facts)
{
    const ReleaseTypePolicy *type = policy.releaseType(facts.releaseType);
    if (!type)
        return fail(ErrorCode::NotFound,
            QStringLiteral("release type \"%1\" is not in %2").arg(facts.releaseType, policy.sourcePath),
            policy.locationOf(QStringLiteral("release_types")));
    QList<RoleApproval> roles;
    for (const ApprovalRequirement &requirement : type->approvals) {
        RoleApproval role;
        role.requirement = requirement;
        role.condition = evaluateCondition(requirement.condition, facts);
        role.required = role.condition.holds;
        roles << role;
    }
    return roles;
}

ApprovalState evaluateApprovals(const Policy &policy, const ApprovalFacts &facts,
    const QList<Signoff> &signoffs, const QHash<qint64, bool> &signatureValid)
{
    ApprovalState state;
    auto required = requiredApprovals(policy, facts);
    if (!required)
        state.blockers << required.error().message;
    else
        state.roles = *required;
    for (const Signoff &s : latestPerSigner(signoffs)) {
        auto role = std::find_if(state.roles.begin(), state.roles.end(),
            [&s](const RoleApproval &r) { return r.requirement.role == s.role; });
        if (role == state.roles.end()) {  // signed, but this release type does not need the role
            RoleApproval extra;
            extra.requirement = {s.role, 0, {}};
            extra.required = false;
            state.roles << extra;
            role = state.roles.end() - 1;
        }
        const EvaluatedSignoff e {s, statusOf(policy, facts, s, signatureValid)};
        role->counted += e.status == SignoffStatus::Counted ? 1 : 0;
        role->signoffs << e;
    }
    for (const RoleApproval &role : std::as_const(state.roles)) {
        addBlockers(role, facts, state.blockers);
        if (role.required) {
            state.requiredCount += role.requirement.count;
            state.countedCount += std::min(role.counted, role.requirement.count);
        }
    }
    return state;
}

}  // namespace cockpit
