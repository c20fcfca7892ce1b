// Member names derived from user data never escape the directory a pack is extracted into.
#include "evidence_names.h"

#include <QTest>

using namespace cockpit;

class TstEvidenceNames : public QObject {
    Q_OBJECT
private slots:
    void component_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "staging"
                               << "staging";
        QTest::newRow("spaces") << "HTTP 5xx rate"
                                << "HTTP_5xx_rate";
        QTest::newRow("dotdot") << ".."
                                << "_";
        QTest::newRow("hidden") << ".env"
                                << "env";
        QTest::newRow("slashes") << "../../etc/passwd"
                                 << "_etc_passwd";
        QTest::newRow("backslash") << "..\\..\\win.ini"
                                   << "_win.ini";
        QTest::newRow("drive") << "C:"
                               << "C_";
        QTest::newRow("control") << QStringLiteral("a\nb\x01"
                                                   "c")
                                 << "a_b_c";
        QTest::newRow("unicode") << QStringLiteral("prod-\u00e9u") << "prod-_u";
        QTest::newRow("empty") << ""
                               << "_";
    }
    void component()
    {
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        const QString name = evidenceNameComponent(raw);
        QCOMPARE(name, expected);
        QVERIFY(isSafeMemberName(name));
        QVERIFY(!name.contains(u'/'));
    }

    void component_isBounded() { QCOMPARE(evidenceNameComponent(QString(500, u'x')).size(), 80); }

    void path_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("relative") << "docs/req.txt"
                                  << "docs/req.txt";
        QTest::newRow("traversal") << "../../etc/passwd"
                                   << "etc/passwd";
        QTest::newRow("absolute") << "/etc/shadow"
                                  << "etc/shadow";
        QTest::newRow("windows") << "C:\\Windows\\system.ini"
                                 << "Windows/system.ini";
        QTest::newRow("mixed") << "a/./b/../c"
                               << "a/b/c";
        QTest::newRow("double slash") << "a//b"
                                      << "a/b";
        QTest::newRow("only dots") << "../.."
                                   << "_";
        QTest::newRow("hidden dir") << ".release-cockpit/policy.yml"
                                    << "release-cockpit/policy.yml";
        QTest::newRow("newline") << "a\n/../b"
                                 << "a_/b";
    }
    void path()
    {
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        const QString name = evidenceMemberPath(raw);
        QCOMPARE(name, expected);
        QVERIFY(isSafeMemberName(name));
    }

    void safety_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("safe");
        QTest::newRow("ok") << "soak/staging.csv" << true;
        QTest::newRow("spaces ok") << "files/my file.txt" << true;
        QTest::newRow("dotdot") << "../x" << false;
        QTest::newRow("inner dotdot") << "a/../../x" << false;
        QTest::newRow("absolute") << "/x" << false;
        QTest::newRow("backslash") << "a\\..\\x" << false;
        QTest::newRow("drive") << "C:/x" << false;
        QTest::newRow("control") << QStringLiteral("a\x07") << false;
        QTest::newRow("empty component") << "a//b" << false;
        QTest::newRow("dot") << "./a" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("too long") << QString(256, u'a') << false;
    }
    void safety()
    {
        QFETCH(QString, name);
        QFETCH(bool, safe);
        QCOMPARE(isSafeMemberName(name), safe);
    }

    void unique()
    {
        QSet<QString> taken;
        QCOMPARE(uniqueMemberName(taken, QStringLiteral("soak/a.csv")), QStringLiteral("soak/a.csv"));
        QCOMPARE(uniqueMemberName(taken, QStringLiteral("soak/a.csv")), QStringLiteral("soak/a-2.csv"));
        QCOMPARE(uniqueMemberName(taken, QStringLiteral("soak/a.csv")), QStringLiteral("soak/a-3.csv"));
        QCOMPARE(uniqueMemberName(taken, QStringLiteral("v1.2/x")), QStringLiteral("v1.2/x"));
        QCOMPARE(uniqueMemberName(taken, QStringLiteral("v1.2/x")), QStringLiteral("v1.2/x-2"));
    }
};

QTEST_APPLESS_MAIN(TstEvidenceNames)
#include "tst_evidence_names.moc"
