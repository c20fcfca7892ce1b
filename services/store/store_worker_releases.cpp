// StoreWorker: releases and their checklist instances (the audit half is in store_worker.cpp).
#include "checklist_parser.h"
#include "store.h"
#include "store_worker.h"

#include <QJsonObject>
#include <QSqlError>

namespace cockpit {

namespace {

const QString kReleaseColumns = QStringLiteral("id, version, type, commit_sha, commit_pinned, branch, state, "
                                               "target_date, manager, created_at, row_version");

ReleaseRecord releaseFromRow(const QSqlQuery &q)
{
    ReleaseRecord r;
    r.id = q.value(0).toLongLong();
    r.version = q.value(1).toString();
    r.type = q.value(2).toString();
    r.commit = q.value(3).toString();
    r.commitPinned = q.value(4).toInt() != 0;
    r.branch = q.value(5).toString();
    r.state = releaseStateFromName(q.value(6).toString()).value_or(ReleaseState::Draft);
    r.targetDate = QDate::fromString(q.value(7).toString(), Qt::ISODate);
    r.manager = q.value(8).toString();
    r.createdAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
    r.rowVersion = q.value(10).toInt();
    return r;
}

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

Error notFound(const QString &version)
{
    return Error {ErrorCode::NotFound, QStringLiteral("no release %1").arg(version), {}};
}

}  // namespace

Result<std::optional<ReleaseRecord>> StoreWorker::findRelease(const QString &version)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM releases WHERE version = ?").arg(kReleaseColumns));
    q.addBindValue(version);
    if (auto ok = exec(q, QStringLiteral("cannot read release %1").arg(version)); !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return std::optional<ReleaseRecord> {};
    return std::optional<ReleaseRecord> {releaseFromRow(q)};
}

Status StoreWorker::insertChecklist(qint64 releaseId, const Checklist &checklist)
{
    QSqlQuery phase(m_db);
    phase.prepare(QStringLiteral(
        "INSERT INTO checklist_phases (release_id, position, name, title, source) VALUES (?, ?, ?, ?, ?)"));
    QSqlQuery item(m_db);
    item.prepare(
        QStringLiteral("INSERT INTO checklist_items (release_id, key, state, who, at, note, na_reason, "
                       "evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; i < checklist.phases.size(); ++i) {
        const ChecklistPhase &p = checklist.phases[i];
        for (const auto &value :
            {QVariant(releaseId), QVariant(int(i)), text(p.name), text(p.title), text(p.source)})
            phase.addBindValue(value);
        if (auto ok = exec(phase, QStringLiteral("cannot save phase %1").arg(p.name)); !ok)
            return ok;
        // Every item gets a row now, so a tick on an unknown key is simply "no row to update".
        for (const ChecklistSection &section : p.sections) {
            for (const ChecklistItem &it : section.items) {
                const QVariant at = it.when.isValid() ? QVariant(it.when.toUTC().toString(Qt::ISODateWithMs))
                                                      : QVariant(QMetaType::fromType<QString>());
                for (const auto &value :
                    {QVariant(releaseId), text(it.key), QVariant(itemStateName(it.state)), text(it.who), at,
                        text(it.note), text(it.naReason), text(it.evidence)})
                    item.addBindValue(value);
                if (auto ok = exec(item, QStringLiteral("cannot save item %1").arg(it.key)); !ok)
                    return ok;
            }
        }
    }
    return {};
}

Result<ReleaseRecord> StoreWorker::createRelease(
    ReleaseRecord release, const Checklist &checklist, const QString &actor)
{
    if (release.version.trimmed().isEmpty())
        return fail(ErrorCode::BadInput, QStringLiteral("a release needs a version"));
    release.createdAt = now();
    release.rowVersion = 1;
    if (release.manager.isEmpty())
        release.manager = actor;
    QList<AuditEntry> appended;
    const Status ok = inTransaction([&]() -> Status {
        auto existing = findRelease(release.version);
        if (!existing)
            return std::unexpected(existing.error());
        if (*existing)
            return fail(
                ErrorCode::Conflict, QStringLiteral("release %1 already exists").arg(release.version));
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "INSERT INTO releases (version, type, commit_sha, commit_pinned, branch, state, "
            "target_date, manager, created_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const auto &value : {text(release.version), text(release.type), text(release.commit),
                 QVariant(release.commitPinned ? 1 : 0), text(release.branch),
                 QVariant(releaseStateName(release.state)),
                 release.targetDate.isValid() ? QVariant(release.targetDate.toString(Qt::ISODate))
                                              : QVariant(QMetaType::fromType<QString>()),
                 text(release.manager), QVariant(release.createdAt.toString(Qt::ISODateWithMs)),
                 QVariant(release.rowVersion)})
            q.addBindValue(value);
        if (auto done = exec(q, QStringLiteral("cannot create release %1").arg(release.version)); !done)
            return done;
        release.id = insertedId(q);
        if (auto done = insertChecklist(release.id, checklist); !done)
            return done;
        return record(AuditEntry {0, release.createdAt, actor, QStringLiteral("release.create"),
                          release.version, {}, {}, releaseToJson(release), {}, {}},
            appended);
    });
    if (!ok)
        return std::unexpected(ok.error());
    announceRelease(appended, release.version);
    return release;
}

