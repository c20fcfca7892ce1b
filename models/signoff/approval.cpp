#include "approval.h"

#include <QRegularExpression>

namespace cockpit {

namespace {

const QStringList kDecisionNames {
    QStringLiteral("approve"), QStringLiteral("reject"), QStringLiteral("withdraw")};

// The signer's latest sign-off for the role, or nullptr.
const Signoff *latestOf(const QList<Signoff> &signoffs, const QString &role, const QString &signer)
{
    const Signoff *latest = nullptr;
    for (const Signoff &s : signoffs) {
        if (s.role != role || s.signer != signer)
            continue;
        if (!latest || s.signedAt > latest->signedAt || (s.signedAt == latest->signedAt && s.id > latest->id))
            latest = &s;
    }
    return latest;
}

}  // namespace

QString signoffDecisionName(SignoffDecision decision)
{
    return kDecisionNames.at(int(decision));
}

std::optional<SignoffDecision> signoffDecisionFromName(const QString &name)
{
    const qsizetype i = kDecisionNames.indexOf(name);
    if (i < 0)
        return std::nullopt;
    return SignoffDecision(i);
}

QString signoffStatusName(SignoffStatus status)
{
    static const char *const names[] = {"counted", "stale", "rejected", "superseded", "withdrawn",
        "self_approval", "not_in_role", "unsigned"};
    return QString::fromLatin1(names[int(status)]);
}

ConditionResult evaluateCondition(const QString &condition, const ApprovalFacts &facts)
{
    const QString text = condition.simplified().toLower();
    if (text.isEmpty())
        return {};
    // "security changes" is how the seeds say it ("Security Lead sign-off (if security changes)");
    // the changelog's Security section is where a release declares them.
    static const QRegularExpression changes(QStringLiteral("^(?:if )?(\\w[\\w -]*?) changes?$"));
    static const QRegularExpression has(
        QStringLiteral("^changelog has (?:an? )?(?:\")?([^\"]+?)(?:\")?(?: section)?$"));
    QString section;
    if (const auto m = has.match(text); m.hasMatch())
        section = m.captured(1);
    else if (const auto c = changes.match(text); c.hasMatch() && c.captured(1) == u"security")
        section = c.captured(1);
    if (section.isEmpty())
        return {true, false,
            QStringLiteral("condition \"%1\" cannot be evaluated by the cockpit, so it is required")
                .arg(condition)};
    for (const QString &heading : facts.changelogSections) {
        if (heading.simplified().compare(section, Qt::CaseInsensitive) == 0)
            return {true, true, QStringLiteral("the changelog has a %1 section").arg(heading.simplified())};
    }
    return {false, true, QStringLiteral("the changelog has no %1 section").arg(section)};
}

bool RoleApproval::rejected() const
{
    return std::any_of(signoffs.begin(), signoffs.end(),
        [](const EvaluatedSignoff &s) { return s.status == SignoffStatus::Rejected; });
}

bool RoleApproval::satisfied() const
{
    return !rejected() && (!required || counted >= requirement.count);
}

const RoleApproval *ApprovalState::role(const QString &name) const
{
    for (const RoleApproval &r : roles) {
        if (r.requirement.role == name)
            return &r;
    }
    return nullptr;
}

Status checkSignoffAllowed(const Policy &policy, const ApprovalFacts &facts, const QList<Signoff> &existing,
    const QString &role, const QString &signer, SignoffDecision decision, const QString &reason)
{
    if (!policy.roles.contains(role)) {
        const QStringList known = policy.roles.keys();
        return fail(ErrorCode::NotFound,
            QStringLiteral("unknown role \"%1\": %2 defines %3")
                .arg(role, policy.sourcePath.isEmpty() ? QStringLiteral("the policy") : policy.sourcePath,
                    known.isEmpty() ? QStringLiteral("no roles") : known.join(QStringLiteral(", "))),
            policy.locationOf(QStringLiteral("roles")));
    }
    if (!policy.roles.value(role).contains(signer))
        return fail(ErrorCode::Refused,
            QStringLiteral("%1 is not one of the people of role %2 (roles.%2 in %3)")
                .arg(signer, role, policy.sourcePath),
            policy.locationOf(QStringLiteral("roles.") + role));
    switch (decision) {
    case SignoffDecision::Approve:
        if (signer == facts.manager && !policy.singleOperator)
            return fail(ErrorCode::Refused,
                QStringLiteral("self-approval refused: %1 is the release manager of this release, and the "
                               "policy does not allow a single operator (single_operator: false)")
                    .arg(signer));
        break;
    case SignoffDecision::Reject:
        if (reason.trimmed().isEmpty())
            return fail(ErrorCode::Usage, QStringLiteral("a rejection needs a reason"));
        break;
    case SignoffDecision::Withdraw: {
        const Signoff *latest = latestOf(existing, role, signer);
        if (!latest || latest->decision == SignoffDecision::Withdraw)
            return fail(ErrorCode::Refused,
                QStringLiteral("%1 has no sign-off for role %2 to withdraw").arg(signer, role));
        break;
    }
    }
    return {};
}

}  // namespace cockpit
