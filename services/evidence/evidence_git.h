#pragma once
// What the evidence pack's manifest takes from git: the release tag (when it exists), the previous
// release tag, and the migrations the release adds (files under the policy's evidence.migrations
// directory at the release commit that the previous release tag's tree did not have).
#include "error.h"
#include "policy.h"

#include <QStringList>

namespace cockpit {

struct EvidenceGitFacts {
    QString gitSha;  // the commit given
    QString gitTag;  // policy.tagFor(version) when that tag exists, else empty
    QString previousTag;  // the highest earlier GA release tag that is an ancestor; empty if none
    QStringList migrations;  // file names without extension, sorted
};

// Blocking (libgit2): run it off the GUI thread. Unavailable when root is not a repository,
// NotFound when the commit cannot be resolved.
Result<EvidenceGitFacts> evidenceGitFacts(
    const QString &root, const Policy &policy, const QString &version, const QString &commit);

}  // namespace cockpit
