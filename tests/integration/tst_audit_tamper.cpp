// Tampering with the stored audit log behind the store's back (editing, deleting or swapping rows
// with raw SQL) is caught by verifyAudit, which names the first entry that no longer fits.
#include "support/store_test_support.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace cockpit;
using namespace cockpit::test;

namespace {

constexpr int kEntries = 6;  // release.create + 5 ticks

bool rawExec(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("tamper");
    bool ok = true;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &sql : statements) {
            if (ok && !q.exec(sql)) {
                qWarning() << sql << q.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

}  // namespace

class TestAuditTamper : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    // A fresh database with a verified chain of kEntries entries.
    QString buildChain()
    {
        const QString path = m_dir.filePath(QStringLiteral("chain-%1.sqlite").arg(++m_counter));
        Store store;
        store.open(path);
        store.createRelease(
            sampleRelease(QStringLiteral("3.7.0")), sampleChecklist(5), QStringLiteral("ana"));
        for (int i = 1; i <= 5; ++i)
            store.setItemState(QStringLiteral("3.7.0"),
                itemWithState(QStringLiteral("pre-release.%1").arg(i), ItemState::Done),
                QStringLiteral("bo"));
        auto verified = store.verifyAudit();
        verified.waitForFinished();  // setup only; the store thread does the work
        if (!verified.result() || !verified.result()->ok || verified.result()->entries != kEntries)
            return {};
        return path;
    }

    AuditVerification verify(const QString &path)
    {
        Store store;
        store.open(path);
        auto verified = store.verifyAudit();
        verified.waitForFinished();
        return verified.result().value_or(AuditVerification {false, 0, -1, QStringLiteral("store failed")});
    }

private slots:
    void untouchedChainVerifies()
    {
        const QString path = buildChain();
        QVERIFY(!path.isEmpty());
        const AuditVerification v = verify(path);
        QVERIFY(v.ok);
        QCOMPARE(v.entries, kEntries);
        QCOMPARE(v.firstBadSeq, 0);
    }

    void tamper_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<qint64>("badSeq");
        QTest::addRow("edit actor") << QStringList {"UPDATE audit_log SET actor = 'mallory' WHERE seq = 3"}
                                    << qint64(3);
        QTest::addRow("edit after_json") << QStringList {"UPDATE audit_log SET after_json = "
                                                         "replace(after_json, 'done', 'na') WHERE seq = 4"}
                                         << qint64(4);
        QTest::addRow("edit time")
            << QStringList {"UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 2"}
            << qint64(2);
        QTest::addRow("delete row") << QStringList {"DELETE FROM audit_log WHERE seq = 3"} << qint64(3);
        QTest::addRow("delete first") << QStringList {"DELETE FROM audit_log WHERE seq = 1"} << qint64(1);
        // The chain cannot see its tail cut off; the head recorded with each append can.
        QTest::addRow("delete newest") << QStringList {QStringLiteral("DELETE FROM audit_log WHERE seq = %1").arg(kEntries)}
                                       << qint64(kEntries);
        QTest::addRow("delete newest two")
            << QStringList {QStringLiteral("DELETE FROM audit_log WHERE seq >= %1").arg(kEntries - 1)}
            << qint64(kEntries - 1);
        // Swap every column but seq between rows 3 and 4: each row is intact on its own.
        const QString cols
            = QStringLiteral("at, actor, action, release, subject, before_json, after_json, prev_hash, hash");
        QTest::addRow("swap rows") << QStringList {
            QStringLiteral("CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (3, 4)"),
            QStringLiteral("UPDATE audit_log SET (%1) = (SELECT %1 FROM t WHERE t.seq = 7 - audit_log.seq) "
                           "WHERE seq IN (3, 4)")
                .arg(cols)} << qint64(3);
        // An editor who recomputes the edited row's own hash still breaks the next link.
        QTest::addRow("edit and rehash") << QStringList {"UPDATE audit_log SET actor = 'mallory', hash = "
                                                         "'ab' || substr(hash, 3) WHERE seq = 5"}
                                         << qint64(5);
    }

