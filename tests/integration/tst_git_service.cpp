// GitService against real repositories built by the git CLI, checked against what git itself says.
#include "git_service.h"
#include "support/scratch_repo.h"

#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace cockpit;

namespace {

// n commits on main through `git fast-import` (one process instead of 3n).
QString fastImport(ScratchRepo &repo, int n)
{
    QByteArray stream;
    for (int i = 1; i <= n; ++i) {
        const QByteArray msg = "commit " + QByteArray::number(i) + "\n";
        stream += "commit refs/heads/main\nmark :" + QByteArray::number(i) + "\n";
        stream += "committer Bulk <bulk@example.com> " + QByteArray::number(1700000000 + i) + " +0000\n";
        stream += "data " + QByteArray::number(msg.size()) + "\n" + msg;
        if (i > 1)
            stream += "from :" + QByteArray::number(i - 1) + "\n";
        stream += "M 644 inline n.txt\ndata " + QByteArray::number(msg.size()) + "\n" + msg + "\n";
    }
    repo.git({QStringLiteral("fast-import"), QStringLiteral("--quiet")}, stream);
    repo.git(
        {QStringLiteral("reset"), QStringLiteral("-q"), QStringLiteral("--hard"), QStringLiteral("main")});
    return repo.head();
}

QStringList shas(const QList<CommitInfo> &commits)
{
    QStringList out;
    for (const CommitInfo &c : commits)
        out << c.sha;
    return out;
}

// The hunks as `git diff` prints them, for comparing with the CLI.
QString unified(const FileDiff &diff)
{
    QString out;
    for (const DiffHunk &h : diff.hunks) {
        out += h.header + QLatin1Char('\n');
        for (const DiffLine &l : h.lines)
            out += QLatin1Char(l.origin) + l.text + QLatin1Char('\n');
    }
    return out;
}

}  // namespace

class TestGitService : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_repos = 0;
    QString newDir() { return m_tmp.filePath(QStringLiteral("repo%1").arg(++m_repos)); }

