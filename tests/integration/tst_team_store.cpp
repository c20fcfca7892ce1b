// Team mode on a real PostgreSQL (tests/fixtures/postgres_fixture.sh): the store's behaviours as
// tst_store checks them on SQLite, then what only a shared database has: two cockpits at once
// (no lost update, stale writes refused), LISTEN/NOTIFY reaching the other cockpit and its model,
// row-level security refusing raw SQL in somebody else's name, and a lost connection shown and
// re-established.
#include "checklist_model.h"
#include "support/postgres_fixture.h"
#include "support/store_test_support.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <memory>

using namespace cockpit;
using namespace cockpit::test;

namespace {

// Raw SQL as one login, as somebody at a psql prompt would type it.
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
        if (!db.open())
            m_error = db.lastError().text();
    }
    ~RawPg()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    [[nodiscard]] QString openError() const { return m_error; }
    // Empty when the statement succeeded, else the server's message.
    QString exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql) ? QString() : q.lastError().databaseText();
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }

private:
    QString m_name;
    QString m_error;
};

}  // namespace

class TestTeamStore : public QObject {
    Q_OBJECT
private:
    PostgresFixture m_pg;
    std::unique_ptr<Store> m_alice;
    std::unique_ptr<Store> m_bob;

    std::unique_ptr<Store> openAs(const QString &login) { return openedStore(m_pg.url(login)); }
    void createRelease(Store &store, const QString &version, const QString &login)
    {
        auto created = store.createRelease(sampleRelease(version), sampleChecklist(), login);
        COCKPIT_AWAIT(created);
        QVERIFY2(created.result().has_value(), why(created.result()).constData());
    }

private slots:
    void initTestCase()
    {
        const QString started = m_pg.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));  // a missing PostgreSQL fails, never skips

        // A plain login cannot create the schema: it would own the tables and bypass RLS.
        Store early;
        auto refused = early.open(m_pg.url(QStringLiteral("alice")));
        COCKPIT_AWAIT(refused);
        QVERIFY(!refused.result().has_value());
        QCOMPARE(refused.result().error().code, ErrorCode::Unavailable);
        QVERIFY2(refused.result().error().message.contains(QStringLiteral("cockpit_owner")),
            why(refused.result()).constData());

        Store admin;
        auto migrated = admin.open(m_pg.url(QStringLiteral("cockpit_admin")));
        COCKPIT_AWAIT(migrated);
        QVERIFY2(migrated.result().has_value(), why(migrated.result()).constData());
        auto version = admin.schemaVersion();
        COCKPIT_AWAIT(version);
        QCOMPARE(version.result().value(), Store::latestSchemaVersion());
    }

    void init()
    {
        RawPg admin(m_pg, QStringLiteral("cockpit_admin"));
        QCOMPARE(admin.exec(QStringLiteral("TRUNCATE releases, checklist_phases, checklist_items, audit_log, "
                                           "audit_head, signoffs, deployments CASCADE")),
            QString());
        m_alice = openAs(QStringLiteral("alice"));
        m_bob = openAs(QStringLiteral("bob"));
        QVERIFY(m_alice && m_bob);
    }
    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
    }

    void urlAndLoginNeverShowThePassword()
    {
        QCOMPARE(m_alice->login(), QStringLiteral("alice"));
        QVERIFY(m_alice->isTeam());
        QVERIFY(!m_alice->url().contains(QStringLiteral("alice-pw")));
        QVERIFY(!m_alice->displayName().contains(QStringLiteral("alice-pw")));
        QCOMPARE(
            m_alice->displayName(), QStringLiteral("PostgreSQL alice@127.0.0.1:%1/cockpit").arg(m_pg.port()));
    }

    void sameBehavioursAsSqlite()
    {
        const QString v = QStringLiteral("3.7.0");
        createRelease(*m_alice, v, QStringLiteral("alice"));
        auto duplicate = m_bob->createRelease(sampleRelease(v), sampleChecklist(), QStringLiteral("bob"));
        auto missing = m_bob->release(QStringLiteral("9.9.9"));
        auto na = m_alice->setItemState(v,
            itemWithState(QStringLiteral("pre-release.1"), ItemState::NotApplicable, {}, QStringLiteral(" ")),
            QStringLiteral("alice"));
        auto unknown = m_alice->setItemState(
            v, itemWithState(QStringLiteral("pre-release.99"), ItemState::Done), QStringLiteral("alice"));
        auto ticked = m_bob->setItemState(v,
            itemWithState(QStringLiteral("pre-release.2"), ItemState::Done, QStringLiteral("looked fine")),
            QStringLiteral("bob"));
        // Two clients: the audit order below is bob's tick, then alice's state change.
        COCKPIT_AWAIT(ticked);
        auto state = m_alice->setReleaseState(v, ReleaseState::Frozen, QStringLiteral("alice"));
        COCKPIT_AWAIT(state);
        QCOMPARE(duplicate.result().error().code, ErrorCode::Conflict);
        QCOMPARE(missing.result().error().code, ErrorCode::NotFound);
        QCOMPARE(na.result().error().code, ErrorCode::BadInput);
        QCOMPARE(unknown.result().error().code, ErrorCode::NotFound);
        QVERIFY2(ticked.result().has_value(), why(ticked.result()).constData());
        QCOMPARE(ticked.result()->rowVersion, 2);
        QCOMPARE(state.result()->rowVersion, 2);

        auto list = m_alice->checklist(v);
        auto release = m_bob->release(v);
        auto log = m_bob->auditLog(v);
        auto verified = m_alice->verifyAudit();
        COCKPIT_AWAIT(verified);
        QCOMPARE(release.result()->state, ReleaseState::Frozen);
        QCOMPARE(release.result()->manager, QStringLiteral("alice"));
        QCOMPARE(release.result()->commit, sampleRelease(v).commit);
        const Checklist listed = list.result().value();  // the pointer below points into this copy
        const ChecklistItem *item = listed.findItem(QStringLiteral("pre-release.2"));
        QCOMPARE(item->state, ItemState::Done);
        QCOMPARE(item->who, QStringLiteral("bob"));
        QCOMPARE(item->note, QStringLiteral("looked fine"));
        QCOMPARE(item->text, QStringLiteral("Step 2 is done"));
        QCOMPARE(item->rowVersion, 2);
        QStringList actions;
        const auto entries = log.result();  // a copy: iterating result().value() would dangle
        for (const AuditEntry &e : *entries)
            actions << e.action;
        QCOMPARE(actions, (QStringList {"release.create", "item.done", "release.state"}));
        QVERIFY2(verified.result()->ok, qPrintable(verified.result()->problem));
        QCOMPARE(verified.result()->entries, 3);
    }

    void twoClientsAtOnceLoseNothing()
    {
        const QString v = QStringLiteral("3.8.0");
        createRelease(*m_alice, v, QStringLiteral("alice"));
        QList<QFuture<Result<ChecklistItem>>> saves;
        // Interleaved on two connections: every write serialises on the advisory lock.
        for (int round = 0; round < 5; ++round) {
            for (const QString &key : {QStringLiteral("pre-release.1"), QStringLiteral("pre-release.2")}) {
                saves << m_alice->setItemState(
                    v, itemWithState(key, ItemState::Done), QStringLiteral("alice"));
                saves << m_bob->setItemState(v, itemWithState(key, ItemState::Failed), QStringLiteral("bob"));
            }
        }
        auto verified = m_alice->verifyAudit();
        COCKPIT_AWAIT(verified);
        for (auto &save : saves) {
            COCKPIT_AWAIT(save);
            QVERIFY2(save.result().has_value(), why(save.result()).constData());
        }
        auto log = m_bob->auditLog(v);
        auto list = m_bob->checklist(v);
        COCKPIT_AWAIT(list);
        QCOMPARE(log.result()->size(), 1 + saves.size());  // every save left its entry
        QVERIFY2(verified.result()->ok, qPrintable(verified.result()->problem));
        // Each item's row version counts every save of it: none was lost.
        QCOMPARE(list.result()->findItem(QStringLiteral("pre-release.1"))->rowVersion, 1 + 10);
        QCOMPARE(list.result()->findItem(QStringLiteral("pre-release.2"))->rowVersion, 1 + 10);
    }

    void staleWriteIsAConflictNamingTheItem()
    {
        const QString v = QStringLiteral("3.9.0");
        createRelease(*m_alice, v, QStringLiteral("alice"));
        auto aliceView = m_alice->checklist(v);
        auto bobView = m_bob->checklist(v);
        COCKPIT_AWAIT(bobView);
        COCKPIT_AWAIT(aliceView);
        ChecklistItem mine = *aliceView.result()->findItem(QStringLiteral("pre-release.3"));
        ChecklistItem theirs = *bobView.result()->findItem(QStringLiteral("pre-release.3"));
        QCOMPARE(mine.rowVersion, 1);
        mine.state = ItemState::Done;
        theirs.state = ItemState::Failed;
        auto first = m_alice->setItemState(v, mine, QStringLiteral("alice"));
        COCKPIT_AWAIT(first);
        QVERIFY2(first.result().has_value(), why(first.result()).constData());
        auto stale = m_bob->setItemState(v, theirs, QStringLiteral("bob"));
        COCKPIT_AWAIT(stale);
        QVERIFY(!stale.result().has_value());
        QCOMPARE(stale.result().error().code, ErrorCode::Conflict);
        QVERIFY2(stale.result().error().message.contains(QStringLiteral("pre-release.3"))
                && stale.result().error().message.contains(QStringLiteral("alice")),
            why(stale.result()).constData());
        auto now = m_bob->checklist(v);
        COCKPIT_AWAIT(now);
        QCOMPARE(now.result()->findItem(QStringLiteral("pre-release.3"))->state, ItemState::Done);
        // Re-read, the same change goes through.
        theirs.rowVersion = now.result()->findItem(QStringLiteral("pre-release.3"))->rowVersion;
        auto retried = m_bob->setItemState(v, theirs, QStringLiteral("bob"));
        COCKPIT_AWAIT(retried);
        QVERIFY2(retried.result().has_value(), why(retried.result()).constData());
    }

    void notifyReachesTheOtherCockpitAndItsModel()
    {
        const QString v = QStringLiteral("4.0.0");
        QSignalSpy releases(m_bob.get(), &Store::releaseChanged);
        createRelease(*m_alice, v, QStringLiteral("alice"));  // spins the event loop while it waits
        QTRY_VERIFY_WITH_TIMEOUT(!releases.isEmpty(), 10000);
        QCOMPARE(releases.last().first().toString(), v);

        auto loaded = m_bob->checklist(v);
        COCKPIT_AWAIT(loaded);
        ChecklistModel model;
        model.setChecklist(*loaded.result());
        connect(m_bob.get(), &Store::itemChanged, &model,
            [&model, v](const QString &version, const ChecklistItem &item) {
                if (version == v)
                    model.updateItem(item);
            });
        QSignalSpy items(m_bob.get(), &Store::itemChanged);
        QSignalSpy audits(m_bob.get(), &Store::auditAppended);
        QSignalSpy aliceItems(m_alice.get(), &Store::itemChanged);
        m_alice->setItemState(v,
            itemWithState(QStringLiteral("post-release.1"), ItemState::Done, QStringLiteral("green")),
            QStringLiteral("alice"));
        QVERIFY(items.wait(10000));
        const auto item = items.first().at(1).value<ChecklistItem>();
        QCOMPARE(item.key, QStringLiteral("post-release.1"));
        QCOMPARE(item.who, QStringLiteral("alice"));
        QCOMPARE(item.note, QStringLiteral("green"));
        const QModelIndex index = model.indexForKey(QStringLiteral("post-release.1"));
        QTRY_COMPARE(model.itemAt(index)->state, ItemState::Done);
        QCOMPARE(model.itemAt(index)->who, QStringLiteral("alice"));
        QTRY_COMPARE(audits.size(), 1);
        QCOMPARE(audits.first().first().value<AuditEntry>().action, QStringLiteral("item.done"));
        // Her own write is announced when its future finishes, and not again by the notice.
        QTRY_COMPARE(aliceItems.size(), 1);
        QTest::qWait(200);
        QCOMPARE(aliceItems.size(), 1);

        QSignalSpy signoffs(m_bob.get(), &Store::signoffChanged);
        Signoff s;
        s.version = v;
        s.role = QStringLiteral("platform_lead");
        s.signer = QStringLiteral("alice");
        s.digest = QStringLiteral("ab12");
        auto signed_ = m_alice->recordSignoff(s);
        COCKPIT_AWAIT(signed_);
        QVERIFY2(signed_.result().has_value(), why(signed_.result()).constData());
        QVERIFY(signed_.result()->id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!signoffs.isEmpty(), 10000);
        QCOMPARE(signoffs.first().first().toString(), v);
    }

    void rowLevelSecurityRefusesOtherNames()
    {
        const QString v = QStringLiteral("4.1.0");
        createRelease(*m_alice, v, QStringLiteral("alice"));
        RawPg alice(m_pg, QStringLiteral("alice"));
        QVERIFY2(alice.openError().isEmpty(), qPrintable(alice.openError()));
        const QString id
            = alice.value(QStringLiteral("SELECT id FROM releases WHERE version = '4.1.0'")).toString();
        const QString signoff = QStringLiteral(
            "INSERT INTO signoffs (release_id, role, signer, decision, digest, signed_at) "
            "VALUES (%1, 'platform_lead', '%2', 'approve', 'ab12', '2024-05-01T12:00:00.000Z')");
        const QString tick = QStringLiteral("UPDATE checklist_items SET state = 'done', who = '%2' WHERE "
                                            "release_id = %1 AND key = 'pre-release.1'");
        const QString audit
            = QStringLiteral("INSERT INTO audit_log (seq, at, actor, action, prev_hash, hash) "
                             "VALUES (%1, '2024-05-01T12:00:00.000Z', '%2', 'item.done', 'x', 'y')");
        const QString rls = QStringLiteral("row-level security");
        QVERIFY(alice.exec(signoff.arg(id, QStringLiteral("bob"))).contains(rls));
        QVERIFY(alice.exec(tick.arg(id, QStringLiteral("bob"))).contains(rls));
        QVERIFY(alice.exec(audit.arg(1000).arg(QStringLiteral("bob"))).contains(rls));
        // In her own name they get past row-level security, but a row written without an audit
        // entry of hers in the same transaction is refused at COMMIT (migration 010).
        const QString unaudited = QStringLiteral("audit entry");
        QVERIFY(alice.exec(signoff.arg(id, QStringLiteral("alice"))).contains(unaudited));
        QVERIFY(alice.exec(tick.arg(id, QStringLiteral("alice"))).contains(unaudited));
        QCOMPARE(alice.exec(audit.arg(1001).arg(QStringLiteral("alice"))), QString());
        // With her entry in the same transaction, naming it, the tick is on the record in her name.
        QCOMPARE(alice.exec(QStringLiteral(
                     "BEGIN; UPDATE checklist_items SET state = 'done', who = 'alice', audit_seq = 1000 "
                     "WHERE release_id = %1 AND key = 'pre-release.1'; INSERT INTO audit_log (seq, at, "
                     "actor, action, release, subject, prev_hash, hash) VALUES (1000, "
                     "'2024-05-01T12:00:00.000Z', 'alice', 'item.done', '4.1.0', 'pre-release.1', 'x', "
                     "'y'); COMMIT")
                         .arg(id)),
            QString());
        // The audit log is append-only for every login.
        QVERIFY(alice.exec(QStringLiteral("DELETE FROM audit_log"))
                    .contains(QStringLiteral("permission denied")));
        QVERIFY(alice.exec(QStringLiteral("UPDATE audit_log SET actor = 'alice'"))
                    .contains(QStringLiteral("permission denied")));

        // Through the store: acting as somebody else is Refused.
        auto impersonated = m_alice->setItemState(
            v, itemWithState(QStringLiteral("pre-release.2"), ItemState::Done), QStringLiteral("bob"));
        COCKPIT_AWAIT(impersonated);
        QCOMPARE(impersonated.result().error().code, ErrorCode::Refused);
    }

    // Last: it stops the server under every open store.
    void lostConnectionIsShownAndReestablished()
    {
        const QString v = QStringLiteral("5.0.0");
        createRelease(*m_alice, v, QStringLiteral("alice"));
        QSignalSpy connection(m_alice.get(), &Store::connectionChanged);
        QSignalSpy refreshed(m_alice.get(), &Store::releaseChanged);
        QCOMPARE(m_pg.pause(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!connection.isEmpty(), 10000);
        QCOMPARE(connection.first().at(0).toBool(), false);
        QVERIFY(!connection.first().at(1).toString().isEmpty());

        // Nothing is queued for later: a call during the outage fails now.
        auto during = m_alice->setItemState(
            v, itemWithState(QStringLiteral("pre-release.1"), ItemState::Done), QStringLiteral("alice"));
        COCKPIT_AWAIT(during);
        QCOMPARE(during.result().error().code, ErrorCode::Unavailable);

        QCOMPARE(m_pg.resume(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(connection.size() == 2, 30000);
        QCOMPARE(connection.at(1).at(0).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 10000);  // the view is told to reload
        QCOMPARE(refreshed.first().first().toString(), v);

        auto after = m_alice->setItemState(
            v, itemWithState(QStringLiteral("pre-release.1"), ItemState::Done), QStringLiteral("alice"));
        COCKPIT_AWAIT(after);
        QVERIFY2(after.result().has_value(), why(after.result()).constData());
        auto list = m_alice->checklist(v);
        COCKPIT_AWAIT(list);
        QCOMPARE(list.result()->findItem(QStringLiteral("pre-release.1"))->state, ItemState::Done);
        // The outage's failed call left nothing behind: one tick, one entry.
        auto log = m_alice->auditLog(v);
        COCKPIT_AWAIT(log);
        QCOMPARE(log.result()->size(), 2);
        // Bob reconnects too and hears alice again.
        QSignalSpy bobItems(m_bob.get(), &Store::itemChanged);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto r = m_bob->release(v);
                r.waitForFinished();
                return r.result().has_value();
            }(),
            30000);
        m_alice->setItemState(
            v, itemWithState(QStringLiteral("pre-release.2"), ItemState::Done), QStringLiteral("alice"));
        QVERIFY(bobItems.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestTeamStore)
#include "tst_team_store.moc"
