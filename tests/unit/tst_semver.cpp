// SemVer 2.0 parsing, precedence, bumps, release type inference and tag names.
#include "semver.h"

#include <QTest>

using namespace cockpit;

class TstSemVer : public QObject {
    Q_OBJECT
private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void precedenceChain();
    void precedencePairs_data();
    void precedencePairs();
    void seedForms_data();
    void seedForms();
    void parseTag_data();
    void parseTag();
    void bump_data();
    void bump();
    void inferReleaseType_data();
    void inferReleaseType();
    void tagName_data();
    void tagName();
};

void TstSemVer::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint64>("major");
    QTest::addColumn<quint64>("minor");
    QTest::addColumn<quint64>("patch");
    QTest::addColumn<QStringList>("pre");
    QTest::addColumn<QStringList>("build");
    QTest::newRow("plain") << "1.2.3" << 1ull << 2ull << 3ull << QStringList() << QStringList();
    QTest::newRow("zeros") << "0.0.0" << 0ull << 0ull << 0ull << QStringList() << QStringList();
    QTest::newRow("pre") << "1.0.0-alpha.1" << 1ull << 0ull << 0ull << QStringList {"alpha", "1"}
                         << QStringList();
    QTest::newRow("pre hyphen") << "1.0.0-x-y-z.--" << 1ull << 0ull << 0ull << QStringList {"x-y-z", "--"}
                                << QStringList();
    QTest::newRow("build") << "1.0.0+20130313144700" << 1ull << 0ull << 0ull << QStringList()
                           << QStringList {"20130313144700"};
    QTest::newRow("both") << "1.0.0-beta+exp.sha.5114f85" << 1ull << 0ull << 0ull << QStringList {"beta"}
                          << QStringList {"exp", "sha", "5114f85"};
    QTest::newRow("build leading zero")
        << "1.0.0+001" << 1ull << 0ull << 0ull << QStringList() << QStringList {"001"};
    QTest::newRow("alnum leading zero")
        << "1.0.0-0a" << 1ull << 0ull << 0ull << QStringList {"0a"} << QStringList();
    QTest::newRow("big") << "18446744073709551615.0.0" << 18446744073709551615ull << 0ull << 0ull
                         << QStringList() << QStringList();
}

void TstSemVer::parseValid()
{
    QFETCH(QString, text);
    const auto v = SemVer::parse(text);
    QVERIFY2(v.has_value(), qPrintable(v ? QString() : v.error().message));
    QFETCH(quint64, major);
    QFETCH(quint64, minor);
    QFETCH(quint64, patch);
    QFETCH(QStringList, pre);
    QFETCH(QStringList, build);
    QCOMPARE(v->major(), major);
    QCOMPARE(v->minor(), minor);
    QCOMPARE(v->patch(), patch);
    QCOMPARE(v->prerelease(), pre);
    QCOMPARE(v->build(), build);
    QCOMPARE(v->isPrerelease(), !pre.isEmpty());
    QCOMPARE(v->toString(), text);
}

void TstSemVer::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("fragment");  // part of the message: what and where
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("two parts") << "1.2"
                               << "at character 4";
    QTest::newRow("leading zero major") << "01.2.3"
                                        << "leading zero in the major version number at character 1";
    QTest::newRow("leading zero minor") << "1.02.3"
                                        << "leading zero in the minor version number at character 3";
    QTest::newRow("leading zero pre") << "1.2.3-01"
                                      << "leading zero in numeric pre-release identifier at character 7";
    QTest::newRow("empty pre ident") << "1.2.3-alpha..1"
                                     << "expected a pre-release identifier at character 13";
    QTest::newRow("empty pre") << "1.2.3-"
                               << "unexpected end";
    QTest::newRow("empty build") << "1.2.3+"
                                 << "build metadata identifier at character 7";
    QTest::newRow("v prefix") << "v1.2.3"
                              << "unexpected 'v'";
    QTest::newRow("four parts") << "1.2.3.4"
                                << "unexpected '.' after the version at character 6";
    QTest::newRow("space") << "1.2.3 "
                           << "at character 6";
    QTest::newRow("underscore") << "1.2.3-rc_1"
                                << "unexpected '_' after the version at character 9";
    QTest::newRow("unicode") << "1.2.3-\u00e9"
                             << "at character 7";
    QTest::newRow("negative") << "-1.2.3"
                              << "at character 1";
    QTest::newRow("too large") << "18446744073709551616.0.0"
                               << "too large";
}

