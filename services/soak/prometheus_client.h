#pragma once
// Prometheus' HTTP API (instant and range queries) for the soak monitor and the CLI. Every answer
// is a QueryOutcome whose failure tells unreachable, timeout, HTTP error, Prometheus error,
// malformed JSON, empty result and NaN/Inf apart, so none of them can pass for healthy data.
// The credential is a parameter: the caller reads it from the keychain (SecretStore).
#include "soak_types.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QUrl>
#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace cockpit {

struct PrometheusAuth {
    enum class Kind { None, Bearer, Basic };
    Kind kind = Kind::None;
    QString credential;  // the bearer token, or "user:password" for basic auth

    // The keychain secret as stored: "Bearer TOKEN", "Basic USER:PASSWORD", "USER:PASSWORD"
    // (basic) or a bare token (bearer). Empty = no auth.
    static PrometheusAuth fromSecret(const QString &secret);
};

// How a range is asked for: one step for the whole range, the range aligned to multiples of it,
// cut into requests of at most maxPoints points each (Prometheus refuses more than 11,000).
struct RangePlan {
    std::chrono::seconds step {0};
    QDateTime start;  // aligned down to a multiple of step (Unix time)
    QDateTime end;  // aligned up
    QList<QPair<QDateTime, QDateTime>> chunks;  // contiguous, not overlapping, in order
};

class PrometheusClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxPoints = 11000;

    explicit PrometheusClient(const QUrl &baseUrl, QObject *parent = nullptr);
    ~PrometheusClient() override;

    void setAuth(const PrometheusAuth &auth) { m_auth = auth; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }  // settings changed; answers in flight stand

    // [start, end] at `step` (0 = stepFor(start, end)), aligned outwards to multiples of the step
    // and cut into chunks of at most maxPoints points.
    static RangePlan planRange(
        const QDateTime &start, const QDateTime &end, std::chrono::seconds step, int maxPoints = kMaxPoints);
    // A step that keeps [start, end] within maxPoints points: at least minStep, rounded up to a
    // whole number of seconds from 1s, 5s, 15s, 30s, 1m, 5m, 15m, 30m, 1h...
    static std::chrono::seconds stepFor(const QDateTime &start, const QDateTime &end,
        std::chrono::seconds minStep = std::chrono::seconds(15), int maxPoints = kMaxPoints);

    // /api/v1/query at `time` (invalid = Prometheus' now).
    QFuture<QueryOutcome> instant(const QString &query, const QDateTime &time);
    // /api/v1/query_range over [start, end] at `step` (0 = stepFor(start, end)); split into
    // several requests when it has more than kMaxPoints points, merged by series labels.
    QFuture<QueryOutcome> range(
        const QString &query, const QDateTime &start, const QDateTime &end, std::chrono::seconds step = {});

private:
    using Form = QList<QPair<QString, QString>>;
    void post(const QString &endpoint, const Form &form, std::function<void(QueryOutcome)> done);

    QUrl m_baseUrl;
    PrometheusAuth m_auth;
    std::chrono::milliseconds m_timeout {15000};
    QNetworkAccessManager *m_network;
};

}  // namespace cockpit
