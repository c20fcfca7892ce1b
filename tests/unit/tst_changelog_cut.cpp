// Cutting a release and inserting entries change only the lines they must: every other byte of
// the file stays as it was (line endings, trailing spaces, link definitions).
#include "changelog.h"
#include "changelog_cut.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace cockpit;

namespace {

const QByteArray kLog = "# Changelog  \n\nIntro.\n\n## [Unreleased]\n\n### Added\n\n- New thing (#12)\n\n"
                        "## [1.1.0] - 2024-03-01\n\n### Fixed\n\n- A bug\n\n"
                        "[unreleased]: https://e.x/r/compare/v1.1.0...HEAD\n"
                        "[1.1.0]: https://e.x/r/compare/v1.0.0...v1.1.0\n";

}  // namespace

class TestChangelogCut : public QObject {
    Q_OBJECT

private slots:
    void cutRewritesHeadingAndLinksOnly()
    {
        auto out = cutRelease(kLog, QStringLiteral("1.2.0"), QDate(2024, 4, 2), QStringLiteral("v{version}"));
        QVERIFY2(out.has_value(), qPrintable(out ? QString() : out.error().message));
        QByteArray expected = kLog;
        expected.replace("## [Unreleased]\n", "## [Unreleased]\n\n## [1.2.0] - 2024-04-02\n");
        expected.replace("[unreleased]: https://e.x/r/compare/v1.1.0...HEAD\n",
            "[unreleased]: https://e.x/r/compare/v1.2.0...HEAD\n[1.2.0]: "
            "https://e.x/r/compare/v1.1.0...v1.2.0\n");
        QCOMPARE(*out, expected);
        auto log = parseChangelog(*out, {});
        QVERIFY(log);
        QCOMPARE(log->unreleased()->entryCount(), 0);
        QCOMPARE(log->release(QStringLiteral("1.2.0"))->date, QDate(2024, 4, 2));
        QCOMPARE(log->release(QStringLiteral("1.2.0"))->entryCount(), 1);
    }

    void cutKeepsCrlfAndStyleWithoutLinks()
    {
        QByteArray text
            = "# C\r\n\r\n## Unreleased\r\n\r\n### Fixed\r\n\r\n- x\r\n\r\n## 0.9.0 - 2024-01-01\r\n";
        auto out = cutRelease(text, QStringLiteral("0.9.1"), QDate(2024, 2, 3), QStringLiteral("v{version}"));
        QVERIFY(out);
        QCOMPARE(*out,
            QByteArray(
                "# C\r\n\r\n## Unreleased\r\n\r\n## 0.9.1 - 2024-02-03\r\n\r\n### Fixed\r\n\r\n- x\r\n\r\n"
                "## 0.9.0 - 2024-01-01\r\n"));
    }

    void cutRefusals()
    {
        const QString fmt = QStringLiteral("v{version}");
        QCOMPARE(
            cutRelease(kLog, QStringLiteral("1.2"), QDate(2024, 1, 1), fmt).error().code, ErrorCode::Usage);
        QCOMPARE(cutRelease(kLog, QStringLiteral("1.1.0"), QDate(2024, 1, 1), fmt).error().code,
            ErrorCode::Conflict);
        QCOMPARE(cutRelease("# C\n\n## [Unreleased]\n\n### Added\n\n## [1.0.0] - 2024-01-01\n",
                     QStringLiteral("1.1.0"), QDate(2024, 1, 1), fmt)
                     .error()
                     .code,
            ErrorCode::Refused);
        QCOMPARE(cutRelease("# C\n", QStringLiteral("1.1.0"), QDate(2024, 1, 1), fmt).error().code,
            ErrorCode::NotFound);
    }

