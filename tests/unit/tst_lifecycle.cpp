// The lifecycle's edges for every pair of states, and readiness: each move refused with its
// blockers named, allowed when they clear, and the earliest time when time is the blocker.
#include "lifecycle.h"
#include "readiness.h"

#include <QJsonArray>
#include <QTest>

using namespace cockpit;

namespace {

using S = ReleaseState;
const QList<S> kAll {S::Draft, S::Frozen, S::Candidate, S::Approved, S::Deploying, S::Soaking, S::Released,
    S::RolledBack, S::Aborted};

ChecklistItem item(const QString &key, ItemState state, const QString &check = {})
{
    ChecklistItem i;
    i.key = key;
    i.text = QStringLiteral("item %1").arg(key);
    i.state = state;
    i.check = check;
    return i;
}

ChecklistPhase phase(const QString &name, QList<ChecklistItem> items)
{
    ChecklistPhase p;
    p.name = name;
    p.sections << ChecklistSection {QString(), 0, std::move(items)};
    return p;
}

const QString kCommit = QStringLiteral("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2");
const QDateTime kNow(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC);

ReadinessFacts facts(S state)
{
    ReadinessFacts f;
    f.release.version = QStringLiteral("3.7.0");
    f.release.state = state;
    f.release.commit = kCommit;
    f.release.commitPinned = state != S::Draft;
    f.release.branch = QStringLiteral("main");
    f.commit = kCommit;
    f.checklist.phases << phase(QStringLiteral("pre-release"),
        {item(QStringLiteral("pre-release.1"), ItemState::Done), item(QStringLiteral("pre-release.2"), ItemState::Done)});
    f.checklist.phases << phase(QStringLiteral("release-day"), {item(QStringLiteral("release-day.1"), ItemState::Open)});
    f.checklist.phases << phase(QStringLiteral("post-release"), {item(QStringLiteral("post-release.1"), ItemState::Open)});
    f.beforeDeployment = beforeDeploymentPhases({}, f.checklist);
    ApprovalState approvals;
    approvals.requiredCount = 1;
    approvals.countedCount = 1;
    f.approvals = approvals;
    f.gates << GateFact {QStringLiteral("Unit tests"), QStringLiteral("run"), {}}
            << GateFact {QStringLiteral("Staging soak"), QStringLiteral("soak"), QStringLiteral("staging")};
    GateResult pass;
    pass.name = QStringLiteral("Unit tests");
    pass.status = GateStatus::Pass;
    pass.commit = kCommit;
    f.gateResults << pass;
    f.environments << EnvironmentFact {QStringLiteral("staging"), false, {}, {}, {}, {}}
                   << EnvironmentFact {QStringLiteral("prod"), false, {}, {}, {}, {}};
    f.soakDuration = std::chrono::hours(2);
    f.now = kNow;
    return f;
}

QStringList kinds(const QList<Blocker> &blockers)
{
    QStringList k;
    for (const Blocker &b : blockers)
        k << b.kind;
    return k;
}

}  // namespace

class TestLifecycle : public QObject {
    Q_OBJECT
private slots:
    void everyPairOfStates_data();
    void everyPairOfStates();
    void finalStatesRefuseWithAReason();
    void candidateNeedsAPinnedCommit();
    void approvalNamesEachBlocker();
    void approvalClearsWhenFactsHold();
    void staleGateBlocksApproval();
    void soakWaitNamesTheEarliestTime();
    void finishNeedsEveryEnvironmentAndTheReleaseDayPhases();
    void draftWaitsForTheFreezeDate();
    void jsonCarriesTheBlockers();
    void overdueOnlyWhileLive();
    void onlyFixesPassTheFreeze_data();
    void onlyFixesPassTheFreeze();
    void commitAfterFreezeBlocksApprovalUntilAccepted();
    void overridesAreCarried();
    void releaseTagHeldOnlyByWhatTheCommitShips_data();
    void releaseTagHeldOnlyByWhatTheCommitShips();
};

