// GitService: tag listing through refs/tags/*, the last release tag, annotated tag creation.
#include "git_service.h"

#include "git_handles.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <vector>

namespace cockpit {
namespace {

struct OidHash {
    size_t operator()(const git_oid &oid) const noexcept
    {
        size_t h = 0;
        std::memcpy(&h, oid.id, sizeof h);  // already uniformly distributed
        return h;
    }
};
struct OidEqual {
    bool operator()(const git_oid &a, const git_oid &b) const noexcept { return git_oid_equal(&a, &b) != 0; }
};

QDateTime fromGitTime(const git_time &t)
{
    return QDateTime::fromSecsSinceEpoch(t.time, Qt::UTC);
}

// Fills everything but the version from the object a tag reference points at. Commits are never
// parsed: the object header says "commit" for a lightweight tag, the tag object names its target.
void describeTarget(git_repository *repo, git_odb *odb, git_reference *ref, GitTagInfo &info)
{
    git::Reference resolved;
    if (git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC) {
        if (git_reference_resolve(resolved.out(), ref) != 0)
            return;
        ref = resolved.get();
    }
    const git_oid *direct = git_reference_target(ref);
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (!direct || git_odb_read_header(&size, &type, odb, direct) != 0)
        return;
    if (type == GIT_OBJECT_COMMIT) {
        info.targetSha = git::oidToString(direct);
        return;
    }
    git::Tag tag;
    if (type != GIT_OBJECT_TAG || git_tag_lookup(tag.out(), repo, direct) != 0)
        return;  // a tag on a tree or blob: listed, but it names no commit
    info.annotated = true;
    info.message = QString::fromUtf8(git_tag_message(tag.get()));
    if (const git_signature *tagger = git_tag_tagger(tag.get())) {
        info.taggerName = QString::fromUtf8(tagger->name);
        info.taggerEmail = QString::fromUtf8(tagger->email);
        info.taggedAt = fromGitTime(tagger->when);
    }
    if (git_tag_target_type(tag.get()) == GIT_OBJECT_COMMIT) {
        info.targetSha = git::oidToString(git_tag_target_id(tag.get()));
        return;
    }
    git::Object peeled;  // a tag of a tag: rare, peel the slow way
    if (git_object_peel(peeled.out(), reinterpret_cast<git_object *>(tag.get()), GIT_OBJECT_COMMIT) == 0)
        info.targetSha = git::oidToString(git_object_id(peeled.get()));
}

// Tag names with the object each points at, read from the references alone (packed-refs after a
// clone): choosing a release tag parses names first and peels only the tags it looks at.
struct TagRef {
    QString name;
    git_oid direct;
};

Result<std::vector<TagRef>> listTagRefs(git_repository *repo, const QString &where)
{
    git::RefIterator it;
    if (git_reference_iterator_glob_new(it.out(), repo, "refs/tags/*") != 0)
        return git::fail(ErrorCode::Unavailable, QStringLiteral("cannot list tags"), where);
    std::vector<TagRef> out;
    git_reference *raw = nullptr;
    while (git_reference_next(&raw, it.get()) == 0) {
        git::Reference ref(raw);
        if (const git_oid *target = git_reference_target(ref.get()))
            out.push_back({QString::fromUtf8(git_reference_shorthand(ref.get())), *target});
    }
    return out;
}

// The commit a tag object (or a commit) leads to; false when it leads to none.
bool peelToCommit(git_repository *repo, const git_oid &direct, git_oid *commit)
{
    git::Object obj;
    git::Object peeled;
    if (git_object_lookup(obj.out(), repo, &direct, GIT_OBJECT_ANY) != 0)
        return false;
    if (git_object_type(obj.get()) == GIT_OBJECT_COMMIT) {
        *commit = direct;
        return true;
    }
    if (git_object_type(obj.get()) == GIT_OBJECT_TAG
        && git_tag_target_type(reinterpret_cast<git_tag *>(obj.get())) == GIT_OBJECT_COMMIT) {
        *commit = *git_tag_target_id(reinterpret_cast<git_tag *>(obj.get()));
        return true;
    }
    if (git_object_peel(peeled.out(), obj.get(), GIT_OBJECT_COMMIT) != 0)
        return false;
    *commit = *git_object_id(peeled.get());
    return true;
}

// One walk from `from`: the index of the first of `tagged` (ranked, from `first` on) whose commit
// it reaches; tagged.size() when none; nullopt when the walk fails.
std::optional<size_t> highestReachable(
    git_repository *repo, const git_oid &from, const std::vector<git_oid> &tagged, size_t first)
{
    std::unordered_map<git_oid, size_t, OidHash, OidEqual> byCommit;
    for (size_t k = tagged.size(); k-- > first;) {
        git_oid c;
        if (peelToCommit(repo, tagged[k], &c))
            byCommit[c] = k;  // the highest-ranked tag of a commit wins
    }
    git::Revwalk walk;
    if (git_revwalk_new(walk.out(), repo) != 0 || git_revwalk_push(walk.get(), &from) != 0)
        return std::nullopt;
    size_t best = tagged.size();
    git_oid oid;
    while (best != first && git_revwalk_next(&oid, walk.get()) == 0) {
        if (auto hit = byCommit.find(oid); hit != byCommit.end())
            best = std::min(best, hit->second);
    }
    return best;
}

}  // namespace

void sortTagsByVersion(QList<GitTagInfo> &tags)
{
    std::stable_sort(tags.begin(), tags.end(), [](const GitTagInfo &a, const GitTagInfo &b) {
        if (a.version && b.version) {
            const int c = a.version->compare(*b.version);
            return c != 0 ? c > 0 : a.name < b.name;  // "v1.0.0+a" and "v1.0.0+b": by name
        }
        if (a.version || b.version)
            return a.version.has_value();
        return a.name < b.name;
    });
}

Result<QList<GitTagInfo>> GitService::tags() const
{
    git::RefIterator it;
    if (git_reference_iterator_glob_new(it.out(), raw(), "refs/tags/*") != 0)
        return git::fail(ErrorCode::Unavailable, QStringLiteral("cannot list tags"), workdir());
    git::Odb odb;
    if (git_repository_odb(odb.out(), raw()) != 0)
        return git::fail(
            ErrorCode::Unavailable, QStringLiteral("cannot open the object database"), workdir());
    QList<GitTagInfo> result;
    git_reference *ref = nullptr;
    while (git_reference_next(&ref, it.get()) == 0) {
        git::Reference owned(ref);
        GitTagInfo info;
        info.name = QString::fromUtf8(git_reference_shorthand(ref));
        describeTarget(raw(), odb.get(), ref, info);
        info.version = versionOf(info.name, m_tagFormat);
        result.append(std::move(info));
    }
    sortTagsByVersion(result);
    return result;
}

Result<GitTagInfo> GitService::tag(const QString &name) const
{
    git::Reference ref;
    const QByteArray full = "refs/tags/" + name.toUtf8();
    if (git_reference_lookup(ref.out(), raw(), full.constData()) != 0)
        return fail(ErrorCode::NotFound, QStringLiteral("tag %1 does not exist").arg(name),
            SourceLocation {workdir()});
    git::Odb odb;
    if (git_repository_odb(odb.out(), raw()) != 0)
        return git::fail(
            ErrorCode::Unavailable, QStringLiteral("cannot open the object database"), workdir());
    GitTagInfo info;
    info.name = name;
    describeTarget(raw(), odb.get(), ref.get(), info);
    info.version = versionOf(name, m_tagFormat);
    return info;
}

Result<std::optional<GitTagInfo>> GitService::lastReleaseTag(
    const QString &tagFormat, const QString &fromRef, bool includePrereleases) const
{
    auto from = git::resolveCommitOid(raw(), fromRef, workdir());
    if (!from)
        return std::unexpected(from.error());
    auto refs = listTagRefs(raw(), workdir());
    if (!refs)
        return std::unexpected(refs.error());
    struct Candidate {
        SemVer version;
        const TagRef *ref;
    };
    std::vector<Candidate> candidates;
    for (const TagRef &r : *refs) {
        if (auto v = versionOf(r.name, tagFormat); v && (includePrereleases || !v->isPrerelease()))
            candidates.push_back({*v, &r});
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        const int c = a.version.compare(b.version);
        return c != 0 ? c > 0 : a.ref->name < b.ref->name;
    });
    // Usually the highest tag is reachable: a merge-base check or two settles it. Past a few
    // misses (maintenance branches with higher tags elsewhere), one walk beats many merge-bases.
    const auto found = [this](const QString &name) -> Result<std::optional<GitTagInfo>> {
        auto info = tag(name);
        if (!info)
            return std::unexpected(info.error());
        return std::optional<GitTagInfo>(std::move(*info));
    };
    constexpr size_t kDirectChecks = 4;
    size_t i = 0;
    for (; i < candidates.size() && i < kDirectChecks; ++i) {
        git_oid c;
        if (!peelToCommit(raw(), candidates[i].ref->direct, &c))
            continue;
        if (git_oid_equal(&c, &*from) || git_graph_descendant_of(raw(), &*from, &c) == 1)
            return found(candidates[i].ref->name);
    }
    if (i >= candidates.size())
        return std::optional<GitTagInfo>();
    std::vector<git_oid> direct;
    for (const Candidate &c : candidates)
        direct.push_back(c.ref->direct);
    auto best = highestReachable(raw(), *from, direct, i);
    if (!best)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot walk from '%1'").arg(fromRef), workdir());
    if (*best == candidates.size())
        return std::optional<GitTagInfo>();
    return found(candidates[*best].ref->name);
}

