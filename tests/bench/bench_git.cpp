// GitService against the git CLI on a synthetic repository of 50,000 commits and 2,000 tags made
// with `git fast-import` (cached under $COCKPIT_BENCH_CACHE or /tmp, keyed by kRepoVersion, so
// reruns start at once).
// Each figure is the median of several runs, ours including opening the repository and git
// including its process start, as the cockpit would otherwise have to run it. Prints ours/peer.
// Then the same with a commit-graph written by this git (generation data v2), to see whether
// libgit2 1.5 reads it, ignores it or trips over it.
#include "git_service.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace cockpit;

namespace {

constexpr auto kRepoVersion = "v1-50000c-2000t";  // change when the generator changes
constexpr int kCommits = 50000;
constexpr int kTagEvery = 25;  // 2,000 tags, the last 12 commits before HEAD untagged

QString versionFor(int k)  // monotonic in k: 1.0.1 ... 6.0.0
{
    return QStringLiteral("%1.%2.%3").arg(1 + k / 400).arg((k / 20) % 20).arg(k % 20);
}
QString tagFor(int k)
{
    return QStringLiteral("v") + versionFor(k) + (k % 10 == 5 ? QStringLiteral("-rc.1") : QString());
}
int tagCommit(int k)
{
    return k * kTagEvery - 12;
}

QByteArray data(const QByteArray &bytes)
{
    return "data " + QByteArray::number(bytes.size()) + "\n" + bytes + "\n";
}

// The fast-import stream: main with a merge every 100 commits, CHANGELOG.md growing by a 25-line
// section at every 10th tag (5,000 lines at the end), 3 of 4 tags annotated, and one higher tag
// on an unmerged branch so "last release tag" must check reachability.
QByteArray stream()
{
    QByteArray s;
    s.reserve(32 << 20);
    QByteArray changelog = "# Changelog\n";
    int mark = 0;
    QHash<int, int> commitMark;  // commit number -> mark
    int k = 1;
    for (int i = 1; i <= kCommits; ++i) {
        const QByteArray when = QByteArray::number(1500000000 + i * 60) + " +0000\n";
        int side = 0;
        if (i % 100 == 50) {
            side = ++mark;
            s += "commit refs/heads/side\nmark :" + QByteArray::number(side)
                + "\ncommitter Side <side@example.com> " + when;
            s += data("feat(side): work " + QByteArray::number(i))
                + "from :" + QByteArray::number(commitMark[i - 1]) + "\n";
            s += "M 644 inline side.txt\n" + data(QByteArray::number(i));
        }
        const bool logUpdate = k <= 2000 && i == tagCommit(k) && k % 10 == 0;
        if (logUpdate) {
            QByteArray section = "\n## [" + versionFor(k).toUtf8() + "] - 2024-01-01\n\n### Added\n";
            for (int e = 0; e < 20; ++e)
                section += "- Entry " + QByteArray::number(e) + " of release " + QByteArray::number(k) + " (#"
                    + QByteArray::number(k * 20 + e) + ")\n";
            section += "\n### Fixed\n- A fix\n";
            changelog.insert(12, section);
        }
        commitMark[i] = ++mark;
        s += "commit refs/heads/main\nmark :" + QByteArray::number(mark)
            + "\ncommitter Dev <dev@example.com> " + when;
        s += data((i % 3 ? "fix(core): change " : "feat(api): add ") + QByteArray::number(i));
        if (i > 1)
            s += "from :" + QByteArray::number(commitMark[i - 1]) + "\n";
        if (side)
            s += "merge :" + QByteArray::number(side) + "\n";
        s += "M 644 inline src/f" + QByteArray::number(i % 50) + ".txt\n" + data(QByteArray::number(i));
        if (logUpdate)
            s += "M 644 inline CHANGELOG.md\n" + data(changelog);
        if (k <= 2000 && i == tagCommit(k)) {
            const QByteArray name = tagFor(k).toUtf8();
            if (k % 4)
                s += "tag " + name + "\nfrom :" + QByteArray::number(mark) + "\ntagger Rel <rel@example.com> "
                    + when + data("Release " + name);
            else
                s += "reset refs/tags/" + name + "\nfrom :" + QByteArray::number(mark) + "\n\n";
            ++k;
        }
    }
    s += "commit refs/heads/future\nmark :" + QByteArray::number(++mark)
        + "\ncommitter Dev <dev@example.com> 1600000000 +0000\n";
    s += data("feat: next major") + "from :" + QByteArray::number(commitMark[kCommits - 10]) + "\n";
    s += "reset refs/tags/v99.0.0\nfrom :" + QByteArray::number(mark) + "\n\n";
    return s;
}

bool runGit(const QString &dir, const QStringList &args, const QByteArray &input = {},
    QByteArray *out = nullptr, bool quiet = false)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"), args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(-1);
    const QByteArray o = p.readAllStandardOutput();
    if (out)
        *out = o;
    if (p.exitCode() != 0 && !quiet)
        std::fprintf(stderr, "git %s: %s\n", qPrintable(args.join(QLatin1Char(' '))),
            p.readAllStandardError().constData());
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

QString ensureRepo()
{
    // scripts/run-benchmarks.sh runs in a throwaway TMPDIR and names the lasting one here.
    const QString cache = qEnvironmentVariable("COCKPIT_BENCH_CACHE", QDir::tempPath());
    const QString dir
        = QDir(cache).filePath(QStringLiteral("cockpit-bench-git-%1").arg(QLatin1String(kRepoVersion)));
    if (QFile::exists(dir + QStringLiteral("/.complete")))
        return dir;
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    QElapsedTimer t;
    t.start();
    const QByteArray s = stream();
    if (!runGit(
            dir, {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")})
        || !runGit(dir, {QStringLiteral("fast-import"), QStringLiteral("--quiet")}, s)
        || !runGit(dir, {QStringLiteral("pack-refs"), QStringLiteral("--all")})  // as after a clone
        || !runGit(dir,
            {QStringLiteral("reset"), QStringLiteral("-q"), QStringLiteral("--hard"),
                QStringLiteral("main")}))
        return {};
    QFile(dir + QStringLiteral("/.complete")).open(QIODevice::WriteOnly);
    std::printf(
        "built %s (%.1f MB stream) in %.1f s\n", qPrintable(dir), s.size() / 1e6, t.elapsed() / 1000.0);
    return dir;
}

double medianMs(int runs, const std::function<void()> &fn)
{
    fn();  // warm the page cache and libgit2's lazy state
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        ms << t.nsecsElapsed() / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(ms.size() / 2);
}

void report(const char *what, double ours, double peer, const char *peerName)
{
    std::printf(
        "  %-44s ours %8.2f ms   %-34s %8.2f ms   ratio %.2fx\n", what, ours, peerName, peer, ours / peer);
}

void measureWalks(const QString &dir)
{
    const QString from1k = tagFor(1960);
    auto open = [&] { return GitService::open(dir).value(); };
    int n = 0;
    QByteArray out;

    const double walk1k
        = medianMs(9, [&] { n = int(open().commits(from1k, QStringLiteral("HEAD")).value().size()); });
    const double log1k = medianMs(9, [&] {
        runGit(dir,
            {QStringLiteral("log"), QStringLiteral("--format=%H%x09%s"), from1k + QStringLiteral("..HEAD")},
            {}, &out);
    });
    const QByteArray what1k = QStringLiteral("commits since %1 (%2)").arg(from1k).arg(n).toUtf8();
    report(what1k.constData(), walk1k, log1k, "git log --format=%H%x09%s A..B");
    if (n != out.count('\n'))
        std::printf("  MISMATCH: git log printed %lld commits\n", static_cast<long long>(out.count('\n')));

    const double walkAll
        = medianMs(5, [&] { n = int(open().commits({}, QStringLiteral("HEAD")).value().size()); });
    const double logAll = medianMs(5, [&] {
        runGit(dir, {QStringLiteral("log"), QStringLiteral("--format=%H%x09%s"), QStringLiteral("HEAD")}, {},
            &out);
    });
    const QByteArray whatAll = QStringLiteral("commits from the root (%1)").arg(n).toUtf8();
    report(whatAll.constData(), walkAll, logAll, "git log --format=%H%x09%s HEAD");
    GitService::setStrictHashVerification(true);  // libgit2's default, for comparison
    const double walkStrict = medianMs(3, [&] { open().commits({}, QStringLiteral("HEAD")).value(); });
    GitService::setStrictHashVerification(false);
    report("  the same with strict hash verification", walkStrict, logAll, "git log --format=%H%x09%s HEAD");
    if (n != out.count('\n'))
        std::printf("  MISMATCH: git log printed %lld commits\n", static_cast<long long>(out.count('\n')));
}

void measureTagsAndDiff(const QString &dir)
{
    const QString changelogFrom = tagFor(10), changelogTo = tagFor(2000);
    auto open = [&] { return GitService::open(dir).value(); };
    int n = 0;
    QByteArray out;
    QString last;
    const double lastOurs
        = medianMs(15, [&] { last = open().lastReleaseTag(QStringLiteral("v{version}")).value()->name; });
    const double lastPeer = medianMs(15, [&] {
        runGit(dir, {QStringLiteral("describe"), QStringLiteral("--tags"), QStringLiteral("--abbrev=0")}, {},
            &out);
    });
    const QByteArray whatLast = QStringLiteral("last release tag (%1; git: %2)")
                                    .arg(last, QString::fromUtf8(out.trimmed()))
                                    .toUtf8();
    report(whatLast.constData(), lastOurs, lastPeer, "git describe --tags --abbrev=0");

    const double tagsOurs = medianMs(15, [&] { n = int(open().tags().value().size()); });
    const double tagsPeer = medianMs(15, [&] {
        runGit(dir, {QStringLiteral("for-each-ref"), QStringLiteral("refs/tags")}, {}, &out);
    });
    const QByteArray whatTags = QStringLiteral("list tags (%1, with messages)").arg(n).toUtf8();
    report(whatTags.constData(), tagsOurs, tagsPeer, "git for-each-ref refs/tags");

    const double diffOurs = medianMs(15, [&] {
        n = 0;
        const FileDiff diff
            = open().diffFile(changelogFrom, changelogTo, QStringLiteral("CHANGELOG.md")).value();
        for (const DiffHunk &h : diff.hunks)  // not over a member of the temporary: it would dangle
            n += int(h.lines.size());
    });
    const double diffPeer = medianMs(15, [&] {
        runGit(dir,
            {QStringLiteral("diff"), changelogFrom, changelogTo, QStringLiteral("--"),
                QStringLiteral("CHANGELOG.md")},
            {}, &out);
    });
    const QByteArray whatDiff = QStringLiteral("CHANGELOG.md diff %1..%2 (%3 lines)")
                                    .arg(changelogFrom, changelogTo)
                                    .arg(n)
                                    .toUtf8();
    report(whatDiff.constData(), diffOurs, diffPeer, "git diff A B -- CHANGELOG.md");
}

void measure(const QString &dir, const char *label)
{
    std::printf("%s\n", label);
    measureWalks(dir);
    measureTagsAndDiff(dir);
}

void removeGraph(const QString &dir)
{
    QFile::remove(dir + QStringLiteral("/.git/objects/info/commit-graph"));
    QDir(dir + QStringLiteral("/.git/objects/info/commit-graphs")).removeRecursively();
    runGit(dir, {QStringLiteral("config"), QStringLiteral("--unset-all"), QStringLiteral("core.commitGraph")},
        {}, nullptr, true);  // exit 5 when it was not set
}

}  // namespace

int main()
{
    const QString dir = ensureRepo();
    if (dir.isEmpty()) {
        std::fprintf(stderr, "bench_git: could not build the synthetic repository\n");
        return 1;
    }
    removeGraph(dir);
    measure(dir, "no commit-graph:");
    runGit(dir, {QStringLiteral("commit-graph"), QStringLiteral("write"), QStringLiteral("--reachable")});
    measure(dir, "commit-graph written by git (generation data v2), core.commitGraph unset:");
    runGit(dir, {QStringLiteral("config"), QStringLiteral("core.commitGraph"), QStringLiteral("true")});
    measure(dir, "same graph, core.commitGraph=true:");
    removeGraph(dir);
    return 0;
}
