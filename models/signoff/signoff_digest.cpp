#include "signoff_digest.h"
#include "approval.h"
#include "sha256.h"


namespace cockpit {

namespace {

// itemStateName's words, as bytes.
QByteArrayView stateWord(ItemState state)
{
    switch (state) {
    case ItemState::Open:
        return "open";
    case ItemState::Done:
        return "done";
    case ItemState::Failed:
        return "failed";
    case ItemState::NotApplicable:
        return "na";
    }
    return "open";
}

// Appends text as UTF-8 without a temporary for the ASCII keys nearly every item has.
void appendUtf8(QByteArray &out, QStringView text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x80) {
            out.append(text.toUtf8());
            return;
        }
    for (const QChar c : text)
        out.append(char(c.unicode()));
}

}  // namespace

QByteArray canonicalSignoffText(
    const QString &commit, const QByteArray &changelogSection, const Checklist &checklist)
{
    // Every variable-length field is length-prefixed, so no text inside one can imitate the
    // structure around it (a reason containing "\nitem ..." cannot forge another item).
    QByteArray out = QByteArray(kSignoffDigestFormat) + '\n';
    out += "commit " + commit.trimmed().toLower().toUtf8() + '\n';
    out += "changelog " + QByteArray::number(changelogSection.size()) + '\n' + changelogSection + '\n';
    // Appended piece by piece into one buffer: 5,000 items cost no temporary strings.
    QByteArray items;
    items.reserve(64 * 1024);
    int count = 0;
    for (const ChecklistPhase &phase : checklist.phases) {
        for (const ChecklistSection &section : phase.sections) {
            for (const ChecklistItem &item : section.items) {
                const QByteArray reason
                    = item.state == ItemState::NotApplicable ? item.naReason.toUtf8() : QByteArray();
                items.append("item ", 5);
                appendUtf8(items, item.key);
                items.append(' ');
                items.append(stateWord(item.state)).append(' ');
                items.append(QByteArray::number(reason.size())).append('\n').append(reason).append('\n');
                ++count;
            }
        }
    }
    out += "checklist " + QByteArray::number(count) + '\n' + items;
    return out;
}

QString signoffDigest(const QString &commit, const QByteArray &changelogSection, const Checklist &checklist)
{
    return QString::fromLatin1(sha256Hex(canonicalSignoffText(commit, changelogSection, checklist)));
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
