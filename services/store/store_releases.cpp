// Releases in the store: Store's entry points and the worker's half for creating one with its
// checklist instance, listing, reading and moving it between states. The items and phases of the
// checklist are in store_checklists.cpp.
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonObject>
#include <QSqlError>

namespace cockpit {

namespace {

const QString kReleaseColumns = QStringLiteral("id, version, type, commit_sha, commit_pinned, branch, state, "
                                               "target_date, manager, created_at, row_version, frozen_commit");

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
    r.frozenCommit = q.value(11).toString();
    return r;
}

Error notFound(const QString &version)
{
    return Error {ErrorCode::NotFound, QStringLiteral("no release %1").arg(version), {}};
}

}  // namespace

QFuture<Result<ReleaseRecord>> Store::createRelease(ReleaseRecord release, Checklist checklist, QString actor)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), release = std::move(release), checklist = std::move(checklist),
            actor = std::move(actor)] { return w->createRelease(release, checklist, actor); });
}

QFuture<Result<QList<ReleaseRecord>>> Store::releases()
{
    return enqueue(m_worker.get(), [w = m_worker.get()] { return w->releases(); });
}

QFuture<Result<ReleaseRecord>> Store::release(QString version)
{
    return enqueue(
        m_worker.get(), [w = m_worker.get(), version = std::move(version)] { return w->release(version); });
}

QFuture<Result<ReleaseRecord>> Store::setReleaseState(QString version, ReleaseState state, QString actor)
{
    return enqueue(
        m_worker.get(), [w = m_worker.get(), version = std::move(version), state, actor = std::move(actor)] {
            return w->setReleaseState(version, state, actor);
        });
}

Result<std::optional<ReleaseRecord>> StoreWorker::findRelease(const QString &version)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    static const QString sql
        = QStringLiteral("SELECT %1 FROM releases WHERE version = ?").arg(kReleaseColumns);
    auto q = run(sql, {version}, QStringLiteral("cannot read release %1").arg(version));
    if (!q)
        return std::unexpected(q.error());
    std::optional<ReleaseRecord> found;
    if ((*q)->next())
        found = releaseFromRow(**q);
    (*q)->finish();
    return found;
}

Status StoreWorker::insertChecklist(qint64 releaseId, const Checklist &checklist, qint64 auditSeq)
{
    QSqlQuery phase(m_db);
    phase.prepare(QStringLiteral(
        "INSERT INTO checklist_phases (release_id, position, name, title, source) VALUES (?, ?, ?, ?, ?)"));
    QSqlQuery item(m_db);
    item.prepare(
        QStringLiteral("INSERT INTO checklist_items (release_id, key, state, who, at, note, na_reason, "
                       "evidence, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
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
                        text(it.note), text(it.naReason), text(it.evidence), QVariant(auditSeq)})
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
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = release.version;
        auto existing = findRelease(release.version);
        if (!existing)
            return std::unexpected(existing.error());
        if (*existing)
            return fail(
                ErrorCode::Conflict, QStringLiteral("release %1 already exists").arg(release.version));
        const auto seq = nextAuditSeq();  // release.create's, named by the release and its items
        if (!seq)
            return std::unexpected(seq.error());
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "INSERT INTO releases (version, type, commit_sha, commit_pinned, branch, state, "
            "target_date, manager, created_at, row_version, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const auto &value : {text(release.version), text(release.type), text(release.commit),
                 QVariant(release.commitPinned ? 1 : 0), text(release.branch),
                 QVariant(releaseStateName(release.state)),
                 release.targetDate.isValid() ? QVariant(release.targetDate.toString(Qt::ISODate))
                                              : QVariant(QMetaType::fromType<QString>()),
                 text(release.manager), QVariant(release.createdAt.toString(Qt::ISODateWithMs)),
                 QVariant(release.rowVersion), QVariant(*seq)})
            q.addBindValue(value);
        if (auto done = exec(q, QStringLiteral("cannot create release %1").arg(release.version)); !done)
            return done;
        release.id = insertedId(q);
        if (auto done = insertChecklist(release.id, checklist, *seq); !done)
            return done;
        return record(AuditEntry {0, release.createdAt, actor, QStringLiteral("release.create"),
                          release.version, {}, {}, releaseToJson(release), {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
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
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = version;
        auto found = release(version);
        if (!found)
            return std::unexpected(found.error());
        saved = *found;
        const ReleaseState before = saved.state;
        saved.state = state;
        saved.rowVersion += 1;
        const auto seq = nextAuditSeq();
        if (!seq)
            return std::unexpected(seq.error());
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE releases SET state = ?, row_version = ?, audit_seq = ? WHERE id = ?"));
        q.addBindValue(releaseStateName(state));
        q.addBindValue(saved.rowVersion);
        q.addBindValue(*seq);
        q.addBindValue(saved.id);
        if (auto done = exec(q, QStringLiteral("cannot change release %1").arg(version)); !done)
            return done;
        return record(AuditEntry {0, now(), actor, QStringLiteral("release.state"), version, {},
                          QJsonObject {{QStringLiteral("state"), releaseStateName(before)}},
                          QJsonObject {{QStringLiteral("state"), releaseStateName(state)}}, {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return saved;
}

}  // namespace cockpit
