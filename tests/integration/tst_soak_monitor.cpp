// The soak monitor against a real Prometheus holding a backfilled 2 h soak (prometheus_fixture.sh):
// the gated-ga preset's five checks and two query triggers, live (a manual clock, poll() by hand)
// and retrospective, on a clean soak, a 5xx spike and a scrape gap; stale and recovered signals.
#include "policy_loader.h"
#include "prometheus_client.h"
#include "soak_monitor.h"
#include "support/service_process.h"
#include "support/store_test_support.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

class TestSoakMonitor : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    ServiceProcess m_prometheus;
    ServiceProcess m_http;
    QUrl m_url;
    QDateTime m_start;
    Policy m_policy;
    QDateTime m_now;  // the monitors' clock

    QDateTime at(int minutes) const { return m_start.addSecs(minutes * 60); }

    SoakPlan plan(const QString &env) const
    {
        return soakPlanFor(m_policy, env, QStringLiteral("3.7.0"), m_start);
    }

    std::unique_ptr<SoakMonitor> monitor(PrometheusClient *client)
    {
        auto m = std::make_unique<SoakMonitor>(client);
        m->setClock([this] { return m_now; });
        m->setPollInterval(std::chrono::hours(1));  // the test polls by hand
        return m;
    }

    SoakEvaluation retrospective(const QString &env)
    {
        PrometheusClient client(m_url);
        auto m = monitor(&client);
        QSignalSpy finished(m.get(), &SoakMonitor::finished);
        m->evaluateWindow(plan(env), at(120));
        [&] { QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000); }();
        return m->evaluation();
    }

    static const CheckResult *check(const SoakEvaluation &e, const QString &name)
    {
        for (const CheckResult &c : e.checks)
            if (c.name == name)
                return &c;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QFile preset(QStringLiteral(":/presets/gated-ga/policy.yml"));
        QVERIFY(preset.open(QIODevice::ReadOnly));
        auto policy = parsePolicy(preset.readAll(), preset.fileName());
        QVERIFY2(policy, test::why(policy).constData());
        m_policy = *policy;
        QCOMPARE(m_policy.soakChecks.size(), 5);
        QVERIFY2(m_prometheus.start(ServiceProcess::prometheusScript(),
                     {m_tmp.filePath(QStringLiteral("prom"))}, QStringLiteral("ready")),
            qPrintable(m_prometheus.errorText()));
        m_url = QUrl(m_prometheus.readyFields().value(1));
        m_start = QDateTime::fromSecsSinceEpoch(m_prometheus.readyFields().value(2).toLongLong(), Qt::UTC);
        QVERIFY2(m_http.start(ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")), {},
                     QStringLiteral("listening")),
            qPrintable(m_http.errorText()));
        m_now = QDateTime::currentDateTimeUtc();
    }

    void planReplacesEnvInQueries()
    {
        const SoakPlan p = plan(QStringLiteral("clean"));
        QCOMPARE(p.duration, std::chrono::seconds(7200));
        QVERIFY(p.checks[0].query.contains(QStringLiteral("env=\"clean\"")));
        QVERIFY(!p.checks[0].query.contains(QStringLiteral("$env")));
        QVERIFY(p.triggers[0].query.contains(QStringLiteral("env=\"clean\"")));
    }

    void cleanSoakPasses()
    {
        const SoakEvaluation e = retrospective(QStringLiteral("clean"));
        QVERIFY2(e.verdict == SoakVerdict::Pass, qPrintable(e.reason));
        QCOMPARE(e.checks.size(), 5);
        QCOMPARE(check(e, QStringLiteral("HTTP 5xx rate"))->measurements.size(), 8);  // every 15 min for 2 h
        QCOMPARE(check(e, QStringLiteral("Memory usage"))->measurements.size(), 4);
        QCOMPARE(check(e, QStringLiteral("Memory usage"))->measurements.last().value.value_or(-1), 40.0);
        for (const TriggerResult &t : e.triggers)
            QVERIFY2(!t.fired, qPrintable(t.name));
    }

    void spikeFailsAndFiresTheTrigger()
    {
        PrometheusClient client(m_url);
        auto m = monitor(&client);
        QSignalSpy fired(m.get(), &SoakMonitor::triggerFired);
        QSignalSpy finished(m.get(), &SoakMonitor::finished);
        m->evaluateWindow(plan(QStringLiteral("spike")), at(120));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const SoakEvaluation e = m->evaluation();
        QCOMPARE(e.verdict, SoakVerdict::Fail);
        const CheckResult *rate = check(e, QStringLiteral("HTTP 5xx rate"));
        QCOMPARE(rate->status, CheckStatus::Fail);
        QVERIFY(rate->failures >= 1);
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0][0].toString(), QStringLiteral("HTTP 5xx rate > 5% for > 5 minutes"));
        QCOMPARE(fired[0][1].toString(), QStringLiteral("S1"));
        // The recording replays to the same verdict without Prometheus.
        auto back = soakRecordingFromJson(soakRecordingToJson(m->recording()));
        QVERIFY(back);
        QCOMPARE(evaluateRecording(*back).verdict, SoakVerdict::Fail);
    }

    void gapIsNeverAPass()
    {
        const SoakEvaluation e = retrospective(QStringLiteral("gap"));
        QCOMPARE(e.verdict, SoakVerdict::Inconclusive);
        const CheckResult *rate = check(e, QStringLiteral("HTTP 5xx rate"));
        QCOMPARE(rate->status, CheckStatus::Inconclusive);
        QCOMPARE(rate->measurements[2].status, MeasurementStatus::NoData);  // start + 45 min
        QCOMPARE(rate->measurements[3].status, MeasurementStatus::NoData);  // start + 60 min
    }

    void liveModeMeasuresOnSchedule()
    {
        PrometheusClient client(m_url);
        auto m = monitor(&client);
        QSignalSpy updated(m.get(), &SoakMonitor::updated);
        QSignalSpy finished(m.get(), &SoakMonitor::finished);
        QSignalSpy fired(m.get(), &SoakMonitor::triggerFired);
        m_now = at(20);
        m->startLive(plan(QStringLiteral("spike")));
        QVERIFY(m->isLive());
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, 30000);
        SoakEvaluation e = m->evaluation();
        QCOMPARE(e.verdict, SoakVerdict::Running);
        QCOMPARE(check(e, QStringLiteral("HTTP 5xx rate"))->measurements[0].status, MeasurementStatus::Pass);
        QCOMPARE(
            check(e, QStringLiteral("HTTP 5xx rate"))->measurements[1].status, MeasurementStatus::Pending);
        QCOMPARE(check(e, QStringLiteral("HTTP 5xx rate"))->nextMeasurement.value_or(QDateTime()), at(30));
        QCOMPARE(m->recording().checks[0].readings.size(), 1);

        m_now = at(50);
        m->poll();
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 2, 30000);
        QCOMPARE(m->recording().checks[0].readings.size(), 3);
        QCOMPARE(fired.size(), 0);
        QCOMPARE(m->evaluation().verdict, SoakVerdict::Running);

        m_now = at(61);
        m->poll();
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 3, 30000);
        QCOMPARE(m->evaluation().verdict, SoakVerdict::Fail);  // the 60 min measurement saw 16.7%
        QCOMPARE(fired.size(), 1);
        m_now = at(70);
        m->poll();
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 4, 30000);
        QCOMPARE(fired.size(), 1);  // once per soak
        QVERIFY(m->isLive());
        QCOMPARE(finished.size(), 0);

        m_now = at(125);
        m->poll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QVERIFY(!m->isLive());
        QCOMPARE(m->recording().checks[0].readings.size(), 8);
        m_now = QDateTime::currentDateTimeUtc();
    }

    void staleWhenPrometheusStopsAnsweringThenRecovered()
    {
        PrometheusClient client(
            QUrl(QStringLiteral("http://127.0.0.1:%1/prom500").arg(m_http.readyFields().value(1))));
        auto m = monitor(&client);
        QSignalSpy stale(m.get(), &SoakMonitor::stale);
        QSignalSpy recovered(m.get(), &SoakMonitor::recovered);
        QSignalSpy updated(m.get(), &SoakMonitor::updated);
        m_now = at(40);
        m->startLive(plan(QStringLiteral("clean")));
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, 30000);
        QCOMPARE(stale.size(), 1);
        QVERIFY2(stale[0][0].toString().contains(QStringLiteral("http_error")),
            qPrintable(stale[0][0].toString()));
        QVERIFY(m->isStale());
        QVERIFY(m->evaluation().verdict != SoakVerdict::Pass);
        QVERIFY(!m->prometheusAnswered());

        client.setBaseUrl(m_url);
        m_now = at(41);
        m->poll();
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 2, 30000);
        QCOMPARE(recovered.size(), 1);
        QVERIFY(!m->isStale());
        // The failed measurements were retried against the answering Prometheus.
        QCOMPARE(m->recording().checks[0].readings.size(), 2);
        QCOMPARE(m->recording().checks[0].readings[0].failure, QueryFailure::None);
        m->stop();
        m_now = QDateTime::currentDateTimeUtc();
    }

    // Issue 18: while Prometheus does not answer, the lines it gave before stay (the chart greys
    // what follows them) instead of vanishing; once it answers they follow again.
    void lastDataStaysThroughAnOutage()
    {
        PrometheusClient client(m_url);
        auto m = monitor(&client);
        QSignalSpy updated(m.get(), &SoakMonitor::updated);
        QSignalSpy stale(m.get(), &SoakMonitor::stale);
        m_now = at(40);
        SoakPlan p = plan(QStringLiteral("clean"));
        QCOMPARE(p.refresh, std::chrono::seconds(5));  // the policy's default soak.refresh
        m->startLive(p);
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, 30000);
        const QueryOutcome before = m->recording().checks[0].series;
        QVERIFY(before.ok() && !before.series.isEmpty() && !before.series.first().samples.isEmpty());

        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1/prom500").arg(m_http.readyFields().value(1))));
        m_now = at(41);
        m->poll();
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 2, 30000);
        QCOMPARE(stale.size(), 1);
        // Kept, not replaced by the failure.
        QVERIFY(m->recording().checks[0].series.ok());
        QVERIFY(m->recording().checks[0].series.series == before.series);

        client.setBaseUrl(m_url);
        m_now = at(43);
        m->poll();
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 3, 30000);
        const QueryOutcome after = m->recording().checks[0].series;
        QVERIFY(after.ok() && !after.series.isEmpty());
        QVERIFY(after.series.first().samples.last().timeMs > before.series.first().samples.last().timeMs);
        m->stop();
        m_now = QDateTime::currentDateTimeUtc();
    }

    void recordingsAndProbeResultsAreStored()
    {
        Store store;
        auto opened = store.open(m_tmp.filePath(QStringLiteral("soak.sqlite")));
        COCKPIT_AWAIT(opened);
        QVERIFY2(opened.result(), test::why(opened.result()).constData());
        auto none = store.soakRecording(QStringLiteral("3.7.0"), QStringLiteral("clean"));
        COCKPIT_AWAIT(none);
        QCOMPARE(none.result().error().code, ErrorCode::NotFound);
        QVERIFY(store.createRelease(test::sampleRelease(QStringLiteral("3.7.0")), Checklist {},
                         QStringLiteral("rm@example.com"))
                    .result());
        store.setClock([this] { return m_start; });  // deployed when the soak starts
        QVERIFY(store.recordDeployment(QStringLiteral("3.7.0"), QStringLiteral("spike"), QStringLiteral("rm@example.com"))
                    .result());
        store.setClock([] { return QDateTime::currentDateTimeUtc(); });

        PrometheusClient client(m_url);
        auto m = monitor(&client);
        QSignalSpy finished(m.get(), &SoakMonitor::finished);
        m->evaluateWindow(plan(QStringLiteral("spike")), at(120));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        const QByteArray json
            = QJsonDocument(soakRecordingToJson(m->recording())).toJson(QJsonDocument::Compact);
        for (const QString &verdict :
            {QStringLiteral("running"), QStringLiteral("fail")}) {  // both kept (issue 18)
            auto saved = store.saveSoakRecording(QStringLiteral("3.7.0"), QStringLiteral("spike"), json,
                verdict, QStringLiteral("rm@example.com"));
            COCKPIT_AWAIT(saved);
            QVERIFY2(saved.result(), test::why(saved.result()).constData());
            QCOMPARE(saved.result()->kind, SoakRunKind::Deployment);
        }
        auto runs = store.soakRuns(QStringLiteral("3.7.0"), QStringLiteral("spike"));
        COCKPIT_AWAIT(runs);
        QCOMPARE(runs.result()->size(), 2);
        auto loaded = store.soakRecording(QStringLiteral("3.7.0"), QStringLiteral("spike"));
        COCKPIT_AWAIT(loaded);
        const auto &recording = loaded.result();
        QVERIFY2(recording, test::why(recording).constData());
        QCOMPARE(evaluateRecording(*recording).verdict, SoakVerdict::Fail);

        for (const auto &[env, ok] : {std::pair {QStringLiteral("clean"), false},
                 {QStringLiteral("clean"), true}, {QStringLiteral("spike"), false}}) {
            const QByteArray result = QJsonDocument(
                QJsonObject {{QStringLiteral("env"), env}, {QStringLiteral("ok"), ok},
                    {QStringLiteral("checks"),
                        QJsonArray()}}).toJson(QJsonDocument::Compact);
            auto saved = store.saveProbeResult(
                QStringLiteral("3.7.0"), env, ok, result, QStringLiteral("rm@example.com"));
            COCKPIT_AWAIT(saved);
            QVERIFY2(saved.result(), test::why(saved.result()).constData());
        }
        auto latest = store.latestProbeResult(QStringLiteral("clean"));
        COCKPIT_AWAIT(latest);
        QVERIFY(latest.result());
        QVERIFY(QJsonDocument::fromJson(*latest.result()).object().value(QStringLiteral("ok")).toBool());
        auto other = store.latestProbeResult(QStringLiteral("clean"), QStringLiteral("3.6.0"));
        COCKPIT_AWAIT(other);
        QCOMPARE(other.result().error().code, ErrorCode::NotFound);

        auto audit = store.auditLog(QStringLiteral("3.7.0"));
        COCKPIT_AWAIT(audit);
        QVERIFY(audit.result());
        QStringList actions;
        const auto entries = audit.result();  // a copy: iterating *result() would dangle
        for (const AuditEntry &entry : *entries)
            actions << entry.action;
        QCOMPARE(actions.count(QStringLiteral("soak.record")), 2);
        QCOMPARE(actions.count(QStringLiteral("probe.run")), 3);
        auto verified = store.verifyAudit();
        COCKPIT_AWAIT(verified);
        QVERIFY(verified.result() && verified.result()->ok);
    }
};

QTEST_GUILESS_MAIN(TestSoakMonitor)
#include "tst_soak_monitor.moc"
