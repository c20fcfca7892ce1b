// Rollbacks in the store (migration 008): Store's entry points and the worker's half for asking,
// approving, reading and stepping. A step is saved before it runs (running, attempt, runner) and
// after (final state, exit code, output tail), each save one transaction with its audit entry.
// Finishing, aborting, deploy locks and the checklist append are in store_rollback_finish.cpp;
// appending the checklist is in store_checklists.cpp.
#include "rollback_json.h"
#include "redactor.h"
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cockpit {

QFuture<Result<RollbackRecord>> Store::createRollback(RollbackRecord rollback, QString actor)
{
    return enqueue(
        m_worker.get(), [w = m_worker.get(), rollback = std::move(rollback), actor = std::move(actor)] {
            return w->createRollback(rollback, actor);
        });
}

QFuture<Result<RollbackRecord>> Store::approveRollback(qint64 id, QString actor)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), id, actor = std::move(actor)] { return w->approveRollback(id, actor); });
}

QFuture<Result<RollbackRecord>> Store::rollback(qint64 id)
{
    return enqueue(m_worker.get(), [w = m_worker.get(), id] { return w->rollback(id); });
}

QFuture<Result<QList<RollbackRecord>>> Store::rollbacks(QString version)
{
    return enqueue(
        m_worker.get(), [w = m_worker.get(), version = std::move(version)] { return w->rollbacks(version); });
}

QFuture<Result<RollbackRecord>> Store::saveRollbackStep(
    qint64 id, RollbackStepRecord step, std::optional<RollbackState> state, QString note, QString actor)
{
    step.output = Redactor::redact(step.output);
    step.note = Redactor::redact(step.note);
    return enqueue(m_worker.get(),
        [w = m_worker.get(), id, step = std::move(step), state, note = Redactor::redact(note),
            actor = std::move(actor)] { return w->saveRollbackStep(id, step, state, note, actor); });
}

namespace {

const QString kRollbackColumns
    = QStringLiteral("id, version, state, plan_json, requested_by, requested_at, approved_by, approved_at, "
                     "finished_at, note");

RollbackRecord rollbackFromRow(const QSqlQuery &q)
{
    RollbackRecord r;
    r.id = q.value(0).toLongLong();
    r.version = q.value(1).toString();
    r.state = rollbackStateFromName(q.value(2).toString()).value_or(RollbackState::Halted);
    r.plan = rollbackPlanFromJson(QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object());
    r.requestedBy = q.value(4).toString();
    r.requestedAt = StoreWorker::timeOf(q.value(5));
    r.approvedBy = q.value(6).toString();
    r.approvedAt = StoreWorker::timeOf(q.value(7));
    r.finishedAt = StoreWorker::timeOf(q.value(8));
    r.note = q.value(9).toString();
    return r;
}

QJsonObject stepAudit(const RollbackStepRecord &step)
{
    QJsonObject o {{QStringLiteral("index"), step.index}, {QStringLiteral("name"), step.name},
        {QStringLiteral("state"), rollbackStepStateName(step.state)},
        {QStringLiteral("attempt"), step.attempt}};
    if (step.exitCode)
        o.insert(QStringLiteral("exit_code"), *step.exitCode);
    if (!step.note.isEmpty())
        o.insert(QStringLiteral("note"), step.note);
    return o;
}

}  // namespace

Result<std::optional<RollbackRecord>> StoreWorker::findRollback(qint64 id)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM rollbacks WHERE id = ?").arg(kRollbackColumns));
    q.addBindValue(id);
    if (auto ok = exec(q, QStringLiteral("cannot read rollback %1").arg(id)); !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return std::optional<RollbackRecord> {};
    RollbackRecord r = rollbackFromRow(q);
    QSqlQuery s(m_db);
    s.setForwardOnly(true);
    s.prepare(
        QStringLiteral("SELECT idx, name, state, attempt, started_at, finished_at, exit_code, output, note, "
                       "actor, runner FROM rollback_steps WHERE rollback_id = ? ORDER BY idx"));
    s.addBindValue(id);
    if (auto ok = exec(s, QStringLiteral("cannot read the steps of rollback %1").arg(id)); !ok)
        return std::unexpected(ok.error());
    while (s.next()) {
        RollbackStepRecord step;
        step.index = s.value(0).toInt();
        step.name = s.value(1).toString();
        step.state = rollbackStepStateFromName(s.value(2).toString()).value_or(RollbackStepState::Pending);
        step.attempt = s.value(3).toInt();
        step.startedAt = timeOf(s.value(4));
        step.finishedAt = timeOf(s.value(5));
        if (!s.value(6).isNull())
            step.exitCode = s.value(6).toInt();
        step.output = s.value(7).toString();
        step.note = s.value(8).toString();
        step.actor = s.value(9).toString();
        step.runner = s.value(10).toString();
        r.steps << step;
    }
    return std::optional<RollbackRecord> {r};
}

