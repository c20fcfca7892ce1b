#include "release_json.h"

#include <QJsonArray>

namespace cockpit::cli {

QJsonObject checklistCountsJson(const Checklist &checklist)
{
    int done = 0, failed = 0, na = 0, open = 0;
    for (const auto &phase : checklist.phases)
        for (const auto &section : phase.sections)
            for (const auto &item : section.items) {
                switch (item.state) {
                case ItemState::Done:
                    ++done;
                    break;
                case ItemState::Failed:
                    ++failed;
                    break;
                case ItemState::NotApplicable:
                    ++na;
                    break;
                case ItemState::Open:
                    ++open;
                    break;
                }
            }
    return {{QStringLiteral("total"), done + failed + na + open}, {QStringLiteral("done"), done},
        {QStringLiteral("failed"), failed}, {QStringLiteral("na"), na}, {QStringLiteral("open"), open}};
}

QJsonObject itemJson(const ChecklistItem &item)
{
    QJsonObject o {{QStringLiteral("key"), item.key}, {QStringLiteral("text"), item.text},
        {QStringLiteral("state"), itemStateName(item.state)}};
    const auto put = [&o](const char *name, const QString &value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(name), value);
    };
    put("who", item.who);
    put("when", item.when.isValid() ? item.when.toUTC().toString(Qt::ISODateWithMs) : QString());
    put("note", item.note);
    put("na_reason", item.naReason);
    put("evidence", item.evidence);
    put("check", item.check);
    put("condition", item.condition);
    return o;
}

QJsonObject checklistJson(const Checklist &checklist)
{
    QJsonArray phases;
    for (const auto &phase : checklist.phases) {
        QJsonArray sections;
        for (const auto &section : phase.sections) {
            QJsonArray items;
            for (const auto &item : section.items)
                items.append(itemJson(item));
            sections.append(
                QJsonObject {{QStringLiteral("title"), section.title}, {QStringLiteral("items"), items}});
        }
        phases.append(QJsonObject {{QStringLiteral("name"), phase.name},
            {QStringLiteral("title"), phase.title}, {QStringLiteral("sections"), sections}});
    }
    QJsonObject o = checklistCountsJson(checklist);
    o.insert(QStringLiteral("phases"), phases);
    return o;
}

QStringList releaseBlockers(const Checklist &checklist)
{
    QStringList blockers;
    int open = 0;
    for (const auto &phase : checklist.phases)
        for (const auto &section : phase.sections)
            for (const auto &item : section.items) {
                if (item.state == ItemState::Failed)
                    blockers << QStringLiteral("checklist item %1 failed: %2").arg(item.key, item.text);
                else if (item.state == ItemState::Open)
                    ++open;
            }
    if (open > 0)
        blockers << QStringLiteral("%1 checklist item%2 open").arg(open).arg(open == 1 ? "" : "s");
    return blockers;
}

QJsonArray approvalsJson(const ApprovalState &state)
{
    QJsonArray list;
    for (const RoleApproval &role : state.roles) {
        for (const EvaluatedSignoff &e : role.signoffs) {
            if (e.status == SignoffStatus::Withdrawn)
                continue;
            QJsonObject o {{QStringLiteral("role"), e.signoff.role},
                {QStringLiteral("signer"), e.signoff.signer},
                {QStringLiteral("decision"), signoffDecisionName(e.signoff.decision)},
                {QStringLiteral("stale"), e.status == SignoffStatus::Stale},
                {QStringLiteral("status"), signoffStatusName(e.status)},
                {QStringLiteral("counted"), e.status == SignoffStatus::Counted},
                {QStringLiteral("digest"), e.signoff.digest},
                {QStringLiteral("signed_at"), e.signoff.signedAt.toUTC().toString(Qt::ISODateWithMs)}};
            if (!e.signoff.reason.isEmpty())
                o.insert(QStringLiteral("reason"), e.signoff.reason);
            list.append(o);
        }
    }
    return list;
}

}  // namespace cockpit::cli
