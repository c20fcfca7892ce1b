// The rollback runner end to end: a real git workspace, SQLite, real processes (the deploy
// fixture script), the HTTP fixture for an HTTP step and a verification probe. Steps run in
// order with their arguments exactly as planned, injection strings arrive as one literal argument,
// timeouts halt, retry/skip/abort behave, the two-person rule holds, and a finished rollback
// leaves the release rolled back, deploy-locked, with its post-rollback checklist and incident.
#include "release_service.h"
#include "rollback_service.h"
#include "support/scratch_repo.h"
#include "support/service_process.h"
#include "support/store_test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using cockpit::test::why;

namespace {

const Identity kAlice {QStringLiteral("alice@example.com"), QStringLiteral("Alice")};
const Identity kBob {QStringLiteral("bob@example.com"), QStringLiteral("Bob")};
const QString kTrigger = QStringLiteral("5xx above 5% for 5 minutes");
const QString kInjection = QStringLiteral("; rm -rf ~ $(touch pwned) `touch pwned2`\nline2 'q' \"dq\"");

QString fixtureScript()
{
    return QStringLiteral(COCKPIT_SOURCE_DIR "/tests/fixtures/deploy_fixture.sh");
}

// The policy; STEPS is replaced by the test's steps, BASE by the HTTP fixture's URL.
QByteArray policyYaml(const QString &steps, const QString &base, bool twoPerson = false)
{
    QString yaml = QStringLiteral(
        "project: Demo\n"
        "tag_format: \"v{version}\"\n"
        "roles: {release_manager: [alice@example.com]}\n"
        "release_types: {minor: {}}\n"
        "environments:\n"
        "  production:\n"
        "    base_url: BASE/ok\n"
        "    health: [/api/health, /api/health/ready]\n"
        "    version: {path: /api/health, pointer: /version}\n"
        "prometheus: {url: \"http://127.0.0.1:9\"}\n"
        "soak:\n"
        "  triggers:\n"
        "    - {name: 5xx above 5% for 5 minutes, query: 'x', max: 5, for: 5m, severity: S1}\n"
        "rollback:\n"
        "  target: last_known_good\n"
        "  two_person: TWO\n"
        "  checklist: post-rollback\n"
        "  steps:\n");
    yaml.replace(QStringLiteral("BASE"), base).replace(QStringLiteral("TWO"), twoPerson ? "true" : "false");
    return (yaml + steps).toUtf8();
}

QString step(const QString &name, const QStringList &args, const QString &extra = {})
{
    QStringList quoted {u'"' + fixtureScript() + u'"'};
    for (const QString &a : args)
        quoted << u'"' + a + u'"';
    return QStringLiteral("    - {name: %1, run: [%2]%3}\n")
        .arg(name, quoted.join(QStringLiteral(", ")), extra);
}

// One record per run of the fixture: its arguments.
QList<QStringList> invocations(const QString &log)
{
    QFile f(log);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> runs;
    const QString text = QString::fromUtf8(f.readAll());
    for (QString record : text.split(QStringLiteral("=== deploy_fixture\n"), Qt::SkipEmptyParts)) {
        record.chop(QStringLiteral("=== end\n").size());
        // Arguments are one per line; one with a newline in it spans two, so compare joined text.
        runs << QStringList {record.left(record.size() - 1)};
    }
    return runs;
}

}  // namespace

class TestRollbackService : public QObject {
    Q_OBJECT

    ServiceProcess m_http;
    QString m_base;
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<Store> m_store;
    std::optional<Workspace> m_ws;
    std::unique_ptr<ReleaseService> m_alice, m_bob;
    std::unique_ptr<RollbackService> m_service;
    QString m_log, m_marker, m_hookLog;

