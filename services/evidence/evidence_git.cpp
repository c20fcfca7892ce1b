#include "evidence_git.h"

#include "git_service.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace cockpit {
namespace {

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

    const QString dir = QString(policy.evidenceMigrations).remove(QRegularExpression(QStringLiteral("/+$")));
    auto now = git->filesIn(facts.gitSha, dir);
    auto before = git->filesIn(facts.previousTag, dir);
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