void TstSemVer::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, fragment);
    const auto v = SemVer::parse(text);
    QVERIFY(!v.has_value());
    QCOMPARE(v.error().code, ErrorCode::BadInput);
    QVERIFY2(v.error().message.contains(fragment), qPrintable(v.error().message));
}

void TstSemVer::precedenceChain()
{
    // semver.org section 11, in order.
    const QStringList chain {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
        "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1"};
    for (qsizetype i = 0; i < chain.size(); ++i) {
        for (qsizetype j = 0; j < chain.size(); ++j) {
            const SemVer a = *SemVer::parse(chain.at(i));
            const SemVer b = *SemVer::parse(chain.at(j));
            const int expected = i < j ? -1 : (i > j ? 1 : 0);
            QVERIFY2(a.compare(b) == expected, qPrintable(chain.at(i) + " vs " + chain.at(j)));
            QCOMPARE(a < b, i < j);
            QCOMPARE(a == b, i == j);
        }
    }
}

void TstSemVer::precedencePairs_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("build ignored") << "1.0.0+a"
                                   << "1.0.0+b" << 0;
    QTest::newRow("build ignored pre") << "1.0.0-rc.1+x"
                                       << "1.0.0-rc.1" << 0;
    QTest::newRow("numeric") << "1.10.0"
                             << "1.9.0" << 1;
    QTest::newRow("numeric before alnum") << "1.0.0-1"
                                          << "1.0.0-a" << -1;
    QTest::newRow("huge numeric ident") << "1.0.0-99999999999999999999"
                                        << "1.0.0-100000000000000000000" << -1;
    QTest::newRow("ascii order") << "1.0.0-Beta"
                                 << "1.0.0-alpha" << -1;
    // Spec-exact: alphanumeric identifiers compare as text, so rc10 sorts before rc9.
    QTest::newRow("rc10 lexical") << "1.0.0-rc10"
                                  << "1.0.0-rc9" << -1;
}

void TstSemVer::precedencePairs()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    QCOMPARE(SemVer::parse(a)->compare(*SemVer::parse(b)), expected);
    QCOMPARE(SemVer::parse(b)->compare(*SemVer::parse(a)), -expected);
}

void TstSemVer::seedForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("pre");
    QTest::newRow("3.7.0") << "3.7.0" << QStringList();
    QTest::newRow("rc1") << "3.7.0-rc1" << QStringList {"rc1"};
    QTest::newRow("rc.2") << "3.7.0-rc.2" << QStringList {"rc", "2"};
    QTest::newRow("alpha.1") << "1.2.0-alpha.1" << QStringList {"alpha", "1"};
    QTest::newRow("beta.1") << "1.2.0-beta.1" << QStringList {"beta", "1"};
}

void TstSemVer::seedForms()
{
    QFETCH(QString, text);
    QFETCH(QStringList, pre);
    const auto v = SemVer::parse(text);
    QVERIFY(v);
    QCOMPARE(v->prerelease(), pre);
    QCOMPARE(v->isPrerelease(), !pre.isEmpty());
    QCOMPARE(v->toString(), text);
    // Seed 000's RC flow: rc1 < rc2 < GA on the same core.
    QVERIFY(*SemVer::parse("3.7.0-rc1") < *SemVer::parse("3.7.0-rc2"));
    QVERIFY(*SemVer::parse("3.7.0-rc2") < *SemVer::parse("3.7.0"));
    QVERIFY(*SemVer::parse("1.2.0-alpha.1") < *SemVer::parse("1.2.0-beta.1"));
}

void TstSemVer::parseTag_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("version");  // empty: error expected
    QTest::addColumn<QString>("fragment");
    QTest::newRow("v") << "v3.7.0"
                       << "v{version}"
                       << "3.7.0"
                       << "";
    QTest::newRow("v rc") << "v3.7.0-rc1"
                          << "v{version}"
                          << "3.7.0-rc1"
                          << "";
    QTest::newRow("prefixed") << "platform-identity-v2.1.0"
                              << "platform-identity-v{version}"
                              << "2.1.0"
                              << "";
    QTest::newRow("suffix") << "release-1.0.0-final"
                            << "release-{version}-final"
                            << "1.0.0"
                            << "";
    QTest::newRow("missing v") << "3.7.0"
                               << "v{version}"
                               << ""
                               << "does not match";
    QTest::newRow("bad version") << "v3.07.0"
                                 << "v{version}"
                                 << ""
                                 << "at character 4";
    QTest::newRow("no placeholder") << "v1.0.0"
                                    << "v"
                                    << ""
                                    << "no {version}";
}

