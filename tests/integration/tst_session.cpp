// The session's use cases, called directly on a real git repository and SQLite file, and the same
// use case through the command line: both front ends must leave the same audit entry behind.
#include "session.h"
#include "session_opener.h"
#include "store.h"
#include "support/cli_runner.h"
#include "support/scratch_repo.h"
#include "support/store_test_support.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using cockpit::test::why;

class TstSession : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_repo;

    QString db(const QString &name) const { return m_tmp.filePath(name + QStringLiteral(".sqlite")); }
    // The entry the use case left, without what differs between two runs (position, time, chain).
    static QByteArray content(const AuditEntry &entry)
    {
        AuditEntry e = entry;
        e.seq = 0;
        e.at = {};
        return canonicalAuditJson(e);
    }
    static std::optional<AuditEntry> lastEntry(Store &store, const QString &action);

private slots:
    void initTestCase();
    void identityInTeamModeIsTheDatabaseLogin();
    void tickThroughSessionAndCliLeavesTheSameAuditEntry();
    void changelogCheckEvidenceIsWrittenOnce();
    void soakEndIsStoredAndTicksOnPass();
    void closingWaitsForTheTicksInFlight();
    void codeFreezeDateFreezesADraft();
};

std::optional<AuditEntry> TstSession::lastEntry(Store &store, const QString &action)
{
    auto log = store.auditLog().result();
    if (!log)
        return std::nullopt;
    for (auto it = log->crbegin(); it != log->crend(); ++it)
        if (it->action == action)
            return *it;
    return std::nullopt;
}

void TstSession::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_repo = m_tmp.filePath(QStringLiteral("repo"));
    ScratchRepo repo(m_repo);
    repo.git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("rm@example.com")});
    repo.git({QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Release Manager")});
    repo.commit(QStringLiteral("feat: first"),
        {{QStringLiteral("CHANGELOG.md"),
            QByteArrayLiteral("# Changelog\n\n## [Unreleased]\n\n### Added\n\n- First feature\n")}});
    QVERIFY2(initWorkspaceFromPreset(m_repo, QStringLiteral("gated-ga")).has_value(), "init failed");
    repo.git({QStringLiteral("add"), QStringLiteral("-A")});
    repo.git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("chore: release policy")});
    QVERIFY2(repo.ok(), qPrintable(repo.error()));
}

void TstSession::identityInTeamModeIsTheDatabaseLogin()
{
    const Identity team
        = Session::resolveIdentity(m_repo, QStringLiteral("postgresql://alice@127.0.0.1:5432/cockpit"));
    QCOMPARE(team.id, QStringLiteral("alice"));
    const Identity local = Session::resolveIdentity(m_repo, db(QStringLiteral("local")));
    QCOMPARE(local.id, QStringLiteral("rm@example.com"));
}

