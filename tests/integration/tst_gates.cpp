// The release's gates end to end on a real git repository and SQLite file: run through the session
// (fail-closed order, no shell injection, manual confirmation and its role, ticks, stale after a
// new commit, a second cockpit told who runs a gate) and through the command line (exit codes,
// --json shape, a cockpit killed mid-gate leaving "interrupted", policy errors).
#include "checklist_parser.h"
#include "gate_runner.h"
#include "policy_loader.h"
#include "session.h"
#include "store.h"
#include "support/cli_runner.h"
#include "support/scratch_repo.h"
#include "support/store_test_support.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace cockpit;
using cockpit::test::why;

namespace {

const Identity kAlice {QStringLiteral("alice@example.com"), QStringLiteral("Alice")};
const Identity kBob {QStringLiteral("bob@example.com"), QStringLiteral("Bob")};
const Identity kLead {QStringLiteral("lead@example.com"), QStringLiteral("Lead")};

QByteArray policyWith(const QString &gates)
{
    return QStringLiteral("project: Demo\n"
                          "roles: {release_manager: [alice@example.com, bob@example.com], platform_lead: [lead@example.com]}\n"
                          "release_types: {minor: {checklists: [pre-release]}}\n"
                          "gates:\n%1")
        .arg(gates)
        .toUtf8();
}

// Bound to gate Unit when the policy has one (a binding to a gate the policy lacks is refused).
QByteArray checklistFor(const QString &gates)
{
    return gates.contains(QStringLiteral("name: Unit,"))
        ? "# Pre-release\n\n- [ ] Unit tests pass <!-- check: gate Unit -->\n- [ ] Other\n"
        : "# Pre-release\n\n- [ ] Unit tests pass\n- [ ] Other\n";
}

}  // namespace

class TstGates : public QObject {
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<ScratchRepo> m_repo;
    std::unique_ptr<Store> m_store;
    QString m_db;

    // A workspace whose policy has these gates, a store, and release VERSION following main.
    void setUp(const QString &gates, const QString &version = QStringLiteral("1.0.0"))
    {
        m_store.reset();
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_repo = std::make_unique<ScratchRepo>(m_tmp->filePath(QStringLiteral("repo")));
        m_repo->git({QStringLiteral("config"), QStringLiteral("user.email"), kAlice.id});
        m_repo->commit(QStringLiteral("initial"),
            {{QStringLiteral(".release-cockpit/policy.yml"), policyWith(gates)},
                {QStringLiteral(".release-cockpit/checklists/pre-release.md"), checklistFor(gates)}});
        QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
        m_db = m_tmp->filePath(QStringLiteral("cockpit.sqlite"));
        m_store = test::openedStore(m_db);
        QVERIFY(m_store);
        ReleaseRecord release = test::sampleRelease(version);
        release.commit = m_repo->head();
        release.commitPinned = false;
        release.branch = QStringLiteral("main");
        Checklist checklist;
        auto phase = parseChecklist(checklistFor(gates), QStringLiteral("pre-release"), QStringLiteral("pre-release.md"));
        QVERIFY(phase);
        checklist.phases << *phase;
        auto created = m_store->createRelease(release, checklist, kAlice.id);
        COCKPIT_AWAIT(created);
        QVERIFY2(created.result(), why(created.result()).constData());
    }

    std::unique_ptr<Session> session(const Identity &who)
    {
        auto ws = Workspace::load(m_repo->dir());
        if (!ws) {
            qWarning() << ws.error().toString();
            return nullptr;
        }
        return std::make_unique<Session>(m_store.get(), *ws, who);
    }

    Result<GateRun> run(const Identity &who, GateRunOptions options = {}, const QString &version = QStringLiteral("1.0.0"))
    {
        auto s = session(who);
        if (!s)
            return fail(ErrorCode::Internal, QStringLiteral("no session"));
        options.grace = std::chrono::milliseconds(200);
        auto future = s->runGates(version, std::move(options));
        [&] { COCKPIT_AWAIT(future); }();
        return future.result();
    }

    QStringList statuses(const GateRun &r)
    {
        QStringList out;
        for (const GateResult &g : r.gates)
            out << gateStatusName(g.status);
        return out;
    }

private slots:
    void failClosedInOrder();
    void releaseDataNeverBecomesShellSyntax();
    void shellPlaceholderIsRefusedByThePolicy();
    void gateWithoutOrWithTwoKindsIsExit65();
    void manualConfirmationNeedsTheRole();
    void passTicksBoundItemsWithTheResultAsEvidence();
    void staleAfterANewCommit();
    void aSecondCockpitIsToldWhoRunsTheGate();
    void cockpitKilledMidGateLeavesInterrupted();
    void cliExitCodesAndJson();
};

