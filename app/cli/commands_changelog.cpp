// changelog lint | coverage [--from REF] [--to REF] | cut VERSION [--date D]
#include "changelog_coverage.h"
#include "changelog_cut.h"
#include "changelog_file.h"
#include "changelog_lint.h"
#include "cli_context.h"
#include "commands.h"
#include "git_service.h"
#include "release_base_tag.h"

#include <QDir>
#include <QJsonArray>

namespace cockpit::cli {
namespace {

struct Loaded {
    Workspace ws;
    ChangelogFile file;
    Changelog log;
};

Result<Loaded> loadChangelog(CliContext &ctx)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return std::unexpected(ws.error());
    const QString path = QDir(ws->root).filePath(ws->policy.changelogPath);
    auto file = ChangelogFile::read(path);
    if (!file)
        return std::unexpected(file.error());
    if (!file->exists())
        return fail(ErrorCode::NotFound, QStringLiteral("no changelog at %1").arg(ws->policy.changelogPath),
            SourceLocation {path});
    auto log = parseChangelog(file->bytes(), ws->policy.changelogPath);
    if (!log)
        return std::unexpected(log.error());
    return Loaded {*ws, std::move(*file), std::move(*log)};
}

// Versions that have a release tag; empty when the repository cannot be read (the rule is skipped).
QStringList taggedVersions(const Workspace &ws)
{
    QStringList out;
    auto git = GitService::open(ws.root, ws.policy.tagFormat);
    if (!git)
        return out;
    auto tags = git->tags();
    if (!tags)
        return out;
    for (const GitTagInfo &t : *tags) {
        if (t.version)
            out << t.version->toString();
    }
    return out;
}

QList<LintDiagnostic> lintLoaded(const Loaded &l)
{
    LintOptions opts {l.ws.policy.changelogExtraSections, taggedVersions(l.ws), l.ws.policy.changelogPath};
    return lintChangelog(l.log, l.file.bytes(), opts);
}

int changelogLint(CliContext &ctx)
{
    auto loaded = loadChangelog(ctx);
    if (!loaded)
        return ctx.report(loaded.error());
    const QList<LintDiagnostic> ds = lintLoaded(*loaded);
    const int errors = countSeverity(ds, Severity::Error);
    if (ctx.json()) {
        QJsonArray list;
        for (const LintDiagnostic &d : ds) {
            list.append(QJsonObject {{QStringLiteral("rule"), d.ruleId},
                {QStringLiteral("severity"), severityName(d.severity)},
                {QStringLiteral("line"), d.where.line}, {QStringLiteral("col"), d.where.column},
                {QStringLiteral("message"), d.message}});
        }
        ctx.printJson({{QStringLiteral("path"), loaded->ws.policy.changelogPath},
            {QStringLiteral("diagnostics"), list}});
    } else {
        for (const LintDiagnostic &d : ds)
            ctx.out(formatDiagnostic(d));
    }
    ctx.err(QStringLiteral("%1: %2 errors, %3 warnings")
                .arg(loaded->ws.policy.changelogPath)
                .arg(errors)
                .arg(countSeverity(ds, Severity::Warning)));
    return errors > 0 ? Failed : Ok;
}

// The release the Unreleased section is for: the newest open release in the store above the
// last tag. Empty when there is none or no store (coverage does not need one).
std::optional<ReleaseRecord> openReleaseAbove(CliContext &ctx, const std::optional<SemVer> &previous)
{
    auto store = ctx.openStore();
    if (!store)
        return {};
    auto releases = (*store)->releases().result();
    if (!releases)
        return {};
    std::optional<SemVer> best;
    std::optional<ReleaseRecord> found;
    for (const ReleaseRecord &r : *releases) {
        if (r.state == ReleaseState::Released || r.state == ReleaseState::RolledBack
            || r.state == ReleaseState::Aborted)
            continue;
        const auto v = SemVer::parse(r.version);
        if (v && (!previous || v->compare(*previous) > 0) && (!best || v->compare(*best) > 0)) {
            best = *v;
            found = r;
        }
    }
    return found;
}

QJsonObject coverageJson(const QString &from, const QString &to, const CoverageReport &report)
{
    QJsonArray commits;
    for (const CommitCoverage &c : report.commits) {
        commits.append(
            QJsonObject {{QStringLiteral("sha"), c.commit.sha}, {QStringLiteral("subject"), c.commit.subject},
                {QStringLiteral("type"), c.cc.type}, {QStringLiteral("breaking"), c.cc.breaking},
                {QStringLiteral("covered"), c.covered}, {QStringLiteral("exempt"), c.exempt},
                {QStringLiteral("entry_line"), c.entryLine > 0 ? QJsonValue(c.entryLine) : QJsonValue()},
                {QStringLiteral("probable_line"),
                    c.suggestedLine > 0 ? QJsonValue(c.suggestedLine) : QJsonValue()}});
    }
    return {{QStringLiteral("from"), from}, {QStringLiteral("to"), to},
        {QStringLiteral("suggested_bump"), report.suggestedBump}, {QStringLiteral("commits"), commits},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(report.warnings)}};
}

