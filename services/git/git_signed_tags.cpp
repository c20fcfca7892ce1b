// GitService: signed annotated tags as `git tag -s` writes them, and the raw tag object a
// verification splits into payload and signature.
#include "git_service.h"

#include "git_handles.h"

namespace cockpit {
namespace {

// "+0100", "-0530": git's offset in a tagger line.
QByteArray offsetText(int minutes)
{
    const char sign = minutes < 0 ? '-' : '+';
    const int m = std::abs(minutes);
    return sign + QByteArray::number(m / 60).rightJustified(2, '0') + QByteArray::number(m % 60).rightJustified(2, '0');
}

}  // namespace

Result<GitTagInfo> GitService::createSignedTag(const QString &name, const QString &commitSha,
    const QString &message, const GitSignature &tagger, const PayloadSigner &sign)
{
    auto oid = git::resolveCommitOid(raw(), commitSha, workdir());
    if (!oid)
        return std::unexpected(oid.error());
    const QByteArray refName = "refs/tags/" + name.toUtf8();
    if (git_reference_is_valid_name(refName.constData()) != 1)
        return fail(ErrorCode::BadInput, QStringLiteral("'%1' is not a valid tag name").arg(name));
    git::Reference existing;
    if (git_reference_lookup(existing.out(), raw(), refName.constData()) == 0)
        return fail(ErrorCode::Conflict, QStringLiteral("tag %1 already exists").arg(name), SourceLocation {workdir()});
    git::Signature sig;
    if (git::makeSignature(sig.out(), tagger) != 0)
        return git::fail(ErrorCode::BadInput,
            QStringLiteral("invalid tagger '%1 <%2>'").arg(tagger.name, tagger.email), workdir());
    // What `git tag -m` stores: trailing whitespace trimmed, one final newline ('#' lines kept).
    git_buf clean = GIT_BUF_INIT;
    const QByteArray raw8 = message.toUtf8();
    const bool prettified = git_message_prettify(&clean, raw8.constData(), 0, '#') == 0;
    QByteArray text = prettified ? QByteArray(clean.ptr, static_cast<qsizetype>(clean.size)) : raw8;
    git_buf_dispose(&clean);
    if (!text.endsWith('\n'))
        text += '\n';
    // The object's text as git lays it out (libgit2's tag writer uses the same layout).
    const git_signature *who = sig.get();
    QByteArray payload;
    payload += "object " + git::oidToString(&*oid).toLatin1() + '\n';
    payload += "type commit\n";
    payload += "tag " + name.toUtf8() + '\n';
    payload += QByteArray("tagger ") + who->name + " <" + who->email + "> "
        + QByteArray::number(static_cast<qint64>(who->when.time)) + ' ' + offsetText(who->when.offset) + '\n';
    payload += '\n';
    payload += text;
    auto signature = sign(payload);
    if (!signature)
        return std::unexpected(signature.error());
    const QByteArray object = payload + *signature;
    git_oid tagId;
    const int rc = git_tag_create_from_buffer(&tagId, raw(), object.constData(), 0);
    if (rc == GIT_EEXISTS)
        return fail(ErrorCode::Conflict, QStringLiteral("tag %1 already exists").arg(name), SourceLocation {workdir()});
    if (rc != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot create signed tag %1").arg(name), workdir());
    qCDebug(lcGit) << "signed tag" << name << "at" << commitSha.left(12);
    return tag(name);
}

Result<QByteArray> GitService::tagObject(const QString &name) const
{
    git::Reference ref;
    const QByteArray full = "refs/tags/" + name.toUtf8();
    if (git_reference_lookup(ref.out(), raw(), full.constData()) != 0)
        return fail(ErrorCode::NotFound, QStringLiteral("tag %1 does not exist").arg(name), SourceLocation {workdir()});
    git::Reference resolved;
    if (git_reference_resolve(resolved.out(), ref.get()) != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot resolve tag %1").arg(name), workdir());
    git::Odb odb;
    if (git_repository_odb(odb.out(), raw()) != 0)
        return git::fail(ErrorCode::Unavailable, QStringLiteral("cannot open the object database"), workdir());
    git_odb_object *obj = nullptr;
    if (git_odb_read(&obj, odb.get(), git_reference_target(resolved.get())) != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot read the object of tag %1").arg(name), workdir());
    const bool isTag = git_odb_object_type(obj) == GIT_OBJECT_TAG;
    const QByteArray bytes(static_cast<const char *>(git_odb_object_data(obj)),
        static_cast<qsizetype>(git_odb_object_size(obj)));
    git_odb_object_free(obj);
    if (!isTag)
        return fail(ErrorCode::BadInput, QStringLiteral("%1 is a lightweight tag: it has no object to sign").arg(name),
            SourceLocation {workdir()});
    return bytes;
}

}  // namespace cockpit