void TstGates::failClosedInOrder()
{
    setUp(QStringLiteral("  - {name: First, run: [\"true\"]}\n"
                         "  - {name: Broken, shell: 'echo broken output; exit 3'}\n"
                         "  - {name: Later, run: [touch, later-ran]}\n"));
    auto result = run(kAlice);
    QVERIFY2(result, why(result).constData());
    QCOMPARE(statuses(*result), (QStringList {"pass", "fail", "not_run"}));
    QCOMPARE(result->verdict(), GateVerdict::Fail);
    QCOMPARE(result->gates[1].exitCode, 3);
    QCOMPARE(result->gates[1].outputTail, QStringLiteral("broken output\n"));
    QVERIFY(result->gates[2].note.contains(QStringLiteral("Broken")));
    QVERIFY(!QFile::exists(QDir(m_repo->dir()).filePath(QStringLiteral("later-ran"))));
    // Stored: the latest per gate, with its commit and who ran it; the later gate has no row.
    auto stored = m_store->gateResults(QStringLiteral("1.0.0")).result();
    QVERIFY(stored);
    QCOMPARE(stored->size(), 2);
    QCOMPARE(stored->at(1).status, GateStatus::Fail);
    QCOMPARE(stored->at(1).commit, m_repo->head());
    QCOMPARE(stored->at(1).ranBy, kAlice.id);
    // Each result has its audit entry.
    auto audit = m_store->auditLog(QStringLiteral("1.0.0")).result();
    QVERIFY(audit);
    const auto gateEntries = std::count_if(audit->cbegin(), audit->cend(),
        [](const AuditEntry &e) { return e.action == QStringLiteral("gate.result"); });
    QCOMPARE(gateEntries, 4);  // First and Broken: running, then the outcome
}

void TstGates::releaseDataNeverBecomesShellSyntax()
{
    const QString version = QStringLiteral("1.0.0-rc1;touch x$(touch y)`touch z`");
    setUp(QStringLiteral("  - {name: Argv, run: [printf, \"%s\\n\", \"{version}\"]}\n"
                         "  - {name: Shell, shell: 'printf \"%s\\n\" \"$RELEASE_VERSION\"'}\n"),
        version);
    auto result = run(kAlice, {}, version);
    QVERIFY2(result, why(result).constData());
    QCOMPARE(statuses(*result), (QStringList {"pass", "pass"}));
    QCOMPARE(result->gates[0].outputTail, version + u'\n');
    QCOMPARE(result->gates[1].outputTail, version + u'\n');
    for (const QString &f : {"x", "y", "z"})
        QVERIFY2(!QFile::exists(QDir(m_repo->dir()).filePath(f)), qPrintable(f));
}

void TstGates::shellPlaceholderIsRefusedByThePolicy()
{
    const QByteArray yaml = policyWith(QStringLiteral("  - {name: Deploy, shell: 'deploy --version {version}'}\n"));
    auto policy = parsePolicy(yaml, QStringLiteral("policy.yml"));
    QVERIFY(!policy);
    QCOMPARE(policy.error().code, ErrorCode::BadInput);
    QVERIFY2(policy.error().toString().startsWith(QStringLiteral("policy.yml:5:")), qPrintable(policy.error().toString()));
    QVERIFY(policy.error().message.contains(QStringLiteral("RELEASE_VERSION")));
    // The shell's own ${VAR} stays allowed.
    QVERIFY(parsePolicy(policyWith(QStringLiteral("  - {name: Deploy, shell: 'echo ${RELEASE_VERSION}'}\n")),
        QStringLiteral("policy.yml")));
}

void TstGates::gateWithoutOrWithTwoKindsIsExit65()
{
    for (const QString &gate : {QStringLiteral("  - {name: Nothing, timeout: 1m}\n"),
             QStringLiteral("  - {name: Both, run: [\"true\"], shell: 'true'}\n")}) {
        setUp(QStringLiteral("  - {name: Fine, run: [\"true\"]}\n"));
        m_repo->commit(QStringLiteral("policy"),
            {{QStringLiteral(".release-cockpit/policy.yml"),
                policyWith(QStringLiteral("  - {name: Fine, run: [\"true\"]}\n") + gate)}});
        const CliRun r = runCockpit({QStringLiteral("--workspace"), m_repo->dir(), QStringLiteral("policy"),
                                        QStringLiteral("check")},
            m_tmp->filePath(QStringLiteral("data")));
        QCOMPARE(r.exitCode, 65);
        QVERIFY2(r.err.contains(QStringLiteral("policy.yml:6:")) && r.err.contains(QStringLiteral("gates[1]")),
            qPrintable(r.err));
    }
}

