// `probe ENV` and `soak evaluate` end to end: the real binary, a gated-ga workspace whose staging
// points at the HTTP fixture (production at its misconfigured twin), a real Prometheus with the
// backfilled soak. JSON shapes and exit codes as PRODUCT.md; bound items tick only on PASS.
#include "support/cli_runner.h"
#include "support/service_process.h"
#include "soak_recording.h"
#include "store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestCliSoak : public QObject {
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

    // The items of the release's checklist bound to `check`, as `checklist show --json` gives them.
    QList<QJsonObject> boundItems(const QString &check)
    {
        const CliRun run = cockpit({QStringLiteral("checklist"), QStringLiteral("show"),
            QStringLiteral("3.7.0"), QStringLiteral("--json")});
        QList<QJsonObject> items;
        for (const QJsonValue &phase : run.json().value(QStringLiteral("phases")).toArray())
            for (const QJsonValue &section : phase.toObject().value(QStringLiteral("sections")).toArray())
                for (const QJsonValue &item : section.toObject().value(QStringLiteral("items")).toArray())
                    if (item.toObject().value(QStringLiteral("check")).toString() == check)
                        items << item.toObject();
        return items;
    }

    // The release's soak as stored (not a what-if), read through a store of our own.
    cockpit::Result<cockpit::SoakRecording> storedSoak(const QString &env)
    {
        cockpit::Store store;
        if (auto opened = store.openForReading(m_db).result(); !opened)
            return std::unexpected(opened.error());
        return store.soakRecording(QStringLiteral("3.7.0"), env).result();
    }

    QString releaseStatus()
    {
        const CliRun run = cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("3.7.0")});
        return run.out + run.err;
    }

    QStringList window(int fromMinutes, int toMinutes) const
    {
        return {QStringLiteral("--from"), QString::number(m_start + fromMinutes * 60), QStringLiteral("--to"),
            QString::number(m_start + toMinutes * 60)};
    }

    CliRun soak(const QString &env, QStringList extra)
    {
        return cockpit(QStringList {QStringLiteral("soak"), QStringLiteral("evaluate"),
                           QStringLiteral("3.7.0"), QStringLiteral("--env"), env, QStringLiteral("--json")}
            + extra);
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
        QVERIFY(
            git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("rm@example.com")}));
        QVERIFY(
            git({QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Release Manager")}));
        const CliRun init
            = cockpit({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("gated-ga")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        QFile policy(m_ws + QStringLiteral("/.release-cockpit/policy.yml"));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(policy.readAll());
        policy.close();
        yaml.replace(
            QStringLiteral("https://staging.solvereign.example.com"), m_httpBase + QStringLiteral("/ok"));
        yaml.replace(
            QStringLiteral("https://app.solvereign.example.com"), m_httpBase + QStringLiteral("/bad"));
        yaml.replace(QStringLiteral("url: http://127.0.0.1:9090"), QStringLiteral("url: ") + m_prometheusUrl);
        // The backfilled soak's other environments (no endpoints of their own).
        yaml.replace(QStringLiteral("\nenvironments:\n"),
            QStringLiteral("\nenvironments:\n  spike: {base_url: %1/ok}\n  gap: {base_url: %1/ok}\n")
                .arg(m_httpBase));
        QVERIFY(policy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        policy.write(yaml.toUtf8());
        policy.close();
        QVERIFY(git({QStringLiteral("add"), QStringLiteral("-A")}));
        QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("release policy")}));
        const CliRun created = cockpit({QStringLiteral("release"), QStringLiteral("new"),
            QStringLiteral("3.7.0"), QStringLiteral("--commit"), QStringLiteral("HEAD")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    }

    // Nothing deployed in staging yet and no --release: no release stands in for the one running.
    void probeWithoutAReleaseChecksNoVersion()
    {
        const CliRun run = cockpit({QStringLiteral("probe"), QStringLiteral("staging")});
        QVERIFY2(run.err.contains(QLatin1String("No release is recorded as deployed in staging and none was "
                                                "named (--release VERSION)")),
            qPrintable(run.err));
        QVERIFY2(!run.out.contains(QLatin1String(" version ")), qPrintable(run.out));
        QVERIFY(!run.out.contains(QLatin1String("expected 3.7.0")));
        for (const QJsonObject &item : boundItems(QStringLiteral("probe staging")))
            QCOMPARE(item.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(cockpit({QStringLiteral("probe"), QStringLiteral("staging"), QStringLiteral("--release"),
                             QStringLiteral("9.9.9")})
                     .exitCode,
            65);
    }

    void probePassesAndTicksItsItems()
    {
        QVERIFY(!boundItems(QStringLiteral("probe staging")).isEmpty());
        const CliRun run = cockpit({QStringLiteral("probe"), QStringLiteral("staging"), QStringLiteral("--release"),
            QStringLiteral("3.7.0"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.err.contains(QLatin1String("against release 3.7.0 (--release)")), qPrintable(run.err));
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("env")).toString(), QStringLiteral("staging"));
        QVERIFY(o.value(QStringLiteral("ok")).toBool());
        const QJsonArray checks = o.value(QStringLiteral("checks")).toArray();
        QCOMPARE(checks.size(), 15);  // one more since a bad login must also set no cookie
        for (const QString &key :
            {QStringLiteral("kind"), QStringLiteral("target"), QStringLiteral("expected"),
                QStringLiteral("actual"), QStringLiteral("ok"), QStringLiteral("latency_ms")})
            QVERIFY2(checks[0].toObject().contains(key), qPrintable(key));
        for (const QJsonObject &item : boundItems(QStringLiteral("probe staging"))) {
            QCOMPARE(item.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
            QVERIFY(item.value(QStringLiteral("evidence"))
                        .toString()
                        .startsWith(QStringLiteral("probe staging PASS")));
        }
    }

    void failingProbeTicksNothing()
    {
        const CliRun run
            = cockpit({QStringLiteral("probe"), QStringLiteral("production"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.json().value(QStringLiteral("ok")).toBool());
        for (const QJsonObject &item : boundItems(QStringLiteral("probe production")))
            QCOMPARE(item.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(cockpit({QStringLiteral("probe"), QStringLiteral("nowhere")}).exitCode, 65);
        QCOMPARE(cockpit({QStringLiteral("probe")}).exitCode, 64);
    }

    void soakWithoutDeploymentSaysSo()
    {
        const CliRun run = soak(QStringLiteral("staging"), {});
        QCOMPARE(run.exitCode, 65);
        QVERIFY2(run.err.contains(QStringLiteral("no deployment of 3.7.0 to staging")), qPrintable(run.err));
    }

    // A window given with --from/--to is a what-if: its verdict is shown as such, it ticks
    // nothing and it is not stored as the release's soak (the audit log keeps it).
    void cleanWindowIsAWhatIf()
    {
        const CliRun text = cockpit(QStringList {QStringLiteral("soak"), QStringLiteral("evaluate"),
                                        QStringLiteral("3.7.0"), QStringLiteral("--env"), QStringLiteral("staging")}
            + window(0, 120));
        QVERIFY2(text.exitCode == 0, qPrintable(text.err + text.out));
        QVERIFY2(text.out.startsWith(QLatin1String("What-if soak of 3.7.0 in staging")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QLatin1String("PASS (what-if)")), qPrintable(text.out));
        QVERIFY2(text.err.contains(QLatin1String("ticks no checklist item")), qPrintable(text.err));
        QVERIFY(!text.err.contains(QLatin1String("Ticked")));
        const CliRun run = soak(QStringLiteral("staging"), window(0, 120));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("pass"));
        QVERIFY(o.value(QStringLiteral("what_if")).toBool());
        const QJsonArray checks = o.value(QStringLiteral("checks")).toArray();
        QCOMPARE(checks.size(), 5);
        const QJsonObject first = checks[0].toObject();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("HTTP 5xx rate"));
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
        QCOMPARE(first.value(QStringLiteral("failures")).toInt(), 0);
        QCOMPARE(first.value(QStringLiteral("failure_limit")).toInt(), 0);
        const QJsonArray measurements = first.value(QStringLiteral("measurements")).toArray();
        QCOMPARE(measurements.size(), 8);
        QCOMPARE(measurements[0].toObject().value(QStringLiteral("time")).toString(),
            QDateTime::fromSecsSinceEpoch(m_start + 900, Qt::UTC).toString(Qt::ISODate));
        QCOMPARE(
            measurements[0].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
        QVERIFY(measurements[0].toObject().value(QStringLiteral("value")).isDouble());
        const QJsonArray triggers = o.value(QStringLiteral("triggers")).toArray();
        QVERIFY(!triggers.isEmpty());
        for (const QString &key : {QStringLiteral("name"), QStringLiteral("fired"), QStringLiteral("since"),
                 QStringLiteral("severity")})
            QVERIFY2(triggers[0].toObject().contains(key), qPrintable(key));
        const QList<QJsonObject> items = boundItems(QStringLiteral("soak staging"));
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(storedSoak(QStringLiteral("staging")).error().code, cockpit::ErrorCode::NotFound);
        const QString status = releaseStatus();
        QVERIFY2(!status.contains(QLatin1String("soak pass")), qPrintable(status));
    }

    void spikeFailsWithTheTrigger()
    {
        const CliRun run = soak(QStringLiteral("spike"), window(0, 120));
        QCOMPARE(run.exitCode, 1);
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
        const QJsonObject trigger = o.value(QStringLiteral("triggers")).toArray()[0].toObject();
        QVERIFY(trigger.value(QStringLiteral("fired")).toBool());
        QCOMPARE(trigger.value(QStringLiteral("severity")).toString(), QStringLiteral("S1"));
        QVERIFY(trigger.value(QStringLiteral("since")).isString());
    }

    void gapIsInconclusiveWithRfc3339Times()
    {
        const auto rfc = [this](int minutes) {
            return QDateTime::fromSecsSinceEpoch(m_start + minutes * 60, Qt::UTC).toString(Qt::ISODate);
        };
        const CliRun run = soak(
            QStringLiteral("gap"), {QStringLiteral("--from"), rfc(0), QStringLiteral("--to"), rfc(120)});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("inconclusive"));
        QCOMPARE(
            soak(QStringLiteral("gap"), {QStringLiteral("--from"), QStringLiteral("yesterday")}).exitCode,
            64);
        QCOMPARE(soak(QStringLiteral("gap"), {QStringLiteral("--to"), rfc(10)}).exitCode, 64);
    }

    void prometheusFaultsAreNeverAPass_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("down") << QStringLiteral("http://127.0.0.1:9") << 69;
        QTest::newRow("http 500") << m_httpBase + QStringLiteral("/prom500") << 69;
        QTest::newRow("malformed json") << m_httpBase + QStringLiteral("/promgarbage") << 2;
        QTest::newRow("nan") << m_httpBase + QStringLiteral("/promnan") << 2;
        QTest::newRow("empty") << m_httpBase + QStringLiteral("/promempty") << 2;
    }

    void prometheusFaultsAreNeverAPass()
    {
        QFETCH(QString, url);
        QFETCH(int, exitCode);
        const CliRun run
            = soak(QStringLiteral("staging"), window(0, 120) << QStringLiteral("--prometheus") << url);
        QVERIFY2(run.exitCode == exitCode, qPrintable(QString::number(run.exitCode) + u' ' + run.err));
        QCOMPARE(run.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("inconclusive"));
    }

    void unreachablePrometheusNamesTheUrl()
    {
        const CliRun run = soak(QStringLiteral("staging"),
            window(0, 120) << QStringLiteral("--prometheus") << QStringLiteral("http://127.0.0.1:9"));
        QCOMPARE(run.exitCode, 69);
        QVERIFY2(run.err.contains(QLatin1String("Prometheus at http://127.0.0.1:9 did not answer")),
            qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("--prometheus URL")));
        QVERIFY(run.err.contains(QLatin1String("prometheus.url")));
    }

    // Deployed to staging when the backfilled soak starts: the soak of that deployment (no window
    // given) covers the policy's 2 h, passes and ticks; a what-if afterwards changes nothing.
    void soakOfTheDeploymentTicks()
    {
        {
            cockpit::Store store;
            store.setClock([this] { return QDateTime::fromSecsSinceEpoch(m_start, Qt::UTC); });
            QVERIFY(store.open(m_db).result().has_value());
            auto deployed = store.recordDeployment(
                QStringLiteral("3.7.0"), QStringLiteral("staging"), QStringLiteral("rm@example.com")).result();
            QVERIFY(deployed.has_value());
        }
        const CliRun run = soak(QStringLiteral("staging"), {});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QCOMPARE(run.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("pass"));
        QVERIFY(!run.json().value(QStringLiteral("what_if")).toBool());
        QVERIFY2(run.err.contains(QLatin1String("Ticked \"")), qPrintable(run.err));
        const QList<QJsonObject> items = boundItems(QStringLiteral("soak staging"));
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QVERIFY(items[0].value(QStringLiteral("evidence")).toString().startsWith(QStringLiteral("Soak PASS of ")));
        auto stored = storedSoak(QStringLiteral("staging"));
        QVERIFY(stored.has_value());
        QCOMPARE(stored->start.toSecsSinceEpoch(), m_start);
        // An old window afterwards: what-if, the release's soak stays the deployment's.
        const CliRun old = soak(QStringLiteral("staging"), window(-60, 60));
        QVERIFY(old.json().value(QStringLiteral("what_if")).toBool());
        QCOMPARE(storedSoak(QStringLiteral("staging"))->start.toSecsSinceEpoch(), m_start);
        // Every run is kept and named (issue 18): the deployment's run ticked and its id is in the
        // evidence; the what-if is a run of its own; evaluating again is a re-check, not a replacement.
        const QJsonObject first = run.json().value(QStringLiteral("run")).toObject();
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("deployment"));
        QVERIFY(first.value(QStringLiteral("decisive")).toBool());
        QCOMPARE(first.value(QStringLiteral("policy_digest")).toString().size(), 64);
        const qint64 firstId = first.value(QStringLiteral("id")).toInteger();
        QVERIFY(items[0].value(QStringLiteral("evidence")).toString().contains(QStringLiteral("(run #%1)").arg(firstId)));
        const QJsonObject whatIf = old.json().value(QStringLiteral("run")).toObject();
        QCOMPARE(whatIf.value(QStringLiteral("kind")).toString(), QStringLiteral("what_if"));
        QVERIFY(whatIf.value(QStringLiteral("id")).toInteger() > firstId);
        const CliRun again = soak(QStringLiteral("staging"), {});
        QCOMPARE(again.json().value(QStringLiteral("run")).toObject().value(QStringLiteral("kind")).toString(),
            QStringLiteral("recheck"));
        QVERIFY2(again.err.contains(QLatin1String("Re-check")), qPrintable(again.err));
        const CliRun text = cockpit({QStringLiteral("soak"), QStringLiteral("evaluate"), QStringLiteral("3.7.0"),
            QStringLiteral("--env"), QStringLiteral("staging")});
        QVERIFY2(text.out.contains(QRegularExpression(QStringLiteral("Stored as run #\\d+ \\(re-check\\) of the deployment at"))),
            qPrintable(text.out));
        QCOMPARE(storedSoak(QStringLiteral("staging"))->start.toSecsSinceEpoch(), m_start);
        const QString status = releaseStatus();
        QVERIFY2(status.contains(QRegularExpression(QStringLiteral("staging +deployed, soak pass"))), qPrintable(status));
    }

    void deployedReleaseIsSoakingNow()
    {
        // The demo's 3.7.0 is a candidate, not approved: the release manager deploys it anyway.
        QCOMPARE(cockpit({QStringLiteral("release"), QStringLiteral("deployed"), QStringLiteral("3.7.0"),
                             QStringLiteral("--env"), QStringLiteral("gap"), QStringLiteral("--override"),
                             QStringLiteral("--reason"), QStringLiteral("soak test of the candidate")})
                     .exitCode,
            0);
        const CliRun run = soak(QStringLiteral("gap"), {});
        QCOMPARE(run.exitCode, 2);  // just started: nothing to judge yet
        QCOMPARE(run.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("running"));
        QVERIFY2(run.err.contains(QLatin1String("Nothing to judge yet")), qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("is due at")));
        // Every measurement pending is exit 2 with that message, even with Prometheus down.
        const CliRun down
            = soak(QStringLiteral("gap"), {QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:9")});
        QVERIFY2(down.exitCode == 2, qPrintable(QString::number(down.exitCode) + u' ' + down.err));
        QVERIFY(down.err.contains(QLatin1String("Nothing to judge yet")));
    }

    // Once deployed there, `probe ENV` checks the release that runs there, URL and pointer apart.
    void probeChecksTheReleaseDeployedThere()
    {
        // The demo's 3.7.0 is a candidate, not approved: the release manager deploys it anyway.
        QCOMPARE(cockpit({QStringLiteral("release"), QStringLiteral("deployed"), QStringLiteral("3.7.0"),
                             QStringLiteral("--env"), QStringLiteral("staging"), QStringLiteral("--override"),
                             QStringLiteral("--reason"), QStringLiteral("soak test of the candidate")})
                     .exitCode,
            0);
        const CliRun run = cockpit({QStringLiteral("probe"), QStringLiteral("staging")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.err.contains(QLatin1String("against release 3.7.0 (deployed there)")), qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("version %1/ok/api/health, JSON pointer /version: 3.7.0")
                                      .arg(m_httpBase)),
            qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestCliSoak)
#include "tst_cli_soak.moc"
