#include "probe_runner.h"

#include "probe_checks.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>
#include <memory>

Q_LOGGING_CATEGORY(lcProbe, "cockpit.services.probe")

namespace cockpit {

using probe::HttpExchange;

namespace {

constexpr qint64 kBodyLimit = 64 * 1024;

struct RequestSpec {
    QByteArray method = "GET";
    QString path;
    QMap<QString, QString> headers;
    QByteArray body;
};

// The state of one probe run, shared by the replies' callbacks until the last one finishes.
struct ProbeRun {
    EnvironmentPolicy env;
    ProbeOptions options;
    QSslConfiguration tls;
    QList<RequestSpec> specs;
    QList<HttpExchange> exchanges;
    int pending = 0;
    QPromise<Result<ProbeReport>> promise;
};

QString joinUrl(const QString &base, const QString &path)
{
    QString b = base;
    while (b.endsWith(u'/'))
        b.chop(1);
    return b + path;
}

QString replyError(
    QNetworkReply *reply, qint64 elapsedMs, std::chrono::milliseconds timeout, const QStringList &sslErrors)
{
    const auto code = reply->error();
    if (code == QNetworkReply::OperationCanceledError || code == QNetworkReply::TimeoutError)
        return QStringLiteral("timeout: no answer within %1 ms").arg(timeout.count());
    if (!sslErrors.isEmpty())
        return QStringLiteral("TLS verification failed: %1").arg(sslErrors.join(QStringLiteral("; ")));
    Q_UNUSED(elapsedMs);
    return reply->errorString();
}

// The paths a run requests: each health path, the version path, each policy request. Header
// checks read the first health path's answer (as seed 002's curl -sI does).
QList<RequestSpec> requestsFor(const EnvironmentPolicy &env, const ProbeOptions &options)
{
    QList<RequestSpec> specs;
    for (const QString &path : env.health)
        specs << RequestSpec {"GET", path, {}, {}};
    const bool wantVersion = !env.versionPath.isEmpty()
        && (options.readVersion || !options.expectedVersion.isEmpty() || !options.expectedCommit.isEmpty());
    if (wantVersion && !env.health.contains(env.versionPath))
        specs << RequestSpec {"GET", env.versionPath, {}, {}};
    if (!env.headers.isEmpty() && specs.isEmpty())
        specs << RequestSpec {"GET", QStringLiteral("/"), {}, {}};
    for (const HttpCheckPolicy &check : env.requests)
        specs << RequestSpec {check.method.toLatin1(), check.path, check.headers, check.body.toUtf8()};
    return specs;
}

const HttpExchange *findGet(const ProbeRun &run, const QString &path)
{
    for (qsizetype i = 0; i < run.specs.size(); ++i) {
        if (run.specs[i].method == "GET" && run.specs[i].path == path)
            return &run.exchanges[i];
    }
    return nullptr;
}

ProbeReport evaluate(const ProbeRun &run)
{
    ProbeReport report;
    report.env = run.env.name;
    report.at = run.options.now.isValid() ? run.options.now : QDateTime::currentDateTimeUtc();
    for (const QString &path : run.env.health)
        report.checks << probe::healthCheck(path, *findGet(run, path));
    if (const HttpExchange *v = findGet(run, run.env.versionPath);
        v
        && (run.options.readVersion || !run.options.expectedVersion.isEmpty()
            || !run.options.expectedCommit.isEmpty()))
        report.checks << probe::versionCheck(run.env.versionPath, run.env.versionPointer, *v,
            run.options.expectedVersion, run.options.expectedCommit);
    if (!run.env.headers.isEmpty() && !run.exchanges.isEmpty())
        report.checks << probe::headerChecks(run.env.headers, run.exchanges.first());
    const qsizetype firstRequest = run.specs.size() - run.env.requests.size();
    for (qsizetype i = 0; i < run.env.requests.size(); ++i)
        report.checks << probe::requestChecks(run.env.requests[i], run.exchanges[firstRequest + i]);
    report.ok = !report.checks.isEmpty() && report.failedCount() == 0;
    return report;
}

void send(QNetworkAccessManager *network, const std::shared_ptr<ProbeRun> &run, qsizetype index)
{
    const RequestSpec &spec = run->specs[index];
    HttpExchange &exchange = run->exchanges[index];
    exchange.method = spec.method;
    exchange.url = joinUrl(run->env.baseUrl, spec.path);
    exchange.requestBodySize = spec.body.size();
    QNetworkRequest request {QUrl(exchange.url)};
    request.setTransferTimeout(int(run->options.timeout.count()));
    request.setSslConfiguration(run->tls);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("release-cockpit-probe"));
    for (auto it = spec.headers.cbegin(); it != spec.headers.cend(); ++it) {
        request.setRawHeader(it.key().toLatin1(), it.value().toUtf8());
        exchange.requestHeaders.append({it.key().toLatin1(), it.value().toUtf8()});
    }
    auto timer = std::make_shared<QElapsedTimer>();
    auto sslErrors = std::make_shared<QStringList>();
    timer->start();
    QNetworkReply *reply = network->sendCustomRequest(request, spec.method, spec.body);
    // Recorded for the message only: the errors are never ignored, so the handshake fails.
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [sslErrors](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            *sslErrors << e.errorString();
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, [run, index, reply, timer, sslErrors] {
        HttpExchange &e = run->exchanges[index];
        e.latencyMs = timer->elapsed();
        e.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (e.status != 0) {
            for (const auto &[name, value] : reply->rawHeaderPairs()) {
                // Qt joins repeated Set-Cookie lines with '\n'; keep one entry per cookie.
                for (const QByteArray &line : value.split('\n'))
                    e.responseHeaders.append({name, line});
            }
            e.body = reply->read(kBodyLimit);
        } else {
            e.error = replyError(reply, e.latencyMs, run->options.timeout, *sslErrors);
        }
        qCDebug(lcProbe) << e.method << e.url << e.status << e.error << e.latencyMs << "ms";
        reply->deleteLater();
        if (--run->pending == 0) {
            run->promise.addResult(evaluate(*run));
            run->promise.finish();
        }
    });
}

}  // namespace

