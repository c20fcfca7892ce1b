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
    auto created = session->createRelease({QStringLiteral("1.0.0"), {}, {}, {}});
    COCKPIT_AWAIT(created);
    QVERIFY2(created.result().has_value(), why(created.result()).constData());
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

void TstSession::soakEndIsStoredAndTicksOnPass()
{
    SessionOpener opener(db(QStringLiteral("soak")));
    auto setup = opener.load(m_repo);
    COCKPIT_AWAIT(setup);
    std::unique_ptr<Session> session = opener.open(std::move(*setup.result()));
    auto created = session->createRelease({QStringLiteral("1.1.0"), {}, {}, {}});
    COCKPIT_AWAIT(created);
    QVERIFY2(created.result().has_value(), why(created.result()).constData());
    SoakRecording recording;
    recording.environment = QStringLiteral("staging");
    recording.version = QStringLiteral("1.1.0");
    recording.start = QDateTime(QDate(2026, 11, 1), QTime(10, 0), Qt::UTC);
    recording.recordedAt = recording.start.addSecs(7200);
    SoakEvaluation evaluation;
    evaluation.verdict = SoakVerdict::Pass;
    evaluation.start = recording.start;
    evaluation.end = recording.recordedAt;
    auto finished = session->recordSoakEnd(QStringLiteral("1.1.0"), recording, evaluation);
    COCKPIT_AWAIT(finished);
    QVERIFY2(finished.result().has_value(), why(finished.result()).constData());
    QVERIFY(!finished.result()->isEmpty());  // gated-ga binds "check: soak staging"
    for (const ChecklistItem &item : *finished.result())
        QCOMPARE(item.evidence, Session::soakEvidence(QStringLiteral("1.1.0"), QStringLiteral("staging"), evaluation));
    auto stored = session->store()->soakRecording(QStringLiteral("1.1.0"), QStringLiteral("staging"));
    COCKPIT_AWAIT(stored);
    QVERIFY2(stored.result().has_value(), why(stored.result()).constData());
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

QTEST_GUILESS_MAIN(TstSession)
#include "tst_session.moc"
