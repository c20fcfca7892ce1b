// Schema migrations: from an empty file, and from every earlier schema version to the latest with
// the data kept; schema_migrations records each step once.
#include "support/raw_db.h"
#include "support/store_test_support.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace cockpit;
using namespace cockpit::test;

class TestStoreMigrations : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private slots:
    void fromEmpty()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.sqlite"));
        {
            Store store;
            auto opened = store.open(path);
            COCKPIT_AWAIT(opened);
            QVERIFY(opened.result().has_value());
        }
        {
            Store again;  // a second open must not re-apply anything
            auto opened = again.open(path);
            COCKPIT_AWAIT(opened);
            QVERIFY(opened.result().has_value());
        }
        RawDb raw(path);
        const auto rows = raw.rows(
            QStringLiteral("SELECT version, name, applied_at FROM schema_migrations ORDER BY version"));
        QCOMPARE(rows.size(), Store::latestSchemaVersion());
        QCOMPARE(rows[0][0].toInt(), 1);
        QCOMPARE(rows[0][1].toString(), QStringLiteral("initial"));
        QCOMPARE(rows[1][1].toString(), QStringLiteral("row_versions"));
        QVERIFY(QDateTime::fromString(rows[0][2].toString(), Qt::ISODateWithMs).isValid());
        QCOMPARE(raw.rows(QStringLiteral("PRAGMA journal_mode"))[0][0].toString(), QStringLiteral("wal"));
    }

    void fromEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < Store::latestSchemaVersion(); ++v)
            QTest::addRow("from %d", v) << v;
    }

    void fromEarlierVersion()
    {
        QFETCH(int, from);
        const QString path = m_dir.filePath(QStringLiteral("from-%1.sqlite").arg(from));
        {
            Store old;
            auto opened = old.openMigratedTo(path, from);
            COCKPIT_AWAIT(opened);
            QVERIFY(opened.result().has_value());
            auto version = old.schemaVersion();
            COCKPIT_AWAIT(version);
            QCOMPARE(version.result().value(), from);
        }
        // What an older cockpit wrote: the release's creation and bo's tick, each with its entry
        // (migration 010 ties the rows to them; audit verify checks the rows against them).
        AuditEntry entry {1, QDateTime(QDate(2023, 1, 2), QTime(3, 4, 5, 6), Qt::UTC), QStringLiteral("ana"),
            QStringLiteral("release.create"), QStringLiteral("1.0.0"), {}, {},
            {{QStringLiteral("state"), QStringLiteral("frozen")}, {QStringLiteral("manager"), QStringLiteral("ana")}},
            genesisHash(), {}};
        entry.hash = chainHash(entry.prevHash, entry);
        AuditEntry tick {2, entry.at.addSecs(60), QStringLiteral("bo"), QStringLiteral("item.done"),
            QStringLiteral("1.0.0"), QStringLiteral("pre-release.2"), {},
            {{QStringLiteral("state"), QStringLiteral("done")}, {QStringLiteral("note"), QString()},
                {QStringLiteral("na_reason"), QString()}, {QStringLiteral("evidence"), QString()}},
            entry.hash, {}};
        tick.hash = chainHash(tick.prevHash, tick);
        {
            // Only columns schema version 1 already had.
            RawDb raw(path);
            QVERIFY(raw.exec(
                QStringLiteral("INSERT INTO releases (id, version, type, state, manager, created_at) "
                               "VALUES (7, '1.0.0', 'major', 'frozen', 'ana', '2023-01-02T03:04:05.006Z')")));
            QVERIFY(raw.exec(
                QStringLiteral("INSERT INTO checklist_phases (release_id, position, name, title, source) "
                               "VALUES (7, 0, 'pre-release', 'Pre-release', ?)"),
                {QString::fromUtf8(sampleMarkdown(3))}));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO checklist_items (release_id, key, state, who) "
                                            "VALUES (7, 'pre-release.2', 'done', 'bo')")));
            for (const AuditEntry &e : {entry, tick})
                QVERIFY(raw.exec(QStringLiteral("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?)"),
                    {e.seq, e.at.toString(Qt::ISODateWithMs), e.actor, e.action, e.release,
                        e.subject.isNull() ? QStringLiteral("") : e.subject,
                        QString::fromUtf8(QJsonDocument(e.after).toJson(QJsonDocument::Compact)),
                        QString::fromLatin1(e.prevHash), QString::fromLatin1(e.hash)}));
            // A cockpit at schema 10 or later names the entry of each row itself.
            if (from >= 10) {
                QVERIFY(raw.exec(QStringLiteral("UPDATE releases SET audit_seq = 1")));
                QVERIFY(raw.exec(QStringLiteral(
                    "UPDATE checklist_items SET audit_seq = CASE key WHEN 'pre-release.2' THEN 2 ELSE 1 END")));
            }
        }
        Store store;
        auto opened = store.open(path);
        auto version = store.schemaVersion();
        auto release = store.release(QStringLiteral("1.0.0"));
        auto list = store.checklist(QStringLiteral("1.0.0"));
        auto ticked = store.setItemState(QStringLiteral("1.0.0"),
            itemWithState(QStringLiteral("pre-release.3"), ItemState::Done), QStringLiteral("cy"));
        auto verified = store.verifyAudit();
        COCKPIT_AWAIT(verified);
        QVERIFY2(opened.result().has_value(), why(opened.result()).constData());
        QCOMPARE(version.result().value(), Store::latestSchemaVersion());
        QCOMPARE(release.result()->state, ReleaseState::Frozen);
        QCOMPARE(release.result()->rowVersion, 1);
        QCOMPARE(list.result()->findItem(QStringLiteral("pre-release.2"))->state, ItemState::Done);
        QCOMPARE(list.result()->findItem(QStringLiteral("pre-release.2"))->who, QStringLiteral("bo"));
        QVERIFY2(ticked.result().has_value(), why(ticked.result()).constData());
        QVERIFY2(verified.result()->ok, qPrintable(verified.result()->problem));
        QCOMPARE(verified.result()->entries, 3);

        RawDb raw(path);
        const auto rows = raw.rows(QStringLiteral("SELECT version FROM schema_migrations ORDER BY version"));
        QCOMPARE(rows.size(), Store::latestSchemaVersion());
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(rows[i][0].toInt(), i + 1);
    }

    void newerSchemaIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("future.sqlite"));
        {
            Store store;
            auto opened = store.open(path);
            COCKPIT_AWAIT(opened);
        }
        {
            RawDb raw(path);
            QVERIFY(raw.exec(
                QStringLiteral("INSERT INTO schema_migrations VALUES (999, 'from_the_future', 'x')")));
        }
        Store store;
        auto opened = store.open(path);
        COCKPIT_AWAIT(opened);
        QVERIFY(!opened.result().has_value());
        QCOMPARE(opened.result().error().code, ErrorCode::Unavailable);
        QVERIFY(opened.result().error().message.contains(QStringLiteral("999")));
    }
};

QTEST_GUILESS_MAIN(TestStoreMigrations)
#include "tst_store_migrations.moc"
