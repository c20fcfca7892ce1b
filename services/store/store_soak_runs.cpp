// Soak runs in the store (migration 014, issue 18): every analysis run kept, none
// overwritten. A save is one transaction with its "soak.record" audit entry; the kind of the new
// run (deployment, recheck, what_if) and the deployment it belongs to are decided inside that
// transaction, so two cockpits finishing the same soak cannot both make "the" soak of it.
#include "redactor.h"
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonObject>

namespace cockpit {
namespace {

const QString kRunColumns = QStringLiteral(
    "id, release_version, environment, kind, deployment_id, window_start, window_end, policy_digest, verdict, "
    "recorded_at, recorded_by, decisive");

SoakRun runFrom(const QSqlQuery &q)
{
    SoakRun run;
    run.id = q.value(0).toLongLong();
    run.version = q.value(1).toString();
    run.environment = q.value(2).toString();
    run.kind = soakRunKindFromName(q.value(3).toString()).value_or(SoakRunKind::Recheck);
    if (!q.value(4).isNull())
        run.deploymentId = q.value(4).toLongLong();
    run.windowStart = StoreWorker::timeOf(q.value(5));
    run.windowEnd = StoreWorker::timeOf(q.value(6));
    run.policyDigest = q.value(7).toString();
    run.verdict = q.value(8).toString();
    run.recordedAt = StoreWorker::timeOf(q.value(9));
    run.recordedBy = q.value(10).toString();
    run.decisive = q.value(11).toInt() != 0;
    return run;
}

Result<SoakRunRecording> parsed(SoakRun run, const Result<QByteArray> &json)
{
    if (!json)
        return std::unexpected(json.error());
    auto recording = parseSoakRecording(*json);
    if (!recording)
        return std::unexpected(recording.error());
    return SoakRunRecording {std::move(run), std::move(*recording)};
}

}  // namespace

QFuture<Result<SoakRun>> Store::saveSoakRecording(
    QString version, QString environment, QByteArray json, QString verdict, QString actor, bool whatIf, bool decisive)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version), environment = std::move(environment),
            json = Redactor::redact(json), verdict = std::move(verdict), actor = std::move(actor), whatIf, decisive] {
            return w->saveSoakRun(version, environment, json, verdict, actor, whatIf, decisive);
        });
}

QFuture<Result<QList<SoakRun>>> Store::soakRuns(QString version, QString environment)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version), environment = std::move(environment)] {
            return w->soakRuns(version, environment);
        });
}

QFuture<Result<SoakRunRecording>> Store::releaseSoakRun(QString version, QString environment)
{
    // Parsed here, on the worker's thread: the window gets the fields, never the JSON.
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version),
            environment = std::move(environment)]() -> Result<SoakRunRecording> {
            auto run = w->releaseSoakRun(version, environment);
            if (!run)
                return std::unexpected(run.error());
            return parsed(*run, w->soakRunJson(run->id));
        });
}

QFuture<Result<SoakRunRecording>> Store::soakRun(qint64 id)
{
    return enqueue(m_worker.get(), [w = m_worker.get(), id]() -> Result<SoakRunRecording> {
        auto run = w->soakRunById(id);
        if (!run)
            return std::unexpected(run.error());
        return parsed(*run, w->soakRunJson(id));
    });
}

QFuture<Result<SoakRecording>> Store::soakRecording(QString version, QString environment)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version),
            environment = std::move(environment)]() -> Result<SoakRecording> {
            auto run = w->releaseSoakRun(version, environment);
            if (!run)
                return std::unexpected(run.error());
            auto json = w->soakRunJson(run->id);
            if (!json)
                return std::unexpected(json.error());
            return parseSoakRecording(*json);
        });
}

QFuture<Result<QByteArray>> Store::soakRecordingJson(QString version, QString environment)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), version = std::move(version),
            environment = std::move(environment)]() -> Result<QByteArray> {
            auto run = w->releaseSoakRun(version, environment);
            if (!run)
                return std::unexpected(run.error());
            return w->soakRunJson(run->id);
        });
}

Result<std::optional<std::pair<qint64, QDateTime>>> StoreWorker::latestDeployment(
    const QString &version, const QString &environment, const QDateTime &notAfter)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT d.id, d.deployed_at FROM deployments d JOIN releases r ON r.id = d.release_id "
                             "WHERE r.version = ? AND d.environment = ? %1 ORDER BY d.deployed_at DESC, d.id DESC "
                             "LIMIT 1")
                  .arg(notAfter.isValid() ? QStringLiteral("AND d.deployed_at <= ?") : QString()));
    q.addBindValue(text(version));
    q.addBindValue(text(environment));
    if (notAfter.isValid())
        q.addBindValue(timeValue(notAfter));
    if (auto ok = exec(q, QStringLiteral("cannot read the deployments of %1 to %2").arg(version, environment)); !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return std::optional<std::pair<qint64, QDateTime>> {};
    return std::optional(std::pair {q.value(0).toLongLong(), timeOf(q.value(1))});
}

