// RollbackService's step loop: each step is stored Running (attempt, start, runner) before it
// starts and stored with its outcome before the next one begins, so a crash leaves the truth.
// A failure halts the loop (retry, skip with a reason, or abort); a step stored Running by a
// process that is gone is Interrupted and only retry() runs it again.
#include "future_watch.h"
#include "release_service.h"
#include "rollback_service_p.h"
#include "shell_variables.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRollbackRun, "cockpit.services.rollback")

namespace cockpit {

namespace {

constexpr qsizetype kOutputTail = 64 * 1024;

bool isFinished(RollbackState state)
{
    return state == RollbackState::Succeeded || state == RollbackState::Aborted;
}

bool needsPerson(const PlannedRollbackStep &step)
{
    return step.kind == RollbackStepKind::Manual || !step.condition.isEmpty();
}

QString instructionFor(const PlannedRollbackStep &step)
{
    if (step.condition.isEmpty())
        return step.instruction;
    QString what = step.instruction;
    if (step.kind == RollbackStepKind::Run)
        what = step.argv.join(u' ');
    else if (step.kind == RollbackStepKind::Shell)
        what = step.shellCommand;
    return QStringLiteral("Only if %1: %2. Does it apply? (done = it applies and runs%3; skip = it does not)")
        .arg(step.condition, step.name, what.isEmpty() ? QString() : QStringLiteral(": ") + what);
}

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

}  // namespace

void RollbackService::Private::refuse(qint64 id, RollbackRefusal refusal, const QString &why)
{
    qCInfo(lcRollbackRun) << "rollback" << id << why;
    emit q->refused(id, refusal, why);
}

void RollbackService::Private::load(qint64 id, std::function<void(const RollbackRecord &)> then)
{
    busy = true;
    whenReady(q, store()->rollback(id), [this, id, then = std::move(then)](Result<RollbackRecord> r) {
        busy = false;
        if (!r) {
            refuse(id, RollbackRefusal::StoreFailed, r.error().toString());
            return;
        }
        if (activeId != id)
            waitingIndex = -1;
        activeId = id;
        record = *r;
        then(record);
    });
}

void RollbackService::Private::save(RollbackStepRecord step, std::optional<RollbackState> state, QString note,
    std::function<void(const RollbackRecord &)> then)
{
    busy = true;
    const qint64 id = activeId;
    whenReady(q, store()->saveRollbackStep(id, std::move(step), state, std::move(note), actor()),
        [this, id, then = std::move(then)](Result<RollbackRecord> r) {
            busy = false;
            if (!r) {
                refuse(id, RollbackRefusal::StoreFailed,
                    QStringLiteral("cannot store the rollback's progress: %1").arg(r.error().toString()));
                return;
            }
            record = *r;
            emit q->rollbackChanged(record);
            then(record);
        });
}

void RollbackService::Private::haltAt(const RollbackRecord &rec, int index, const QString &why)
{
    emit q->halted(rec.id, index, why);
}

void RollbackService::Private::advance(const RollbackRecord &rec)
{
    if (rec.state == RollbackState::AwaitingApproval) {
        refuse(rec.id, RollbackRefusal::AwaitingApproval,
            QStringLiteral("rollback #%1 waits for a second person's approval").arg(rec.id));
        return;
    }
    if (isFinished(rec.state)) {
        emit q->finished(rec);
        return;
    }
    const int i = nextIndex(rec);
    if (i < 0) {
        finishSuccess();
        return;
    }
    const RollbackStepRecord &step = rec.steps.at(i);
    const PlannedRollbackStep planned = rec.plan.steps.value(i);
    if (step.state == RollbackStepState::Running) {
        if (executor)
            return;  // ours, still running
        if (runnerAliveElsewhere(step.runner)) {
            refuse(rec.id, RollbackRefusal::StepBusy,
                QStringLiteral("step %1 (%2) is being run by %3").arg(i + 1).arg(step.name, step.runner));
            return;
        }
        RollbackStepRecord s = step;
        s.state = RollbackStepState::Interrupted;
        s.note
            = QStringLiteral("interrupted: the process running it (%1) stopped before it finished; it is not "
                             "rerun until someone retries it")
                  .arg(step.runner);
        const QString why = QStringLiteral("step %1 (%2) was interrupted").arg(i + 1).arg(step.name);
        save(s, RollbackState::Halted, why, [this, i, why](const RollbackRecord &r) { haltAt(r, i, why); });
        return;
    }
    if (step.state != RollbackStepState::Pending || rec.state == RollbackState::Halted) {
        haltAt(rec, i, rec.note.isEmpty() ? step.note : rec.note);
        return;
    }
    if (needsPerson(planned)) {
        waitingIndex = i;
        emit q->waitingForPerson(rec.id, i, instructionFor(planned));
        return;
    }
    startStep(i);
}

void RollbackService::Private::startStep(int index)
{
    RollbackStepRecord s = record.steps.at(index);
    s.state = RollbackStepState::Running;
    s.attempt += 1;
    s.startedAt = nowUtc();
    s.finishedAt = {};
    s.exitCode.reset();
    s.output.clear();
    s.note.clear();
    s.runner = runnerId();
    waitingIndex = -1;
    save(s, RollbackState::Running, {}, [this, index](const RollbackRecord &rec) {
        const Workspace &ws = releases->workspace();
        RollbackStepExecutor::Context context {ws.root, defaultTimeout, &ws.policy,
            ProbeOptions {rec.plan.targetVersion, rec.plan.targetCommit, std::chrono::seconds(10), {}},
            network, probes, shellEnvironment(rec.plan.placeholders)};
        output.clear();
        executor = new RollbackStepExecutor(rec.plan.steps.value(index), context, q);
        const qint64 id = rec.id;
        QObject::connect(executor, &RollbackStepExecutor::output, q, [this, id, index](const QString &chunk) {
            output += chunk;
            if (output.size() > 2 * kOutputTail)
                output = output.right(kOutputTail);
            emit q->stepOutput(id, index, chunk);
        });
        QObject::connect(executor, &RollbackStepExecutor::finished, q,
            [this, index](const RollbackStepOutcome &outcome) { onStepFinished(index, outcome); });
        executor->start();
    });
}

void RollbackService::Private::onStepFinished(int index, const RollbackStepOutcome &outcome)
{
    if (executor)
        executor->deleteLater();
    executor = nullptr;
    const PlannedRollbackStep planned = record.plan.steps.value(index);
    if (!outcome.probeReport.isEmpty())  // kept as evidence like any probe run
        store()->saveProbeResult(
            record.version, planned.probeEnvironment, outcome.probeOk, outcome.probeReport, actor());
    RollbackStepRecord s = record.steps.at(index);
    s.state = outcome.state;
    s.exitCode = outcome.exitCode;
    s.note = outcome.note;
    s.finishedAt = nowUtc();
    s.output = output.right(kOutputTail);
    if (!abortReason.isEmpty()) {
        const QString reason = abortReason;
        abortReason.clear();
        s.state = RollbackStepState::Failed;
        s.note = QStringLiteral("aborted: %1").arg(reason);
        save(s, std::nullopt, {}, [this, reason](const RollbackRecord &rec) { q->abort(rec.id, reason); });
        return;
    }
    if (s.state == RollbackStepState::Succeeded) {
        save(s, std::nullopt, {}, [this](const RollbackRecord &rec) { advance(rec); });
        return;
    }
    const QString why = QStringLiteral("step %1 (%2) %3: %4")
                            .arg(index + 1)
                            .arg(s.name, rollbackStepStateName(s.state).replace(u'_', u' '), s.note);
    save(s, RollbackState::Halted, why,
        [this, index, why](const RollbackRecord &rec) { haltAt(rec, index, why); });
}

void RollbackService::Private::finishSuccess()
{
    const Workspace &ws = releases->workspace();
    std::optional<ChecklistPhase> checklist;
    if (!ws.policy.rollbackChecklist.isEmpty() && ws.templates.contains(ws.policy.rollbackChecklist))
        checklist = ws.templates.value(ws.policy.rollbackChecklist);
    const QString cause = record.plan.trigger.isEmpty() ? record.plan.reason : record.plan.trigger;
    const QString lockReason
        = QStringLiteral("rolled back to %1%2")
              .arg(record.plan.targetVersion, cause.isEmpty() ? QString() : QStringLiteral(": ") + cause);
    busy = true;
    const qint64 id = activeId;
    whenReady(
        q, store()->finishRollback(id, lockReason, checklist, actor()), [this, id](Result<RollbackRecord> r) {
            busy = false;
            if (!r) {
                refuse(id, RollbackRefusal::StoreFailed,
                    QStringLiteral("cannot finish the rollback: %1").arg(r.error().toString()));
                return;
            }
            record = *r;
            emit q->rollbackChanged(record);
            emit q->finished(record);
        });
}

void RollbackService::run(qint64 rollbackId)
{
    if (d->busy || d->executor) {
        d->refuse(
            rollbackId, RollbackRefusal::StepBusy, QStringLiteral("a step is running; wait for it or abort"));
        return;
    }
    d->load(rollbackId, [this](const RollbackRecord &rec) { d->advance(rec); });
}

void RollbackService::retry(qint64 rollbackId)
{
    if (d->busy || d->executor) {
        d->refuse(
            rollbackId, RollbackRefusal::StepBusy, QStringLiteral("a step is running; wait for it or abort"));
        return;
    }
    d->load(rollbackId, [this](const RollbackRecord &rec) {
        if (isFinished(rec.state) || rec.state == RollbackState::AwaitingApproval) {
            d->refuse(rec.id, RollbackRefusal::NothingToDo,
                QStringLiteral("rollback #%1 is %2: nothing to retry")
                    .arg(rec.id)
                    .arg(rollbackStateName(rec.state)));
            return;
        }
        const int i = Private::nextIndex(rec);
        if (i < 0) {
            d->finishSuccess();
            return;
        }
        const RollbackStepRecord &step = rec.steps.at(i);
        if (step.state == RollbackStepState::Running && Private::runnerAliveElsewhere(step.runner)) {
            d->refuse(rec.id, RollbackRefusal::StepBusy,
                QStringLiteral("step %1 is being run by %2").arg(i + 1).arg(step.runner));
            return;
        }
        const PlannedRollbackStep planned = rec.plan.steps.value(i);
        if (!needsPerson(planned)) {
            d->startStep(i);
            return;
        }
        d->save(step, RollbackState::Running, {}, [this, i, planned](const RollbackRecord &r) {
            d->waitingIndex = i;
            emit waitingForPerson(r.id, i, instructionFor(planned));
        });
    });
}

void RollbackService::skip(qint64 rollbackId, QString reason)
{
    if (reason.trimmed().isEmpty()) {
        d->refuse(
            rollbackId, RollbackRefusal::ReasonRequired, QStringLiteral("skipping a step needs a reason"));
        return;
    }
    if (d->busy || d->executor) {
        d->refuse(
            rollbackId, RollbackRefusal::StepBusy, QStringLiteral("a step is running; abort it instead"));
        return;
    }
    d->load(rollbackId, [this, reason](const RollbackRecord &rec) {
        const int i = Private::nextIndex(rec);
        if (isFinished(rec.state) || rec.state == RollbackState::AwaitingApproval || i < 0) {
            d->refuse(rec.id, RollbackRefusal::NothingToDo,
                QStringLiteral("rollback #%1 has no step to skip").arg(rec.id));
            return;
        }
        RollbackStepRecord s = rec.steps.at(i);
        if (s.state == RollbackStepState::Running && Private::runnerAliveElsewhere(s.runner)) {
            d->refuse(rec.id, RollbackRefusal::StepBusy,
                QStringLiteral("step %1 is being run by %2").arg(i + 1).arg(s.runner));
            return;
        }
        s.state = RollbackStepState::Skipped;
        s.note = reason;
        s.finishedAt = nowUtc();
        d->waitingIndex = -1;
        d->save(s, RollbackState::Running, {}, [this](const RollbackRecord &r) { d->advance(r); });
    });
}

void RollbackService::abort(qint64 rollbackId, QString reason)
{
    if (reason.trimmed().isEmpty()) {
        d->refuse(rollbackId, RollbackRefusal::ReasonRequired,
            QStringLiteral("aborting a rollback needs a reason"));
        return;
    }
    if (d->executor && d->activeId == rollbackId) {
        d->abortReason = reason;
        d->executor->cancel(QStringLiteral("aborted: %1").arg(reason));
        return;
    }
    d->waitingIndex = -1;
    d->busy = true;
    whenReady(this, d->store()->abortRollback(rollbackId, reason, d->actor()),
        [this, rollbackId](Result<RollbackRecord> r) {
            d->busy = false;
            if (!r) {
                d->refuse(rollbackId, RollbackRefusal::StoreFailed, r.error().toString());
                return;
            }
            d->record = *r;
            emit rollbackChanged(*r);
            emit finished(*r);
        });
}

void RollbackService::confirmManual(qint64 rollbackId, bool done, QString note)
{
    if (d->waitingIndex < 0 || d->activeId != rollbackId || d->busy) {
        d->refuse(rollbackId, RollbackRefusal::NothingToDo,
            QStringLiteral("no step of rollback #%1 is waiting for a person").arg(rollbackId));
        return;
    }
    const int i = d->waitingIndex;
    d->waitingIndex = -1;
    const PlannedRollbackStep planned = d->record.plan.steps.value(i);
    RollbackStepRecord s = d->record.steps.at(i);
    const auto next = [this](const RollbackRecord &r) { d->advance(r); };
    if (!planned.condition.isEmpty() && !done) {
        s.state = RollbackStepState::Skipped;
        s.note = QStringLiteral("does not apply (%1)%2")
                     .arg(planned.condition, note.isEmpty() ? QString() : ": " + note);
        s.finishedAt = nowUtc();
        d->save(s, RollbackState::Running, {}, next);
        return;
    }
    if (planned.kind != RollbackStepKind::Manual) {
        d->startStep(i);  // a conditional step that applies
        return;
    }
    s.attempt += 1;
    s.startedAt = s.finishedAt = nowUtc();
    if (done) {
        s.state = RollbackStepState::Succeeded;
        s.note = note.isEmpty() ? QStringLiteral("confirmed done") : note;
        d->save(s, RollbackState::Running, {}, next);
        return;
    }
    s.state = RollbackStepState::Failed;
    s.note = note.isEmpty() ? QStringLiteral("not done") : QStringLiteral("not done: %1").arg(note);
    const QString why = QStringLiteral("step %1 (%2) %3").arg(i + 1).arg(s.name, s.note);
    d->save(s, RollbackState::Halted, why, [this, i, why](const RollbackRecord &r) { d->haltAt(r, i, why); });
}

void RollbackService::hold(qint64 rollbackId, QString why)
{
    if (d->waitingIndex < 0 || d->activeId != rollbackId || d->busy) {
        d->refuse(rollbackId, RollbackRefusal::NothingToDo,
            QStringLiteral("no step of rollback #%1 is waiting for a person").arg(rollbackId));
        return;
    }
    const int i = d->waitingIndex;
    d->waitingIndex = -1;
    d->save(d->record.steps.at(i), RollbackState::Halted, why,
        [this, i, why](const RollbackRecord &r) { d->haltAt(r, i, why); });
}

}  // namespace cockpit
