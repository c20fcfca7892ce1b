#pragma once
// Delivers a future's Result on the GUI thread, to a callback owned by a QObject: the watcher is
// the context's child, so a result that arrives after the widget is gone is dropped, never run.
#include "error.h"

#include <QFutureWatcher>
#include <QObject>
#include <utility>

namespace cockpit {

template <typename R, typename Fn> void whenReady(QObject *context, QFuture<R> future, Fn &&fn)
{
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, context, [watcher, fn = std::forward<Fn>(fn)]() mutable {
            watcher->deleteLater();
            // A cancelled future has no result; R is always a Result/Status here.
            if (watcher->future().resultCount() == 0) {
                fn(R(std::unexpect,
                    Error {ErrorCode::Internal, QStringLiteral("the operation was cancelled"), {}}));
                return;
            }
            fn(watcher->result());
        });
    watcher->setFuture(future);
}

}  // namespace cockpit
