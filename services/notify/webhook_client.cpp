#include "webhook_client.h"

#include "redactor.h"
#include "secret_store.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QUrl>
#include <memory>

Q_LOGGING_CATEGORY(lcWebhook, "cockpit.services.webhook")

namespace cockpit {

namespace {

// Qt's errorString() quotes the whole URL ("Error transferring https://host/T0/B0/token - ..."),
// so messages are built from the error code, with any copy of the URL cut down to its host.
QString transportProblem(const QNetworkReply *reply, const QUrl &url)
{
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host not found");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return QStringLiteral("no answer in time");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("TLS handshake failed");
    default:
        break;
    }
    QString text = reply->errorString();
    text.replace(url.toString(), WebhookClient::displayHost(url));
    text.replace(url.toString(QUrl::FullyEncoded), WebhookClient::displayHost(url));
    if (!url.path().isEmpty() && url.path() != u"/")
        text.replace(url.path(), QStringLiteral("/…"));
    return text;
}

// Slack answers "invalid_token", "channel_not_found", ...: worth showing, but cut short and
// stripped of anything that could echo the URL's secret path.
QString answerSnippet(const QByteArray &body, const QUrl &url)
{
    QString text = QString::fromUtf8(body.left(200)).simplified();
    if (!url.path().isEmpty() && url.path() != u"/")
        text.replace(url.path(), QStringLiteral("/…"));
    return text;
}

Status outcome(QNetworkReply *reply, const QUrl &url)
{
    const QString host = WebhookClient::displayHost(url);
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return fail(ErrorCode::Unavailable,
            QStringLiteral("cannot reach the webhook at %1: %2").arg(host, transportProblem(reply, url)));
    const int code = status.toInt();
    const QByteArray body = reply->readAll();
    if (code < 200 || code > 299) {
        const QString snippet = answerSnippet(body, url);
        return fail(ErrorCode::Failed,
            QStringLiteral("the webhook at %1 answered HTTP %2%3")
                .arg(host)
                .arg(code)
                .arg(snippet.isEmpty() ? QString() : QStringLiteral(": ") + snippet));
    }
    return {};
}

QString notStoredMessage(const QString &project, const QString &channel)
{
    const QString entries = channel.isEmpty()
        ? QStringLiteral("\"%1\"").arg(WebhookClient::keychainKey(project))
        : QStringLiteral("\"%1\" or \"%2\"")
              .arg(WebhookClient::keychainKey(project, channel), WebhookClient::keychainKey(project));
    return QStringLiteral(
        "no webhook URL is stored for %1 (keychain entry %2); store one with `release-cockpit "
        "notify webhook set [CHANNEL]` (the URL on standard input) or in Release ▸ "
        "Communications… ▸ Webhook…")
        .arg(project, entries);
}

}  // namespace

WebhookClient::WebhookClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

QFuture<Status> WebhookClient::post(const QString &url, const QByteArray &payload)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> future = promise->future();
    if (Status valid = validateUrl(url); !valid) {
        promise->addResult(valid);
        promise->finish();
        return future;
    }
    const QUrl target(url);
    QNetworkRequest request(target);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(int(m_timeout.count()));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->post(request, payload);
    qCDebug(lcWebhook) << "posting" << payload.size() << "bytes to" << displayHost(target);
    connect(reply, &QNetworkReply::finished, this, [promise, reply, target] {
        reply->deleteLater();
        Status result = outcome(reply, target);
        if (!result)
            result.error().message = Redactor::redact(result.error().message);
        if (!result)
            qCInfo(lcWebhook) << "post failed:" << result.error().message;
        promise->addResult(result);
        promise->finish();
    });
    return future;
}

QString WebhookClient::keychainKey(const QString &project, const QString &channel)
{
    const QString base = QStringLiteral("webhook:") + project;
    return channel.isEmpty() ? base : base + u'/' + channel;
}

QFuture<Result<QString>> WebhookClient::storedUrl(const QString &project, const QString &channel)
{
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    QFuture<Result<QString>> future = promise->future();
    const auto deliver = [promise, project, channel](Result<QString> result) {
        if (!result && result.error().code == ErrorCode::NotFound)
            result = fail(ErrorCode::NotFound, notStoredMessage(project, channel));
        promise->addResult(std::move(result));
        promise->finish();
    };
    const auto fallback = [deliver, project, channel](Result<QString> own) {
        if (own || own.error().code != ErrorCode::NotFound || channel.isEmpty())
            deliver(std::move(own));
        else
            SecretStore::read(keychainKey(project)).then(QtFuture::Launch::Sync, deliver);
    };
    SecretStore::read(keychainKey(project, channel)).then(QtFuture::Launch::Sync, fallback);
    return future;
}

Status WebhookClient::validateUrl(const QString &url)
{
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != u"https" && parsed.scheme() != u"http")
        || parsed.host().isEmpty())
        return fail(ErrorCode::BadInput,
            QStringLiteral("the webhook URL must be an http:// or https:// URL with a host"));
    return {};
}

QString WebhookClient::displayHost(const QUrl &url)
{
    return url.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo
        | QUrl::StripTrailingSlash);
}

}  // namespace cockpit