void TstGates::manualConfirmationNeedsTheRole()
{
    setUp(QStringLiteral("  - {name: Go, manual: The platform lead looked at it, role: platform_lead}\n"));
    auto waiting = run(kAlice);
    QVERIFY(waiting);
    QCOMPARE(statuses(*waiting), QStringList {"waiting"});
    QCOMPARE(waiting->verdict(), GateVerdict::Waiting);

    GateRunOptions byBob;
    byBob.confirm = {QStringLiteral("Go")};
    auto refused = run(kBob, byBob);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("platform_lead")), qPrintable(refused.error().message));
    auto none = m_store->gateResults(QStringLiteral("1.0.0")).result();
    QVERIFY(none && none->isEmpty());  // a refused confirmation stores nothing

    auto confirmed = run(kLead, byBob);
    QVERIFY2(confirmed, why(confirmed).constData());
    QCOMPARE(statuses(*confirmed), QStringList {"pass"});
    QCOMPARE(confirmed->gates[0].ranBy, kLead.id);
    // Asked again on the same commit, the confirmation stands.
    auto again = run(kAlice);
    QVERIFY(again);
    QCOMPARE(statuses(*again), QStringList {"pass"});
}

void TstGates::passTicksBoundItemsWithTheResultAsEvidence()
{
    setUp(QStringLiteral("  - {name: Unit, run: [\"true\"]}\n"));
    auto result = run(kAlice);
    QVERIFY2(result, why(result).constData());
    QCOMPARE(result->ticked.size(), 1);
    auto checklist = m_store->checklist(QStringLiteral("1.0.0")).result();
    QVERIFY(checklist);
    const ChecklistItem *item = checklist->findItem(QStringLiteral("pre-release.1"));
    QVERIFY(item);
    QCOMPARE(item->state, ItemState::Done);
    QVERIFY2(item->evidence.contains(QStringLiteral("gate 'Unit' passed on ") + m_repo->head().left(12)),
        qPrintable(item->evidence));
    QCOMPARE(checklist->findItem(QStringLiteral("pre-release.2"))->state, ItemState::Open);
}

void TstGates::staleAfterANewCommit()
{
    setUp(QStringLiteral("  - {name: Unit, run: [\"true\"]}\n  - {name: Go, manual: Looked at it}\n"));
    GateRunOptions confirm;
    confirm.confirm = {QStringLiteral("Go")};
    auto first = run(kAlice, confirm);
    QVERIFY(first);
    QCOMPARE(first->verdict(), GateVerdict::Pass);
    const QString before = m_repo->head();
    m_repo->commit(QStringLiteral("fix: later"), {{QStringLiteral("b.txt"), "b"}});
    const QString after = m_repo->head();

    auto s = session(kAlice);
    auto status = s->gateStatus(QStringLiteral("1.0.0"));
    COCKPIT_AWAIT(status);
    QVERIFY(status.result());
    const GateRun stored = *status.result();
    QCOMPARE(stored.commit, after);
    QVERIFY(stored.gates[0].staleFor(after));
    QCOMPARE(stored.gates[0].commit, before);
    QVERIFY(stored.gates[0].note.startsWith(QStringLiteral("stale")));
    QCOMPARE(stored.verdict(), GateVerdict::Waiting);
    // Run again: the process gate runs on the new commit, the confirmation must be given again.
    auto again = run(kAlice);
    QVERIFY(again);
    QCOMPARE(statuses(*again), (QStringList {"pass", "waiting"}));
    QVERIFY(again->gates[1].note.startsWith(QStringLiteral("stale: confirmed by alice@example.com")));
    QCOMPARE(again->verdict(), GateVerdict::Waiting);
}