    // A fresh workspace (tag v3.6.0, release 3.6.0 soaked PASS, release 3.7.0 deployed to production).
    void setUpWorkspace(const QString &steps, bool twoPerson = false)
    {
        m_service.reset();
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_log = m_tmp->filePath(QStringLiteral("deploy.log"));
        m_marker = m_tmp->filePath(QStringLiteral("marker"));
        qputenv("DEPLOY_FIXTURE_LOG", m_log.toUtf8());
        ScratchRepo repo(m_tmp->filePath(QStringLiteral("repo")));
        QFile post(
            QStringLiteral(COCKPIT_SOURCE_DIR "/resources/presets/gated-ga/checklists/post-rollback.md"));
        QVERIFY(post.open(QIODevice::ReadOnly));
        QString stepsText = steps;
        stepsText.replace(QStringLiteral("MARKER"), m_marker).replace(QStringLiteral("BASE"), m_base);
        repo.commit(QStringLiteral("initial"),
            {{QStringLiteral(".release-cockpit/policy.yml"), policyYaml(stepsText, m_base, twoPerson)},
                {QStringLiteral(".release-cockpit/checklists/post-rollback.md"), post.readAll()}});
        repo.tag(QStringLiteral("v3.6.0"));
        repo.commit(QStringLiteral("feature"), {{QStringLiteral("a.txt"), "a"}});
        QVERIFY2(repo.ok(), qPrintable(repo.error()));
        auto ws = Workspace::load(repo.dir());
        QVERIFY2(ws, why(ws).constData());
        m_ws = *ws;
        m_store = std::make_unique<Store>();
        auto opened = m_store->open(m_tmp->filePath(QStringLiteral("cockpit.sqlite")));
        COCKPIT_AWAIT(opened);
        QVERIFY2(opened.result(), why(opened.result()).constData());
        m_alice = std::make_unique<ReleaseService>(m_store.get(), *m_ws, kAlice);
        m_bob = std::make_unique<ReleaseService>(m_store.get(), *m_ws, kBob);
        for (const QString &v : {QStringLiteral("3.6.0"), QStringLiteral("3.7.0")}) {
            auto created = m_store->createRelease(test::sampleRelease(v), Checklist {}, kAlice.id);
            COCKPIT_AWAIT(created);
            QVERIFY2(created.result(), why(created.result()).constData());
        }
        auto soak = m_store->saveSoakRecording(
            QStringLiteral("3.6.0"), QStringLiteral("production"), "{}", QStringLiteral("pass"), kAlice.id);
        COCKPIT_AWAIT(soak);
        auto deployed
            = m_store->recordDeployment(QStringLiteral("3.7.0"), QStringLiteral("production"), kAlice.id);
        COCKPIT_AWAIT(deployed);
        QVERIFY2(deployed.result(), why(deployed.result()).constData());
        m_service = std::make_unique<RollbackService>(m_alice.get());
    }

    RollbackRecord confirmed(const QString &reason = QStringLiteral("errors"), const QString &trigger = {})
    {
        auto plan = m_service->plan(QStringLiteral("3.7.0"), reason, trigger);
        [&] { COCKPIT_AWAIT(plan); }();
        if (!plan.result()) {
            qWarning() << plan.result().error().toString();
            return {};
        }
        auto record = m_service->confirm(*plan.result(), QStringLiteral("3.7.0"));
        [&] { COCKPIT_AWAIT(record); }();
        return record.result().value_or(RollbackRecord {});
    }

    template <typename T> T await(QFuture<T> future)
    {
        [&] { COCKPIT_AWAIT(future); }();
        return future.result();
    }

private slots:
    void initTestCase()
    {
        const QString program = ServiceProcess::fixtureProgram(QStringLiteral("http_fixture"));
        const QString hooks
            = QDir::temp().filePath(QStringLiteral("rollback_hooks_%1.jsonl").arg(qApp->applicationPid()));
        m_hookLog = hooks;
        QVERIFY2(
            m_http.start(program,
                {QStringLiteral("--version"), QStringLiteral("3.6.0"), QStringLiteral("--record"), hooks},
                QStringLiteral("listening")),
            qPrintable(m_http.errorText()));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_http.readyFields().value(1));
    }

    void cleanupTestCase() { QFile::remove(m_hookLog); }

    void fullRollbackLeavesLockChecklistAndIncident();
    void timeoutHaltsAndRetryRunsAgain();
    void skipNeedsAReason();
    void abortStopsWithoutRollingBack();
    void twoPersonRule();
    void interruptedStepWaitsForRetry();
};