void TestLifecycle::everyPairOfStates_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<bool>("allowed");
    // The whole table: the forward chain, approved back to candidate, soaking back to deploying
    // (the next environment), aborted / rolled back from every live state, and a released release
    // rolled back inside its window.
    const QList<std::pair<S, S>> edges {{S::Draft, S::Frozen}, {S::Frozen, S::Candidate}, {S::Candidate, S::Approved},
        {S::Approved, S::Deploying}, {S::Deploying, S::Soaking}, {S::Soaking, S::Released}, {S::Approved, S::Candidate},
        {S::Soaking, S::Deploying}};
    for (S from : kAll)
        for (S to : kAll) {
            const bool live = from != S::Released && from != S::RolledBack && from != S::Aborted;
            const bool allowed = (from == S::Released && to == S::RolledBack)
                || (from != to && live && (to == S::Aborted || to == S::RolledBack || edges.contains({from, to})));
            QTest::addRow("%s->%s", qPrintable(releaseStateName(from)), qPrintable(releaseStateName(to)))
                << int(from) << int(to) << allowed;
        }
}

void TestLifecycle::everyPairOfStates()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(bool, allowed);
    QCOMPARE(lifecycleAllows(S(from), S(to)), allowed);
    QCOMPARE(lifecycleNext(S(from)).contains(S(to)), allowed);
    if (!allowed)
        QVERIFY(!lifecycleRefusal(S(from), S(to)).isEmpty());
}

void TestLifecycle::finalStatesRefuseWithAReason()
{
    ReadinessFacts f = facts(S::RolledBack);
    const QList<Blocker> b = blockersFor(f, S::Released);
    QCOMPARE(b.size(), 1);
    QCOMPARE(b.first().kind, QStringLiteral("state"));
    QVERIFY2(b.first().what.contains(QLatin1String("rolled back")), qPrintable(b.first().what));
    QVERIFY(!evaluateReadiness(f).next.has_value());
    QVERIFY(!evaluateReadiness(f).blocked());
}

void TestLifecycle::candidateNeedsAPinnedCommit()
{
    ReadinessFacts f = facts(S::Frozen);
    f.release.commitPinned = false;
    const Readiness r = evaluateReadiness(f);
    QCOMPARE(r.next, std::optional<S>(S::Candidate));
    QCOMPARE(kinds(r.blockers), QStringList {QStringLiteral("commit")});
    QVERIFY(r.blockers.first().clearsWhen.contains(QLatin1String("tag create 3.7.0-rc1")));
    f.release.commitPinned = true;
    QVERIFY(!evaluateReadiness(f).blocked());
}

void TestLifecycle::approvalNamesEachBlocker()
{
    ReadinessFacts f = facts(S::Candidate);
    f.checklist.phases[0].sections[0].items[0].state = ItemState::Failed;
    f.checklist.phases[0].sections[0].items[1].state = ItemState::Open;
    f.approvals->blockers << QStringLiteral("platform_lead: 0 of 1 approvals");
    f.approvals->countedCount = 0;
    f.gateResults.clear();
    const Readiness r = evaluateReadiness(f);
    QCOMPARE(r.next, std::optional<S>(S::Approved));
    QCOMPARE(kinds(r.blockers),
        (QStringList {QStringLiteral("checklist"), QStringLiteral("checklist"), QStringLiteral("approval"),
            QStringLiteral("gate")}));
    QVERIFY(r.blockers[0].what.contains(QLatin1String("pre-release.1 failed")));
    QCOMPARE(r.blockers[0].target, QStringLiteral("item:pre-release.1"));
    QVERIFY(r.blockers[3].what.contains(QLatin1String("Unit tests")));
    // The soak gate holds the deploy past staging, not the approval; release-day items wait too.
    for (const Blocker &b : r.blockers) {
        QVERIFY(!b.what.contains(QLatin1String("Staging soak")));
        QVERIFY(!b.what.contains(QLatin1String("release-day")));
    }
    QCOMPARE(r.approvalsCounted, 0);
    QCOMPARE(r.gatesPassed, 0);
    QCOMPARE(r.gatesTotal, 2);
}

void TestLifecycle::approvalClearsWhenFactsHold()
{
    const Readiness r = evaluateReadiness(facts(S::Candidate));
    QVERIFY2(!r.blocked(), qPrintable(r.blockers.isEmpty() ? QString() : r.blockers.first().what));
    ReadinessFacts f = facts(S::Candidate);
    f.checklist.phases[0].sections[0].items[1].state = ItemState::NotApplicable;
    QVERIFY(!evaluateReadiness(f).blocked());
    f.approvals.reset();
    f.approvalsError = QStringLiteral("CHANGELOG.md unreadable");
    QCOMPARE(kinds(evaluateReadiness(f).blockers), QStringList {QStringLiteral("approval")});
}

