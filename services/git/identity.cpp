#include "identity.h"

#include "git_service.h"

#include <QDir>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcIdentity, "cockpit.services.identity")

namespace cockpit {

namespace {

Identity osUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    if (user.isEmpty())
        user = QStringLiteral("unknown");
    return Identity {user, user};
}

}  // namespace

Identity currentIdentity(const QString &repositoryDir)
{
    const QString dir = QDir(repositoryDir.isEmpty() ? QDir::currentPath() : repositoryDir).absolutePath();
    auto repo = GitService::open(dir);
    if (!repo) {
        qCDebug(lcIdentity) << "no repository at" << dir << repo.error().message;
        return osUser();
    }
    auto rawEmail = repo->configValue(QStringLiteral("user.email"));
    auto rawName = repo->configValue(QStringLiteral("user.name"));
    if (!rawEmail || !rawName) {
        qCWarning(lcIdentity) << (!rawEmail ? rawEmail.error() : rawName.error()).message;
        return osUser();
    }
    const QString email = rawEmail->trimmed();
    const QString name = rawName->trimmed();
    if (email.isEmpty() && name.isEmpty())
        return osUser();
    return Identity {email.isEmpty() ? name : email, name.isEmpty() ? email : name};
}

}  // namespace cockpit
