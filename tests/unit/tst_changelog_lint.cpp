// The changelog linter over the corpus of real changelogs (goldens: what a careful reviewer would
// flag in each) and over small cases, one per rule.
#include "changelog.h"
#include "changelog_lint.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace cockpit;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

QString corpusDir()
{
    return QStringLiteral(COCKPIT_SHARED_DIR "/corpus/changelogs");
}

QString goldenDir()
{
    return QStringLiteral(COCKPIT_SOURCE_DIR "/tests/unit/goldens/changelog_lint");
}

QList<LintDiagnostic> lint(const QByteArray &text, LintOptions opts = {})
{
    auto log = parseChangelog(text, QStringLiteral("CHANGELOG.md"));
    if (!log)
        qFatal("parse failed: %s", qPrintable(log.error().toString()));
    return lintChangelog(*log, text, opts);
}

QStringList rules(const QList<LintDiagnostic> &ds)
{
    QStringList out;
    for (const LintDiagnostic &d : ds)
        out << QStringLiteral("%1@%2").arg(d.ruleId).arg(d.where.line);
    return out;
}

const QByteArray kClean = "# Changelog\n\nAll notable changes.\n\n"
                          "## [Unreleased]\n\n### Added\n\n- New thing (#12)\n\n"
                          "## [1.1.0] - 2024-03-01\n\n### Fixed\n\n- A bug\n\n"
                          "## [1.0.0] - 2024-01-15\n\n### Added\n\n- First release\n\n"
                          "[unreleased]: https://example.com/r/compare/v1.1.0...HEAD\n"
                          "[1.1.0]: https://example.com/r/compare/v1.0.0...v1.1.0\n"
                          "[1.0.0]: https://example.com/r/releases/tag/v1.0.0\n";

}  // namespace