// A clean lint and full coverage tick the release's items bound to "check: changelog": the session
// decides and words the evidence, as it does for the window's Changelog tab.
void tickChangelogCheck(CliContext &ctx, const Loaded &l, const QString &version, const QString &from,
    const QString &toSha, const CoverageReport &report)
{
    if (version.isEmpty())
        return;
    auto session = ctx.session();
    if (!session)
        return;
    const QList<LintDiagnostic> ds = lintLoaded(l);
    ChangelogCheckFacts facts;
    facts.path = l.ws.policy.changelogPath;
    facts.fromTag = from;
    facts.toCommit = toSha;
    facts.lintErrors = countSeverity(ds, Severity::Error);
    facts.lintWarnings = countSeverity(ds, Severity::Warning);
    facts.commits = int(report.commits.size());
    for (const CommitCoverage &c : report.commits) {
        facts.covered += c.covered && !c.exempt ? 1 : 0;
        facts.exempt += c.exempt ? 1 : 0;
    }
    facts.uncovered = report.uncoveredCount();
    auto ticked = (*session)->recordChangelogCheck(version, facts).result();
    if (ticked && !ticked->isEmpty())
        ctx.err(QStringLiteral("Ticked %1 checklist item(s) of %2 bound to the changelog check.")
                    .arg(ticked->size())
                    .arg(version));
}

