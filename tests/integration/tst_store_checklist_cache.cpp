// The store keeps each checklist it read and, on the next read, parses no Markdown and reads only
// the rows changed since (services/store/checklist_cache.h). These tests change a release behind
// the reading store's back, from a second store on the same SQLite file, and check that every read
// equals what a store opened afresh reads: ticks, several at once, a new phase, a write that
// rolled back, and rows removed by hand.
#include "support/store_test_support.h"

#include <QSqlDatabase>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

using namespace cockpit;
using namespace cockpit::test;

namespace {

const QString kVersion = QStringLiteral("3.7.0");

// Item states as one comparable line: "pre-release.1=done/ana/note;...".
QString statesOf(const Checklist &list)
{
    QStringList out;
    for (const ChecklistPhase &phase : list.phases)
        for (const ChecklistSection &section : phase.sections)
            for (const ChecklistItem &item : section.items)
                out << QStringLiteral("%1=%2/%3/%4/%5/%6")
                           .arg(item.key, itemStateName(item.state), item.who, item.note, item.naReason)
                           .arg(item.rowVersion);
    return out.join(u';');
}

}  // namespace

class TestStoreChecklistCache : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_reader;  // the store whose cache is under test
    std::unique_ptr<Store> m_writer;  // another cockpit on the same file

    QString dbPath() const { return m_dir.filePath(QStringLiteral("cockpit.sqlite")); }

    Checklist read(Store *store)
    {
        auto list = store->checklist(kVersion);
        while (!list.isFinished())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!list.result())
            qWarning() << list.result().error().toString();
        return list.result().value_or(Checklist {});
    }

    // What a store that never read this release says.
    Checklist fresh()
    {
        auto store = openedStore(dbPath());
        return store ? read(store.get()) : Checklist {};
    }

    void tick(Store *store, const QString &key, ItemState state, const QString &who, const QString &note = {})
    {
        auto done = store->setItemState(kVersion, itemWithState(key, state, note), who);
        COCKPIT_AWAIT(done);
        QVERIFY2(done.result().has_value(), why(done.result()).constData());
    }