void TestLifecycle::staleGateBlocksApproval()
{
    ReadinessFacts f = facts(S::Candidate);
    f.commit = QStringLiteral("ffffffffffffffffffffffffffffffffffffffff");
    const Readiness r = evaluateReadiness(f);
    QCOMPARE(r.gatesStale, 1);
    QCOMPARE(kinds(r.blockers), QStringList {QStringLiteral("gate")});
    QVERIFY2(r.blockers.first().what.contains(QLatin1String("stale")), qPrintable(r.blockers.first().what));
}

void TestLifecycle::soakWaitNamesTheEarliestTime()
{
    ReadinessFacts f = facts(S::Soaking);
    f.environments[0].hasSoakChecks = true;
    f.environments[0].deployedAt = kNow.addSecs(-30 * 60);
    f.environments[0].deployedCommit = kCommit;
    const Readiness r = evaluateReadiness(f);
    QCOMPARE(r.next, std::optional<S>(S::Deploying));  // prod has not seen it
    QCOMPARE(kinds(r.blockers), (QStringList {QStringLiteral("soak"), QStringLiteral("gate")}));
    QCOMPARE(r.blockers.first().what, QStringLiteral("staging soak can pass at 2026-12-07 10:30 UTC"));
    QCOMPARE(r.earliestClear(), kNow.addSecs(90 * 60));
    // A stored PASS of an earlier deployment is not this deployment's soak.
    f.environments[0].soakVerdict = QStringLiteral("pass");
    f.environments[0].soakStart = kNow.addSecs(-3 * 3600);
    QCOMPARE(evaluateReadiness(f).environments.first().soak, QStringLiteral("pending"));
    f.environments[0].soakStart = kNow.addSecs(-20 * 60);
    GateResult soakGate;
    soakGate.name = QStringLiteral("Staging soak");
    soakGate.status = GateStatus::Pass;
    soakGate.commit = kCommit;
    f.gateResults << soakGate;
    QVERIFY(!evaluateReadiness(f).blocked());
}

void TestLifecycle::finishNeedsEveryEnvironmentAndTheReleaseDayPhases()
{
    ReadinessFacts f = facts(S::Soaking);
    for (EnvironmentFact &env : f.environments)
        env.deployedAt = kNow.addDays(-1);
    Readiness r = evaluateReadiness(f);
    QCOMPARE(r.next, std::optional<S>(S::Released));
    QCOMPARE(kinds(r.blockers), QStringList {QStringLiteral("checklist")});
    QCOMPARE(r.blockers.first().target, QStringLiteral("item:release-day.1"));  // post-release may stay open
    f.checklist.phases[1].sections[0].items[0].state = ItemState::Done;
    QVERIFY(!evaluateReadiness(f).blocked());
    f.environments[1].deployedAt = {};
    QCOMPARE(kinds(blockersFor(f, S::Released)), QStringList {QStringLiteral("deployment")});
}

void TestLifecycle::draftWaitsForTheFreezeDate()
{
    ReadinessFacts f = facts(S::Draft);
    f.freezeStarts = kNow.addDays(2);
    Readiness r = evaluateReadiness(f);
    QCOMPARE(r.next, std::optional<S>(S::Frozen));
    QCOMPARE(kinds(r.blockers), QStringList {QStringLiteral("freeze")});
    QCOMPARE(r.blockers.first().earliest, kNow.addDays(2));
    // An explicit freeze is never blocked.
    QVERIFY(blockersFor(f, S::Frozen).isEmpty());
}

void TestLifecycle::jsonCarriesTheBlockers()
{
    ReadinessFacts f = facts(S::Frozen);
    f.release.commitPinned = false;
    const QJsonObject o = readinessToJson(evaluateReadiness(f));
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("frozen"));
    QCOMPARE(o.value(QStringLiteral("next")).toString(), QStringLiteral("candidate"));
    QCOMPARE(o.value(QStringLiteral("blocked")).toBool(), true);
    const QJsonObject b = o.value(QStringLiteral("blockers")).toArray().first().toObject();
    for (const char *key : {"kind", "what", "clears_when", "earliest"})
        QVERIFY2(b.contains(QLatin1String(key)), key);
}

void TestLifecycle::overdueOnlyWhileLive()
{
    ReleaseRecord r;
    r.targetDate = QDate(2026, 11, 26);
    r.state = S::Candidate;
    QCOMPARE(overdueSince(r, QDate(2026, 12, 7)), std::optional<QDate>(QDate(2026, 11, 26)));
    QVERIFY(!overdueSince(r, QDate(2026, 11, 26)));  // the day itself is not overdue
    r.state = S::Released;
    QVERIFY(!overdueSince(r, QDate(2026, 12, 7)));
    r.state = S::Draft;
    r.targetDate = {};
    QVERIFY(!overdueSince(r, QDate(2026, 12, 7)));
}

