#include "release_base_tag.h"

namespace cockpit {

Result<std::optional<GitTagInfo>> releaseBaseTag(
    const GitService &git, const QString &tagFormat, const QString &toSha, const QString &releaseTag)
{
    auto tag = git.lastReleaseTag(tagFormat, toSha);
    if (!tag || !*tag || releaseTag.isEmpty() || (*tag)->name != releaseTag)
        return tag;
    auto parent = git.resolve(toSha + QStringLiteral("~1"));
    if (!parent)
        return std::optional<GitTagInfo> {};  // the release is the root commit
    return git.lastReleaseTag(tagFormat, *parent);
}

}  // namespace cockpit
