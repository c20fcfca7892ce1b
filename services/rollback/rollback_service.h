#pragma once
// The rollback use case shared by the GUI and the command line: plan the rollback of a deployed
// release from the policy, take the typed confirmation (and a second person's approval where the
// policy asks), then run the steps in order (argv processes, explicit shell steps, HTTP calls,
// probes, manual confirmations) with timeouts and live output, storing each step's state before
// and after it runs so a crash resumes with the truth. A finished rollback marks the release
// rolled back, locks its deploy actions and leaves an incident with the timeline.
#include "error.h"
#include "rollback.h"

#include <QFuture>
#include <QObject>
#include <chrono>
#include <memory>
#include <optional>

namespace cockpit {

class ReleaseService;

class RollbackService : public QObject {
    Q_OBJECT
public:
    // releases gives the store, workspace (policy) and identity; it must outlive this object.
    explicit RollbackService(ReleaseService *releases, QObject *parent = nullptr);
    ~RollbackService() override;

    // The plan for rolling back version from where it was last deployed: the target (the policy's
    // last_known_good: the newest earlier release whose soak passed, else the previous GA tag)
    // and every step with its placeholders resolved. Runs nothing; NotFound for an unknown
    // release, Refused when it was never deployed, BadInput naming the step for a bad placeholder.
    QFuture<Result<RollbackPlan>> plan(QString version, QString reason = {}, QString trigger = {});

    // Stores the rollback as confirmed by the current identity; typedVersion must be the version
    // (else Refused). With plan.twoPerson it waits in AwaitingApproval; otherwise it is Running
    // with no step started. Refused when the release already has an unfinished rollback.
    QFuture<Result<RollbackRecord>> confirm(RollbackPlan plan, QString typedVersion);
    // The second person's approval; Refused when the approver is the one who asked.
    QFuture<Result<RollbackRecord>> approve(qint64 rollbackId);
    // The release's newest rollback, finished or not; NotFound when it has none. A step stored as
    // Running by a process that is gone comes back Interrupted.
    QFuture<Result<RollbackRecord>> latest(QString version);

    // Runs from the first step that is not finished. Stops at the first failure (Halted: retry,
    // skip or abort), and waits at a manual or conditional step until confirmManual. Progress is
    // reported through the signals; every change is stored before it is announced.
    void run(qint64 rollbackId);
    void retry(qint64 rollbackId);  // reruns the halted or interrupted step
    void skip(qint64 rollbackId, QString reason);  // reason required; the step is Skipped, run goes on
    void abort(qint64 rollbackId, QString reason);
    // Answers the step waiting for a person: done (or "applies" for a conditional step) runs on.
    void confirmManual(qint64 rollbackId, bool done, QString note = {});
    // Halts the rollback at the step waiting for a person (the command line at end of input); it
    // is asked again on retry().
    void hold(qint64 rollbackId, QString why);
    void setDefaultTimeout(std::chrono::milliseconds timeout);  // steps without their own (10 min)
    [[nodiscard]] bool isRunning() const;

    // Deploy actions stay locked after a rollback until a person lifts the lock with a reason.
    QFuture<Result<std::optional<DeployLock>>> deployLock(QString version);
    QFuture<Result<DeployLock>> liftDeployLock(QString version, QString reason);
    // Incidents with their timelines, newest first; version empty = every release.
    QFuture<Result<QList<Incident>>> incidents(QString version = {});

signals:
    void rollbackChanged(const cockpit::RollbackRecord &record);  // after each stored change
    void stepOutput(qint64 rollbackId, int index, const QString &chunk);  // live, redacted
    void waitingForPerson(qint64 rollbackId, int index, const QString &instruction);
    void halted(qint64 rollbackId, int index, const QString &why);
    void finished(const cockpit::RollbackRecord &record);  // Succeeded or Aborted
    // A call that could not be carried out (a skip without a reason, approval still missing, a
    // step already running elsewhere, the store refusing a write); nothing was changed.
    void refused(qint64 rollbackId, cockpit::RollbackRefusal refusal, const QString &why);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace cockpit