void TestLifecycle::onlyFixesPassTheFreeze_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("parents");
    QTest::addColumn<bool>("listed");
    QTest::addColumn<bool>("blocks");
    QTest::newRow("fix") << "fix: null pointer in parser" << "" << 1 << true << false;
    QTest::newRow("fix with scope") << "fix(api): 500 on empty body" << "" << 1 << true << false;
    QTest::newRow("docs") << "docs: typo" << "" << 1 << true << false;
    QTest::newRow("test") << "test: cover the retry" << "" << 1 << true << false;
    QTest::newRow("upper-case type") << "Fix: wrong total" << "" << 1 << true << false;
    QTest::newRow("feat") << "feat: dark mode" << "" << 1 << true << true;
    QTest::newRow("refactor") << "refactor: split store" << "" << 1 << true << true;
    QTest::newRow("breaking fix") << "fix!: drop the v1 endpoint" << "" << 1 << true << true;
    QTest::newRow("fix with breaking footer") << "fix: change default" << "BREAKING CHANGE: config renamed" << 1
                                              << true << true;
    QTest::newRow("not conventional") << "Update deps" << "" << 1 << true << true;
    QTest::newRow("merge left out") << "Merge branch 'topic'" << "" << 2 << false << false;
}

void TestLifecycle::onlyFixesPassTheFreeze()
{
    QFETCH(QString, subject);
    QFETCH(QString, body);
    QFETCH(int, parents);
    QFETCH(bool, listed);
    QFETCH(bool, blocks);
    CommitInfo c;
    c.sha = kCommit;
    c.subject = subject;
    c.body = body;
    for (int i = 0; i < parents; ++i)
        c.parents << QString(40, QChar(u'0' + i));
    const QStringList allowed {QStringLiteral("fix"), QStringLiteral("docs"), QStringLiteral("test")};
    const QList<FreezeCommit> judged = judgeFreezeCommits({c}, allowed, {});
    QCOMPARE(judged.size(), listed ? 1 : 0);
    if (listed)
        QCOMPARE(judged.first().blocks(), blocks);
}

void TestLifecycle::commitAfterFreezeBlocksApprovalUntilAccepted()
{
    ReadinessFacts f = facts(S::Candidate);
    QVERIFY(!evaluateReadiness(f).blocked());
    CommitInfo feat {kCommit, QStringLiteral("feat: sneak in a feature"), {}, {}, {}, {}, {QString(40, u'1')}};
    f.afterFreeze = judgeFreezeCommits({feat}, {QStringLiteral("fix")}, {});
    Readiness r = evaluateReadiness(f);
    QCOMPARE(kinds(r.blockers), QStringList {QStringLiteral("commit")});
    QCOMPARE(r.commitsAfterFreeze, 1);
    QCOMPARE(r.commitsBlocking, 1);
    QVERIFY2(r.blockers.first().what.contains(QLatin1String("after the code freeze")), qPrintable(r.blockers.first().what));
    QVERIFY2(r.blockers.first().clearsWhen.contains(QLatin1String("accept-commit 3.7.0 a1b2c3d4")),
        qPrintable(r.blockers.first().clearsWhen));
    QCOMPARE(r.blockers.first().target, QStringLiteral("commit:") + kCommit);
    // The same blocker holds a frozen release's approval in view, and drops an approved one.
    QVERIFY(kinds(evaluateReadiness([&] { ReadinessFacts g = f; g.release.state = S::Frozen; return g; }()).blockers)
                .contains(QStringLiteral("commit")));
    const AcceptedCommit ok {QStringLiteral("3.7.0"), kCommit, feat.subject, QStringLiteral("customer promise"),
        QStringLiteral("rm@x"), kNow};
    f.afterFreeze = judgeFreezeCommits({feat}, {QStringLiteral("fix")}, {ok});
    r = evaluateReadiness(f);
    QVERIFY(!r.blocked());
    QCOMPARE(r.commitsBlocking, 0);
    QCOMPARE(r.commitsAfterFreeze, 1);
    // History that cannot be read is not "nothing after the freeze".
    f.afterFreeze.clear();
    f.afterFreezeError = QStringLiteral("object not found");
    QCOMPARE(kinds(evaluateReadiness(f).blockers), QStringList {QStringLiteral("commit")});
}

