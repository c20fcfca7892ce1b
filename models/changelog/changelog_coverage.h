#pragma once
// Which commits since the last tag the changelog's Unreleased entries cover, exactly: an entry
// that cites pull requests, issues or SHA prefixes covers the commits it cites and no other; an
// entry that cites nothing covers a commit whose subject it restates word for word. Anything
// looser (an entry containing the subject, a citing entry with the same words) only suggests
// ("probably covered by line N?"): it never counts as covered.
// Also the version bump the commits call for, and where the release disagrees with it.
#include "changelog.h"
#include "commit_info.h"
#include "conventional_commit.h"

#include <QStringList>

namespace cockpit {

struct CommitCoverage {
    CommitInfo commit;
    ConventionalCommit cc;
    bool covered = false;
    bool exempt = false;  // its type is exempt (chore, ci, ...) and it is not breaking
    QString coveredBy;  // the entry's text
    int entryLine = 0;  // the entry's first line; 0 when not covered
    // Not covered, but an entry says much the same: a person decides (cite the PR, or add one).
    QString suggestedBy;
    int suggestedLine = 0;  // 0: no suggestion
};

struct CoverageReport {
    QList<CommitCoverage> commits;  // in the order given, merges skipped
    QString suggestedBump;  // major | minor | patch | none
    QStringList warnings;

    [[nodiscard]] int uncoveredCount() const;  // neither covered nor exempt
};

struct CoverageOptions {
    // Commit types that need no entry; empty means the default list below.
    QStringList exemptTypes;
    QString releaseVersion;  // the version being released (optional): its section is used when
                             // the changelog already has one, and its bump is checked
    QString previousVersion;  // the last release (optional), for the bump check

    static QStringList defaultExemptTypes();  // chore, ci, test, build, style, refactor, docs
};

CoverageReport computeCoverage(
    const QList<CommitInfo> &commits, const Changelog &changelog, const CoverageOptions &opts);

// The entries coverage reads: releaseVersion's section when present, else Unreleased.
const ChangelogRelease *coverageRelease(const Changelog &changelog, const QString &releaseVersion);

}  // namespace cockpit
