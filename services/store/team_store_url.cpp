#include "team_store_url.h"

#include <QUrl>
#include <QUrlQuery>

namespace cockpit {

namespace {

QString defaultUser()
{
    for (const char *name : {"PGUSER", "USER", "LOGNAME"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("postgres");
}

}  // namespace

bool TeamStoreUrl::isTeamUrl(const QString &url)
{
    return url.startsWith(QStringLiteral("postgresql://")) || url.startsWith(QStringLiteral("postgres://"));
}

Result<TeamStoreUrl> TeamStoreUrl::parse(const QString &text)
{
    if (!isTeamUrl(text))
        return fail(ErrorCode::Usage, QStringLiteral("not a postgresql:// URL"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())  // the message would quote the URL, password included: say where instead
        return fail(ErrorCode::Usage,
            QStringLiteral("malformed PostgreSQL URL (expected postgresql://user@host:port/db)"));
    TeamStoreUrl parsed;
    parsed.user = url.userName(QUrl::FullyDecoded);
    parsed.password = url.password(QUrl::FullyDecoded);
    parsed.host = url.host(QUrl::FullyDecoded);
    parsed.port = url.port(5432);
    parsed.database = url.path(QUrl::FullyDecoded).mid(1);
    if (parsed.database.contains(u'/'))
        return fail(ErrorCode::Usage,
            QStringLiteral("a PostgreSQL URL names one database: postgresql://user@host:port/db"));
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        if (key == u"password")  // a password belongs in the keychain; never keep it in options
            parsed.password = value;
        else if (key == u"user")
            parsed.user = value;
        else if (key == u"host")
            parsed.host = value;
        else
            parsed.options.append({key, value});
    }
    if (parsed.user.isEmpty())
        parsed.user = defaultUser();
    if (parsed.host.isEmpty())
        parsed.host = QStringLiteral("localhost");
    if (parsed.database.isEmpty())
        parsed.database = parsed.user;
    return parsed;
}

QString TeamStoreUrl::keychainKey() const
{
    return QStringLiteral("db:%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString TeamStoreUrl::toString() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(user);
    if (host.startsWith(u'/')) {  // a socket directory cannot be a URL host: libpq's ?host= form
        url.setHost(QStringLiteral("localhost"));
    } else {
        url.setHost(host);
    }
    url.setPort(port);
    url.setPath(u'/' + database);
    QUrlQuery query;
    if (host.startsWith(u'/'))
        query.addQueryItem(QStringLiteral("host"), host);
    for (const auto &[key, value] : options)
        query.addQueryItem(key, value);
    url.setQuery(query);
    return url.toString();
}

QString TeamStoreUrl::displayName() const
{
    return QStringLiteral("PostgreSQL %1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString TeamStoreUrl::connectOptions() const
{
    QStringList parts;
    for (const auto &[key, value] : options)
        parts << key + u'=' + value;
    return parts.join(u';');
}

}  // namespace cockpit
