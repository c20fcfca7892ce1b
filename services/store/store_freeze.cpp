// Stop-the-line in the store (migration 014): Store's entry points and the worker's half. Start
// and end are each one transaction with their "freeze.start" / "freeze.end" audit entry; the
// unique index on the active row makes a second start a Conflict even between two workstations.
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonObject>

namespace cockpit {

namespace {

const QString kColumns
    = QStringLiteral("id, reason, started_by, started_at, ended_by, ended_at");

StopTheLine stopFromRow(const QSqlQuery &q)
{
    StopTheLine s;
    s.id = q.value(0).toLongLong();
    s.reason = q.value(1).toString();
    s.startedBy = q.value(2).toString();
    s.startedAt = StoreWorker::timeOf(q.value(3));
    s.endedBy = q.value(4).toString();
    s.endedAt = StoreWorker::timeOf(q.value(5));
    return s;
}

QJsonObject stopJson(const StopTheLine &s)
{
    QJsonObject o {{QStringLiteral("reason"), s.reason}, {QStringLiteral("started_by"), s.startedBy},
        {QStringLiteral("started_at"), s.startedAt.toUTC().toString(Qt::ISODateWithMs)}};
    if (!s.active()) {
        o.insert(QStringLiteral("ended_by"), s.endedBy);
        o.insert(QStringLiteral("ended_at"), s.endedAt.toUTC().toString(Qt::ISODateWithMs));
    }
    return o;
}

}  // namespace

QFuture<Result<StopTheLine>> Store::startStopTheLine(QString reason, QString actor)
{
    return enqueue(m_worker.get(), [w = m_worker.get(), reason = std::move(reason), actor = std::move(actor)] {
        return w->startStopTheLine(reason, actor);
    });
}

QFuture<Result<StopTheLine>> Store::endStopTheLine(QString reason, QString actor)
{
    return enqueue(m_worker.get(), [w = m_worker.get(), reason = std::move(reason), actor = std::move(actor)] {
        return w->endStopTheLine(reason, actor);
    });
}

QFuture<Result<std::optional<StopTheLine>>> Store::stopTheLine()
{
    return enqueue(m_worker.get(), [w = m_worker.get()] { return w->stopTheLine(); });
}

Result<std::optional<StopTheLine>> StoreWorker::stopTheLine()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM stop_the_line WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1").arg(kColumns));
    if (auto ok = exec(q, QStringLiteral("cannot read the stop-the-line")); !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return std::optional<StopTheLine> {};
    return std::optional<StopTheLine> {stopFromRow(q)};
}

Result<StopTheLine> StoreWorker::startStopTheLine(const QString &reason, const QString &actor)
{
    if (reason.trimmed().isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("stopping the line needs a reason (--reason T)"));
    StopTheLine stop;
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        auto active = stopTheLine();
        if (!active)
            return std::unexpected(active.error());
        if (*active)
            return fail(ErrorCode::Conflict,
                QStringLiteral("the line is already stopped, since %1 by %2: %3")
                    .arg((*active)->startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")),
                        (*active)->startedBy, (*active)->reason));
        stop.reason = reason.trimmed();
        stop.startedBy = actor;
        stop.startedAt = now();
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO stop_the_line (release_version, reason, started_by, started_at) "
                                 "VALUES ('', ?, ?, ?)"));
        for (const QVariant &v : {text(stop.reason), text(actor), timeValue(stop.startedAt)})
            q.addBindValue(v);
        if (auto done = exec(q, QStringLiteral("cannot stop the line")); !done)
            return done;
        stop.id = insertedId(q);
        return record(AuditEntry {0, stop.startedAt, actor, QStringLiteral("freeze.start"), {}, QStringLiteral("stop-the-line"),
                          {}, stopJson(stop), {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return stop;
}

Result<StopTheLine> StoreWorker::endStopTheLine(const QString &reason, const QString &actor)
{
    StopTheLine stop;
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        auto active = stopTheLine();
        if (!active)
            return std::unexpected(active.error());
        if (!*active)
            return fail(ErrorCode::NotFound, QStringLiteral("the line is not stopped: nothing to end"));
        stop = **active;
        stop.endedBy = actor;
        stop.endedAt = now();
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE stop_the_line SET ended_by = ?, ended_at = ?, end_reason = ? "
                                 "WHERE id = ? AND ended_at IS NULL"));
        for (const QVariant &v : {text(actor), timeValue(stop.endedAt), text(reason.trimmed()), QVariant(stop.id)})
            q.addBindValue(v);
        if (auto done = exec(q, QStringLiteral("cannot end the stop-the-line")); !done)
            return done;
        QJsonObject after = stopJson(stop);
        after.insert(QStringLiteral("end_reason"), reason.trimmed());
        return record(AuditEntry {0, stop.endedAt, actor, QStringLiteral("freeze.end"), {}, QStringLiteral("stop-the-line"),
                          stopJson(**active), after, {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return stop;
}

}  // namespace cockpit
