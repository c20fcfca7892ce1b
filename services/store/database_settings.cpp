#include "database_settings.h"

#include "secret_store.h"
#include "team_store_url.h"

#include <QSettings>

namespace cockpit {

namespace {
const QString kKey = QStringLiteral("database/team_url");
}

QString DatabaseSettings::teamUrl()
{
    return QSettings().value(kKey).toString();
}

QFuture<Status> DatabaseSettings::saveTeamDatabase(const QString &url, const QString &password)
{
    auto team = TeamStoreUrl::parse(url.trimmed());
    if (!team)
        return QtFuture::makeReadyFuture(Status(std::unexpected(team.error())));
    const QString secret = password.isEmpty() ? team->password : password;
    QSettings().setValue(kKey, team->toString());  // toString() never carries the password
    if (secret.isEmpty())
        return QtFuture::makeReadyFuture(Status {});
    return SecretStore::write(team->keychainKey(), secret);
}

void DatabaseSettings::useWorkspaceDatabases()
{
    QSettings().remove(kKey);
}

}  // namespace cockpit
