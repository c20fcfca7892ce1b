// The one libgit2 wrapper's out-of-line parts: init, error capture, revision resolution.
#include "git_handles.h"

#include "git_service.h"

Q_LOGGING_CATEGORY(lcGit, "cockpit.services.git")

namespace cockpit::git {

void ensureInit()
{
    // libgit2 counts init/shutdown; one init for the process is enough and is never torn down,
    // because pool threads may still hold handles when static destructors run. libgit2 reads
    // HOME/XDG_CONFIG_HOME for the global config here, once.
    static const int once = [] {
        const int n = git_libgit2_init();
        // libgit2 re-hashes every object it reads; git itself leaves that to fsck. On a history
        // walk the extra SHA-1 per commit is a sizeable share of the time (bench_git measures it).
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
        return n;
    }();
    Q_UNUSED(once);
}

std::unexpected<Error> fail(ErrorCode code, const QString &what, const QString &where)
{
    const git_error *e = git_error_last();
    const QString detail = e && e->message ? QString::fromUtf8(e->message) : QStringLiteral("unknown error");
    return cockpit::fail(code, QStringLiteral("%1: %2").arg(what, detail), SourceLocation {where});
}

QString oidToString(const git_oid *oid)
{
    char buf[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(buf, sizeof buf, oid);
    return QString::fromLatin1(buf, GIT_OID_HEXSZ);
}

Result<git_oid> resolveCommitOid(git_repository *repo, const QString &ref, const QString &where)
{
    Object obj;
    if (git_revparse_single(obj.out(), repo, ref.toUtf8().constData()) != 0)
        return fail(ErrorCode::NotFound, QStringLiteral("cannot resolve '%1'").arg(ref), where);
    Object commit;
    if (git_object_peel(commit.out(), obj.get(), GIT_OBJECT_COMMIT) != 0)
        return fail(ErrorCode::BadInput, QStringLiteral("'%1' does not name a commit").arg(ref), where);
    return *git_object_id(commit.get());
}

int makeSignature(git_signature **out, const GitSignature &who)
{
    const QDateTime at = who.when.isValid() ? who.when : QDateTime::currentDateTimeUtc();
    return git_signature_new(out, who.name.toUtf8().constData(), who.email.toUtf8().constData(),
        at.toSecsSinceEpoch(), at.offsetFromUtc() / 60);
}

}  // namespace cockpit::git