void TstSemVer::parseTag()
{
    QFETCH(QString, tag);
    QFETCH(QString, format);
    QFETCH(QString, version);
    QFETCH(QString, fragment);
    const auto v = SemVer::parseTag(tag, format);
    if (version.isEmpty()) {
        QVERIFY(!v);
        QVERIFY2(v.error().message.contains(fragment), qPrintable(v.error().message));
    } else {
        QVERIFY(v);
        QCOMPARE(v->toString(), version);
        QCOMPARE(cockpit::tagName(format, *v), tag);
    }
}

void TstSemVer::bump_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("part");
    QTest::addColumn<QString>("to");
    QTest::newRow("patch") << "3.7.0"
                           << "patch"
                           << "3.7.1";
    QTest::newRow("minor") << "3.7.4"
                           << "minor"
                           << "3.8.0";
    QTest::newRow("major") << "3.7.4"
                           << "major"
                           << "4.0.0";
    QTest::newRow("drops pre and build") << "3.7.0-rc1+b5"
                                         << "patch"
                                         << "3.7.1";
    QTest::newRow("zero major") << "0.9.9"
                                << "minor"
                                << "0.10.0";
}

void TstSemVer::bump()
{
    QFETCH(QString, from);
    QFETCH(QString, part);
    QFETCH(QString, to);
    const auto p = SemVer::partFromName(part);
    QVERIFY(p);
    QCOMPARE(SemVer::parse(from)->bump(*p).toString(), to);
    QVERIFY(!SemVer::partFromName("hotfix"));
}

void TstSemVer::inferReleaseType_data()
{
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("next");
    QTest::addColumn<bool>("hotfix");
    QTest::addColumn<QString>("type");
    QTest::newRow("major") << "3.7.2"
                           << "4.0.0" << false << "major";
    QTest::newRow("minor") << "3.6.2"
                           << "3.7.0" << false << "minor";
    QTest::newRow("minor rc") << "3.6.2"
                              << "3.7.0-rc1" << false << "minor";
    QTest::newRow("patch") << "3.7.0"
                           << "3.7.1" << false << "patch";
    QTest::newRow("hotfix branch") << "2.0.0"
                                   << "2.0.1" << true << "hotfix";
    QTest::newRow("rc promoted minor") << "3.7.0-rc2"
                                       << "3.7.0" << false << "minor";
    QTest::newRow("rc promoted major") << "4.0.0-rc.1"
                                       << "4.0.0" << false << "major";
    QTest::newRow("rc promoted patch") << "3.7.1-rc.1"
                                       << "3.7.1" << false << "patch";
    QTest::newRow("skip") << "1.2.3"
                          << "1.4.0" << false << "minor";
}

void TstSemVer::inferReleaseType()
{
    QFETCH(QString, previous);
    QFETCH(QString, next);
    QFETCH(bool, hotfix);
    QFETCH(QString, type);
    QCOMPARE(cockpit::inferReleaseType(*SemVer::parse(previous), *SemVer::parse(next), hotfix), type);
}

void TstSemVer::tagName_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("tag");
    QTest::newRow("policy") << "v{version}"
                            << "3.7.0-rc1"
                            << "v3.7.0-rc1";
    QTest::newRow("bare") << "{version}"
                          << "1.0.0+b1"
                          << "1.0.0+b1";
    QTest::newRow("component") << "platform-identity-v{version}"
                               << "2.1.0"
                               << "platform-identity-v2.1.0";
}

void TstSemVer::tagName()
{
    QFETCH(QString, format);
    QFETCH(QString, version);
    QFETCH(QString, tag);
    QCOMPARE(cockpit::tagName(format, *SemVer::parse(version)), tag);
}

QTEST_GUILESS_MAIN(TstSemVer)
#include "tst_semver.moc"
