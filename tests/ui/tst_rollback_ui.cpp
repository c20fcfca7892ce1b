// The incident lead's rollback UI offscreen, against a real SQLite store, a real git workspace and
// real processes as steps: the header panel with its window, the plan dialog's typed
// confirmation and resolved arguments, a run to Succeeded (the panel turns into the rolled-back
// badge), a failing step that halts with Retry/Skip/Abort (Skip needs a reason), the two-person
// wait, and the Incidents tab with its lock. Screenshots of each go to the temp folder.
#include "incident_tab.h"
#include "release_header.h"
#include "session.h"
#include "rollback_panel.h"
#include "rollback_plan_dialog.h"
#include "rollback_plan_view.h"
#include "rollback_reason_dialog.h"
#include "rollback_run_dialog.h"
#include "rollback_service.h"
#include "rollback_ui_fixture.h"
#include "store.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace cockpit;

using namespace rollback_ui_fixture;

class TstRollbackUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    Desk m_desk;  // one person: 1.1.0-rc1 (confirm), 1.1.0 (a run), 1.2.0 (failing), 1.3.0 (crashed)

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        buildDesk(m_desk, m_dir.filePath(QStringLiteral("one")), false,
            {QStringLiteral("1.1.0-rc1"), QStringLiteral("1.1.0"), QStringLiteral("1.2.0"),
                QStringLiteral("1.3.0"), QStringLiteral("1.5.0")});
    }

    void panelShowsTheWindowCountingDown()
    {
        ReleaseHeader header;  // where the window puts it
        auto *panelInHeader = new RollbackPanel;
        header.setTrailingWidget(panelInHeader);
        header.setRelease(releaseOf(m_desk, QStringLiteral("1.1.0")));
        header.setChecklistProgress(1, 3, 0);
        RollbackPanel &panel = *panelInHeader;
        showOn(panel, m_desk, QStringLiteral("1.1.0"));
        header.resize(1100, header.sizeHint().height());
        header.show();
        QVERIFY(QTest::qWaitForWindowExposed(&header));
        save(&header, QStringLiteral("rollback-header.png"));
        QVERIFY(!panel.isHidden());
        QVERIFY(!panel.rollbackButton()->isHidden());
        QCOMPARE(panel.rollbackButton()->objectName(), QStringLiteral("rollbackButton"));
        QVERIFY(panel.rollbackButton()->toolTip().contains(QLatin1String("Ctrl+Shift+B")));
        QVERIFY2(panel.windowText().startsWith(QLatin1String("Rollback window 11 h")),
            qPrintable(panel.windowText()));
        panel.setClock([] { return QDateTime::currentDateTimeUtc().addSecs(14 * 3600); });
        QVERIFY2(panel.windowText().startsWith(QLatin1String("Rollback window closed 2 h")),
            qPrintable(panel.windowText()));
        QVERIFY(panel.rollbackButton()->isEnabled());  // late, but still possible (the dialog warns)
        RollbackPlanDialog *plan = openPlan(panel);
        QVERIFY(plan);
        auto *warning = plan->findChild<QLabel *>(QStringLiteral("rollbackWindowWarning"));
        QVERIFY(warning && !warning->isHidden());
        QVERIFY(warning->text().contains(QLatin1String("closed 2 h")));
        plan->close();
    }

    // Issue 15: while a canary runs, the old version still serves and a rollback sets the traffic
    // back first: the window has not begun, nothing has expired; it begins at 100%.
    void canaryWindowBeginsAtOneHundredPercent()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        RollbackWindow w;
        w.deployedAt = now.addSecs(-30 * 3600);
        w.length = std::chrono::hours(24);
        w.canaryPercent = 50;
        QCOMPARE(w.text(now), QStringLiteral("Canary at 50%: a rollback sets it to 0% first"));
        QVERIFY(!w.expired(now));
        w.canaryPercent.reset();
        QVERIFY(w.expired(now));
        w.deployedAt = now.addSecs(-2 * 3600);  // completed two hours ago
        QVERIFY2(w.text(now).startsWith(QLatin1String("Rollback window 22 h")), qPrintable(w.text(now)));
    }

    void confirmNeedsTheExactVersion()
    {
        RollbackPanel panel;
        showOn(panel, m_desk, QStringLiteral("1.1.0-rc1"));
        RollbackPlanDialog *plan = openPlan(panel);
        QVERIFY(plan);
        QVERIFY2(plan->errorText().isEmpty(), qPrintable(plan->errorText()));
        QCOMPARE(plan->planView()->stepCount(), 3);
        // Resolved: {rollback_tag} inside one argument, the program and argument boxed apart.
        const QString announce = plan->planView()->stepText(0);
        QVERIFY2(announce.contains(QStringLiteral("/bin/echo · rolling back 1.1.0-rc1 to v1.0.0")),
            qPrintable(announce));
        QVERIFY2(plan->planView()->stepText(1).contains(QStringLiteral("-e · ") + m_desk.marker),
            qPrintable(plan->planView()->stepText(1)));
        QVERIFY(plan->planView()->stepText(0).contains(QLatin1String("timeout 30 s")));
        QVERIFY(plan->planView()->targetText().contains(QLatin1String("v1.0.0")));
        QLineEdit *typed = plan->versionEdit();
        QVERIFY(!plan->confirmButton()->isEnabled());
        for (const QString &wrong :
            {QStringLiteral("1.1.0-RC1"), QStringLiteral("1.1.0-rc1 "), QStringLiteral(" 1.1.0-rc1"),
                QStringLiteral("1.0.0"), QStringLiteral("v1.1.0-rc1"), QStringLiteral("1.1.0-rc")}) {
            typed->clear();
            QTest::keyClicks(typed, wrong);
            QVERIFY2(!plan->confirmButton()->isEnabled(), qPrintable(wrong));
        }
        typed->clear();
        QTest::keyClicks(typed, QStringLiteral("1.1.0-rc1"));
        // No trigger fired here: the reason is the incident's cause, so it is required.
        QVERIFY(!plan->confirmButton()->isEnabled());
        QVERIFY2(plan->confirmButton()->toolTip().contains(QLatin1String("reason")),
            qPrintable(plan->confirmButton()->toolTip()));
        QTest::keyClicks(plan->reasonEdit(), QStringLiteral("errors after deploy"));
        QTRY_VERIFY_WITH_TIMEOUT(plan->confirmButton()->isEnabled(), 30000);
        QVERIFY(plan->confirmButton()->toolTip().isEmpty());
        plan->close();
    }

    void planErrorsAreShownInTheDialog()
    {
        auto created = settle(
            m_desk.service->createRelease({QStringLiteral("1.4.0"), {}, QStringLiteral("minor"), {}}));
        QVERIFY2(created.has_value(), why(created).constData());
        RollbackPanel panel;
        showOn(panel, m_desk, QStringLiteral("1.4.0"));
        QVERIFY(panel.isHidden());  // never deployed: nothing to roll back in the header
        panel.requestRollback();  // Release > Roll Back… still asks
        RollbackPlanDialog *plan = panel.planDialog();
        QVERIFY(plan);
        QSignalSpy shown(plan, &RollbackPlanDialog::planShown);
        QVERIFY(shown.wait(30000));
        QVERIFY2(
            plan->errorText().contains(QLatin1String("Cannot roll back")), qPrintable(plan->errorText()));
        QVERIFY2(plan->errorText().contains(QLatin1String("deployed")), qPrintable(plan->errorText()));
        QCOMPARE(plan->planView()->stepCount(), 0);
        QTest::keyClicks(plan->versionEdit(), QStringLiteral("1.4.0"));
        QVERIFY(!plan->confirmButton()->isEnabled());
        plan->close();
    }

    void runReachesSucceededAndThePanelShowsTheBadge()
    {
        QFile ok(m_desk.marker);
        QVERIFY(ok.open(QIODevice::WriteOnly));
        ok.close();
        RollbackPanel panel;
        showOn(panel, m_desk, QStringLiteral("1.1.0"));
        panel.requestRollback(kTrigger);  // as the Soak tab's trigger banner does
        RollbackPlanDialog *plan = panel.planDialog();
        QVERIFY(plan);
        QSignalSpy planned(plan, &RollbackPlanDialog::planShown);
        QVERIFY(planned.wait(30000));
        auto *cause = plan->findChild<QLabel *>(QStringLiteral("rollbackPlanCause"));
        QVERIFY(cause && cause->text().contains(kTrigger));
        plan->reasonEdit()->setText(QStringLiteral("5xx after deploy"));
        QSignalSpy replanned(plan, &RollbackPlanDialog::planShown);
        QTest::keyClick(plan->reasonEdit(), Qt::Key_Period);  // typing replans: {reason} is in a step
        QVERIFY(replanned.wait(30000));
        QVERIFY(plan->planView()->stepText(2).contains(QLatin1String("5xx after deploy.")));
        QTest::keyClicks(plan->versionEdit(), QStringLiteral("1.1.0"));
        QVERIFY(plan->confirmButton()->isEnabled());
        plan->resize(860, 600);
        save(plan, QStringLiteral("rollback-plan.png"));
        plan->confirmButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(panel.runDialog(), 30000);
        RollbackRunDialog *run = panel.runDialog();
        QTRY_VERIFY_WITH_TIMEOUT(run->doneButton()->isVisible(), 30000);  // the manual step waits
        QVERIFY2(run->stepStateText(0) == QStringLiteral("Succeeded"), qPrintable(run->stepStateText(0)));
        QVERIFY(run->stepStateText(2).contains(QLatin1String("Waiting for you")));
        run->stepsView()->setCurrentItem(run->stepsView()->topLevelItem(0));
        QVERIFY2(run->outputView()->toPlainText().contains(QLatin1String("rolling back 1.1.0 to v1.0.0")),
            qPrintable(run->outputView()->toPlainText()));
        save(run, QStringLiteral("rollback-run.png"));
        run->doneButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 30000);
        QCOMPARE(run->record().state, RollbackState::Succeeded);
        QVERIFY(run->openIncidentButton()->isEnabled());
        QVERIFY(run->statusText().startsWith(QLatin1String("Succeeded")));
        QTRY_VERIFY_WITH_TIMEOUT(panel.showsRolledBack(), 30000);
        QVERIFY(panel.rollbackButton()->isHidden());
        auto *lock = panel.findChild<QLabel *>(QStringLiteral("deployLockLabel"));
        QVERIFY(lock);
        QTRY_VERIFY_WITH_TIMEOUT(lock->isVisible() && lock->text().contains(QLatin1String("Deploys locked")), 30000);
        save(&panel, QStringLiteral("rollback-header-rolled-back.png"));
        QCOMPARE(releaseOf(m_desk, QStringLiteral("1.1.0")).state, ReleaseState::RolledBack);
        run->close();
    }

    void incidentsTabListsTheIncidentAndLiftsTheLock()
    {
        IncidentTab tab;
        tab.resize(1000, 640);
        tab.setSession(m_desk.service.get());
        QSignalSpy loaded(&tab, &IncidentTab::loaded);
        tab.showRelease(releaseOf(m_desk, QStringLiteral("1.1.0")));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(tab.incidents().size(), 1);
        QCOMPARE(tab.incidentList()->topLevelItemCount(), 1);
        QVERIFY2(tab.summaryText().contains(kTrigger), qPrintable(tab.summaryText()));
        QVERIFY(tab.summaryText().contains(QLatin1String("severity <b>S1</b>")));
        QVERIFY(tab.summaryText().contains(QLatin1String("time to recovery")));
        QTreeWidget *timeline = tab.timelineView();
        QVERIFY(timeline->topLevelItemCount() >= 6);  // trigger, requested, 3 steps, finished, lock
        QTreeWidgetItem *announce = nullptr;
        for (int i = 0; i < timeline->topLevelItemCount(); ++i)
            if (timeline->topLevelItem(i)->text(1).contains(QLatin1String("Announce: succeeded")))
                announce = timeline->topLevelItem(i);
        QVERIFY(announce && announce->childCount() == 1);  // its output, folded
        QVERIFY(!announce->isExpanded());
        QVERIFY(announce->child(0)->text(0).contains(QLatin1String("rolling back 1.1.0 to v1.0.0")));
        announce->setExpanded(true);
        QVERIFY2(tab.checklistText().contains(QLatin1String("Post-Rollback Actions</b> has 0 of 2")),
            qPrintable(tab.checklistText()));
        QVERIFY2(tab.lockText().contains(QLatin1String("locked")), qPrintable(tab.lockText()));
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        save(&tab, QStringLiteral("incidents-tab.png"));
        tab.liftButton()->click();
        auto *ask = tab.findChild<RollbackReasonDialog *>();
        QVERIFY(ask);
        QVERIFY(!ask->okButton()->isEnabled());  // a reason is required
        QTest::keyClicks(ask->reasonEdit(), QStringLiteral("fix verified in 1.1.1"));
        QVERIFY(ask->okButton()->isEnabled());
        QSignalSpy said(&tab, &ReleaseTab::statusMessage);
        ask->okButton()->click();
        QTRY_VERIFY2_WITH_TIMEOUT(tab.lockText().contains(QLatin1String("lifted")),
            qPrintable(tab.lockText() + u'|' + (said.isEmpty() ? QString() : said.last().first().toString())),
            30000);
        QVERIFY(tab.lockText().contains(QLatin1String("fix verified in 1.1.1")));
        // The header reads the same lock (Store::deployLock): lifted there too, not "locked".
        RollbackPanel header;
        showOn(header, m_desk, QStringLiteral("1.1.0"));
        auto *headerLock = header.findChild<QLabel *>(QStringLiteral("deployLockLabel"));
        QVERIFY(header.showsRolledBack() && headerLock);
        QVERIFY2(headerLock->text().contains(QLatin1String("Deploys not locked")), qPrintable(headerLock->text()));

        IncidentTab none;
        none.setSession(m_desk.service.get());
        QSignalSpy noneLoaded(&none, &IncidentTab::loaded);
        none.showRelease(releaseOf(m_desk, QStringLiteral("1.2.0")));
        QVERIFY(noneLoaded.wait(30000));
        QVERIFY2(none.emptyText().startsWith(QLatin1String("No incidents for 1.2.0")),
            qPrintable(none.emptyText()));
    }

    void failingStepHaltsAndSkipNeedsAReason()
    {
        QFile::remove(m_desk.marker);
        RollbackPanel panel;
        showOn(panel, m_desk, QStringLiteral("1.2.0"));
        RollbackPlanDialog *plan = openPlan(panel);
        QVERIFY(plan);
        plan->reasonEdit()->setText(QStringLiteral("latency"));
        QTest::keyClicks(plan->versionEdit(), QStringLiteral("1.2.0"));
        QTRY_VERIFY(plan->confirmButton()->isEnabled());
        plan->confirmButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(panel.runDialog(), 30000);
        RollbackRunDialog *run = panel.runDialog();
        QTRY_VERIFY_WITH_TIMEOUT(run->record().state == RollbackState::Halted, 30000);
        QVERIFY2(
            run->stepStateText(1).startsWith(QStringLiteral("Failed")), qPrintable(run->stepStateText(1)));
        QVERIFY(run->stepStateText(1).contains(QLatin1String("exit 1")));
        QCOMPARE(run->stepStateText(2), QStringLiteral("Not run"));
        QVERIFY(run->retryButton()->isEnabled() && run->retryButton()->isVisible());
        QVERIFY(run->skipButton()->isEnabled());
        QVERIFY(run->abortButton()->isEnabled());
        save(run, QStringLiteral("rollback-run-halted.png"));
        run->skipButton()->click();
        auto *ask = run->findChild<RollbackReasonDialog *>();
        QVERIFY(ask);
        QVERIFY(!ask->okButton()->isEnabled());
        QTest::keyClicks(ask->reasonEdit(), QStringLiteral("   "));
        QVERIFY(!ask->okButton()->isEnabled());  // blanks are no reason
        QTest::keyClicks(ask->reasonEdit(), QStringLiteral("deployed by hand"));
        ask->okButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(run->stepStateText(1).startsWith(QStringLiteral("Skipped")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(run->doneButton()->isVisible(), 30000);  // goes on to the manual step
        run->notDoneButton()->click();
        auto *note = run->findChild<RollbackReasonDialog *>();
        QVERIFY(note && !note->okButton()->isEnabled());
        note->reject();
        run->doneButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 30000);
        QCOMPARE(run->record().steps[1].note, QStringLiteral("deployed by hand"));
        run->close();
    }

    // A halted, then aborted rollback leaves its incident open: the header says so, never the
    // window counting down as if nothing happened.
    void abortedRollbackKeepsTheIncidentInTheHeader()
    {
        const QString version = QStringLiteral("1.5.0");
        RollbackService service(&m_desk.service->releases());
        auto plan = settle(service.plan(version, QStringLiteral("checkout errors")));
        QVERIFY2(plan.has_value(), why(plan).constData());
        auto record = settle(service.confirm(*plan, version));
        QVERIFY2(record.has_value(), why(record).constData());
        RollbackStepRecord step = record->steps.first();
        step.state = RollbackStepState::Failed;
        step.attempt = 1;
        auto halted = settle(
            m_desk.store->saveRollbackStep(record->id, step, RollbackState::Halted, QStringLiteral("exit 1"), kManager.id));
        QVERIFY2(halted.has_value(), why(halted).constData());
        {
            RollbackPanel panel;
            showOn(panel, m_desk, version);
            QVERIFY2(panel.noticeText().startsWith(QLatin1String("Incident open since")), qPrintable(panel.noticeText()));
            QVERIFY(panel.noticeText().contains(QLatin1String("checkout errors")));
            QVERIFY(panel.noticeText().contains(QLatin1String("rollback halted: 0 of 3")));
            QVERIFY(panel.windowText().isEmpty());
        }
        auto aborted = settle(m_desk.store->abortRollback(record->id, QStringLiteral("false alarm"), kManager.id));
        QVERIFY2(aborted.has_value(), why(aborted).constData());
        RollbackPanel panel;
        showOn(panel, m_desk, version);
        QVERIFY2(panel.noticeText().startsWith(QLatin1String("Incident open since")), qPrintable(panel.noticeText()));
        QVERIFY(panel.noticeText().contains(QLatin1String("checkout errors")));
        QVERIFY(panel.noticeText().contains(QLatin1String("rollback aborted")));
        QVERIFY2(panel.windowText().isEmpty(), qPrintable(panel.windowText()));
        QVERIFY(panel.rollbackButton()->isVisible() || !panel.rollbackButton()->isHidden());  // may try again
        save(&panel, QStringLiteral("rollback-header-incident-open.png"));
    }

    // A cockpit that died while step 1 ran left it Running under its runner: shown Interrupted,
    // and nothing runs until a person retries it.
    void interruptedRollbackResumesOnlyWhenAsked()
    {
        const QString version = QStringLiteral("1.3.0");
        {
            RollbackService crashed(&m_desk.service->releases());
            auto plan = settle(crashed.plan(version, QStringLiteral("crash test")));
            QVERIFY2(plan.has_value(), why(plan).constData());
            auto record = settle(crashed.confirm(*plan, version));
            QVERIFY2(record.has_value(), why(record).constData());
            RollbackStepRecord step = record->steps.first();
            step.state = RollbackStepState::Running;
            step.attempt = 1;
            step.startedAt = QDateTime::currentDateTimeUtc();
            step.runner = QStringLiteral("gone-host:4242");
            auto saved = settle(
                m_desk.store->saveRollbackStep(record->id, step, RollbackState::Running, {}, kManager.id));
            QVERIFY2(saved.has_value(), why(saved).constData());
        }
        RollbackPanel panel;
        showOn(panel, m_desk, version);
        QVERIFY2(panel.noticeText().startsWith(QLatin1String("Rollback interrupted: 0 of 3")),
            qPrintable(panel.noticeText()));
        QVERIFY(panel.rollbackButton()->isHidden());
        QCOMPARE(panel.resumeButton()->text(), QStringLiteral("Resume…"));
        panel.resumeButton()->click();
        RollbackRunDialog *run = panel.runDialog();
        QVERIFY(run);
        QCOMPARE(run->stepStateText(0), QStringLiteral("Interrupted"));
        QCOMPARE(run->stepStateText(1), QStringLiteral("Not run"));
        QVERIFY2(run->statusText().startsWith(QLatin1String("Interrupted at step 1 of 3")),
            qPrintable(run->statusText()));
        QVERIFY(run->retryButton()->isVisible() && run->retryButton()->isEnabled());
        QVERIFY(run->skipButton()->isEnabled());
        QVERIFY(!panel.rollbackService()->isRunning());  // opening it ran nothing
        QFile ok(m_desk.marker);
        QVERIFY(ok.open(QIODevice::WriteOnly));
        ok.close();
        run->retryButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(run->doneButton()->isVisible(), 30000);
        QCOMPARE(run->record().steps.first().attempt, 2);
        run->doneButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(run->isFinished(), 30000);
        QCOMPARE(run->record().state, RollbackState::Succeeded);
    }

    void twoPersonRuleWaitsForTheSecond()
    {
        Desk desk;
        buildDesk(desk, m_dir.filePath(QStringLiteral("two")), true, {QStringLiteral("2.1.0")});
        QFile ok(desk.marker);
        QVERIFY(ok.open(QIODevice::WriteOnly));
        ok.close();
        RollbackPanel panel;
        showOn(panel, desk, QStringLiteral("2.1.0"));
        RollbackPlanDialog *plan = openPlan(panel);
        QVERIFY(plan);
        QTest::keyClicks(plan->reasonEdit(), QStringLiteral("errors after deploy"));
        QTest::keyClicks(plan->versionEdit(), QStringLiteral("2.1.0"));
        QTRY_VERIFY_WITH_TIMEOUT(plan->confirmButton()->isEnabled(), 30000);  // replanned with the reason
        plan->confirmButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(plan->isWaiting(), 30000);
        QVERIFY2(plan->waitingText().contains(QLatin1String("Waiting for a second person to approve")),
            qPrintable(plan->waitingText()));
        QVERIFY(plan->waitingText().contains(QLatin1String("rollback 2.1.0 --approve")));
        QVERIFY(!panel.runDialog());  // nothing runs before the approval
        save(plan, QStringLiteral("rollback-plan-waiting.png"));
        plan->setPollInterval(200);

        // The second person, in their own cockpit on the same store.
        Session leadDesk(desk.store.get(), desk.service->workspace(), kLead);
        RollbackService leadRollbacks(&leadDesk.releases());
        auto latest = settle(leadRollbacks.latest(QStringLiteral("2.1.0")));
        QVERIFY2(latest.has_value(), why(latest).constData());
        QCOMPARE(latest->state, RollbackState::AwaitingApproval);
        auto approved = settle(leadRollbacks.approve(latest->id));
        QVERIFY2(approved.has_value(), why(approved).constData());
        QTRY_VERIFY_WITH_TIMEOUT(panel.runDialog(), 30000);  // the requester's cockpit goes on
        QCOMPARE(panel.runDialog()->record().approvedBy, kLead.id);
        QTRY_VERIFY_WITH_TIMEOUT(panel.runDialog()->doneButton()->isVisible(), 30000);
        panel.runDialog()->doneButton()->click();
        QTRY_VERIFY2_WITH_TIMEOUT(
            panel.runDialog()->isFinished(), qPrintable(panel.runDialog()->statusText()), 30000);
    }
};

QTEST_MAIN(TstRollbackUi)
#include "tst_rollback_ui.moc"
