// The store end to end on a real SQLite file: releases, checklist instances, item states, the
// audit entries each change leaves, signals, and that callers are never blocked.
#include "support/store_test_support.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <memory>

using namespace cockpit;
using namespace cockpit::test;

namespace {
const QDateTime kNow(QDate(2024, 5, 1), QTime(12, 0, 0, 123), Qt::UTC);
}

class TestStore : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;

    QString dbPath() const { return m_dir.filePath(QStringLiteral("cockpit.sqlite")); }

private slots:
    void init()
    {
        QFile::remove(dbPath());
        QFile::remove(dbPath() + QStringLiteral("-wal"));
        QFile::remove(dbPath() + QStringLiteral("-shm"));
        m_store = std::make_unique<Store>();
        m_store->setClock([] { return kNow; });
        auto opened = m_store->open(dbPath());
        COCKPIT_AWAIT(opened);
        QVERIFY2(opened.result().has_value(), why(opened.result()).constData());
    }
    void cleanup() { m_store.reset(); }

    void opensWithLatestSchema()
    {
        auto version = m_store->schemaVersion();
        COCKPIT_AWAIT(version);
        QCOMPARE(version.result().value(), Store::latestSchemaVersion());
        QVERIFY(Store::latestSchemaVersion() >= 2);
        QVERIFY(m_store->displayName().startsWith(QStringLiteral("SQLite ")));
        QVERIFY(m_store->displayName().endsWith(QStringLiteral("cockpit.sqlite")));
    }

    void sqliteUrlPrefix()
    {
        Store other;
        auto opened = other.open(QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("other.sqlite")));
        COCKPIT_AWAIT(opened);
        QVERIFY(opened.result().has_value());
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("other.sqlite"))));
    }

    void missingDirectoryIsUnavailable()
    {
        Store other;
        const QString path = m_dir.filePath(QStringLiteral("no/such/dir/cockpit.sqlite"));
        auto opened = other.open(path);
        COCKPIT_AWAIT(opened);
        QVERIFY(!opened.result().has_value());
        QCOMPARE(opened.result().error().code, ErrorCode::Unavailable);
        QVERIFY2(opened.result().error().message.contains(path), why(opened.result()).constData());
        auto releases = other.releases();
        COCKPIT_AWAIT(releases);
        QVERIFY(!releases.result().has_value());
    }

    void postgresqlUnreachable()
    {
        // Team mode itself is tst_team_store's; here: no server is Unavailable, and the password
        // in the URL shows nowhere.
        Store other;
        auto opened = other.open(QStringLiteral("postgresql://cockpit:secret@127.0.0.1:1/cockpit"));
        COCKPIT_AWAIT(opened);
        QCOMPARE(opened.result().error().code, ErrorCode::Unavailable);
        QVERIFY2(opened.result().error().message.contains(QStringLiteral("cannot connect")),
            why(opened.result()).constData());
        QVERIFY(!opened.result().error().toString().contains(QStringLiteral("secret")));
        QVERIFY(!other.url().contains(QStringLiteral("secret")));
        QVERIFY(!other.displayName().contains(QStringLiteral("secret")));
    }

    void createAndList()
    {
        auto created = m_store->createRelease(
            sampleRelease(QStringLiteral("3.7.0")), sampleChecklist(), QStringLiteral("ana@example.com"));
        COCKPIT_AWAIT(created);
        QVERIFY2(created.result().has_value(), why(created.result()).constData());
        QVERIFY(created.result()->id > 0);
        QCOMPARE(created.result()->manager, QStringLiteral("ana@example.com"));
        QCOMPARE(created.result()->createdAt, kNow);

        auto second = m_store->createRelease(
            sampleRelease(QStringLiteral("3.7.1")), sampleChecklist(2), QStringLiteral("bo@example.com"));
        auto duplicate = m_store->createRelease(
            sampleRelease(QStringLiteral("3.7.0")), sampleChecklist(), QStringLiteral("bo@example.com"));
        auto list = m_store->releases();
        COCKPIT_AWAIT(list);
        QCOMPARE(duplicate.result().error().code, ErrorCode::Conflict);
        QVERIFY(second.result().has_value());
        QCOMPARE(list.result()->size(), 2);

        auto read = m_store->release(QStringLiteral("3.7.0"));
        COCKPIT_AWAIT(read);
        const ReleaseRecord r = read.result().value();
        QCOMPARE(r.type, QStringLiteral("minor"));
        QCOMPARE(r.commit, QStringLiteral("0123456789abcdef0123456789abcdef01234567"));
        QVERIFY(r.commitPinned);
        QCOMPARE(r.branch, QStringLiteral("release/3.7"));
        QCOMPARE(r.targetDate, QDate(2024, 6, 3));
        QCOMPARE(r.state, ReleaseState::Draft);
        QCOMPARE(r.rowVersion, 1);

        auto missing = m_store->release(QStringLiteral("9.9.9"));
        COCKPIT_AWAIT(missing);
        QCOMPARE(missing.result().error().code, ErrorCode::NotFound);
    }

    void tickItemIsSavedAndOverlaid()
    {
        m_store->createRelease(
            sampleRelease(QStringLiteral("3.7.0")), sampleChecklist(), QStringLiteral("ana"));
        auto ticked = m_store->setItemState(QStringLiteral("3.7.0"),
            itemWithState(QStringLiteral("pre-release.2"), ItemState::Done, QStringLiteral("looked fine")),
            QStringLiteral("bo@example.com"));
        COCKPIT_AWAIT(ticked);
        QVERIFY2(ticked.result().has_value(), why(ticked.result()).constData());
        QCOMPARE(ticked.result()->who, QStringLiteral("bo@example.com"));
        QCOMPARE(ticked.result()->when, kNow);

        auto list = m_store->checklist(QStringLiteral("3.7.0"));
        COCKPIT_AWAIT(list);
        const Checklist c = list.result().value();
        QCOMPARE(c.phases.size(), 2);
        QCOMPARE(c.phases[0].source.toUtf8(), sampleMarkdown(4));
        QCOMPARE(c.itemCount(), 6);
        QCOMPARE(c.closedCount(), 1);
        const ChecklistItem *item = c.findItem(QStringLiteral("pre-release.2"));
        QVERIFY(item);
        QCOMPARE(item->state, ItemState::Done);
        QCOMPARE(item->note, QStringLiteral("looked fine"));
        QCOMPARE(item->who, QStringLiteral("bo@example.com"));
        QCOMPARE(item->when, kNow);
        QCOMPARE(item->text, QStringLiteral("Step 2 is done"));
        QCOMPARE(c.findItem(QStringLiteral("pre-release.1"))->state, ItemState::Open);
    }

    void notApplicableNeedsReason()
    {
        m_store->createRelease(
            sampleRelease(QStringLiteral("3.7.0")), sampleChecklist(), QStringLiteral("ana"));
        auto refused = m_store->setItemState(QStringLiteral("3.7.0"),
            itemWithState(
                QStringLiteral("pre-release.1"), ItemState::NotApplicable, {}, QStringLiteral("   ")),
            QStringLiteral("ana"));
        auto accepted = m_store->setItemState(QStringLiteral("3.7.0"),
            itemWithState(QStringLiteral("pre-release.3"), ItemState::NotApplicable, {},
                QStringLiteral("no schema change")),
            QStringLiteral("ana"));
        auto log = m_store->auditLog(QStringLiteral("3.7.0"));
        COCKPIT_AWAIT(log);
        QCOMPARE(refused.result().error().code, ErrorCode::BadInput);
        QVERIFY(accepted.result().has_value());
        // The refused change left no trace; the accepted one did.
        QCOMPARE(log.result()->size(), 2);
        QCOMPARE(log.result()->at(1).action, QStringLiteral("item.na"));
        QCOMPARE(log.result()->at(1).after.value(QStringLiteral("na_reason")).toString(),
            QStringLiteral("no schema change"));
    }

    void unknownKeyOrRelease()
    {
        m_store->createRelease(
            sampleRelease(QStringLiteral("3.7.0")), sampleChecklist(), QStringLiteral("ana"));
        auto unknownKey = m_store->setItemState(QStringLiteral("3.7.0"),
            itemWithState(QStringLiteral("pre-release.99"), ItemState::Done), QStringLiteral("ana"));
        auto unknownRelease = m_store->setItemState(QStringLiteral("1.0.0"),
            itemWithState(QStringLiteral("pre-release.1"), ItemState::Done), QStringLiteral("ana"));
        auto log = m_store->auditLog();
        COCKPIT_AWAIT(log);
        QCOMPARE(unknownKey.result().error().code, ErrorCode::NotFound);
        QVERIFY(unknownKey.result().error().message.contains(QStringLiteral("pre-release.99")));
        QCOMPARE(unknownRelease.result().error().code, ErrorCode::NotFound);
        QCOMPARE(log.result()->size(), 1);
    }

    void auditEntriesMatchActions()
    {
        const QString v = QStringLiteral("3.7.0");
        m_store->createRelease(sampleRelease(v), sampleChecklist(), QStringLiteral("ana"));
        m_store->setItemState(
            v, itemWithState(QStringLiteral("pre-release.1"), ItemState::Done), QStringLiteral("bo"));
        m_store->setItemState(
            v, itemWithState(QStringLiteral("pre-release.1"), ItemState::Open), QStringLiteral("bo"));
        m_store->setItemState(v,
            itemWithState(QStringLiteral("post-release.1"), ItemState::Failed, QStringLiteral("5xx spike")),
            QStringLiteral("cy"));
        auto state = m_store->setReleaseState(v, ReleaseState::Frozen, QStringLiteral("ana"));
        m_store->createRelease(
            sampleRelease(QStringLiteral("3.8.0")), sampleChecklist(1), QStringLiteral("ana"));
        auto log = m_store->auditLog(v);
        auto all = m_store->auditLog();
        auto verified = m_store->verifyAudit();
        COCKPIT_AWAIT(verified);

        QCOMPARE(state.result()->state, ReleaseState::Frozen);
        QCOMPARE(state.result()->rowVersion, 2);
        const QList<AuditEntry> entries = log.result().value();
        QStringList actions;
        for (const AuditEntry &e : entries)
            actions << e.action;
        QCOMPARE(actions,
            (QStringList {"release.create", "item.done", "item.open", "item.failed", "release.state"}));
        QCOMPARE(entries[1].subject, QStringLiteral("pre-release.1"));
        QCOMPARE(entries[1].actor, QStringLiteral("bo"));
        QCOMPARE(entries[1].before.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(entries[1].after.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(entries[2].before.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(entries[3].after.value(QStringLiteral("note")).toString(), QStringLiteral("5xx spike"));
        QCOMPARE(entries[4].before.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
        QCOMPARE(entries[4].after.value(QStringLiteral("state")).toString(), QStringLiteral("frozen"));
        QCOMPARE(entries[0].at, kNow);

        // result() is a copy: keep it, so that e does not refer into a destroyed temporary.
        const auto chain = all.result();
        QCOMPARE(chain->size(), 6);
        for (qsizetype i = 0; i < chain->size(); ++i) {
            const AuditEntry &e = chain->at(i);
            QCOMPARE(e.seq, i + 1);
            QCOMPARE(e.prevHash, i == 0 ? genesisHash() : chain->at(i - 1).hash);
            QCOMPARE(e.hash, chainHash(e.prevHash, e));
        }
        QVERIFY(verified.result()->ok);
        QCOMPARE(verified.result()->entries, 6);
    }

    void appendAuditContinuesChain()
    {
        AuditEntry single;
        single.actor = QStringLiteral("importer");
        single.action = QStringLiteral("import.note");
        single.after = QJsonObject {{QStringLiteral("n"), 1}};
        auto one = m_store->appendAudit(single);
        QList<AuditEntry> batch(50, single);
        auto many = m_store->appendAuditBatch(batch);
        auto verified = m_store->verifyAudit();
        COCKPIT_AWAIT(verified);
        QCOMPARE(one.result()->seq, 1);
        QCOMPARE(one.result()->at, kNow);
        QVERIFY(many.result().has_value());
        QVERIFY(verified.result()->ok);
        QCOMPARE(verified.result()->entries, 51);
    }

    void signalsArriveOnCallersThread()
    {
        QSignalSpy releases(m_store.get(), &Store::releaseChanged);
        QSignalSpy items(m_store.get(), &Store::itemChanged);
        QSignalSpy audits(m_store.get(), &Store::auditAppended);
        QThread *emittedOn = nullptr;
        connect(
            m_store.get(), &Store::itemChanged, this, [&] { emittedOn = QThread::currentThread(); },
            Qt::DirectConnection);
        m_store->createRelease(
            sampleRelease(QStringLiteral("3.7.0")), sampleChecklist(), QStringLiteral("ana"));
        QVERIFY(releases.wait(10000));
        QCOMPARE(releases.first().first().toString(), QStringLiteral("3.7.0"));
        m_store->setItemState(QStringLiteral("3.7.0"),
            itemWithState(QStringLiteral("pre-release.4"), ItemState::Done), QStringLiteral("bo"));
        QVERIFY(items.wait(10000));
        QCOMPARE(emittedOn, QThread::currentThread());
        QCOMPARE(items.first().at(0).toString(), QStringLiteral("3.7.0"));
        const auto item = items.first().at(1).value<ChecklistItem>();
        QCOMPARE(item.key, QStringLiteral("pre-release.4"));
        QCOMPARE(item.who, QStringLiteral("bo"));
        QTRY_COMPARE(audits.size(), 2);
        QCOMPARE(audits.at(1).first().value<AuditEntry>().action, QStringLiteral("item.done"));
    }

    void callsNeverBlockTheCaller()
    {
        // Keep the worker busy with a large batch; a call made meanwhile must return at once,
        // unfinished, and finish later while this (GUI) thread keeps spinning its event loop.
        AuditEntry entry;
        entry.actor = QStringLiteral("bulk");
        entry.action = QStringLiteral("import.note");
        auto busy = m_store->appendAuditBatch(QList<AuditEntry>(5000, entry));
        QElapsedTimer timer;
        timer.start();
        auto list = m_store->releases();
        const qint64 callMs = timer.elapsed();
        QVERIFY(!busy.isFinished());
        QVERIFY(!list.isFinished());
        QVERIFY2(callMs < 50, qPrintable(QString::number(callMs)));
        COCKPIT_AWAIT(list);
        QVERIFY(busy.isFinished());
        QVERIFY(list.result().has_value());
    }

    void destructionFinishesPendingWork()
    {
        m_store->createRelease(
            sampleRelease(QStringLiteral("3.7.0")), sampleChecklist(), QStringLiteral("ana"));
        auto last = m_store->setItemState(QStringLiteral("3.7.0"),
            itemWithState(QStringLiteral("pre-release.1"), ItemState::Done), QStringLiteral("ana"));
        m_store.reset();
        QVERIFY(last.isFinished());
        QVERIFY(last.result().has_value());

        Store reopened;
        reopened.open(dbPath());
        auto list = reopened.checklist(QStringLiteral("3.7.0"));
        COCKPIT_AWAIT(list);
        QCOMPARE(list.result()->findItem(QStringLiteral("pre-release.1"))->state, ItemState::Done);
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
