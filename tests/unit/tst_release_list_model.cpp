// ReleaseListModel: columns, raw roles, insert-or-replace by version.
#include "release_list_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cockpit;

namespace {
ReleaseRecord release(const QString &version, ReleaseState state, const QString &commit = {})
{
    ReleaseRecord r;
    r.version = version;
    r.type = QStringLiteral("minor");
    r.state = state;
    r.commit = commit;
    r.manager = QStringLiteral("rm@example.com");
    r.targetDate = QDate(2026, 11, 24);
    r.createdAt = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
    return r;
}
}  // namespace

class TstReleaseListModel : public QObject {
    Q_OBJECT
private slots:
    void columnsAndRoles();
    void updateRelease();
};

void TstReleaseListModel::columnsAndRoles()
{
    ReleaseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setReleases({release(QStringLiteral("3.7.0"), ReleaseState::RolledBack,
                           QStringLiteral("87b4a59c0ffee0123456789abcdef0123456789a")),
        release(QStringLiteral("3.7.0-rc1"), ReleaseState::Candidate)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(model.index(0, ReleaseListModel::VersionColumn).data().toString(), QStringLiteral("3.7.0"));
    QCOMPARE(model.index(0, ReleaseListModel::StateColumn).data().toString(), QStringLiteral("Rolled back"));
    // A live release past its target date is flagged in its state, with the date in the tooltip;
    // a final one never is.
    {
        ReleaseListModel dated;
        ReleaseRecord late = release(QStringLiteral("3.8.0"), ReleaseState::Candidate);
        late.targetDate = QDate(2026, 11, 26);
        ReleaseRecord done = release(QStringLiteral("3.6.0"), ReleaseState::Released);
        done.targetDate = QDate(2026, 11, 1);
        dated.setToday(QDate(2026, 12, 7));
        dated.setReleases({late, done});
        QCOMPARE(dated.index(0, ReleaseListModel::StateColumn).data().toString(), QStringLiteral("Candidate · overdue"));
        QVERIFY(dated.index(0, ReleaseListModel::VersionColumn).data(Qt::ToolTipRole).toString().contains(
            QLatin1String("overdue since 26 Nov")));
        QCOMPARE(dated.index(1, ReleaseListModel::StateColumn).data().toString(), QStringLiteral("Released"));
        dated.setToday(QDate(2026, 11, 26));  // the day itself is not overdue
        QCOMPARE(dated.index(0, ReleaseListModel::StateColumn).data().toString(), QStringLiteral("Candidate"));
    }
    QCOMPARE(model.index(0, ReleaseListModel::CommitColumn).data().toString(), QStringLiteral("87b4a59"));
    QCOMPARE(model.index(0, ReleaseListModel::TargetDateColumn).data().toDate(), QDate(2026, 11, 24));
    QCOMPARE(
        model.index(0, ReleaseListModel::ManagerColumn).data().toString(), QStringLiteral("rm@example.com"));
    QCOMPARE(model.index(0, 3).data(CommitRole).toString().size(), 40);
    QCOMPARE(model.index(0, 0).data(ReleaseStateRole).toInt(), int(ReleaseState::RolledBack));
    QCOMPARE(model.index(1, 0).data(VersionRole).toString(), QStringLiteral("3.7.0-rc1"));
    QCOMPARE(model.index(1, 0).data(ReleaseTypeRole).toString(), QStringLiteral("minor"));
    QCOMPARE(model.index(1, 0).data(CreatedAtRole).toDateTime().timeSpec(), Qt::UTC);
    QVERIFY(!model.index(1, ReleaseListModel::CommitColumn).data().toString().size());
    QCOMPARE(model.headerData(ReleaseListModel::TargetDateColumn, Qt::Horizontal).toString(),
        QStringLiteral("Target date"));
    QCOMPARE(model.rowForVersion(QStringLiteral("3.7.0-rc1")), 1);
    QCOMPARE(model.rowForVersion(QStringLiteral("9.9.9")), -1);
    QCOMPARE(model.releaseAt(1).state, ReleaseState::Candidate);
}

void TstReleaseListModel::updateRelease()
{
    ReleaseListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setReleases({release(QStringLiteral("3.6.0"), ReleaseState::Released)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    ReleaseRecord r = release(QStringLiteral("3.6.0"), ReleaseState::RolledBack);
    QCOMPARE(model.updateRelease(r), 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(0, 0));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), model.index(0, ReleaseListModel::ColumnCount - 1));
    QCOMPARE(model.index(0, 0).data(ReleaseStateRole).toInt(), int(ReleaseState::RolledBack));
    QCOMPARE(inserted.count(), 0);

    QCOMPARE(model.updateRelease(release(QStringLiteral("3.7.0"), ReleaseState::Draft)), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.releaseAt(1).version, QStringLiteral("3.7.0"));
}

QTEST_GUILESS_MAIN(TstReleaseListModel)
#include "tst_release_list_model.moc"
