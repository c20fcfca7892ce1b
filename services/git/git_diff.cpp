// GitService::diffFile: one path, blob to blob (no tree diff, so no rename detection or
// pathspec matching over the whole tree).
#include "git_service.h"

#include "git_handles.h"

namespace cockpit {
namespace {

// The blob at path in the commit ref names; a null Blob when the path does not exist there.
Result<git::Blob> blobAt(git_repository *repo, const QString &ref, const QString &path, const QString &where)
{
    auto oid = git::resolveCommitOid(repo, ref, where);
    if (!oid)
        return std::unexpected(oid.error());
    git::Commit commit;
    git::Tree tree;
    if (git_commit_lookup(commit.out(), repo, &*oid) != 0 || git_commit_tree(tree.out(), commit.get()) != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot read the tree of '%1'").arg(ref), where);
    git::TreeEntry entry;
    git::Blob blob;
    if (git_tree_entry_bypath(entry.out(), tree.get(), path.toUtf8().constData()) != 0)
        return blob;
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB)
        return fail(ErrorCode::BadInput, QStringLiteral("%1 is not a file at '%2'").arg(path, ref),
            SourceLocation {where});
    if (git_blob_lookup(blob.out(), repo, git_tree_entry_id(entry.get())) != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot read %1 at '%2'").arg(path, ref), where);
    return blob;
}

QString chompLine(const char *content, size_t len)
{
    while (len > 0 && (content[len - 1] == '\n' || content[len - 1] == '\r'))
        --len;
    return QString::fromUtf8(content, static_cast<qsizetype>(len));
}

int onBinary(const git_diff_delta *, const git_diff_binary *, void *payload)
{
    static_cast<FileDiff *>(payload)->binary = true;
    return 0;
}

int onHunk(const git_diff_delta *, const git_diff_hunk *hunk, void *payload)
{
    auto *diff = static_cast<FileDiff *>(payload);
    diff->hunks.append(DiffHunk {chompLine(hunk->header, hunk->header_len), {}});
    return 0;
}

int onLine(const git_diff_delta *, const git_diff_hunk *, const git_diff_line *line, void *payload)
{
    auto *diff = static_cast<FileDiff *>(payload);
    const char origin = line->origin;
    // '=', '>' and '<' only report "no newline at end of file": not lines of the file.
    if (diff->hunks.isEmpty()
        || (origin != GIT_DIFF_LINE_CONTEXT && origin != GIT_DIFF_LINE_ADDITION
            && origin != GIT_DIFF_LINE_DELETION))
        return 0;
    diff->hunks.last().lines.append(
        DiffLine {origin, line->old_lineno, line->new_lineno, chompLine(line->content, line->content_len)});
    return 0;
}

}  // namespace

Result<FileDiff> GitService::diffFile(const QString &fromRef, const QString &toRef, const QString &path) const
{
    auto oldBlob = blobAt(raw(), fromRef, path, workdir());
    if (!oldBlob)
        return std::unexpected(oldBlob.error());
    auto newBlob = blobAt(raw(), toRef, path, workdir());
    if (!newBlob)
        return std::unexpected(newBlob.error());
    if (!*oldBlob && !*newBlob)
        return fail(ErrorCode::NotFound,
            QStringLiteral("%1 exists at neither '%2' nor '%3'").arg(path, fromRef, toRef),
            SourceLocation {workdir()});
    FileDiff diff;
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    opts.context_lines = 3;
    const QByteArray p = path.toUtf8();
    if (git_diff_blobs(oldBlob->get(), p.constData(), newBlob->get(), p.constData(), &opts, nullptr, onBinary,
            onHunk, onLine, &diff)
        != 0)
        return git::fail(ErrorCode::Failed,
            QStringLiteral("cannot diff %1 between '%2' and '%3'").arg(path, fromRef, toRef), workdir());
    return diff;
}

Result<FileDiff> GitService::diffTexts(const QByteArray &before, const QByteArray &after, const QString &path)
{
    git::ensureInit();
    FileDiff diff;
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    opts.context_lines = 3;
    const QByteArray p = path.toUtf8();
    if (git_diff_buffers(before.constData(), size_t(before.size()), p.constData(), after.constData(),
            size_t(after.size()), p.constData(), &opts, nullptr, onBinary, onHunk, onLine, &diff)
        != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot diff the edits of %1").arg(path));
    return diff;
}

}  // namespace cockpit
