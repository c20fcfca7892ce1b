#include "session_opener.h"

#include "future_watch.h"
#include "store.h"

#include <QPromise>

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

SessionOpener::SessionOpener(QString fixedUrl)
    : m_fixedUrl(std::move(fixedUrl))
{
}

SessionOpener::~SessionOpener() = default;

void SessionOpener::adopt(std::unique_ptr<Store> store)
{
    if (!store)
        return;
    if (m_fixedUrl.isEmpty())
        m_fixedUrl = store->url();
    m_stores[store->url()] = std::move(store);
}

QString SessionOpener::storeUrlFor(const QString &root) const
{
    if (!m_fixedUrl.isEmpty())
        return m_fixedUrl;
    auto discovered = Workspace::discover(root);
    return Workspace::defaultStoreUrlFor(discovered ? *discovered : QDir(root).absolutePath());
}

Store *SessionOpener::storeFor(const QString &root)
{
    const QString url = storeUrlFor(root);
    auto &slot = m_stores[url];
    if (!slot) {
        slot = std::make_unique<Store>();
        slot->open(url);  // queued first: every later call runs after it on the store's thread
    }
    return slot.get();
}

QFuture<Result<QString>> SessionOpener::testConnection(const QString &url, QObject *context)
{
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    auto *store = new Store(context);
    whenReady(context, store->open(url), [store, promise](const Status &opened) {
        promise->addResult(opened ? Result<QString>(store->displayName())
                                  : Result<QString>(std::unexpected(opened.error())));
        promise->finish();
        store->deleteLater();
    });
    return promise->future();
}

QFuture<Result<SessionSetup>> SessionOpener::load(const QString &dir) const
{
    // libgit2 and the policy parser read files: never on the GUI thread. The URL is decided here,
    // where the stores are, and only the text crosses to the pool thread.
    const QString fixedUrl = m_fixedUrl;
    return QtConcurrent::run([dir, fixedUrl]() -> Result<SessionSetup> {
        auto root = Workspace::discover(dir);
        const QString url = !fixedUrl.isEmpty() ? fixedUrl
                                                : Workspace::defaultStoreUrlFor(root ? *root : dir);
        return Session::load(dir, url);
    });
}

std::unique_ptr<Session> SessionOpener::open(SessionSetup setup, QObject *parent)
{
    Store *store = storeFor(setup.workspace.root);
    return std::make_unique<Session>(store, std::move(setup.workspace), std::move(setup.identity), parent);
}

}  // namespace cockpit
