// parseChangelog: Keep a Changelog structure with source lines, the lenient readings of real
// files, and sectionText byte for byte.
#include "changelog.h"
#include "changelog_heading.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace cockpit;

namespace {

const QByteArray kSample = "# Changelog\n"  // 1
                           "\n"
                           "All notable changes.\n"  // 3
                           "\n"
                           "## [Unreleased]\n"  // 5
                           "\n"
                           "### Added\n"  // 7
                           "\n"
                           "- New export (#12)\n"  // 9
                           "- Multi-line entry\n"  // 10
                           "  continues here\n"  // 11
                           "\n"
                           "### Migration Notes\n"  // 13
                           "\n"
                           "* Run `migrate`\n"  // 15
                           "\n"
                           "## [1.0.0] - 2024-01-15 [YANKED]\n"  // 17
                           "\n"
                           "### Fixed\n"  // 19
                           "\n"
                           "- A bug\n"  // 21
                           "\n"
                           "[unreleased]: https://e.x/compare/v1.0.0...HEAD\n"  // 23
                           "[1.0.0]: https://e.x/releases/tag/v1.0.0\n";  // 24

}  // namespace

class TestChangelogParser : public QObject {
    Q_OBJECT

private slots:
    void structure()
    {
        auto log = parseChangelog(kSample, QStringLiteral("CHANGELOG.md"));
        QVERIFY(log.has_value());
        QCOMPARE(log->title, QStringLiteral("Changelog"));
        QCOMPARE(log->titleLine, 1);
        QCOMPARE(log->preamble, QStringLiteral("All notable changes."));
        QCOMPARE(log->releases.size(), 2);
        const ChangelogRelease *u = log->unreleased();
        QVERIFY(u && u == &log->releases.first());
        QCOMPARE(u->line, 5);
        QCOMPARE(u->endLine, 15);
        QCOMPARE(u->sections.size(), 2);
        QCOMPARE(u->sections.at(0).name, QStringLiteral("Added"));
        QCOMPARE(u->sections.at(0).line, 7);
        QCOMPARE(u->sections.at(0).entries.size(), 2);
        QCOMPARE(u->sections.at(0).entries.at(0).text, QStringLiteral("New export (#12)"));
        QCOMPARE(u->sections.at(0).entries.at(1).text, QStringLiteral("Multi-line entry\ncontinues here"));
        QCOMPARE(u->sections.at(0).entries.at(1).line, 10);
        QCOMPARE(u->sections.at(0).entries.at(1).endLine, 11);
        QVERIFY(u->section(QStringLiteral("migration notes")));
        QCOMPARE(u->section(QStringLiteral("Migration Notes"))->entries.first().text,
            QStringLiteral("Run `migrate`"));

        const ChangelogRelease *r = log->release(QStringLiteral("1.0.0"));
        QVERIFY(r);
        QCOMPARE(log->release(QStringLiteral("v1.0.0")), r);
        QCOMPARE(r->date, QDate(2024, 1, 15));
        QVERIFY(r->yanked);
        QVERIFY(r->bracketed);
        QCOMPARE(r->line, 17);
        QCOMPARE(r->endLine, 21);  // the link definitions are not part of it
        QCOMPARE(log->links.size(), 2);
        QCOMPARE(log->links.at(0).label, QStringLiteral("unreleased"));
        QCOMPARE(log->links.at(0).line, 23);
        QCOMPARE(log->link(QStringLiteral("Unreleased"))->url,
            QStringLiteral("https://e.x/compare/v1.0.0...HEAD"));
    }

    void sectionTextIsExact()
    {
        auto log = parseChangelog(kSample, {});
        QVERIFY(log);
        const QString unreleased = log->sectionText(QStringLiteral("Unreleased"));
        QVERIFY(unreleased.startsWith(QLatin1String("## [Unreleased]\n\n### Added\n")));
        QVERIFY(unreleased.endsWith(QLatin1String("* Run `migrate`\n")));
        QCOMPARE(log->sectionText(QStringLiteral("1.0.0")),
            QStringLiteral("## [1.0.0] - 2024-01-15 [YANKED]\n\n### Fixed\n\n- A bug\n"));
        QCOMPARE(log->sectionText(QStringLiteral("9.9.9")), QString());
        // CRLF files keep their line breaks.
        QByteArray crlf = kSample;
        crlf.replace("\n", "\r\n");
        auto again = parseChangelog(crlf, {});
        QVERIFY(again);
        QCOMPARE(again->lineEnding, QStringLiteral("\r\n"));
        QCOMPARE(again->sectionText(QStringLiteral("1.0.0")),
            QStringLiteral("## [1.0.0] - 2024-01-15 [YANKED]\r\n\r\n### Fixed\r\n\r\n- A bug\r\n"));
    }

