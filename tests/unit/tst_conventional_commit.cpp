// Conventional Commits 1.0 subjects and footers, and PR numbers in GitHub subjects.
#include "conventional_commit.h"

#include <QTest>

using namespace cockpit;

class TestConventionalCommit : public QObject {
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("body");
        QTest::addColumn<bool>("conventional");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("description");
        QTest::addColumn<bool>("breaking");
        QTest::addColumn<QString>("note");
        QTest::addColumn<QList<int>>("prs");
        QTest::newRow("plain") << "fix: handle nulls"
                               << "" << true << "fix"
                               << ""
                               << "handle nulls" << false << "" << QList<int>();
        QTest::newRow("scope pr") << "feat(api): paginate exports (#1234)"
                                  << "" << true << "feat"
                                  << "api"
                                  << "paginate exports (#1234)" << false << "" << QList<int> {1234};
        QTest::newRow("bang") << "refactor(db)!: drop v1 tables"
                              << "" << true << "refactor"
                              << "db"
                              << "drop v1 tables" << true << "drop v1 tables" << QList<int>();
        QTest::newRow("footer")
            << "feat: new config"
            << "Explains it.\n\nBREAKING CHANGE: `extends` is now\nresolved relative to the file\nRefs: #12"
            << true << "feat"
            << ""
            << "new config" << true << "`extends` is now resolved relative to the file" << QList<int>();
        QTest::newRow("hyphen footer") << "fix: x"
                                       << "BREAKING-CHANGE: y" << true << "fix"
                                       << ""
                                       << "x" << true << "y" << QList<int>();
        QTest::newRow("upper type") << "Feat: shout"
                                    << "" << true << "feat"
                                    << ""
                                    << "shout" << false << "" << QList<int>();
        QTest::newRow("not conventional") << "Update README (#7, #8)"
                                          << "" << false << ""
                                          << ""
                                          << "Update README (#7, #8)" << false << "" << QList<int> {7, 8};
        QTest::newRow("no space") << "fix:nospace"
                                  << "" << false << ""
                                  << ""
                                  << "fix:nospace" << false << "" << QList<int>();
        QTest::newRow("merge") << "Merge pull request #42 from x/y"
                               << "" << false << ""
                               << ""
                               << "Merge pull request #42 from x/y" << false << "" << QList<int> {42};
        QTest::newRow("lowercase footer is not breaking") << "fix: z"
                                                          << "breaking change: nope" << true << "fix"
                                                          << ""
                                                          << "z" << false << "" << QList<int>();
        QTest::newRow("empty") << ""
                               << "" << false << ""
                               << ""
                               << "" << false << "" << QList<int>();
    }

    void parse()
    {
        QFETCH(QString, subject);
        QFETCH(QString, body);
        const ConventionalCommit c = parseConventionalCommit(subject, body);
        QTEST(c.conventional, "conventional");
        QTEST(c.type, "type");
        QTEST(c.scope, "scope");
        QTEST(c.description, "description");
        QTEST(c.breaking, "breaking");
        QTEST(c.breakingNote, "note");
        QTEST(c.pullRequests, "prs");
    }

    void sections()
    {
        QCOMPARE(changelogSectionFor(parseConventionalCommit(QStringLiteral("feat: a"), {})),
            QStringLiteral("Added"));
        QCOMPARE(changelogSectionFor(parseConventionalCommit(QStringLiteral("fix: a"), {})),
            QStringLiteral("Fixed"));
        QCOMPARE(changelogSectionFor(parseConventionalCommit(QStringLiteral("fix(security): a"), {})),
            QStringLiteral("Security"));
        QCOMPARE(changelogSectionFor(parseConventionalCommit(QStringLiteral("feat!: a"), {})),
            QStringLiteral("Changed"));
        QCOMPARE(changelogSectionFor(parseConventionalCommit(QStringLiteral("chore: a"), {})), QString());
    }
};

QTEST_GUILESS_MAIN(TestConventionalCommit)
#include "tst_conventional_commit.moc"
