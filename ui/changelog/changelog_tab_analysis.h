#pragma once
// The Changelog tab's work that runs off the GUI thread, as plain functions over values: reading
// the file and the repository (a snapshot), and lint + coverage of a text against the commits (an
// analysis). Kept apart from the widgets so each step is testable and cancellable on its own.
#include "changelog_editor.h"
#include "changelog_file.h"
#include "changelog_style.h"
#include "commit_coverage_model.h"
#include "commit_info.h"
#include "error.h"
#include "git_service.h"
#include "release.h"

#include <QByteArray>
#include <QDate>
#include <QStringList>
#include <optional>

namespace cockpit {

struct Policy;
struct Changelog;

// What the load reads from disk and git for the shown release.
struct ChangelogSnapshot {
    QString root;  // work tree
    QString relativePath;  // policy.changelogPath ("CHANGELOG.md")
    QString path;  // absolute
    bool exists = false;
    QString lastTag;  // the release tag the commits are counted from; empty: none yet
    QString lastTagSha;
    QString toSha;  // the release's commit, or HEAD when it has none
    QStringList taggedVersions;  // versions that have a tag, for the "version with no tag" rule
    bool haveDiff = false;
    FileDiff diff;  // lastTag -> toSha
    QString diffMessage;  // why there is no diff
    bool workingCopyDiffers = false;  // the file on disk is not what toSha has
    ChangelogFile file;  // as read: Save refuses to overwrite a file changed on disk since
};

Result<ChangelogSnapshot> loadChangelogSnapshot(
    const QString &root, const Policy &policy, const ReleaseRecord &release);

struct ChangelogAnalysis {
    bool parsed = false;
    QString parseError;
    QList<EditorDiagnostic> diagnostics;
    int errors = 0;
    int warnings = 0;
    QString section;  // the section commits are checked against: "Unreleased" or the release's
    QList<CoverageRow> rows;
    int covered = 0;
    int uncovered = 0;
    int exempt = 0;
    int probable = 0;  // uncovered rows with a "probably covered by line N?" hint
    QString suggestedBump;  // major, minor, patch
    QStringList notes;  // coverage warnings (bump disagrees with the version, ...)

    [[nodiscard]] bool lintClean() const { return parsed && errors == 0 && warnings == 0; }
    [[nodiscard]] bool fullyCovered() const { return uncovered == 0; }
};

struct AnalysisInput {
    QByteArray text;
    QString path;
    QStringList extraSections;
    QStringList exemptTypes;
    QStringList taggedVersions;
    QList<CommitInfo> commits;
    bool commitsLoaded = false;
    QString version;  // the shown release
    QString previousVersion;  // the last release tag's version, for the bump check
};

ChangelogAnalysis analyseChangelog(const AnalysisInput &input);

// An entry drafted from a commit: the Keep a Changelog section and the line's text (without "- ").
struct DraftEntry {
    QString section;
    QString text;
};
// The text in the file's own style (detectEntryStyle): capitals, period, PR citation, backticks.
DraftEntry draftEntryFor(const CoverageRow &row, const EntryStyle &style = {});

// Inserts "- text" under the section of Unreleased (insertUnreleasedEntry: the section is created
// in canonical order when missing) and finds the 1-based line it landed on.
struct InsertedEntry {
    QByteArray text;
    int line = 0;
};
Result<InsertedEntry> insertDraftEntry(
    const QByteArray &text, const DraftEntry &entry, const QStringList &extraSections);

}  // namespace cockpit
