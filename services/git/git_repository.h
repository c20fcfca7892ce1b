#pragma once
// A libgit2 repository handle for set-up work (RAII; libgit2's headers stay inside the .cpp):
// open, init, config, committing files and tagging (the demo, tests). Reading history and tags is
// GitService's. One handle per thread: open a new one in each QtConcurrent task.
#include "error.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <memory>

struct git_repository;

namespace cockpit {

struct GitSignature {
    QString name;
    QString email;
    QDateTime when;  // UTC; invalid = now
};

class GitRepository {
public:
    static Result<GitRepository> open(const QString &path);  // searches upwards from path
    static Result<GitRepository> init(const QString &path, const QString &initialBranch = QStringLiteral("main"));

    GitRepository(GitRepository &&) noexcept;
    GitRepository &operator=(GitRepository &&) noexcept;
    ~GitRepository();

    [[nodiscard]] QString workdir() const;  // absolute, no trailing slash
    [[nodiscard]] Result<QString> resolveCommit(const QString &ref) const;  // full SHA
    [[nodiscard]] Result<QString> headBranch() const;  // "main"; empty when detached
    [[nodiscard]] QString configValue(const QString &key) const;  // empty when unset

    // Writes files (path relative to the work tree -> content), stages them and commits on HEAD.
    Result<QString> commitFiles(const QMap<QString, QByteArray> &files, const QString &message,
                                const GitSignature &author);
    Status createAnnotatedTag(const QString &name, const QString &sha, const QString &message,
                              const GitSignature &tagger);
    Status setConfigValue(const QString &key, const QString &value);

private:
    struct Deleter {
        void operator()(git_repository *repo) const;
    };
    explicit GitRepository(git_repository *repo);
    std::unique_ptr<git_repository, Deleter> m_repo;
};

}  // namespace cockpit
