#pragma once
// Health probes of one environment (seed 002 sections 1-5): health/ready/live answer 200, the
// deployed version matches the release, the required security headers carry their values, the
// session cookie has its flags, and forged webhooks and bad logins are refused. Asynchronous (Qt
// Network), TLS always verified (with the environment's ca_file added to the system CAs).
#include "error.h"
#include "policy.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <chrono>

class QNetworkAccessManager;

namespace cockpit {

struct ProbeCheckResult {
    QString kind;  // health, version, header, status, cookie, no_cookie
    QString target;  // path, header name or the policy request's name
    QString url;  // the URL fetched
    QString pointer;  // version: the JSON pointer read in the answer, apart from the path
    QString expected;
    QString actual;
    bool ok = false;
    qint64 latencyMs = 0;
    // Request line and headers, status, response headers and the first 2 KB of the body, with
    // credentials, cookies and tokens redacted: safe to store and to put in an evidence pack.
    QString transcript;

    [[nodiscard]] QJsonObject toJson() const;
    static ProbeCheckResult fromJson(const QJsonObject &object);
};

struct ProbeReport {
    QString env;
    QDateTime at;  // UTC, when the probe started
    bool ok = false;  // every check passed (and there was at least one)
    QList<ProbeCheckResult> checks;

    // PRODUCT.md's shape {"env","ok","checks":[{"kind","target","expected","actual","ok",
    // "latency_ms"}]} plus "at" and each check's "transcript".
    [[nodiscard]] QJsonObject toJson() const;
    static Result<ProbeReport> fromJson(const QJsonObject &object);
    [[nodiscard]] int failedCount() const;
    // One line for a checklist item's evidence: "probe staging PASS: 14/14 checks at ...".
    [[nodiscard]] QString summary() const;
};

struct ProbeOptions {
    QString expectedVersion;  // the release version ("3.7.0"); empty = version not checked
    QString expectedCommit;  // the release commit; the deployed value may be a prefix of it
    std::chrono::milliseconds timeout {10000};  // per request, without an answer
    QDateTime now;  // the report's time; invalid = current UTC time
    // Read the version even with nothing expected (env status): the version check then passes
    // when a value was read, and its actual is the value or why none could be read.
    bool readVersion = false;
};

class ProbeRunner : public QObject {
    Q_OBJECT
public:
    explicit ProbeRunner(QObject *parent = nullptr);
    ~ProbeRunner() override;

    // Runs every check of env concurrently. Network failures, timeouts and TLS errors are failed
    // checks in the report; the error is only for a policy the probe cannot use (a bad base_url,
    // an unreadable ca_file). The runner must outlive the future; its thread needs an event loop.
    QFuture<Result<ProbeReport>> run(const EnvironmentPolicy &env, const ProbeOptions &options);

private:
    QNetworkAccessManager *m_network;
};

}  // namespace cockpit
