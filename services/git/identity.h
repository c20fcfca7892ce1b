#pragma once
// Who is acting: user.email (else user.name) from the workspace's git config, else the OS user.
#include <QString>

namespace cockpit {

struct Identity {
    QString id;  // person id: git email, or OS user name
    QString name;  // display name
};

Identity currentIdentity(const QString &repositoryDir);

// Team mode: the database login is who acts, whatever git says. Set once at startup, before
// currentIdentity() is used from other threads; an empty login removes the override.
void setTeamIdentity(const QString &login);

}  // namespace cockpit
