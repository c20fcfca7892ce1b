// Gate results in the store (migration 010): Store's entry points and the worker's half. A process
// gate is saved running before it starts (with the host:pid running it) and updated with its
// outcome; each save is one transaction with its "gate.result" audit entry. Inside that transaction
// (SQLite's write lock, PostgreSQL's writers' advisory lock) a second cockpit asking to run a gate
// another live cockpit is running is refused with who runs it.
#include "gate_runner.h"
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonObject>

namespace cockpit {

namespace {

const QString kColumns = QStringLiteral(
    "id, release_version, name, kind, status, exit_code, duration_ms, output_tail, commit_sha, ran_by, "
    "ran_at, note, runner, timeout_ms");

GateResult gateFromRow(const QSqlQuery &q)
{
    GateResult r;
    r.id = q.value(0).toLongLong();
    r.version = q.value(1).toString();
    r.name = q.value(2).toString();
    r.kind = q.value(3).toString();
    r.status = gateStatusFromName(q.value(4).toString()).value_or(GateStatus::NotRun);
    r.exitCode = q.value(5).toInt();
    r.durationMs = q.value(6).toLongLong();
    r.outputTail = q.value(7).toString();
    r.commit = q.value(8).toString();
    r.ranBy = q.value(9).toString();
    r.ranAt = StoreWorker::timeOf(q.value(10));
    r.note = q.value(11).toString();
    r.runner = q.value(12).toString();
    r.timeoutMs = q.value(13).toLongLong();
    return r;
}

}  // namespace

QFuture<Result<GateResult>> Store::saveGateResult(GateResult result)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), result = std::move(result)] { return w->saveGateResult(result); });
}

QFuture<Result<QList<GateResult>>> Store::gateResults(QString version)
{
    return enqueue(
        m_worker.get(), [w = m_worker.get(), version = std::move(version)] { return w->gateResults(version); });
}

Result<std::optional<GateResult>> StoreWorker::latestGateResult(const QString &version, const QString &name)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM gate_results WHERE release_version = ? AND name = ? "
                             "ORDER BY id DESC LIMIT 1")
                  .arg(kColumns));
    q.addBindValue(text(version));
    q.addBindValue(text(name));
    if (auto ok = exec(q, QStringLiteral("cannot read gate '%1' of %2").arg(name, version)); !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return std::optional<GateResult> {};
    return std::optional<GateResult> {withInterruption(gateFromRow(q), now())};
}

Result<GateResult> StoreWorker::saveGateResult(GateResult result)
{
    if (result.version.isEmpty() || result.name.trimmed().isEmpty())
        return fail(ErrorCode::BadInput, QStringLiteral("a gate result needs a release and a gate name"));
    if (!result.ranAt.isValid())
        result.ranAt = now();
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = result.version;
        if (result.id == 0 && result.status == GateStatus::Running) {
            auto latest = latestGateResult(result.version, result.name);
            if (!latest)
                return std::unexpected(latest.error());
            if (*latest && (*latest)->status == GateStatus::Running && (*latest)->runner != result.runner)
                return fail(ErrorCode::Conflict,
                    QStringLiteral("gate '%1' of %2 is being run by %3 (%4) since %5; wait for its result")
                        .arg(result.name, result.version, (*latest)->ranBy, (*latest)->runner,
                            (*latest)->ranAt.toString(Qt::ISODate)));
        }
        const QVariantList values {text(result.version), text(result.name), text(result.kind),
            gateStatusName(result.status), result.exitCode, result.durationMs, text(result.outputTail),
            text(result.commit), text(result.ranBy), timeValue(result.ranAt), text(result.note),
            text(result.runner), result.timeoutMs};
        QSqlQuery q(m_db);
        if (result.id == 0) {
            q.prepare(QStringLiteral("INSERT INTO gate_results (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                          .arg(kColumns.section(u',', 1).trimmed()));
        } else {
            q.prepare(QStringLiteral(
                "UPDATE gate_results SET release_version = ?, name = ?, kind = ?, status = ?, exit_code = ?, "
                "duration_ms = ?, output_tail = ?, commit_sha = ?, ran_by = ?, ran_at = ?, note = ?, "
                "runner = ?, timeout_ms = ? WHERE id = ?"));
        }
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (result.id != 0)
            q.addBindValue(result.id);
        if (auto done = exec(q, QStringLiteral("cannot save gate '%1' of %2").arg(result.name, result.version));
            !done)
            return done;
        if (result.id == 0)
            result.id = insertedId(q);
        else if (q.numRowsAffected() != 1)
            return fail(ErrorCode::NotFound, QStringLiteral("no gate result %1 to update").arg(result.id));
        return record(AuditEntry {0, now(), result.ranBy, QStringLiteral("gate.result"), result.version,
                          result.name, {},
                          QJsonObject {{QStringLiteral("kind"), result.kind},
                              {QStringLiteral("status"), gateStatusName(result.status)},
                              {QStringLiteral("exit_code"), result.exitCode},
                              {QStringLiteral("duration_ms"), result.durationMs},
                              {QStringLiteral("commit"), result.commit},
                              {QStringLiteral("note"), result.note}},
                          {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return result;
}

Result<QList<GateResult>> StoreWorker::gateResults(const QString &version)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM gate_results g WHERE release_version = ? AND id = (SELECT MAX(id) "
                             "FROM gate_results WHERE release_version = g.release_version AND name = g.name) "
                             "ORDER BY id")
                  .arg(kColumns));
    q.addBindValue(text(version));
    if (auto ok = exec(q, QStringLiteral("cannot read the gates of %1").arg(version)); !ok)
        return std::unexpected(ok.error());
    QList<GateResult> results;
    const QDateTime at = now();
    while (q.next())
        results << withInterruption(gateFromRow(q), at);
    return results;
}

}  // namespace cockpit
