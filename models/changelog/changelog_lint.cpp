// Changelog lint, part one: the document's shape, release headings and versions. Dates and tags
// are in changelog_lint_dates.cpp; sections, entries and links in changelog_lint_sections.cpp.
#include "changelog_lint.h"
#include "changelog_heading.h"
#include "changelog_lint_rules.h"
#include "semver.h"

#include <QHash>
#include <algorithm>

namespace cockpit {

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

int countSeverity(const QList<LintDiagnostic> &diagnostics, Severity severity)
{
    return int(std::count_if(diagnostics.begin(), diagnostics.end(),
        [severity](const LintDiagnostic &d) { return d.severity == severity; }));
}

QString formatDiagnostic(const LintDiagnostic &d, bool withPath)
{
    const QString place = QStringLiteral("%1:%2").arg(d.where.line).arg(d.where.column);
    return QStringLiteral("%1%2: %3: %4 [%5]")
        .arg(withPath && !d.where.file.isEmpty() ? d.where.file + u':' : QString(), place, d.ruleId,
            d.message, severityName(d.severity));
}

namespace lint {

void Linter::index()
{
    for (const LinkReference &l : log.links) {
        if (!linksByLabel.contains(l.label.toLower()))
            linksByLabel.insert(l.label.toLower(), &l);
    }
    for (const ChangelogRelease &r : log.releases) {
        if (auto v = SemVer::parse(r.version))
            versions.append({*v, r.version});
    }
    std::stable_sort(
        versions.begin(), versions.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
}

int Linter::columnOf(int line, const QString &needle) const
{
    if (line < 1 || line > lines.count() || needle.isEmpty())
        return 1;
    const qsizetype at = QString::fromUtf8(lines.content(line)).indexOf(needle);
    return at < 0 ? 1 : int(at) + 1;
}

QString canonicalHeading(const ChangelogRelease &r)
{
    if (r.isUnreleased())
        return QStringLiteral("## [Unreleased]");
    QString date = r.date.isValid() ? r.date.toString(Qt::ISODate) : r.dateText;
    if (date.isEmpty())
        date = QStringLiteral("YYYY-MM-DD");
    return QStringLiteral("## [%1] - %2%3")
        .arg(r.version, date, r.yanked ? QStringLiteral(" [YANKED]") : QString());
}

void lintTitle(Linter &l)
{
    if (l.log.titleLine == 0) {
        const int line = l.log.releases.isEmpty() ? 1 : l.log.releases.first().line;
        l.add(QStringLiteral("title-missing"), Severity::Warning, line, 1,
            QStringLiteral("no '# Changelog' title above the first release"));
    }
    for (const ChangelogHeading &h : l.log.strayHeadings) {
        if (h.level == 1) {
            l.add(QStringLiteral("title-duplicate"), Severity::Warning, h.line, 1,
                QStringLiteral(
                    "a second title '# %1': one changelog per file; the releases below it are read "
                    "as part of this one")
                    .arg(h.text));
        } else {
            l.add(QStringLiteral("heading-unknown"), Severity::Info, h.line, 1,
                QStringLiteral(
                    "'%1' is neither a release nor a section heading; it ends the release above it")
                    .arg(h.text));
        }
    }
    for (const int line : l.log.emptyHeadingLines)
        l.add(QStringLiteral("heading-empty"), Severity::Warning, line, 1,
            QStringLiteral("heading without text"));
}

namespace {

// What in the heading deviates from "## [X.Y.Z] - YYYY-MM-DD", in words.
QStringList headingProblems(const Linter &l, const ChangelogRelease &r)
{
    QStringList problems;
    const QString label = (r.vPrefix ? QStringLiteral("v") : QString()) + r.version;
    if (!r.bracketed) {
        problems << (l.log.link(label)
                ? QStringLiteral("version not in brackets, so the [%1] link definition "
                                 "is unused")
                      .arg(label)
                : QStringLiteral("version not in brackets"));
    }
    if (r.vPrefix)
        problems << QStringLiteral("'v' prefix on the version");
    if (r.inlineLink)
        problems << QStringLiteral("inline link in the heading instead of a '[%1]: URL' definition")
                        .arg(r.version);
    if (r.isUnreleased()) {
        if (!r.dateText.isEmpty())
            problems << QStringLiteral("Unreleased has no date");
        return problems;
    }
    if (r.separator == QLatin1String("("))
        problems << QStringLiteral("date in parentheses");
    else if (!r.separator.isEmpty() && r.separator != QLatin1String("-"))
        problems << QStringLiteral("'%1' before the date instead of '-'").arg(r.separator);
    else if (r.separator.isEmpty() && !r.dateText.isEmpty())
        problems << QStringLiteral("no ' - ' between version and date");
    return problems;
}

const ChangelogRelease *firstVersioned(const QList<std::pair<const ChangelogRelease *, QStringList>> &list)
{
    for (const auto &d : list) {
        if (!d.first->isUnreleased())
            return d.first;
    }
    return nullptr;
}

}  // namespace

void lintReleaseHeadings(Linter &l)
{
    QList<std::pair<const ChangelogRelease *, QStringList>> deviations;
    bool anyUnreleased = false;
    for (qsizetype i = 0; i < l.log.releases.size(); ++i) {
        const ChangelogRelease &r = l.log.releases.at(i);
        if (r.isUnreleased()) {
            anyUnreleased = true;
            if (i > 0) {
                l.add(QStringLiteral("unreleased-position"), Severity::Error, r.line, 1,
                    QStringLiteral("Unreleased is below release %1; it belongs above every release")
                        .arg(l.log.releases.first().version));
            }
        } else if (r.dateText.compare(QLatin1String("unreleased"), Qt::CaseInsensitive) == 0) {
            anyUnreleased = true;
            l.add(QStringLiteral("unreleased-format"), Severity::Warning, r.line, 1,
                QStringLiteral("'%1 (Unreleased)' names the version before it is cut; keep pending changes "
                               "under '## [Unreleased]' and name the version when releasing")
                    .arg(r.version));
        }
        if (r.level != 2) {
            l.add(QStringLiteral("heading-level"), Severity::Warning, r.line, 1,
                r.level == 3 ? QStringLiteral("release %1 is a level-3 heading, the level of sections; "
                                              "releases are '## ' headings")
                                   .arg(r.version)
                             : QStringLiteral("release %1 is a level-%2 heading; releases are '## ' headings")
                                   .arg(r.version)
                                   .arg(r.level));
        }
        if (r.dateText.compare(QLatin1String("unreleased"), Qt::CaseInsensitive) != 0)
            deviations.append({&r, headingProblems(l, r)});
    }
    // A file whose every release heading deviates the same way gets one finding, as a reviewer
    // would write it, not one per release.
    const ChangelogRelease *first = firstVersioned(deviations);
    const QStringList *firstProblems = nullptr;
    bool uniform = true;
    int versioned = 0;
    for (const auto &[r, problems] : std::as_const(deviations)) {
        if (r->isUnreleased())
            continue;
        ++versioned;
        if (!firstProblems)
            firstProblems = &problems;
        uniform = uniform && problems == *firstProblems;
    }
    uniform = uniform && versioned >= 3 && firstProblems && !firstProblems->isEmpty();
    for (const auto &[r, problems] : std::as_const(deviations)) {
        if (problems.isEmpty() || (uniform && !r->isUnreleased() && r != first))
            continue;
        const QString message = uniform && r == first
            ? QStringLiteral("every release heading deviates from '## [X.Y.Z] - YYYY-MM-DD' the same way: %1 "
                             "(here: '%2')")
                  .arg(problems.join(QStringLiteral("; ")), canonicalHeading(*r))
            : QStringLiteral("expected '%1': %2")
                  .arg(canonicalHeading(*r), problems.join(QStringLiteral("; ")));
        l.add(QStringLiteral("heading-format"), Severity::Warning, r->line, 1, message);
    }
    if (!anyUnreleased && !l.log.releases.isEmpty()) {
        l.add(QStringLiteral("unreleased-missing"), Severity::Warning, l.log.releases.first().line, 1,
            QStringLiteral(
                "no '## [Unreleased]' section above the latest release to collect upcoming changes"));
    }
}

namespace {

struct Seen {
    SemVer version;
    const ChangelogRelease *release;
};

// A skipped patch or minor version between two adjacent releases: a lost entry or a typo.
void lintVersionGaps(Linter &l, const QList<Seen> &ordered)
{
    for (qsizetype i = 1; i < ordered.size(); ++i) {
        const SemVer &upper = ordered.at(i - 1).version, &lower = ordered.at(i).version;
        if (upper.isPrerelease() || lower.isPrerelease() || upper.major() != lower.major() || upper <= lower)
            continue;
        // Patch gaps only: projects skip minors on purpose (0.15.0 -> 0.99.0), and a version
        // listed elsewhere (chronological files) is not missing.
        if (upper.minor() != lower.minor() || upper.patch() <= lower.patch() + 1)
            continue;
        const QString missing = SemVer(lower.major(), lower.minor(), lower.patch() + 1).toString();
        if (std::any_of(ordered.begin(), ordered.end(),
                [&](const Seen &s) { return s.version.toString() == missing; }))
            continue;
        l.add(QStringLiteral("version-gap"), Severity::Info, ordered.at(i - 1).release->line, 1,
            QStringLiteral("%1 follows %2: is %3 missing?")
                .arg(ordered.at(i - 1).release->version, ordered.at(i).release->version, missing));
    }
}

}  // namespace

void lintVersions(Linter &l)
{
    QList<Seen> ordered;  // valid versions in file order
    QHash<QString, int> firstLine;
    for (const ChangelogRelease &r : l.log.releases) {
        const QString key = r.version.toLower();
        if (const auto it = firstLine.constFind(key); it != firstLine.cend()) {
            l.add(QStringLiteral("version-duplicate"), Severity::Error, r.line, 1,
                QStringLiteral("%1 is already listed at line %2").arg(r.version).arg(*it));
            continue;
        }
        firstLine.insert(key, r.line);
        if (r.isUnreleased())
            continue;
        auto v = SemVer::parse(r.version);
        if (!v) {
            l.add(QStringLiteral("version-invalid"), Severity::Error, r.line, l.columnOf(r.line, r.version),
                QStringLiteral("'%1' is not a SemVer 2.0 version: %2").arg(r.version, v.error().message));
            continue;
        }
        ordered.append({*v, &r});
    }
    lintVersionGaps(l, ordered);
    // Releases go newest first. Of an adjacent pair in the wrong order, blame the one that is out
    // of place with its other neighbour too (1.9.6 inserted between 2.0.0-alpha.2 and -alpha.1).
    QList<int> flagged;
    for (qsizetype i = 1; i < ordered.size(); ++i) {
        if (ordered.at(i).version.compare(ordered.at(i - 1).version) <= 0)
            continue;
        const bool blamePrevious = i >= 2 && ordered.at(i).version.compare(ordered.at(i - 2).version) < 0;
        const Seen &bad = blamePrevious ? ordered.at(i - 1) : ordered.at(i);
        if (flagged.contains(bad.release->line))
            continue;
        flagged.append(bad.release->line);
        const QString message = blamePrevious
            ? QStringLiteral("%1 is listed above %2, a newer version; releases go newest first")
                  .arg(bad.release->version, ordered.at(i).release->version)
            : QStringLiteral("%1 is listed below %2, an older version; releases go newest first")
                  .arg(bad.release->version, ordered.at(i - 1).release->version);
        l.add(QStringLiteral("version-order"), Severity::Error, bad.release->line, 1, message);
    }
}

}  // namespace lint

QList<LintDiagnostic> lintChangelog(
    const Changelog &changelog, const QByteArray &text, const LintOptions &opts)
{
    lint::Linter l {
        changelog, opts, MarkdownLines(text), opts.path.isEmpty() ? changelog.path : opts.path, {}};
    l.index();
    lint::lintTitle(l);
    lint::lintReleaseHeadings(l);
    lint::lintVersions(l);
    lint::lintDates(l);
    lint::lintSections(l);
    lint::lintEntries(l);
    lint::lintLinks(l);
    lint::lintTags(l);
    std::stable_sort(l.out.begin(), l.out.end(), [](const LintDiagnostic &a, const LintDiagnostic &b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    return l.out;
}

}  // namespace cockpit
