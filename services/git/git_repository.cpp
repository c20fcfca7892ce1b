#include "git_repository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <git2.h>

Q_LOGGING_CATEGORY(lcGit, "cockpit.services.git")

namespace cockpit {
namespace {

void ensureLibgit2()
{
    static const int once = git_libgit2_init();
    Q_UNUSED(once);
}

// git_error_last() is thread-local: read it right where the call failed.
std::unexpected<Error> gitFail(ErrorCode code, const QString &what, const QString &where = {})
{
    const git_error *e = git_error_last();
    const QString detail = e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown error");
    return fail(code, QStringLiteral("%1: %2").arg(what, detail), SourceLocation{where});
}

template <typename T, void (*Free)(T *)>
struct GitPtr {
    T *p = nullptr;
    GitPtr() = default;
    GitPtr(const GitPtr &) = delete;
    GitPtr &operator=(const GitPtr &) = delete;
    ~GitPtr() { Free(p); }
    T **out() { return &p; }
    T *get() const { return p; }
};

using Object = GitPtr<git_object, git_object_free>;
using Commit = GitPtr<git_commit, git_commit_free>;
using Index = GitPtr<git_index, git_index_free>;
using Tree = GitPtr<git_tree, git_tree_free>;
using Signature = GitPtr<git_signature, git_signature_free>;
using Reference = GitPtr<git_reference, git_reference_free>;
using Config = GitPtr<git_config, git_config_free>;

QString oidToString(const git_oid *oid)
{
    char buf[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buf, sizeof buf, oid);
    return QString::fromLatin1(buf);
}

int makeSignature(git_signature **out, const GitSignature &s)
{
    const QDateTime when = s.when.isValid() ? s.when : QDateTime::currentDateTimeUtc();
    return git_signature_new(out, s.name.toUtf8().constData(), s.email.toUtf8().constData(),
                             when.toSecsSinceEpoch(), 0);
}

}  // namespace

void GitRepository::Deleter::operator()(git_repository *repo) const { git_repository_free(repo); }

GitRepository::GitRepository(git_repository *repo) : m_repo(repo) {}
GitRepository::GitRepository(GitRepository &&) noexcept = default;
GitRepository &GitRepository::operator=(GitRepository &&) noexcept = default;
GitRepository::~GitRepository() = default;

Result<GitRepository> GitRepository::open(const QString &path)
{
    ensureLibgit2();
    if (!QFileInfo(path).isDir())
        return fail(ErrorCode::Unavailable, QStringLiteral("not a directory"), SourceLocation{path});
    git_repository *repo = nullptr;
    if (git_repository_open_ext(&repo, QFile::encodeName(path).constData(), 0, nullptr) != 0)
        return gitFail(ErrorCode::Unavailable, QStringLiteral("not a git repository"), path);
    if (git_repository_is_bare(repo)) {
        git_repository_free(repo);
        return fail(ErrorCode::Unavailable, QStringLiteral("a bare repository has no work tree"), SourceLocation{path});
    }
    return GitRepository(repo);
}

Result<GitRepository> GitRepository::init(const QString &path, const QString &initialBranch)
{
    ensureLibgit2();
    QDir().mkpath(path);
    git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    opts.flags = GIT_REPOSITORY_INIT_MKPATH;
    const QByteArray head = initialBranch.toUtf8();
    opts.initial_head = head.constData();
    git_repository *repo = nullptr;
    if (git_repository_init_ext(&repo, QFile::encodeName(path).constData(), &opts) != 0)
        return gitFail(ErrorCode::Unavailable, QStringLiteral("cannot create a git repository"), path);
    return GitRepository(repo);
}

QString GitRepository::workdir() const
{
    QString dir = QFile::decodeName(git_repository_workdir(m_repo.get()));
    while (dir.size() > 1 && dir.endsWith(QLatin1Char('/')))
        dir.chop(1);
    return dir;
}

Result<QString> GitRepository::resolveCommit(const QString &ref) const
{
    Object obj;
    if (git_revparse_single(obj.out(), m_repo.get(), ref.toUtf8().constData()) != 0)
        return gitFail(ErrorCode::NotFound, QStringLiteral("cannot resolve '%1'").arg(ref), workdir());
    Object commit;
    if (git_object_peel(commit.out(), obj.get(), GIT_OBJECT_COMMIT) != 0)
        return gitFail(ErrorCode::BadInput, QStringLiteral("'%1' does not name a commit").arg(ref), workdir());
    return oidToString(git_object_id(commit.get()));
}

Result<QString> GitRepository::headBranch() const
{
    if (git_repository_head_detached(m_repo.get()) == 1)
        return QString();
    Reference head;
    if (git_repository_head(head.out(), m_repo.get()) != 0) {
        // An unborn branch still has a name in HEAD.
        Reference sym;
        if (git_reference_lookup(sym.out(), m_repo.get(), "HEAD") == 0 && git_reference_symbolic_target(sym.get()))
            return QString::fromUtf8(git_reference_symbolic_target(sym.get())).remove(QStringLiteral("refs/heads/"));
        return gitFail(ErrorCode::NotFound, QStringLiteral("HEAD"), workdir());
    }
    return QString::fromUtf8(git_reference_shorthand(head.get()));
}

QString GitRepository::configValue(const QString &key) const
{
    Config cfg;
    if (git_repository_config_snapshot(cfg.out(), m_repo.get()) != 0)
        return {};
    const char *value = nullptr;
    if (git_config_get_string(&value, cfg.get(), key.toUtf8().constData()) != 0)
        return {};
    return QString::fromUtf8(value);
}

Status GitRepository::setConfigValue(const QString &key, const QString &value)
{
    Config cfg;
    if (git_repository_config(cfg.out(), m_repo.get()) != 0
        || git_config_set_string(cfg.get(), key.toUtf8().constData(), value.toUtf8().constData()) != 0)
        return gitFail(ErrorCode::Failed, QStringLiteral("cannot set %1").arg(key), workdir());
    return {};
}

Result<QString> GitRepository::commitFiles(const QMap<QString, QByteArray> &files, const QString &message,
                                           const GitSignature &author)
{
    const QDir root(workdir());
    Index index;
    if (git_repository_index(index.out(), m_repo.get()) != 0)
        return gitFail(ErrorCode::Failed, QStringLiteral("cannot open the index"), workdir());
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString abs = root.filePath(it.key());
        QDir().mkpath(QFileInfo(abs).absolutePath());
        QFile f(abs);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(it.value()) != it.value().size())
            return fail(ErrorCode::Failed, QStringLiteral("cannot write: %1").arg(f.errorString()), SourceLocation{abs});
        f.close();
        if (git_index_add_bypath(index.get(), it.key().toUtf8().constData()) != 0)
            return gitFail(ErrorCode::Failed, QStringLiteral("cannot stage %1").arg(it.key()), workdir());
    }
    git_oid treeId, commitId;
    Tree tree;
    Signature sig;
    if (git_index_write(index.get()) != 0 || git_index_write_tree(&treeId, index.get()) != 0
        || git_tree_lookup(tree.out(), m_repo.get(), &treeId) != 0 || makeSignature(sig.out(), author) != 0)
        return gitFail(ErrorCode::Failed, QStringLiteral("cannot build the commit tree"), workdir());
    Commit parent;
    Object headObj;
    const bool hasParent = git_revparse_single(headObj.out(), m_repo.get(), "HEAD^{commit}") == 0;
    if (hasParent)
        git_commit_lookup(parent.out(), m_repo.get(), git_object_id(headObj.get()));
    const git_commit *parents[] = {parent.get()};
    if (git_commit_create(&commitId, m_repo.get(), "HEAD", sig.get(), sig.get(), "UTF-8",
                          message.toUtf8().constData(), tree.get(), hasParent ? 1 : 0, parents) != 0)
        return gitFail(ErrorCode::Failed, QStringLiteral("cannot commit"), workdir());
    return oidToString(&commitId);
}

Status GitRepository::createAnnotatedTag(const QString &name, const QString &sha, const QString &message,
                                         const GitSignature &tagger)
{
    git_oid oid, tagId;
    Object target;
    Signature sig;
    if (git_oid_fromstr(&oid, sha.toLatin1().constData()) != 0
        || git_object_lookup(target.out(), m_repo.get(), &oid, GIT_OBJECT_COMMIT) != 0
        || makeSignature(sig.out(), tagger) != 0)
        return gitFail(ErrorCode::NotFound, QStringLiteral("cannot find commit %1").arg(sha), workdir());
    if (git_tag_create(&tagId, m_repo.get(), name.toUtf8().constData(), target.get(), sig.get(),
                       message.toUtf8().constData(), 0) != 0)
        return gitFail(ErrorCode::Failed, QStringLiteral("cannot create tag %1").arg(name), workdir());
    qCDebug(lcGit) << "tagged" << name << sha.left(12);
    return {};
}

}  // namespace cockpit
