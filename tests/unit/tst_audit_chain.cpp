// The audit log's hash chain: canonical JSON, hashes, and detection of edits, deletions,
// reorders and broken links, each naming the first bad entry.
#include "audit_entry.h"

#include <QTest>
#include <QTimeZone>

using namespace cockpit;

namespace {

AuditEntry sampleEntry()
{
    AuditEntry e;
    e.seq = 1;
    e.at = QDateTime(QDate(2026, 11, 22), QTime(11, 0, 0, 123), QTimeZone(3600));
    e.actor = QStringLiteral("rm@example.com");
    e.action = QStringLiteral("item.tick");
    e.release = QStringLiteral("3.7.0");
    e.subject = QStringLiteral("pre-release.3");
    e.before = QJsonObject {{"state", "open"}};
    e.after = QJsonObject {{"state", "done"}, {"note", QStringLiteral("ok \"q\"\n caf\u00e9")}, {"n", 3}};
    return e;
}

QList<AuditEntry> makeChain(int n)
{
    QList<AuditEntry> out;
    QByteArray prev = genesisHash();
    for (int i = 1; i <= n; ++i) {
        AuditEntry e;
        e.seq = i;
        e.at = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC).addMSecs(i * 1001);
        e.actor = i % 2 ? QStringLiteral("rm@example.com") : QStringLiteral("qa@example.com");
        e.action = QStringLiteral("item.tick");
        e.release = QStringLiteral("3.7.0");
        e.subject = QStringLiteral("pre-release.%1").arg(i);
        e.before = QJsonObject {{"state", "open"}};
        e.after = QJsonObject {{"state", "done"}};
        e.prevHash = prev;
        e.hash = chainHash(prev, e);
        prev = e.hash;
        out << e;
    }
    return out;
}

}  // namespace

class TstAuditChain : public QObject {
    Q_OBJECT
private slots:
    void canonicalJson();
    void knownHash();
    void intact();
    void tampering_data();
    void tampering();
};

void TstAuditChain::canonicalJson()
{
    // Keys sorted at every level, compact, UTF-8, time in UTC with milliseconds.
    QCOMPARE(canonicalAuditJson(sampleEntry()),
        QByteArray("{\"action\":\"item.tick\",\"actor\":\"rm@example.com\","
                   "\"after\":{\"n\":3,\"note\":\"ok \\\"q\\\"\\n caf\xc3\xa9\",\"state\":\"done\"},"
                   "\"at\":\"2026-11-22T10:00:00.123Z\",\"before\":{\"state\":\"open\"},"
                   "\"release\":\"3.7.0\",\"seq\":1,\"subject\":\"pre-release.3\"}"));
    AuditEntry e = sampleEntry();
    e.prevHash = "x";
    e.hash = "y";
    QCOMPARE(canonicalAuditJson(e), canonicalAuditJson(sampleEntry()));  // hashes are not content
    e.after.insert(QStringLiteral("ratio"), 0.1);
    e.after.insert(QStringLiteral("ctl"), QStringLiteral("\x01"));
    QVERIFY(canonicalAuditJson(e).contains("\"ctl\":\"\\u0001\""));
    QVERIFY(canonicalAuditJson(e).contains("\"ratio\":0.1"));
}

void TstAuditChain::knownHash()
{
    QCOMPARE(genesisHash(), QByteArray(64, '0'));
    // sha256("000...0" || canonical json), computed independently with Python's hashlib.
    QCOMPARE(chainHash(genesisHash(), sampleEntry()),
        QByteArray("cc066512b8341c4829054cd9249a2819822ed07637b38f0ef8f7ef65bf81cd5e"));
}

void TstAuditChain::intact()
{
    const QList<AuditEntry> chain = makeChain(20);
    const AuditVerification v = verifyAuditChain(chain);
    QVERIFY2(v.ok, qPrintable(v.problem));
    QCOMPARE(v.entries, 20);
    QCOMPARE(v.firstBadSeq, 0);
    QVERIFY(verifyAuditChain({}).ok);
    QCOMPARE(chain.at(0).prevHash, genesisHash());
    QCOMPARE(chain.at(5).prevHash, chain.at(4).hash);
}

void TstAuditChain::tampering_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("seq");
    QTest::addColumn<QString>("problem");
    QTest::newRow("edit") << "edit" << qint64(7) << "entry 7: hash mismatch";
    QTest::newRow("edit time") << "edit-time" << qint64(3) << "entry 3: hash mismatch";
    QTest::newRow("edit and rehash") << "edit-rehash" << qint64(8) << "entry 8: broken link";
    QTest::newRow("delete") << "delete" << qint64(5) << "entry 5 missing";
    QTest::newRow("delete first") << "delete-first" << qint64(1) << "entry 1 missing";
    QTest::newRow("reorder") << "reorder" << qint64(9) << "entry 9: out of order";
    QTest::newRow("renumbered reorder") << "renumber" << qint64(9) << "entry 9: broken link";
    QTest::newRow("broken link") << "link" << qint64(12) << "entry 12: broken link";
    QTest::newRow("duplicate") << "duplicate" << qint64(11) << "entry 11: out of order";
}

void TstAuditChain::tampering()
{
    QFETCH(QString, kind);
    QFETCH(qint64, seq);
    QFETCH(QString, problem);
    QList<AuditEntry> chain = makeChain(20);
    if (kind == u"edit") {
        chain[6].actor = QStringLiteral("mallory@example.com");
    } else if (kind == u"edit-time") {
        chain[2].at = chain[2].at.addMSecs(1);
    } else if (kind == u"edit-rehash") {
        chain[6].after = QJsonObject {{"state", "na"}};
        chain[6].hash = chainHash(chain[6].prevHash, chain[6]);
    } else if (kind == u"delete") {
        chain.removeAt(4);
    } else if (kind == u"delete-first") {
        chain.removeFirst();
    } else if (kind == u"reorder") {
        chain.swapItemsAt(8, 9);
    } else if (kind == u"renumber") {
        chain.swapItemsAt(8, 9);
        std::swap(chain[8].seq, chain[9].seq);
    } else if (kind == u"link") {
        chain[11].prevHash = QByteArray(64, 'f');
    } else if (kind == u"duplicate") {
        chain.insert(10, chain.at(9));
    }
    const AuditVerification v = verifyAuditChain(chain);
    QVERIFY(!v.ok);
    QCOMPARE(v.firstBadSeq, seq);
    QVERIFY2(v.problem.startsWith(problem), qPrintable(v.problem));
    QCOMPARE(v.entries, seq - 1);  // entries verified before the break
}

QTEST_GUILESS_MAIN(TstAuditChain)
#include "tst_audit_chain.moc"