Result<RollbackRecord> StoreWorker::rollback(qint64 id)
{
    auto found = findRollback(id);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(ErrorCode::NotFound, QStringLiteral("no rollback %1").arg(id));
    return **found;
}

Result<QList<RollbackRecord>> StoreWorker::rollbacks(const QString &version)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM rollbacks WHERE ? = '' OR version = ? ORDER BY id DESC"));
    q.addBindValue(text(version));
    q.addBindValue(text(version));
    if (auto ok = exec(q, QStringLiteral("cannot list rollbacks")); !ok)
        return std::unexpected(ok.error());
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    QList<RollbackRecord> list;
    for (qint64 id : ids) {
        auto r = rollback(id);
        if (!r)
            return std::unexpected(r.error());
        list << *r;
    }
    return list;
}

Result<RollbackRecord> StoreWorker::createRollback(RollbackRecord rollback, const QString &actor)
{
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = rollback.version;
        auto release = findRelease(rollback.version);
        if (!release)
            return std::unexpected(release.error());
        if (!*release)
            return fail(ErrorCode::NotFound, QStringLiteral("no release %1").arg(rollback.version));
        QSqlQuery open(m_db);
        open.prepare(QStringLiteral("SELECT id, state FROM rollbacks WHERE version = ? AND state IN "
                                    "('awaiting_approval', 'running', 'halted')"));
        open.addBindValue(rollback.version);
        if (auto done = exec(open, QStringLiteral("cannot read rollbacks")); !done)
            return done;
        if (open.next())
            return fail(ErrorCode::Refused,
                QStringLiteral("release %1 already has an unfinished rollback (#%2, %3): resume or abort it")
                    .arg(rollback.version, open.value(0).toString(), open.value(1).toString()));
        rollback.requestedBy = actor;
        rollback.requestedAt = now();
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("INSERT INTO rollbacks (release_id, version, state, environment, target_version, "
                           "reason, trigger_name, "
                           "plan_json, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const QByteArray plan
            = QJsonDocument(rollbackPlanToJson(rollback.plan)).toJson(QJsonDocument::Compact);
        for (const QVariant &v : {QVariant((*release)->id), text(rollback.version),
                 QVariant(rollbackStateName(rollback.state)), text(rollback.plan.environment),
                 text(rollback.plan.targetVersion), text(rollback.plan.reason), text(rollback.plan.trigger),
                 QVariant(QString::fromUtf8(plan)), text(actor), timeValue(rollback.requestedAt)})
            q.addBindValue(v);
        if (auto done = exec(q, QStringLiteral("cannot store the rollback of %1").arg(rollback.version));
            !done)
            return done;
        rollback.id = insertedId(q);
        QSqlQuery step(m_db);
        step.prepare(QStringLiteral("INSERT INTO rollback_steps (rollback_id, idx, name) VALUES (?, ?, ?)"));
        rollback.steps.clear();
        for (const PlannedRollbackStep &planned : rollback.plan.steps) {
            step.addBindValue(rollback.id);
            step.addBindValue(planned.index);
            step.addBindValue(text(planned.name));
            if (auto done = exec(step, QStringLiteral("cannot store step %1").arg(planned.name)); !done)
                return done;
            rollback.steps << RollbackStepRecord {planned.index, planned.name};
        }
        QJsonObject after = rollbackPlanToJson(rollback.plan);
        after.insert(QStringLiteral("id"), rollback.id);
        after.insert(QStringLiteral("state"), rollbackStateName(rollback.state));
        return record(AuditEntry {0, rollback.requestedAt, actor, QStringLiteral("rollback.request"),
                          rollback.version, QString::number(rollback.id), {}, after, {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return rollback;
}

Result<RollbackRecord> StoreWorker::approveRollback(qint64 id, const QString &actor)
{
    return changeRollback(id, [&](RollbackRecord &saved, Transaction &tx) -> Status {
        if (saved.state != RollbackState::AwaitingApproval)
            return fail(ErrorCode::Refused,
                QStringLiteral("rollback #%1 of %2 is %3, not waiting for approval")
                    .arg(QString::number(id), saved.version, rollbackStateName(saved.state)));
        if (actor.isEmpty() || actor.compare(saved.requestedBy, Qt::CaseInsensitive) == 0)
            return fail(ErrorCode::Refused,
                QStringLiteral(
                    "%1 asked for rollback #%2 and cannot approve it: the policy wants a second person")
                    .arg(saved.requestedBy, QString::number(id)));
        saved.approvedBy = actor;
        saved.approvedAt = now();
        saved.state = RollbackState::Running;
        QSqlQuery q(m_db);
        q.prepare(
            QStringLiteral("UPDATE rollbacks SET state = ?, approved_by = ?, approved_at = ? WHERE id = ?"));
        for (const QVariant &v : {QVariant(rollbackStateName(saved.state)), text(actor),
                 timeValue(saved.approvedAt), QVariant(id)})
            q.addBindValue(v);
        if (auto done = exec(q, QStringLiteral("cannot approve rollback %1").arg(id)); !done)
            return done;
        return record(AuditEntry {0, saved.approvedAt, actor, QStringLiteral("rollback.approve"),
                          saved.version, QString::number(id),
                          {{QStringLiteral("state"), rollbackStateName(RollbackState::AwaitingApproval)}},
                          {{QStringLiteral("state"), rollbackStateName(saved.state)},
                              {QStringLiteral("approved_by"), actor}},
                          {}, {}},
            tx);
    });
}

Status StoreWorker::updateRollbackState(
    qint64 id, RollbackState state, const QString &note, const QDateTime &finishedAt)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE rollbacks SET state = ?, note = ?, finished_at = ? WHERE id = ?"));
    for (const QVariant &v : {QVariant(rollbackStateName(state)), text(note),
             finishedAt.isValid() ? timeValue(finishedAt) : QVariant(QMetaType::fromType<QString>()), QVariant(id)})
        q.addBindValue(v);
    return exec(q, QStringLiteral("cannot change rollback %1").arg(id));
}

Result<RollbackRecord> StoreWorker::saveRollbackStep(qint64 id, const RollbackStepRecord &step,
    std::optional<RollbackState> state, const QString &note, const QString &actor)
{
    return inTransaction([&](Transaction &tx) -> Result<RollbackRecord> {
        auto found = rollback(id);
        if (!found)
            return std::unexpected(found.error());
        if (step.index < 0 || step.index >= found->steps.size())
            return fail(
                ErrorCode::NotFound, QStringLiteral("rollback %1 has no step %2").arg(id).arg(step.index));
        const RollbackStepRecord before = found->steps.at(step.index);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral(
            "UPDATE rollback_steps SET state = ?, attempt = ?, started_at = ?, finished_at = ?, "
            "exit_code = ?, output = ?, note = ?, actor = ?, runner = ? WHERE rollback_id = ? "
            "AND idx = ?"));
        for (const QVariant &v : {QVariant(rollbackStepStateName(step.state)), QVariant(step.attempt),
                 timeValue(step.startedAt), timeValue(step.finishedAt),
                 step.exitCode ? QVariant(*step.exitCode) : QVariant(QMetaType::fromType<int>()),
                 text(step.output), text(step.note), text(actor), text(step.runner), QVariant(id),
                 QVariant(step.index)})
            q.addBindValue(v);
        if (auto done = exec(q, QStringLiteral("cannot save step %1 of rollback %2").arg(step.name).arg(id));
            !done)
            return std::unexpected(done.error());
        QJsonObject after = stepAudit(step);
        if (state) {
            if (auto done = updateRollbackState(id, *state, note, QDateTime()); !done)
                return std::unexpected(done.error());
            after.insert(QStringLiteral("rollback_state"), rollbackStateName(*state));
        }
        if (auto done
            = record(AuditEntry {0, now(), actor, QStringLiteral("rollback.step"), found->version,
                         QStringLiteral("%1/%2").arg(id).arg(step.index), stepAudit(before), after, {}, {}},
                tx);
            !done)
            return std::unexpected(done.error());
        tx.changedRelease = found->version;
        return rollback(id);
    });
}

}  // namespace cockpit
