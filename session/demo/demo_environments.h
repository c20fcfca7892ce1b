#pragma once
// The demo's environments (issue 15): staging and production answer over real HTTP on a local
// port, the way the deployed service would (/api/health with its version, the security headers,
// 401 to the preset's forged requests), so the Environments tab, `env status` and the probes have
// something true to read. What they report tells a story: production answers with 3.6.8, the
// version 3.6.10's canary replaces (a canary, not drift); staging answers with 3.7.0-rc2, which
// someone deployed by hand after the cockpit deployed 3.6.10 there (drift).
#include "error.h"

#include <QMap>
#include <QObject>

class QTcpServer;
class QTcpSocket;

namespace cockpit {

struct Workspace;

class DemoEnvironments : public QObject {
    Q_OBJECT
public:
    // Serves every environment whose base_url in the demo's policy is http://127.0.0.1:PORT/NAME
    // (useDemoEnvironments writes them), on that port; nullptr when the policy has none (a demo
    // built before). Fails, naming the port, when it is taken: the environments then show as
    // unreachable.
    static Result<DemoEnvironments *> start(const Workspace &workspace, QObject *parent);

    // What each environment reports as its version.
    [[nodiscard]] QMap<QString, QString> versions() const { return m_versions; }
    void setVersion(const QString &environment, const QString &version) { m_versions[environment] = version; }

    [[nodiscard]] quint16 port() const;

private:
    explicit DemoEnvironments(QObject *parent);
    void serve(QTcpSocket *socket);
    [[nodiscard]] QByteArray respond(const QByteArray &method, const QByteArray &path) const;

    QTcpServer *m_server;
    QMap<QString, QString> m_versions;
};

// Points the demo policy's staging and production at a free local port (buildDemoRepository calls it).
Status useDemoEnvironments(const QString &dir);

}  // namespace cockpit