Result<SoakRun> StoreWorker::saveSoakRun(const QString &version, const QString &environment,
    const QByteArray &json, const QString &verdict, const QString &actor, bool whatIf, bool decisive)
{
    if (environment.isEmpty() || json.isEmpty())
        return fail(
            ErrorCode::BadInput, QStringLiteral("a soak recording needs an environment and its JSON"));
    // The window and the rules it was judged by, read from the recording (a recording that cannot
    // be read is still kept, with neither).
    SoakRun run;
    run.version = version;
    run.environment = environment;
    run.verdict = verdict;
    run.recordedBy = actor;
    if (auto recording = parseSoakRecording(json)) {
        run.windowStart = recording->start;
        QList<SoakCheckPolicy> checks;
        for (const RecordedCheck &check : recording->checks)
            checks << check.policy;
        run.windowEnd = soakEnd(checks, recording->start, recording->duration);
        run.policyDigest = soakPolicyDigest(*recording);
    }
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = version;
        run.recordedAt = now();
        // A soak window belongs to the latest deployment there that it does not start before.
        auto deployed = latestDeployment(version, environment, run.windowStart);
        if (!deployed)
            return std::unexpected(deployed.error());
        if (*deployed) {
            run.deploymentId = (*deployed)->first;
            run.deployedAt = (*deployed)->second;
        }
        auto existing = soakRuns(version, environment);
        if (!existing)
            return std::unexpected(existing.error());
        run.kind = kindForNewRun(whatIf, run.deploymentId, *existing);
        run.decisive = decisive && run.kind == SoakRunKind::Deployment;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "INSERT INTO soak_runs (release_version, environment, kind, deployment_id, window_start, window_end, "
            "policy_digest, verdict, decisive, recorded_at, recorded_by, recording_json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v : {text(version), text(environment), QVariant(soakRunKindName(run.kind)),
                 run.deploymentId ? QVariant(*run.deploymentId) : QVariant(QMetaType(QMetaType::LongLong)),
                 text(run.windowStart.isValid() ? run.windowStart.toUTC().toString(Qt::ISODateWithMs) : QString()),
                 text(run.windowEnd.isValid() ? run.windowEnd.toUTC().toString(Qt::ISODateWithMs) : QString()),
                 text(run.policyDigest), text(run.verdict), QVariant(run.decisive ? 1 : 0), timeValue(run.recordedAt), text(actor),
                 QVariant(QString::fromUtf8(json))})
            q.addBindValue(v);
        if (auto done = exec(q, QStringLiteral("cannot save the soak of %1 in %2").arg(version, environment));
            !done)
            return done;
        run.id = insertedId(q);
        QJsonObject after {{QStringLiteral("run"), run.id}, {QStringLiteral("kind"), soakRunKindName(run.kind)},
            {QStringLiteral("verdict"), verdict}, {QStringLiteral("decisive"), run.decisive},
            {QStringLiteral("policy_digest"), run.policyDigest}};
        if (run.deploymentId)
            after.insert(QStringLiteral("deployment"), *run.deploymentId);
        if (run.windowStart.isValid())
            after.insert(QStringLiteral("start"), run.windowStart.toUTC().toString(Qt::ISODate));
        if (run.windowEnd.isValid())
            after.insert(QStringLiteral("end"), run.windowEnd.toUTC().toString(Qt::ISODate));
        return record(AuditEntry {0, run.recordedAt, actor, QStringLiteral("soak.record"), version, environment,
                          {}, after, {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return run;
}

Result<QList<SoakRun>> StoreWorker::soakRuns(const QString &version, const QString &environment)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM soak_runs WHERE release_version = ? %2 ORDER BY id")
                  .arg(kRunColumns, environment.isEmpty() ? QString() : QStringLiteral("AND environment = ?")));
    q.addBindValue(text(version));
    if (!environment.isEmpty())
        q.addBindValue(text(environment));
    if (auto ok = exec(q, QStringLiteral("cannot read the soak runs of %1").arg(version)); !ok)
        return std::unexpected(ok.error());
    QList<SoakRun> runs;
    while (q.next())
        runs << runFrom(q);
    // The deployment's time, for naming it ("deployment of 10:02").
    for (SoakRun &run : runs) {
        if (!run.deploymentId)
            continue;
        QSqlQuery d(m_db);
        d.prepare(QStringLiteral("SELECT deployed_at FROM deployments WHERE id = ?"));
        d.addBindValue(*run.deploymentId);
        if (d.exec() && d.next())
            run.deployedAt = timeOf(d.value(0));
    }
    return runs;
}

Result<SoakRun> StoreWorker::releaseSoakRun(const QString &version, const QString &environment)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    auto deployed = latestDeployment(version, environment, {});
    if (!deployed)
        return std::unexpected(deployed.error());
    auto runs = soakRuns(version, environment);
    if (!runs)
        return std::unexpected(runs.error());
    const auto latest = *deployed ? std::optional((*deployed)->first) : std::nullopt;
    if (auto run = cockpit::releaseSoakRun(*runs, latest))
        return *run;
    if (!*deployed)
        return fail(ErrorCode::NotFound, QStringLiteral("no soak of %1 in %2 is recorded").arg(version, environment));
    return fail(ErrorCode::NotFound,
        QStringLiteral("no soak of %1 in %2 is recorded for its latest deployment there (%3)")
            .arg(version, environment, (*deployed)->second.toUTC().toString(Qt::ISODate)));
}

Result<SoakRun> StoreWorker::soakRunById(qint64 id)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM soak_runs WHERE id = ?").arg(kRunColumns));
    q.addBindValue(id);
    if (auto ok = exec(q, QStringLiteral("cannot read soak run %1").arg(id)); !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return fail(ErrorCode::NotFound, QStringLiteral("no soak run #%1 is recorded").arg(id));
    return runFrom(q);
}

Result<QByteArray> StoreWorker::soakRunJson(qint64 id)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT recording_json FROM soak_runs WHERE id = ?"));
    q.addBindValue(id);
    if (auto ok = exec(q, QStringLiteral("cannot read soak run %1").arg(id)); !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return fail(ErrorCode::NotFound, QStringLiteral("no soak run #%1 is recorded").arg(id));
    return q.value(0).toString().toUtf8();
}

}  // namespace cockpit
