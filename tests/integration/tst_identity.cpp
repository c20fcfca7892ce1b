// Who is acting: the workspace repository's git identity, else the OS user.
#include "identity.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

namespace {

bool git(const QString &dir, const QStringList &args)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral("git"), args);  // argv, no shell
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

}  // namespace

class TestIdentity : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // A global user.email would win over a missing local one, as git itself does. libgit2
        // finds the global config from HOME once, when the process first uses it: point HOME at
        // an empty directory before that, so the machine's own ~/.gitconfig stays out.
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.path().toUtf8());
    }

    void repositoryEmail()
    {
        QTemporaryDir dir;
        QVERIFY(git(dir.path(), {"init", "-q"}));
        QVERIFY(git(dir.path(), {"config", "user.email", "ana@example.com"}));
        QVERIFY(git(dir.path(), {"config", "user.name", "Ana Example"}));
        const Identity id = currentIdentity(dir.path());
        QCOMPARE(id.id, QStringLiteral("ana@example.com"));
        QCOMPARE(id.name, QStringLiteral("Ana Example"));

        // From a subdirectory the repository is found upwards.
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("src/deep")));
        QCOMPARE(
            currentIdentity(dir.filePath(QStringLiteral("src/deep"))).id, QStringLiteral("ana@example.com"));
    }

    void nameWhenNoEmail()
    {
        QTemporaryDir dir;
        QVERIFY(git(dir.path(), {"init", "-q"}));
        QVERIFY(git(dir.path(), {"config", "user.name", "bo"}));
        const Identity id = currentIdentity(dir.path());  // no global user.email: see initTestCase
        QCOMPARE(id.id, QStringLiteral("bo"));
    }

    void outsideRepositoryIsOsUser()
    {
        QTemporaryDir dir;
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral(".git"))));
        const QByteArray oldUser = qgetenv("USER");
        qputenv("USER", "os-user-for-test");
        const Identity id = currentIdentity(dir.path());
        qputenv("USER", oldUser);
        QCOMPARE(id.id, QStringLiteral("os-user-for-test"));
        QCOMPARE(id.name, QStringLiteral("os-user-for-test"));

        qunsetenv("USER");
        const QByteArray oldLogname = qgetenv("LOGNAME");
        qputenv("LOGNAME", "logname-user");
        const Identity fallback = currentIdentity(dir.path());
        qputenv("USER", oldUser);
        qputenv("LOGNAME", oldLogname);
        QCOMPARE(fallback.id, QStringLiteral("logname-user"));
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_identity.moc"
