// Checklist instances in the store: Store's entry points and the worker's half for reading a
// release's checklist (its Markdown snapshot with every item's saved state), saving one item's
// state with its audit entry, and appending a template as a new phase.
#include "checklist_cache.h"
#include "checklist_parser.h"
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QHash>

#include <QJsonObject>
#include <QSqlError>

namespace cockpit {

namespace {

QJsonObject itemJson(
    const QString &state, const QString &note, const QString &naReason, const QString &evidence)
{
    return QJsonObject {
        {QStringLiteral("state"), state},
        {QStringLiteral("note"), note},
        {QStringLiteral("na_reason"), naReason},
        {QStringLiteral("evidence"), evidence},
    };
}

}  // namespace

QFuture<Result<Checklist>> Store::checklist(QString version)
{
    return enqueue(
        m_worker.get(), [w = m_worker.get(), version = std::move(version)] { return w->checklist(version); });
}

QFuture<Result<ChecklistItem>> Store::setItemState(QString version, ChecklistItem item, QString actor)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version), item = std::move(item), actor = std::move(actor)] {
            return w->setItemState(version, item, actor);
        });
}

QFuture<Result<Checklist>> Store::appendChecklistPhase(QString version, ChecklistPhase phase, QString actor)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version), phase = std::move(phase),
            actor = std::move(actor)] { return w->appendChecklistPhase(version, phase, actor); });
}

Result<QStringList> StoreWorker::phaseSources(const ReleaseRecord &release)
{
    auto found = run(
        QStringLiteral("SELECT name, title, source FROM checklist_phases WHERE release_id = ? ORDER BY position"),
        {release.id}, QStringLiteral("cannot read the checklist of %1").arg(release.version));
    if (!found)
        return std::unexpected(found.error());
    QSqlQuery &q = **found;
    QStringList sources;
    while (q.next())
        sources << q.value(0).toString() << q.value(1).toString() << q.value(2).toString();
    q.finish();
    return sources;
}

Result<Checklist> StoreWorker::parseSnapshot(const ReleaseRecord &release, const QStringList &sources)
{
    Checklist list;
    for (qsizetype i = 0; i + 2 < sources.size(); i += 3) {
        const QString &name = sources.at(i);
        auto phase = parseChecklist(
            sources.at(i + 2).toUtf8(), name, QStringLiteral("release %1/%2.md").arg(release.version, name));
        if (!phase)
            return std::unexpected(phase.error());
        if (!sources.at(i + 1).isEmpty())
            phase->title = sources.at(i + 1);
        list.phases.append(std::move(*phase));
    }
    return list;
}

Result<Checklist> StoreWorker::loadSnapshot(const ReleaseRecord &release)
{
    auto sources = phaseSources(release);
    if (!sources)
        return std::unexpected(sources.error());
    return parseSnapshot(release, *sources);
}

Result<QList<ChecklistItemRow>> StoreWorker::itemRows(const ReleaseRecord &release, std::optional<qint64> aboveSeq)
{
    const QString columns = QStringLiteral(
        "SELECT key, state, who, at, note, na_reason, evidence, row_version, audit_seq FROM checklist_items "
        "WHERE release_id = ?");
    auto found = aboveSeq ? run(columns + QStringLiteral(" AND audit_seq > ?"), {release.id, *aboveSeq},
                                QStringLiteral("cannot read the items of %1").arg(release.version))
                          : run(columns, {release.id}, QStringLiteral("cannot read the items of %1").arg(release.version));
    if (!found)
        return std::unexpected(found.error());
    QSqlQuery &q = **found;
    QList<ChecklistItemRow> rows;
    while (q.next()) {
        ChecklistItemRow row;
        row.key = q.value(0).toString();
        row.state = itemStateFromName(q.value(1).toString()).value_or(ItemState::Open);
        row.who = q.value(2).toString();
        row.when = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
        row.note = q.value(4).toString();
        row.naReason = q.value(5).toString();
        row.evidence = q.value(6).toString();
        row.rowVersion = q.value(7).toInt();
        const QVariant seq = q.value(8);
        row.auditSeq = seq.isNull() ? -1 : seq.toLongLong();
        rows.append(std::move(row));
    }
    q.finish();
    return rows;
}