Result<QList<ReleaseRecord>> StoreWorker::releases()
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM releases ORDER BY created_at, id").arg(kReleaseColumns)))
        return std::unexpected(sqlError(q, QStringLiteral("cannot list releases")));
    QList<ReleaseRecord> list;
    while (q.next())
        list.append(releaseFromRow(q));
    return list;
}

Result<ReleaseRecord> StoreWorker::release(const QString &version)
{
    auto found = findRelease(version);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return std::unexpected(notFound(version));
    return **found;
}

Result<ReleaseRecord> StoreWorker::setReleaseState(
    const QString &version, ReleaseState state, const QString &actor)
{
    ReleaseRecord saved;
    QList<AuditEntry> appended;
    const Status ok = inTransaction([&]() -> Status {
        auto found = release(version);
        if (!found)
            return std::unexpected(found.error());
        saved = *found;
        const ReleaseState before = saved.state;
        saved.state = state;
        saved.rowVersion += 1;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE releases SET state = ?, row_version = ? WHERE id = ?"));
        q.addBindValue(releaseStateName(state));
        q.addBindValue(saved.rowVersion);
        q.addBindValue(saved.id);
        if (auto done = exec(q, QStringLiteral("cannot change release %1").arg(version)); !done)
            return done;
        return record(AuditEntry {0, now(), actor, QStringLiteral("release.state"), version, {},
                          QJsonObject {{QStringLiteral("state"), releaseStateName(before)}},
                          QJsonObject {{QStringLiteral("state"), releaseStateName(state)}}, {}, {}},
            appended);
    });
    if (!ok)
        return std::unexpected(ok.error());
    announceRelease(appended, version);
    return saved;
}

Result<Checklist> StoreWorker::loadSnapshot(const ReleaseRecord &release)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT name, title, source FROM checklist_phases WHERE release_id = ? ORDER BY position"));
    q.addBindValue(release.id);
    if (auto ok = exec(q, QStringLiteral("cannot read the checklist of %1").arg(release.version)); !ok)
        return std::unexpected(ok.error());
    Checklist list;
    while (q.next()) {
        const QString name = q.value(0).toString();
        auto phase = parseChecklist(q.value(2).toString().toUtf8(), name,
            QStringLiteral("release %1/%2.md").arg(release.version, name));
        if (!phase)
            return std::unexpected(phase.error());
        if (!q.value(1).toString().isEmpty())
            phase->title = q.value(1).toString();
        list.phases.append(std::move(*phase));
    }
    return list;
}

