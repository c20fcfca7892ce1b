#pragma once
// Who is acting: user.email (else user.name) from the workspace's git config, else the OS user.
#include <QString>

namespace cockpit {

struct Identity {
    QString id;  // person id: git email, or OS user name
    QString name;  // display name
};

Identity currentIdentity(const QString &repositoryDir);
// (Team mode, where the database login acts, is decided by Session::resolveIdentity.)

}  // namespace cockpit
