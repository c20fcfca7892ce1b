// Coverage of commits by Unreleased entries, a golden table: an entry citing PRs, issues or SHAs
// covers those commits only; an entry citing nothing covers a word-for-word restated subject;
// anything looser is a suggestion, never coverage. Also exemptions, merges, breaking changes, the
// suggested bump and its warnings.
#include "changelog_coverage.h"

#include <QTest>

using namespace cockpit;

namespace {

const QByteArray kLog = "# Changelog\n\n## [Unreleased]\n\n"
                        "### Added\n\n- Paginated route exports (#1201)\n- Tenant quotas, see 9f3c2ab\n\n"
                        "### Fixed\n\n- Retry OSRM timeouts when the solver is busy\n"
                        "- **auth:** session refresh ([#77](https://github.com/o/r/pull/77))\n"
                        "- Improve error messages (#10)\n\n"
                        "### Removed\n\n- The v1 export endpoint\n\n"
                        "## [3.6.0] - 2026-08-25\n\n### Added\n\n- Old thing (#999)\n";

CommitInfo commit(const QString &sha, const QString &subject, const QString &body = {}, int parents = 1)
{
    CommitInfo c;
    c.sha = sha.leftJustified(40, u'0');
    c.subject = subject;
    c.body = body;
    for (int i = 0; i < parents; ++i)
        c.parents << QString(40, QChar(u'a' + i));
    return c;
}

Changelog changelog()
{
    auto log = parseChangelog(kLog, QStringLiteral("CHANGELOG.md"));
    if (!log)
        qFatal("parse");
    return *log;
}

}  // namespace

class TestChangelogCoverage : public QObject {
    Q_OBJECT

private slots:
    void commits_data()
    {
        QTest::addColumn<QString>("sha");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("covered");
        QTest::addColumn<bool>("exempt");
        QTest::addColumn<int>("entryLine");
        QTest::addColumn<int>("suggestedLine");
        QTest::newRow("pr ref") << "1111111"
                                << "feat(api): paginate route exports (#1201)"
                                << "" << true << false << 7 << 0;
        QTest::newRow("pr link") << "2222222"
                                 << "fix(auth): refresh sessions (#77)"
                                 << "" << true << false << 13 << 0;
        QTest::newRow("other pr") << "3333333"
                                  << "fix: something else (#1202)"
                                  << "" << false << false << 0 << 0;
        QTest::newRow("old release pr") << "4444444"
                                        << "feat: old (#999)"
                                        << "" << false << false << 0 << 0;
        QTest::newRow("sha prefix") << "9f3c2ab4"
                                    << "feat: quotas per tenant"
                                    << "" << true << false << 8 << 0;
        QTest::newRow("short sha no") << "9f3c2a"
                                      << "feat: something"
                                      << "" << false << false << 0 << 0;
        QTest::newRow("restated") << "5555555"
                                  << "fix(solver): retry OSRM timeouts"
                                  << "" << false << false << 0 << 12;  // contained, not restated: a hint
        QTest::newRow("too short to restate") << "6666666"
                                              << "fix: retry"
                                              << "" << false << false << 0 << 0;
        QTest::newRow("exempt chore") << "7777777"
                                      << "chore(deps): bump yaml"
                                      << "" << false << true << 0 << 0;
        QTest::newRow("exempt docs") << "8888888"
                                     << "docs: typo"
                                     << "" << false << true << 0 << 0;
        QTest::newRow("breaking chore is not exempt") << "aaaaaaa"
                                                      << "chore!: drop node 16"
                                                      << "" << false << false << 0 << 0;
        QTest::newRow("footer breaking") << "bbbbbbb"
                                         << "refactor: the v1 export endpoint"
                                         << "BREAKING CHANGE: gone" << true << false << 18 << 0;
        QTest::newRow("not conventional") << "ccccccc"
                                          << "Update the README"
                                          << "" << false << false << 0 << 0;
        // The golden rows of issue 17: a cited number covers that PR's commit and no other.
        QTest::newRow("#10 covers #10") << "d000001"
                                        << "fix: improve error messages (#10)"
                                        << "" << true << false << 14 << 0;
        QTest::newRow("#10 does not cover #11") << "d000002"
                                                << "fix: improve error messages (#11)"
                                                << "" << false << false << 0 << 14;
        QTest::newRow("link cites #77 only") << "d000003"
                                             << "fix(auth): session refresh (#78)"
                                             << "" << false << false << 0 << 0;
        QTest::newRow("cited entry, same words: a hint") << "d000008"
                                                         << "feat(api): paginated route exports (#1516)"
                                                         << "" << false << false << 0 << 7;
        QTest::newRow("cited entry, other words") << "d000004"
                                                  << "feat: tenant quotas (#1503)"
                                                  << "" << false << false << 0 << 0;
        QTest::newRow("sha entry covers that sha only") << "9f3c2ac"
                                                        << "feat: quotas per tenant"
                                                        << "" << false << false << 0 << 0;
        QTest::newRow("no pr, restated word for word") << "d000005"
                                                       << "fix: the v1 export endpoint"
                                                       << "" << true << false << 18 << 0;
        QTest::newRow("pr, restated by an entry citing none") << "d000006"
                                                              << "fix: the v1 export endpoint (#300)"
                                                              << "" << true << false << 18 << 0;
        QTest::newRow("exempt: no hint") << "d000009"
                                         << "docs: improve error messages (#12)"
                                         << "" << false << true << 0 << 0;
        QTest::newRow("no pr, no entry") << "d000007"
                                         << "fix: nothing like it"
                                         << "" << false << false << 0 << 0;
    }