void TstSession::tickThroughSessionAndCliLeavesTheSameAuditEntry()
{
    // The window's path: a session from the opener, its use cases called directly.
    SessionOpener opener(db(QStringLiteral("window")));
    auto setup = opener.load(m_repo);
    COCKPIT_AWAIT(setup);
    QVERIFY2(setup.result().has_value(), why(setup.result()).constData());
    std::unique_ptr<Session> session = opener.open(std::move(*setup.result()));
    // The creation is announced once the event loop delivers its result, which may be after the
    // future reads finished (COCKPIT_AWAIT spins no loop then; a slow ASan build gets there):
    // wait for that announcement so it is not counted as the tick's.
    QSignalSpy creation(session.get(), &Session::changed);
    auto created = session->createRelease({QStringLiteral("1.0.0"), {}, {}, {}});
    COCKPIT_AWAIT(created);
    QVERIFY2(created.result().has_value(), why(created.result()).constData());
    QTRY_COMPARE(creation.size(), 1);
    QCOMPARE(creation.at(0).at(0).value<SessionEvent>().kind, SessionEvent::Kind::ReleaseChanged);
    QSignalSpy events(session.get(), &Session::changed);
    auto ticked = session->setItem(QStringLiteral("1.0.0"), QStringLiteral("pre-release.1"), ItemState::Done,
        QStringLiteral("milestone empty"));
    COCKPIT_AWAIT(ticked);
    QVERIFY2(ticked.result().has_value(), why(ticked.result()).constData());
    QTRY_COMPARE(events.size(), 1);
    const auto event = events.at(0).at(0).value<SessionEvent>();
    QCOMPARE(event.kind, SessionEvent::Kind::ItemChanged);
    QCOMPARE(event.items.value(0).key, QStringLiteral("pre-release.1"));

    // The command line's path, on a database of its own.
    const QString cliDb = db(QStringLiteral("cli"));
    const QStringList common {QStringLiteral("--workspace"), m_repo, QStringLiteral("--db"), cliDb};
    CliRun made = runCockpit(QStringList {QStringLiteral("release"), QStringLiteral("new"),
                                 QStringLiteral("1.0.0")} + common,
        m_tmp.path());
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    CliRun tick = runCockpit(QStringList {QStringLiteral("checklist"), QStringLiteral("tick"),
                                 QStringLiteral("1.0.0"), QStringLiteral("pre-release.1"),
                                 QStringLiteral("--note"), QStringLiteral("milestone empty")}
            + common,
        m_tmp.path());
    QVERIFY2(tick.exitCode == 0, qPrintable(tick.err));

    Store cli;
    QVERIFY(cli.open(cliDb).result().has_value());
    const auto windowEntry = lastEntry(*session->store(), QStringLiteral("item.done"));
    const auto cliEntry = lastEntry(cli, QStringLiteral("item.done"));
    QVERIFY(windowEntry && cliEntry);
    QCOMPARE(content(*cliEntry), content(*windowEntry));
}

void TstSession::changelogCheckEvidenceIsWrittenOnce()
{
    ChangelogCheckFacts facts;
    facts.path = QStringLiteral("CHANGELOG.md");
    facts.toCommit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    facts.commits = 3;
    facts.covered = 2;
    facts.exempt = 1;
    QCOMPARE(Session::changelogEvidence(facts),
        QStringLiteral("CHANGELOG.md lints clean (0 warnings) and covers every non-exempt commit "
                       "(root)..0123456: 3 commits, 2 covered by entries, 1 exempt"));
    // Anything short of clean and covered ticks nothing, whoever asks.
    SessionOpener opener(db(QStringLiteral("changelog")));
    auto setup = opener.load(m_repo);
    COCKPIT_AWAIT(setup);
    std::unique_ptr<Session> session = opener.open(std::move(*setup.result()));
    facts.uncovered = 1;
    auto none = session->recordChangelogCheck(QStringLiteral("9.9.9"), facts);
    COCKPIT_AWAIT(none);
    QVERIFY(none.result().has_value());
    QVERIFY(none.result()->isEmpty());
}

