// Secrets through the real Secret Service (gnome-keyring under dbus-run-session, as
// scripts/run-tests.sh starts it), and a canary password used for a team store that must never
// appear in settings files, log output or the database's files.
#include "database_settings.h"
#include "secret_store.h"
#include "support/postgres_fixture.h"
#include "support/store_test_support.h"
#include "team_store_url.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace cockpit;
using namespace cockpit::test;

namespace {

QMutex g_logMutex;
QStringList g_log;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&g_logMutex);
    g_log << QString::fromLatin1(context.category ? context.category : "") + u' ' + message;
}

QString randomToken(const char *prefix)
{
    return QString::fromLatin1(prefix) + QString::number(QRandomGenerator::global()->generate64(), 16);
}

bool secretServiceExpected()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

// Every file under dir whose bytes contain needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << file.fileName();
    }
    return hits;
}

}  // namespace

class TestSecretStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        // Settings land in this test's own folder, where they can be searched afterwards.
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("release-cockpit-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_secret_store"));
        if (qEnvironmentVariable("CI") == u"true" && !secretServiceExpected())
            QFAIL("no session bus: run the tests through scripts/run-tests.sh (dbus-run-session + "
                  "gnome-keyring)");
    }

    void roundTripThroughTheSecretService()
    {
        const QString key = randomToken("test:");
        const QString value = randomToken("value-");
        auto written = SecretStore::write(key, value);
        COCKPIT_AWAIT(written);
        if (!secretServiceExpected()) {
            // No keychain here (not under run-tests.sh): refused as Unavailable, never a plaintext file.
            QVERIFY(!written.result().has_value());
            QCOMPARE(written.result().error().code, ErrorCode::Unavailable);
            QVERIFY(filesContaining(m_home.path(), value.toUtf8()).isEmpty());
            return;
        }
        QVERIFY2(written.result().has_value(), why(written.result()).constData());
        auto read = SecretStore::read(key);
        COCKPIT_AWAIT(read);
        QVERIFY2(read.result().has_value(), why(read.result()).constData());
        QCOMPARE(*read.result(), value);

        auto removed = SecretStore::remove(key);
        COCKPIT_AWAIT(removed);
        QVERIFY2(removed.result().has_value(), why(removed.result()).constData());
        auto gone = SecretStore::read(key);
        COCKPIT_AWAIT(gone);
        QCOMPARE(gone.result().error().code, ErrorCode::NotFound);
        QVERIFY(!gone.result().error().message.contains(value));
        auto again = SecretStore::remove(key);
        COCKPIT_AWAIT(again);
        QVERIFY(again.result().has_value());
    }

    void canaryPasswordNeverLeaks()
    {
        // Without a keychain (outside run-tests.sh, not under CI) the password rides in the URL
        // instead, and every place it must not reach is searched all the same.
        const bool keychain = secretServiceExpected();
        const QString canary = randomToken("canary-");
        qputenv("COCKPIT_PG_ALICE_PASSWORD", canary.toUtf8());
        PostgresFixture pg;
        const QString started = pg.start();
        qunsetenv("COCKPIT_PG_ALICE_PASSWORD");
        QVERIFY2(started.isEmpty(), qPrintable(started));
        {
            Store admin;  // creates the schema
            auto migrated = admin.open(pg.url(QStringLiteral("cockpit_admin")));
            COCKPIT_AWAIT(migrated);
            QVERIFY2(migrated.result().has_value(), why(migrated.result()).constData());
        }

        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        qInstallMessageHandler(captureMessage);
        const QString url = pg.url(QStringLiteral("alice"), false);
        auto saved = DatabaseSettings::saveTeamDatabase(url, canary);
        COCKPIT_AWAIT(saved);
        QCOMPARE(saved.result().has_value(), keychain);
        QCOMPARE(DatabaseSettings::teamUrl(), url);
        const QString openUrl = keychain
            ? DatabaseSettings::teamUrl()
            : QStringLiteral("postgresql://alice:%1@127.0.0.1:%2/cockpit").arg(canary).arg(pg.port());
        {
            // With the keychain the URL carries no password: the connection works only through it.
            Store store;
            auto opened = store.open(openUrl);
            COCKPIT_AWAIT(opened);
            QVERIFY2(opened.result().has_value(), why(opened.result()).constData());
            auto created = store.createRelease(
                sampleRelease(QStringLiteral("1.0.0")), sampleChecklist(), QStringLiteral("alice"));
            auto ticked = store.setItemState(QStringLiteral("1.0.0"),
                itemWithState(QStringLiteral("pre-release.1"), ItemState::Done), QStringLiteral("alice"));
            COCKPIT_AWAIT(ticked);
            QVERIFY2(ticked.result().has_value(), why(ticked.result()).constData());
            QVERIFY(!store.url().contains(canary) && !store.displayName().contains(canary));
        }
        {
            // A wrong password typed into the URL: refused, and the message does not repeat it.
            Store wrong;
            auto refused = wrong.open(
                QStringLiteral("postgresql://alice:%1x@127.0.0.1:%2/cockpit").arg(canary).arg(pg.port()));
            COCKPIT_AWAIT(refused);
            QCOMPARE(refused.result().error().code, ErrorCode::Unavailable);
            QVERIFY(!refused.result().error().toString().contains(canary));
        }
        QSettings().sync();
        qInstallMessageHandler(nullptr);
        QLoggingCategory::setFilterRules(QString());

        QVERIFY(!g_log.isEmpty());  // the capture worked: the store logs its open
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(canary), qPrintable(line));
        QVERIFY(QFile::exists(QSettings().fileName()));
        QVERIFY2(
            filesContaining(m_home.path(), canary.toUtf8()).isEmpty(), "the canary is in a settings file");
        const QStringList inDatabase = filesContaining(pg.dataDir(), canary.toUtf8());
        QVERIFY2(inDatabase.isEmpty(), qPrintable(inDatabase.join(u' ')));
        auto removed = SecretStore::remove(TeamStoreUrl::parse(url)->keychainKey());
        COCKPIT_AWAIT(removed);
        QCOMPARE(removed.result().has_value(), keychain);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secret_store.moc"
