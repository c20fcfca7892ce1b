// Promotion order: a deploy to an environment is held, one blocker at a time, by each fact the
// issue names (the previous environment runs another commit or release, its soak has not
// passed, its promote_after has not passed, this environment's approvals, the gates, a hold on
// every deploy); and the policy's `promotion` key orders the environments.
#include "policy_loader.h"
#include "promotion.h"

#include <QTest>
#include <functional>

using namespace cockpit;

namespace {

const QString kCommit = QStringLiteral("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2");
const QString kOther = QStringLiteral("ffffeeeeddddccccbbbbaaaa9999888877776666");
const QDateTime kNow(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC);

EnvironmentFact env(const QString &name, const QDateTime &deployedAt)
{
    EnvironmentFact e;
    e.name = name;
    e.deployedAt = deployedAt;
    if (deployedAt.isValid()) {
        e.deployedCommit = kCommit;
        e.runningVersion = QStringLiteral("3.7.0");
    }
    return e;
}

GateResult passed(const QString &name, const QString &commit = kCommit)
{
    GateResult r;
    r.name = name;
    r.status = GateStatus::Pass;
    r.commit = commit;
    return r;
}

// 3.7.0 soaking in staging for two days, everything in order for prod.
ReadinessFacts facts()
{
    ReadinessFacts f;
    f.release.version = QStringLiteral("3.7.0");
    f.release.state = ReleaseState::Soaking;
    f.release.commit = kCommit;
    f.release.commitPinned = true;
    f.commit = kCommit;
    f.gates << GateFact {QStringLiteral("Unit tests"), QStringLiteral("run"), {}}
            << GateFact {QStringLiteral("Staging probe"), QStringLiteral("probe"), QStringLiteral("staging")};
    f.gateResults << passed(QStringLiteral("Unit tests")) << passed(QStringLiteral("Staging probe"));
    f.environments << env(QStringLiteral("dev"), kNow.addDays(-3)) << env(QStringLiteral("staging"), kNow.addDays(-2))
                   << env(QStringLiteral("prod"), {});
    f.environments[1].hasSoakChecks = true;
    f.environments[1].soakVerdict = QStringLiteral("pass");
    f.environments[1].soakStart = kNow.addDays(-2).addSecs(60);
    f.environments[2].promoteAfter = std::chrono::hours(24);
    f.soakDuration = std::chrono::hours(2);
    f.now = kNow;
    return f;
}

using Change = std::function<void(ReadinessFacts &)>;

}  // namespace

Q_DECLARE_METATYPE(Change)

class TestPromotion : public QObject {
    Q_OBJECT
private slots:
    void inOrderNothingHolds();
    void eachFactHoldsTheDeployAlone_data();
    void eachFactHoldsTheDeployAlone();
    void firstEnvironmentNeedsNoPredecessor();
    void offThePathOnlyTheHoldsApply();
    void nextEnvironmentFollowsTheOrder();
    void readinessShowsWhatHoldsTheNextEnvironment();
    void stopTheLineLeadsEveryMovesBlockers();
    void policyOrdersTheEnvironments();
    void policyRefusesAnUnknownEnvironment();
};

void TestPromotion::inOrderNothingHolds()
{
    const QList<Blocker> b = promotionBlockers(facts(), QStringLiteral("prod"));
    QVERIFY2(b.isEmpty(), qPrintable(b.isEmpty() ? QString() : b.first().what));
}

