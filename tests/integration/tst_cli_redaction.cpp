// Issue 14: one redactor for every string that leaves the process. A Prometheus behind a proxy
// that echoes the bearer token in its error body (the HTTP fixture's /promecho): the token is
// neither in the store, nor in `soak evaluate --json`, nor in the evidence zip; and a message
// posted to the Slack webhook (the fixture records the body) carries <!channel>, <@U123> and
// <https://evil|click> from a reason as escaped text.
#include "evidence_zip.h"
#include "secret_store.h"
#include "store.h"
#include "support/cli_runner.h"
#include "support/service_process.h"
#include "support/store_test_support.h"
#include "webhook_client.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

namespace {

const QString kToken = QStringLiteral("tok-9f8e7d6c5b4a-SECRET");

bool secretServiceExpected()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

}  // namespace

class TestCliRedaction : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    ServiceProcess m_http;
    QString m_ws, m_db, m_data, m_base, m_record;

    CliRun cockpit(QStringList args, const QByteArray &input = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_data);
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_ws);
        p.start(QStringLiteral(COCKPIT_BINARY),
            args << QStringLiteral("--workspace") << m_ws << QStringLiteral("--db") << m_db);
        p.write(input);
        p.closeWriteChannel();
        CliRun run;
        if (p.waitForFinished(120000))
            run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        run.out = QString::fromUtf8(p.readAllStandardOutput());
        run.err = QString::fromUtf8(p.readAllStandardError());
        return run;
    }

    bool git(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_ws);
        p.start(QStringLiteral("git"), args);
        return p.waitForFinished() && p.exitCode() == 0;
    }

    // Every file under dir whose bytes contain the token (the fixture's record excepted).
    QStringList filesWithToken(const QString &dir) const
    {
        QStringList found;
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.fileName() != m_record && f.open(QIODevice::ReadOnly)
                && f.readAll().contains(kToken.toUtf8()))
                found << f.fileName();
        }
        return found;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_record = m_tmp.filePath(QStringLiteral("hooks.jsonl"));
        QVERIFY2(m_http.start(ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")),
                     {QStringLiteral("--record"), m_record}, QStringLiteral("listening")),
            qPrintable(m_http.errorText()));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_http.readyFields().value(1));
        m_ws = m_tmp.filePath(QStringLiteral("ws"));
        m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
        m_data = m_tmp.filePath(QStringLiteral("xdg"));
        QVERIFY(QDir().mkpath(m_ws));
        QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q")}));
        QVERIFY(
            git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("rm@example.com")}));
        QVERIFY(git({QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("RM")}));
        const CliRun init
            = cockpit({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("gated-ga")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QFile policy(m_ws + QStringLiteral("/.release-cockpit/policy.yml"));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(policy.readAll());
        policy.close();
        yaml.replace(
            QStringLiteral("url: http://127.0.0.1:9090"), QStringLiteral("url: %1/promecho").arg(m_base));
        yaml.replace(QStringLiteral("\nnotifications:\n"),
            QStringLiteral("\nnotifications:\n  - {name: Rolled back, event: rolled_back, channel: \"#ops\", "
                           "subject: \"<!here> {version}\", body: \"Rolled back: {reason}\"}\n"));
        QVERIFY(policy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        policy.write(yaml.toUtf8());
        policy.close();
        QFile changelog(m_ws + QStringLiteral("/CHANGELOG.md"));
        QVERIFY(changelog.open(QIODevice::WriteOnly));
        changelog.write("# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- A fix.\n");
        changelog.close();
        QFile lock(m_ws + QStringLiteral("/requirements.lock.txt"));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.close();
        QVERIFY(git({QStringLiteral("add"), QStringLiteral("-A")}));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("policy")}));
        const CliRun created = cockpit({QStringLiteral("release"), QStringLiteral("new"),
            QStringLiteral("3.7.0"), QStringLiteral("--commit"), QStringLiteral("HEAD")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    }

    void echoedTokenLeavesNoTrace()
    {
        auto written = SecretStore::write(QStringLiteral("prometheus"), QStringLiteral("Bearer ") + kToken);
        COCKPIT_AWAIT(written);
        if (!secretServiceExpected())
            QSKIP("no Secret Service on this bus (run through scripts/run-tests.sh)");
        QVERIFY2(
            written.result(), qPrintable(written.result() ? QString() : written.result().error().message));
        // Deployed to staging two hours ago, so the soak of that deployment (not a what-if window,
        // which is never stored) is evaluated, stored and exported.
        {
            cockpit::Store store;
            const QDateTime deployedAt = QDateTime::currentDateTimeUtc().addSecs(-7200);
            store.setClock([deployedAt] { return deployedAt; });
            QVERIFY(store.open(m_db).result().has_value());
            QVERIFY(store.recordDeployment(QStringLiteral("3.7.0"), QStringLiteral("staging"),
                             QStringLiteral("rm@example.com"))
                        .result()
                        .has_value());
        }
        const CliRun soak = cockpit({QStringLiteral("soak"), QStringLiteral("evaluate"),
            QStringLiteral("3.7.0"), QStringLiteral("--env"), QStringLiteral("staging"),
            QStringLiteral("--json")});
        QVERIFY2(soak.exitCode != 0 && soak.out.contains(QLatin1String("[redacted]")),
            qPrintable(soak.out + soak.err));  // the fixture did echo it, and it was caught
        QVERIFY2(!soak.out.contains(kToken) && !soak.err.contains(kToken), qPrintable(soak.out + soak.err));
        QVERIFY2(!soak.out.contains(QString::fromLatin1(kToken.toUtf8().toBase64())), qPrintable(soak.out));

        const QString zip = m_tmp.filePath(QStringLiteral("evidence.zip"));
        const CliRun exported = cockpit({QStringLiteral("evidence"), QStringLiteral("export"),
            QStringLiteral("3.7.0"), QStringLiteral("--out"), zip, QStringLiteral("--json")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        auto members = readEvidenceZip(zip);
        QVERIFY2(members, qPrintable(members ? QString() : members.error().message));
        bool soakExported = false;
        for (const EvidenceMember &m : *members) {
            QVERIFY2(!m.data.contains(kToken.toUtf8()), qPrintable(m.name));
            soakExported
                = soakExported || (m.name.contains(QLatin1String("soak")) && m.data.contains("[redacted]"));
        }
        QVERIFY(soakExported);  // the recording with the echo was stored and exported, redacted
        // Nothing on disk has it either: the SQLite file and its WAL, the zip, the workspace.
        const QStringList leaks = filesWithToken(m_tmp.path());
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u' ')));
    }

    void slackMarkupFromAReasonArrivesAsText()
    {
        const QByteArray url = (m_base + QStringLiteral("/hooks/T000/B000/") + kToken).toUtf8();
        CliRun run = cockpit(
            {QStringLiteral("notify"), QStringLiteral("webhook"), QStringLiteral("set")}, url + '\n');
        if (!secretServiceExpected())
            QSKIP("no Secret Service on this bus (run through scripts/run-tests.sh)");
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QString reason
            = QStringLiteral("<!channel> <@U123> <https://evil|click> & [docs](https://d.example/?a=1&b=2)");
        run = cockpit({QStringLiteral("notify"), QStringLiteral("3.7.0"), QStringLiteral("--template"),
            QStringLiteral("Rolled back"), QStringLiteral("--reason"), reason, QStringLiteral("--post")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile f(m_record);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray last = f.readAll().trimmed().split('\n').last();
        const QJsonObject request = QJsonDocument::fromJson(last).object();
        const QString text
            = QJsonDocument::fromJson(request.value(QStringLiteral("body")).toString().toUtf8())
                  .object()
                  .value(QStringLiteral("text"))
                  .toString();
        QCOMPARE(text,
            QStringLiteral("*&lt;!here&gt; 3.7.0*\n\nRolled back: &lt;!channel&gt; &lt;@U123&gt; "
                           "&lt;https://evil|click&gt; &amp; <https://d.example/?a=1&amp;b=2|docs>"));
    }
};

QTEST_GUILESS_MAIN(TestCliRedaction)
#include "tst_cli_redaction.moc"
