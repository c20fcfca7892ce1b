#include "demo_environments.h"

#include "workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <memory>

namespace cockpit {

namespace {

constexpr int kPreludeLimit = 16 * 1024;  // a request line and headers longer than this are refused

// The health paths the gated-ga preset probes; each answers with the environment's version.
bool isHealthPath(const QByteArray &rest)
{
    return rest == "/api/health" || rest == "/api/health/ready" || rest == "/api/health/live";
}

QByteArray httpResponse(int status, const QByteArray &reason, const QByteArray &body)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    // The security headers seed 002 checks (section 3.1), as the real service sends them.
    out += "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n"
           "X-Content-Type-Options: nosniff\r\n"
           "X-Frame-Options: DENY\r\n"
           "Content-Security-Policy: default-src 'self'\r\n"
           "X-XSS-Protection: 1; mode=block\r\n"
           "Content-Type: application/json\r\n"
           "Connection: close\r\n"
           "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return out;
}

}  // namespace

DemoEnvironments::DemoEnvironments(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            serve(socket);
    });
    m_versions = {{QStringLiteral("staging"), QStringLiteral("3.7.0-rc2")},
        {QStringLiteral("production"), QStringLiteral("3.6.8")}};
}

Result<DemoEnvironments *> DemoEnvironments::start(const Workspace &workspace, QObject *parent)
{
    quint16 port = 0;
    for (const EnvironmentPolicy &env : workspace.policy.environments) {
        const QUrl url(env.baseUrl);
        if (url.host() == u"127.0.0.1" && url.path() == u'/' + env.name && url.port() > 0)
            port = quint16(url.port());
    }
    if (port == 0)
        return nullptr;
    auto server = std::unique_ptr<DemoEnvironments>(new DemoEnvironments(parent));
    if (!server->m_server->listen(QHostAddress::LocalHost, port))
        return fail(ErrorCode::Unavailable,
            QStringLiteral("the demo's environments cannot be served on 127.0.0.1:%1 (%2); they show as unreachable")
                .arg(port)
                .arg(server->m_server->errorString()));
    return server.release();
}

quint16 DemoEnvironments::port() const
{
    return m_server->serverPort();
}

void DemoEnvironments::serve(QTcpSocket *socket)
{
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
        buffer->append(socket->readAll());
        const qsizetype end = buffer->indexOf("\r\n\r\n");
        if (end < 0) {
            if (buffer->size() > kPreludeLimit) {
                socket->write(httpResponse(431, "Request Header Fields Too Large", "{}"));
                socket->disconnectFromHost();
            }
            return;
        }
        // The body (the preset's POSTs carry one) is read in full before the answer.
        static const QRegularExpression lengthHeader(QStringLiteral("(?i)\r\ncontent-length:\\s*(\\d+)"));
        const QRegularExpressionMatch length = lengthHeader.match(QString::fromLatin1(buffer->left(end)));
        if (length.hasMatch() && buffer->size() < end + 4 + length.captured(1).toLongLong())
            return;
        const QList<QByteArray> line = buffer->left(buffer->indexOf("\r\n")).split(' ');
        socket->write(line.size() == 3 ? respond(line.at(0), line.at(1))
                                       : httpResponse(400, "Bad Request", R"({"detail":"bad request line"})"));
        socket->disconnectFromHost();
    });
}

QByteArray DemoEnvironments::respond(const QByteArray &method, const QByteArray &path) const
{
    const qsizetype slash = path.indexOf('/', 1);
    const QString env = QString::fromUtf8(path.mid(1, slash < 0 ? -1 : slash - 1));
    const QByteArray rest = slash < 0 ? QByteArray("/") : path.mid(slash);
    if (!m_versions.contains(env))
        return httpResponse(404, "Not Found", R"({"detail":"no such environment"})");
    if (method == "POST")  // the forged logins and webhook signatures of seed 002 are refused
        return httpResponse(401, "Unauthorized", R"({"detail":"invalid credentials or signature"})");
    if (method != "GET" || !isHealthPath(rest))
        return httpResponse(404, "Not Found", R"({"detail":"not found"})");
    const QJsonObject health {{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("version"), m_versions.value(env)}};
    return httpResponse(200, "OK", QJsonDocument(health).toJson(QJsonDocument::Compact));
}

Status useDemoEnvironments(const QString &dir)
{
    QTcpServer probe;  // a port free now; the demo serves on it whenever it is opened
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return fail(ErrorCode::Unavailable, QStringLiteral("no free local port for the demo's environments: %1").arg(probe.errorString()));
    const quint16 port = probe.serverPort();
    probe.close();
    QFile policy(dir + QStringLiteral("/.release-cockpit/policy.yml"));
    if (!policy.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot read the demo policy"), {policy.fileName()});
    QByteArray yaml = policy.readAll();
    policy.close();
    const QByteArray local = "http://127.0.0.1:" + QByteArray::number(port);
    const QByteArray note = "    # served by the demo itself (session/demo/demo_environments.cpp)\n";
    yaml.replace("    base_url: https://staging.solvereign.example.com\n", note + "    base_url: " + local + "/staging\n");
    yaml.replace("    base_url: https://app.solvereign.example.com\n", note + "    base_url: " + local + "/production\n");
    if (!policy.open(QIODevice::WriteOnly | QIODevice::Truncate) || policy.write(yaml) != yaml.size())
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot write the demo policy"), {policy.fileName()});
    return {};
}

}  // namespace cockpit