void TestPromotion::eachFactHoldsTheDeployAlone_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QDateTime>("earliest");
    QTest::newRow("staging never ran it") << Change([](ReadinessFacts &f) { f.environments[1] = env(QStringLiteral("staging"), {}); })
                                          << "promotion" << "staging comes before prod and has not run 3.7.0" << QDateTime();
    QTest::newRow("staging runs another commit")
        << Change([](ReadinessFacts &f) { f.environments[1].deployedCommit = kOther; }) << "commit"
        << "staging runs ffffeeeedddd, not a1b2c3d4e5f6 (the commit this release ships)" << QDateTime();
    QTest::newRow("staging runs another release")
        << Change([](ReadinessFacts &f) { f.environments[1].runningVersion = QStringLiteral("3.8.0"); }) << "promotion"
        << "staging now runs 3.8.0, not 3.7.0" << QDateTime();
    QTest::newRow("staging soak failed") << Change([](ReadinessFacts &f) { f.environments[1].soakVerdict = QStringLiteral("fail"); })
                                         << "soak" << "staging soak failed" << QDateTime();
    QTest::newRow("staging soak still running") << Change([](ReadinessFacts &f) {
        f.environments[1].deployedAt = kNow.addSecs(-1800);
        f.environments[1].soakStart = kNow.addSecs(-1700);
        f.environments[1].soakVerdict = QStringLiteral("running");
        f.environments[2].promoteAfter = std::chrono::seconds(0);
    }) << "soak" << "staging soak can pass at 2026-12-07 10:30 UTC" << kNow.addSecs(5400);
    QTest::newRow("promote_after not passed") << Change([](ReadinessFacts &f) {
        f.environments[1].deployedAt = kNow.addSecs(-3 * 3600);
        f.environments[1].soakStart = kNow.addSecs(-3 * 3600 + 60);
    }) << "promotion"
       << "staging may be promoted to prod at 2026-12-08 06:00 UTC (promote_after, counted from the deploy to staging)"
       << kNow.addSecs(21 * 3600);
    QTest::newRow("prod approval missing")
        << Change([](ReadinessFacts &f) { f.environments[2].approvalBlockers = {QStringLiteral("missing approval: prod_approver (0 of 1)")}; })
        << "approval" << "prod: missing approval: prod_approver (0 of 1)" << QDateTime();
    QTest::newRow("approval gate stale") << Change([](ReadinessFacts &f) { f.gateResults[0].commit = kOther; }) << "gate"
                                         << "gate Unit tests ran on ffffeeeedddd, not on a1b2c3d4e5f6 (stale)" << QDateTime();
    QTest::newRow("staging gate failed") << Change([](ReadinessFacts &f) { f.gateResults[1].status = GateStatus::Fail; })
                                         << "gate" << "gate Staging probe failed" << QDateTime();
    QTest::newRow("stop-the-line") << Change([](ReadinessFacts &f) {
        f.holds << Blocker {QStringLiteral("hold"), QStringLiteral("stop-the-line since 2026-12-07 08:00 UTC by rm@x: db incident"),
            QStringLiteral("release-cockpit freeze end"), {}, QStringLiteral("freeze")};
    }) << "hold" << "stop-the-line since 2026-12-07 08:00 UTC by rm@x: db incident" << QDateTime();
}

void TestPromotion::eachFactHoldsTheDeployAlone()
{
    QFETCH(Change, change);
    QFETCH(QString, kind);
    QFETCH(QString, what);
    QFETCH(QDateTime, earliest);
    ReadinessFacts f = facts();
    change(f);
    const QList<Blocker> b = promotionBlockers(f, QStringLiteral("prod"));
    QStringList all;
    for (const Blocker &one : b)
        all << one.kind + QStringLiteral(": ") + one.what;
    QVERIFY2(b.size() == 1, qPrintable(all.join(u'\n')));
    QCOMPARE(b.first().kind, kind);
    QCOMPARE(b.first().what, what);
    QVERIFY2(!b.first().clearsWhen.isEmpty() || kind == u"soak", qPrintable(all.join(u'\n')));
    QCOMPARE(b.first().earliest, earliest);
}

void TestPromotion::firstEnvironmentNeedsNoPredecessor()
{
    ReadinessFacts f = facts();
    for (EnvironmentFact &e : f.environments)
        e = env(e.name, {});
    f.release.state = ReleaseState::Approved;
    QVERIFY(promotionBlockers(f, QStringLiteral("dev")).isEmpty());
    QCOMPARE(promotionBlockers(f, QStringLiteral("staging")).first().what,
        QStringLiteral("dev comes before staging and has not run 3.7.0"));
}

void TestPromotion::offThePathOnlyTheHoldsApply()
{
    ReadinessFacts f = facts();
    QVERIFY(promotionBlockers(f, QStringLiteral("preview")).isEmpty());
    f.holds << Blocker {QStringLiteral("hold"), QStringLiteral("freeze window Weekend"), QStringLiteral("2026-12-07 09:00 UTC"),
        kNow.addSecs(3600), QStringLiteral("freeze")};
    QCOMPARE(promotionBlockers(f, QStringLiteral("preview")).size(), 1);
}