void TestRollbackService::fullRollbackLeavesLockChecklistAndIncident()
{
    setUpWorkspace(
        step(QStringLiteral("Disable writes"), {QStringLiteral("writes"), QStringLiteral("disable")})
        + step(QStringLiteral("Deploy previous version"),
            {QStringLiteral("--tag"), QStringLiteral("{rollback_tag}"), QStringLiteral("{reason}"),
                QStringLiteral("--echo"), QStringLiteral("https://deploy:s3cret@example.com/{version}")},
            QStringLiteral(", timeout: 30s"))
        + QStringLiteral(
            "    - {name: Announce, http: {method: POST, url: \"BASE/hooks/rollback\", body: "
            "'{\"text\": \"{reason}\"}', headers: {Content-Type: application/json}}}\n"
            "    - {name: Verify, probe: production}\n"
            "    - {name: Create incident record, manual: \"Create the incident record: {reason}\"}\n"));
    if (QTest::currentTestFailed())
        return;
    const RollbackRecord record = confirmed(kInjection, kTrigger);
    QVERIFY(record.id > 0);
    QCOMPARE(record.plan.targetVersion, QStringLiteral("3.6.0"));
    QCOMPARE(record.plan.targetSource, QStringLiteral("last_known_good"));
    QSignalSpy waiting(m_service.get(), &RollbackService::waitingForPerson);
    QSignalSpy finished(m_service.get(), &RollbackService::finished);
    QSignalSpy output(m_service.get(), &RollbackService::stepOutput);
    m_service->run(record.id);
    QVERIFY(waiting.wait(30000));
    QCOMPARE(waiting.at(0).at(1).toInt(), 4);
    QCOMPARE(waiting.at(0).at(2).toString(), QStringLiteral("Create the incident record: ") + kInjection);
    m_service->confirmManual(record.id, true, QStringLiteral("INC-42"));
    QVERIFY(finished.wait(30000));
    const auto done = finished.at(0).at(0).value<RollbackRecord>();
    QCOMPARE(done.state, RollbackState::Succeeded);

    // Arguments exactly as planned, the injection string one literal argument, nothing run by it.
    const QList<QStringList> runs = invocations(m_log);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).first(), QStringLiteral("writes\ndisable"));
    QCOMPARE(runs.at(1).first(),
        QStringLiteral("--tag\nv3.6.0\n") + kInjection
            + QStringLiteral("\n--echo\nhttps://deploy:s3cret@example.com/3.7.0"));
    QVERIFY(!QFile::exists(QDir(m_ws->root).filePath(QStringLiteral("pwned"))));
    QVERIFY(!QFile::exists(QDir(m_ws->root).filePath(QStringLiteral("pwned2"))));
    QVERIFY(!QFile::exists(QDir::current().filePath(QStringLiteral("pwned"))));
    // Output live and stored, with the URL's password redacted.
    QVERIFY(!output.isEmpty());
    QVERIFY(done.steps.at(1).output.contains(QStringLiteral("https://deploy:[redacted]@example.com/3.7.0")));
    QVERIFY(!done.steps.at(1).output.contains(QStringLiteral("s3cret")));
    QCOMPARE(done.steps.at(1).exitCode.value_or(-1), 0);
    QCOMPARE(done.steps.at(2).exitCode.value_or(-1), 200);
    QFile hooks(m_hookLog);
    QVERIFY(hooks.open(QIODevice::ReadOnly));
    const QByteArray lastHook = hooks.readAll().trimmed().split('\n').last();
    const QJsonObject body = QJsonDocument::fromJson(
        QJsonDocument::fromJson(lastHook).object().value(QStringLiteral("body")).toString().toUtf8())
                                 .object();
    QCOMPARE(body.value(QStringLiteral("text")).toString(), kInjection);
    QCOMPARE(done.steps.at(3).state, RollbackStepState::Succeeded);
    QCOMPARE(done.steps.at(4).note, QStringLiteral("INC-42"));

    // The release is rolled back and locked; deploys are refused until the lock is lifted.
    QCOMPARE(await(m_store->release(QStringLiteral("3.7.0")))->state, ReleaseState::RolledBack);
    auto lock = await(m_service->deployLock(QStringLiteral("3.7.0")));
    QVERIFY(lock && *lock);
    QVERIFY((*lock)->reason.contains(kTrigger));
    auto refused
        = await(m_store->recordDeployment(QStringLiteral("3.7.0"), QStringLiteral("production"), kAlice.id));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Refused);
    QVERIFY(refused.error().message.contains(kTrigger));
    QVERIFY(refused.error().message.contains(kAlice.id));
    QCOMPARE(await(m_service->liftDeployLock(QStringLiteral("3.7.0"), {})).error().code, ErrorCode::BadInput);
    QVERIFY(
        await(m_service->liftDeployLock(QStringLiteral("3.7.0"), QStringLiteral("fix verified in 3.7.1"))));
    QVERIFY(!*await(m_service->deployLock(QStringLiteral("3.7.0"))));
    QVERIFY(await(m_store->recordDeployment(QStringLiteral("3.7.0"), QStringLiteral("staging"), kAlice.id)));

    // The post-rollback checklist (seed 000 section 6.3) is on the release, its items tickable.
    auto checklist = await(m_store->checklist(QStringLiteral("3.7.0")));
    QVERIFY(checklist);
    QCOMPARE(checklist->phases.size(), 1);
    QCOMPARE(checklist->phases.at(0).name, QStringLiteral("post-rollback"));
    const ChecklistItem *first = checklist->findItem(QStringLiteral("post-rollback.1"));
    QVERIFY(first);
    QCOMPARE(first->text, QStringLiteral("Create incident record"));
    QVERIFY(checklist->findItem(QStringLiteral("post-rollback.5")));
    QCOMPARE(checklist->findItem(QStringLiteral("post-rollback.5"))->text,
        QStringLiteral("Block re-release until fix verified"));
    QVERIFY(
        await(m_alice->setItem(QStringLiteral("3.7.0"), QStringLiteral("post-rollback.1"), ItemState::Done)));

    // The incident: trigger with its severity, who asked, each step with output, the probe.
    auto incidents = await(m_service->incidents(QStringLiteral("3.7.0")));
    QVERIFY2(incidents, why(incidents).constData());
    QCOMPARE(incidents->size(), 1);
    const Incident &incident = incidents->first();
    QCOMPARE(incident.cause, kTrigger);
    QCOMPARE(incident.severity, QStringLiteral("S1"));
    QCOMPARE(incident.openedAt, done.requestedAt);
    QCOMPARE(incident.recoveredAt, done.finishedAt);
    QStringList kinds;
    for (const IncidentEvent &e : incident.timeline)
        kinds << e.kind;
    QCOMPARE(kinds,
        (QStringList {QStringLiteral("trigger"), QStringLiteral("requested"), QStringLiteral("step"),
            QStringLiteral("step"), QStringLiteral("step"), QStringLiteral("probe"), QStringLiteral("step"),
            QStringLiteral("finished"), QStringLiteral("lock"), QStringLiteral("lift")}));
    QCOMPARE(incident.timeline.at(1).actor, kAlice.id);
    QVERIFY(incident.timeline.at(3).detail.contains(QStringLiteral("deploy_fixture: done (exit 0)")));
    QVERIFY(incident.timeline.at(5).detail.contains(QStringLiteral("\"env\": \"production\"")));
    QVERIFY(incident.timeline.at(5).text.startsWith(QStringLiteral("Verify: succeeded")));
}

