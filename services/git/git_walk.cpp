// GitService::commits: `git log A..B` through one revwalk with A hidden.
#include "git_service.h"

#include "git_handles.h"

#include <QStringDecoder>
#include <string_view>

namespace cockpit {
namespace {

constexpr int kProgressEvery = 512;  // often enough for a progress bar, rare enough to cost nothing

bool isBlank(std::string_view line)
{
    return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// git's %s and %b: the subject is the first paragraph with its lines joined by spaces, the body
// everything after the blank lines that follow it, trailing whitespace dropped.
void splitMessage(std::string_view msg, QStringDecoder *decoder, CommitInfo &out)
{
    const auto decode = [decoder](std::string_view s) {
        const QByteArrayView bytes(s.data(), static_cast<qsizetype>(s.size()));
        return decoder ? QString(decoder->decode(bytes)) : QString::fromUtf8(bytes);
    };
    size_t pos = 0;
    std::string subject;
    bool inBody = false;
    while (pos < msg.size()) {
        size_t end = msg.find('\n', pos);
        if (end == std::string_view::npos)
            end = msg.size();
        const std::string_view line = msg.substr(pos, end - pos);
        const size_t next = end + 1;
        if (isBlank(line)) {
            inBody = !subject.empty();
        } else if (inBody) {
            std::string_view body = msg.substr(pos);
            while (!body.empty()
                && (body.back() == '\n' || body.back() == ' ' || body.back() == '\r' || body.back() == '\t'))
                body.remove_suffix(1);
            out.body = decode(body);
            break;
        } else {
            std::string_view trimmed = line;
            while (!trimmed.empty()
                && (trimmed.back() == ' ' || trimmed.back() == '\r' || trimmed.back() == '\t'))
                trimmed.remove_suffix(1);
            if (!subject.empty())
                subject += ' ';
            subject.append(trimmed);
        }
        pos = next;
    }
    out.subject = decode(subject);
}

void fillCommit(const git_commit *commit, const git_oid *oid, CommitInfo &out)
{
    out.sha = git::oidToString(oid);
    const char *encoding = git_commit_message_encoding(commit);
    std::optional<QStringDecoder> decoder;
    if (encoding && qstricmp(encoding, "UTF-8") != 0 && qstricmp(encoding, "UTF8") != 0) {
        decoder.emplace(encoding);
        if (!decoder->isValid())
            decoder.reset();  // unknown charset: UTF-8 with replacement characters is the best guess
    }
    const char *message = git_commit_message(commit);
    splitMessage(
        message ? std::string_view(message) : std::string_view(), decoder ? &*decoder : nullptr, out);
    if (const git_signature *author = git_commit_author(commit)) {
        out.authorName = QString::fromUtf8(author->name);
        out.authorEmail = QString::fromUtf8(author->email);
        out.time = QDateTime::fromSecsSinceEpoch(author->when.time, Qt::UTC);
    }
    const unsigned int parents = git_commit_parentcount(commit);
    out.parents.reserve(parents);
    for (unsigned int p = 0; p < parents; ++p)
        out.parents.append(git::oidToString(git_commit_parent_id(commit, p)));
}

}  // namespace

Result<QList<CommitInfo>> GitService::commits(const QString &fromRef, const QString &toRef,
    std::stop_token stop, std::function<void(int done)> progress) const
{
    auto to = git::resolveCommitOid(raw(), toRef, workdir());
    if (!to)
        return std::unexpected(to.error());
    git::Revwalk walk;
    if (git_revwalk_new(walk.out(), raw()) != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot walk history"), workdir());
    // Commit-date order is what `git log` prints without --topo-order; topological sorting would
    // make libgit2 read the whole range before the first result.
    git_revwalk_sorting(walk.get(), GIT_SORT_TIME);
    if (git_revwalk_push(walk.get(), &*to) != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot walk from '%1'").arg(toRef), workdir());
    if (!fromRef.isEmpty()) {
        auto from = git::resolveCommitOid(raw(), fromRef, workdir());
        if (!from)
            return std::unexpected(from.error());
        if (git_revwalk_hide(walk.get(), &*from) != 0)
            return git::fail(ErrorCode::Failed, QStringLiteral("cannot hide '%1'").arg(fromRef), workdir());
    }
    QList<CommitInfo> out;
    git_oid oid;
    int rc = 0;
    while ((rc = git_revwalk_next(&oid, walk.get())) == 0) {
        if (stop.stop_requested())
            return fail(ErrorCode::Failed, QStringLiteral("cancelled"));
        git::Commit commit;
        if (git_commit_lookup(commit.out(), raw(), &oid) != 0)
            return git::fail(ErrorCode::Failed,
                QStringLiteral("cannot read commit %1").arg(git::oidToString(&oid)), workdir());
        fillCommit(commit.get(), &oid, out.emplace_back());
        if (progress && out.size() % kProgressEvery == 0)
            progress(static_cast<int>(out.size()));
    }
    if (rc != GIT_ITEROVER)
        return git::fail(
            ErrorCode::Failed, QStringLiteral("cannot walk %1..%2").arg(fromRef, toRef), workdir());
    if (progress)
        progress(static_cast<int>(out.size()));
    return out;
}

}  // namespace cockpit
