// The tests run in a throwaway home (tests/fixtures/isolated_env.sh, through scripts/run-tests.sh
// or ctest's own wrapper): a test that writes settings, a store or a secret can only reach files
// under that temporary directory, never the developer's home, settings or login keyring.
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QtTest>
#include <pwd.h>
#include <unistd.h>

class TestTestIsolation : public QObject {
    Q_OBJECT
private:
    QString m_root;

    bool inRoot(const QString &path) const
    {
        const QString canonical = QFileInfo(path).canonicalFilePath();
        return !canonical.isEmpty() && canonical.startsWith(m_root + u'/');
    }

private slots:
    void initTestCase()
    {
        const QString root = qEnvironmentVariable("COCKPIT_TEST_ROOT");
        QVERIFY2(!root.isEmpty(), "COCKPIT_TEST_ROOT is not set: not run through isolated_env.sh");
        m_root = QFileInfo(root).canonicalFilePath();
        QVERIFY2(!m_root.isEmpty(), qPrintable(root + QStringLiteral(" does not exist")));
        QVERIFY2(QFileInfo(m_root).fileName().startsWith(QLatin1String("cockpit-test.")), qPrintable(m_root));
    }

    void homeIsNotTheAccountsHome()
    {
        const passwd *pw = getpwuid(getuid());
        QVERIFY(pw && pw->pw_dir);
        const QString accountHome = QFileInfo(QString::fromLocal8Bit(pw->pw_dir)).canonicalFilePath();
        QVERIFY2(QDir::homePath() != accountHome, qPrintable(QDir::homePath()));
        QVERIFY2(!m_root.startsWith(accountHome + u'/') || accountHome == u"/", qPrintable(m_root));
        QVERIFY2(inRoot(QDir::homePath()), qPrintable(QDir::homePath()));
    }

    void everyPerUserDirectoryIsInTheRoot_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *var : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
                 "XDG_CACHE_HOME", "XDG_RUNTIME_DIR", "TMPDIR", "GIT_CONFIG_GLOBAL"})
            QTest::newRow(var) << qEnvironmentVariable(var);
        // What Qt derives from them, as the code under test asks for it.
        using SP = QStandardPaths;
        for (const auto location : {SP::HomeLocation, SP::GenericConfigLocation, SP::GenericDataLocation,
                 SP::GenericCacheLocation, SP::RuntimeLocation, SP::TempLocation})
            QTest::newRow(qPrintable(QStringLiteral("QStandardPaths %1").arg(int(location))))
                << SP::writableLocation(location);
        QTest::newRow("QDir::tempPath") << QDir::tempPath();
    }

    void everyPerUserDirectoryIsInTheRoot()
    {
        QFETCH(QString, path);
        QVERIFY2(inRoot(path), qPrintable(path + QStringLiteral(" is not under ") + m_root));
    }

    void gitReadsNoSystemConfig()
    {
        QCOMPARE(qEnvironmentVariable("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    }

    void theKeyringIsTheRunsOwn()
    {
        // With a bus, it is the private one whose gnome-keyring created its login keyring here.
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no session bus (dbus-run-session or gnome-keyring-daemon not installed)");
        const QString keyring
            = qEnvironmentVariable("XDG_DATA_HOME") + QStringLiteral("/keyrings/login.keyring");
        QTRY_VERIFY2_WITH_TIMEOUT(QFileInfo::exists(keyring), qPrintable(keyring), 10000);
    }
};

QTEST_GUILESS_MAIN(TestTestIsolation)
#include "tst_test_isolation.moc"
