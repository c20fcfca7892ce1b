// checklist show | tick, and audit verify
#include "checklist_parser.h"
#include "cli_context.h"
#include "commands.h"
#include "release_json.h"
#include "release_service.h"

#include <QJsonArray>

namespace cockpit::cli {
namespace {

QString marker(ItemState state)
{
    switch (state) {
    case ItemState::Done:
        return QStringLiteral("[x]");
    case ItemState::Failed:
        return QStringLiteral("[!]");
    case ItemState::NotApplicable:
        return QStringLiteral("[-]");
    case ItemState::Open:
        break;
    }
    return QStringLiteral("[ ]");
}

// An item named by its key ("pre-release.3") or by a piece of text only one item contains.
Result<const ChecklistItem *> findItem(const Checklist &checklist, const QString &name)
{
    if (const ChecklistItem *item = checklist.findItem(name))
        return item;
    QList<const ChecklistItem *> matches;
    for (const auto &phase : checklist.phases)
        for (const auto &section : phase.sections)
            for (const auto &item : section.items)
                if (item.text.contains(name, Qt::CaseInsensitive))
                    matches.append(&item);
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty())
        return fail(
            ErrorCode::NotFound, QStringLiteral("no checklist item is keyed or named '%1'").arg(name));
    QStringList keys;
    for (const auto *m : matches)
        keys << m->key;
    return fail(ErrorCode::Usage,
        QStringLiteral("'%1' names %2 items (%3); use a key")
            .arg(name)
            .arg(matches.size())
            .arg(keys.join(", ")));
}

int show(CliContext &ctx, Store *store, const QString &version)
{
    auto checklist = store->checklist(version).result();
    if (!checklist)
        return ctx.report(checklist.error());
    if (ctx.isSet(QStringLiteral("markdown"))) {
        for (const auto &phase : checklist->phases)
            ctx.out(QString::fromUtf8(exportChecklist(phase)));
        return Ok;
    }
    if (ctx.json()) {
        ctx.printJson(checklistJson(*checklist));
        return Ok;
    }
    for (const auto &phase : checklist->phases) {
        ctx.out(QStringLiteral("%1  %2/%3").arg(phase.title).arg(phase.closedCount()).arg(phase.itemCount()));
        for (const auto &section : phase.sections) {
            if (!section.title.isEmpty())
                ctx.out(QStringLiteral("  %1").arg(section.title));
            for (const auto &item : section.items) {
                QString line = QStringLiteral("    %1 %2  %3")
                                   .arg(marker(item.state), item.key.leftJustified(16), item.text);
                if (item.state == ItemState::NotApplicable)
                    line += QStringLiteral("  (N/A: %1)").arg(item.naReason);
                if (!item.note.isEmpty())
                    line += QStringLiteral("  -- %1").arg(item.note);
                ctx.out(line);
            }
        }
    }
    return Ok;
}

int tick(CliContext &ctx, Session &session, const QString &version, const QString &name)
{
    Store *store = session.store();
    auto checklist = store->checklist(version).result();
    if (!checklist)
        return ctx.report(checklist.error());
    auto found = findItem(*checklist, name);
    if (!found)
        return ctx.report(found.error());
    ChecklistItem item = **found;
    if (!item.check.isEmpty())
        return ctx.report({ErrorCode::Refused,
            QStringLiteral("%1 is ticked by its automated check (%2), not by hand")
                .arg(item.key, item.check)});
    item.state = ItemState::Done;
    if (ctx.isSet(QStringLiteral("na"))) {
        item.state = ItemState::NotApplicable;
        item.naReason = ctx.option(QStringLiteral("na"));
    } else if (ctx.isSet(QStringLiteral("fail"))) {
        item.state = ItemState::Failed;
    } else if (ctx.isSet(QStringLiteral("reopen"))) {
        item.state = ItemState::Open;
    }
    if (ctx.isSet(QStringLiteral("note")))
        item.note = ctx.option(QStringLiteral("note"));
    // What signers approved may change with it: say so (the window asks first).
    auto staled = await(session.approvalsStaledBy(version, item.key, item.state, item.naReason));
    // The same use case as a tick in the window: Session::setItem, as who acts in this session.
    auto saved
        = await(session.setItem(version, item.key, item.state, item.note, item.naReason, item.rowVersion));
    if (!saved)
        return ctx.report(saved.error());
    ctx.err(QStringLiteral("%1 %2  %3").arg(marker(saved->state), saved->key, saved->text));
    if (staled && !staled->isEmpty())
        ctx.err(QStringLiteral("This change made %1 stale: what they approved changed; they sign off again.")
                    .arg(staled->join(QStringLiteral(", "))));
    if (ctx.json())
        ctx.printJson(itemJson(*saved));
    return Ok;
}

}  // namespace

int runChecklistShow(CliContext &ctx)
{
    auto store = ctx.openStore();
    if (!store)
        return ctx.report(store.error());
    return show(ctx, *store, ctx.words().at(2));
}

int runChecklistTick(CliContext &ctx)
{
    // One outcome per tick: with two, whichever was tested first would win silently.
    QStringList outcomes;
    for (const char *name : {"na", "fail", "reopen"}) {
        if (ctx.isSet(QString::fromLatin1(name)))
            outcomes << QStringLiteral("--") + QString::fromLatin1(name);
    }
    if (outcomes.size() > 1)
        return ctx.usage(QStringLiteral("%1 cannot be used together: choose one").arg(outcomes.join(u' ')));
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    return tick(ctx, **session, ctx.words().at(2), ctx.words().at(3));
}

int runAudit(CliContext &ctx)
{
    auto store = ctx.openStore({}, CliContext::StoreAccess::Read);
    if (!store)
        return ctx.report(store.error());
    auto result = (*store)->verifyAudit().result();
    if (!result)
        return ctx.report(result.error());
    if (ctx.json())
        ctx.printJson({{QStringLiteral("ok"), result->ok}, {QStringLiteral("entries"), result->entries},
            {QStringLiteral("first_bad_seq"), result->firstBadSeq},
            {QStringLiteral("problem"), result->problem}});
    if (!result->ok) {
        ctx.err(QStringLiteral("audit log: BROKEN at entry %1: %2")
                    .arg(result->firstBadSeq)
                    .arg(result->problem));
        return Failed;
    }
    ctx.err(QStringLiteral("audit log: OK (%1 entries, chain intact)").arg(result->entries));
    return Ok;
}

}  // namespace cockpit::cli
