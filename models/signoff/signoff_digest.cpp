#include "signoff_digest.h"
#include "approval.h"

#include <QCryptographicHash>

namespace cockpit {

QByteArray canonicalSignoffText(
    const QString &commit, const QByteArray &changelogSection, const Checklist &checklist)
{
    // Every variable-length field is length-prefixed, so no text inside one can imitate the
    // structure around it (a reason containing "\nitem ..." cannot forge another item).
    QByteArray out = QByteArray(kSignoffDigestFormat) + '\n';
    out += "commit " + commit.trimmed().toLower().toUtf8() + '\n';
    out += "changelog " + QByteArray::number(changelogSection.size()) + '\n' + changelogSection + '\n';
    QByteArray items;
    int count = 0;
    for (const ChecklistPhase &phase : checklist.phases) {
        for (const ChecklistSection &section : phase.sections) {
            for (const ChecklistItem &item : section.items) {
                const QByteArray reason
                    = item.state == ItemState::NotApplicable ? item.naReason.toUtf8() : QByteArray();
                items += "item " + item.key.toUtf8() + ' ' + itemStateName(item.state).toUtf8() + ' '
                    + QByteArray::number(reason.size()) + '\n' + reason + '\n';
                ++count;
            }
        }
    }
    out += "checklist " + QByteArray::number(count) + '\n' + items;
    return out;
}

QString signoffDigest(const QString &commit, const QByteArray &changelogSection, const Checklist &checklist)
{
    return QString::fromLatin1(QCryptographicHash::hash(
        canonicalSignoffText(commit, changelogSection, checklist), QCryptographicHash::Sha256)
                                   .toHex());
}

Checklist approvedPhases(const Checklist &checklist, const QStringList &covered)
{
    Checklist approved;
    for (const ChecklistPhase &phase : checklist.phases)
        if (covered.contains(phase.name))
            approved.phases << phase;
    return approved;
}

QStringList approvalsMadeStale(const ApprovalState &now, const QString &digestNow, const QString &digestAfter)
{
    QStringList stale;
    if (digestNow == digestAfter)
        return stale;
    for (const RoleApproval &role : now.roles)
        for (const EvaluatedSignoff &s : role.signoffs)
            if (s.status == SignoffStatus::Counted && s.signoff.decision == SignoffDecision::Approve)
                stale << QStringLiteral("%1's approval (%2)").arg(s.signoff.role, s.signoff.signer);
    return stale;
}

}  // namespace cockpit
