// Probe-fed triggers and automatic rollback (issue 15 item 3b), through the session as the window
// and `soak watch` use it: a real HTTP fixture whose health endpoint starts failing (/sicken/),
// probed every second by the live soak monitor; an `automatic: true` trigger starts the rollback
// plan by itself, runs its argv steps (real `sh -c` processes, values through environment
// variables only) and halts at the first manual step; without `automatic` nothing starts.
#include "rollback_service.h"
#include "secret_store.h"
#include "session.h"
#include "soak_monitor.h"
#include "support/scratch_repo.h"
#include "support/service_process.h"
#include "support/store_test_support.h"
#include "webhook_client.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using cockpit::test::why;

namespace {

const Identity kAlice {QStringLiteral("alice@example.com"), QStringLiteral("Alice")};
const QString kTrigger = QStringLiteral("Failed health checks");

// The step writes what it was given through RELEASE_* variables into $AUTO_ROLLBACK_MARKER.
QByteArray policyYaml(const QString &base, bool automatic)
{
    QString yaml = QStringLiteral(
        "project: Demo\n"
        "tag_format: \"v{version}\"\n"
        "roles: {release_manager: [alice@example.com]}\n"
        "release_types: {minor: {}}\n"
        "environments:\n"
        "  production:\n"
        "    base_url: BASE/sicken\n"
        "    health: [/api/health]\n"
        "prometheus: {url: \"http://127.0.0.1:9\"}\n"
        "soak:\n"
        "  duration: 1h\n"
        "  probe_interval: 1s\n"
        "  triggers:\n"
        "    - {name: Failed health checks, probe: production, for: 2s, severity: S1, action: ACTION}\n"
        "rollback:\n"
        "  target: last_known_good\n"
        "  steps:\n"
        "    - name: Deploy previous version\n"
        "      run: [sh, -c, 'printf \"%s %s %s\\n\" \"$RELEASE_ROLLBACK_TAG\" \"$RELEASE_VERSION\" \"$RELEASE_TRIGGER\" "
        "> \"$AUTO_ROLLBACK_MARKER\"']\n"
        "    - {name: Check the dashboards, manual: Confirm error rates are back to normal}\n"
        "    - name: Announce\n"
        "      run: [sh, -c, 'touch \"$AUTO_ROLLBACK_MARKER.after\"']\n"
        "notifications:\n"
        "  - {name: Rollback halted, event: rollback_halted, channel: \"#ops\", subject: \"Rollback of {version} "
        "halted\", body: \"The automatic rollback of {version} needs a person.\"}\n");
    yaml.replace(QStringLiteral("BASE"), base)
        .replace(QStringLiteral("ACTION"),
            automatic ? QStringLiteral("Automatic rollback, automatic: true") : QStringLiteral("Rollback"));
    return yaml.toUtf8();
}

}  // namespace

