#include "prometheus_client.h"

#include "prometheus_response.h"
#include "redactor.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <memory>

Q_LOGGING_CATEGORY(lcPrometheus, "cockpit.services.prometheus")

namespace cockpit {
namespace {

using std::chrono::seconds;

QString unixSeconds(const QDateTime &t)
{
    return QString::number(double(t.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
}

QueryOutcome failed(QueryFailure failure, QString message)
{
    QueryOutcome o;
    o.failure = failure;
    o.message = std::move(message);
    return o;
}

// A server may echo the credential in its error body (a proxy's 401 quoting the header): every
// sentence of an outcome is redacted here, before it is stored, printed or exported.
QueryOutcome redacted(QueryOutcome o)
{
    o.message = Redactor::redact(o.message);
    for (QString &w : o.warnings)
        w = Redactor::redact(w);
    return o;
}

QueryOutcome rawOutcomeOf(QNetworkReply *reply, std::chrono::milliseconds timeout)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto error = reply->error();
    if (status == 0) {
        if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
            return failed(
                QueryFailure::Timeout, QStringLiteral("no answer within %1 ms").arg(timeout.count()));
        return failed(QueryFailure::Unreachable, reply->errorString());
    }
    return parsePrometheusResponse(reply->readAll(), status);
}

QueryOutcome outcomeOf(QNetworkReply *reply, std::chrono::milliseconds timeout)
{
    return redacted(rawOutcomeOf(reply, timeout));
}

// Series of consecutive chunks joined by their labels; a time already present is not repeated.
QueryOutcome merge(const QList<QueryOutcome> &parts)
{
    QueryOutcome merged;
    merged.resultType = QStringLiteral("matrix");
    bool anyData = false;
    for (const QueryOutcome &part : parts) {
        if (part.failure != QueryFailure::None && part.failure != QueryFailure::EmptyResult)
            return part;  // one unreadable chunk spoils the range: never a partial "healthy" answer
        merged.warnings << part.warnings;
        for (const Series &s : part.series) {
            anyData = true;
            auto it = std::find_if(merged.series.begin(), merged.series.end(),
                [&](const Series &m) { return m.labels == s.labels; });
            if (it == merged.series.end()) {
                merged.series << s;
                continue;
            }
            for (const Sample &sample : s.samples) {
                if (it->samples.isEmpty() || sample.timeMs > it->samples.last().timeMs)
                    it->samples << sample;
            }
        }
    }
    if (!anyData) {
        merged.failure = QueryFailure::EmptyResult;
        merged.message = parts.isEmpty() ? QStringLiteral("empty range") : parts.first().message;
    }
    return merged;
}

}  // namespace

PrometheusAuth PrometheusAuth::fromSecret(const QString &secret)
{
    const QString s = secret.trimmed();
    if (s.isEmpty())
        return {};
    if (s.startsWith(QStringLiteral("Bearer "), Qt::CaseInsensitive))
        return {Kind::Bearer, s.mid(7).trimmed()};
    if (s.startsWith(QStringLiteral("Basic "), Qt::CaseInsensitive))
        return {Kind::Basic, s.mid(6).trimmed()};
    return s.contains(u':') ? PrometheusAuth {Kind::Basic, s} : PrometheusAuth {Kind::Bearer, s};
}

PrometheusClient::PrometheusClient(const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(baseUrl)
    , m_network(new QNetworkAccessManager(this))
{
}

PrometheusClient::~PrometheusClient() = default;

seconds PrometheusClient::stepFor(
    const QDateTime &start, const QDateTime &end, seconds minStep, int maxPoints)
{
    static const qint64 nice[]
        = {1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    const qint64 span = std::max<qint64>(0, start.secsTo(end));
    // span/step + 1 points, once both ends are aligned outwards (which may add one more step).
    const qint64 needed
        = std::max<qint64>(minStep.count(), (span + maxPoints - 3) / std::max(1, maxPoints - 2));
    for (qint64 step : nice) {
        if (step >= needed)
            return seconds(step);
    }
    return seconds((needed + 86399) / 86400 * 86400);
}

RangePlan PrometheusClient::planRange(
    const QDateTime &start, const QDateTime &end, seconds step, int maxPoints)
{
    RangePlan plan;
    plan.step = step.count() > 0 ? step : stepFor(start, end);
    const qint64 s = plan.step.count();
    const qint64 from = start.toSecsSinceEpoch();
    const qint64 to = std::max(end.toSecsSinceEpoch(), from);
    const qint64 alignedFrom = from >= 0 ? from / s * s : -((-from + s - 1) / s) * s;
    const qint64 alignedTo = (to + s - 1) / s * s;
    plan.start = QDateTime::fromSecsSinceEpoch(alignedFrom, Qt::UTC);
    plan.end = QDateTime::fromSecsSinceEpoch(alignedTo, Qt::UTC);
    const qint64 perChunk = qint64(std::max(2, maxPoints) - 1) * s;  // maxPoints points span this
    for (qint64 t = alignedFrom; t <= alignedTo; t += perChunk + s) {
        plan.chunks << qMakePair(QDateTime::fromSecsSinceEpoch(t, Qt::UTC),
            QDateTime::fromSecsSinceEpoch(std::min(t + perChunk, alignedTo), Qt::UTC));
    }
    return plan;
}

QFuture<QueryOutcome> PrometheusClient::instant(const QString &query, const QDateTime &time)
{
    auto promise = std::make_shared<QPromise<QueryOutcome>>();
    promise->start();
    Form form {{QStringLiteral("query"), query}};
    if (time.isValid())
        form.append({QStringLiteral("time"), unixSeconds(time)});
    post(QStringLiteral("query"), form, [promise](QueryOutcome outcome) {
        promise->addResult(std::move(outcome));
        promise->finish();
    });
    return promise->future();
}

QFuture<QueryOutcome> PrometheusClient::range(
    const QString &query, const QDateTime &start, const QDateTime &end, seconds step)
{
    auto promise = std::make_shared<QPromise<QueryOutcome>>();
    promise->start();
    const RangePlan plan = planRange(start, end, step);
    auto parts = std::make_shared<QList<QueryOutcome>>(plan.chunks.size());
    auto pending = std::make_shared<int>(int(plan.chunks.size()));
    for (qsizetype i = 0; i < plan.chunks.size(); ++i) {
        const Form form {{QStringLiteral("query"), query},
            {QStringLiteral("start"), unixSeconds(plan.chunks[i].first)},
            {QStringLiteral("end"), unixSeconds(plan.chunks[i].second)},
            {QStringLiteral("step"), QString::number(plan.step.count())}};
        post(QStringLiteral("query_range"), form, [promise, parts, pending, i](QueryOutcome outcome) {
            (*parts)[i] = std::move(outcome);
            if (--*pending == 0) {
                promise->addResult(merge(*parts));
                promise->finish();
            }
        });
    }
    return promise->future();
}

void PrometheusClient::post(const QString &endpoint, const Form &form, std::function<void(QueryOutcome)> done)
{
    QUrl url = m_baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1/") + endpoint);
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_timeout.count()));
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (m_auth.kind == PrometheusAuth::Kind::Bearer)
        request.setRawHeader("Authorization", "Bearer " + m_auth.credential.toUtf8());
    else if (m_auth.kind == PrometheusAuth::Kind::Basic)
        request.setRawHeader("Authorization", "Basic " + m_auth.credential.toUtf8().toBase64());
    // POST form: a long PromQL query does not hit URL length limits (the HTTP API accepts both).
    QByteArray body;
    for (const auto &[key, value] : form)
        body += (body.isEmpty() ? "" : "&") + key.toLatin1() + '=' + QUrl::toPercentEncoding(value);
    QNetworkReply *reply = m_network->post(request, body);
    const auto timeout = m_timeout;
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done), timeout, endpoint] {
        QueryOutcome outcome = outcomeOf(reply, timeout);
        // Never the query's credentials: only the endpoint and what came of it.
        qCDebug(lcPrometheus) << endpoint << queryFailureName(outcome.failure) << outcome.message;
        reply->deleteLater();
        done(std::move(outcome));
    });
}

}  // namespace cockpit