private slots:
    void init()
    {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(dbPath() + suffix);
        m_reader = openedStore(dbPath());
        QVERIFY(m_reader);
        auto created = m_reader->createRelease(sampleRelease(kVersion), sampleChecklist(40), QStringLiteral("ana"));
        COCKPIT_AWAIT(created);
        QVERIFY2(created.result().has_value(), why(created.result()).constData());
        m_writer = openedStore(dbPath());
        QVERIFY(m_writer);
    }
    void cleanup()
    {
        m_writer.reset();
        m_reader.reset();
    }

    void aTickByAnotherStoreIsSeen()
    {
        QCOMPARE(read(m_reader.get()).closedCount(), 0);  // read once: cached
        tick(m_writer.get(), QStringLiteral("pre-release.7"), ItemState::Done, QStringLiteral("bo"), QStringLiteral("ok"));
        const Checklist after = read(m_reader.get());
        QCOMPARE(after.closedCount(), 1);
        QCOMPARE(after.findItem(QStringLiteral("pre-release.7"))->who, QStringLiteral("bo"));
        QCOMPARE(after.findItem(QStringLiteral("pre-release.7"))->note, QStringLiteral("ok"));
        QCOMPARE(statesOf(after), statesOf(fresh()));
    }

    // A window on a SQLite file is told what another process wrote there (the command line ticking,
    // moving a canary): the store sees the file's data version change and every view reloads.
    void aWriteByAnotherStoreIsAnnounced()
    {
        QSignalSpy changed(m_reader.get(), &Store::releaseChanged);
        tick(m_writer.get(), QStringLiteral("pre-release.3"), ItemState::Done, QStringLiteral("bo"), QString());
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() > 0, 10000);
        QCOMPARE(changed.constFirst().constFirst().toString(), kVersion);
        QCOMPARE(read(m_reader.get()).findItem(QStringLiteral("pre-release.3"))->state, ItemState::Done);
    }

    void manyChangesBetweenReadsAreAllSeen()
    {
        read(m_reader.get());
        for (int i = 1; i <= 40; i += 3)
            tick(m_writer.get(), QStringLiteral("pre-release.%1").arg(i), ItemState::Done, QStringLiteral("bo"));
        tick(m_writer.get(), QStringLiteral("pre-release.4"), ItemState::Open, QStringLiteral("cy"));  // reopened
        tick(m_reader.get(), QStringLiteral("pre-release.2"), ItemState::Failed, QStringLiteral("ana"));
        tick(m_writer.get(), QStringLiteral("post-release.1"), ItemState::Done, QStringLiteral("cy"));
        const Checklist after = read(m_reader.get());
        QCOMPARE(after.findItem(QStringLiteral("pre-release.4"))->state, ItemState::Open);
        QCOMPARE(after.findItem(QStringLiteral("pre-release.4"))->who, QStringLiteral("cy"));
        QCOMPARE(after.findItem(QStringLiteral("pre-release.2"))->state, ItemState::Failed);
        QCOMPARE(after.closedCount(), 13 + 1);  // 14 ticked minus the reopened one, plus post-release.1
        QCOMPARE(statesOf(after), statesOf(fresh()));
        QCOMPARE(statesOf(read(m_reader.get())), statesOf(after));  // nothing changed: the same
    }

    void aNewPhaseIsSeen()
    {
        QCOMPARE(read(m_reader.get()).phases.size(), 2);
        auto phase = parseChecklist(
            "# Post-mortem\n\n- [ ] Post-mortem written\n", QStringLiteral("post-mortem"), QStringLiteral("pm.md"));
        QVERIFY(phase.has_value());
        auto appended = m_writer->appendChecklistPhase(kVersion, *phase, QStringLiteral("bo"));
        COCKPIT_AWAIT(appended);
        QVERIFY2(appended.result().has_value(), why(appended.result()).constData());
        tick(m_writer.get(), QStringLiteral("post-mortem.1"), ItemState::Done, QStringLiteral("bo"));
        const Checklist after = read(m_reader.get());
        QCOMPARE(after.phases.size(), 3);
        QCOMPARE(after.findItem(QStringLiteral("post-mortem.1"))->state, ItemState::Done);
        QCOMPARE(statesOf(after), statesOf(fresh()));
    }

    void aRefusedWriteLeavesNothingBehind()
    {
        read(m_reader.get());
        tick(m_writer.get(), QStringLiteral("pre-release.1"), ItemState::Done, QStringLiteral("bo"));
        // The reader saves with the row version it had: a conflict, rolled back inside its transaction.
        ChecklistItem stale = itemWithState(QStringLiteral("pre-release.1"), ItemState::Failed);
        stale.rowVersion = 1;
        auto refused = m_reader->setItemState(kVersion, stale, QStringLiteral("ana"));
        COCKPIT_AWAIT(refused);
        QCOMPARE(refused.result().error().code, ErrorCode::Conflict);
        const Checklist after = read(m_reader.get());
        QCOMPARE(after.findItem(QStringLiteral("pre-release.1"))->state, ItemState::Done);
        tick(m_writer.get(), QStringLiteral("pre-release.2"), ItemState::Done, QStringLiteral("bo"));
        QCOMPARE(statesOf(read(m_reader.get())), statesOf(fresh()));
    }

    // A row changed without a newer audit_seq (only a hand edit of the file can do it) is not
    // seen by the cache; a change in the number of rows is, and makes a full read.
    void aRowAddedByHandMakesAFullRead()
    {
        read(m_reader.get());
        const QString name = QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("DELETE FROM checklist_items WHERE key = 'pre-release.3'")));
            QVERIFY(q.exec(QStringLiteral("UPDATE checklist_items SET state = 'done', who = 'hand' "
                                          "WHERE key = 'pre-release.5'")));
        }
        QSqlDatabase::removeDatabase(name);
        const Checklist after = read(m_reader.get());
        QCOMPARE(after.findItem(QStringLiteral("pre-release.5"))->who, QStringLiteral("hand"));
        QCOMPARE(statesOf(after), statesOf(fresh()));
    }
};

QTEST_GUILESS_MAIN(TestStoreChecklistCache)
#include "tst_store_checklist_cache.moc"