private slots:
    void tagsListsAnnotatedLightweightAndNonSemver()
    {
        ScratchRepo r(newDir());
        const QString c1 = r.commit(QStringLiteral("one"));
        r.annotatedTag(QStringLiteral("v1.0.0"), QStringLiteral("Release v1.0.0\n\nFirst."));
        const QString c2 = r.commit(QStringLiteral("two"));
        r.tag(QStringLiteral("v1.1.0"));
        r.annotatedTag(QStringLiteral("v1.1.0-rc1"), QStringLiteral("RC"), c1);
        r.tag(QStringLiteral("nightly"));
        r.tag(QStringLiteral("archive"), c1);
        r.annotatedTag(QStringLiteral("v2.0.0-beta.1"), QStringLiteral("beta"));
        QVERIFY2(r.ok(), qPrintable(r.error()));

        auto git = GitService::open(r.dir());
        QVERIFY2(git, qPrintable(git ? QString() : git.error().toString()));
        auto tags = git->tags();
        QVERIFY(tags);
        QStringList names;
        for (const GitTagInfo &t : *tags)
            names << t.name;
        QCOMPARE(names,
            QStringList(
                {QStringLiteral("v2.0.0-beta.1"), QStringLiteral("v1.1.0"), QStringLiteral("v1.1.0-rc1"),
                    QStringLiteral("v1.0.0"), QStringLiteral("archive"), QStringLiteral("nightly")}));
        const GitTagInfo &ga = tags->at(3);
        QVERIFY(ga.annotated);
        QCOMPARE(ga.targetSha, c1);  // peeled through the tag object
        QCOMPARE(ga.message, QStringLiteral("Release v1.0.0\n\nFirst.\n"));
        QCOMPARE(ga.taggerEmail, QStringLiteral("author@example.com"));
        QCOMPARE(ga.taggedAt, QDateTime::fromSecsSinceEpoch(1704067200 + 2 * 60, Qt::UTC));
        QCOMPARE(ga.version->toString(), QStringLiteral("1.0.0"));
        const GitTagInfo &light = tags->at(1);
        QVERIFY(!light.annotated);
        QCOMPARE(light.targetSha, c2);
        QVERIFY(light.message.isEmpty() && !light.taggedAt.isValid());
        QVERIFY(!tags->at(4).version.has_value());

        auto one = git->tag(QStringLiteral("v1.1.0-rc1"));
        QVERIFY(one && one->annotated && one->targetSha == c1);
        auto missing = git->tag(QStringLiteral("v9.9.9"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().message.contains(QLatin1String("v9.9.9")));
    }

    void lastReleaseTagSkipsPrereleasesAndUnreachableTags()
    {
        ScratchRepo r(newDir());
        const QString c1 = r.commit(QStringLiteral("one"));
        r.annotatedTag(QStringLiteral("v1.0.0"), QStringLiteral("GA"));
        const QString c2 = r.commit(QStringLiteral("two"));
        r.tag(QStringLiteral("v1.1.0"));
        r.commit(QStringLiteral("three"));
        r.annotatedTag(QStringLiteral("v1.2.0-rc1"), QStringLiteral("RC"));
        r.tag(QStringLiteral("app-v7.0.0"));
        r.commit(QStringLiteral("four"));
        // Higher tags on a branch HEAD never merged: five of them, past the direct checks.
        r.git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("side"),
            c2});
        r.commit(QStringLiteral("side"));
        for (int i = 0; i < 5; ++i)
            r.tag(QStringLiteral("v9.%1.0").arg(i));
        r.git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")});
        QVERIFY2(r.ok(), qPrintable(r.error()));

        auto git = GitService::open(r.dir());
        QVERIFY(git);
        const QString fmt = QStringLiteral("v{version}");
        auto last = git->lastReleaseTag(fmt);
        QVERIFY(last && last->has_value());
        QCOMPARE((*last)->name, QStringLiteral("v1.1.0"));
        QCOMPARE((*last)->targetSha, c2);
        auto withPre = git->lastReleaseTag(fmt, QStringLiteral("HEAD"), true);
        QVERIFY(withPre && withPre->has_value());
        QCOMPARE((*withPre)->name, QStringLiteral("v1.2.0-rc1"));
        auto fromOld = git->lastReleaseTag(fmt, c1);
        QVERIFY(fromOld && fromOld->has_value());
        QCOMPARE((*fromOld)->name, QStringLiteral("v1.0.0"));
        auto onSide = git->lastReleaseTag(fmt, QStringLiteral("side"));
        QVERIFY(onSide && onSide->has_value());
        QCOMPARE((*onSide)->name, QStringLiteral("v9.4.0"));
        auto otherFormat = git->lastReleaseTag(QStringLiteral("app-v{version}"));
        QVERIFY(otherFormat && otherFormat->has_value());
        QCOMPARE((*otherFormat)->name, QStringLiteral("app-v7.0.0"));
        auto none = git->lastReleaseTag(QStringLiteral("lib-{version}"));
        QVERIFY(none && !none->has_value());
        auto badRef = git->lastReleaseTag(fmt, QStringLiteral("no-such-branch"));
        QVERIFY(!badRef);
        QVERIFY(badRef.error().message.contains(QLatin1String("no-such-branch")));
    }

    void commitRangesMatchGitLog()
    {
        ScratchRepo r(newDir());
        const QString root = r.commit(QStringLiteral("feat: root"));
        r.tag(QStringLiteral("v1.0.0"));
        r.commit(QStringLiteral("fix(api): handle nulls (#12)\n\nLonger explanation\nover two "
                                "lines.\n\nBREAKING CHANGE: nulls are errors"));
        r.git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"),
            QStringLiteral("topic")});
        r.commit(QStringLiteral("feat: on topic"));
        r.commit(QStringLiteral("docs: topic docs"));
        r.git({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")});
        r.commit(QStringLiteral("chore: on main"));
        r.merge(QStringLiteral("topic"), QStringLiteral("Merge branch 'topic'"));
        r.commit(QStringLiteral("fix: after merge"));
        QVERIFY2(r.ok(), qPrintable(r.error()));

        auto git = GitService::open(r.dir());
        QVERIFY(git);
        const QList<QPair<QString, QString>> ranges {{QString(), QStringLiteral("HEAD")},
            {QStringLiteral("v1.0.0"), QStringLiteral("HEAD")},
            {QStringLiteral("topic"), QStringLiteral("main")},
            {QStringLiteral("main"), QStringLiteral("topic")},
            {QStringLiteral("HEAD~1"), QStringLiteral("HEAD")}};
        for (const auto &[from, to] : ranges) {
            auto ours = git->commits(from, to);
            QVERIFY(ours);
            const QString range = from.isEmpty() ? to : from + QStringLiteral("..") + to;
            const QString theirs = r.git({QStringLiteral("log"), QStringLiteral("--format=%H"), range});
            QCOMPARE(shas(*ours), theirs.isEmpty() ? QStringList() : theirs.split(QLatin1Char('\n')));
        }
        auto all = git->commits({}, QStringLiteral("HEAD"));
        QVERIFY(all);
        QCOMPARE(all->size(), 7);
        QCOMPARE(all->last().sha, root);
        QVERIFY(all->last().parents.isEmpty());
        const CommitInfo &merge = all->at(1);
        QCOMPARE(merge.subject, QStringLiteral("Merge branch 'topic'"));
        QVERIFY(merge.isMerge());
        QCOMPARE(merge.parents.size(), 2);
        QCOMPARE(merge.parents.at(1), r.git({QStringLiteral("rev-parse"), QStringLiteral("topic")}));
        const CommitInfo &fix = all->at(all->size() - 2);
        QCOMPARE(fix.subject, QStringLiteral("fix(api): handle nulls (#12)"));
        QCOMPARE(fix.body,
            QStringLiteral("Longer explanation\nover two lines.\n\nBREAKING CHANGE: nulls are errors"));
        QCOMPARE(fix.authorName, QStringLiteral("Scratch Author"));
        QCOMPARE(fix.authorEmail, QStringLiteral("author@example.com"));
        QCOMPARE(fix.time, QDateTime::fromSecsSinceEpoch(1704067200 + 2 * 60, Qt::UTC));

        auto bad = git->commits(QStringLiteral("v0.0.1"), QStringLiteral("HEAD"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::NotFound);
        QVERIFY(bad.error().message.contains(QLatin1String("v0.0.1")));
    }

    void commitsWorkWithCommitGraphFromGit()
    {
        // git 2.39 writes generation data v2; libgit2 1.5 must still walk correctly with it.
        ScratchRepo r(newDir());
        fastImport(r, 300);
        r.git({QStringLiteral("tag"), QStringLiteral("v1.0.0"), QStringLiteral("main~100")});
        r.git({QStringLiteral("config"), QStringLiteral("core.commitGraph"), QStringLiteral("true")});
        r.git({QStringLiteral("commit-graph"), QStringLiteral("write"), QStringLiteral("--reachable")});
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QVERIFY(QFile::exists(r.dir() + QStringLiteral("/.git/objects/info/commit-graph")));
        auto git = GitService::open(r.dir());
        QVERIFY(git);
        auto range = git->commits(QStringLiteral("v1.0.0"), QStringLiteral("HEAD"));
        QVERIFY(range);
        QCOMPARE(shas(*range),
            r.git({QStringLiteral("log"), QStringLiteral("--format=%H"), QStringLiteral("v1.0.0..HEAD")})
                .split(QLatin1Char('\n')));
        auto last = git->lastReleaseTag(QStringLiteral("v{version}"));
        QVERIFY(last && last->has_value() && (*last)->name == QStringLiteral("v1.0.0"));
    }

    void walkStopsWhenCancelled()
    {
        ScratchRepo r(newDir());
        fastImport(r, 1300);
        QVERIFY2(r.ok(), qPrintable(r.error()));
        auto git = GitService::open(r.dir());
        QVERIFY(git);

        std::stop_source before;
        before.request_stop();
        auto cancelled = git->commits({}, QStringLiteral("HEAD"), before.get_token());
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().code, ErrorCode::Failed);
        QCOMPARE(cancelled.error().message, QStringLiteral("cancelled"));

        std::stop_source midway;
        QList<int> reports;
        auto stopped = git->commits({}, QStringLiteral("HEAD"), midway.get_token(), [&](int done) {
            reports << done;
            midway.request_stop();
        });
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().message, QStringLiteral("cancelled"));
        QCOMPARE(reports, QList<int>({512}));

        QList<int> progress;
        auto full = git->commits({}, QStringLiteral("HEAD"), {}, [&](int done) { progress << done; });
        QVERIFY(full);
        QCOMPARE(full->size(), 1300);
        QCOMPARE(progress, QList<int>({512, 1024, 1300}));

        // One instance per thread, as the GUI uses it.
        const QString dir = r.dir();
        auto counted = QtConcurrent::run([dir] {
            auto own = GitService::open(dir);
            return own ? own->commits(QStringLiteral("HEAD~10"), QStringLiteral("HEAD"))
                             .value_or(QList<CommitInfo>())
                             .size()
                       : -1;
        });
        QCOMPARE(counted.result(), 10);
    }

    void fileAtReadsBlobsAtRefs()
    {
        ScratchRepo r(newDir());
        r.commit(QStringLiteral("one"), {{QStringLiteral("docs/CHANGELOG.md"), "# Changelog\n"}});
        r.tag(QStringLiteral("v1.0.0"));
        r.commit(QStringLiteral("two"), {{QStringLiteral("docs/CHANGELOG.md"), "# Changelog\n\n## 1.1.0\n"}});
        QVERIFY2(r.ok(), qPrintable(r.error()));
        auto git = GitService::open(r.dir() + QStringLiteral("/docs"));  // discovers upwards
        QVERIFY(git);
        QCOMPARE(git->workdir(), QDir(r.dir()).canonicalPath());
        QCOMPARE(git->fileAt(QStringLiteral("v1.0.0"), QStringLiteral("docs/CHANGELOG.md")).value_or("?"),
            QByteArray("# Changelog\n"));
        QCOMPARE(git->fileAt(QStringLiteral("HEAD"), QStringLiteral("docs/CHANGELOG.md")).value_or("?"),
            QByteArray("# Changelog\n\n## 1.1.0\n"));
        auto absent = git->fileAt(QStringLiteral("HEAD"), QStringLiteral("README.md"));
        QVERIFY(!absent);
        QCOMPARE(absent.error().code, ErrorCode::NotFound);
        auto dirEntry = git->fileAt(QStringLiteral("HEAD"), QStringLiteral("docs"));
        QVERIFY(!dirEntry);
        QCOMPARE(dirEntry.error().code, ErrorCode::BadInput);
        QCOMPARE(git->resolve(QStringLiteral("v1.0.0")).value_or(QString()),
            r.git({QStringLiteral("rev-parse"), QStringLiteral("v1.0.0")}));
        auto badRef = git->fileAt(QStringLiteral("v2.0.0"), QStringLiteral("docs/CHANGELOG.md"));
        QVERIFY(!badRef);
        QVERIFY(badRef.error().message.contains(QLatin1String("v2.0.0")));
    }

    void diffFileGoldens()
    {
        ScratchRepo r(newDir());
        QByteArray before;
        for (int i = 1; i <= 20; ++i)
            before += "line " + QByteArray::number(i) + "\n";
        QByteArray after = before;
        after.replace("line 3\n", "line three\n");
        after.replace("line 18\n", "");
        after += "line 21";  // no newline at end of file
        r.commit(QStringLiteral("one"), {{QStringLiteral("CHANGELOG.md"), before}});
        r.tag(QStringLiteral("a"));
        r.commit(QStringLiteral("two"),
            {{QStringLiteral("CHANGELOG.md"), after}, {QStringLiteral("new.md"), "x\ny\n"}});
        r.tag(QStringLiteral("b"));
        QVERIFY2(r.ok(), qPrintable(r.error()));
        auto git = GitService::open(r.dir());
        QVERIFY(git);
        auto diff = git->diffFile(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("CHANGELOG.md"));
        QVERIFY(diff);
        QCOMPARE(diff->hunks.size(), 2);
        const DiffHunk &first = diff->hunks.first();
        QCOMPARE(first.header, QStringLiteral("@@ -1,6 +1,6 @@"));
        QCOMPARE(first.lines.at(2).origin, '-');
        QCOMPARE(first.lines.at(2).oldLine, 3);
        QCOMPARE(first.lines.at(2).newLine, -1);
        QCOMPARE(first.lines.at(3).origin, '+');
        QCOMPARE(first.lines.at(3).text, QStringLiteral("line three"));
        QCOMPARE(first.lines.at(3).newLine, 3);
        QCOMPARE(first.lines.at(4).oldLine, 4);
        QCOMPARE(first.lines.at(4).newLine, 4);
        // The same hunks as git prints them (after its four header lines).
        QStringList cli
            = r.git({QStringLiteral("diff"), QStringLiteral("--no-color"), QStringLiteral("a"),
                        QStringLiteral("b"), QStringLiteral("--"), QStringLiteral("CHANGELOG.md")})
                  .split(QLatin1Char('\n'))
                  .mid(4);
        cli.removeAll(QStringLiteral("\\ No newline at end of file"));
        QCOMPARE(unified(*diff), cli.join(QLatin1Char('\n')) + QLatin1Char('\n'));

        auto added = git->diffFile(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("new.md"));
        QVERIFY(added);
        QCOMPARE(unified(*added), QStringLiteral("@@ -0,0 +1,2 @@\n+x\n+y\n"));
        auto same = git->diffFile(QStringLiteral("b"), QStringLiteral("b"), QStringLiteral("CHANGELOG.md"));
        QVERIFY(same && same->isEmpty());
        auto nowhere = git->diffFile(QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("nope.md"));
        QVERIFY(!nowhere);
        QCOMPARE(nowhere.error().code, ErrorCode::NotFound);
    }

    void openRefusesNonRepositories()
    {
        QTemporaryDir plain;
        auto git = GitService::open(plain.path());
        QVERIFY(!git);
        QCOMPARE(git.error().code, ErrorCode::Unavailable);
        QCOMPARE(git.error().location.file, plain.path());
    }
};

QTEST_GUILESS_MAIN(TestGitService)
#include "tst_git_service.moc"