void TestRollbackService::timeoutHaltsAndRetryRunsAgain()
{
    setUpWorkspace(step(QStringLiteral("Slow deploy"),
                       {QStringLiteral("slow"), QStringLiteral("--sleep-if"), QStringLiteral("MARKER"),
                           QStringLiteral("30")},
                       QStringLiteral(", timeout: 1s"))
        + step(QStringLiteral("After"), {QStringLiteral("after")}));
    if (QTest::currentTestFailed())
        return;
    QFile(m_marker).open(QIODevice::WriteOnly);
    const RollbackRecord record = confirmed();
    QSignalSpy halted(m_service.get(), &RollbackService::halted);
    QSignalSpy finished(m_service.get(), &RollbackService::finished);
    QElapsedTimer clock;
    clock.start();
    m_service->run(record.id);
    QVERIFY(halted.wait(20000));
    QVERIFY(clock.elapsed() < 15000);  // killed at its timeout, sleep and all, not after 30 s
    QCOMPARE(halted.at(0).at(1).toInt(), 0);
    auto latest = await(m_service->latest(QStringLiteral("3.7.0")));
    QVERIFY(latest);
    QCOMPARE(latest->state, RollbackState::Halted);
    QCOMPARE(latest->steps.at(0).state, RollbackStepState::TimedOut);
    QCOMPARE(latest->steps.at(1).state, RollbackStepState::Pending);
    QCOMPARE(invocations(m_log).size(), 1);
    QFile::remove(m_marker);
    m_service->retry(record.id);
    QVERIFY(finished.wait(20000));
    const auto done = finished.at(0).at(0).value<RollbackRecord>();
    QCOMPARE(done.state, RollbackState::Succeeded);
    QCOMPARE(done.steps.at(0).attempt, 2);
    QCOMPARE(invocations(m_log).size(), 3);  // slow twice, after once
}

