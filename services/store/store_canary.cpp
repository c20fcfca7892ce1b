// A canary's events in the store (migration 016): Store's entry points and the worker's half.
// Each event is one row with its "canary.<kind>" audit entry, in one transaction; rows are never
// changed. seq must be the release's next number: a second cockpit that decided on the same state
// gets a Conflict (the unique index) and reads again.
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonObject>

namespace cockpit {

QFuture<Result<CanaryEvent>> Store::appendCanaryEvent(CanaryEvent event, QString environment)
{
    return enqueue(m_worker.get(), [w = m_worker.get(), event = std::move(event), environment = std::move(environment)] {
        return w->appendCanaryEvent(event, environment);
    });
}

QFuture<Result<QList<CanaryEvent>>> Store::canaryEvents(QString version)
{
    return enqueue(m_worker.get(), [w = m_worker.get(), version = std::move(version)] { return w->canaryEvents(version); });
}

Result<CanaryEvent> StoreWorker::appendCanaryEvent(CanaryEvent event, const QString &environment)
{
    if (event.version.isEmpty() || event.actor.isEmpty() || event.seq < 1)
        return fail(ErrorCode::BadInput, QStringLiteral("a canary event needs a release, who records it and its number"));
    event.at = now();
    const QString kind = canaryEventKindName(event.kind);
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = event.version;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO canary_events (release_version, seq, kind, phase, percent, verdict, "
                                 "detail, automatic, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(text(event.version));
        q.addBindValue(event.seq);
        q.addBindValue(text(kind));
        q.addBindValue(event.phase);
        q.addBindValue(event.percent);
        q.addBindValue(text(event.verdict));
        q.addBindValue(text(event.detail));
        q.addBindValue(event.automatic ? 1 : 0);
        q.addBindValue(text(event.actor));
        q.addBindValue(timeValue(event.at));
        if (auto done = exec(q, QStringLiteral("cannot record the canary's %1 for %2 (another cockpit may have acted "
                                               "on it first: look again)")
                                    .arg(kind, event.version));
            !done)
            return done;
        QJsonObject after {{QStringLiteral("phase"), event.phase + 1}, {QStringLiteral("percent"), event.percent},
            {QStringLiteral("environment"), environment}};
        if (!event.verdict.isEmpty())
            after.insert(QStringLiteral("verdict"), event.verdict);
        if (!event.detail.isEmpty())
            after.insert(QStringLiteral("detail"), event.detail);
        if (event.automatic)
            after.insert(QStringLiteral("automatic"), true);
        return record(AuditEntry {0, event.at, event.actor, QStringLiteral("canary.") + kind, event.version,
                          environment, {}, after, {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return event;
}

Result<QList<CanaryEvent>> StoreWorker::canaryEvents(const QString &version)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, seq, kind, phase, percent, verdict, detail, automatic, recorded_by, "
                             "recorded_at FROM canary_events WHERE release_version = ? ORDER BY seq"));
    q.addBindValue(text(version));
    if (auto ok = exec(q, QStringLiteral("cannot read the canary of %1").arg(version)); !ok)
        return std::unexpected(ok.error());
    QList<CanaryEvent> out;
    while (q.next()) {
        const auto kind = canaryEventKindFromName(q.value(2).toString());
        if (!kind)
            return fail(ErrorCode::Internal, QStringLiteral("canary event %1 of %2 has an unknown kind '%3'")
                                                .arg(q.value(1).toString(), version, q.value(2).toString()));
        CanaryEvent e;
        e.id = q.value(0).toLongLong();
        e.seq = q.value(1).toInt();
        e.version = version;
        e.kind = *kind;
        e.phase = q.value(3).toInt();
        e.percent = q.value(4).toInt();
        e.verdict = q.value(5).toString();
        e.detail = q.value(6).toString();
        e.automatic = q.value(7).toInt() != 0;
        e.actor = q.value(8).toString();
        e.at = timeOf(q.value(9));
        out << e;
    }
    return out;
}

}  // namespace cockpit
