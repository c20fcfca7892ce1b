#pragma once
// Internal to services/: the one libgit2 wrapper behind GitService. RAII holders for libgit2
// objects, the process-wide init and the error capture. Only GitService's .cpp files include
// this (it pulls in <git2.h>); everything else goes through git_service.h.
#include "error.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QString>
#include <git2.h>
#include <utility>

Q_DECLARE_LOGGING_CATEGORY(lcGit)  // defined once in git_handles.cpp

namespace cockpit {
struct GitSignature;
}

namespace cockpit::git {

// The single git_libgit2_init of the process; every way into libgit2 calls it first.
void ensureInit();

// git_error_last() is thread-local: call this right where the libgit2 call failed.
std::unexpected<Error> fail(ErrorCode code, const QString &what, const QString &where = {});

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
using Index = Ptr<git_index, git_index_free>;

QString oidToString(const git_oid *oid);

// The commit a revision names (a SHA, branch, tag, "HEAD~2"); errors name the ref.
Result<git_oid> resolveCommitOid(git_repository *repo, const QString &ref, const QString &where);

// A libgit2 signature for who; an invalid `when` means now (UTC).
int makeSignature(git_signature **out, const GitSignature &who);

}  // namespace cockpit::git
