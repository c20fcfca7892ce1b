// Rollbacks that wait for people or survive a crash: the two-person rule (the requester cannot
// approve; another identity can, and only then do steps run) and a step left running by a
// process that is gone, which is shown interrupted and run again only by retry().
#include "rollback_test_workspace.h"

#include <QSignalSpy>

using namespace cockpit;
using namespace cockpit::rollbacktest;

class TestRollbackResume : public RollbackTestBase {
    Q_OBJECT

private slots:
    void twoPersonRule();
    void interruptedStepWaitsForRetry();
    void checklistTemplateAppendsOnce();
};

void TestRollbackResume::twoPersonRule()
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
    QCOMPARE(refused.at(0).at(1).value<RollbackRefusal>(), RollbackRefusal::AwaitingApproval);
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

void TestRollbackResume::interruptedStepWaitsForRetry()
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

void TestRollbackResume::checklistTemplateAppendsOnce()
{
    setUpWorkspace(step(QStringLiteral("Deploy"), {QStringLiteral("deploy")}));
    if (QTest::currentTestFailed())
        return;
    const ChecklistPhase post = m_ws->templates.value(QStringLiteral("post-rollback"));
    QVERIFY(post.itemCount() >= 5);
    auto appended = await(m_store->appendChecklistPhase(QStringLiteral("3.7.0"), post, kAlice.id));
    QVERIFY2(appended, why(appended).constData());
    QCOMPARE(appended->itemCount(), post.itemCount());
    auto again = await(m_store->appendChecklistPhase(QStringLiteral("3.7.0"), post, kAlice.id));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    auto log = await(m_store->auditLog(QStringLiteral("3.7.0")));
    QVERIFY(log);
    QCOMPARE(log->last().action, QStringLiteral("checklist.append"));
}

QTEST_GUILESS_MAIN(TestRollbackResume)
#include "tst_rollback_resume.moc"
