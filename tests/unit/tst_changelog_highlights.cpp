// {highlights} (tag messages, Communications): breaking changes first, every one of them, then
// the other entries in file order up to the limit.
#include "tag_message.h"

#include <QTest>

using namespace cockpit;

class TestChangelogHighlights : public QObject {
    Q_OBJECT

private slots:
    void highlights_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no breaking: file order") << "### Added\n\n- a\n- b\n\n### Fixed\n\n- c\n- d\n"
                                                 << 3 << "- a\n- b\n- c";
        QTest::newRow("breaking entry leads")
            << "### Added\n\n- a\n- b\n\n### Changed\n\n- **Breaking:** the API moved (#4)\n"
            << 2 << "- **Breaking:** the API moved (#4)\n- a";
        QTest::newRow("removed is breaking") << "### Added\n\n- a\n\n### Removed\n\n- the v1 endpoint\n"
                                             << 3 << "- **Breaking:** the v1 endpoint\n- a";
        QTest::newRow("a breaking section") << "### Fixed\n\n- f\n\n### Breaking Changes\n\n- x renamed\n"
                                            << 3 << "- **Breaking:** x renamed\n- f";
        QTest::newRow("every breaking change, past the limit")
            << "### Added\n\n- a\n\n### Changed\n\n- BREAKING: one\n- BREAKING: two\n- BREAKING: three\n"
            << 2 << "- BREAKING: one\n- BREAKING: two\n- BREAKING: three";
        QTest::newRow("nothing") << "" << 3 << "";
    }

    void highlights()
    {
        QFETCH(QString, body);
        QFETCH(int, limit);
        QTEST(changelogHighlights(body, limit), "expected");
    }
};

QTEST_GUILESS_MAIN(TestChangelogHighlights)
#include "tst_changelog_highlights.moc"
