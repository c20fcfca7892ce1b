// GitService: opening, resolving, files and branches. Tags, walks, diffs and pushes live in
// git_tags.cpp, git_walk.cpp, git_diff.cpp and git_push.cpp.
#include "git_service.h"

#include "git_handles.h"

#include <QFile>
#include <QFileInfo>

namespace cockpit {

void GitService::Deleter::operator()(git_repository *repo) const
{
    git_repository_free(repo);
}

GitService::GitService(git_repository *repo, QString tagFormat)
    : m_repo(repo)
    , m_tagFormat(std::move(tagFormat))
{
}
GitService::GitService(GitService &&) noexcept = default;
GitService &GitService::operator=(GitService &&) noexcept = default;
GitService::~GitService() = default;

Result<GitService> GitService::open(const QString &path)
{
    return open(path, QStringLiteral("v{version}"));
}

Result<GitService> GitService::open(const QString &path, const QString &tagFormat)
{
    git::ensureInit();
    if (!QFileInfo(path).isDir())
        return fail(ErrorCode::Unavailable, QStringLiteral("not a directory"), SourceLocation {path});
    git_repository *repo = nullptr;
    if (git_repository_open_ext(&repo, QFile::encodeName(path).constData(), 0, nullptr) != 0)
        return git::fail(ErrorCode::Unavailable, QStringLiteral("not a git repository"), path);
    return GitService(
        repo, tagFormat.contains(QLatin1String("{version}")) ? tagFormat : QStringLiteral("v{version}"));
}

QString GitService::workdir() const
{
    const char *dir = git_repository_workdir(raw());
    QString out = QFile::decodeName(dir ? dir : git_repository_path(raw()));
    while (out.size() > 1 && out.endsWith(QLatin1Char('/')))
        out.chop(1);
    return out;
}

Result<QString> GitService::resolve(const QString &ref) const
{
    auto oid = git::resolveCommitOid(raw(), ref, workdir());
    if (!oid)
        return std::unexpected(oid.error());
    return git::oidToString(&*oid);
}

Result<bool> GitService::isAncestor(const QString &ancestorSha, const QString &descendantSha) const
{
    auto a = git::resolveCommitOid(raw(), ancestorSha, workdir());
    if (!a)
        return std::unexpected(a.error());
    auto d = git::resolveCommitOid(raw(), descendantSha, workdir());
    if (!d)
        return std::unexpected(d.error());
    if (git_oid_equal(&*a, &*d))
        return true;
    const int rc = git_graph_descendant_of(raw(), &*d, &*a);
    if (rc < 0)
        return git::fail(ErrorCode::Failed,
            QStringLiteral("cannot compare %1 and %2").arg(ancestorSha, descendantSha), workdir());
    return rc == 1;
}

Result<QByteArray> GitService::fileAt(const QString &ref, const QString &path) const
{
    auto oid = git::resolveCommitOid(raw(), ref, workdir());
    if (!oid)
        return std::unexpected(oid.error());
    git::Commit commit;
    git::Tree tree;
    if (git_commit_lookup(commit.out(), raw(), &*oid) != 0 || git_commit_tree(tree.out(), commit.get()) != 0)
        return git::fail(
            ErrorCode::Failed, QStringLiteral("cannot read the tree of '%1'").arg(ref), workdir());
    git::TreeEntry entry;
    if (git_tree_entry_bypath(entry.out(), tree.get(), path.toUtf8().constData()) != 0)
        return fail(ErrorCode::NotFound, QStringLiteral("%1 does not exist at '%2'").arg(path, ref),
            SourceLocation {workdir()});
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB)
        return fail(ErrorCode::BadInput, QStringLiteral("%1 is not a file at '%2'").arg(path, ref),
            SourceLocation {workdir()});
    git::Blob blob;
    if (git_blob_lookup(blob.out(), raw(), git_tree_entry_id(entry.get())) != 0)
        return git::fail(
            ErrorCode::Failed, QStringLiteral("cannot read %1 at '%2'").arg(path, ref), workdir());
    return QByteArray(static_cast<const char *>(git_blob_rawcontent(blob.get())),
        static_cast<qsizetype>(git_blob_rawsize(blob.get())));
}

Status GitService::createBranch(const QString &name, const QString &commitSha)
{
    auto oid = git::resolveCommitOid(raw(), commitSha, workdir());
    if (!oid)
        return std::unexpected(oid.error());
    git::Commit commit;
    if (git_commit_lookup(commit.out(), raw(), &*oid) != 0)
        return git::fail(
            ErrorCode::NotFound, QStringLiteral("cannot find commit %1").arg(commitSha), workdir());
    git::Reference branch;
    const int rc = git_branch_create(branch.out(), raw(), name.toUtf8().constData(), commit.get(), 0);
    if (rc == GIT_EEXISTS)
        return fail(ErrorCode::Conflict, QStringLiteral("branch %1 already exists").arg(name),
            SourceLocation {workdir()});
    if (rc != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot create branch %1").arg(name), workdir());
    qCDebug(lcGit) << "branched" << name << "at" << commitSha.left(12);
    return {};
}

Result<QString> GitService::branchTarget(const QString &name) const
{
    git::Reference branch;
    if (git_branch_lookup(branch.out(), raw(), name.toUtf8().constData(), GIT_BRANCH_LOCAL) != 0)
        return fail(ErrorCode::NotFound, QStringLiteral("branch %1 does not exist").arg(name),
            SourceLocation {workdir()});
    git::Object target;
    if (git_reference_peel(target.out(), branch.get(), GIT_OBJECT_COMMIT) != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot read branch %1").arg(name), workdir());
    return git::oidToString(git_object_id(target.get()));
}

std::optional<SemVer> GitService::versionOf(const QString &tagName, const QString &format) const
{
    auto v = SemVer::parseTag(tagName, format);
    return v ? std::optional<SemVer>(*v) : std::nullopt;
}

}  // namespace cockpit
