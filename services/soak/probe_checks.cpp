#include "probe_checks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace cockpit::probe {
namespace {

constexpr qsizetype kTranscriptBody = 2048;

QString statusText(const HttpExchange &e)
{
    if (e.status == 0)
        return e.error.isEmpty() ? QStringLiteral("no answer") : e.error;
    return QString::number(e.status);
}

ProbeCheckResult result(QString kind, QString target, QString expected, const HttpExchange &e)
{
    ProbeCheckResult r;
    r.kind = std::move(kind);
    r.target = std::move(target);
    r.expected = std::move(expected);
    r.url = QUrl(e.url).toString(QUrl::RemoveUserInfo);  // stored and shown: never a password
    r.latencyMs = e.latencyMs;
    r.transcript = transcript(e);
    return r;
}

QList<QByteArray> headerValues(const HttpExchange &e, const QByteArray &name)
{
    QList<QByteArray> values;
    for (const auto &[n, v] : e.responseHeaders) {
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            values << v;
    }
    return values;
}

QString normalised(const QString &value)
{
    static const QRegularExpression separators(QStringLiteral("\\s*([;,])\\s*"));
    QString out = value.trimmed().toLower();
    out.replace(separators, QStringLiteral("\\1"));
    return out.simplified();
}

struct Cookie {
    QString name;
    QStringList flags;  // lower-case attribute names without values (httponly, secure)
    QString sameSite;
};

Cookie parseCookie(const QByteArray &line)
{
    Cookie c;
    const QList<QByteArray> parts = line.split(';');
    c.name = QString::fromUtf8(parts.value(0).left(parts.value(0).indexOf('=')).trimmed());
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString part = QString::fromUtf8(parts[i]).trimmed();
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString attr = (eq < 0 ? part : part.left(eq)).trimmed().toLower();
        if (attr == u"samesite")
            c.sameSite = part.mid(eq + 1).trimmed();
        else if (eq < 0)
            c.flags << attr;
    }
    return c;
}

QString describe(const Cookie &c)
{
    QStringList parts = c.flags;
    for (QString &p : parts)
        p = p == u"httponly" ? QStringLiteral("HttpOnly") : p == u"secure" ? QStringLiteral("Secure") : p;
    if (!c.sameSite.isEmpty())
        parts << QStringLiteral("SameSite=%1").arg(c.sameSite);
    return QStringLiteral("%1: %2").arg(
        c.name, parts.isEmpty() ? QStringLiteral("no flags") : parts.join(u", "));
}

ProbeCheckResult cookieCheck(const HttpCheckPolicy &check, const HttpExchange &e)
{
    QStringList expected = check.cookieFlags;
    if (!check.sameSite.isEmpty())
        expected << QStringLiteral("SameSite=%1").arg(check.sameSite.join(u'|'));
    ProbeCheckResult r = result(QStringLiteral("cookie"), check.name, expected.join(u", "), e);
    const QList<QByteArray> lines = headerValues(e, "Set-Cookie");
    if (e.status == 0 || lines.isEmpty()) {
        r.actual = e.status == 0 ? statusText(e) : QStringLiteral("no Set-Cookie");
        return r;
    }
    QStringList seen;
    bool ok = true;
    for (const QByteArray &line : lines) {
        const Cookie c = parseCookie(line);
        seen << describe(c);
        for (const QString &flag : check.cookieFlags)
            ok = ok && c.flags.contains(flag.toLower());
        if (!check.sameSite.isEmpty())
            ok = ok && check.sameSite.contains(c.sameSite, Qt::CaseInsensitive);
    }
    r.actual = seen.join(QStringLiteral("; "));
    r.ok = ok;
    return r;
}

}  // namespace

QByteArray redactHeader(const QByteArray &name, const QByteArray &value)
{
    static const QRegularExpression secret(
        QStringLiteral("authorization|cookie|token|secret|signature|password|api-?key|session"),
        QRegularExpression::CaseInsensitiveOption);
    const QByteArray lower = name.toLower();
    if (lower == "set-cookie") {
        // Keep the attributes (they are what the cookie check is about), hide the value.
        const qsizetype eq = value.indexOf('=');
        const qsizetype semi = value.indexOf(';');
        return value.left(eq + 1) + "[redacted]" + (semi < 0 ? QByteArray() : value.mid(semi));
    }
    if (secret.match(QString::fromLatin1(name)).hasMatch())
        return "[redacted]";
    return value;
}

