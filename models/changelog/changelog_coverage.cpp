#include "changelog_coverage.h"
#include "semver.h"

#include <QRegularExpression>
#include <QSet>

namespace cockpit {
namespace {

// Lower-case words only: restating a subject survives Markdown, punctuation and capitals.
QString normalized(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        out += c.isLetterOrNumber() ? c.toLower() : u' ';
    return out.simplified();
}

struct EntryIndex {
    const ChangelogEntry *entry;
    QSet<int> numbers;  // "#123", ".../pull/123", ".../issues/123"
    QStringList hexTokens;  // candidate SHA prefixes, lower-case
    QString words;  // normalized text, padded with spaces
};

EntryIndex indexEntry(const ChangelogEntry &e)
{
    EntryIndex ix {&e, {}, {}, u' ' + normalized(e.text) + u' '};
    static const QRegularExpression number(
        QStringLiteral(R"((?:#|/pull/|/issues/|/merge_requests/)(\d+)(?!\d))"));
    for (auto it = number.globalMatch(e.text); it.hasNext();)
        ix.numbers.insert(it.next().captured(1).toInt());
    // A 7+ hex run; all-digit runs shorter than 10 are more likely numbers than SHAs.
    static const QRegularExpression hex(
        QStringLiteral(R"((?<![0-9A-Za-z])[0-9a-fA-F]{7,40}(?![0-9A-Za-z]))"));
    for (auto it = hex.globalMatch(e.text); it.hasNext();) {
        const QString token = it.next().captured(0).toLower();
        const bool digits = std::all_of(token.begin(), token.end(), [](QChar c) { return c.isDigit(); });
        if (!digits || token.size() >= 10)
            ix.hexTokens << token;
    }
    return ix;
}

// The subject without its PR references, as words; empty when too short to restate meaningfully.
QString restatable(const ConventionalCommit &cc)
{
    static const QRegularExpression refs(QStringLiteral(R"(\((?:#\d+(?:,\s*)?)+\))"));
    QString d = cc.description;
    d.remove(refs);
    return normalized(d);
}

// The entry's words without its citations ("Improve errors (#10)" and "Improve errors" alike).
QString uncitedWords(const ChangelogEntry &e)
{
    static const QRegularExpression citations(QStringLiteral(
        R"(\[[^\]]*\]\([^)]*\)|\((?:#\d+(?:,\s*)?)+\)|#\d+|https?://\S+|(?<![0-9A-Za-z])[0-9a-fA-F]{7,40}(?![0-9A-Za-z]))"));
    return u' ' + normalized(QString(e.text).remove(citations)) + u' ';
}

void cover(CommitCoverage &c, const QList<EntryIndex> &entries)
{
    const QString sha = c.commit.sha.toLower();
    const QString words = restatable(c.cc);
    const QString padded = u' ' + words + u' ';
    const bool longEnough = words.count(u' ') >= 2;  // three words or more
    const EntryIndex *restated = nullptr;
    const EntryIndex *probable = nullptr;
    for (const EntryIndex &e : entries) {
        const bool byNumber = std::any_of(c.cc.pullRequests.begin(), c.cc.pullRequests.end(),
            [&e](int pr) { return e.numbers.contains(pr); });
        const bool bySha = std::any_of(
            e.hexTokens.begin(), e.hexTokens.end(), [&sha](const QString &t) { return sha.startsWith(t); });
        if (byNumber || bySha) {
            c.covered = true;  // a citation decides, and beats any restated subject
            c.coveredBy = e.entry->text;
            c.entryLine = e.entry->line;
            return;
        }
        if (words.isEmpty())
            continue;
        const bool cites = !e.numbers.isEmpty() || !e.hexTokens.isEmpty();
        if (!cites && !restated && e.words == padded) {
            restated = &e;  // word for word, and it names no other change
            continue;
        }
        // Same words in an entry about another PR, or the subject inside a longer entry: a hint.
        const QString other = cites ? uncitedWords(*e.entry) : e.words;
        if (!probable && (other == padded || (longEnough && other.contains(padded))))
            probable = &e;
    }
    if (restated) {
        c.covered = true;
        c.coveredBy = restated->entry->text;
        c.entryLine = restated->entry->line;
    } else if (probable) {
        c.suggestedBy = probable->entry->text;
        c.suggestedLine = probable->entry->line;
    }
}

int bumpRank(const QString &bump)
{
    static const QStringList order
        = {QStringLiteral("none"), QStringLiteral("patch"), QStringLiteral("minor"), QStringLiteral("major")};
    return int(order.indexOf(bump));
}

QString describe(const CommitCoverage &c)
{
    return QStringLiteral("%1 \"%2\"").arg(c.commit.sha.left(7), c.commit.subject);
}

void checkBump(CoverageReport &r, const CoverageOptions &opts, QString &releaseBump)
{
    const auto next = SemVer::parse(opts.releaseVersion);
    const auto previous = SemVer::parse(opts.previousVersion);
    if (!next || !previous)
        return;
    releaseBump = inferReleaseType(*previous, *next, false);
    const int want = bumpRank(r.suggestedBump), have = bumpRank(releaseBump);
    // Below 1.0.0 anything may change (SemVer item 4): a breaking change needs a minor bump only.
    const int needed = next->major() == 0 && want == 3 ? 2 : want;
    if (have < needed) {
        const auto reason = std::find_if(r.commits.begin(), r.commits.end(), [&](const CommitCoverage &c) {
            return r.suggestedBump == QLatin1String("major") ? c.cc.breaking
                                                             : c.cc.type == QLatin1String("feat");
        });
        r.warnings << QStringLiteral("%1 is a %2 release after %3, but the commits call for %4%5")
                          .arg(opts.releaseVersion, releaseBump, opts.previousVersion, r.suggestedBump,
                              reason == r.commits.end() ? QString()
                                                        : QStringLiteral(" (%1)").arg(describe(*reason)));
    } else if (have > want && want >= 1 && next->major() > 0) {
        r.warnings << QStringLiteral("%1 is a %2 release after %3, but the commits only call for %4")
                          .arg(opts.releaseVersion, releaseBump, opts.previousVersion, r.suggestedBump);
    }
}

void checkSections(CoverageReport &r, const ChangelogRelease *release, const QString &bump)
{
    if (!release || bump.isEmpty())
        return;
    const auto has = [release](const char *name) {
        const ChangelogSection *s = release->section(QLatin1String(name));
        return s && !s->entries.isEmpty();
    };
    if (has("Removed") && bump != QLatin1String("major"))
        r.warnings << QStringLiteral(
            "Removed has entries in a %1 release: removing something breaks its users "
            "and calls for a major version")
                          .arg(bump);
    for (const char *name : {"Added", "Deprecated"}) {
        if (has(name) && bump == QLatin1String("patch"))
            r.warnings << QStringLiteral("%1 has entries in a patch release: that calls for a minor version")
                              .arg(QLatin1String(name));
    }
}

}  // namespace

int CoverageReport::uncoveredCount() const
{
    return int(std::count_if(
        commits.begin(), commits.end(), [](const CommitCoverage &c) { return !c.covered && !c.exempt; }));
}

QStringList CoverageOptions::defaultExemptTypes()
{
    return {QStringLiteral("chore"), QStringLiteral("ci"), QStringLiteral("test"), QStringLiteral("build"),
        QStringLiteral("style"), QStringLiteral("refactor"), QStringLiteral("docs")};
}

const ChangelogRelease *coverageRelease(const Changelog &changelog, const QString &releaseVersion)
{
    if (!releaseVersion.isEmpty()) {
        if (const ChangelogRelease *r = changelog.release(releaseVersion))
            return r;
    }
    return changelog.unreleased();
}

CoverageReport computeCoverage(
    const QList<CommitInfo> &commits, const Changelog &changelog, const CoverageOptions &opts)
{
    CoverageReport report;
    const QStringList exempt
        = opts.exemptTypes.isEmpty() ? CoverageOptions::defaultExemptTypes() : opts.exemptTypes;
    const ChangelogRelease *release = coverageRelease(changelog, opts.releaseVersion);
    QList<EntryIndex> entries;
    if (release) {
        for (const ChangelogSection &s : release->sections) {
            for (const ChangelogEntry &e : s.entries)
                entries.append(indexEntry(e));
        }
    } else {
        report.warnings << QStringLiteral("the changelog has no Unreleased section, so no commit is covered");
    }
    bool breaking = false, feature = false;
    for (const CommitInfo &commit : commits) {
        if (commit.isMerge())
            continue;
        CommitCoverage c {
            commit, parseConventionalCommit(commit.subject, commit.body), false, false, {}, 0, {}, 0};
        c.exempt = c.cc.conventional && !c.cc.breaking && exempt.contains(c.cc.type, Qt::CaseInsensitive);
        cover(c, entries);
        if (c.exempt) {  // needs no entry: a hint would only be noise
            c.suggestedBy.clear();
            c.suggestedLine = 0;
        }
        breaking = breaking || c.cc.breaking;
        feature = feature || c.cc.type == QLatin1String("feat");
        report.commits.append(std::move(c));
    }
    report.suggestedBump = breaking ? QStringLiteral("major")
        : feature                   ? QStringLiteral("minor")
        : report.commits.isEmpty()  ? QStringLiteral("none")
                                    : QStringLiteral("patch");
    QString releaseBump;
    checkBump(report, opts, releaseBump);
    checkSections(report, release, releaseBump.isEmpty() ? report.suggestedBump : releaseBump);
    return report;
}

}  // namespace cockpit