class TestChangelogLint : public QObject {
    Q_OBJECT

private slots:
    void corpus_data()
    {
        QTest::addColumn<QString>("name");
        const QDir dir(corpusDir());
        const QStringList files = dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 18);
        for (const QString &f : files) {
            if (f != QLatin1String("SOURCES.md"))
                QTest::newRow(qPrintable(f)) << f;
        }
    }

    // Every corpus file parses, and the linter says what its golden says, byte for byte.
    void corpus()
    {
        QFETCH(QString, name);
        const QByteArray text = readFile(corpusDir() + u'/' + name);
        auto log = parseChangelog(text, name);
        QVERIFY2(log.has_value(), qPrintable(log ? QString() : log.error().toString()));
        QStringList lines;
        for (const LintDiagnostic &d : lintChangelog(*log, text, {}))
            lines << formatDiagnostic(d, false);
        const QString actual = lines.join(u'\n') + u'\n';
        const QString goldenPath
            = goldenDir() + u'/' + QFileInfo(name).completeBaseName() + QStringLiteral(".md.txt");
        if (qEnvironmentVariableIsSet("COCKPIT_UPDATE_GOLDENS")) {
            QFile out(goldenPath);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(actual.toUtf8());
        }
        QCOMPARE(actual, QString::fromUtf8(readFile(goldenPath)));
    }

    void referenceFileIsClean()
    {
        const QByteArray text = readFile(corpusDir() + QStringLiteral("/olivierlacan__keep-a-changelog.md"));
        QCOMPARE(::rules(lint(text)), QStringList());
        QCOMPARE(::rules(lint(kClean)), QStringList());
    }

    void rules_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("expected");
        const QByteArray head
            = "# Changelog\n\n[unreleased]: https://e.x/commits/HEAD\n\n## [Unreleased]\n\n";
        QTest::newRow("no title") << QByteArray("## [Unreleased]\n\n### Added\n\n- x\n")
                                  << QStringList {
                                         QStringLiteral("title-missing@1"), QStringLiteral("link-missing@1")};
        QTest::newRow("no unreleased")
            << QByteArray("# C\n\n## 1.0.0 - 2024-01-01\n\n### Added\n\n- x\n")
            << QStringList {QStringLiteral("heading-format@3"), QStringLiteral("unreleased-missing@3")};
        QTest::newRow("unreleased below a release")
            << QByteArray("# C\n\n## 1.0.0 - 2024-01-01\n\n### Added\n\n- x\n\n## Unreleased\n")
            << QStringList {QStringLiteral("heading-format@3"), QStringLiteral("unreleased-position@9"),
                   QStringLiteral("heading-format@9")};
        QTest::newRow("order") << head + "## 1.0.0 - 2024-01-01\n- a\n## 1.1.0 - 2024-01-01\n- b\n"
                               << QStringList {QStringLiteral("heading-format@7"),
                                      QStringLiteral("entry-outside-section@8"),
                                      QStringLiteral("heading-format@9"), QStringLiteral("version-order@9"),
                                      QStringLiteral("entry-outside-section@10")};
        QTest::newRow("duplicate and invalid")
            << head + "## [1.0] - 2024-01-01\n### Added\n- a\n## [1.0] - 2023-01-01\n### Added\n- b\n"
            << QStringList {QStringLiteral("link-missing@7"), QStringLiteral("version-invalid@7"),
                   QStringLiteral("version-duplicate@10")};
        QTest::newRow("dates") << head
                + "## 1.2.0 - 2024-XX-XX\n### Added\n- a\n## 1.1.0 - 2024/02/01\n### Added\n- b\n"
                  "## 1.0.0 - 2024-03-01\n### Added\n- c\n## 0.9.0\n### Added\n- d\n"
                               << QStringList {QStringLiteral("heading-format@7"),
                                      QStringLiteral("date-invalid@7"), QStringLiteral("date-format@10"),
                                      QStringLiteral("date-order@10"), QStringLiteral("date-missing@16")};
        QTest::newRow("sections") << head
                + "### Changes\n- a\n### Added\n### Fixed\n- b\n### Fixed\n- c\n#### Deep\n- d\n## "
                  "Security\n- e\n"
                                  << QStringList {QStringLiteral("section-unknown@7"),
                                         QStringLiteral("section-empty@9"),
                                         QStringLiteral("section-duplicate@12"),
                                         QStringLiteral("heading-level@16")};
        QTest::newRow("section spelling")
            << head + "### [Fixed]\n- a\n### added\n- b\n### Migration Notes\n- c\n"
            << QStringList {QStringLiteral("section-format@7"), QStringLiteral("section-format@9"),
                   QStringLiteral("section-unknown@11")};
        QTest::newRow("entries") << head
                + "### Added\n- same\n- Same\n\nA paragraph entry.\n### Fixed\n\nOnly prose.\n"
                                 << QStringList {QStringLiteral("entry-duplicate@9"),
                                        QStringLiteral("entry-format@14")};
        QTest::newRow("links") << QByteArray(kClean).replace(
                                      "compare/v1.0.0...v1.1.0", "compare/v0.9.0...v1.1.0")
                + "[2.0.0]: https://example.com/x\n[1.0.0]: https://example.com/y\n"
                               << QStringList {QStringLiteral("link-mismatch@24"),
                                      QStringLiteral("link-unused@26"), QStringLiteral("link-duplicate@27")};
        QTest::newRow("one missing link")
            << QByteArray(kClean).replace("[1.0.0]: https://example.com/r/releases/tag/v1.0.0\n", "")
            << QStringList {QStringLiteral("link-missing@17")};
        QTest::newRow("comment is not a heading") << head + "<!--\n### Added\n-->\n### Fixed\n- a\n"
                                                  << QStringList();
    }

    void rules()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, expected);
        if (::rules(lint(text)) != expected)
            qWarning() << ::rules(lint(text));
        QCOMPARE(::rules(lint(text)), expected);
    }

    void extraSectionsAndTags()
    {
        const QByteArray text
            = "# C\n\n## [Unreleased]\n\n### Migration Notes\n\n- run it\n\n"
              "## [1.0.0] - 2024-01-01\n\n### Added\n\n- x\n\n"
              "[unreleased]: https://e.x/compare/v1.0.0...HEAD\n[1.0.0]: https://e.x/tag/v1.0.0\n";
        QCOMPARE(::rules(lint(text)), QStringList {QStringLiteral("section-unknown@5")});
        LintOptions opts;
        opts.extraSections = {QStringLiteral("Migration Notes")};
        QCOMPARE(::rules(lint(text, opts)), QStringList());
        opts.knownTags = {QStringLiteral("v0.9.0")};
        QCOMPARE(::rules(lint(text, opts)), QStringList {QStringLiteral("version-untagged@9")});
        opts.knownTags = {QStringLiteral("v1.0.0")};
        QCOMPARE(::rules(lint(text, opts)), QStringList());
    }

    void locationsAndFormat()
    {
        QList<LintDiagnostic> ds = lint("# C\n\n## Unreleased\n\n## 1.0.0 - 2024-13-01\n\n### Added\n\n- x\n",
            LintOptions {{}, {}, QStringLiteral("docs/CHANGELOG.md")});
        QCOMPARE(::rules(ds),
            (QStringList {QStringLiteral("heading-format@3"), QStringLiteral("heading-format@5"),
                QStringLiteral("date-invalid@5")}));
        ds.removeFirst();
        ds.removeFirst();
        QCOMPARE(ds.first().ruleId, QStringLiteral("date-invalid"));
        QCOMPARE(ds.first().severity, Severity::Error);
        QCOMPARE(ds.first().where.line, 5);
        QCOMPARE(ds.first().where.column, 12);
        QCOMPARE(formatDiagnostic(ds.first()),
            QStringLiteral("docs/CHANGELOG.md:5:12: date-invalid: '2024-13-01' is not a date; write "
                           "YYYY-MM-DD [error]"));
        QCOMPARE(countSeverity(ds, Severity::Error), 1);
        QCOMPARE(countSeverity(ds, Severity::Warning), 0);
    }
};

QTEST_GUILESS_MAIN(TestChangelogLint)
#include "tst_changelog_lint.moc"
