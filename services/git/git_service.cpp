// GitService: opening, resolving, files, config and branches. Tags, walks, diffs, pushes and
// set-up writes live in git_tags.cpp, git_walk.cpp, git_diff.cpp, git_push.cpp and git_setup.cpp.
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

Result<GitService> GitService::openWorkTree(const QString &path)
{
    auto git = open(path);
    if (git && git_repository_is_bare(git->raw()))
        return fail(ErrorCode::Unavailable, QStringLiteral("a bare repository has no work tree"),
            SourceLocation {path});
    return git;
}

void GitService::setStrictHashVerification(bool on)
{
    git::ensureInit();  // first, or the init would turn it off again
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, on ? 1 : 0);
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

Result<QString> GitService::headBranch() const
{
    if (git_repository_head_detached(raw()) == 1)
        return QString();
    git::Reference head;
    if (git_repository_head(head.out(), raw()) != 0) {
        // An unborn branch still has a name in HEAD.
        git::Reference sym;
        if (git_reference_lookup(sym.out(), raw(), "HEAD") == 0 && git_reference_symbolic_target(sym.get()))
            return QString::fromUtf8(git_reference_symbolic_target(sym.get()))
                .remove(QStringLiteral("refs/heads/"));
        return git::fail(ErrorCode::NotFound, QStringLiteral("HEAD"), workdir());
    }
    return QString::fromUtf8(git_reference_shorthand(head.get()));
}

Result<QString> GitService::configValue(const QString &key) const
{
    git::Config cfg;
    if (git_repository_config_snapshot(cfg.out(), raw()) != 0)
        return git::fail(
            ErrorCode::Unavailable, QStringLiteral("cannot read the git configuration"), workdir());
    const char *value = nullptr;  // owned by the snapshot
    if (git_config_get_string(&value, cfg.get(), key.toUtf8().constData()) != 0 || !value)
        return QString();
    return QString::fromUtf8(value);
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

Result<QStringList> GitService::filesIn(const QString &ref, const QString &dir) const
{
    QStringList names;
    if (ref.isEmpty() || dir.isEmpty())
        return names;
    // No location on these errors: evidence reports have always shown them bare.
    git::Object tree;
    const QByteArray spec = (ref + QStringLiteral("^{tree}")).toUtf8();
    if (git_revparse_single(tree.out(), raw(), spec.constData()) != 0)
        return git::fail(ErrorCode::NotFound, QStringLiteral("cannot read the tree of '%1'").arg(ref));
    git::TreeEntry entry;
    if (git_tree_entry_bypath(entry.out(), reinterpret_cast<git_tree *>(tree.get()), dir.toUtf8().constData())
            != 0
        || git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE)
        return names;
    git::Tree sub;
    if (git_tree_lookup(sub.out(), raw(), git_tree_entry_id(entry.get())) != 0)
        return git::fail(ErrorCode::Unavailable, QStringLiteral("cannot read '%1' at '%2'").arg(dir, ref));
    const size_t count = git_tree_entrycount(sub.get());
    for (size_t i = 0; i < count; ++i) {
        const git_tree_entry *e = git_tree_entry_byindex(sub.get(), i);
        if (git_tree_entry_type(e) == GIT_OBJECT_BLOB)
            names.append(QString::fromUtf8(git_tree_entry_name(e)));
    }
    return names;  // tree order is byte order of the names
}

Status GitService::createBranch(const QString &name, const QString &commitSha, bool force)
{
    auto oid = git::resolveCommitOid(raw(), commitSha, workdir());
    if (!oid)
        return std::unexpected(oid.error());
    git::Commit commit;
    if (git_commit_lookup(commit.out(), raw(), &*oid) != 0)
        return git::fail(
            ErrorCode::NotFound, QStringLiteral("cannot find commit %1").arg(commitSha), workdir());
    git::Reference branch;
    const int rc
        = git_branch_create(branch.out(), raw(), name.toUtf8().constData(), commit.get(), force ? 1 : 0);
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