Result<Checklist> StoreWorker::checklist(const QString &version)
{
    auto found = release(version);
    if (!found)
        return std::unexpected(found.error());
    auto list = loadSnapshot(*found);
    if (!list)
        return list;
    QSqlQuery items(m_db);
    items.setForwardOnly(true);
    items.prepare(QStringLiteral(
        "SELECT key, state, who, at, note, na_reason, evidence, row_version FROM checklist_items "
        "WHERE release_id = ?"));
    items.addBindValue(found->id);
    if (auto ok = exec(items, QStringLiteral("cannot read the items of %1").arg(version)); !ok)
        return std::unexpected(ok.error());
    while (items.next()) {
        ChecklistItem *item = list->findItem(items.value(0).toString());
        if (!item)
            continue;  // a key the snapshot no longer yields: keep the row, show nothing
        item->state = itemStateFromName(items.value(1).toString()).value_or(ItemState::Open);
        item->who = items.value(2).toString();
        item->when = QDateTime::fromString(items.value(3).toString(), Qt::ISODateWithMs);
        item->note = items.value(4).toString();
        item->naReason = items.value(5).toString();
        item->evidence = items.value(6).toString();
        item->rowVersion = items.value(7).toInt();
    }
    return list;
}

Result<QJsonObject> StoreWorker::itemBefore(const ReleaseRecord &release, ChecklistItem &item)
{
    const QString &key = item.key;
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT state, note, na_reason, evidence, row_version, who, at FROM checklist_items "
                       "WHERE release_id = ? AND key = ?"));
    q.addBindValue(release.id);
    q.addBindValue(key);
    if (auto ok = exec(q, QStringLiteral("cannot read item %1").arg(key)); !ok)
        return std::unexpected(ok.error());
    if (q.next()) {
        // Inside the write transaction (writers are serialised), so current + 1 is what we save.
        const int current = q.value(4).toInt();
        if (item.rowVersion > 0 && item.rowVersion != current)
            return fail(ErrorCode::Conflict,
                QStringLiteral(
                    "item %1 of %2 was changed by %3 at %4 after you read it (version %5, you had %6): "
                    "reload it and try again")
                    .arg(key, release.version, q.value(5).toString(), q.value(6).toString())
                    .arg(current)
                    .arg(item.rowVersion));
        item.rowVersion = current + 1;
        return itemJson(
            q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString());
    }
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

Status StoreWorker::saveItem(qint64 releaseId, const ChecklistItem &item)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO checklist_items (state, who, at, note, na_reason, evidence, release_id, key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (release_id, key) DO UPDATE SET state = excluded.state, "
        "who = excluded.who, at = excluded.at, note = excluded.note, na_reason = excluded.na_reason, "
        "evidence = excluded.evidence, row_version = checklist_items.row_version + 1"));
    for (const auto &value :
        {QVariant(itemStateName(item.state)), text(item.who), QVariant(item.when.toString(Qt::ISODateWithMs)),
            text(item.note), text(item.naReason), text(item.evidence), QVariant(releaseId), text(item.key)})
        q.addBindValue(value);
    return exec(q, QStringLiteral("cannot save item %1").arg(item.key));
}

Result<ChecklistItem> StoreWorker::setItemState(
    const QString &version, ChecklistItem item, const QString &actor)
{
    if (item.state == ItemState::NotApplicable && item.naReason.trimmed().isEmpty())
        return fail(
            ErrorCode::BadInput, QStringLiteral("%1: marking an item N/A needs a reason").arg(item.key));
    item.who = actor;
    item.when = now();
    QList<AuditEntry> appended;
    const Status ok = inTransaction([&]() -> Status {
        auto found = release(version);
        if (!found)
            return std::unexpected(found.error());
        const auto before = itemBefore(*found, item);
        if (!before)
            return std::unexpected(before.error());
        if (auto saved = saveItem(found->id, item); !saved)
            return saved;
        const QString state = itemStateName(item.state);
        return record(AuditEntry {0, item.when, actor, QStringLiteral("item.") + state, version, item.key,
                          *before, itemJson(state, item.note, item.naReason, item.evidence), {}, {}},
            appended);
    });
    if (!ok)
        return std::unexpected(ok.error());
    announce(appended);
    Store *store = m_store;
    QMetaObject::invokeMethod(
        store, [store, version, item] { emit store->itemChanged(version, item); }, Qt::QueuedConnection);
    return item;
}

}  // namespace cockpit