ProbeRunner::ProbeRunner(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    // A probe sees each endpoint as it is: no redirects followed, no cookies carried between
    // requests (set per request below), no cache.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ProbeRunner::~ProbeRunner() = default;

QFuture<Result<ProbeReport>> ProbeRunner::run(const EnvironmentPolicy &env, const ProbeOptions &options)
{
    auto state = std::make_shared<ProbeRun>();
    state->env = env;
    state->options = options;
    QFuture<Result<ProbeReport>> future = state->promise.future();
    state->promise.start();
    const QUrl base(env.baseUrl, QUrl::StrictMode);
    if (!base.isValid() || (base.scheme() != u"http" && base.scheme() != u"https")) {
        state->promise.addResult(fail(ErrorCode::BadInput,
            QStringLiteral("environment %1: base_url '%2' is not an http(s) URL")
                .arg(env.name, env.baseUrl)));
        state->promise.finish();
        return future;
    }
    state->tls = QSslConfiguration::defaultConfiguration();
    if (!env.caFile.isEmpty()) {
        const QList<QSslCertificate> certs = QSslCertificate::fromPath(env.caFile, QSsl::Pem);
        if (certs.isEmpty()) {
            state->promise.addResult(fail(ErrorCode::BadInput,
                QStringLiteral("environment %1: ca_file %2 holds no PEM certificate")
                    .arg(env.name, env.caFile)));
            state->promise.finish();
            return future;
        }
        state->tls.addCaCertificates(certs);  // in addition to the system's, never instead of verifying
    }
    state->specs = requestsFor(env, options);
    state->exchanges.resize(state->specs.size());
    state->pending = int(state->specs.size());
    if (state->pending == 0) {
        state->promise.addResult(evaluate(*state));
        state->promise.finish();
        return future;
    }
    for (qsizetype i = 0; i < state->specs.size(); ++i)
        send(m_network, state, i);
    return future;
}

QJsonObject ProbeCheckResult::toJson() const
{
    QJsonObject o {{QStringLiteral("kind"), kind}, {QStringLiteral("target"), target},
        {QStringLiteral("expected"), expected}, {QStringLiteral("actual"), actual},
        {QStringLiteral("ok"), ok}, {QStringLiteral("latency_ms"), latencyMs},
        {QStringLiteral("transcript"), transcript}};
    if (!url.isEmpty())
        o.insert(QStringLiteral("url"), url);
    if (!pointer.isEmpty())
        o.insert(QStringLiteral("pointer"), pointer);
    return o;
}

ProbeCheckResult ProbeCheckResult::fromJson(const QJsonObject &o)
{
    ProbeCheckResult r;
    r.kind = o.value(QStringLiteral("kind")).toString();
    r.target = o.value(QStringLiteral("target")).toString();
    r.url = o.value(QStringLiteral("url")).toString();
    r.pointer = o.value(QStringLiteral("pointer")).toString();
    r.expected = o.value(QStringLiteral("expected")).toString();
    r.actual = o.value(QStringLiteral("actual")).toString();
    r.ok = o.value(QStringLiteral("ok")).toBool();
    r.latencyMs = o.value(QStringLiteral("latency_ms")).toInteger();
    r.transcript = o.value(QStringLiteral("transcript")).toString();
    return r;
}

QJsonObject ProbeReport::toJson() const
{
    QJsonArray list;
    for (const ProbeCheckResult &c : checks)
        list.append(c.toJson());
    return QJsonObject {{QStringLiteral("env"), env}, {QStringLiteral("ok"), ok},
        {QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs)}, {QStringLiteral("checks"), list}};
}

Result<ProbeReport> ProbeReport::fromJson(const QJsonObject &o)
{
    if (!o.value(QStringLiteral("env")).isString() || !o.value(QStringLiteral("checks")).isArray())
        return fail(ErrorCode::BadInput, QStringLiteral("a probe result needs \"env\" and \"checks\""));
    ProbeReport r;
    r.env = o.value(QStringLiteral("env")).toString();
    r.ok = o.value(QStringLiteral("ok")).toBool();
    r.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    for (const QJsonValue &c : o.value(QStringLiteral("checks")).toArray())
        r.checks << ProbeCheckResult::fromJson(c.toObject());
    return r;
}

int ProbeReport::failedCount() const
{
    return int(
        std::count_if(checks.cbegin(), checks.cend(), [](const ProbeCheckResult &c) { return !c.ok; }));
}

QString ProbeReport::summary() const
{
    return QStringLiteral("probe %1 %2: %3/%4 checks passed at %5")
        .arg(env, ok ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
        .arg(checks.size() - failedCount())
        .arg(checks.size())
        .arg(at.toUTC().toString(Qt::ISODate));
}

}  // namespace cockpit