class TestAutoRollback : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Session> m_session;
    ServiceProcess m_http;
    QElapsedTimer m_sinceFixture;
    QString m_marker;
    QString m_hooks;  // what the fixture's /hooks/ received, one JSON line a request

    // A workspace (tag v3.6.0, 3.6.0 soaked PASS, 3.7.0 deployed to production) whose production
    // is a fixture healthy for its first 3 s, then failing.
    void setUp(bool automatic)
    {
        m_session.reset();
        m_store.reset();
        m_http.stop();
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_marker = m_tmp->filePath(QStringLiteral("marker"));
        m_hooks = m_tmp->filePath(QStringLiteral("hooks.jsonl"));
        qputenv("AUTO_ROLLBACK_MARKER", m_marker.toUtf8());
        QVERIFY2(m_http.start(ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")),
                     {QStringLiteral("--rollout-ms"), QStringLiteral("3000"), QStringLiteral("--record"), m_hooks},
                     QStringLiteral("listening")),
            qPrintable(m_http.errorText()));
        m_sinceFixture.start();
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_http.readyFields().value(1));
        ScratchRepo repo(m_tmp->filePath(QStringLiteral("repo")));
        repo.commit(QStringLiteral("initial"), {{QStringLiteral(".release-cockpit/policy.yml"), policyYaml(base, automatic)}});
        repo.tag(QStringLiteral("v3.6.0"));
        repo.commit(QStringLiteral("feature"), {{QStringLiteral("a.txt"), "a"}});
        QVERIFY2(repo.ok(), qPrintable(repo.error()));
        auto ws = Workspace::load(repo.dir());
        QVERIFY2(ws, why(ws).constData());
        m_store = std::make_unique<Store>();
        auto opened = m_store->open(m_tmp->filePath(QStringLiteral("cockpit.sqlite")));
        COCKPIT_AWAIT(opened);
        QVERIFY2(opened.result(), why(opened.result()).constData());
        for (const QString &v : {QStringLiteral("3.6.0"), QStringLiteral("3.7.0")}) {
            auto created = m_store->createRelease(test::sampleRelease(v), Checklist {}, kAlice.id);
            COCKPIT_AWAIT(created);
            QVERIFY2(created.result(), why(created.result()).constData());
        }
        auto soak = m_store->saveSoakRecording(
            QStringLiteral("3.6.0"), QStringLiteral("production"), "{}", QStringLiteral("pass"), kAlice.id);
        COCKPIT_AWAIT(soak);
        auto deployed = m_store->recordDeployment(QStringLiteral("3.7.0"), QStringLiteral("production"), kAlice.id);
        COCKPIT_AWAIT(deployed);
        QVERIFY2(deployed.result(), why(deployed.result()).constData());
        m_session = std::make_unique<Session>(m_store.get(), *ws, kAlice);
        // The project's webhook, in the keychain (there is one when the session has a bus).
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            auto stored = SecretStore::write(WebhookClient::keychainKey(QStringLiteral("Demo")),
                base + QStringLiteral("/hooks/T000/B000/token"));
            COCKPIT_AWAIT(stored);
            QVERIFY2(stored.result(), why(stored.result()).constData());
        }
    }

    std::unique_ptr<SoakMonitor> startWatch()
    {
        std::unique_ptr<SoakMonitor> monitor(m_session->createSoakMonitor(nullptr));
        if (!monitor)
            return monitor;
        m_session->watchSoak(monitor.get(), QStringLiteral("3.7.0"));
        monitor->startLive(soakPlanFor(m_session->workspace().policy, QStringLiteral("production"),
            QStringLiteral("3.7.0"), QDateTime::currentDateTimeUtc()));
        return monitor;
    }

    template <typename T> T await(QFuture<T> future)
    {
        [&] { COCKPIT_AWAIT(future); }();
        return future.result();
    }

