// Probe results in the store (migration 005) and the versions whose soak passed: Store's entry
// points and the worker's half. Each save is one transaction with its audit entry; the JSON is
// stored as given (ProbeReport defines it). Soak runs are in store_soak_runs.cpp.
#include "redactor.h"
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonObject>
#include <QPromise>

namespace cockpit {

QFuture<Status> Store::saveProbeResult(
    QString version, QString environment, bool ok, QByteArray json, QString actor)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version), environment = std::move(environment), ok,
            json = Redactor::redact(json),
            actor = std::move(actor)] { return w->saveProbeResult(version, environment, ok, json, actor); });
}

QFuture<Result<QByteArray>> Store::latestProbeResult(QString environment, QString version)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), environment = std::move(environment), version = std::move(version)] {
            return w->latestProbeResult(environment, version);
        });
}

QFuture<Result<QStringList>> Store::passedSoakVersions()
{
    return enqueue(m_worker.get(), [w = m_worker.get()] { return w->passedSoakVersions(); });
}

Status StoreWorker::saveProbeResult(
    const QString &version, const QString &environment, bool ok, const QByteArray &json, const QString &actor)
{
    if (environment.isEmpty() || json.isEmpty())
        return fail(ErrorCode::BadInput, QStringLiteral("a probe result needs an environment and its JSON"));
    const Status saved = inTransaction([&](Transaction &tx) -> Status {
        // Numbered here, not by the engine: the write transaction holds the lock, so MAX + 1 is unique.
        QSqlQuery last(m_db);
        last.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM probe_results"));
        if (auto done = exec(last, QStringLiteral("cannot number the probe result")); !done)
            return done;
        const qint64 seq = last.next() ? last.value(0).toLongLong() + 1 : 1;
        const QDateTime at = now();
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("INSERT INTO probe_results (seq, release_version, environment, ok, probed_at, "
                           "result_json) VALUES (?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v : {QVariant(seq), text(version), text(environment), QVariant(ok ? 1 : 0),
                 QVariant(at.toString(Qt::ISODateWithMs)), QVariant(QString::fromUtf8(json))})
            q.addBindValue(v);
        if (auto done = exec(q, QStringLiteral("cannot save the probe of %1").arg(environment)); !done)
            return done;
        return record(AuditEntry {0, at, actor, QStringLiteral("probe.run"), version, environment, {},
                          QJsonObject {{QStringLiteral("ok"), ok}}, {}, {}},
            tx);
    });
    return saved;
}

Result<QByteArray> StoreWorker::latestProbeResult(const QString &environment, const QString &version)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT result_json FROM probe_results WHERE environment = ? %1 ORDER BY seq DESC LIMIT 1")
                  .arg(version.isEmpty() ? QString() : QStringLiteral("AND release_version = ?")));
    q.addBindValue(text(environment));
    if (!version.isEmpty())
        q.addBindValue(version);
    if (auto ok = exec(q, QStringLiteral("cannot read the probes of %1").arg(environment)); !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return fail(ErrorCode::NotFound,
            version.isEmpty() ? QStringLiteral("no probe of %1 is recorded").arg(environment)
                              : QStringLiteral("no probe of %1 in %2 is recorded").arg(version, environment));
    return q.value(0).toString().toUtf8();
}

Result<QStringList> StoreWorker::passedSoakVersions()
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT DISTINCT s.release_version FROM soak_runs s WHERE s.kind <> 'what_if' AND LOWER(s.verdict) = "
            "'pass' AND NOT EXISTS (SELECT 1 FROM soak_runs f WHERE f.release_version = s.release_version "
            "AND f.kind = 'deployment' AND f.decisive = 1 AND LOWER(f.verdict) = 'fail')")))
        return std::unexpected(sqlError(q, QStringLiteral("cannot read soak verdicts")));
    QStringList versions;
    while (q.next())
        versions << q.value(0).toString();
    return versions;
}

}  // namespace cockpit
