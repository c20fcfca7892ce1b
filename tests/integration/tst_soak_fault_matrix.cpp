// The fault matrix: every way Prometheus can fail to show the data (down, HTTP 500, timeout,
// malformed JSON, NaN, +Inf, empty result, a Prometheus error, a scrape gap, going down mid-soak)
// run through the soak monitor with the gated-ga preset's checks. No case ever yields PASS, not
// live, not retrospective, not when the stored recording is replayed.
#include "policy_loader.h"
#include "prometheus_client.h"
#include "soak_monitor.h"
#include "support/service_process.h"
#include "support/store_test_support.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

class TestSoakFaultMatrix : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    ServiceProcess m_prometheus;
    ServiceProcess m_http;
    QString m_prometheusUrl, m_httpBase, m_deadUrl;
    QDateTime m_start;
    Policy m_policy;

    QDateTime at(int minutes) const { return m_start.addSecs(minutes * 60); }

    // A fault that hides every query fails every check; a scrape gap only those whose window
    // it empties (a 1 h increase() still sees the samples before the gap, and may pass).
    static void verifyNeverPass(const SoakEvaluation &e, const QString &why, bool everyCheck)
    {
        QVERIFY2(e.verdict != SoakVerdict::Pass, qPrintable(why));
        QVERIFY(!e.checks.isEmpty());
        for (const CheckResult &c : e.checks) {
            if (everyCheck || c.name == QLatin1String("HTTP 5xx rate"))
                QVERIFY2(c.status != CheckStatus::Pass, qPrintable(why + u' ' + c.name + u' ' + c.reason));
        }
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
        QVERIFY2(m_prometheus.start(ServiceProcess::prometheusScript(),
                     {m_tmp.filePath(QStringLiteral("prom"))}, QStringLiteral("ready")),
            qPrintable(m_prometheus.errorText()));
        m_prometheusUrl = m_prometheus.readyFields().value(1);
        m_start = QDateTime::fromSecsSinceEpoch(m_prometheus.readyFields().value(2).toLongLong(), Qt::UTC);
        const QString fixture = ServiceProcess::fixtureProgram(QStringLiteral("http_fixture"));
        QVERIFY2(m_http.start(fixture, {QStringLiteral("--delay-ms"), QStringLiteral("3000")},
                     QStringLiteral("listening")),
            qPrintable(m_http.errorText()));
        m_httpBase = QStringLiteral("http://127.0.0.1:%1").arg(m_http.readyFields().value(1));
        ServiceProcess gone;  // a port that was just free: nothing listens there any more
        QVERIFY(gone.start(fixture, {}, QStringLiteral("listening")));
        m_deadUrl = QStringLiteral("http://127.0.0.1:%1").arg(gone.readyFields().value(1));
    }

    void noFaultYieldsPass_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("expectedFailure");  // in some measurement's detail or the stale reason
        QTest::newRow("prometheus down") << m_deadUrl << "clean"
                                         << "unreachable";
        QTest::newRow("http 500") << m_httpBase + QStringLiteral("/prom500") << "clean"
                                  << "http_error";
        QTest::newRow("timeout") << m_httpBase + QStringLiteral("/promslow") << "clean"
                                 << "timeout";
        QTest::newRow("malformed json") << m_httpBase + QStringLiteral("/promgarbage") << "clean"
                                        << "";
        QTest::newRow("prometheus error") << m_httpBase + QStringLiteral("/promerror") << "clean"
                                          << "";
        QTest::newRow("nan") << m_httpBase + QStringLiteral("/promnan") << "clean"
                             << "";
        QTest::newRow("inf") << m_httpBase + QStringLiteral("/prominf") << "clean"
                             << "";
        QTest::newRow("empty result") << m_httpBase + QStringLiteral("/promempty") << "clean"
                                      << "";
        QTest::newRow("scrape gap") << m_prometheusUrl << "gap"
                                    << "";
    }

    void noFaultYieldsPass()
    {
        QFETCH(QString, url);
        QFETCH(QString, env);
        QFETCH(QString, expectedFailure);
        PrometheusClient client {QUrl(url)};
        client.setTimeout(std::chrono::milliseconds(300));
        SoakMonitor monitor(&client);
        monitor.setClock([] { return QDateTime::currentDateTimeUtc(); });
        QSignalSpy finished(&monitor, &SoakMonitor::finished);
        QSignalSpy stale(&monitor, &SoakMonitor::stale);
        monitor.evaluateWindow(soakPlanFor(m_policy, env, QStringLiteral("3.7.0"), m_start), at(120));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        const SoakEvaluation e = monitor.evaluation();
        const bool everyCheck = env != QLatin1String("gap");
        verifyNeverPass(e, QString::fromLatin1(QTest::currentDataTag()), everyCheck);
        if (!expectedFailure.isEmpty()) {
            QCOMPARE(stale.size(), 1);
            QVERIFY2(stale[0][0].toString().contains(expectedFailure), qPrintable(stale[0][0].toString()));
            QVERIFY(monitor.prometheusSilent());
        }
        // What the store keeps replays to the same: never a PASS.
        auto recording = soakRecordingFromJson(soakRecordingToJson(monitor.recording()));
        QVERIFY2(recording, test::why(recording).constData());
        verifyNeverPass(evaluateRecording(*recording), QStringLiteral("replayed"), everyCheck);
    }

    void prometheusGoingDownMidSoakIsNeverAPass()
    {
        PrometheusClient client {QUrl(m_prometheusUrl)};
        client.setTimeout(std::chrono::milliseconds(500));
        SoakMonitor monitor(&client);
        QDateTime now = at(50);
        monitor.setClock([&now] { return now; });
        monitor.setPollInterval(std::chrono::hours(1));
        QSignalSpy updated(&monitor, &SoakMonitor::updated);
        QSignalSpy finished(&monitor, &SoakMonitor::finished);
        QSignalSpy stale(&monitor, &SoakMonitor::stale);
        monitor.startLive(soakPlanFor(m_policy, QStringLiteral("clean"), QStringLiteral("3.7.0"), m_start));
        QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, 30000);
        QCOMPARE(monitor.evaluation().verdict, SoakVerdict::Running);  // healthy so far
        QCOMPARE(stale.size(), 0);

        client.setBaseUrl(QUrl(m_deadUrl));
        now = at(140);  // past the end and the grace: the missing measurements are errors now
        monitor.poll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        QCOMPARE(stale.size(), 1);
        QVERIFY(!monitor.isLive());
        const SoakEvaluation e = monitor.evaluation();
        QCOMPARE(e.verdict, SoakVerdict::Inconclusive);
        for (const CheckResult &c : e.checks) {
            QVERIFY2(c.status != CheckStatus::Pass, qPrintable(c.name));
            QCOMPARE(c.measurements.last().status, MeasurementStatus::Error);
        }
    }
};

QTEST_GUILESS_MAIN(TestSoakFaultMatrix)
#include "tst_soak_fault_matrix.moc"
