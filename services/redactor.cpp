#include "redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QReadWriteLock>
#include <QStringList>
#include <QUrl>
#include <algorithm>
#include <atomic>
#include <cstdio>

namespace cockpit {

namespace {

constexpr qsizetype kMinimum = 4;

QReadWriteLock &lock()
{
    static QReadWriteLock l;
    return l;
}

QStringList &forms()  // longest first, so a secret is replaced before a shorter part of it
{
    static QStringList list;
    return list;
}

std::atomic<bool> g_any {false};

QString jsonEscaped(const QString &value)
{
    const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(2, array.size() - 4));
}

QStringList formsOf(const QString &raw)
{
    const QString s = raw.trimmed();
    QStringList out {s, QString::fromLatin1(QUrl::toPercentEncoding(s)),
        QString::fromLatin1(s.toUtf8().toBase64()), jsonEscaped(s)};
    // "Bearer TOKEN" / "Basic B64" as stored for Prometheus: the credential alone is echoed too.
    for (const QString &scheme : {QStringLiteral("Bearer "), QStringLiteral("Basic ")}) {
        if (s.startsWith(scheme, Qt::CaseInsensitive))
            out << formsOf(s.mid(scheme.size()));
    }
    const QUrl url(s, QUrl::StrictMode);
    if (url.isValid() && !url.host().isEmpty() && (url.scheme() == u"https" || url.scheme() == u"http")) {
        // A webhook URL's path is its token; servers and Qt echo it without the host.
        if (url.path(QUrl::FullyEncoded).size() > 1)
            out << url.path(QUrl::FullyEncoded) << url.path(QUrl::FullyDecoded);
        out << url.query(QUrl::FullyEncoded) << url.password(QUrl::FullyDecoded);
    } else if (const qsizetype colon = s.indexOf(u':'); colon > 0 && !s.contains(u' ')) {
        out << s.mid(colon + 1);  // "user:pass": the password alone
    }
    out.removeIf([](const QString &f) { return f.size() < kMinimum; });
    return out;
}

}  // namespace

void Redactor::add(const QString &secret)
{
    if (secret.trimmed().size() < kMinimum)
        return;
    const QStringList more = formsOf(secret);
    QWriteLocker locked(&lock());
    QStringList &list = forms();
    for (const QString &f : more) {
        if (!list.contains(f))
            list << f;
    }
    std::stable_sort(
        list.begin(), list.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    g_any = true;
}

QString Redactor::redact(const QString &text)
{
    if (!g_any || text.isEmpty())
        return text;
    QString out = text;
    QReadLocker locked(&lock());
    for (const QString &f : forms())
        out.replace(f, QStringLiteral("[redacted]"));
    return out;
}

QByteArray Redactor::redact(const QByteArray &utf8)
{
    if (!g_any || utf8.isEmpty())
        return utf8;
    QByteArray out = utf8;
    QReadLocker locked(&lock());
    for (const QString &f : forms())
        out.replace(f.toUtf8(), kMark);
    return out;
}

bool Redactor::isEmpty()
{
    return !g_any;
}

namespace {

QtMessageHandler g_previous = nullptr;

void filtered(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString clean = Redactor::redact(message);
    if (g_previous)
        g_previous(type, context, clean);
    else
        std::fprintf(stderr, "%s\n", clean.toLocal8Bit().constData());
}

}  // namespace

void Redactor::installMessageFilter()
{
    static std::atomic<bool> installed {false};
    if (installed.exchange(true))
        return;
    g_previous = qInstallMessageHandler(filtered);
}

void Redactor::clearForTests()
{
    QWriteLocker locked(&lock());
    forms().clear();
    g_any = false;
}

}  // namespace cockpit
