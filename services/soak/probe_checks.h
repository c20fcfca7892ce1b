#pragma once
// The pure half of the probes: what one HTTP exchange was, how each check judges it, and how it
// is written down with its secrets redacted. ProbeRunner does the networking around it.
#include "policy.h"
#include "probe_runner.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace cockpit::probe {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpExchange {
    QByteArray method;
    QString url;
    HeaderList requestHeaders;
    qsizetype requestBodySize = 0;
    int status = 0;  // 0: no HTTP answer
    QString error;  // why there was no (usable) answer: timeout, refused, TLS
    HeaderList responseHeaders;  // one entry per header line (Set-Cookie lines stay separate)
    QByteArray body;  // at most the first 64 KB
    qint64 latencyMs = 0;
};

[[nodiscard]] QString transcript(const HttpExchange &exchange);
[[nodiscard]] QByteArray redactBody(const QByteArray &body);
// Values of headers that carry credentials (Authorization, Cookie, tokens, signatures) replaced.
[[nodiscard]] QByteArray redactHeader(const QByteArray &name, const QByteArray &value);

ProbeCheckResult healthCheck(const QString &path, const HttpExchange &exchange);
ProbeCheckResult versionCheck(const QString &target, const QString &pointer, const HttpExchange &exchange,
    const QString &version, const QString &commit);
QList<ProbeCheckResult> headerChecks(const QMap<QString, QString> &required, const HttpExchange &exchange);
QList<ProbeCheckResult> requestChecks(const HttpCheckPolicy &check, const HttpExchange &exchange);

// RFC 6901 pointer into a JSON document; nullopt when the body is not JSON or the path is absent.
std::optional<QString> jsonPointer(const QByteArray &body, const QString &pointer);
// Header values compared without regard to case or spacing around ';' and ',' separators.
bool headerValueMatches(const QString &expected, const QString &actual);

}  // namespace cockpit::probe
