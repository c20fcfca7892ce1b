#include "secret_store.h"

#include "redactor.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPromise>
#include <QThread>
#include <memory>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcSecrets, "cockpit.services.secrets")

namespace cockpit {

namespace {

Error keychainError(const QKeychain::Job *job, const QString &what)
{
    // The key names the entry, never the secret; errorString() never contains the value either.
    const QString message
        = QStringLiteral("%1 %2 in the keychain: %3").arg(what, job->key(), job->errorString());
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return Error {ErrorCode::NotFound, message, {}};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return Error {ErrorCode::Refused, message, {}};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    default:
        return Error {ErrorCode::Unavailable, message, {}};
    }
}

// autoDelete jobs, started on the main thread: QtKeychain's job executor is a singleton that
// must not end up on a short-lived thread, and its D-Bus calls need a running event loop.
template <typename JobT> JobT *makeJob(const QString &key)
{
    auto *job = new JobT(QString::fromLatin1(SecretStore::kService));
    job->setAutoDelete(true);
    job->setInsecureFallback(false);  // never a plaintext file when there is no keychain
    job->setKey(key);
    if (QCoreApplication *app = QCoreApplication::instance(); app && job->thread() != app->thread())
        job->moveToThread(app->thread());
    return job;
}

template <typename JobT> void startOnItsThread(JobT *job)
{
    QMetaObject::invokeMethod(
        job, [job] { job->start(); }, Qt::QueuedConnection);
}

}  // namespace

QFuture<Result<QString>> SecretStore::read(const QString &key)
{
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    QFuture<Result<QString>> future = promise->future();
    auto *job = makeJob<QKeychain::ReadPasswordJob>(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, job] {
        if (job->error() == QKeychain::NoError) {
            Redactor::add(job->textData());  // from now on, never in anything that leaves
            promise->addResult(Result<QString>(job->textData()));
        } else {
            qCDebug(lcSecrets) << "read" << job->key() << "failed:" << job->errorString();
            promise->addResult(
                Result<QString>(std::unexpected(keychainError(job, QStringLiteral("cannot read")))));
        }
        promise->finish();
    });
    startOnItsThread(job);
    return future;
}

QFuture<Status> SecretStore::write(const QString &key, const QString &value)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> future = promise->future();
    Redactor::add(value);
    auto *job = makeJob<QKeychain::WritePasswordJob>(key);
    job->setTextData(value);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, job] {
        if (job->error() == QKeychain::NoError)
            promise->addResult(Status {});
        else
            promise->addResult(Status(std::unexpected(keychainError(job, QStringLiteral("cannot store")))));
        promise->finish();
    });
    startOnItsThread(job);
    return future;
}

QFuture<Status> SecretStore::remove(const QString &key)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> future = promise->future();
    auto *job = makeJob<QKeychain::DeletePasswordJob>(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise, job] {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
            promise->addResult(Status {});
        else
            promise->addResult(Status(std::unexpected(keychainError(job, QStringLiteral("cannot remove")))));
        promise->finish();
    });
    startOnItsThread(job);
    return future;
}

}  // namespace cockpit