void TestLifecycle::overridesAreCarried()
{
    const OverrideFact deploy = overrideFromAudit(kNow, QStringLiteral("rm@x"), {{QStringLiteral("state"), QStringLiteral("candidate")}},
        {{QStringLiteral("deploy_to"), QStringLiteral("prod")}, {QStringLiteral("reason"), QStringLiteral("S0")},
            {QStringLiteral("overridden"), QJsonArray {QStringLiteral("a"), QStringLiteral("b")}}});
    QCOMPARE(deploy.move, QStringLiteral("deploy to prod"));
    QCOMPARE(deploy.blockersOverridden, 2);
    const OverrideFact finish = overrideFromAudit(kNow, QStringLiteral("rm@x"), {{QStringLiteral("state"), QStringLiteral("soaking")}},
        {{QStringLiteral("state"), QStringLiteral("released")}, {QStringLiteral("reason"), QStringLiteral("post-mortem follows")}});
    QCOMPARE(finish.move, QStringLiteral("soaking -> released"));
    ReadinessFacts f = facts(S::Soaking);
    f.overrides << deploy << finish;
    const QJsonObject json = readinessToJson(evaluateReadiness(f));
    const QJsonArray overrides = json.value(QStringLiteral("overrides")).toArray();
    QCOMPARE(overrides.size(), 2);
    QCOMPARE(overrides.at(1).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("post-mortem follows"));
    QCOMPARE(json.value(QStringLiteral("commits_after_freeze")).toObject().value(QStringLiteral("blocking")).toInt(), 0);
}

// The GA tag comes before approval (a `check: tag` item is one of its phases' items): open items,
// missing sign-offs and gates never hold it; an aborted release, a stop-the-line and a commit
// after the freeze that is not a fix do.
void TestLifecycle::releaseTagHeldOnlyByWhatTheCommitShips_data()
{
    QTest::addColumn<QString>("fact");
    QTest::addColumn<QStringList>("kinds");
    QTest::newRow("ready") << QString() << QStringList {};
    QTest::newRow("open item, no approval, gate not run") << QStringLiteral("unapproved") << QStringList {};
    QTest::newRow("aborted") << QStringLiteral("aborted") << QStringList {QStringLiteral("state")};
    QTest::newRow("stop-the-line") << QStringLiteral("stop") << QStringList {QStringLiteral("hold")};
    QTest::newRow("freeze window") << QStringLiteral("window") << QStringList {};
    QTest::newRow("feature after the freeze") << QStringLiteral("feat") << QStringList {QStringLiteral("commit")};
    QTest::newRow("feature after the freeze, accepted") << QStringLiteral("accepted") << QStringList {};
}

void TestLifecycle::releaseTagHeldOnlyByWhatTheCommitShips()
{
    QFETCH(QString, fact);
    QFETCH(QStringList, kinds);
    ReadinessFacts f = facts(S::Frozen);
    const CommitInfo feat {kCommit, QStringLiteral("feat: sneak in a feature"), {}, {}, {}, {}, {QString(40, u'1')}};
    if (fact == u"unapproved") {
        f.checklist.phases.first().sections.first().items.first().state = ItemState::Open;
        f.approvals->countedCount = 0;
        f.approvals->blockers << QStringLiteral("lead has not signed off");
        f.gateResults.clear();
    } else if (fact == u"aborted") {
        f.release.state = S::Aborted;
    } else if (fact == u"stop") {
        f.holds << Blocker {QStringLiteral("hold"), QStringLiteral("stop-the-line since now"), {}, {},
            QStringLiteral("stop-the-line")};
    } else if (fact == u"window") {
        f.holds << Blocker {QStringLiteral("hold"), QStringLiteral("freeze window xmas"), {}, {},
            QStringLiteral("freeze:xmas")};
    } else if (fact == u"feat") {
        f.afterFreeze = judgeFreezeCommits({feat}, {QStringLiteral("fix")}, {});
    } else if (fact == u"accepted") {
        const AcceptedCommit ok {QStringLiteral("3.7.0"), kCommit, feat.subject, QStringLiteral("promised"),
            QStringLiteral("rm@x"), kNow};
        f.afterFreeze = judgeFreezeCommits({feat}, {QStringLiteral("fix")}, {ok});
    }
    if (fact == u"unapproved")
        QVERIFY(evaluateReadiness(f).blocked());  // approval is held, the tag is not
    QCOMPARE(::kinds(releaseTagHolds(f)), kinds);
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
