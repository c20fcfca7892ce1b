// The rollback runner end to end: a real git workspace, SQLite, real processes (the deploy
// fixture script), the HTTP fixture for an HTTP step and a verification probe. Steps run in
// order with their arguments exactly as planned, injection strings arrive as one literal argument,
// timeouts halt and retry runs again, a skip needs a reason, abort stops, and a finished rollback
// leaves the release rolled back, deploy-locked, with its post-rollback checklist and incident.
// The two-person rule and interrupted steps: tst_rollback_resume.cpp.
#include "rollback_test_workspace.h"
#include "support/service_process.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

using namespace cockpit;
using namespace cockpit::rollbacktest;

class TestRollbackService : public RollbackTestBase {
    Q_OBJECT

    ServiceProcess m_http;

    void checkArguments(const RollbackRecord &done);
    void checkLock();
    void checkPostRollbackChecklist();
    void checkIncident(const RollbackRecord &done);

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
    QVERIFY(!output.isEmpty());  // streamed live too
    for (const QList<QVariant> &chunk : output)
        QVERIFY(!chunk.at(2).toString().contains(QStringLiteral("s3cret")));

    checkArguments(done);
    if (QTest::currentTestFailed())
        return;
    checkLock();
    if (QTest::currentTestFailed())
        return;
    checkPostRollbackChecklist();
    if (QTest::currentTestFailed())
        return;
    checkIncident(done);
}

void TestRollbackService::checkArguments(const RollbackRecord &done)
{
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
    // Output stored with the URL's password redacted.
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
}

void TestRollbackService::checkLock()
{
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
}

void TestRollbackService::checkPostRollbackChecklist()
{
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
}

void TestRollbackService::checkIncident(const RollbackRecord &done)
{
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
    QCOMPARE(refused.at(0).at(1).value<RollbackRefusal>(), RollbackRefusal::ReasonRequired);
    QVERIFY(refused.at(0).at(2).toString().contains(QStringLiteral("reason")));
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

QTEST_GUILESS_MAIN(TestRollbackService)
#include "tst_rollback_service.moc"