Result<ChecklistRowsMark> StoreWorker::itemRowsMark(const ReleaseRecord &release)
{
    auto found = run(QStringLiteral("SELECT MAX(audit_seq), COUNT(*) FROM checklist_items WHERE release_id = ?"),
        {release.id}, QStringLiteral("cannot read the items of %1").arg(release.version));
    if (!found)
        return std::unexpected(found.error());
    QSqlQuery &q = **found;
    ChecklistRowsMark mark;
    if (q.next()) {
        mark.highSeq = q.value(0).isNull() ? -1 : q.value(0).toLongLong();
        mark.rows = q.value(1).toLongLong();
    }
    q.finish();
    return mark;
}

Result<Checklist> StoreWorker::checklist(const QString &version)
{
    auto found = release(version);
    if (!found)
        return std::unexpected(found.error());
    auto sources = phaseSources(*found);
    if (!sources)
        return std::unexpected(sources.error());
    // After one tick: no Markdown parsed, only the changed rows read (checklist_cache.h says why
    // that is all that changed). Inside a write transaction nothing is cached: it may roll back.
    if (!m_writing && m_checklists.find(found->id, *sources)) {
        auto mark = itemRowsMark(*found);
        if (!mark)
            return std::unexpected(mark.error());
        const ChecklistRowsMark cached = m_checklists.mark(found->id);
        if (*mark == cached)
            return *m_checklists.find(found->id, *sources);
        if (mark->rows == cached.rows && mark->highSeq > cached.highSeq) {
            auto changed = itemRows(*found, cached.highSeq);
            if (!changed)
                return std::unexpected(changed.error());
            m_checklists.apply(found->id, *changed, mark->rows);
            return *m_checklists.find(found->id, *sources);
        }
    }
    auto list = parseSnapshot(*found, *sources);
    if (!list)
        return list;
    auto rows = itemRows(*found, std::nullopt);
    if (!rows)
        return std::unexpected(rows.error());
    // Keyed once: a lookup per row would be quadratic (5,000 items took 70 ms).
    QHash<QString, ChecklistItem *> byKey;
    for (ChecklistPhase &phase : list->phases)
        for (ChecklistSection &section : phase.sections)
            for (ChecklistItem &i : section.items)
                byKey.insert(i.key, &i);
    for (const ChecklistItemRow &row : std::as_const(*rows))
        if (ChecklistItem *item = byKey.value(row.key))
            applyItemRow(*item, row);
    if (!m_writing)
        m_checklists.store(found->id, std::move(*sources), *list, *rows);
    return list;
}

Result<QJsonObject> StoreWorker::itemBefore(const ReleaseRecord &release, ChecklistItem &item)
{
    const QString &key = item.key;
    auto found = run(
        QStringLiteral("SELECT state, note, na_reason, evidence, row_version, who, at FROM checklist_items "
                       "WHERE release_id = ? AND key = ?"),
        {release.id, key}, QStringLiteral("cannot read item %1").arg(key));
    if (!found)
        return std::unexpected(found.error());
    QSqlQuery &q = **found;
    if (q.next()) {
        const QStringList saved {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(5).toString(), q.value(6).toString()};
        // Inside the write transaction (writers are serialised), so current + 1 is what we save.
        const int current = q.value(4).toInt();
        q.finish();
        if (item.rowVersion > 0 && item.rowVersion != current)
            return fail(ErrorCode::Conflict,
                QStringLiteral(
                    "item %1 of %2 was changed by %3 at %4 after you read it (version %5, you had %6): "
                    "reload it and try again")
                    .arg(key, release.version, saved[4], saved[5])
                    .arg(current)
                    .arg(item.rowVersion));
        item.rowVersion = current + 1;
        return itemJson(saved[0], saved[1], saved[2], saved[3]);
    }
    q.finish();
    item.rowVersion = 1;
    // No row yet (a database written before rows were made up front): the snapshot decides.
    auto snapshot = loadSnapshot(release);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    if (!snapshot->findItem(key))
        return fail(ErrorCode::NotFound,
            QStringLiteral("release %1 has no checklist item %2").arg(release.version, key));
    return itemJson(itemStateName(ItemState::Open), {}, {}, {});
}

