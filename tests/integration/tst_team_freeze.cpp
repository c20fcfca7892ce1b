// Stop-the-line on the real PostgreSQL fixture, across two workstations (alice's and bob's
// cockpits, each with its own connection and login): alice stops the line and bob's cockpit is
// held at once (his deploy refused naming her and her reason, his second start a Conflict); bob
// lifts it and alice sees it lifted; each write carries its author's audit entry, and a forgery
// at a psql prompt (someone else's name, a rewritten reason, no audit entry) is refused.
#include "session.h"
#include "store.h"
#include "support/postgres_fixture.h"
#include "support/scratch_repo.h"
#include "support/store_test_support.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

namespace {

class RawPg {
public:
    RawPg(const PostgresFixture &pg, const QString &login)
        : m_name(QStringLiteral("raw-%1-%2").arg(login).arg(quintptr(this)))
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(pg.port());
        db.setDatabaseName(QStringLiteral("cockpit"));
        db.setUserName(login);
        db.setPassword(PostgresFixture::password(login));
        db.open();
    }
    ~RawPg()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QString exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql) ? QString() : q.lastError().databaseText();
    }

private:
    QString m_name;
};

const QByteArray kPolicy = "project: T\n"
                           "roles:\n"
                           "  release_manager: [alice, bob]\n"
                           "release_types:\n"
                           "  minor: {}\n"
                           "environments:\n"
                           "  staging: {base_url: 'http://127.0.0.1:9'}\n";

}  // namespace

class TestTeamFreeze : public QObject {
    Q_OBJECT
    PostgresFixture m_pg;
    QTemporaryDir m_tmp;
    std::unique_ptr<ScratchRepo> m_repo;
    std::unique_ptr<Store> m_alice;
    std::unique_ptr<Store> m_bob;

private slots:
    void initTestCase()
    {
        const QString started = m_pg.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));  // a missing PostgreSQL fails, never skips
        Store admin;
        auto migrated = admin.open(m_pg.url(QStringLiteral("cockpit_admin")));
        COCKPIT_AWAIT(migrated);
        QVERIFY2(migrated.result().has_value(), why(migrated.result()).constData());
        m_alice = openedStore(m_pg.url(QStringLiteral("alice")));
        m_bob = openedStore(m_pg.url(QStringLiteral("bob")));
        QVERIFY(m_alice && m_bob);
        QVERIFY(m_tmp.isValid());
        m_repo = std::make_unique<ScratchRepo>(m_tmp.filePath(QStringLiteral("repo")));
        m_repo->commit(QStringLiteral("fix: initial"), {{QStringLiteral(".release-cockpit/policy.yml"), kPolicy},
                                                           {QStringLiteral("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n"}});
        QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
    }

    void aliceStopsTheLineForBob()
    {
        auto started = m_alice->startStopTheLine(QStringLiteral("payments outage"), QStringLiteral("alice")).result();
        QVERIFY2(started, why(started).constData());
        // Bob's workstation reads it from the shared store: no restart, no local state.
        auto seen = m_bob->stopTheLine().result();
        QVERIFY(seen && *seen);
        QCOMPARE((*seen)->startedBy, QStringLiteral("alice"));
        QCOMPARE((*seen)->reason, QStringLiteral("payments outage"));
        auto twice = m_bob->startStopTheLine(QStringLiteral("me too"), QStringLiteral("bob")).result();
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, ErrorCode::Conflict);
        // Bob's deploy is held, naming who stopped the line and why.
        auto ws = Workspace::load(m_repo->dir());
        QVERIFY2(ws, why(ws).constData());
        auto created = m_bob->createRelease(sampleRelease(QStringLiteral("2.0.0")), sampleChecklist(), QStringLiteral("bob")).result();
        QVERIFY2(created, why(created).constData());
        const Identity bob {QStringLiteral("bob"), QStringLiteral("bob")};
        auto refused = Session::applyDeployment(m_bob.get(), *ws, bob,
            Session::DeployRequest {QStringLiteral("2.0.0"), QStringLiteral("staging"), {}, false});
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("by alice: payments outage")), qPrintable(refused.error().message));
        auto holds = Session::currentHolds(m_bob.get(), ws->policy, QStringLiteral("minor"), QDateTime::currentDateTimeUtc());
        QVERIFY(holds);
        QCOMPARE(holds->blockers.size(), 1);
    }

    void forgeriesAreRefused()
    {
        RawPg bob(m_pg, QStringLiteral("bob"));
        QVERIFY(!bob.exec(QStringLiteral("UPDATE stop_the_line SET reason = 'nothing'")).isEmpty());
        QVERIFY(!bob.exec(QStringLiteral("INSERT INTO stop_the_line (reason, started_by, started_at) "
                                         "VALUES ('x', 'alice', '2026-12-07T09:00:00.000Z')")).isEmpty());
        // Ending it in his own name but without an audit entry: refused at COMMIT.
        QVERIFY(!bob.exec(QStringLiteral("UPDATE stop_the_line SET ended_by = 'bob', ended_at = '2026-12-07T09:00:00.000Z' "
                                         "WHERE ended_at IS NULL")).isEmpty());
        QVERIFY(!bob.exec(QStringLiteral("DELETE FROM stop_the_line")).isEmpty());
        auto still = m_alice->stopTheLine().result();
        QVERIFY(still && *still);
    }

    void bobLiftsItForAlice()
    {
        auto ended = m_bob->endStopTheLine(QStringLiteral("outage over"), QStringLiteral("bob")).result();
        QVERIFY2(ended, why(ended).constData());
        QCOMPARE(ended->endedBy, QStringLiteral("bob"));
        auto seen = m_alice->stopTheLine().result();
        QVERIFY(seen);
        QVERIFY(!*seen);
        auto log = m_alice->auditLog().result();
        QVERIFY(log);
        QStringList actions;
        for (const AuditEntry &e : *log)
            if (e.action.startsWith(QLatin1String("freeze.")))
                actions << e.action + u' ' + e.actor;
        QCOMPARE(actions, (QStringList {QStringLiteral("freeze.start alice"), QStringLiteral("freeze.end bob")}));
        QVERIFY(verifyAuditChain(*log).ok);
    }
};

QTEST_GUILESS_MAIN(TestTeamFreeze)
#include "tst_team_freeze.moc"