void TstGates::aSecondCockpitIsToldWhoRunsTheGate()
{
    setUp(QStringLiteral("  - {name: Unit, run: [\"true\"]}\n"));
    // Bob's cockpit is a live process on this host, running the gate.
    QProcess bobsCockpit;
    bobsCockpit.start(QStringLiteral("sleep"), {QStringLiteral("30")});
    QVERIFY(bobsCockpit.waitForStarted());
    GateResult running;
    running.version = QStringLiteral("1.0.0");
    running.name = QStringLiteral("Unit");
    running.kind = QStringLiteral("run");
    running.status = GateStatus::Running;
    running.commit = m_repo->head();
    running.ranBy = kBob.id;
    running.timeoutMs = 600000;
    running.runner = QStringLiteral("%1:%2").arg(gateRunnerId().section(u':', 0, -2)).arg(bobsCockpit.processId());
    auto saved = m_store->saveGateResult(running);
    COCKPIT_AWAIT(saved);
    QVERIFY2(saved.result(), why(saved.result()).constData());

    auto refused = run(kAlice);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.contains(QStringLiteral("being run by bob@example.com")),
        qPrintable(refused.error().message));

    // Once Bob's cockpit is gone, the row reads interrupted and the gate may run again.
    bobsCockpit.kill();
    bobsCockpit.waitForFinished();
    auto read = m_store->gateResults(QStringLiteral("1.0.0")).result();
    QVERIFY(read);
    QCOMPARE(read->at(0).status, GateStatus::Interrupted);
    auto rerun = run(kAlice);
    QVERIFY2(rerun, why(rerun).constData());
    QCOMPARE(statuses(*rerun), QStringList {"pass"});
}

void TstGates::cockpitKilledMidGateLeavesInterrupted()
{
    setUp(QStringLiteral("  - {name: Slow, run: [sleep, \"3\"]}\n"));
    QProcess cockpit;
    cockpit.start(QStringLiteral(COCKPIT_BINARY),
        {QStringLiteral("--workspace"), m_repo->dir(), QStringLiteral("--db"), m_db, QStringLiteral("gate"),
            QStringLiteral("1.0.0")});
    QVERIFY(cockpit.waitForStarted());
    const auto latest = [&]() -> std::optional<GateResult> {
        auto read = m_store->gateResults(QStringLiteral("1.0.0")).result();
        return read && !read->isEmpty() ? std::optional(read->first()) : std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(latest() && latest()->status == GateStatus::Running, 20000);
    ::kill(pid_t(cockpit.processId()), SIGKILL);
    QVERIFY(cockpit.waitForFinished());
    const auto after = latest();
    QVERIFY(after);
    QCOMPARE(after->status, GateStatus::Interrupted);
    QVERIFY(after->note.contains(QStringLiteral("interrupted")));
    QCOMPARE(after->ranBy, kAlice.id);
}

void TstGates::cliExitCodesAndJson()
{
    setUp(QStringLiteral("  - {name: Ok, run: [\"true\"]}\n"
                         "  - {name: Bad, shell: 'echo nope >&2; exit 4'}\n"
                         "  - {name: Person, manual: Someone looks}\n"));
    const QString data = m_tmp->filePath(QStringLiteral("data"));
    const auto gate = [&](const QStringList &extra) {
        return runCockpit(QStringList {QStringLiteral("--workspace"), m_repo->dir(), QStringLiteral("--db"), m_db,
                              QStringLiteral("gate"), QStringLiteral("1.0.0")}
                + extra,
            data);
    };
    QCOMPARE(gate({QStringLiteral("--only"), QStringLiteral("Ok")}).exitCode, 0);
    QCOMPARE(gate({QStringLiteral("--only"), QStringLiteral("Bad")}).exitCode, 1);
    QCOMPARE(gate({QStringLiteral("--only"), QStringLiteral("person")}).exitCode, 2);
    const CliRun table = gate({});
    QCOMPARE(table.exitCode, 1);
    QVERIFY2(table.out.contains(QRegularExpression(QStringLiteral("^fail +Bad +\\d+ ms exit 4$"),
                 QRegularExpression::MultilineOption)),
        qPrintable(table.out));
    QVERIFY(table.out.contains(QStringLiteral("not_run")));

    const CliRun json = gate({QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject doc = json.json();
    QCOMPARE(doc.value(QStringLiteral("verdict")).toString(), QStringLiteral("fail"));
    QCOMPARE(doc.value(QStringLiteral("commit")).toString(), m_repo->head());
    const QJsonArray gates = doc.value(QStringLiteral("gates")).toArray();
    QCOMPARE(gates.size(), 3);
    for (const char *key : {"name", "kind", "status", "exit_code", "duration_ms", "output_tail", "commit", "ran_by",
             "ran_at"})
        QVERIFY2(gates[1].toObject().contains(QLatin1String(key)), key);
    QCOMPARE(gates[1].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("shell"));
    QCOMPARE(gates[1].toObject().value(QStringLiteral("exit_code")).toInt(), 4);
    QCOMPARE(gates[1].toObject().value(QStringLiteral("output_tail")).toString(), QStringLiteral("nope\n"));
    QCOMPARE(gates[2].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("not_run"));

    const CliRun usage = gate({QStringLiteral("--not-applicable"), QStringLiteral("Ok")});
    QCOMPARE(usage.exitCode, 64);
}

QTEST_GUILESS_MAIN(TstGates)
#include "tst_gates.moc"
