#include "identity.h"

#include <QDir>
#include <QLoggingCategory>
#include <QMutex>
#include <git2.h>
#include <memory>

Q_LOGGING_CATEGORY(lcIdentity, "cockpit.services.identity")

namespace cockpit {

namespace {

// Balanced init/shutdown: libgit2 counts them, so this coexists with other users of the library.
struct LibGit2 {
    LibGit2() { git_libgit2_init(); }
    ~LibGit2() { git_libgit2_shutdown(); }
    LibGit2(const LibGit2 &) = delete;
    LibGit2 &operator=(const LibGit2 &) = delete;
};

struct RepositoryDeleter {
    void operator()(git_repository *repo) const { git_repository_free(repo); }
};
struct ConfigDeleter {
    void operator()(git_config *config) const { git_config_free(config); }
};
using RepositoryPtr = std::unique_ptr<git_repository, RepositoryDeleter>;
using ConfigPtr = std::unique_ptr<git_config, ConfigDeleter>;

QString configString(git_config *config, const char *name)
{
    const char *value = nullptr;  // owned by the snapshot
    if (git_config_get_string(&value, config, name) != 0 || !value)
        return {};
    return QString::fromUtf8(value).trimmed();
}

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

Q_GLOBAL_STATIC(QString, g_teamLogin)
Q_GLOBAL_STATIC(QMutex, g_teamLoginMutex)

void setTeamIdentity(const QString &login)
{
    const QMutexLocker lock(g_teamLoginMutex());
    *g_teamLogin() = login;
}

Identity currentIdentity(const QString &repositoryDir)
{
    {
        const QMutexLocker lock(g_teamLoginMutex());
        if (!g_teamLogin()->isEmpty())
            return Identity {*g_teamLogin(), *g_teamLogin()};
    }
    const LibGit2 library;
    git_repository *rawRepo = nullptr;
    const QByteArray dir
        = QDir(repositoryDir.isEmpty() ? QDir::currentPath() : repositoryDir).absolutePath().toUtf8();
    if (git_repository_open_ext(&rawRepo, dir.constData(), 0, nullptr) != 0) {
        const git_error *error = git_error_last();
        qCDebug(lcIdentity) << "no repository at" << dir << (error ? error->message : "");
        return osUser();
    }
    const RepositoryPtr repo(rawRepo);
    git_config *rawConfig = nullptr;
    if (git_repository_config_snapshot(&rawConfig, repo.get()) != 0) {
        const git_error *error = git_error_last();
        qCWarning(lcIdentity) << "cannot read git config:" << (error ? error->message : "");
        return osUser();
    }
    const ConfigPtr config(rawConfig);
    const QString email = configString(config.get(), "user.email");
    const QString name = configString(config.get(), "user.name");
    if (email.isEmpty() && name.isEmpty())
        return osUser();
    return Identity {email.isEmpty() ? name : email, name.isEmpty() ? email : name};
}

}  // namespace cockpit
