// `notify` end to end: the real binary on the demo workspace and SQLite file, the webhook URL
// stored through standard input in the real Secret Service, posts to the real HTTP fixture.
#include "store.h"
#include "support/cli_runner.h"
#include "support/service_process.h"
#include "support/store_test_support.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

namespace {

bool secretServiceExpected()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

}  // namespace

class TstCliNotify : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_demo, m_db, m_data, m_project, m_base, m_record, m_token;
    ServiceProcess m_http;

    CliRun cockpit(QStringList args, const QByteArray &input = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_data);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_tmp.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(COCKPIT_BINARY),
            args << QStringLiteral("--workspace") << m_demo << QStringLiteral("--db") << m_db);
        p.write(input);
        p.closeWriteChannel();
        CliRun run;
        if (p.waitForFinished(120000))
            run.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        run.out = QString::fromUtf8(p.readAllStandardOutput());
        run.err = QString::fromUtf8(p.readAllStandardError());
        return run;
    }

    CliRun notify(const QString &templateName, QStringList more = {})
    {
        return cockpit(QStringList {QStringLiteral("notify"), QStringLiteral("3.7.0"),
                           QStringLiteral("--template"), templateName}
            + more);
    }

    QByteArray recorded() const
    {
        QFile f(m_record);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_demo = m_tmp.filePath(QStringLiteral("demo"));
        m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
        m_data = m_tmp.filePath(QStringLiteral("data"));
        QCOMPARE(
            cockpit({QStringLiteral("demo"), QStringLiteral("--dir"), m_demo, QStringLiteral("--no-open")})
                .exitCode,
            0);
        // A project name of its own: keychain entries are per project, and tests share one keyring.
        m_project = QStringLiteral("SOLVEREIGN%1").arg(QRandomGenerator::global()->generate(), 0, 16);
        QFile policy(m_demo + QStringLiteral("/.release-cockpit/policy.yml"));
        QVERIFY(policy.open(QIODevice::ReadWrite));
        QByteArray yaml = policy.readAll().replace("project: SOLVEREIGN", "project: " + m_project.toUtf8());
        yaml.replace("      {project} Team\n",
            "      {project} Team\n  - {name: Typo, event: deployed, channel: \"#ops\", body: \"{project} "
            "{verison}\"}\n");
        policy.resize(0);
        policy.write(yaml);
        policy.close();
        m_record = m_tmp.filePath(QStringLiteral("hooks.jsonl"));
        QVERIFY2(m_http.start(ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")),
                     {QStringLiteral("--record"), m_record}, QStringLiteral("listening")),
            qPrintable(m_http.errorText()));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_http.readyFields().value(1));
        m_token = QStringLiteral("tok%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    }

    void listsTemplatesWithDueDates()
    {
        CliRun run = cockpit({QStringLiteral("notify"), QStringLiteral("3.7.0"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray list = run.json().value(QStringLiteral("templates")).toArray();
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[0].toObject().value(QStringLiteral("template")).toString(),
            QStringLiteral("Internal notification"));
        QCOMPARE(list[0].toObject().value(QStringLiteral("due")).toString(), QStringLiteral("2026-11-26"));
        QCOMPARE(
            list[0].toObject().value(QStringLiteral("relevant")).toBool(), false);  // a draft is not deployed
        run = cockpit({QStringLiteral("notify"), QStringLiteral("3.7.0")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(
            run.out.isEmpty() && run.err.contains(QLatin1String("3 more template(s)")), qPrintable(run.err));
    }

    void rendersATemplate()
    {
        CliRun run = notify(QStringLiteral("internal notification"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("Subject: [RELEASE] %1 v3.7.0\n\nTeam,").arg(m_project)),
            qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("**Action Required**:")));
        // Signed by the person who created 3.7.0, by the name git has for them (issue 16 item 4),
        // not by the preset's placeholder e-mail.
        QVERIFY2(run.out.trimmed().endsWith(QLatin1String("Thanks,\nMaria Keller")), qPrintable(run.out.right(200)));
        QVERIFY(!run.out.contains(QLatin1String("rm@example.com")));
        QVERIFY2(!run.err.contains(QLatin1String("warning")), qPrintable(run.err));
        run = notify(QStringLiteral("Internal notification"), {QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = run.json();
        QCOMPARE(json.value(QStringLiteral("template")).toString(), QStringLiteral("Internal notification"));
        QCOMPARE(json.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
        QCOMPARE(json.value(QStringLiteral("subject")).toString(),
            QStringLiteral("[RELEASE] %1 v3.7.0").arg(m_project));
        QVERIFY(json.value(QStringLiteral("body")).toString().startsWith(QLatin1String("Team,")));
        QCOMPARE(json.value(QStringLiteral("warnings")).toArray().size(), 0);
        QCOMPARE(json.value(QStringLiteral("posted")).toBool(), false);
    }

    void unknownPlaceholderAndTemplate()
    {
        CliRun run = notify(QStringLiteral("Typo"), {QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(
            run.json().value(QStringLiteral("body")).toString(), m_project + QStringLiteral(" {verison}"));
        const QString warning = run.json().value(QStringLiteral("warnings")).toArray().at(0).toString();
        QVERIFY2(warning.contains(QRegularExpression(
                     QStringLiteral("policy\\.yml:\\d+:\\d+: unknown placeholder \\{verison\\}"))),
            qPrintable(warning));
        QVERIFY(run.err.contains(QLatin1String("warning: ")) && run.err.contains(QLatin1String("{verison}")));
        run = notify(QStringLiteral("No such"));
        QCOMPARE(run.exitCode, 65);
        QVERIFY(run.err.contains(QLatin1String("\"Internal notification\"")));
        QCOMPARE(
            cockpit({QStringLiteral("notify"), QStringLiteral("3.7.0"), QStringLiteral("--post")}).exitCode,
            64);
    }

    void postsThroughTheStoredWebhook()
    {
        const QByteArray url = (m_base + QStringLiteral("/hooks/T000/B000/") + m_token).toUtf8();
        CliRun run = cockpit(
            {QStringLiteral("notify"), QStringLiteral("webhook"), QStringLiteral("set")}, url + '\n');
        if (!secretServiceExpected()) {
            QCOMPARE(run.exitCode, 69);  // no keychain: never a plaintext fallback
            QCOMPARE(notify(QStringLiteral("Typo"), {QStringLiteral("--post")}).exitCode, 69);
            return;
        }
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(m_base) && !run.err.contains(m_token), qPrintable(run.err));
        run = notify(
            QStringLiteral("Internal notification"), {QStringLiteral("--post"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().value(QStringLiteral("posted")).toBool(), true);
        const QByteArray hooks = recorded();
        QVERIFY2(
            hooks.contains("[RELEASE] " + m_project.toUtf8() + " v3.7.0") && hooks.contains(m_token.toUtf8()),
            hooks.constData());

        Store store;  // the post is in the audit log, without the URL
        auto opened = store.open(m_db);
        COCKPIT_AWAIT(opened);
        auto log = store.auditLog(QStringLiteral("3.7.0"));
        COCKPIT_AWAIT(log);
        QVERIFY(log.result().has_value() && !log.result()->isEmpty());
        QCOMPARE(log.result()->last().action, QStringLiteral("notify.post"));
        QCOMPARE(log.result()->last().subject, QStringLiteral("Internal notification"));
        QDirIterator it(m_tmp.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.fileName() != m_record && f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains(m_token.toUtf8()), qPrintable(f.fileName()));
        }
    }

    void postFailuresHaveTheirExitCodes()
    {
        if (!secretServiceExpected())
            return;  // postsThroughTheStoredWebhook asserted the no-keychain exit already
        // A channel's own entry wins over the project's default.
        const QByteArray failing = (m_base + QStringLiteral("/hooks/fail/") + m_token).toUtf8();
        QCOMPARE(cockpit({QStringLiteral("notify"), QStringLiteral("webhook"), QStringLiteral("set"),
                             QStringLiteral("#ops")},
                     failing)
                     .exitCode,
            0);
        CliRun run = notify(QStringLiteral("Typo"), {QStringLiteral("--post")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.contains(QLatin1String("HTTP 500")) && !run.err.contains(m_token), qPrintable(run.err));

        ServiceProcess gone;
        QVERIFY(gone.start(
            ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")), {}, QStringLiteral("listening")));
        const QString port = gone.readyFields().value(1);
        gone.stop();
        const QByteArray refused
            = QStringLiteral("http://127.0.0.1:%1/hooks/T/B/%2").arg(port, m_token).toUtf8();
        QCOMPARE(cockpit({QStringLiteral("notify"), QStringLiteral("webhook"), QStringLiteral("set"),
                             QStringLiteral("#ops")},
                     refused)
                     .exitCode,
            0);
        run = notify(QStringLiteral("Typo"), {QStringLiteral("--post")});
        QCOMPARE(run.exitCode, 69);
        QVERIFY2(run.err.contains(port) && !run.err.contains(m_token), qPrintable(run.err));

        for (const QString &scope : {QStringLiteral("#ops"), QString()}) {
            QStringList args {QStringLiteral("notify"), QStringLiteral("webhook"), QStringLiteral("remove")};
            if (!scope.isEmpty())
                args << scope;
            QCOMPARE(cockpit(args).exitCode, 0);
        }
        run = notify(QStringLiteral("Typo"), {QStringLiteral("--post")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(QLatin1String("notify webhook set")), qPrintable(run.err));
        QCOMPARE(cockpit({QStringLiteral("notify"), QStringLiteral("webhook"), QStringLiteral("set")},
                     "not a url\n")
                     .exitCode,
            65);
    }
};

QTEST_GUILESS_MAIN(TstCliNotify)
#include "tst_cli_notify.moc"
