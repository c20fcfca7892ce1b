#pragma once
// One window per user and session: a second GUI launch hands its workspace to the running
// cockpit over a local socket in the XDG runtime directory and exits, and the running one raises
// its window. Headless commands, screenshots and --new-instance never take part.
#include <QLocalServer>
#include <QLoggingCategory>
#include <QObject>

Q_DECLARE_LOGGING_CATEGORY(lcInstance)

namespace cockpit {

class SingleInstance : public QObject {
    Q_OBJECT
public:
    // name: the socket; serverName() for the real one, a temp path in tests.
    explicit SingleInstance(QString name, QObject *parent = nullptr);

    // "$XDG_RUNTIME_DIR/release-cockpit-<uid>.socket": per user, per session's runtime dir.
    static QString serverName();

    // Sends the request (a workspace directory, or empty to just raise the window) to a running
    // cockpit; true when it acknowledged. False when none runs or it did not answer in time.
    bool handOver(const QString &workspace);
    // Becomes the running cockpit. A socket left by one that crashed is removed first.
    bool listen();

signals:
    void activationRequested(const QString &workspace);

private:
    void readRequest(QLocalSocket *socket);

    QString m_name;
    QLocalServer m_server;
    bool m_busyPeer = false;  // handOver() connected but got no answer
};

}  // namespace cockpit
