// RollbackService: first cut so the rollback UI builds against it. Every call answers
// Unavailable until the runner lands (the next commit); the signals are the final ones.
#include "rollback_service.h"

#include "release_service.h"

#include <QtConcurrent>

namespace cockpit {

struct RollbackService::Private {
    ReleaseService *releases = nullptr;
    std::chrono::milliseconds defaultTimeout {std::chrono::minutes(10)};
};

namespace {
template <typename T> QFuture<Result<T>> notYet()
{
    return QtFuture::makeReadyFuture(Result<T>(
        std::unexpected(Error {ErrorCode::Unavailable, QStringLiteral("rollback: not built yet"), {}})));
}
}  // namespace

RollbackService::RollbackService(ReleaseService *releases, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->releases = releases;
}

RollbackService::~RollbackService() = default;

QFuture<Result<RollbackPlan>> RollbackService::plan(QString, QString, QString)
{
    return notYet<RollbackPlan>();
}
QFuture<Result<RollbackRecord>> RollbackService::confirm(RollbackPlan, QString)
{
    return notYet<RollbackRecord>();
}
QFuture<Result<RollbackRecord>> RollbackService::approve(qint64)
{
    return notYet<RollbackRecord>();
}
QFuture<Result<RollbackRecord>> RollbackService::latest(QString)
{
    return notYet<RollbackRecord>();
}
void RollbackService::run(qint64) { }
void RollbackService::retry(qint64) { }
void RollbackService::skip(qint64, QString) { }
void RollbackService::abort(qint64, QString) { }
void RollbackService::confirmManual(qint64, bool, QString) { }
void RollbackService::setDefaultTimeout(std::chrono::milliseconds timeout)
{
    d->defaultTimeout = timeout;
}
bool RollbackService::isRunning() const
{
    return false;
}
QFuture<Result<std::optional<DeployLock>>> RollbackService::deployLock(QString)
{
    return notYet<std::optional<DeployLock>>();
}
QFuture<Result<DeployLock>> RollbackService::liftDeployLock(QString, QString)
{
    return notYet<DeployLock>();
}
QFuture<Result<QList<Incident>>> RollbackService::incidents(QString)
{
    return notYet<QList<Incident>>();
}

}  // namespace cockpit
