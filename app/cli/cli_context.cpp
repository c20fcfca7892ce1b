#include "cli_context.h"

#include "command_table.h"
#include "redactor.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QJsonObject>
#include <cstdio>

namespace cockpit::cli {

CliContext::CliContext(QCommandLineParser &parser, QStringList words)
    : m_parser(parser)
    , m_words(std::move(words))
{
}

bool CliContext::json() const
{
    return m_parser.isSet(QStringLiteral("json"));
}

QString CliContext::workspaceDir() const
{
    const QString given = m_parser.value(QStringLiteral("workspace"));
    return QDir(given.isEmpty() ? QDir::currentPath() : given).absolutePath();
}

Result<Workspace> CliContext::loadWorkspace()
{
    if (!m_workspace) {
        auto ws = Workspace::load(workspaceDir());
        if (!ws)
            return std::unexpected(ws.error());
        m_workspace = std::move(*ws);
    }
    return *m_workspace;
}

Result<Store *> CliContext::openStore(const QString &rootDir, StoreAccess access)
{
    if (m_store)
        return m_store.get();
    QString url = m_parser.value(QStringLiteral("db"));
    if (url.isEmpty()) {
        auto root = Workspace::discover(rootDir.isEmpty() ? workspaceDir() : rootDir);
        if (!root)
            return std::unexpected(root.error());
        url = Workspace::defaultStoreUrlFor(*root);
    }
    auto store = std::make_unique<Store>();
    auto opening = access == StoreAccess::Read ? store->openForReading(url) : store->open(url);
    // Team mode reads the password from the keychain, whose job runs on this thread: its event
    // loop keeps turning, and sleeps until the watcher says the open is done (no polling).
    if (!opening.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<Status> watcher;
        QObject::connect(&watcher, &QFutureWatcher<Status>::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(opening);
        if (!opening.isFinished())
            loop.exec();
    }
    if (auto opened = opening.result(); !opened)
        return std::unexpected(opened.error());
    m_store = std::move(store);
    return m_store.get();
}

Identity CliContext::identity() const
{
    auto root = Workspace::discover(workspaceDir());
    return Session::resolveIdentity(root ? *root : workspaceDir(), m_parser.value(QStringLiteral("db")));
}

Result<Session *> CliContext::session()
{
    if (m_session)
        return m_session.get();
    auto ws = loadWorkspace();
    if (!ws)
        return std::unexpected(ws.error());
    auto store = openStore();
    if (!store)
        return std::unexpected(store.error());
    m_session = std::make_unique<Session>(*store, *ws, identity());
    if (isSet(QStringLiteral("prometheus")))
        m_session->setPrometheusUrl(option(QStringLiteral("prometheus")));
    return m_session.get();
}

void CliContext::out(const QString &text) const
{
    std::fputs(Redactor::redact(text).toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void CliContext::err(const QString &text) const
{
    std::fputs(Redactor::redact(text).toUtf8().constData(), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void CliContext::printJson(const QJsonObject &object) const
{
    std::fputs(Redactor::redact(QJsonDocument(object).toJson(QJsonDocument::Indented)).constData(), stdout);
    std::fflush(stdout);
}

int CliContext::report(const Error &error) const
{
    err(QStringLiteral("release-cockpit: %1").arg(error.toString()));
    if (json()) {
        QJsonObject e {
            {QStringLiteral("message"), error.message}, {QStringLiteral("exit"), exitCodeFor(error.code)}};
        if (error.location.isValid())
            e.insert(QStringLiteral("location"), error.location.toString());
        printJson({{QStringLiteral("error"), e}});
    }
    return exitCodeFor(error.code);
}

int CliContext::usage(const QString &message) const
{
    const CliCommand *command = findCommand(m_words);
    err(QStringLiteral("release-cockpit: %1\nTry 'release-cockpit %2--help'.")
            .arg(message, command ? command->name() + QLatin1Char(' ') : QString()));
    return Usage;
}

}  // namespace cockpit::cli