void TestPromotion::nextEnvironmentFollowsTheOrder()
{
    ReadinessFacts f = facts();
    QCOMPARE(nextEnvironment(f), QStringLiteral("prod"));
    f.environments[2].deployedAt = kNow;
    QCOMPARE(nextEnvironment(f), QString());
    f.environments[1].deployedAt = {};
    f.environments[2].deployedAt = {};
    QCOMPARE(nextEnvironment(f), QStringLiteral("staging"));
}

void TestPromotion::readinessShowsWhatHoldsTheNextEnvironment()
{
    ReadinessFacts f = facts();
    f.environments[2].approvalBlockers = {QStringLiteral("missing approval: prod_approver (0 of 1)")};
    const Readiness r = evaluateReadiness(f);
    QCOMPARE(r.next, std::optional<ReleaseState>(ReleaseState::Deploying));
    QCOMPARE(r.blockers.size(), 1);
    QCOMPARE(r.blockers.first().what, QStringLiteral("prod: missing approval: prod_approver (0 of 1)"));
}

void TestPromotion::stopTheLineLeadsEveryMovesBlockers()
{
    ReadinessFacts f = facts();
    f.environments[2].deployedAt = kNow;  // everywhere: the next move is released, not a deploy
    f.environments[2].deployedCommit = kCommit;
    const Blocker stop {QStringLiteral("hold"), QStringLiteral("stop-the-line since 2026-12-07 08:00 UTC by rm@x: db incident"),
        QStringLiteral("someone lifts it: release-cockpit freeze end"), {}, QStringLiteral("stop-the-line")};
    const Blocker window {QStringLiteral("hold"), QStringLiteral("freeze window Weekend until 2026-12-07 10:00 UTC"),
        QStringLiteral("the window ends at 2026-12-07 10:00 UTC"), kNow.addSecs(3600), QStringLiteral("freeze-window:Weekend")};
    QVERIFY(!evaluateReadiness(f).blocked());
    f.holds << window;  // a freeze window holds deploys only
    QVERIFY(!evaluateReadiness(f).blocked());
    f.holds << stop;
    const Readiness r = evaluateReadiness(f);
    QCOMPARE(r.next, std::optional<ReleaseState>(ReleaseState::Released));
    QCOMPARE(r.blockers.size(), 1);
    QCOMPARE(r.blockers.first().target, QStringLiteral("stop-the-line"));
}

void TestPromotion::policyOrdersTheEnvironments()
{
    const QByteArray yaml = "project: T\n"
                            "roles: {release_manager: [rm@x]}\n"
                            "release_types: {minor: {}}\n"
                            "environments:\n"
                            "  prod: {base_url: 'http://p.example'}\n"
                            "  dev: {base_url: 'http://d.example'}\n"
                            "  staging: {base_url: 'http://s.example', promote_after: 1d}\n";
    auto plain = parsePolicy(yaml, QStringLiteral("policy.yml"));
    QVERIFY2(plain, qPrintable(plain ? QString() : plain.error().message));
    QCOMPARE(plain->promotionOrder(), (QStringList {QStringLiteral("prod"), QStringLiteral("dev"), QStringLiteral("staging")}));
    auto ordered = parsePolicy(yaml + "promotion: [dev, staging, prod]\n", QStringLiteral("policy.yml"));
    QVERIFY2(ordered, qPrintable(ordered ? QString() : ordered.error().message));
    QCOMPARE(ordered->promotionOrder(), (QStringList {QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod")}));
    QCOMPARE(ordered->environment(QStringLiteral("staging"))->promoteAfter, std::chrono::seconds(86400));
}

void TestPromotion::policyRefusesAnUnknownEnvironment()
{
    const QByteArray yaml = "project: T\n"
                            "roles: {release_manager: [rm@x]}\n"
                            "release_types: {minor: {}}\n"
                            "environments:\n"
                            "  staging: {base_url: 'http://s.example'}\n"
                            "  prod: {base_url: 'http://p.example'}\n"
                            "promotion: [staging, prd]\n";
    auto policy = parsePolicy(yaml, QStringLiteral("policy.yml"));
    QVERIFY(!policy);
    QVERIFY2(policy.error().message.contains(QLatin1String("unknown environment \"prd\" (did you mean \"prod\"?)")),
        qPrintable(policy.error().message));
    QCOMPARE(policy.error().location.line, 7);
    QCOMPARE(policy.error().location.column, 22);
}

QTEST_GUILESS_MAIN(TestPromotion)
#include "tst_promotion.moc"