    void headings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("dateText");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("bracketed");
        QTest::addColumn<bool>("yanked");
        QTest::newRow("kac") << "[1.2.3] - 2024-02-29"
                             << "1.2.3"
                             << "2024-02-29" << QDate(2024, 2, 29) << true << false;
        QTest::newRow("unreleased") << "[Unreleased]"
                                    << "Unreleased"
                                    << "" << QDate() << true << false;
        QTest::newRow("bare") << "0.1.14"
                              << "0.1.14"
                              << "" << QDate() << false << false;
        QTest::newRow("parens v") << "v1.2.0 (2019-12-16)"
                                  << "1.2.0"
                                  << "2019-12-16" << QDate(2019, 12, 16) << false << false;
        QTest::newRow("inline link") << "[2.15.0](https://x/compare/v2.14.1...v2.15.0) (2021-01-12)"
                                     << "2.15.0"
                                     << "2021-01-12" << QDate(2021, 1, 12) << true << false;
        QTest::newRow("en dash") << QString::fromUtf8("[v0.10.0] \u2013 2021-12-07") << "0.10.0"
                                 << "2021-12-07" << QDate(2021, 12, 7) << true << false;
        QTest::newRow("yanked unbracketed") << "0.99.4 - 2020-03-28 [YANKED]"
                                            << "0.99.4"
                                            << "2020-03-28" << QDate(2020, 3, 28) << false << true;
        QTest::newRow("words date") << "1.5.7 (September 7, 2023)"
                                    << "1.5.7"
                                    << "September 7, 2023" << QDate(2023, 9, 7) << false << false;
        QTest::newRow("slashes") << "[0.14.0] - 2018/07/05"
                                 << "0.14.0"
                                 << "2018/07/05" << QDate(2018, 7, 5) << true << false;
        QTest::newRow("placeholder") << "0.2.0 - 2022-XX-XX"
                                     << "0.2.0"
                                     << "2022-XX-XX" << QDate() << false << false;
        QTest::newRow("beta words") << "2.0 Beta 2"
                                    << "2.0 Beta 2"
                                    << "" << QDate() << false << false;
    }

    void headings()
    {
        QFETCH(QString, text);
        const auto h = parseReleaseHeading(text);
        QVERIFY(h.has_value());
        QTEST(h->version, "version");
        QTEST(h->dateText, "dateText");
        QTEST(h->date, "date");
        QTEST(h->bracketed, "bracketed");
        QTEST(h->yanked, "yanked");
    }

    void notReleaseHeadings()
    {
        for (const char *text :
            {"Added", "Previous Releases", "Table of Contents", "[Keep a Changelog]", "2023 plans"})
            QVERIFY2(!parseReleaseHeading(QString::fromLatin1(text)), text);
    }

    void lenientReadings()
    {
        // A commented-out template is not a section, a level-2 "Fixed" stays in its release, and
        // a "## Previous Releases" ends the release above it.
        const QByteArray text
            = "# C\n\n<!-- ## Unreleased\n\n### Added -->\n\n## 1.1.0 - 2024-01-02\n\n### Added\n\n- a\n\n"
              "## Fixed\n\n- b\n\n## Previous Releases\n\n- other branches\n";
        auto log = parseChangelog(text, {});
        QVERIFY(log);
        QVERIFY(!log->unreleased());
        QCOMPARE(log->releases.size(), 1);
        QCOMPARE(log->releases.first().sections.size(), 2);
        QCOMPARE(log->releases.first().sections.at(1).level, 2);
        QCOMPARE(log->releases.first().endLine, 15);
        QCOMPARE(log->strayHeadings.size(), 1);
        QCOMPARE(log->strayHeadings.first().text, QStringLiteral("Previous Releases"));
        // Entries before any section go to an unnamed one, labelled by a "BUG FIXES:" paragraph.
        auto tf = parseChangelog("## 1.5.8 (Unreleased)\n\nBUG FIXES:\n\n* x (#1)\n", {});
        QVERIFY(tf);
        QCOMPARE(tf->releases.first().sections.first().name, QString());
        QCOMPARE(tf->releases.first().sections.first().label, QStringLiteral("BUG FIXES:"));
        QCOMPARE(tf->releases.first().sections.first().entries.first().text, QStringLiteral("x (#1)"));
    }

    void errorsOnlyForNonText()
    {
        auto bad = parseChangelog("# C\n\n## [1.0.0] \xff\n", QStringLiteral("CHANGELOG.md"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::BadInput);
        QCOMPARE(bad.error().location.line, 3);
        QVERIFY(parseChangelog({}, {}).has_value());
        QVERIFY(parseChangelog("\xef\xbb\xbf# Changelog\n", {}).has_value());
    }

    void corpusParses()
    {
        const QDir dir(QStringLiteral(COCKPIT_SHARED_DIR "/corpus/changelogs"));
        int files = 0;
        for (const QString &name : dir.entryList({QStringLiteral("*.md")}, QDir::Files)) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            auto log = parseChangelog(f.readAll(), name);
            QVERIFY2(log.has_value(), qPrintable(name));
            if (name != QLatin1String("SOURCES.md"))
                QVERIFY2(!log->releases.isEmpty(), qPrintable(name));
            ++files;
        }
        QVERIFY(files >= 19);
    }
};

QTEST_GUILESS_MAIN(TestChangelogParser)
#include "tst_changelog_parser.moc"