    void tamper()
    {
        QFETCH(QStringList, statements);
        QFETCH(qint64, badSeq);
        const QString path = buildChain();
        QVERIFY(!path.isEmpty());
        QVERIFY(rawExec(path, statements));
        const AuditVerification v = verify(path);
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, badSeq);
        QVERIFY2(v.problem.contains(QString::number(badSeq)), qPrintable(v.problem));
    }

    void rehashedRowBreaksTheNextLink()
    {
        // Recompute row 3's hash correctly for its edited content: 3 verifies, 4's link breaks.
        const QString path = buildChain();
        QVERIFY(!path.isEmpty());
        AuditEntry forged;
        {
            Store store;
            store.open(path);
            auto log = store.auditLog();
            log.waitForFinished();
            forged = log.result()->at(2);
        }
        forged.actor = QStringLiteral("mallory");
        const QByteArray hash = chainHash(forged.prevHash, forged);
        QVERIFY(rawExec(path,
            {QStringLiteral("UPDATE audit_log SET actor = 'mallory', hash = '%1' WHERE seq = 3")
                    .arg(QString::fromLatin1(hash))}));
        const AuditVerification v = verify(path);
        QVERIFY(!v.ok);
        QCOMPARE(v.firstBadSeq, 4);
    }

    // Migration 010: each release, item and sign-off row names the entry that recorded it, so an
    // edited row, or a log emptied or cut short under intact rows, is a finding naming the row.
    void rowsNoEntryExplains_data()
    {
        QTest::addColumn<QStringList>("statements");
        QTest::addColumn<QString>("finding");
        QTest::addRow("emptied log and head")
            << QStringList {"DELETE FROM audit_log", "DELETE FROM audit_head"}
            << QStringLiteral("release 3.7.0 has no audit entry");
        QTest::addRow("log cut to its first entry, head moved along")
            << QStringList {"DELETE FROM audit_log WHERE seq > 1",
                   "UPDATE audit_head SET seq = 1, hash = (SELECT hash FROM audit_log WHERE seq = 1)"}
            << QStringLiteral("item pre-release.1 of 3.7.0 has no audit entry");
        QTest::addRow("release state") << QStringList {"UPDATE releases SET state = 'released'"}
                                       << QStringLiteral("release 3.7.0 is not what audit entry 1");
        QTest::addRow("release manager") << QStringList {"UPDATE releases SET manager = 'mallory'"}
                                         << QStringLiteral("release 3.7.0 is not what audit entry 1");
        QTest::addRow("ticked item reopened")
            << QStringList {"UPDATE checklist_items SET state = 'open' WHERE key = 'pre-release.3'"}
            << QStringLiteral("item pre-release.3 of 3.7.0 is not what audit entry 4");
        QTest::addRow("tick given to another")
            << QStringList {"UPDATE checklist_items SET who = 'mallory' WHERE key = 'pre-release.2'"}
            << QStringLiteral("item pre-release.2 of 3.7.0 is not what audit entry 3");
        QTest::addRow("untouched item ticked")
            << QStringList {"UPDATE checklist_items SET state = 'done', who = 'bo' WHERE key = 'post-release.1'"}
            << QStringLiteral("item post-release.1 of 3.7.0 is not what audit entry 1");
        QTest::addRow("row unlinked")
            << QStringList {"UPDATE checklist_items SET audit_seq = NULL WHERE key = 'pre-release.1'"}
            << QStringLiteral("item pre-release.1 of 3.7.0 names no audit entry");
        QTest::addRow("row linked to another entry") << QStringList {"UPDATE releases SET audit_seq = 3"}
                                                     << QStringLiteral("release 3.7.0 is not what audit entry 3");
    }

    void rowsNoEntryExplains()
    {
        QFETCH(QStringList, statements);
        QFETCH(QString, finding);
        const QString path = buildChain();
        QVERIFY(!path.isEmpty());
        QVERIFY(rawExec(path, statements));
        const AuditVerification v = verify(path);
        QVERIFY(!v.ok);
        QVERIFY2(v.problem.startsWith(finding), qPrintable(v.problem));
    }

    void editedSignoffIsFound()
    {
        const QString path = buildChain();
        QVERIFY(!path.isEmpty());
        {
            Store store;
            store.open(path);
            auto signed_ = store.recordSignoff(Signoff {0, QStringLiteral("3.7.0"), QStringLiteral("platform_lead"),
                QStringLiteral("cy"), SignoffDecision::Approve, {}, QStringLiteral("ab12"), {}, {}});
            signed_.waitForFinished();
            QVERIFY(signed_.result().has_value());
        }
        QVERIFY(verify(path).ok);
        QVERIFY(rawExec(path, {QStringLiteral("UPDATE signoffs SET digest = 'cd34'")}));
        const AuditVerification v = verify(path);
        QVERIFY(!v.ok);
        QVERIFY2(v.problem.startsWith(QStringLiteral("sign-off #1 (platform_lead) of 3.7.0 is not what audit entry 7")),
            qPrintable(v.problem));
    }

    void cliSaysAnEmptiedLogIsBroken()
    {
        const QString path = buildChain();
        QVERIFY(!path.isEmpty());
        QVERIFY(rawExec(path, {QStringLiteral("DELETE FROM audit_log"), QStringLiteral("DELETE FROM audit_head")}));
        QProcess cli;
        cli.start(QStringLiteral(COCKPIT_BINARY), {QStringLiteral("--db"), path, QStringLiteral("audit"),
                                                      QStringLiteral("verify")});
        QVERIFY(cli.waitForFinished(30000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(err.contains(QStringLiteral("release 3.7.0 has no audit entry")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestAuditTamper)
#include "tst_audit_tamper.moc"
