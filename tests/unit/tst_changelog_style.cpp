// A drafted entry in the file's own style, table-driven: capitalisation, final period, the PR
// citation form the file uses (plain or a Markdown link to the host), backticks around code.
#include "changelog_style.h"

#include <QTest>

using namespace cockpit;

class TestChangelogStyle : public QObject {
    Q_OBJECT

private slots:
    void drafts_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("description");
        QTest::addColumn<int>("pr");
        QTest::addColumn<QString>("expected");
        const QByteArray head = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n";
        QTest::newRow("empty file: defaults")
            << QByteArray(head) << "faster route exports" << 12 << "Faster route exports (#12)";
        QTest::newRow("no pr: short sha")
            << QByteArray(head) << "faster route exports" << 0 << "Faster route exports (abc1234)";
        QTest::newRow("lower case, periods") << QByteArray(
            head + "- add the thing (#1).\n- fix the other (#2).\n- **Breaking:** drop x (#3).\n")
                                             << "Faster route exports" << 12 << "faster route exports (#12).";
        QTest::newRow("github links")
            << QByteArray(head
                   + "- Paginated exports ([#454](https://github.com/o/r/pull/454))\n"
                     "- Quotas ([#455](https://github.com/o/r/pull/455))\n- Plain (#7)\n")
            << "faster route exports" << 12 << "Faster route exports ([#12](https://github.com/o/r/pull/12))";
        QTest::newRow("link without parentheses")
            << QByteArray(head + "- Exports [#4](https://gitlab.example/o/r/merge_requests/4)\n")
            << "faster exports" << 9 << "Faster exports [#9](https://gitlab.example/o/r/merge_requests/9)";
        QTest::newRow("backticks habit")
            << QByteArray(head + "- The `--json` flag (#1)\n- Reads `policy.yml` (#2)\n")
            << "add --dry-run to release_new and read config.toml" << 5
            << "Add `--dry-run` to `release_new` and read `config.toml` (#5)";
        QTest::newRow("no backticks habit")
            << QByteArray(head + "- The json flag (#1)\n- Reads the policy (#2)\n") << "add --dry-run" << 5
            << "Add --dry-run (#5)";
        QTest::newRow("trailing period in the commit is dropped")
            << QByteArray(head) << "faster exports." << 3 << "Faster exports (#3)";
    }

    void drafts()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, description);
        QFETCH(int, pr);
        auto log = parseChangelog(file, QStringLiteral("CHANGELOG.md"));
        QVERIFY(log.has_value());
        QTEST(styleEntry(detectEntryStyle(*log), description, pr, QStringLiteral("abc1234")), "expected");
    }
};

QTEST_GUILESS_MAIN(TestChangelogStyle)
#include "tst_changelog_style.moc"