void TestRollbackService::skipNeedsAReason()
{
    setUpWorkspace(step(QStringLiteral("Flaky"),
                       {QStringLiteral("flaky"), QStringLiteral("--fail"), QStringLiteral("3")})
        + QStringLiteral("    - {name: Announce, http: {method: POST, url: \"BASE/hooks/fail\", body: x}}\n")
        + step(QStringLiteral("After"), {QStringLiteral("after")}));
    if (QTest::currentTestFailed())
        return;
    const RollbackRecord record = confirmed();
    QSignalSpy halted(m_service.get(), &RollbackService::halted);
    QSignalSpy refused(m_service.get(), &RollbackService::refused);
    QSignalSpy finished(m_service.get(), &RollbackService::finished);
    m_service->run(record.id);
    QVERIFY(halted.wait(20000));
    QVERIFY(halted.at(0).at(2).toString().contains(QStringLiteral("exit 3")));
    m_service->skip(record.id, QStringLiteral("  "));
    QCOMPARE(refused.size(), 1);
    QVERIFY(refused.at(0).at(1).toString().contains(QStringLiteral("reason")));
    QCOMPARE(await(m_service->latest(QStringLiteral("3.7.0")))->steps.at(0).state, RollbackStepState::Failed);
    m_service->skip(record.id, QStringLiteral("writes were never enabled"));
    QVERIFY(halted.wait(20000));  // the HTTP step answers 500
    QCOMPARE(halted.at(1).at(1).toInt(), 1);
    auto latest = await(m_service->latest(QStringLiteral("3.7.0")));
    QCOMPARE(latest->steps.at(0).state, RollbackStepState::Skipped);
    QCOMPARE(latest->steps.at(0).note, QStringLiteral("writes were never enabled"));
    QCOMPARE(latest->steps.at(1).state, RollbackStepState::Failed);
    QCOMPARE(latest->steps.at(1).exitCode.value_or(-1), 500);
    m_service->skip(record.id, QStringLiteral("chat is down"));
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.at(0).at(0).value<RollbackRecord>().state, RollbackState::Succeeded);
    QCOMPARE(invocations(m_log).size(), 2);
}

void TestRollbackService::abortStopsWithoutRollingBack()
{
    setUpWorkspace(step(QStringLiteral("Broken"), {QStringLiteral("--fail"), QStringLiteral("1")})
        + step(QStringLiteral("After"), {QStringLiteral("after")}));
    if (QTest::currentTestFailed())
        return;
    const RollbackRecord record = confirmed();
    QSignalSpy halted(m_service.get(), &RollbackService::halted);
    QSignalSpy finished(m_service.get(), &RollbackService::finished);
    m_service->run(record.id);
    QVERIFY(halted.wait(20000));
    m_service->abort(record.id, QStringLiteral("wrong target"));
    QVERIFY(finished.wait(20000));
    const auto done = finished.at(0).at(0).value<RollbackRecord>();
    QCOMPARE(done.state, RollbackState::Aborted);
    QCOMPARE(done.note, QStringLiteral("wrong target"));
    QCOMPARE(done.steps.at(1).state, RollbackStepState::Pending);
    QCOMPARE(await(m_store->release(QStringLiteral("3.7.0")))->state, ReleaseState::Soaking);
    QVERIFY(!*await(m_service->deployLock(QStringLiteral("3.7.0"))));
    QCOMPARE(invocations(m_log).size(), 1);
    // A new rollback may be asked for once the old one is finished.
    QVERIFY(confirmed().id > record.id);
}

