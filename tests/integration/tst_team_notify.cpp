// Team mode's notices on a real PostgreSQL (tests/fixtures/postgres_fixture.sh): a change that fits
// NOTIFY's 8000 bytes reaches the other cockpit with its row in the notice (migration 009), one
// that does not is read back; either way the other cockpit announces exactly what was saved.
#include "support/postgres_fixture.h"
#include "support/store_test_support.h"

#include <QSignalSpy>
#include <memory>

using namespace cockpit;
using namespace cockpit::test;

class TestTeamNotify : public QObject {
    Q_OBJECT
private:
    PostgresFixture m_pg;
    std::unique_ptr<Store> m_alice;
    std::unique_ptr<Store> m_bob;
    int m_release = 0;

    std::unique_ptr<Store> openAs(const QString &login) { return openedStore(m_pg.url(login)); }

    // Alice saves the item; Bob's store announces it. Both announcements must be what Alice saved.
    void tickAndCompare(const ChecklistItem &tick)
    {
        const QString v = QStringLiteral("5.%1.0").arg(++m_release);
        auto created = m_alice->createRelease(sampleRelease(v), sampleChecklist(), QStringLiteral("alice"));
        COCKPIT_AWAIT(created);
        QVERIFY2(created.result().has_value(), why(created.result()).constData());
        QSignalSpy items(m_bob.get(), &Store::itemChanged);
        QSignalSpy audits(m_bob.get(), &Store::auditAppended);
        QSignalSpy ownAudits(m_alice.get(), &Store::auditAppended);
        auto saved = m_alice->setItemState(v, tick, QStringLiteral("alice"));
        COCKPIT_AWAIT(saved);
        QVERIFY2(saved.result().has_value(), why(saved.result()).constData());
        QTRY_COMPARE_WITH_TIMEOUT(items.size(), 1, 10000);
        QCOMPARE(items.first().at(0).toString(), v);
        const auto item = items.first().at(1).value<ChecklistItem>();
        // result() is a copy: a reference into *saved.result() would dangle (stack-use-after-scope).
        const auto savedItem = saved.result();
        const ChecklistItem &mine = *savedItem;
        QCOMPARE(item.key, mine.key);
        QCOMPARE(item.state, mine.state);
        QCOMPARE(item.who, mine.who);
        QCOMPARE(item.when, mine.when);
        QCOMPARE(item.note, mine.note);
        QCOMPARE(item.naReason, mine.naReason);
        QCOMPARE(item.evidence, mine.evidence);
        QCOMPARE(item.rowVersion, mine.rowVersion);

        // Either store may hear of the release's creation only now (its notice can come after the
        // spies start): the tick's entry is the one item.* entry, announced once to each.
        const auto itemEntries = [](const QSignalSpy &spy) {
            QList<AuditEntry> found;
            for (const QList<QVariant> &signal : spy) {
                const auto e = signal.first().value<AuditEntry>();
                if (e.action.startsWith(QLatin1String("item.")))
                    found << e;
            }
            return found;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!itemEntries(audits).isEmpty(), 10000);
        QTRY_VERIFY(!itemEntries(ownAudits).isEmpty());
        QCOMPARE(itemEntries(audits).size(), 1);
        QCOMPARE(itemEntries(ownAudits).size(), 1);
        const AuditEntry entry = itemEntries(audits).first();
        const AuditEntry own = itemEntries(ownAudits).first();
        QCOMPARE(canonicalAuditJson(entry), canonicalAuditJson(own));
        QCOMPARE(entry.prevHash, own.prevHash);
        QCOMPARE(entry.hash, own.hash);
        QCOMPARE(chainHash(entry.prevHash, entry), entry.hash);  // what Bob got still verifies
    }

private slots:
    void initTestCase()
    {
        const QString started = m_pg.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));  // a missing PostgreSQL fails, never skips
        Store admin;
        auto migrated = admin.open(m_pg.url(QStringLiteral("cockpit_admin")));
        COCKPIT_AWAIT(migrated);
        QVERIFY2(migrated.result().has_value(), why(migrated.result()).constData());
    }
    void init()
    {
        m_alice = openAs(QStringLiteral("alice"));
        m_bob = openAs(QStringLiteral("bob"));
        QVERIFY(m_alice && m_bob);
    }
    void cleanup()
    {
        m_alice.reset();
        m_bob.reset();
    }

    void rowInTheNoticeIsWhatWasSaved()
    {
        ChecklistItem tick
            = itemWithState(QStringLiteral("post-release.1"), ItemState::Done, QStringLiteral("gr\u00fcn"));
        tick.evidence = QStringLiteral("https://ci.example.com/run/42");
        tickAndCompare(tick);
    }

    void rowTooLongForTheNoticeIsReadBack()
    {
        // pg_notify refuses 8000 bytes or more: the notice goes without its row, the tick still saves.
        ChecklistItem tick = itemWithState(QStringLiteral("post-release.2"), ItemState::NotApplicable);
        tick.naReason = QStringLiteral("not this time");
        tick.note = QString(9000, u'n');
        tickAndCompare(tick);
    }

    void multiByteRowIsMeasuredInBytes()
    {
        // 3990 characters but 7980 bytes: counted in characters it would fit, and NOTIFY would refuse
        // it and fail the tick.
        ChecklistItem tick = itemWithState(QStringLiteral("pre-release.1"), ItemState::Done);
        tick.note = QString(3990, QChar(0xe9));
        tickAndCompare(tick);
    }
};

QTEST_GUILESS_MAIN(TestTeamNotify)
#include "tst_team_notify.moc"