Status StoreWorker::saveItem(qint64 releaseId, const ChecklistItem &item, qint64 auditSeq)
{
    auto saved
        = run(QStringLiteral("INSERT INTO checklist_items (state, who, at, note, na_reason, evidence, "
                             "audit_seq, release_id, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT "
                             "(release_id, key) DO UPDATE SET state = excluded.state, who = excluded.who, "
                             "at = excluded.at, note = excluded.note, na_reason = excluded.na_reason, "
                             "evidence = excluded.evidence, audit_seq = excluded.audit_seq, "
                             "row_version = checklist_items.row_version + 1"),
            {itemStateName(item.state), text(item.who), item.when.toString(Qt::ISODateWithMs),
                text(item.note), text(item.naReason), text(item.evidence), auditSeq, releaseId,
                text(item.key)},
            QStringLiteral("cannot save item %1").arg(item.key));
    if (!saved)
        return std::unexpected(saved.error());
    return {};
}

Result<ChecklistItem> StoreWorker::setItemState(
    const QString &version, ChecklistItem item, const QString &actor)
{
    if (item.state == ItemState::NotApplicable && item.naReason.trimmed().isEmpty())
        return fail(
            ErrorCode::BadInput, QStringLiteral("%1: marking an item N/A needs a reason").arg(item.key));
    item.who = actor;
    item.when = now();
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        auto found = release(version);
        if (!found)
            return std::unexpected(found.error());
        const auto before = itemBefore(*found, item);
        if (!before)
            return std::unexpected(before.error());
        const auto seq = nextAuditSeq();
        if (!seq)
            return std::unexpected(seq.error());
        if (auto saved = saveItem(found->id, item, *seq); !saved)
            return saved;
        const QString state = itemStateName(item.state);
        tx.then = [version, item](Store *store) { emit store->itemChanged(version, item); };
        return record(AuditEntry {0, item.when, actor, QStringLiteral("item.") + state, version, item.key,
                          *before, itemJson(state, item.note, item.naReason, item.evidence), {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return item;
}

Status StoreWorker::insertChecklistPhase(
    const ReleaseRecord &release, const ChecklistPhase &phase, qint64 auditSeq)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT COALESCE(MAX(position), -1), SUM(CASE WHEN name = ? THEN 1 ELSE 0 END) FROM "
                       "checklist_phases WHERE release_id = ?"));
    q.addBindValue(phase.name);
    q.addBindValue(release.id);
    if (auto ok = exec(q, QStringLiteral("cannot read the checklist of %1").arg(release.version)); !ok)
        return ok;
    q.next();
    if (q.value(1).toInt() > 0)
        return fail(ErrorCode::Conflict,
            QStringLiteral("the checklist of %1 already has a phase %2").arg(release.version, phase.name));
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO checklist_phases (release_id, position, name, title, source) VALUES (?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(release.id), QVariant(q.value(0).toInt() + 1), text(phase.name),
             text(phase.title), text(phase.source)})
        insert.addBindValue(v);
    if (auto ok = exec(insert, QStringLiteral("cannot add phase %1").arg(phase.name)); !ok)
        return ok;
    QSqlQuery item(m_db);
    item.prepare(QStringLiteral("INSERT INTO checklist_items (release_id, key, audit_seq) VALUES (?, ?, ?)"));
    for (const ChecklistSection &section : phase.sections) {
        for (const ChecklistItem &it : section.items) {
            item.addBindValue(release.id);
            item.addBindValue(it.key);
            item.addBindValue(auditSeq);
            if (auto ok = exec(item, QStringLiteral("cannot add item %1").arg(it.key)); !ok)
                return ok;
        }
    }
    return {};
}

Result<Checklist> StoreWorker::appendChecklistPhase(
    const QString &version, const ChecklistPhase &phase, const QString &actor)
{
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = version;
        auto found = release(version);
        if (!found)
            return std::unexpected(found.error());
        const auto seq = nextAuditSeq();
        if (!seq)
            return std::unexpected(seq.error());
        if (auto done = insertChecklistPhase(*found, phase, *seq); !done)
            return done;
        return record(
            AuditEntry {0, now(), actor, QStringLiteral("checklist.append"), version, phase.name, {},
                {{QStringLiteral("phase"), phase.name}, {QStringLiteral("items"), phase.itemCount()}}, {},
                {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return checklist(version);
}

}  // namespace cockpit
