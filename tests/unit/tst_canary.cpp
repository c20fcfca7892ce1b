// Canary phases (issue 15 item 3): the state folded from the stored events, the decision what a
// canary does next (the runaway guard: no checks, no auto-advance), the set_traffic argv and the
// staged rollback shares; the policy keys with their errors.
#include "canary.h"
#include "policy_loader.h"

#include <QTest>

using namespace cockpit;

namespace {

const QDateTime kT0(QDate(2026, 12, 7), QTime(8, 0), Qt::UTC);

// The base_url escapes a slash: moc reads two slashes in a raw string as a comment start.
const QByteArray kPolicy = R"(project: Demo
roles:
  release_manager: [rm@example.com]
release_types:
  minor: {canary: true}
environments:
  production: {base_url: "http:/\/127.0.0.1:1"}
canary:
  environment: production
  release_types: [minor]
  cleanup_after: 72h
  set_traffic: [nginx-weights, --canary, "{percent}", --version, "v{version}", --phase, "{phase}", "{env}"]
  rollback: staged
  phases:
    - name: Ten
      traffic: 10
      duration: 1h
      checks:
        - {name: Errors, query: errors, max: 1, interval: 10m}
      triggers:
        - {name: Error rate >5%, query: errors, max: 5, action: Rollback}
    - name: Fifty
      traffic: 50
      duration: 1h
    - name: All
      traffic: 100
)";

Policy policy()
{
    auto p = parsePolicy(kPolicy, QStringLiteral("policy.yml"));
    if (!p)
        qFatal("%s", qPrintable(p.error().message));
    return *p;
}

CanaryEvent canaryEvent(CanaryEventKind kind, int phase, int percent, const QDateTime &at, bool automatic = false)
{
    CanaryEvent e;
    e.kind = kind;
    e.phase = phase;
    e.percent = percent;
    e.at = at;
    e.automatic = automatic;
    e.actor = QStringLiteral("rm@example.com");
    return e;
}

SoakEvaluation analysis(SoakVerdict verdict)
{
    SoakEvaluation e;
    e.verdict = verdict;
    e.reason = QStringLiteral("because");
    return e;
}

}  // namespace

