// `soak watch VERSION --env ENV` end to end (issue 15 item 3b): the real binary, a gated-ga
// workspace, a real Prometheus with the backfilled soak (promtool). A deployment recorded when
// the backfilled soak starts makes the whole soak due at once, so the watch is short: it prints a
// line per change and exits with the verdict (0 PASS, 1 FAIL); a fired trigger whose action is a
// rollback but not automatic starts nothing. SIGTERM stops a running watch with a final line.
#include "store.h"
#include "support/cli_runner.h"
#include "support/service_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

class TestCliSoakWatch : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    ServiceProcess m_prometheus;
    ServiceProcess m_http;
    QString m_ws, m_db, m_data, m_prometheusUrl, m_httpBase;
    qint64 m_start = 0;

    CliRun cockpit(QStringList args)
    {
        return runCockpit(
            args << QStringLiteral("--workspace") << m_ws << QStringLiteral("--db") << m_db, m_data, m_ws);
    }

    bool git(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_ws);
        p.start(QStringLiteral("git"), args);
        return p.waitForFinished() && p.exitCode() == 0;
    }

    // Records 3.7.0 as deployed to env at `at` (the store's clock), as `release deployed` would.
    void deployAt(const QString &env, const QDateTime &at)
    {
        cockpit::Store store;
        store.setClock([at] { return at; });
        QVERIFY(store.open(m_db).result().has_value());
        auto deployed
            = store.recordDeployment(QStringLiteral("3.7.0"), env, QStringLiteral("rm@example.com")).result();
        QVERIFY2(deployed.has_value(), deployed ? "" : qPrintable(deployed.error().toString()));
    }

    CliRun watch(const QString &env)
    {
        return cockpit({QStringLiteral("soak"), QStringLiteral("watch"), QStringLiteral("3.7.0"),
            QStringLiteral("--env"), env});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(m_prometheus.start(ServiceProcess::prometheusScript(),
                     {m_tmp.filePath(QStringLiteral("prom"))}, QStringLiteral("ready")),
            qPrintable(m_prometheus.errorText()));
        m_prometheusUrl = m_prometheus.readyFields().value(1);
        m_start = m_prometheus.readyFields().value(2).toLongLong();
        QVERIFY2(m_http.start(ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")), {},
                     QStringLiteral("listening")),
            qPrintable(m_http.errorText()));
        m_httpBase = QStringLiteral("http://127.0.0.1:%1").arg(m_http.readyFields().value(1));
        m_ws = m_tmp.filePath(QStringLiteral("ws"));
        m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
        m_data = m_tmp.filePath(QStringLiteral("xdg"));
        QVERIFY(QDir().mkpath(m_ws));
        QVERIFY(git({QStringLiteral("init"), QStringLiteral("-q")}));
        QVERIFY(git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("rm@example.com")}));
        QVERIFY(git({QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Release Manager")}));
        const CliRun init = cockpit({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("gated-ga")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QFile policy(m_ws + QStringLiteral("/.release-cockpit/policy.yml"));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(policy.readAll());
        policy.close();
        yaml.replace(QStringLiteral("https://staging.solvereign.example.com"), m_httpBase + QStringLiteral("/ok"));
        yaml.replace(QStringLiteral("https://app.solvereign.example.com"), m_httpBase + QStringLiteral("/ok"));
        yaml.replace(QStringLiteral("url: http://127.0.0.1:9090"), QStringLiteral("url: ") + m_prometheusUrl);
        yaml.replace(QStringLiteral("\nenvironments:\n"),
            QStringLiteral("\nenvironments:\n  spike: {base_url: %1/ok}\n  gap: {base_url: %1/ok}\n").arg(m_httpBase));
        QVERIFY(policy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        policy.write(yaml.toUtf8());
        policy.close();
        QVERIFY(git({QStringLiteral("add"), QStringLiteral("-A")}));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("release policy")}));
        const CliRun created = cockpit({QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("3.7.0"),
            QStringLiteral("--commit"), QStringLiteral("HEAD")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    }

    void usageAndNoDeployment()
    {
        QCOMPARE(cockpit({QStringLiteral("soak"), QStringLiteral("watch"), QStringLiteral("3.7.0")}).exitCode, 64);
        const CliRun run = watch(QStringLiteral("staging"));
        QCOMPARE(run.exitCode, 65);
        QVERIFY2(run.err.contains(QLatin1String("no deployment of 3.7.0 to staging")), qPrintable(run.err));
    }

    void cleanSoakPasses()
    {
        deployAt(QStringLiteral("staging"), QDateTime::fromSecsSinceEpoch(m_start, Qt::UTC));
        const CliRun run = watch(QStringLiteral("staging"));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.first().contains(QLatin1String("watching the soak of 3.7.0 in staging")), qPrintable(run.out));
        // One line per measurement: 8 of 5xx and of P95 (every 15 min), 4 of each 30 min check.
        QCOMPARE(lines.filter(QStringLiteral(" measurement pass ")).size(), 8 + 8 + 4 + 4 + 4);
        QVERIFY2(run.out.contains(QLatin1String("verdict PASS")), qPrintable(run.out));
        QVERIFY2(lines.last().contains(QLatin1String("soak of 3.7.0 in staging ended PASS (stored as")),
            qPrintable(run.out));
        QVERIFY(!run.out.contains(QLatin1String("FIRED")));
    }

    void spikeFailsAndStartsNoRollback()
    {
        deployAt(QStringLiteral("spike"), QDateTime::fromSecsSinceEpoch(m_start, Qt::UTC));
        const CliRun run = watch(QStringLiteral("spike"));
        QVERIFY2(run.exitCode == 1, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QLatin1String("trigger \"HTTP 5xx rate > 5% for > 5 minutes\" FIRED (query, S1)")),
            qPrintable(run.out));
        // gated-ga's triggers are rollbacks a person starts: offered, never started.
        QVERIFY2(run.out.contains(QLatin1String("asks for a rollback (Immediate rollback), not automatic")),
            qPrintable(run.out));
        QVERIFY(!run.out.contains(QLatin1String(" rollback started")));
        QVERIFY2(run.out.contains(QLatin1String(" measurement fail ")), qPrintable(run.out));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.last().contains(QLatin1String("ended FAIL")), qPrintable(run.out));
        const CliRun rollback = cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--json")});
        QVERIFY2(rollback.exitCode != 0, qPrintable(rollback.out));  // no rollback of 3.7.0 exists
    }

    // The 5xx trigger made automatic, the rollback steps an argv process and a manual step: the
    // watch starts the rollback by itself, the process runs, it halts at the manual step, and the
    // watch ends FAIL once it halted.
    void automaticTriggerRollsBackUnderWatch()
    {
        QFile policy(m_ws + QStringLiteral("/.release-cockpit/policy.yml"));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(policy.readAll());
        policy.close();
        const QString action = QStringLiteral("      action: Immediate rollback\n");
        const qsizetype at = yaml.indexOf(action);
        QVERIFY(at > 0);
        yaml.insert(at + action.size(), QStringLiteral("      automatic: true\n"));
        const qsizetype from = yaml.indexOf(QStringLiteral("\nrollback:\n"));
        const qsizetype to = yaml.indexOf(QStringLiteral("\nnotifications:\n"));
        QVERIFY(from > 0 && to > from);
        yaml = yaml.left(from)
            + QStringLiteral("\nrollback:\n  target: previous_tag\n  steps:\n"
                             "    - {name: Switch traffic back, run: [sh, -c, 'printf \"%s %s\\n\" "
                             "\"$RELEASE_ROLLBACK_TAG\" \"$RELEASE_ENV\" > \"$WATCH_MARKER\"']}\n"
                             "    - {name: Check the dashboards, manual: Error rates back to normal}\n")
            + yaml.mid(to);
        QVERIFY(policy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        policy.write(yaml.toUtf8());
        policy.close();
        QVERIFY(git({QStringLiteral("tag"), QStringLiteral("v3.6.0")}));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qam"), QStringLiteral("automatic rollback")}));
        const QString marker = m_tmp.filePath(QStringLiteral("watch-marker"));
        qputenv("WATCH_MARKER", marker.toUtf8());
        deployAt(QStringLiteral("spike"), QDateTime::fromSecsSinceEpoch(m_start, Qt::UTC));
        const CliRun run = watch(QStringLiteral("spike"));
        QVERIFY2(run.exitCode == 1, qPrintable(run.err + run.out));
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        const QStringList started = lines.filter(QStringLiteral(" rollback started: automatic rollback: trigger "
                                                                "\"HTTP 5xx rate > 5% for > 5 minutes\" fired (value "));
        QVERIFY2(started.size() == 1, qPrintable(run.out));
        QVERIFY2(lines.filter(QStringLiteral(" rollback halted: automatic rollback #")).size() == 1, qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("HALTED at step 2: it needs a person (Error rates back to normal)")),
            qPrintable(run.out));
        QVERIFY2(lines.last().contains(QLatin1String("ended FAIL")), qPrintable(run.out));
        QFile written(marker);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(written.readAll()).trimmed(), QStringLiteral("v3.6.0 spike"));
        const CliRun shown = cockpit({QStringLiteral("rollback"), QStringLiteral("3.7.0"), QStringLiteral("--json")});
        const QJsonObject record = shown.json();
        QCOMPARE(record.value(QStringLiteral("state")).toString(), QStringLiteral("halted"));
        const QJsonObject plan = record.value(QStringLiteral("plan")).toObject();
        QVERIFY(plan.value(QStringLiteral("automatic")).toBool());
        QCOMPARE(plan.value(QStringLiteral("trigger")).toString(), QStringLiteral("HTTP 5xx rate > 5% for > 5 minutes"));
        QCOMPARE(record.value(QStringLiteral("requested_by")).toString(), QStringLiteral("rm@example.com"));
    }

    // Deployed now: the soak runs for hours; SIGTERM ends the watch with a final line, exit 2.
    void sigtermStopsCleanly()
    {
        deployAt(QStringLiteral("gap"), QDateTime::currentDateTimeUtc());
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_data);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(m_ws);
        p.start(QStringLiteral(COCKPIT_BINARY),
            {QStringLiteral("soak"), QStringLiteral("watch"), QStringLiteral("3.7.0"), QStringLiteral("--env"),
                QStringLiteral("gap"), QStringLiteral("--workspace"), m_ws, QStringLiteral("--db"), m_db});
        QString out;
        QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(p.readAllStandardOutput())).contains(QLatin1String("verdict RUNNING")), 30000);
        ::kill(pid_t(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(20000));
        out += QString::fromUtf8(p.readAllStandardOutput());
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.last().contains(QLatin1String("stopped (signal) with the soak RUNNING")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestCliSoakWatch)
#include "tst_cli_soak_watch.moc"