Result<GitTagInfo> GitService::createAnnotatedTag(
    const QString &name, const QString &commitSha, const QString &message, const GitSignature &tagger)
{
    auto oid = git::resolveCommitOid(raw(), commitSha, workdir());
    if (!oid)
        return std::unexpected(oid.error());
    git::Object target;
    if (git_object_lookup(target.out(), raw(), &*oid, GIT_OBJECT_COMMIT) != 0)
        return git::fail(
            ErrorCode::NotFound, QStringLiteral("cannot find commit %1").arg(commitSha), workdir());
    git::Signature sig;
    if (git::makeSignature(sig.out(), tagger) != 0)
        return git::fail(ErrorCode::BadInput,
            QStringLiteral("invalid tagger '%1 <%2>'").arg(tagger.name, tagger.email), workdir());
    // What `git tag -m` stores: trailing whitespace trimmed, one final newline. Lines starting
    // with '#' are kept: "#123" is an issue reference here, not a comment.
    git_buf clean = GIT_BUF_INIT;
    const QByteArray raw8 = message.toUtf8();
    const bool prettified = git_message_prettify(&clean, raw8.constData(), 0, '#') == 0;
    const QByteArray text = prettified ? QByteArray(clean.ptr, static_cast<qsizetype>(clean.size)) : raw8;
    git_buf_dispose(&clean);
    git_oid tagId;
    const int rc = git_tag_create(
        &tagId, raw(), name.toUtf8().constData(), target.get(), sig.get(), text.constData(), 0);
    if (rc == GIT_EEXISTS)
        return fail(ErrorCode::Conflict, QStringLiteral("tag %1 already exists").arg(name),
            SourceLocation {workdir()});
    if (rc != 0)
        return git::fail(ErrorCode::Failed, QStringLiteral("cannot create tag %1").arg(name), workdir());
    qCDebug(lcGit) << "tagged" << name << "at" << commitSha.left(12);
    return tag(name);
}

}  // namespace cockpit
