#include "changelog_tab_analysis.h"

#include "changelog.h"
#include "changelog_coverage.h"
#include "changelog_cut.h"
#include "changelog_lint.h"
#include "policy.h"
#include "release_base_tag.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcChangelogTab, "cockpit.ui.changelog")

namespace cockpit {
namespace {

EditorDiagnostic::Severity editorSeverity(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return EditorDiagnostic::Severity::Error;
    case Severity::Warning:
        return EditorDiagnostic::Severity::Warning;
    case Severity::Info:
        return EditorDiagnostic::Severity::Info;
    }
    return EditorDiagnostic::Severity::Warning;
}

// The tag the commits are counted from: the last release tag below the release itself (a release
// that is already tagged counts from the one before it); `changelog coverage` counts the same.
Result<std::optional<GitTagInfo>> baseTag(
    const GitService &git, const Policy &policy, const QString &toSha, const QString &version)
{
    return releaseBaseTag(git, policy.tagFormat, toSha, version.isEmpty() ? QString() : policy.tagFor(version));
}

void loadDiff(const GitService &git, ChangelogSnapshot &snapshot)
{
    if (snapshot.lastTag.isEmpty()) {
        snapshot.diffMessage = QObject::tr("No release tag yet: there is nothing to compare %1 against.")
                                   .arg(snapshot.relativePath);
        return;
    }
    auto diff = git.diffFile(snapshot.lastTagSha, snapshot.toSha, snapshot.relativePath);
    if (!diff) {
        snapshot.diffMessage
            = QObject::tr("Could not diff %1: %2").arg(snapshot.relativePath, diff.error().toString());
        return;
    }
    snapshot.haveDiff = true;
    snapshot.diff = std::move(*diff);
    auto committed = git.fileAt(snapshot.toSha, snapshot.relativePath);
    snapshot.workingCopyDiffers = snapshot.exists && (!committed || *committed != snapshot.file.bytes());
}

void analyseCoverage(const Changelog &log, const AnalysisInput &input, ChangelogAnalysis &analysis)
{
    CoverageOptions options;
    options.exemptTypes = input.exemptTypes;
    options.releaseVersion = input.version;
    options.previousVersion = input.previousVersion;
    const CoverageReport report = computeCoverage(input.commits, log, options);
    if (const ChangelogRelease *release = coverageRelease(log, input.version))
        analysis.section = release->isUnreleased() ? QStringLiteral("Unreleased") : release->version;
    analysis.suggestedBump = report.suggestedBump;
    analysis.notes = report.warnings;
    static const QRegularExpression prReference(QStringLiteral("\\s*\\(#\\d+\\)\\s*$"));
    for (const CommitCoverage &c : report.commits) {
        CoverageRow row;
        row.sha = c.commit.sha;
        row.subject = c.commit.subject;
        row.type = c.cc.type;
        row.scope = c.cc.scope;
        row.description = QString(c.cc.description).remove(prReference);
        row.breaking = c.cc.breaking;
        row.pr = c.cc.pullRequests.isEmpty() ? 0 : c.cc.pullRequests.first();
        row.state = c.covered ? CoverageState::Covered
            : c.exempt        ? CoverageState::Exempt
                              : CoverageState::Uncovered;
        row.coveredBy = c.coveredBy;
        row.coveredByLine = c.entryLine;
        row.suggestedBy = c.suggestedBy;
        row.suggestedLine = c.suggestedLine;
        analysis.probable += !c.covered && !c.exempt && c.suggestedLine > 0;
        row.author = c.commit.authorName;
        row.time = c.commit.time;
        analysis.covered += row.state == CoverageState::Covered;
        analysis.uncovered += row.state == CoverageState::Uncovered;
        analysis.exempt += row.state == CoverageState::Exempt;
        analysis.rows.append(row);
    }
}

}  // namespace

Result<ChangelogSnapshot> loadChangelogSnapshot(
    const QString &root, const Policy &policy, const ReleaseRecord &release)
{
    ChangelogSnapshot snapshot;
    snapshot.root = root;
    snapshot.relativePath
        = policy.changelogPath.isEmpty() ? QStringLiteral("CHANGELOG.md") : policy.changelogPath;
    snapshot.path = QDir(root).absoluteFilePath(snapshot.relativePath);
    auto file = ChangelogFile::read(snapshot.path);
    if (!file)
        return std::unexpected(file.error());
    snapshot.file = std::move(*file);
    snapshot.exists = snapshot.file.exists();
    auto git = GitService::open(root, policy.tagFormat);
    if (!git)
        return std::unexpected(git.error());
    auto to = git->resolve(release.commit.isEmpty() ? QStringLiteral("HEAD") : release.commit);
    if (!to)
        return std::unexpected(to.error());
    snapshot.toSha = *to;
    auto tag = baseTag(*git, policy, snapshot.toSha, release.version);
    if (!tag)
        return std::unexpected(tag.error());
    if (*tag) {
        snapshot.lastTag = (*tag)->name;
        snapshot.lastTagSha = (*tag)->targetSha;
    }
    if (auto tags = git->tags()) {
        for (const GitTagInfo &t : std::as_const(*tags))
            if (t.version)
                snapshot.taggedVersions.append(t.version->toString());
    }
    loadDiff(*git, snapshot);
    return snapshot;
}

