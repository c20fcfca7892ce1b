#include "single_instance.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcInstance, "cockpit.app.instance")

namespace cockpit {
namespace {

constexpr int kConnectMs = 500;
constexpr int kAnswerMs = 3000;  // the running window may be busy opening a workspace

}  // namespace

SingleInstance::SingleInstance(QString name, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
{
    // Only this user may connect (the runtime dir is private too; this covers a /tmp fallback).
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readRequest(socket); });
        }
    });
}

QString SingleInstance::serverName()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    return QDir(dir).filePath(QStringLiteral("release-cockpit-%1.socket").arg(::getuid()));
}

bool SingleInstance::handOver(const QString &workspace)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(kConnectMs))
        return false;
    m_busyPeer = true;  // someone listens: do not take the name from it even if it stays silent
    const QJsonObject request {{QStringLiteral("workspace"), workspace}};
    socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(kConnectMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(kAnswerMs)) {
            qCWarning(lcInstance) << "the running cockpit did not answer at" << m_name;
            return false;
        }
    }
    return socket.readLine().trimmed() == "ok";
}

// Called after handOver() found nobody answering. With UserAccessOption Qt binds in a private
// directory and renames the socket over the name, which replaces a crashed cockpit's file; the
// removal below covers a listen that still reports the address in use.
bool SingleInstance::listen()
{
    if (m_busyPeer) {
        qCWarning(lcInstance) << "a cockpit is listening but did not answer; this one runs alone";
        return false;
    }
    if (m_server.listen(m_name)) {
        qCDebug(lcInstance) << "listening at" << m_name;
        return true;
    }
    if (m_server.serverError() != QAbstractSocket::AddressInUseError)
        return false;
    // Someone answers: not stale (we lost a race with another launch). Nobody: a crash left it.
    QLocalSocket probe;
    probe.connectToServer(m_name);
    if (probe.waitForConnected(kConnectMs))
        return false;
    qCDebug(lcInstance) << "removing a stale socket" << m_name;
    QLocalServer::removeServer(m_name);
    const bool listening = m_server.listen(m_name);
    qCDebug(lcInstance) << (listening ? "listening at" : "cannot listen at") << m_name;
    return listening;
}

void SingleInstance::readRequest(QLocalSocket *socket)
{
    if (!socket->canReadLine())
        return;
    const QJsonObject request = QJsonDocument::fromJson(socket->readLine()).object();
    socket->write("ok\n");
    socket->flush();
    const QString workspace = request.value(QStringLiteral("workspace")).toString();
    qCDebug(lcInstance) << "request from another launch, workspace" << workspace;
    emit activationRequested(workspace);
}

}  // namespace cockpit
