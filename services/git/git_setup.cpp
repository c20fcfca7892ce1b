// GitService's set-up writes: creating a repository, config, and commits written without a git
// CLI (the demo repository and test fixtures).
#include "git_service.h"

#include "git_handles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace cockpit {

Result<GitService> GitService::init(const QString &path, const QString &initialBranch)
{
    git::ensureInit();
    QDir().mkpath(path);
    git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    opts.flags = GIT_REPOSITORY_INIT_MKPATH;
    const QByteArray head = initialBranch.toUtf8();
    opts.initial_head = head.constData();
    git_repository *repo = nullptr;
    if (git_repository_init_ext(&repo, QFile::encodeName(path).constData(), &opts) != 0)
        return git::fail(ErrorCode::Unavailable, QStringLiteral("cannot create a git repository"), path);
    return GitService(repo, QStringLiteral("v{version}"));
}

Status GitService::setConfigValue(const QString &key, const QString &value)
{
    git::Config cfg;
    if (git_repository_config(cfg.out(), raw()) != 0
        || git_config_set_string(cfg.get(), key.toUtf8().constData(), value.toUtf8().constData()) != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot set %1").arg(key), workdir());
    return {};
}

Result<QString> GitService::commitFiles(
    const QMap<QString, QByteArray> &files, const QString &message, const GitSignature &author)
{
    const QDir root(workdir());
    git::Index index;
    if (git_repository_index(index.out(), raw()) != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot open the index"), workdir());
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString abs = root.filePath(it.key());
        QDir().mkpath(QFileInfo(abs).absolutePath());
        QFile f(abs);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(it.value()) != it.value().size())
            return fail(ErrorCode::Failed, QStringLiteral("cannot write: %1").arg(f.errorString()),
                SourceLocation {abs});
        f.close();
        if (it.value().startsWith("#!"))  // a script: executable, as git records it (mode 100755)
            f.setPermissions(f.permissions() | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther);
        if (git_index_add_bypath(index.get(), it.key().toUtf8().constData()) != 0)
            return git::fail(ErrorCode::Failed, QStringLiteral("cannot stage %1").arg(it.key()), workdir());
    }
    git_oid treeId, commitId;
    git::Tree tree;
    git::Signature sig;
    if (git_index_write(index.get()) != 0 || git_index_write_tree(&treeId, index.get()) != 0
        || git_tree_lookup(tree.out(), raw(), &treeId) != 0 || git::makeSignature(sig.out(), author) != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot build the commit tree"), workdir());
    git::Commit parent;
    git::Object headObj;
    const bool hasParent = git_revparse_single(headObj.out(), raw(), "HEAD^{commit}") == 0;
    if (hasParent)
        git_commit_lookup(parent.out(), raw(), git_object_id(headObj.get()));
    const git_commit *parents[] = {parent.get()};
    if (git_commit_create(&commitId, raw(), "HEAD", sig.get(), sig.get(), "UTF-8",
            message.toUtf8().constData(), tree.get(), hasParent ? 1 : 0, parents)
        != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot commit"), workdir());
    return git::oidToString(&commitId);
}

Result<QString> GitService::createEmptyCommit(
    const QString &parentSha, const QString &message, const GitSignature &author)
{
    auto parentOid = git::resolveCommitOid(raw(), parentSha, workdir());
    if (!parentOid)
        return std::unexpected(parentOid.error());
    git::Commit parent;
    git::Tree tree;
    git::Signature sig;
    if (git_commit_lookup(parent.out(), raw(), &*parentOid) != 0
        || git_commit_tree(tree.out(), parent.get()) != 0 || git::makeSignature(sig.out(), author) != 0)
        return git::fail(
            ErrorCode::Failed, QStringLiteral("cannot prepare a commit on %1").arg(parentSha), workdir());
    const git_commit *parents[] = {parent.get()};
    git_oid oid;
    // No encoding header, unlike commitFiles: the demo's SHAs were made without one.
    if (git_commit_create(&oid, raw(), nullptr, sig.get(), sig.get(), nullptr, message.toUtf8().constData(),
            tree.get(), 1, parents)
        != 0)
        return git::fail(
            ErrorCode::Failed, QStringLiteral("cannot write a commit on %1").arg(parentSha), workdir());
    return git::oidToString(&oid);
}

}  // namespace cockpit