QByteArray redactBody(const QByteArray &body)
{
    static const QRegularExpression jsonSecret(
        QStringLiteral(
            R"re(("[^"]*(?:token|secret|password|passwd|api_?key|session|authorization|cookie)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*")re"),
        QRegularExpression::CaseInsensitiveOption);
    QString text = QString::fromUtf8(body);
    text.replace(jsonSecret, QStringLiteral("\\1\"[redacted]\""));
    return text.toUtf8();
}

QString transcript(const HttpExchange &e)
{
    static const QRegularExpression querySecret(
        QStringLiteral("([?&][^=&]*(?:token|secret|password|key|signature)[^=&]*=)[^&#]*"),
        QRegularExpression::CaseInsensitiveOption);
    QString url = e.url;
    url.replace(querySecret, QStringLiteral("\\1[redacted]"));
    QStringList lines {QStringLiteral("> %1 %2").arg(QString::fromLatin1(e.method), url)};
    for (const auto &[name, value] : e.requestHeaders)
        lines << QStringLiteral("> %1: %2")
                     .arg(QString::fromLatin1(name), QString::fromUtf8(redactHeader(name, value)));
    if (e.requestBodySize > 0)
        lines << QStringLiteral("> (request body: %1 bytes, not recorded)").arg(e.requestBodySize);
    if (e.status == 0) {
        lines << QStringLiteral("< no answer after %1 ms: %2").arg(e.latencyMs).arg(statusText(e));
        return lines.join(u'\n');
    }
    lines << QStringLiteral("< HTTP %1 (%2 ms)").arg(e.status).arg(e.latencyMs);
    for (const auto &[name, value] : e.responseHeaders)
        lines << QStringLiteral("< %1: %2")
                     .arg(QString::fromLatin1(name), QString::fromUtf8(redactHeader(name, value)));
    QString body = QString::fromUtf8(redactBody(e.body.left(kTranscriptBody)));
    if (e.body.size() > kTranscriptBody)
        body += QStringLiteral("\n[... %1 more bytes]").arg(e.body.size() - kTranscriptBody);
    lines << QString() << body;
    return lines.join(u'\n');
}

std::optional<QString> jsonPointer(const QByteArray &body, const QString &pointer)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    QJsonValue at = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    const QStringList tokens = pointer.split(u'/').mid(1);
    for (QString token : tokens) {
        token.replace(QStringLiteral("~1"), QStringLiteral("/"))
            .replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (at.isObject() && at.toObject().contains(token))
            at = at.toObject().value(token);
        else if (at.isArray() && token.toInt() >= 0 && token.toInt() < at.toArray().size())
            at = at.toArray().at(token.toInt());
        else
            return std::nullopt;
    }
    if (at.isString())
        return at.toString();
    if (at.isDouble())
        return QString::number(at.toDouble());
    return QString::fromUtf8(QJsonDocument::fromVariant(at.toVariant()).toJson(QJsonDocument::Compact));
}

bool headerValueMatches(const QString &expected, const QString &actual)
{
    return normalised(expected) == normalised(actual);
}

ProbeCheckResult healthCheck(const QString &path, const HttpExchange &e)
{
    ProbeCheckResult r = result(QStringLiteral("health"), path, QStringLiteral("200"), e);
    r.actual = statusText(e);
    r.ok = e.status == 200;
    return r;
}

ProbeCheckResult versionCheck(const QString &target, const QString &pointer, const HttpExchange &e,
    const QString &version, const QString &commit)
{
    QStringList expected;
    if (!version.isEmpty())
        expected << version;
    if (!commit.isEmpty())
        expected << QStringLiteral("a prefix of %1").arg(commit);
    // The path and the pointer stay apart: "/api/health" + "/version" read as one path misleads.
    ProbeCheckResult r = result(QStringLiteral("version"), target, expected.join(QStringLiteral(" or ")), e);
    r.pointer = pointer.isEmpty() ? QStringLiteral("/version") : pointer;
    if (e.status != 200) {
        r.actual = e.status == 0 ? statusText(e) : QStringLiteral("HTTP %1").arg(e.status);
        return r;
    }
    const auto value = jsonPointer(e.body, r.pointer);
    if (!value) {
        r.actual = QStringLiteral("no %1 in the answer (not JSON, or absent)").arg(r.pointer);
        return r;
    }
    const QString v = value->trimmed();
    r.actual = v;
    const bool versionOk = !version.isEmpty() && (v == version || v == u'v' + version);
    // The seed accepts the short commit ("87b4a59"): at least 7 hex digits of the release commit.
    const bool commitOk = !commit.isEmpty() && v.size() >= 7 && commit.startsWith(v, Qt::CaseInsensitive);
    // Nothing expected (env status reads what runs): a value read is the pass.
    r.ok = (version.isEmpty() && commit.isEmpty()) || versionOk || commitOk;
    return r;
}

QList<ProbeCheckResult> headerChecks(const QMap<QString, QString> &required, const HttpExchange &e)
{
    QList<ProbeCheckResult> out;
    for (auto it = required.cbegin(); it != required.cend(); ++it) {
        ProbeCheckResult r = result(QStringLiteral("header"), it.key(), it.value(), e);
        const QList<QByteArray> values = headerValues(e, it.key().toLatin1());
        if (e.status == 0)
            r.actual = statusText(e);
        else if (values.isEmpty())
            r.actual = QStringLiteral("(missing)");
        else
            r.actual = QString::fromUtf8(values.join(", "));
        r.ok = values.size() == 1 && headerValueMatches(it.value(), r.actual);
        out << r;
    }
    return out;
}

QList<ProbeCheckResult> requestChecks(const HttpCheckPolicy &check, const HttpExchange &e)
{
    QList<ProbeCheckResult> out;
    if (!check.expectStatus.isEmpty()) {
        QStringList codes;
        for (int code : check.expectStatus)
            codes << QString::number(code);
        ProbeCheckResult r
            = result(QStringLiteral("status"), check.name, codes.join(QStringLiteral(" or ")), e);
        r.actual = statusText(e);
        r.ok = e.status != 0 && check.expectStatus.contains(e.status);
        out << r;
    }
    if (!check.cookieFlags.isEmpty() || !check.sameSite.isEmpty())
        out << cookieCheck(check, e);
    if (check.expectNoCookie) {
        ProbeCheckResult r
            = result(QStringLiteral("no_cookie"), check.name, QStringLiteral("no Set-Cookie"), e);
        QStringList names;
        for (const QByteArray &line : headerValues(e, "Set-Cookie"))
            names << parseCookie(line).name;
        r.actual = e.status == 0 ? statusText(e)
            : names.isEmpty()    ? QStringLiteral("no Set-Cookie")
                                 : QStringLiteral("Set-Cookie: %1").arg(names.join(u", "));
        r.ok = e.status != 0 && names.isEmpty();
        out << r;
    }
    return out;
}

}  // namespace cockpit::probe
