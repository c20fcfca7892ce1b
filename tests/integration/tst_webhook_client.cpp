// Posting to a Slack-compatible webhook against the real HTTP fixture (its /hooks/ route records
// what arrives), and the webhook URL through the real Secret Service: kept in the keychain only,
// never in settings, the database or an error message.
#include "notification_service.h"
#include "secret_store.h"
#include "support/service_process.h"
#include "support/store_test_support.h"
#include "webhook_client.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>

using namespace cockpit;
using namespace cockpit::test;

namespace {

bool secretServiceExpected()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

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

RenderedNotification sampleMessage()
{
    RenderedNotification m;
    m.name = QStringLiteral("Success announcement");
    m.event = QStringLiteral("released");
    m.channel = QStringLiteral("#engineering");
    m.subject = QStringLiteral("T 1.0.0 released");
    m.body = QStringLiteral("**Highlights**\n- faster");
    return m;
}

}  // namespace

class TestWebhookClient : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    ServiceProcess m_http;
    QString m_base;
    QString m_record;
    QString m_token;  // the secret part of every webhook URL in this test

    QList<QJsonObject> recorded() const
    {
        QList<QJsonObject> lines;
        QFile file(m_record);
        if (file.open(QIODevice::ReadOnly))
            for (const QByteArray &line : file.readAll().split('\n'))
                if (!line.isEmpty())
                    lines << QJsonDocument::fromJson(line).object();
        return lines;
    }

    Status post(const QString &url, const QByteArray &payload)
    {
        WebhookClient client;
        client.setTimeout(std::chrono::seconds(10));
        auto future = client.post(url, payload);
        [&] { COCKPIT_AWAIT(future); }();
        return future.isFinished() ? future.result() : fail(ErrorCode::Internal, QStringLiteral("timed out"));
    }

    // NotificationService::post: the URL from the keychain, the post, the audit entry.
    void postThroughTheServiceAndAudit(const QString &project)
    {
        QDir().mkpath(m_tmp.filePath(QStringLiteral("data")));
        Store store;
        auto opened = store.open(m_tmp.filePath(QStringLiteral("data/cockpit.sqlite")));
        COCKPIT_AWAIT(opened);
        QVERIFY2(opened.result().has_value(), why(opened.result()).constData());
        auto created = store.createRelease(
            sampleRelease(QStringLiteral("1.0.0")), sampleChecklist(), QStringLiteral("rm@x"));
        COCKPIT_AWAIT(created);
        Workspace ws;
        ws.root = m_tmp.path();
        ws.policy.project = project;
        NotificationService service(&store, ws, Identity {QStringLiteral("rm@x"), QStringLiteral("RM")});
        WebhookClient client;
        QFile::remove(m_record);
        auto posted = service.post(QStringLiteral("1.0.0"), sampleMessage(), &client);
        COCKPIT_AWAIT(posted);
        QVERIFY2(posted.result().has_value(), why(posted.result()).constData());
        QCOMPARE(recorded().size(), 1);
        auto log = store.auditLog(QStringLiteral("1.0.0"));
        COCKPIT_AWAIT(log);
        QVERIFY(log.result().has_value());
        const AuditEntry last = log.result()->last();
        QCOMPARE(last.action, QStringLiteral("notify.post"));
        QCOMPARE(last.subject, QStringLiteral("Success announcement"));
        QCOMPARE(last.after.value(QStringLiteral("channel")).toString(), QStringLiteral("#engineering"));
        QVERIFY(!canonicalAuditJson(last).contains(m_token.toUtf8()));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_tmp.filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("release-cockpit-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_webhook_client"));
        if (qEnvironmentVariable("CI") == u"true" && !secretServiceExpected())
            QFAIL("no session bus: run the tests through scripts/run-tests.sh (dbus-run-session + "
                  "gnome-keyring)");
        m_record = m_tmp.filePath(QStringLiteral("hooks.jsonl"));
        QVERIFY2(m_http.start(ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")),
                     {QStringLiteral("--record"), m_record}, QStringLiteral("listening")),
            qPrintable(m_http.errorText()));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_http.readyFields().value(1));
        m_token = QStringLiteral("xoxtoken%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    }

    void postArrivesAsSlackJson()
    {
        QFile::remove(m_record);
        const QString url = m_base + QStringLiteral("/hooks/T000/B000/") + m_token;
        const Status posted = post(url, slackPayload(sampleMessage()));
        QVERIFY2(posted.has_value(), why(posted).constData());
        const QList<QJsonObject> lines = recorded();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines[0].value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(
            lines[0].value(QStringLiteral("path")).toString(), QStringLiteral("/hooks/T000/B000/") + m_token);
        QCOMPARE(
            lines[0].value(QStringLiteral("content_type")).toString(), QStringLiteral("application/json"));
        const QJsonObject body
            = QJsonDocument::fromJson(lines[0].value(QStringLiteral("body")).toString().toUtf8()).object();
        QCOMPARE(body.value(QStringLiteral("text")).toString(),
            QStringLiteral("*T 1.0.0 released*\n\n*Highlights*\n- faster"));
    }

    void nonSuccessNamesTheStatusNotTheSecret()
    {
        const Status posted
            = post(m_base + QStringLiteral("/hooks/fail/T000/") + m_token, "{\"text\":\"x\"}");
        QVERIFY(!posted);
        QCOMPARE(posted.error().code, ErrorCode::Failed);
        const QString text = posted.error().toString();
        QVERIFY2(text.contains(QLatin1String("HTTP 500")), qPrintable(text));
        QVERIFY2(text.contains(m_base), qPrintable(text));  // the host and port
        QVERIFY2(!text.contains(m_token) && !text.contains(QLatin1String("/hooks/")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("internal error posting to")));  // the answer, cut clean
    }

    void refusedPortIsUnavailable()
    {
        ServiceProcess gone;
        QVERIFY(gone.start(
            ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")), {}, QStringLiteral("listening")));
        const QString port = gone.readyFields().value(1);
        gone.stop();
        const Status posted
            = post(QStringLiteral("http://127.0.0.1:%1/hooks/T/B/").arg(port) + m_token, "{}");
        QVERIFY(!posted);
        QCOMPARE(posted.error().code, ErrorCode::Unavailable);
        const QString text = posted.error().toString();
        QVERIFY2(text.contains(QLatin1String("connection refused")) && text.contains(port), qPrintable(text));
        QVERIFY2(!text.contains(m_token), qPrintable(text));
    }

    void badUrlIsRefusedWithoutRepeatingIt()
    {
        const Status posted = post(QStringLiteral("ftp://example.com/") + m_token, "{}");
        QVERIFY(!posted);
        QCOMPARE(posted.error().code, ErrorCode::BadInput);
        QVERIFY(!posted.error().message.contains(m_token));
    }

    void urlRoundTripsThroughTheKeychainOnly()
    {
        const QString project
            = QStringLiteral("tst-webhook-%1").arg(QRandomGenerator::global()->generate(), 0, 16);
        const QString url = m_base + QStringLiteral("/hooks/T000/B000/") + m_token;
        auto written = SecretStore::write(WebhookClient::keychainKey(project), url);
        COCKPIT_AWAIT(written);
        if (!secretServiceExpected()) {
            // No keychain here (not under run-tests.sh): refused, and nothing lands in a file.
            QCOMPARE(written.result().error().code, ErrorCode::Unavailable);
            QStringList leaks = filesContaining(m_tmp.path(), m_token.toUtf8());
            leaks.removeAll(m_record);  // the fixture's own record of what it received
            QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u' ')));
            return;
        }
        QVERIFY2(written.result().has_value(), why(written.result()).constData());
        // A channel without its own entry falls back to the project's default.
        auto read = WebhookClient::storedUrl(project, QStringLiteral("#engineering"));
        COCKPIT_AWAIT(read);
        QVERIFY2(read.result().has_value(), why(read.result()).constData());
        QCOMPARE(*read.result(), url);
        postThroughTheServiceAndAudit(project);
        if (QTest::currentTestFailed())
            return;

        auto removed = SecretStore::remove(WebhookClient::keychainKey(project));
        COCKPIT_AWAIT(removed);
        auto gone = WebhookClient::storedUrl(project, QStringLiteral("#engineering"));
        COCKPIT_AWAIT(gone);
        QCOMPARE(gone.result().error().code, ErrorCode::NotFound);
        QVERIFY(gone.result().error().message.contains(QLatin1String("notify webhook set")));

        QSettings().sync();
        const QStringList leaks = filesContaining(m_tmp.path(), m_token.toUtf8());
        QVERIFY2(leaks == QStringList {m_record}, qPrintable(leaks.join(u' ')));  // only the fixture saw it
    }
};

QTEST_GUILESS_MAIN(TestWebhookClient)
#include "tst_webhook_client.moc"
