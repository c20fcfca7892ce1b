// Issue 14: in team mode every row a login can write is bound to that login by PostgreSQL itself
// (migration 010). On a real server (tests/fixtures/postgres_fixture.sh): every table cockpit_user
// may write has row-level security (read from pg_catalog); each forgery found by hand, replayed
// through a real psql as the other login, is refused and changes nothing; the cockpit's own paths
// still work for the rightful login; and audit verify finds rows no entry explains.
#include "support/postgres_fixture.h"
#include "support/store_test_support.h"

#include <QProcess>
#include <QStandardPaths>

using namespace cockpit;
using namespace cockpit::test;

namespace {

struct Psql {
    int exitCode = -1;
    QString out;
    QString err;
};

}  // namespace

class TestTeamRights : public QObject {
    Q_OBJECT
private:
    PostgresFixture m_pg;
    std::unique_ptr<Store> m_alice;
    std::unique_ptr<Store> m_bob;

    // One psql session (-1: one transaction) as login, as somebody at a prompt would type it.
    Psql psql(const QString &login, const QString &sql)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), PostgresFixture::password(login));
        p.setProcessEnvironment(env);
        p.start(QStandardPaths::findExecutable(QStringLiteral("psql")),
            {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-At"), QStringLiteral("-1"),
                QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"),
                QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_pg.port()),
                QStringLiteral("-U"), login, QStringLiteral("-d"), QStringLiteral("cockpit"),
                QStringLiteral("-c"), sql});
        Psql r;
        if (!p.waitForFinished(30000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        return r;
    }
    QString value(const QString &sql) { return psql(QStringLiteral("cockpit_admin"), sql).out; }

    template <class F> static auto done(F future)
    {
        while (!future.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        return future.result();
    }
    static RollbackRecord twoPersonRollback(const QString &version)
    {
        RollbackRecord r;
        r.version = version;
        r.state = RollbackState::AwaitingApproval;
        r.plan.version = version;
        r.plan.environment = QStringLiteral("production");
        r.plan.targetVersion = QStringLiteral("3.7.0");
        r.plan.reason = QStringLiteral("5xx above 5%");
        r.plan.twoPerson = true;
        PlannedRollbackStep step;
        step.name = QStringLiteral("announce");
        step.instruction = QStringLiteral("Tell #ops");
        r.plan.steps << step;
        return r;
    }
    void expectVerified(Store &store)
    {
        const auto verified = done(store.verifyAudit());
        QVERIFY2(verified.has_value(), why(verified).constData());
        QVERIFY2(verified->ok, qPrintable(verified->problem));
    }

private slots:
    void initTestCase()
    {
        const QString started = m_pg.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));  // a missing PostgreSQL fails, never skips
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty(), "psql is not installed");
        QVERIFY(openedStore(m_pg.url(QStringLiteral("cockpit_admin"))));  // migrates
    }
    void init()
    {
        const Psql cleared = psql(QStringLiteral("cockpit_admin"),
            QStringLiteral("TRUNCATE releases, checklist_phases, checklist_items, audit_log, audit_head, "
                           "signoffs, deployments, soak_runs, probe_results, rollbacks, rollback_steps, "
                           "deploy_locks CASCADE"));
        QVERIFY2(cleared.exitCode == 0, qPrintable(cleared.err));
        m_alice = openedStore(m_pg.url(QStringLiteral("alice")));
        m_bob = openedStore(m_pg.url(QStringLiteral("bob")));
        QVERIFY(m_alice && m_bob);
    }
    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
    }

    void everyTableALoginMayWriteHasRowLevelSecurity()
    {
        const QString writable = QStringLiteral(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND (%1) ORDER BY 1");
        const QString canWrite = QStringLiteral(
            "has_table_privilege('cockpit_user', c.oid, 'INSERT') OR has_table_privilege('cockpit_user', "
            "c.oid, 'UPDATE') OR has_table_privilege('cockpit_user', c.oid, 'DELETE') OR "
            "has_any_column_privilege('cockpit_user', c.oid, 'INSERT') OR "
            "has_any_column_privilege('cockpit_user', c.oid, 'UPDATE')");
        const QStringList tables = value(writable.arg(canWrite)).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(tables.contains(QStringLiteral("releases")) && tables.contains(QStringLiteral("audit_head"))
                && tables.contains(QStringLiteral("soak_runs")),
            qPrintable(tables.join(u' ')));
        const QString bare = value(writable.arg(QStringLiteral("(%1) AND NOT c.relrowsecurity").arg(canWrite)));
        QVERIFY2(bare.isEmpty(), qPrintable(QStringLiteral("writable by cockpit_user without RLS: ") + bare));
        // Nothing is deletable at all: a record is evidence.
        QCOMPARE(value(writable.arg(QStringLiteral("has_table_privilege('cockpit_user', c.oid, 'DELETE')"))),
            QString());
    }

    void forgeriesThroughPsqlAreRefused_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addRow("approve bob's rollback in alice's name")
            << QStringLiteral("UPDATE rollbacks SET approved_by = 'alice', state = 'halted'");
        QTest::addRow("approve his own rollback")
            << QStringLiteral("UPDATE rollbacks SET approved_by = 'bob', state = 'running'");
        QTest::addRow("run it unapproved") << QStringLiteral("UPDATE rollbacks SET state = 'halted'");
        QTest::addRow("ask for a two-person rollback already running")
            << QStringLiteral("INSERT INTO rollbacks (release_id, version, state, plan_json, requested_by, "
                              "requested_at) SELECT id, version, 'running', '{\"two_person\": true}', 'bob', "
                              "'2024-05-01T12:00:00.000Z' FROM releases");
        QTest::addRow("release in alice's name")
            << QStringLiteral("UPDATE releases SET manager = 'alice', state = 'released'");
        QTest::addRow("release skipping the lifecycle") << QStringLiteral("UPDATE releases SET state = 'released'");
        QTest::addRow("freeze without an audit entry") << QStringLiteral("UPDATE releases SET state = 'frozen'");
        QTest::addRow("soak PASS inserted")
            << QStringLiteral("INSERT INTO soak_runs (release_version, environment, kind, verdict, recorded_at, "
                              "recording_json) VALUES ('3.8.0', 'production', 'deployment', 'PASS', "
                              "'2024-05-01T12:00:00.000Z', '{}')");
        // Nothing overwrites a run (issue 18): not even with an audit entry.
        QTest::addRow("soak FAIL turned PASS") << QStringLiteral("UPDATE soak_runs SET verdict = 'PASS'");
        QTest::addRow("probe result")
            << QStringLiteral("INSERT INTO probe_results (seq, release_version, environment, ok, probed_at, "
                              "result_json) VALUES (99, '3.8.0', 'production', 1, '2024-05-01T12:00:00.000Z', "
                              "'{}')");
        QTest::addRow("phase appended")
            << QStringLiteral("INSERT INTO checklist_phases (release_id, position, name, source) "
                              "SELECT id, 9, 'extra', '- [ ] x' FROM releases");
        QTest::addRow("phase rewritten") << QStringLiteral("UPDATE checklist_phases SET source = ''");
        QTest::addRow("tick without an audit entry")
            << QStringLiteral("UPDATE checklist_items SET state = 'done', who = 'bob'");
        // A canary moved by hand (issue 15): no audit entry of bob's, and nothing rewrites an event.
        QTest::addRow("canary at 100% inserted")
            << QStringLiteral("INSERT INTO canary_events (release_version, seq, kind, phase, percent, recorded_by, "
                              "recorded_at) VALUES ('3.8.0', 1, 'traffic', 2, 100, 'bob', '2024-05-01T12:00:00.000Z')");
        QTest::addRow("canary event rewritten") << QStringLiteral("UPDATE canary_events SET percent = 100");
        QTest::addRow("head bumped") << QStringLiteral("UPDATE audit_head SET seq = seq + 1, hash = 'ff'");
        QTest::addRow("head rewound") << QStringLiteral("UPDATE audit_head SET seq = 1, "
                                                        "hash = (SELECT hash FROM audit_log WHERE seq = 1)");
    }

    void forgeriesThroughPsqlAreRefused()
    {
        QFETCH(QString, sql);
        const QString v = QStringLiteral("3.8.0");
        QVERIFY(done(m_alice->createRelease(sampleRelease(v), sampleChecklist(), QStringLiteral("alice"))));
        QVERIFY(done(m_alice->saveSoakRecording(v, QStringLiteral("production"), "{\"verdict\":\"FAIL\"}",
            QStringLiteral("FAIL"), QStringLiteral("alice"))));
        const auto asked = done(m_bob->createRollback(twoPersonRollback(v), QStringLiteral("bob")));
        QVERIFY2(asked.has_value(), why(asked).constData());
        const QString snapshot = QStringLiteral(
            "SELECT (SELECT string_agg(concat_ws('|', manager, state, audit_seq), ',') FROM releases) || ';' || "
            "(SELECT string_agg(concat_ws('|', state, approved_by), ',') FROM rollbacks) || ';' || "
            "(SELECT string_agg(verdict, ',') FROM soak_runs) || ';' || "
            "(SELECT count(*) FROM probe_results) || ';' || (SELECT count(*) FROM checklist_phases) || ';' || "
            "(SELECT count(*) FROM canary_events) || ';' || "
            "(SELECT string_agg(concat_ws('|', key, state, who), ',' ORDER BY key) FROM checklist_items) || ';' || "
            "(SELECT concat_ws('|', seq, hash) FROM audit_head)");
        const QString before = value(snapshot);
        QVERIFY(!before.isEmpty());

        const Psql forged = psql(QStringLiteral("bob"), sql);
        QVERIFY2(forged.exitCode != 0, qPrintable(QStringLiteral("accepted: ") + sql));
        QVERIFY2(forged.err.contains(QStringLiteral("ERROR")), qPrintable(forged.err));
        QCOMPARE(value(snapshot), before);
        // The rollback still waits for a second person: resuming it runs nothing.
        const auto rollback = done(m_bob->rollback(asked->id));
        QCOMPARE(rollback->state, RollbackState::AwaitingApproval);
        QCOMPARE(rollback->approvedBy, QString());
        expectVerified(*m_alice);
    }

    void rightfulPathsStillWork()
    {
        const QString v = QStringLiteral("3.9.0");
        const QString prod = QStringLiteral("production");
        QVERIFY(done(m_alice->createRelease(sampleRelease(v), sampleChecklist(), QStringLiteral("alice"))));
        const auto ticked = done(m_bob->setItemState(
            v, itemWithState(QStringLiteral("pre-release.1"), ItemState::Done), QStringLiteral("bob")));
        QVERIFY2(ticked.has_value(), why(ticked).constData());
        const auto frozen = done(m_alice->setReleaseState(v, ReleaseState::Frozen, QStringLiteral("alice")));
        QVERIFY2(frozen.has_value(), why(frozen).constData());
        Signoff signoff {0, v, QStringLiteral("platform_lead"), QStringLiteral("bob"), SignoffDecision::Approve,
            {}, QStringLiteral("ab12"), {}, {}};
        const auto signedOff = done(m_bob->recordSignoff(signoff));
        QVERIFY2(signedOff.has_value(), why(signedOff).constData());
        QVERIFY(done(m_alice->saveSoakRecording(v, prod, "{}", QStringLiteral("FAIL"), QStringLiteral("alice"))));
        const auto soaked = done(m_bob->saveSoakRecording(v, prod, "{}", QStringLiteral("PASS"), QStringLiteral("bob")));
        QVERIFY2(soaked.has_value(), why(soaked).constData());
        // Both runs kept, each in its recorder's name (issue 18: nothing overwrites a run).
        QCOMPARE(value(QStringLiteral("SELECT string_agg(verdict || recorded_by, ',' ORDER BY id) FROM soak_runs")),
            QStringLiteral("FAILalice,PASSbob"));
        const auto probed = done(m_alice->saveProbeResult(v, prod, true, "{}", QStringLiteral("alice")));
        QVERIFY2(probed.has_value(), why(probed).constData());
        const auto deployed = done(m_alice->recordDeployment(v, prod, QStringLiteral("alice")));
        QVERIFY2(deployed.has_value(), why(deployed).constData());

        const auto asked = done(m_bob->createRollback(twoPersonRollback(v), QStringLiteral("bob")));
        QVERIFY2(asked.has_value(), why(asked).constData());
        const auto self = done(m_bob->approveRollback(asked->id, QStringLiteral("bob")));
        QVERIFY(!self.has_value());
        const auto approved = done(m_alice->approveRollback(asked->id, QStringLiteral("alice")));
        QVERIFY2(approved.has_value(), why(approved).constData());
        RollbackStepRecord step = approved->steps.first();
        step.state = RollbackStepState::Succeeded;
        const auto stepped = done(m_alice->saveRollbackStep(asked->id, step, {}, {}, QStringLiteral("alice")));
        QVERIFY2(stepped.has_value(), why(stepped).constData());
        const auto after = parseChecklist(
            "# After the rollback\n\n- [ ] Post-mortem booked\n", QStringLiteral("post-rollback"), QStringLiteral("pr.md"));
        QVERIFY(after.has_value());
        const auto finished
            = done(m_alice->finishRollback(asked->id, QStringLiteral("rolled back"), *after, QStringLiteral("alice")));
        QVERIFY2(finished.has_value(), why(finished).constData());
        QCOMPARE(done(m_bob->release(v))->state, ReleaseState::RolledBack);
        const auto lifted = done(m_bob->liftDeployLock(v, QStringLiteral("fixed"), QStringLiteral("bob")));
        QVERIFY2(lifted.has_value(), why(lifted).constData());
        expectVerified(*m_bob);
    }

    void auditVerifyFindsRowsNoEntryExplains()
    {
        const QString v = QStringLiteral("4.0.0");
        QVERIFY(done(m_alice->createRelease(sampleRelease(v), sampleChecklist(), QStringLiteral("alice"))));
        QVERIFY(done(m_bob->setItemState(
            v, itemWithState(QStringLiteral("pre-release.2"), ItemState::Done), QStringLiteral("bob"))));
        expectVerified(*m_alice);
        // The schema's owner (a DBA, not a login) can still switch the guards off and edit a row.
        const Psql edited = psql(QStringLiteral("cockpit_admin"),
            QStringLiteral("SET ROLE cockpit_owner; ALTER TABLE checklist_items DISABLE TRIGGER USER; "
                           "UPDATE checklist_items SET state = 'na', na_reason = 'later' WHERE key = "
                           "'pre-release.2'; ALTER TABLE checklist_items ENABLE TRIGGER USER"));
        QVERIFY2(edited.exitCode == 0, qPrintable(edited.err));
        auto verified = done(m_alice->verifyAudit());
        QVERIFY(verified.has_value() && !verified->ok);
        QVERIFY2(verified->problem.contains(QStringLiteral("item pre-release.2 of 4.0.0")), qPrintable(verified->problem));

        // An emptied log and head: the rows are still there, and no entry explains them.
        QCOMPARE(psql(QStringLiteral("cockpit_admin"), QStringLiteral("TRUNCATE audit_log, audit_head")).exitCode, 0);
        verified = done(m_alice->verifyAudit());
        QVERIFY(verified.has_value() && !verified->ok);
        QCOMPARE(verified->entries, 0);
        QVERIFY2(verified->problem.contains(QStringLiteral("release 4.0.0 has no audit entry")),
            qPrintable(verified->problem));
    }
};

QTEST_GUILESS_MAIN(TestTeamRights)
#include "tst_team_rights.moc"
