#pragma once
// Which database the GUI opens when --db is not given: the per-workspace SQLite file, or a team
// database (postgresql:// URL) chosen in Settings. The URL goes to QSettings without a password;
// the password goes to the keychain under the URL's key (TeamStoreUrl::keychainKey()).
#include "error.h"

#include <QFuture>
#include <QString>

namespace cockpit {

class DatabaseSettings {
public:
    // The saved team database URL, or empty for each workspace's own SQLite file.
    static QString teamUrl();
    // Saves url (a password typed into it is moved to the keychain, never saved) and, when not
    // empty, password to the keychain. Usage for a URL that is not postgresql://.
    static QFuture<Status> saveTeamDatabase(const QString &url, const QString &password);
    static void useWorkspaceDatabases();  // forget the team database (its keychain entry stays)
};

}  // namespace cockpit
