#pragma once
// Posts a message to a Slack-compatible incoming webhook, whose URL is a secret (its path is the
// token): kept only in the keychain, and never repeated in errors or logs, which name the host.
#include "error.h"

#include <QFuture>
#include <QObject>
#include <QString>
#include <chrono>

class QNetworkAccessManager;
class QUrl;

namespace cockpit {

class WebhookClient : public QObject {
    Q_OBJECT
public:
    explicit WebhookClient(QObject *parent = nullptr);

    // POSTs payload as application/json from the calling thread's event loop. Unavailable when
    // the host cannot be reached (refused, unknown host, TLS, timeout); Failed for a non-2xx
    // answer, naming the status. Messages name scheme://host[:port] only.
    QFuture<Status> post(const QString &url, const QByteArray &payload);
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    // The keychain entry of the webhook for a project's channel: "webhook:PROJECT/CHANNEL"; with an
    // empty channel, "webhook:PROJECT", the project's default for channels without their own.
    static QString keychainKey(const QString &project, const QString &channel = {});
    // The URL for a channel: its own entry, else the project's default. NotFound when neither is
    // stored (the message says how to store one); Unavailable when there is no keychain.
    static QFuture<Result<QString>> storedUrl(const QString &project, const QString &channel);
    // BadInput unless it is an http(s) URL with a host (the message never repeats the URL).
    static Status validateUrl(const QString &url);
    // "https://hooks.slack.com": what a message may say about the webhook.
    static QString displayHost(const QUrl &url);

private:
    QNetworkAccessManager *m_network;
    std::chrono::milliseconds m_timeout {15000};
};

}  // namespace cockpit