int changelogCoverage(CliContext &ctx)
{
    auto loaded = loadChangelog(ctx);
    if (!loaded)
        return ctx.report(loaded.error());
    const Policy &policy = loaded->ws.policy;
    auto git = GitService::open(loaded->ws.root, policy.tagFormat);
    if (!git)
        return ctx.report(git.error());
    QString from = ctx.option(QStringLiteral("from"));
    QString to = ctx.isSet(QStringLiteral("to")) ? ctx.option(QStringLiteral("to")) : QStringLiteral("HEAD");
    std::optional<SemVer> previous;
    if (!ctx.isSet(QStringLiteral("from"))) {
        auto tag = git->lastReleaseTag(policy.tagFormat, to);
        if (!tag)
            return ctx.report(tag.error());
        if (*tag) {
            from = (*tag)->name;
            previous = (*tag)->version;
        }
    } else if (auto v = SemVer::parseTag(from, policy.tagFormat)) {
        previous = *v;
    }
    // Without a range the open release's own one, as its Changelog tab counts: from the last tag
    // below the release to the release's commit (HEAD when it has none yet).
    const std::optional<ReleaseRecord> release = openReleaseAbove(ctx, previous);
    if (!ctx.isSet(QStringLiteral("from")) && !ctx.isSet(QStringLiteral("to")) && release && !release->commit.isEmpty()) {
        to = release->commit;
        auto base = releaseBaseTag(*git, policy.tagFormat, to, policy.tagFor(release->version));
        if (!base)
            return ctx.report(base.error());
        from = *base ? (*base)->name : QString();
        previous = *base ? (*base)->version : std::nullopt;
    }
    auto commits = git->commits(from, to);
    if (!commits)
        return ctx.report(commits.error());
    CoverageOptions opts {policy.changelogExemptTypes, release ? release->version : QString(),
        previous ? previous->toString() : QString()};
    const CoverageReport report = computeCoverage(*commits, loaded->log, opts);
    int covered = 0;
    int exempt = 0;
    for (const CommitCoverage &c : report.commits) {
        covered += c.covered && !c.exempt ? 1 : 0;
        exempt += c.exempt ? 1 : 0;
    }
    if (ctx.json()) {
        QJsonObject json = coverageJson(from, to, report);
        json.insert(QStringLiteral("release"), release ? release->version : QString());
        ctx.printJson(json);
    } else {
        // The words of the Changelog tab: covered, uncovered, exempt.
        for (const CommitCoverage &c : report.commits) {
            const QString mark = c.covered ? QStringLiteral("covered  ")
                : c.exempt                 ? QStringLiteral("exempt   ")
                                           : QStringLiteral("uncovered");
            // A hint stays apart from coverage: the line still reads as not covered.
            const QString hint = !c.covered && !c.exempt && c.suggestedLine > 0
                ? QStringLiteral("  (probably covered by line %1?)").arg(c.suggestedLine)
                : QString();
            ctx.out(QStringLiteral("%1 %2 %3%4").arg(mark, c.commit.sha.left(10), c.commit.subject, hint));
        }
    }
    const QString shownTo = to.size() == 40 ? to.left(10) : to;
    const QString range = QStringLiteral("%1..%2").arg(from.isEmpty() ? QStringLiteral("(root)") : from, shownTo)
        + (release && to == release->commit ? QStringLiteral(" (release %1)").arg(release->version) : QString());
    for (const QString &w : report.warnings)
        ctx.err(QStringLiteral("warning: %1").arg(w));
    ctx.err(QStringLiteral("%1: %2 commits: %3 covered, %4 uncovered, %5 exempt; suggested bump: %6")
                .arg(range)
                .arg(report.commits.size())
                .arg(covered)
                .arg(report.uncoveredCount())
                .arg(exempt)
                .arg(report.suggestedBump));
    auto toSha = git->resolve(to);
    tickChangelogCheck(ctx, *loaded, opts.releaseVersion, from, toSha ? *toSha : to, report);
    return report.uncoveredCount() > 0 ? Failed : Ok;
}

int changelogCut(CliContext &ctx, const QString &version)
{
    QDate date = QDate::currentDate();
    if (ctx.isSet(QStringLiteral("date"))) {
        date = QDate::fromString(ctx.option(QStringLiteral("date")), Qt::ISODate);
        if (!date.isValid())
            return ctx.usage(QStringLiteral("--date: expected YYYY-MM-DD, got '%1'")
                                 .arg(ctx.option(QStringLiteral("date"))));
    }
    auto loaded = loadChangelog(ctx);
    if (!loaded)
        return ctx.report(loaded.error());
    auto cut = cutRelease(loaded->file.bytes(), version, date, loaded->ws.policy.tagFormat);
    if (!cut) {
        Error e = cut.error();
        e.location = SourceLocation {loaded->ws.policy.changelogPath};
        return ctx.report(e);
    }
    if (auto written = loaded->file.write(*cut); !written)
        return ctx.report(written.error());
    ctx.err(QStringLiteral("%1: Unreleased is now %2 - %3.")
                .arg(loaded->ws.policy.changelogPath, version, date.toString(Qt::ISODate)));
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("path"), loaded->ws.policy.changelogPath},
            {QStringLiteral("version"), version}, {QStringLiteral("date"), date.toString(Qt::ISODate)}});
    }
    return Ok;
}

}  // namespace

int runChangelogLint(CliContext &ctx)
{
    return changelogLint(ctx);
}

int runChangelogCoverage(CliContext &ctx)
{
    return changelogCoverage(ctx);
}

int runChangelogCut(CliContext &ctx)
{
    return changelogCut(ctx, ctx.words().at(2));
}

}  // namespace cockpit::cli