ChangelogAnalysis analyseChangelog(const AnalysisInput &input)
{
    ChangelogAnalysis analysis;
    auto parsed = parseChangelog(input.text, input.path);
    if (!parsed) {
        analysis.parseError = parsed.error().toString();
        EditorDiagnostic d;
        d.line = qMax(1, parsed.error().location.line);
        d.column = parsed.error().location.column;
        d.severity = EditorDiagnostic::Severity::Error;
        d.rule = QStringLiteral("parse");
        d.message = parsed.error().message;
        analysis.diagnostics.append(d);
        analysis.errors = 1;
        return analysis;
    }
    analysis.parsed = true;
    LintOptions options;
    options.extraSections = input.extraSections;
    options.knownTags = input.taggedVersions;
    options.path = input.path;
    for (const LintDiagnostic &l : lintChangelog(*parsed, input.text, options)) {
        EditorDiagnostic d;
        d.line = l.where.line;
        d.column = l.where.column;
        d.severity = editorSeverity(l.severity);
        d.rule = l.ruleId;
        d.message = l.message;
        analysis.errors += l.severity == Severity::Error;
        analysis.warnings += l.severity == Severity::Warning;
        analysis.diagnostics.append(d);
    }
    if (input.commitsLoaded)
        analyseCoverage(*parsed, input, analysis);
    return analysis;
}

Result<InsertedEntry> insertDraftEntry(
    const QByteArray &text, const DraftEntry &entry, const QStringList &extraSections)
{
    auto inserted = insertUnreleasedEntry(text, entry.section, entry.text, extraSections);
    if (!inserted)
        return std::unexpected(inserted.error());
    // The entry's line: the first line that differs, or the first line after it that is the entry.
    const QList<QByteArray> before = text.split('\n');
    const QList<QByteArray> after = inserted->split('\n');
    const QByteArray wanted = "- " + entry.text.toUtf8();
    int first = 0;
    while (first < before.size() && first < after.size() && before[first] == after[first])
        ++first;
    for (int i = first; i < after.size(); ++i)
        if (after[i].trimmed() == wanted)
            return InsertedEntry {*inserted, i + 1};
    return InsertedEntry {*inserted, first + 1};
}

}  // namespace cockpit

namespace cockpit {

DraftEntry draftEntryFor(const CoverageRow &row, const EntryStyle &style)
{
    const QString description = row.description.isEmpty() ? row.subject.trimmed() : row.description.trimmed();
    const QString lower = description.toLower();
    const QString type = row.type.toLower();
    auto startsWithAny = [&lower](std::initializer_list<const char *> words) {
        for (const char *w : words)
            if (lower.startsWith(QLatin1String(w)))
                return true;
        return false;
    };
    DraftEntry draft;
    if (type == QLatin1String("security")
        || row.scope.compare(QLatin1String("security"), Qt::CaseInsensitive) == 0
        || lower.contains(QLatin1String("cve-")) || lower.contains(QLatin1String("vulnerab")))
        draft.section = QStringLiteral("Security");
    else if (type == QLatin1String("deprecate") || startsWithAny({"deprecate"}))
        draft.section = QStringLiteral("Deprecated");
    else if (startsWithAny({"remove", "drop", "delete"}))
        draft.section = QStringLiteral("Removed");
    else if (row.breaking)
        draft.section = QStringLiteral("Changed");
    else if (type == QLatin1String("feat"))
        draft.section = QStringLiteral("Added");
    else if (type == QLatin1String("fix"))
        draft.section = QStringLiteral("Fixed");
    else
        draft.section = QStringLiteral("Changed");
    // The PR number (or the short SHA) is what coverage recognises the entry by.
    const QString text = styleEntry(style, description, row.pr, row.sha.left(7));
    draft.text = row.breaking ? QStringLiteral("**Breaking:** %1").arg(text) : text;
    return draft;
}

}  // namespace cockpit