void TestRollbackService::twoPersonRule()
{
    setUpWorkspace(step(QStringLiteral("Deploy"), {QStringLiteral("deploy")}), true);
    if (QTest::currentTestFailed())
        return;
    auto plan = await(m_service->plan(QStringLiteral("3.7.0"), QStringLiteral("errors")));
    QVERIFY2(plan, why(plan).constData());
    QVERIFY(plan->twoPerson);
    auto mistyped = await(m_service->confirm(*plan, QStringLiteral("3.7")));
    QCOMPARE(mistyped.error().code, ErrorCode::Refused);
    auto record = await(m_service->confirm(*plan, QStringLiteral("3.7.0")));
    QVERIFY2(record, why(record).constData());
    QCOMPARE(record->state, RollbackState::AwaitingApproval);
    QSignalSpy refused(m_service.get(), &RollbackService::refused);
    m_service->run(record->id);
    QVERIFY(refused.wait(10000));
    QCOMPARE(invocations(m_log).size(), 0);
    auto self = await(m_service->approve(record->id));
    QVERIFY(!self);
    QCOMPARE(self.error().code, ErrorCode::Refused);
    RollbackService bobs(m_bob.get());
    auto approved = await(bobs.approve(record->id));
    QVERIFY2(approved, why(approved).constData());
    QCOMPARE(approved->state, RollbackState::Running);
    QCOMPARE(approved->approvedBy, kBob.id);
    QSignalSpy finished(m_service.get(), &RollbackService::finished);
    m_service->run(record->id);
    QVERIFY(finished.wait(20000));
    QCOMPARE(invocations(m_log).size(), 1);
    auto incidents = await(m_service->incidents(QStringLiteral("3.7.0")));
    QVERIFY(incidents);
    QCOMPARE(incidents->first().timeline.at(1).kind, QStringLiteral("approved"));
    QCOMPARE(incidents->first().timeline.at(1).actor, kBob.id);
}

void TestRollbackService::interruptedStepWaitsForRetry()
{
    setUpWorkspace(step(QStringLiteral("First"), {QStringLiteral("first")})
        + step(QStringLiteral("Second"), {QStringLiteral("second")}));
    if (QTest::currentTestFailed())
        return;
    const RollbackRecord record = confirmed();
    // As a process killed mid-step leaves it: the step stored running by a pid that is gone.
    RollbackStepRecord running = record.steps.at(0);
    running.state = RollbackStepState::Running;
    running.attempt = 1;
    running.startedAt = QDateTime::currentDateTimeUtc();
    running.runner = QStringLiteral("%1:999999999").arg(QSysInfo::machineHostName());
    QVERIFY(await(m_store->saveRollbackStep(record.id, running, std::nullopt, {}, kAlice.id)));
    QCOMPARE(
        await(m_service->latest(QStringLiteral("3.7.0")))->steps.at(0).state, RollbackStepState::Interrupted);
    QSignalSpy halted(m_service.get(), &RollbackService::halted);
    QSignalSpy finished(m_service.get(), &RollbackService::finished);
    m_service->run(record.id);
    QVERIFY(halted.wait(10000));
    QVERIFY(halted.at(0).at(2).toString().contains(QStringLiteral("interrupted")));
    QCOMPARE(invocations(m_log).size(), 0);  // never rerun on its own
    m_service->run(record.id);
    QVERIFY(halted.wait(10000));
    QCOMPARE(invocations(m_log).size(), 0);
    m_service->retry(record.id);
    QVERIFY(finished.wait(20000));
    const auto done = finished.at(0).at(0).value<RollbackRecord>();
    QCOMPARE(done.steps.at(0).attempt, 2);
    QCOMPARE(invocations(m_log).size(), 2);
}

QTEST_GUILESS_MAIN(TestRollbackService)
#include "tst_rollback_service.moc"