// Only a soak of this deployment ticks: one that starts at or after the release was deployed
// there and covers the policy's duration (gated-ga: 2h). Every run is kept (issue 18): what-ifs,
// runs of no deployment and re-checks beside the deployment's own run, which stays the soak.
void TstSession::soakEndIsStoredAndTicksOnPass()
{
    SessionOpener opener(db(QStringLiteral("soak")));
    auto setup = opener.load(m_repo);
    COCKPIT_AWAIT(setup);
    std::unique_ptr<Session> session = opener.open(std::move(*setup.result()));
    auto created = session->createRelease({QStringLiteral("1.1.0"), {}, {}, {}});
    COCKPIT_AWAIT(created);
    QVERIFY2(created.result().has_value(), why(created.result()).constData());
    const QString version = QStringLiteral("1.1.0"), env = QStringLiteral("staging");
    const QDateTime deployedAt = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
    session->store()->setClock([deployedAt] { return deployedAt; });
    auto deployed = session->store()->recordDeployment(version, env, QStringLiteral("rm"));
    COCKPIT_AWAIT(deployed);
    QVERIFY2(deployed.result().has_value(), why(deployed.result()).constData());
    session->store()->setClock([] { return QDateTime::currentDateTimeUtc(); });
    const auto finish = [&](QDateTime start, int minutes, bool whatIf) {
        SoakRecording recording;
        recording.environment = env;
        recording.version = version;
        recording.start = start;
        recording.duration = std::chrono::seconds(minutes * 60);
        recording.recordedAt = start.addSecs(minutes * 60);
        recording.whatIf = whatIf;
        SoakEvaluation evaluation;
        evaluation.verdict = SoakVerdict::Pass;
        evaluation.start = recording.start;
        evaluation.end = recording.recordedAt;
        auto finished = session->recordSoakEnd(version, recording, evaluation);
        finished.waitForFinished();
        return std::pair(finished.result(), evaluation);
    };
    const auto storedStart = [&]() -> QDateTime {
        auto stored = session->store()->soakRecording(version, env).result();
        return stored ? stored->start : QDateTime();
    };
    // Weeks before the deploy, as a what-if: a run of its own, nothing ticked, not the release's soak.
    auto [whatIf, e1] = finish(QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC), 120, true);
    QVERIFY2(whatIf.has_value(), why(whatIf).constData());
    QVERIFY(whatIf->ticked.isEmpty());
    QCOMPARE(whatIf->run.kind, SoakRunKind::WhatIf);
    QVERIFY(whatIf->run.id > 0);
    QVERIFY(!storedStart().isValid());
    auto log = session->store()->auditLog(version).result();
    QVERIFY(log.has_value());
    QCOMPARE(log->constLast().action, QStringLiteral("soak.record"));
    QCOMPARE(log->constLast().after.value(QLatin1String("kind")).toString(), QStringLiteral("what_if"));
    QCOMPARE(log->constLast().after.value(QLatin1String("run")).toInteger(), whatIf->run.id);
    // Before the deploy, not a what-if: kept, but of no deployment, so not this deployment's soak.
    auto [before, e2] = finish(deployedAt.addSecs(-3600), 180, false);
    QVERIFY2(before.has_value(), why(before).constData());
    QVERIFY(before->ticked.isEmpty());
    QVERIFY(!before->run.deploymentId);
    QVERIFY(!before->run.decisive);
    QVERIFY(!storedStart().isValid());
    // After the deploy but shorter than the policy's duration: the deployment's run, not settled.
    auto [tooShort, e3] = finish(deployedAt, 60, false);
    QVERIFY(tooShort.has_value() && tooShort->ticked.isEmpty());
    QCOMPARE(tooShort->run.kind, SoakRunKind::Deployment);
    QVERIFY(!tooShort->run.decisive);
    QCOMPARE(tooShort->run.deployedAt, deployedAt);
    QCOMPARE(storedStart(), deployedAt);
    QVERIFY(!Session::soakEvidenceGap(session->store(), session->workspace().policy, version, env,
        deployedAt, deployedAt.addSecs(3600)).isEmpty());
    // The soak of this deployment, covering the duration: ticks with one evidence text naming it.
    auto [ticked, e4] = finish(deployedAt.addSecs(60), 120, false);
    QVERIFY2(ticked.has_value(), why(ticked).constData());
    QVERIFY(!ticked->ticked.isEmpty());  // gated-ga binds "check: soak staging"
    QCOMPARE(ticked->run.kind, SoakRunKind::Deployment);
    QVERIFY(ticked->run.decisive);
    for (const ChecklistItem &item : ticked->ticked) {
        QCOMPARE(item.evidence, Session::soakEvidence(version, env, e4, ticked->run.id));
        QVERIFY(item.evidence.contains(QStringLiteral("(run #%1)").arg(ticked->run.id)));
    }
    QCOMPARE(storedStart(), deployedAt.addSecs(60));
    // A later run of the same deployment is a re-check: kept, and it replaces nothing.
    auto [recheck, e5] = finish(deployedAt.addSecs(600), 120, false);
    QVERIFY(recheck.has_value() && recheck->ticked.isEmpty());
    QCOMPARE(recheck->run.kind, SoakRunKind::Recheck);
    QCOMPARE(storedStart(), deployedAt.addSecs(60));
    auto runs = session->store()->soakRuns(version, env).result();
    QVERIFY(runs.has_value());
    QList<SoakRunKind> kinds;
    for (const SoakRun &run : *runs)
        kinds << run.kind;
    QCOMPARE(kinds, (QList<SoakRunKind> {SoakRunKind::WhatIf, SoakRunKind::Deployment, SoakRunKind::Deployment,
                        SoakRunKind::Deployment, SoakRunKind::Recheck}));
    QCOMPARE(runs->first().policyDigest, runs->last().policyDigest);
    // A redeploy: the release's soak is the new deployment's, which has no run yet.
    const QDateTime redeployedAt = deployedAt.addSecs(4 * 3600);
    session->store()->setClock([redeployedAt] { return redeployedAt; });
    QVERIFY(session->store()->recordDeployment(version, env, QStringLiteral("rm")).result());
    session->store()->setClock([] { return QDateTime::currentDateTimeUtc(); });
    auto none = session->store()->releaseSoakRun(version, env).result();
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::NotFound);
    auto [again, e6] = finish(redeployedAt, 120, false);
    QVERIFY(again.has_value());
    QCOMPARE(again->run.kind, SoakRunKind::Deployment);
    QVERIFY(again->run.deploymentId != ticked->run.deploymentId);
    QCOMPARE(storedStart(), redeployedAt);
}