class TestCanary : public QObject {
    Q_OBJECT
private slots:
    void policyKeys()
    {
        const Policy p = policy();
        QVERIFY(p.canary);
        QCOMPARE(p.canary->setTraffic.size(), 8);
        QVERIFY(p.canary->stagedRollback);
        QCOMPARE(p.canary->setTrafficTimeout, std::chrono::seconds(120));
    }
    void badRollbackKeyNamesItsPlace()
    {
        QByteArray yaml = kPolicy;
        yaml.replace("rollback: staged", "rollback: slowly");
        auto p = parsePolicy(yaml, QStringLiteral("policy.yml"));
        QVERIFY(!p);
        QVERIFY2(p.error().toString().startsWith(QStringLiteral("policy.yml:13:")), qPrintable(p.error().toString()));
        QVERIFY2(p.error().message.contains(QStringLiteral("staged or immediate")), qPrintable(p.error().message));
    }
    void setTrafficIsEmptyListRefused()
    {
        QByteArray yaml = kPolicy;
        yaml.replace(R"(set_traffic: [nginx-weights, --canary, "{percent}", --version, "v{version}", --phase, "{phase}", "{env}"])",
            "set_traffic: []");
        auto p = parsePolicy(yaml, QStringLiteral("policy.yml"));
        QVERIFY(!p);
        QVERIFY2(p.error().toString().startsWith(QStringLiteral("policy.yml:12:16")), qPrintable(p.error().toString()));
    }
    void trafficCommandReplacesPlaceholdersPerArgument()
    {
        const Policy p = policy();
        QCOMPARE(canaryTrafficCommand(*p.canary, QStringLiteral("1.4.0; rm -rf /"), 1, 50),
            (QStringList {QStringLiteral("nginx-weights"), QStringLiteral("--canary"), QStringLiteral("50"),
                QStringLiteral("--version"), QStringLiteral("v1.4.0; rm -rf /"), QStringLiteral("--phase"),
                QStringLiteral("2"), QStringLiteral("production")}));
    }
    void rollbackShares()
    {
        Policy p = policy();
        QCOMPARE(canaryRollbackShares(*p.canary, 100), (QList<int> {50, 10, 0}));
        QCOMPARE(canaryRollbackShares(*p.canary, 50), (QList<int> {10, 0}));
        QCOMPARE(canaryRollbackShares(*p.canary, 10), (QList<int> {0}));
        p.canary->stagedRollback = false;
        QCOMPARE(canaryRollbackShares(*p.canary, 100), (QList<int> {0}));
    }
    void foldsPhasesAndWhoAdvanced()
    {
        const Policy p = policy();
        QList<CanaryEvent> events {canaryEvent(CanaryEventKind::Start, 0, 0, kT0),
            canaryEvent(CanaryEventKind::Traffic, 0, 10, kT0.addSecs(5)),
            canaryEvent(CanaryEventKind::Verdict, 0, 0, kT0.addSecs(3600)),
            canaryEvent(CanaryEventKind::Traffic, 1, 50, kT0.addSecs(3700), true)};
        events[2].verdict = QStringLiteral("pass");
        const CanaryStatus s = foldCanary(*p.canary, events);
        QCOMPARE(s.state, CanaryState::Running);
        QCOMPARE(s.phase, 1);
        QCOMPARE(s.percent, 50);
        QCOMPARE(s.phaseEndsAt, std::optional(kT0.addSecs(3700 + 3600)));
        QCOMPARE(s.steps.at(0).verdict, QStringLiteral("pass"));
        QCOMPARE(s.steps.at(0).advancedBy, QStringLiteral("cockpit (automatic)"));
        QCOMPARE(s.steps.at(0).endedAt, std::optional(kT0.addSecs(3700)));
        QCOMPARE(s.headline(kT0.addSecs(7300)).left(27), QStringLiteral("canary 50%, phase 2 of 3, p"));
        QVERIFY(s.headline(kT0.addSecs(7300)).contains(QStringLiteral("passes at")));
    }
    void failedTrafficPausesAtTheLastConfirmedPercent()
    {
        const Policy p = policy();
        QList<CanaryEvent> events {canaryEvent(CanaryEventKind::Start, 0, 0, kT0),
            canaryEvent(CanaryEventKind::Traffic, 0, 10, kT0), canaryEvent(CanaryEventKind::TrafficFailed, 1, 50, kT0.addSecs(3600))};
        events[2].detail = QStringLiteral("exit 1");
        const CanaryStatus s = foldCanary(*p.canary, events);
        QCOMPARE(s.state, CanaryState::Paused);
        QCOMPARE(s.percent, 10);  // nothing claims 50%
        QCOMPARE(s.phase, 0);
        QVERIFY(s.pausedReason.contains(QStringLiteral("50%")));
    }
    void abortAndCompleteAndCleanup()
    {
        const Policy p = policy();
        CanaryStatus s = foldCanary(*p.canary,
            {canaryEvent(CanaryEventKind::Start, 0, 0, kT0), canaryEvent(CanaryEventKind::Traffic, 0, 10, kT0),
                canaryEvent(CanaryEventKind::Abort, 0, 0, kT0.addSecs(60))});
        QCOMPARE(s.state, CanaryState::Aborted);
        QCOMPARE(s.percent, 0);
        QVERIFY(!s.active());
        s = foldCanary(*p.canary,
            {canaryEvent(CanaryEventKind::Start, 0, 0, kT0), canaryEvent(CanaryEventKind::Traffic, 2, 100, kT0),
                canaryEvent(CanaryEventKind::Complete, 2, 100, kT0.addSecs(10))});
        QCOMPARE(s.state, CanaryState::Completed);
        QCOMPARE(s.cleanupDue, std::optional(kT0.addSecs(10 + 72 * 3600)));
    }
    void decisions_data()
    {
        QTest::addColumn<int>("phase");
        QTest::addColumn<int>("minutesIn");
        QTest::addColumn<int>("verdict");  // -1: no analysis
        QTest::addColumn<bool>("stale");
        QTest::addColumn<bool>("triggerFired");
        QTest::addColumn<int>("next");
        QTest::addColumn<QString>("record");
        const int none = -1;
        const int pass = int(SoakVerdict::Pass), fail = int(SoakVerdict::Fail), running = int(SoakVerdict::Running),
                  inconclusive = int(SoakVerdict::Inconclusive);
        QTest::newRow("phase 1 watching") << 0 << 30 << running << false << false << int(CanaryNext::Wait) << "";
        QTest::newRow("phase 1 passed, window not over") << 0 << 30 << pass << false << false << int(CanaryNext::Wait) << "";
        QTest::newRow("phase 1 passed and over") << 0 << 61 << pass << false << false << int(CanaryNext::Advance) << "pass";
        QTest::newRow("phase 1 failed") << 0 << 30 << fail << false << false << int(CanaryNext::Pause) << "fail";
        QTest::newRow("trigger fired") << 0 << 10 << running << false << true << int(CanaryNext::Pause) << "";
        QTest::newRow("prometheus down never advances") << 0 << 61 << none << true << false << int(CanaryNext::Wait) << "";
        QTest::newRow("inconclusive asks a person") << 0 << 61 << inconclusive << false << false << int(CanaryNext::AwaitPerson) << "";
        QTest::newRow("no checks: window first") << 1 << 30 << none << false << false << int(CanaryNext::Wait) << "";
        QTest::newRow("no checks: runaway guard") << 1 << 61 << pass << false << false << int(CanaryNext::AwaitPerson) << "";
        QTest::newRow("last phase 100% completes") << 2 << 0 << none << false << false << int(CanaryNext::Complete) << "";
    }
    void decisions()
    {
        QFETCH(int, phase);
        QFETCH(int, minutesIn);
        QFETCH(int, verdict);
        QFETCH(bool, stale);
        QFETCH(bool, triggerFired);
        QFETCH(int, next);
        QFETCH(QString, record);
        const Policy p = policy();
        const int percents[] {10, 50, 100};
        const CanaryStatus s = foldCanary(*p.canary,
            {canaryEvent(CanaryEventKind::Start, 0, 0, kT0), canaryEvent(CanaryEventKind::Traffic, phase, percents[phase], kT0)});
        std::optional<SoakEvaluation> a;
        if (verdict >= 0)
            a = analysis(SoakVerdict(verdict));
        if (triggerFired) {
            TriggerResult t;
            t.name = QStringLiteral("Error rate >5%");
            t.fired = t.active = true;
            t.since = kT0.addSecs(300);
            t.action = QStringLiteral("Rollback");
            a->triggers << t;
        }
        const CanaryDecision d = decideCanary(*p.canary, s, a, stale, kT0.addSecs(minutesIn * 60));
        QVERIFY2(int(d.next) == next, qPrintable(d.reason));
        QCOMPARE(d.verdictToRecord, record);
        QVERIFY(!d.reason.isEmpty());
        if (triggerFired)
            QCOMPARE(d.rollbackTrigger, QStringLiteral("Error rate >5%"));
    }
    void aResumedBreachIsNotPausedAgain()
    {
        const Policy p = policy();
        QList<CanaryEvent> events {canaryEvent(CanaryEventKind::Start, 0, 0, kT0), canaryEvent(CanaryEventKind::Traffic, 0, 10, kT0),
            canaryEvent(CanaryEventKind::Pause, 0, 0, kT0.addSecs(400), true),
            canaryEvent(CanaryEventKind::Resume, 0, 0, kT0.addSecs(900))};
        const CanaryStatus s = foldCanary(*p.canary, events);
        QCOMPARE(s.state, CanaryState::Running);
        SoakEvaluation a = analysis(SoakVerdict::Running);
        TriggerResult t;
        t.name = QStringLiteral("Error rate >5%");
        t.fired = true;
        t.since = kT0.addSecs(300);
        a.triggers << t;
        QCOMPARE(decideCanary(*p.canary, s, a, false, kT0.addSecs(1000)).next, CanaryNext::Wait);
        a.triggers[0].since = kT0.addSecs(950);  // fired again after the resume
        QCOMPARE(decideCanary(*p.canary, s, a, false, kT0.addSecs(1000)).next, CanaryNext::Pause);
    }
    void eventNamesRoundTrip()
    {
        for (auto kind : {CanaryEventKind::Start, CanaryEventKind::Traffic, CanaryEventKind::TrafficFailed,
                 CanaryEventKind::Verdict, CanaryEventKind::Pause, CanaryEventKind::Resume, CanaryEventKind::Abort,
                 CanaryEventKind::Complete})
            QCOMPARE(canaryEventKindFromName(canaryEventKindName(kind)), std::optional(kind));
        QVERIFY(!canaryEventKindFromName(QStringLiteral("advance")));
    }
};

QTEST_GUILESS_MAIN(TestCanary)
#include "tst_canary.moc"
