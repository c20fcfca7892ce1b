#pragma once
// The tag a release's commits are counted from, the same for the Changelog tab and
// `changelog coverage`: the last release tag reachable from the release's commit, or, when that is
// the release's own tag (already cut), the one before it. None: count from the root.
#include "git_service.h"

namespace cockpit {

Result<std::optional<GitTagInfo>> releaseBaseTag(
    const GitService &git, const QString &tagFormat, const QString &toSha, const QString &releaseTag);

}  // namespace cockpit
