// Session: the release's gates. The run itself blocks (processes, the store), so it goes to a pool
// thread; every result is announced on the session's thread as it is stored, so the window shows a
// gate running, then its outcome, while the command line just waits for the whole run.
#include "session.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

QFuture<Result<GateRun>> Session::runGates(QString version, GateRunOptions options)
{
    const QPointer<Session> self(this);
    auto progress = std::move(options.progress);
    options.progress = [self, version, progress](const GateResult &result) {
        if (progress)
            progress(result);
        QMetaObject::invokeMethod(
            self.data(),
            [self, version, result] {
                if (self)
                    self->announce({SessionEvent::Kind::GateRecorded, version, CheckKind::Gate, result.name,
                        gateStatusName(result.status), {}});
            },
            Qt::QueuedConnection);
    };
    auto future = thenAdvance(version, QtConcurrent::run(
        [releases = m_releases.get(), version, options = std::move(options), redact = m_gateRedactor] {
            return runGateSequence(*releases, version, options, redact);
        }));
    follow(future, [this, version](const Result<GateRun> &run) {
        if (run && !run->ticked.isEmpty())
            announce({SessionEvent::Kind::ItemsTicked, version, CheckKind::Gate, {}, {}, run->ticked});
    });
    return future;
}

QFuture<Result<GateRun>> Session::gateStatus(QString version)
{
    return m_inFlight.keep(QtConcurrent::run(
        [releases = m_releases.get(), version] { return storedGateRun(*releases, version); }));
}

}  // namespace cockpit
