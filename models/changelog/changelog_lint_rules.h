#pragma once
// Internal to the changelog linter: the state its rule functions share. Not for other callers.
#include "changelog_lint.h"
#include "markdown_lines.h"
#include "semver.h"

#include <QHash>

namespace cockpit::lint {

struct Linter {
    const Changelog &log;
    const LintOptions &opts;
    const MarkdownLines lines;
    QString path;
    QList<LintDiagnostic> out;
    QHash<QString, const LinkReference *> linksByLabel = {};  // lower-case label; first wins
    QList<std::pair<SemVer, QString>> versions = {};  // the file's SemVer versions, ascending

    // Built once: lookups per release would make the linter quadratic on long files.
    void index();
    [[nodiscard]] const LinkReference *link(const QString &label) const
    {
        return linksByLabel.value(label.toLower());
    }

    void add(const QString &rule, Severity severity, int line, int column, const QString &message)
    {
        out.append({rule, severity, message, SourceLocation {path, line, std::max(1, column)}});
    }
    // 1-based column of needle in the line, or 1.
    [[nodiscard]] int columnOf(int line, const QString &needle) const;
};

void lintTitle(Linter &l);
void lintReleaseHeadings(Linter &l);
void lintVersions(Linter &l);
void lintDates(Linter &l);
void lintSections(Linter &l);
void lintEntries(Linter &l);
void lintLinks(Linter &l);
void lintTags(Linter &l);

// The canonical "## [X.Y.Z] - DATE" heading for a release, as the linter suggests it.
QString canonicalHeading(const ChangelogRelease &r);

}  // namespace cockpit::lint
