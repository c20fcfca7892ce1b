#pragma once
// Which database a workspace uses and the session opened on it, for the window (which may switch
// workspaces) and the command line: --db or the team database for every workspace, else each work
// tree's own SQLite file. Keeps each store open for as long as it lives.
#include "session.h"

#include <QFuture>
#include <map>
#include <memory>

namespace cockpit {

class SessionOpener {
public:
    // fixedUrl: the database every workspace uses; empty: each workspace's default store.
    explicit SessionOpener(QString fixedUrl = {});
    ~SessionOpener();
    SessionOpener(const SessionOpener &) = delete;
    SessionOpener &operator=(const SessionOpener &) = delete;

    // A store opened already (the command line's demo hands its store to the window); with no
    // fixed URL given, it becomes the one every workspace uses.
    void adopt(std::unique_ptr<Store> store);
    // The store for a workspace root, opened (queued on its thread) the first time it is asked for.
    Store *storeFor(const QString &root);
    [[nodiscard]] QString storeUrlFor(const QString &root) const;

    // Opens url once to see that it answers (Settings > Database's Test), then closes it again:
    // the store's display name, or why it cannot be reached. context owns the attempt.
    static QFuture<Result<QString>> testConnection(const QString &url, QObject *context);

    // Loads the workspace around dir and resolves who acts there, on a pool thread.
    [[nodiscard]] QFuture<Result<SessionSetup>> load(const QString &dir) const;
    // The session on the workspace's store (call on the thread the session will live on).
    std::unique_ptr<Session> open(SessionSetup setup, QObject *parent = nullptr);

private:
    QString m_fixedUrl;
    std::map<QString, std::unique_ptr<Store>> m_stores;
};

}  // namespace cockpit
