#pragma once
// How every Store entry point reaches its worker: the work is queued on the worker's thread and
// answered through a promise, so the caller never waits. Shared by store.cpp and the
// store_<aggregate>.cpp files that hold each aggregate's Store methods.
#include "store_worker.h"

#include <QFuture>
#include <QPromise>
#include <memory>
#include <type_traits>

namespace cockpit {

// Queues work on the worker's thread and answers through a promise: the caller never waits.
template <typename Work> auto enqueue(StoreWorker *worker, Work work) -> QFuture<std::invoke_result_t<Work &>>
{
    using T = std::invoke_result_t<Work &>;
    // shared_ptr: QPromise is move-only and the queued functor must be copyable.
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        worker,
        [worker, promise, work = std::move(work)]() mutable {
            T result = work();
            // A lost team-mode connection shows up as some statement failing: name it for what it is.
            if constexpr (requires { result.error(); }) {
                if (!result.has_value() && worker->isTeam())
                    result = std::unexpected(worker->checkFailure(result.error()));
            }
            promise->addResult(std::move(result));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

}  // namespace cockpit
