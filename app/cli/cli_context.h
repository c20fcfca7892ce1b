#pragma once
// What every headless command needs: parsed options, the workspace, the store, the identity, and
// the output conventions (machine JSON on stdout with --json, human messages on stderr).
#include "error.h"
#include "identity.h"
#include "session.h"
#include "store.h"
#include "workspace.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <memory>

namespace cockpit::cli {

// Waits for a future whose work may run on this (the main) thread's event loop (the keychain's,
// the network's, a session's follow-up): the loop turns while it waits.
template <typename T> T await(QFuture<T> future)
{
    if (!future.isFinished()) {
        QFutureWatcher<T> watcher;
        QEventLoop loop;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

enum Exit {
    Ok = 0,
    Failed = 1,
    Inconclusive = 2,
    Usage = 64,
    BadInput = 65,
    Unavailable = 69,
    Internal = 70
};

class CliContext {
public:
    CliContext(QCommandLineParser &parser, QStringList words);

    [[nodiscard]] QStringList words() const { return m_words; }  // the command and its arguments
    [[nodiscard]] bool json() const;
    [[nodiscard]] QString option(const QString &name) const { return m_parser.value(name); }
    [[nodiscard]] QStringList optionValues(const QString &name) const { return m_parser.values(name); }
    [[nodiscard]] bool isSet(const QString &name) const { return m_parser.isSet(name); }

    // The --workspace directory, else the git repository around the current directory.
    [[nodiscard]] QString workspaceDir() const;
    Result<Workspace> loadWorkspace();
    // The store at --db, else the default store of the workspace (or of root when given). Read:
    // the command only reads (Store::openForReading), so it works on a read-only copy.
    enum class StoreAccess { Write, Read };
    Result<Store *> openStore(const QString &root = {}, StoreAccess access = StoreAccess::Write);
    // Set by a command that wants the GUI opened on a workspace when it is done (demo).
    void setGuiWorkspace(const QString &dir) { m_guiWorkspace = dir; }
    [[nodiscard]] QString guiWorkspace() const { return m_guiWorkspace; }
    // The store for the GUI to take over (it stays open).
    std::unique_ptr<Store> takeStore()
    {
        m_session.reset();  // it uses the store
        return std::move(m_store);
    }
    [[nodiscard]] Identity identity() const;
    // The session on the workspace and store above (opened on first use), with --prometheus
    // applied: every use case a command runs goes through it.
    Result<Session *> session();

    void out(const QString &text) const;  // stdout
    void err(const QString &text) const;  // stderr
    void printJson(const QJsonObject &object) const;
    // Reports an error on stderr (and as {"error":...} with --json) and returns its exit code.
    int report(const Error &error) const;
    // A usage error (64) that points at the help of the command being run.
    int usage(const QString &message) const;

private:
    QCommandLineParser &m_parser;
    QStringList m_words;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Session> m_session;  // declared after the store it uses: destroyed first
    std::optional<Workspace> m_workspace;
    QString m_guiWorkspace;
};

}  // namespace cockpit::cli
