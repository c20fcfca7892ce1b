#pragma once
// Internal to services/: RAII holders for libgit2 objects and the error capture shared by the
// git service's translation units. Only .cpp files include this (it pulls in <git2.h>).
#include "error.h"

#include <QLoggingCategory>
#include <QString>
#include <git2.h>

Q_DECLARE_LOGGING_CATEGORY(lcGit)  // defined once in git_repository.cpp

namespace cockpit::git {

// libgit2 counts init/shutdown; one process-wide init is enough and never torn down, because
// pool threads may still hold handles when static destructors run.
inline void ensureInit()
{
    static const int once = [] {
        const int n = git_libgit2_init();
        // libgit2 re-hashes every object it reads; git itself leaves that to fsck. On a history
        // walk the extra SHA-1 per commit is a sizeable share of the time (bench_git measures it).
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
        return n;
    }();
    Q_UNUSED(once);
}

// git_error_last() is thread-local: read it right where the call failed.
inline std::unexpected<Error> fail(ErrorCode code, const QString &what, const QString &where = {})
{
    const git_error *e = git_error_last();
    const QString detail = e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown error");
    return cockpit::fail(code, QStringLiteral("%1: %2").arg(what, detail), SourceLocation {where});
}

template <typename T, void (*Free)(T *)> class Ptr {
public:
    Ptr() = default;
    explicit Ptr(T *p)
        : m_p(p)
    {
    }
    Ptr(const Ptr &) = delete;
    Ptr &operator=(const Ptr &) = delete;
    Ptr(Ptr &&o) noexcept
        : m_p(std::exchange(o.m_p, nullptr))
    {
    }
    ~Ptr() { Free(m_p); }
    T **out()
    {
        Free(m_p);
        m_p = nullptr;
        return &m_p;
    }
    T *get() const { return m_p; }
    explicit operator bool() const { return m_p != nullptr; }

private:
    T *m_p = nullptr;
};

using Object = Ptr<git_object, git_object_free>;
using Commit = Ptr<git_commit, git_commit_free>;
using Tree = Ptr<git_tree, git_tree_free>;
using TreeEntry = Ptr<git_tree_entry, git_tree_entry_free>;
using Blob = Ptr<git_blob, git_blob_free>;
using Tag = Ptr<git_tag, git_tag_free>;
using Reference = Ptr<git_reference, git_reference_free>;
using RefIterator = Ptr<git_reference_iterator, git_reference_iterator_free>;
using Revwalk = Ptr<git_revwalk, git_revwalk_free>;
using Signature = Ptr<git_signature, git_signature_free>;
using Remote = Ptr<git_remote, git_remote_free>;
using Config = Ptr<git_config, git_config_free>;
using Odb = Ptr<git_odb, git_odb_free>;

inline QString oidToString(const git_oid *oid)
{
    char buf[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buf, sizeof buf, oid);
    return QString::fromLatin1(buf, GIT_OID_HEXSZ);
}

// The commit a revision names (a SHA, branch, tag, "HEAD~2"); errors name the ref.
inline Result<git_oid> resolveCommitOid(git_repository *repo, const QString &ref, const QString &where)
{
    Object obj;
    if (git_revparse_single(obj.out(), repo, ref.toUtf8().constData()) != 0)
        return fail(ErrorCode::NotFound, QStringLiteral("cannot resolve '%1'").arg(ref), where);
    Object commit;
    if (git_object_peel(commit.out(), obj.get(), GIT_OBJECT_COMMIT) != 0)
        return fail(ErrorCode::BadInput, QStringLiteral("'%1' does not name a commit").arg(ref), where);
    return *git_object_id(commit.get());
}

}  // namespace cockpit::git