    void cutOnCorpusKeepsOtherBytes()
    {
        QFile f(QStringLiteral(COCKPIT_SHARED_DIR "/corpus/changelogs/olivierlacan__keep-a-changelog.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        auto out = cutRelease(text, QStringLiteral("1.2.0"), QDate(2024, 4, 2), QStringLiteral("v{version}"));
        QVERIFY(out);
        QByteArrayList before = text.split('\n'), after = out->split('\n');
        QCOMPARE(after.size(), before.size() + 3);
        // Exactly the heading (one line -> three) and the link (one -> two) differ.
        QCOMPARE(after.at(7), QByteArray("## [Unreleased]"));
        QCOMPARE(after.at(9), QByteArray("## [1.2.0] - 2024-04-02"));
        after.remove(8, 2);
        const qsizetype link = after.indexOf(
            "[unreleased]: https://github.com/olivierlacan/keep-a-changelog/compare/v1.2.0...HEAD");
        QVERIFY(link > 0);
        QCOMPARE(after.at(link + 1),
            QByteArray("[1.2.0]: https://github.com/olivierlacan/keep-a-changelog/compare/v1.1.1...v1.2.0"));
        after.removeAt(link + 1);
        after[link] = before.at(link);
        QCOMPARE(after, before);
    }

    void insertEntries()
    {
        // Into an existing section, after its last entry, with its marker.
        auto out = insertUnreleasedEntry(kLog, QStringLiteral("Added"), QStringLiteral("Another (#13)"));
        QVERIFY(out);
        QByteArray expected = kLog;
        expected.replace("- New thing (#12)\n", "- New thing (#12)\n- Another (#13)\n");
        QCOMPARE(*out, expected);
        // A new section before a later one in canonical order, or after the last one.
        out = insertUnreleasedEntry(expected, QStringLiteral("Fixed"), QStringLiteral("Crash\non start"));
        QVERIFY(out);
        QVERIFY(out->contains("- Another (#13)\n\n### Fixed\n\n- Crash\n  on start\n\n## [1.1.0]"));
        out = insertUnreleasedEntry(*out, QStringLiteral("Changed"), QStringLiteral("Faster"));
        QVERIFY(out);
        QVERIFY(out->contains("- Another (#13)\n\n### Changed\n\n- Faster\n\n### Fixed\n"));
        auto log = parseChangelog(*out, {});
        QVERIFY(log);
        QStringList names;
        for (const auto &s : log->unreleased()->sections)
            names << s.name;
        QCOMPARE(names,
            (QStringList {QStringLiteral("Added"), QStringLiteral("Changed"), QStringLiteral("Fixed")}));
        QVERIFY(out->endsWith(kLog.mid(kLog.indexOf("## [1.1.0]"))));
    }

    void insertIntoEmptyOrMissingUnreleased()
    {
        auto out = insertUnreleasedEntry("# C\n\n## [Unreleased]\n\n## [1.0.0] - 2024-01-01\n",
            QStringLiteral("Security"), QStringLiteral("Patch CVE"));
        QVERIFY(out);
        QCOMPARE(*out,
            QByteArray("# C\n\n## [Unreleased]\n\n### Security\n\n- Patch CVE\n\n## [1.0.0] - 2024-01-01\n"));
        out = insertUnreleasedEntry(
            "# C\n\n## 1.0.0 - 2024-01-01\n", QStringLiteral("Added"), QStringLiteral("x"));
        QVERIFY(out);
        QCOMPARE(*out, QByteArray("# C\n\n## Unreleased\n\n### Added\n\n- x\n\n## 1.0.0 - 2024-01-01\n"));
        out = insertUnreleasedEntry("# C", QStringLiteral("Added"), QStringLiteral("x"));
        QVERIFY(out);
        QCOMPARE(*out, QByteArray("# C\n\n## [Unreleased]\n\n### Added\n\n- x\n"));
        out = insertUnreleasedEntry(
            "# C\n\n## [Unreleased]\n\n### Added\n\n* a", QStringLiteral("Added"), QStringLiteral("b"));
        QVERIFY(out);
        QCOMPARE(*out, QByteArray("# C\n\n## [Unreleased]\n\n### Added\n\n* a\n* b\n"));
        QCOMPARE(insertUnreleasedEntry("# C\n", QStringLiteral("Added"), QStringLiteral(" ")).error().code,
            ErrorCode::Usage);
    }
};

QTEST_GUILESS_MAIN(TestChangelogCut)
#include "tst_changelog_cut.moc"