// A tick runs on a pool thread holding the store: the session does not go (and the store after
// it) while one is in flight. CI once crashed when a window closed right after a changelog check.
void TstSession::closingWaitsForTheTicksInFlight()
{
    SessionOpener opener(db(QStringLiteral("closing")));
    auto setup = opener.load(m_repo);
    COCKPIT_AWAIT(setup);
    std::unique_ptr<Session> session = opener.open(std::move(*setup.result()));
    auto created = session->createRelease({QStringLiteral("1.2.0"), {}, {}, {}});
    COCKPIT_AWAIT(created);
    QVERIFY2(created.result().has_value(), why(created.result()).constData());
    QList<QFuture<Result<QList<ChecklistItem>>>> ticks;
    for (int i = 0; i < 20; ++i)
        ticks << session->recordTagCheck(QStringLiteral("1.2.0"), QStringLiteral("v1.2.0"),
            QStringLiteral("tag v1.2.0 verified (%1)").arg(i));
    session.reset();
    for (const auto &tick : ticks) {
        QVERIFY(tick.isFinished());
        QVERIFY2(tick.result().has_value(), why(tick.result()).constData());
    }
}

// Time is a fact too: once the policy's code freeze has started before the target date, a draft
// is frozen by the next advance, recorded with why; before it, nothing moves.
void TstSession::codeFreezeDateFreezesADraft()
{
    SessionOpener opener(db(QStringLiteral("freeze")));
    auto setup = opener.load(m_repo);
    COCKPIT_AWAIT(setup);
    SessionSetup loaded = std::move(*setup.result());
    loaded.workspace.policy.codeFreeze = std::chrono::hours(48);
    const Workspace ws = loaded.workspace;
    std::unique_ptr<Session> session = opener.open(std::move(loaded));
    const QDate target(2026, 12, 10);
    auto created = session->createRelease({QStringLiteral("1.3.0"), {}, {}, target});
    COCKPIT_AWAIT(created);
    QVERIFY2(created.result().has_value(), why(created.result()).constData());
    const QDateTime freezeStarts(target.addDays(-2), QTime(0, 0), Qt::UTC);
    Store *store = session->store();
    auto before = Session::advanceRelease(store, ws, QStringLiteral("1.3.0"), freezeStarts.addSecs(-60), QStringLiteral("rm@example.com"));
    QVERIFY2(before.has_value(), why(before).constData());
    QCOMPARE(before->state, ReleaseState::Draft);
    auto readiness = Session::computeReadiness(store, ws, QStringLiteral("1.3.0"), freezeStarts.addSecs(-60));
    QVERIFY(readiness.has_value());
    QCOMPARE(readiness->blockers.first().earliest, freezeStarts);
    auto after = Session::advanceRelease(store, ws, QStringLiteral("1.3.0"), freezeStarts.addSecs(60), QStringLiteral("rm@example.com"));
    QVERIFY2(after.has_value(), why(after).constData());
    QCOMPARE(after->state, ReleaseState::Frozen);  // unpinned: no release candidate yet
    const auto entry = lastEntry(*store, QStringLiteral("release.state"));
    QVERIFY(entry.has_value());
    QCOMPARE(entry->actor, QStringLiteral("rm@example.com"));
    QVERIFY2(entry->after.value(QStringLiteral("reason")).toString().startsWith(QLatin1String("the code freeze started at")),
        qPrintable(entry->after.value(QStringLiteral("reason")).toString()));
}

QTEST_GUILESS_MAIN(TstSession)
#include "tst_session.moc"