private slots:
    void automaticTriggerRollsBackAndHaltsAtTheManualStep()
    {
        setUp(true);
        QSignalSpy events(m_session.get(), &Session::changed);
        auto monitor = startWatch();
        QVERIFY(monitor);
        QSignalSpy fired(monitor.get(), &SoakMonitor::triggerFired);
        QTRY_COMPARE_WITH_TIMEOUT(fired.count(), 1, 20000);
        // Healthy for 3 s (the fixture's clock started a little before ours), then failing for its
        // `for` (2 s): firing on the first failing probe would be at about 3 s.
        QVERIFY2(m_sinceFixture.elapsed() >= 4000, qPrintable(QString::number(m_sinceFixture.elapsed())));
        QCOMPARE(fired.first().at(0).toString(), kTrigger);
        const auto verdicts = [&] {
            QStringList v;
            for (const QList<QVariant> &args : std::as_const(events)) {
                const auto e = args.at(0).value<SessionEvent>();
                if (e.kind == SessionEvent::Kind::AutomaticRollback)
                    v << e.verdict;
            }
            return v;
        };
        QTRY_COMPARE_WITH_TIMEOUT(verdicts(), (QStringList {QStringLiteral("started"), QStringLiteral("halted")}), 20000);
        SessionEvent halted;
        for (const QList<QVariant> &args : std::as_const(events))
            if (args.at(0).value<SessionEvent>().verdict == u"halted")
                halted = args.at(0).value<SessionEvent>();
        QCOMPARE(halted.target, kTrigger);
        QVERIFY2(halted.detail.contains(QStringLiteral("HALTED at step 2: it needs a person (Confirm error rates are "
                                                        "back to normal)")),
            qPrintable(halted.detail));
        QVERIFY(!m_session->automaticRollbackRunning());

        // The argv step ran as a real process with the plan's values in its environment.
        QFile marker(m_marker);
        QVERIFY(marker.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(marker.readAll()).trimmed(), QStringLiteral("v3.6.0 3.7.0 ") + kTrigger);
        QVERIFY2(!QFile::exists(m_marker + QStringLiteral(".after")), "a step after the manual one ran");

        const auto record = await(m_session->rollbacks().latest(QStringLiteral("3.7.0")));
        QVERIFY2(record, why(record).constData());
        QCOMPARE(record->state, RollbackState::Halted);
        QVERIFY2(record->note.startsWith(QStringLiteral("it needs a person")), qPrintable(record->note));
        QVERIFY(record->plan.automatic);
        QCOMPARE(record->plan.trigger, kTrigger);
        QCOMPARE(record->requestedBy, kAlice.id);
        QCOMPARE(record->steps.at(0).state, RollbackStepState::Succeeded);
        QCOMPARE(record->steps.at(1).state, RollbackStepState::Pending);
        QCOMPARE(record->steps.at(2).state, RollbackStepState::Pending);
        // The reason says what the trigger saw: the failing probe and its failed check.
        QVERIFY2(record->plan.reason.contains(QStringLiteral("probe of production failing")), qPrintable(record->plan.reason));
        QVERIFY2(record->plan.reason.contains(QStringLiteral("health /api/health")), qPrintable(record->plan.reason));

        const auto incidents = await(m_session->rollbacks().incidents(QStringLiteral("3.7.0")));
        QVERIFY2(incidents, why(incidents).constData());
        QCOMPARE(incidents->first().cause, kTrigger);

        // The audit log names it automatic, with the trigger.
        const auto audit = await(m_store->auditLog(QStringLiteral("3.7.0")));
        QVERIFY2(audit, why(audit).constData());
        bool found = false;
        for (const AuditEntry &e : *audit)
            if (e.action == u"rollback.request") {
                found = true;
                QCOMPARE(e.actor, kAlice.id);
                QCOMPARE(e.after.value(QStringLiteral("automatic")).toBool(), true);
                QCOMPARE(e.after.value(QStringLiteral("trigger")).toString(), kTrigger);
            }
        QVERIFY(found);

        // The recording keeps the probes: healthy first, failing later.
        const SoakRecording recording = monitor->recording();
        const QList<Sample> samples = recording.triggers.first().series.series.first().samples;
        QVERIFY(samples.size() >= 4);
        QCOMPARE(samples.first().value, 0.0);
        QCOMPARE(samples.last().value, 1.0);
        QVERIFY(evaluateRecording(recording).triggers.first().fired);

        // The policy's rollback_halted notification went to the project's webhook.
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            const auto hooks = [&] {
                QFile f(m_hooks);
                return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            };
            QTRY_VERIFY_WITH_TIMEOUT(hooks().contains("Rollback of 3.7.0 halted"), 10000);
            QVERIFY(hooks().contains("/hooks/T000/B000/token"));
        }
    }

    void triggerWithoutAutomaticStartsNothing()
    {
        setUp(false);
        QSignalSpy events(m_session.get(), &Session::changed);
        auto monitor = startWatch();
        QVERIFY(monitor);
        QSignalSpy fired(monitor.get(), &SoakMonitor::triggerFired);
        QTRY_COMPARE_WITH_TIMEOUT(fired.count(), 1, 20000);
        QCOMPARE(monitor->evaluation().verdict, SoakVerdict::Fail);
        QTest::qWait(2000);  // time enough for a rollback to have been planned and started
        for (const QList<QVariant> &args : std::as_const(events))
            QVERIFY(args.at(0).value<SessionEvent>().kind != SessionEvent::Kind::AutomaticRollback);
        const auto record = await(m_session->rollbacks().latest(QStringLiteral("3.7.0")));
        QVERIFY(!record);
        QCOMPARE(record.error().code, ErrorCode::NotFound);
        QVERIFY(!QFile::exists(m_marker));
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_store.reset();
    }
};

QTEST_GUILESS_MAIN(TestAutoRollback)
#include "tst_auto_rollback.moc"
