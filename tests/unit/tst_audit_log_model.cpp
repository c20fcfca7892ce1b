// AuditLogModel: columns, raw roles, change summaries and appends.
#include "audit_log_model.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace cockpit;

namespace {
AuditEntry entry(qint64 seq, const QString &action, QJsonObject before, QJsonObject after)
{
    AuditEntry e;
    e.seq = seq;
    e.at = QDateTime(QDate(2026, 11, 22), QTime(10, 0, 0, 123), Qt::UTC).addSecs(seq);
    e.actor = QStringLiteral("rm@example.com");
    e.action = action;
    e.release = QStringLiteral("3.7.0");
    e.subject = QStringLiteral("pre-release.%1").arg(seq);
    e.before = std::move(before);
    e.after = std::move(after);
    e.hash = QByteArray(64, 'a');
    return e;
}
}  // namespace

class TstAuditLogModel : public QObject {
    Q_OBJECT
private slots:
    void columnsAndRoles();
    void append();
    void changeSummary_data();
    void changeSummary();
};

void TstAuditLogModel::columnsAndRoles()
{
    AuditLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setEntries({entry(1, QStringLiteral("item.tick"), {{"state", "open"}}, {{"state", "done"}}),
        entry(2, QStringLiteral("item.na"), {}, {{"state", "na"}, {"reason", "minor"}})});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 7);
    QCOMPARE(model.index(0, AuditLogModel::SeqColumn).data().toLongLong(), 1);
    QCOMPARE(model.index(0, AuditLogModel::TimeColumn).data().toDateTime().time().msec(), 123);
    QCOMPARE(model.index(0, AuditLogModel::ActorColumn).data().toString(), QStringLiteral("rm@example.com"));
    QCOMPARE(model.index(0, AuditLogModel::ActionColumn).data().toString(), QStringLiteral("item.tick"));
    QCOMPARE(model.index(0, AuditLogModel::ReleaseColumn).data().toString(), QStringLiteral("3.7.0"));
    QCOMPARE(model.index(0, AuditLogModel::SubjectColumn).data().toString(), QStringLiteral("pre-release.1"));
    QCOMPARE(
        model.index(0, AuditLogModel::ChangeColumn).data().toString(), QStringLiteral("state: open -> done"));
    QCOMPARE(model.index(1, AuditLogModel::ChangeColumn).data().toString(),
        QStringLiteral("reason: minor; state: na"));
    QCOMPARE(model.index(1, 0).data(SeqRole).toLongLong(), 2);
    QCOMPARE(
        model.index(1, 0).data(AfterRole).toJsonObject().value("state").toString(), QStringLiteral("na"));
    QVERIFY(model.index(1, 0).data(BeforeRole).toJsonObject().isEmpty());
    QCOMPARE(model.index(1, 0).data(HashRole).toByteArray(), QByteArray(64, 'a'));
    QCOMPARE(model.index(1, 0).data(ActionRole).toString(), QStringLiteral("item.na"));
    QCOMPARE(
        model.headerData(AuditLogModel::ChangeColumn, Qt::Horizontal).toString(), QStringLiteral("Change"));
}

void TstAuditLogModel::append()
{
    AuditLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(entry(1, QStringLiteral("release.create"), {}, {{"version", "3.7.0"}}));
    model.append(entry(2, QStringLiteral("item.tick"), {{"state", "open"}}, {{"state", "done"}}));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
    QCOMPARE(inserted.at(1).at(2).toInt(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.entryAt(1).action, QStringLiteral("item.tick"));
}

void TstAuditLogModel::changeSummary_data()
{
    QTest::addColumn<QJsonObject>("before");
    QTest::addColumn<QJsonObject>("after");
    QTest::addColumn<QString>("summary");
    QTest::newRow("same") << QJsonObject {{"a", 1}} << QJsonObject {{"a", 1}} << "";
    QTest::newRow("removed") << QJsonObject {{"note", "x"}} << QJsonObject {} << "note: x -> (removed)";
    QTest::newRow("note set") << QJsonObject {{"note", ""}} << QJsonObject {{"note", "rerun"}} << "note: rerun";
    QTest::newRow("note cleared") << QJsonObject {{"note", "rerun"}} << QJsonObject {{"note", ""}}
                                  << "note: rerun -> (cleared)";
    QTest::newRow("mixed") << QJsonObject {{"state", "open"}, {"n", 1}}
                           << QJsonObject {{"state", "failed"}, {"n", 2.5}}
                           << "n: 1 -> 2.5; state: open -> failed";
    QTest::newRow("nested") << QJsonObject {} << QJsonObject {{"ok", true}, {"list", QJsonArray {1, "a"}}}
                            << "list: [1,\"a\"]; ok: true";
}

void TstAuditLogModel::changeSummary()
{
    QFETCH(QJsonObject, before);
    QFETCH(QJsonObject, after);
    QFETCH(QString, summary);
    QCOMPARE(AuditLogModel::changeSummary(before, after), summary);
}

QTEST_GUILESS_MAIN(TstAuditLogModel)
#include "tst_audit_log_model.moc"
