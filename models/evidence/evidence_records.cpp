#include "evidence_records.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cockpit {
namespace {

QString utcText(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : QString();
}

QString rfc3339(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")) : QString();
}

// Continuation lines of a list item's text stay inside the item.
QString indented(const QString &text, const QString &indent)
{
    QString out = text.trimmed();
    out.replace(u'\n', u'\n' + indent);
    return out;
}

QString itemLine(const ChecklistItem &item)
{
    const QString text = indented(item.text, QStringLiteral("  "));
    switch (item.state) {
    case ItemState::Done:
        return QStringLiteral("- [x] %1").arg(text);
    case ItemState::NotApplicable:
        return QStringLiteral("- [x] ~~%1~~ (N/A)").arg(text);
    case ItemState::Failed:
        return QStringLiteral("- [ ] **Failed:** %1").arg(text);
    case ItemState::Open:
        break;
    }
    return QStringLiteral("- [ ] %1").arg(text);
}

QString itemDetails(const ChecklistItem &item)
{
    const QString sub = QStringLiteral("    ");
    QString out;
    if (item.state != ItemState::Open && !item.who.isEmpty()) {
        const QString what = item.state == ItemState::Done ? QStringLiteral("Done")
            : item.state == ItemState::Failed              ? QStringLiteral("Failed")
                                                           : QStringLiteral("Marked N/A");
        const QString when = item.when.isValid() ? QStringLiteral(" at ") + utcText(item.when) : QString();
        out += QStringLiteral("  - %1 by %2%3\n").arg(what, item.who, when);
    }
    if (!item.naReason.isEmpty())
        out += QStringLiteral("  - N/A reason: %1\n").arg(indented(item.naReason, sub));
    if (!item.note.isEmpty())
        out += QStringLiteral("  - Note: %1\n").arg(indented(item.note, sub));
    if (!item.evidence.isEmpty())
        out += QStringLiteral("  - Evidence: %1\n").arg(indented(item.evidence, sub));
    if (!item.check.isEmpty())
        out += QStringLiteral("  - Check: `%1`\n").arg(item.check);
    return out;
}

QHash<qint64, QString> statusById(const ApprovalState &state)
{
    QHash<qint64, QString> status;
    for (const RoleApproval &role : state.roles)
        for (const EvaluatedSignoff &s : role.signoffs)
            status.insert(s.signoff.id, signoffStatusName(s.status));
    return status;
}

}  // namespace

QByteArray evidenceChecklistMarkdown(const Checklist &checklist, const QString &version)
{
    QString out = QStringLiteral("# Checklist of release %1\n\n").arg(version);
    out += QStringLiteral("%1 of %2 items closed (done or N/A), %3 failed.\n")
               .arg(checklist.closedCount())
               .arg(checklist.itemCount())
               .arg(checklist.failedCount());
    for (const ChecklistPhase &phase : checklist.phases) {
        out += QStringLiteral("\n## %1\n").arg(phase.title.isEmpty() ? phase.name : phase.title);
        for (const ChecklistSection &section : phase.sections) {
            if (!section.title.isEmpty() && section.title != phase.title)
                out += QStringLiteral("\n### %1\n").arg(section.title);
            out += u'\n';
            for (const ChecklistItem &item : section.items)
                out += itemLine(item) + u'\n' + itemDetails(item);
        }
    }
    return out.toUtf8();
}

QByteArray evidenceSignoffsJson(
    const QString &version, const QString &digest, const QList<Signoff> &signoffs, const ApprovalState &state)
{
    const QHash<qint64, QString> status = statusById(state);
    QJsonArray events;
    for (const Signoff &s : signoffs) {
        events.append(QJsonObject {{QStringLiteral("id"), s.id}, {QStringLiteral("role"), s.role},
            {QStringLiteral("signer"), s.signer},
            {QStringLiteral("decision"), signoffDecisionName(s.decision)},
            {QStringLiteral("reason"), s.reason}, {QStringLiteral("digest"), s.digest},
            {QStringLiteral("signature"), s.signature}, {QStringLiteral("signed_at"), rfc3339(s.signedAt)},
            {QStringLiteral("status"), status.value(s.id, QStringLiteral("history"))}});
    }
    QJsonArray roles;
    for (const RoleApproval &role : state.roles) {
        roles.append(QJsonObject {{QStringLiteral("role"), role.requirement.role},
            {QStringLiteral("count"), role.requirement.count}, {QStringLiteral("required"), role.required},
            {QStringLiteral("counted"), role.counted}, {QStringLiteral("satisfied"), role.satisfied()},
            {QStringLiteral("condition"), role.requirement.condition}});
    }
    const QJsonObject o {{QStringLiteral("version"), version}, {QStringLiteral("digest"), digest},
        {QStringLiteral("approved"), state.approved()},
        {QStringLiteral("blockers"), QJsonArray::fromStringList(state.blockers)},
        {QStringLiteral("roles"), roles}, {QStringLiteral("signoffs"), events}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QByteArray evidenceSignoffsMarkdown(
    const QString &version, const QString &digest, const QList<Signoff> &signoffs, const ApprovalState &state)
{
    QString out = QStringLiteral("# Sign-offs of release %1\n\n").arg(version);
    out += state.approved() ? QStringLiteral("Approved: every required role is satisfied.\n")
                            : QStringLiteral("Not approved.\n");
    for (const QString &blocker : state.blockers)
        out += QStringLiteral("- %1\n").arg(blocker);
    out += QStringLiteral("\nDigest signed off: `%1`\n\n").arg(digest);
    out += QStringLiteral("| Role | Required | Counted |\n|---|---|---|\n");
    for (const RoleApproval &role : state.roles)
        out += QStringLiteral("| %1 | %2 | %3 of %4 |\n")
                   .arg(role.requirement.role, role.required ? QStringLiteral("yes") : QStringLiteral("no"))
                   .arg(role.counted)
                   .arg(role.requirement.count);
    const QHash<qint64, QString> status = statusById(state);
    out += QStringLiteral(
        "\n| When | Role | Signer | Decision | Status | Reason |\n|---|---|---|---|---|---|\n");
    for (const Signoff &s : signoffs) {
        QString reason = s.reason;
        reason.replace(u'|', QStringLiteral("\\|")).replace(u'\n', u' ');
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                   .arg(utcText(s.signedAt), s.role, s.signer, signoffDecisionName(s.decision),
                       status.value(s.id, QStringLiteral("history")), reason);
    }
    return out.toUtf8();
}

QMap<QString, QString> countedApprovals(const ApprovalState &state)
{
    QMap<QString, QString> approvals;
    for (const RoleApproval &role : state.roles) {
        QStringList signers;
        for (const EvaluatedSignoff &s : role.signoffs)
            if (s.status == SignoffStatus::Counted)
                signers.append(s.signoff.signer);
        if (!signers.isEmpty())
            approvals.insert(role.requirement.role, signers.join(QStringLiteral(", ")));
    }
    return approvals;
}

}  // namespace cockpit
