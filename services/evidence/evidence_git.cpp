#include "evidence_git.h"

#include "git_handles.h"
#include "git_service.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace cockpit {
namespace {

// Names of the files directly under dir in the tree of ref; empty when dir is absent there.
Result<QSet<QString>> filesUnder(git_repository *repo, const QString &ref, const QString &dir)
{
    QSet<QString> names;
    if (ref.isEmpty() || dir.isEmpty())
        return names;
    git::Object tree;
    const QByteArray spec = (ref + QStringLiteral("^{tree}")).toUtf8();
    if (git_revparse_single(tree.out(), repo, spec.constData()) != 0)
        return git::fail(ErrorCode::NotFound, QStringLiteral("cannot read the tree of '%1'").arg(ref));
    git::TreeEntry entry;
    if (git_tree_entry_bypath(entry.out(), reinterpret_cast<git_tree *>(tree.get()), dir.toUtf8().constData())
            != 0
        || git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE)
        return names;
    git::Tree sub;
    if (git_tree_lookup(sub.out(), repo, git_tree_entry_id(entry.get())) != 0)
        return git::fail(ErrorCode::Unavailable, QStringLiteral("cannot read '%1' at '%2'").arg(dir, ref));
    const size_t count = git_tree_entrycount(sub.get());
    for (size_t i = 0; i < count; ++i) {
        const git_tree_entry *e = git_tree_entry_byindex(sub.get(), i);
        if (git_tree_entry_type(e) == GIT_OBJECT_BLOB)
            names.insert(QString::fromUtf8(git_tree_entry_name(e)));
    }
    return names;
}

Result<QString> previousReleaseTag(
    const GitService &git, const Policy &policy, const QString &version, const QString &commit)
{
    const auto current = SemVer::parse(version);
    auto tags = git.tags();
    if (!current || !tags)
        return QString();
    for (const GitTagInfo &tag : *tags) {  // SemVer-descending: the first match is the highest
        if (!tag.version || !tag.version->prerelease().isEmpty() || tag.version->compare(*current) >= 0)
            continue;
        if (tag.name != policy.tagFor(tag.version->toString()))
            continue;
        auto ancestor = git.isAncestor(tag.targetSha, commit);
        if (ancestor && *ancestor)
            return tag.name;
    }
    return QString();
}

}  // namespace

Result<EvidenceGitFacts> evidenceGitFacts(
    const QString &root, const Policy &policy, const QString &version, const QString &commit)
{
    auto git = GitService::open(root, policy.tagFormat);
    if (!git)
        return std::unexpected(git.error());
    EvidenceGitFacts facts;
    auto sha = git->resolve(commit.isEmpty() ? QStringLiteral("HEAD") : commit);
    if (!sha)
        return std::unexpected(sha.error());
    facts.gitSha = *sha;
    if (auto tag = git->tag(policy.tagFor(version)); tag && tag->targetSha == facts.gitSha)
        facts.gitTag = tag->name;
    auto previous = previousReleaseTag(*git, policy, version, facts.gitSha);
    if (!previous)
        return std::unexpected(previous.error());
    facts.previousTag = *previous;

    git::Ptr<git_repository, git_repository_free> repo;
    git::ensureInit();
    if (git_repository_open(repo.out(), root.toUtf8().constData()) != 0)
        return git::fail(ErrorCode::Unavailable, QStringLiteral("cannot open the repository"), root);
    const QString dir = QString(policy.evidenceMigrations).remove(QRegularExpression(QStringLiteral("/+$")));
    auto now = filesUnder(repo.get(), facts.gitSha, dir);
    auto before = filesUnder(repo.get(), facts.previousTag, dir);
    if (!now || !before)
        return std::unexpected(!now ? now.error() : before.error());
    // Notes beside the migrations (README.md, .gitkeep) are not migrations.
    static const QRegularExpression notes(
        QStringLiteral("^\\.|\\.(md|txt|rst)$"), QRegularExpression::CaseInsensitiveOption);
    for (const QString &name : *now)
        if (!before->contains(name) && !notes.match(name).hasMatch())
            facts.migrations.append(QFileInfo(name).completeBaseName());
    facts.migrations.sort();
    return facts;
}

}  // namespace cockpit
