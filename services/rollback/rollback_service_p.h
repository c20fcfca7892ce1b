#pragma once
// RollbackService's state, shared by rollback_service.cpp (planning, confirmation, locks,
// incidents) and rollback_run.cpp (the step loop). Touched on the service's thread only.
#include "rollback_service.h"
#include "rollback_steps.h"

#include <QPointer>

namespace cockpit {

class ReleaseService;
class Store;

struct RollbackService::Private {
    RollbackService *q = nullptr;
    ReleaseService *releases = nullptr;
    std::chrono::milliseconds defaultTimeout {std::chrono::minutes(10)};
    QNetworkAccessManager *network = nullptr;
    ProbeRunner *probes = nullptr;

    qint64 activeId = 0;  // the rollback this service is driving
    RollbackRecord record;  // its last stored state
    int waitingIndex = -1;  // the step waiting for confirmManual, or -1
    QPointer<RollbackStepExecutor> executor;  // the step running now
    QString output;  // the running step's output so far (tail kept)
    QString abortReason;  // set when abort() stops a running step
    bool busy = false;  // a store write of the loop is in flight

    [[nodiscard]] Store *store() const;
    [[nodiscard]] QString actor() const;
    // "host:pid" of this process: stored with a Running step to tell a live runner from a dead one.
    static QString runnerId();
    // Whether the process that stored runner is alive (same host, pid exists) and is not this one.
    static bool runnerAliveElsewhere(const QString &runner);
    // The first step that is not finished (Succeeded or Skipped), or -1.
    static int nextIndex(const RollbackRecord &record);
    // Steps stored Running by a process that is gone, shown as Interrupted.
    static RollbackRecord withInterruptions(RollbackRecord record, qint64 drivenId);

    // The loop (rollback_run.cpp).
    void load(qint64 id, std::function<void(const RollbackRecord &)> then);
    void advance(const RollbackRecord &record);
    void startStep(int index);
    void onStepFinished(int index, const RollbackStepOutcome &outcome);
    void save(RollbackStepRecord step, std::optional<RollbackState> state, QString note,
        std::function<void(const RollbackRecord &)> then);
    void haltAt(const RollbackRecord &record, int index, const QString &why);
    void finishSuccess();
    void refuse(qint64 id, RollbackRefusal refusal, const QString &why);
};

}  // namespace cockpit