    void commits()
    {
        QFETCH(QString, sha);
        QFETCH(QString, subject);
        QFETCH(QString, body);
        const CoverageReport r = computeCoverage({commit(sha, subject, body)}, changelog(), {});
        QCOMPARE(r.commits.size(), 1);
        QTEST(r.commits.first().covered, "covered");
        QTEST(r.commits.first().exempt, "exempt");
        QTEST(r.commits.first().entryLine, "entryLine");
        QTEST(r.commits.first().suggestedLine, "suggestedLine");
        QVERIFY(!(r.commits.first().covered && r.commits.first().suggestedLine));
        QCOMPARE(r.uncoveredCount(), r.commits.first().covered || r.commits.first().exempt ? 0 : 1);
    }

    void mergesSkippedAndExemptTypesFromPolicy()
    {
        CoverageOptions opts;
        opts.exemptTypes = {QStringLiteral("test")};
        const CoverageReport r = computeCoverage(
            {commit(QStringLiteral("1"), QStringLiteral("Merge pull request #5 from a/b"), {}, 2),
                commit(QStringLiteral("2"), QStringLiteral("chore: not exempt here")),
                commit(QStringLiteral("3"), QStringLiteral("test: exempt here"))},
            changelog(), opts);
        QCOMPARE(r.commits.size(), 2);
        QVERIFY(!r.commits.at(0).exempt);
        QVERIFY(r.commits.at(1).exempt);
        QCOMPARE(r.uncoveredCount(), 1);
    }

    void bump_data()
    {
        QTest::addColumn<QStringList>("subjects");
        QTest::addColumn<QString>("bump");
        QTest::newRow("none") << QStringList() << "none";
        QTest::newRow("patch") << QStringList {QStringLiteral("fix: a"), QStringLiteral("chore: b")}
                               << "patch";
        QTest::newRow("minor") << QStringList {QStringLiteral("fix: a"), QStringLiteral("feat: b")}
                               << "minor";
        QTest::newRow("major bang") << QStringList {QStringLiteral("feat: b"), QStringLiteral("fix!: c")}
                                    << "major";
    }

    void bump()
    {
        QFETCH(QStringList, subjects);
        QList<CommitInfo> commits;
        for (const QString &s : subjects)
            commits << commit(QString::number(commits.size()), s);
        QTEST(computeCoverage(commits, changelog(), {}).suggestedBump, "bump");
    }

    void warnings()
    {
        const QList<CommitInfo> breaking {commit(
            QStringLiteral("abcdef1"), QStringLiteral("feat: x"), QStringLiteral("BREAKING CHANGE: y"))};
        CoverageOptions opts {{}, QStringLiteral("3.7.0"), QStringLiteral("3.6.0")};
        CoverageReport r = computeCoverage(breaking, changelog(), opts);
        QCOMPARE(r.suggestedBump, QStringLiteral("major"));
        QCOMPARE(r.warnings.size(), 2);
        QVERIFY2(r.warnings.at(0).contains(QLatin1String(
                     "3.7.0 is a minor release after 3.6.0, but the commits call for major (abcdef1")),
            qPrintable(r.warnings.at(0)));
        QVERIFY(r.warnings.at(1).startsWith(QLatin1String("Removed has entries in a minor release")));
        // A major release with a breaking change: no bump warning, and Removed is fine.
        opts.releaseVersion = QStringLiteral("4.0.0");
        QCOMPARE(computeCoverage(breaking, changelog(), opts).warnings, QStringList());
        // A patch release with Added entries.
        opts.releaseVersion = QStringLiteral("3.6.1");
        r = computeCoverage({commit(QStringLiteral("1"), QStringLiteral("fix: y"))}, changelog(), opts);
        QVERIFY(r.warnings.contains(
            QStringLiteral("Added has entries in a patch release: that calls for a minor version")));
        // A release section already cut is read instead of Unreleased.
        opts.releaseVersion = QStringLiteral("3.6.0");
        r = computeCoverage(
            {commit(QStringLiteral("1"), QStringLiteral("feat: old (#999)"))}, changelog(), opts);
        QVERIFY(r.commits.first().covered);
        // No Unreleased at all.
        auto bare = parseChangelog("# C\n\n## [1.0.0] - 2024-01-01\n\n### Added\n\n- x\n", {});
        QVERIFY(bare);
        r = computeCoverage({commit(QStringLiteral("1"), QStringLiteral("feat: x"))}, *bare, {});
        QCOMPARE(r.uncoveredCount(), 1);
        QCOMPARE(r.warnings.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChangelogCoverage)
#include "tst_changelog_coverage.moc"
