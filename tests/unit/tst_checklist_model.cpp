// ChecklistModel: tree shape, roles, progress counts and change notification.
#include "checklist_model.h"
#include "checklist_parser.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cockpit;

namespace {

const QByteArray kPre = "## Pre-Release Checklist\n\n"
                        "### Code Readiness\n"
                        "- [ ] All PRs merged to main\n"
                        "- [ ] CHANGELOG.md updated\n\n"
                        "### Approvals\n"
                        "- [ ] Product Owner sign-off\n"
                        "- [ ] Staging soak test PASS <!-- check: soak staging -->\n"
                        "- [ ] Security Lead sign-off (if security changes)\n";
const QByteArray kPost = "## Post-Release Checklist\n\n"
                         "- [ ] Release notes published\n"
                         "- [x] Stakeholders notified\n"
                         "- [ ] Retrospective scheduled (if major)\n";
const QByteArray kMixed = "# Rollback\n"
                          "- [ ] Loose one\n"
                          "## Steps\n"
                          "- [ ] Step\n";

Checklist makeChecklist()
{
    Checklist c;
    c.phases << *parseChecklist(kPre, QStringLiteral("pre-release"), QStringLiteral("pre.md"))
             << *parseChecklist(kPost, QStringLiteral("post-release"), QStringLiteral("post.md"))
             << *parseChecklist(kMixed, QStringLiteral("rollback"), QStringLiteral("rb.md"));
    return c;
}

}  // namespace

class TstChecklistModel : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void shape();
    void itemRoles();
    void updateItemCountsAndSignals();
    void updateItemUnderPhase();
    void unknownKey();
    void resetAndLarge();

private:
    ChecklistModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TstChecklistModel::init()
{
    m_model = new ChecklistModel(this);
    m_tester
        = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::Fatal, this);
    m_model->setChecklist(makeChecklist());
}

void TstChecklistModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TstChecklistModel::shape()
{
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->columnCount(), int(ChecklistModel::ColumnCount));
    const QModelIndex pre = m_model->index(0, 0);
    QCOMPARE(pre.data().toString(), QStringLiteral("Pre-Release Checklist"));
    QCOMPARE(pre.data(KeyRole).toString(), QStringLiteral("pre-release"));
    QCOMPARE(m_model->kindAt(pre), NodeKind::Phase);
    QCOMPARE(m_model->rowCount(pre), 2);
    const QModelIndex approvals = m_model->index(1, 0, pre);
    QCOMPARE(approvals.data().toString(), QStringLiteral("Approvals"));
    QCOMPARE(m_model->kindAt(approvals), NodeKind::Section);
    QCOMPARE(approvals.data(KindRole).toInt(), int(NodeKind::Section));
    QCOMPARE(m_model->rowCount(approvals), 3);
    QCOMPARE(approvals.parent(), pre);
    QVERIFY(!m_model->itemAt(approvals));

    // The implicit section adds no level: post-release's items hang under the phase.
    const QModelIndex post = m_model->index(1, 0);
    QCOMPARE(m_model->rowCount(post), 3);
    const QModelIndex notified = m_model->index(1, 0, post);
    QCOMPARE(m_model->kindAt(notified), NodeKind::Item);
    QCOMPARE(notified.parent(), post);
    QCOMPARE(notified, m_model->indexForKey(QStringLiteral("post-release.2")));
    QCOMPARE(post.data(ClosedCountRole).toInt(), 1);
    QCOMPARE(post.data(TotalCountRole).toInt(), 3);

    // Loose items come first, then the titled sections.
    const QModelIndex rollback = m_model->index(2, 0);
    QCOMPARE(m_model->rowCount(rollback), 2);
    QCOMPARE(m_model->index(0, 0, rollback).data(KeyRole).toString(), QStringLiteral("rollback.1"));
    QCOMPARE(m_model->index(1, 0, rollback).data().toString(), QStringLiteral("Steps"));
    QCOMPARE(m_model->index(1, 0, rollback).data(TotalCountRole).toInt(), 1);
    QCOMPARE(rollback.data(TotalCountRole).toInt(), 2);

    QCOMPARE(
        m_model->headerData(ChecklistModel::WhoColumn, Qt::Horizontal).toString(), QStringLiteral("Who"));
    QVERIFY(m_model->roleNames().value(ClosedCountRole) == "closedCount");
}

void TstChecklistModel::itemRoles()
{
    const QModelIndex soak = m_model->indexForKey(QStringLiteral("pre-release.4"));
    QVERIFY(soak.isValid());
    QCOMPARE(soak.data().toString(), QStringLiteral("Staging soak test PASS"));
    QCOMPARE(soak.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QCOMPARE(soak.data(CheckBindingRole).toString(), QStringLiteral("soak staging"));
    QVERIFY(soak.data(Qt::ToolTipRole).toString().contains(QStringLiteral("soak staging")));
    QCOMPARE(soak.siblingAtColumn(ChecklistModel::StateColumn).data().toString(), QStringLiteral("open"));
    QVERIFY(m_model->flags(soak).testFlag(Qt::ItemNeverHasChildren));

    const QModelIndex security = m_model->indexForKey(QStringLiteral("pre-release.5"));
    QCOMPARE(security.data(ConditionRole).toString(), QStringLiteral("security changes"));
    QVERIFY(security.data(Qt::ToolTipRole).toString().contains(QStringLiteral("security changes")));
    // A plain item's tooltip is its whole text (the column may elide it), and nothing more.
    const QModelIndex plain = m_model->indexForKey(QStringLiteral("pre-release.1"));
    QCOMPARE(plain.data(Qt::ToolTipRole).toString(), plain.data().toString());

    const QModelIndex notified
        = m_model->indexForKey(QStringLiteral("post-release.2"), ChecklistModel::NoteColumn);
    QCOMPARE(notified.column(), int(ChecklistModel::NoteColumn));
    QCOMPARE(notified.siblingAtColumn(0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(notified.data(StateRole).toInt(), int(ItemState::Done));
}

void TstChecklistModel::updateItemCountsAndSignals()
{
    QSignalSpy spy(m_model, &QAbstractItemModel::dataChanged);
    ChecklistItem item = *m_model->itemAt(m_model->indexForKey(QStringLiteral("pre-release.5")));
    item.state = ItemState::Done;
    item.who = QStringLiteral("rm@example.com");
    item.when = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);
    item.note = QStringLiteral("signed");
    item.text = QStringLiteral("ignored: the template text stays");
    QVERIFY(m_model->updateItem(item));

    const QModelIndex idx = m_model->indexForKey(QStringLiteral("pre-release.5"));
    const QModelIndex section = idx.parent();
    const QModelIndex phase = section.parent();
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(0).at(0).value<QModelIndex>(), idx);
    QCOMPARE(spy.at(0).at(1).value<QModelIndex>(), idx.siblingAtColumn(ChecklistModel::ColumnCount - 1));
    QCOMPARE(spy.at(1).at(0).value<QModelIndex>(), section);
    QCOMPARE(spy.at(2).at(0).value<QModelIndex>(), phase);
    QCOMPARE(spy.at(2).at(1).value<QModelIndex>(), phase.siblingAtColumn(ChecklistModel::ColumnCount - 1));

    QCOMPARE(idx.data().toString(), QStringLiteral("Security Lead sign-off (if security changes)"));
    QCOMPARE(idx.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(
        idx.siblingAtColumn(ChecklistModel::WhoColumn).data().toString(), QStringLiteral("rm@example.com"));
    QCOMPARE(idx.siblingAtColumn(ChecklistModel::WhenColumn).data().toDateTime(), item.when);
    QCOMPARE(idx.siblingAtColumn(ChecklistModel::NoteColumn).data().toString(), QStringLiteral("signed"));
    QCOMPARE(section.data(ClosedCountRole).toInt(), 1);
    QCOMPARE(phase.data(ClosedCountRole).toInt(), 1);
    QCOMPARE(phase.data(TotalCountRole).toInt(), 5);

    item.state = ItemState::Failed;
    QVERIFY(m_model->updateItem(item));
    QCOMPARE(section.data(ClosedCountRole).toInt(), 0);
    QCOMPARE(section.data(FailedCountRole).toInt(), 1);
    QCOMPARE(phase.data(FailedCountRole).toInt(), 1);
    QCOMPARE(idx.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

    item.state = ItemState::NotApplicable;
    item.naReason = QStringLiteral("no security changes");
    QVERIFY(m_model->updateItem(item));
    QCOMPARE(idx.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(idx.data(NaReasonRole).toString(), QStringLiteral("no security changes"));
    QCOMPARE(phase.data(ClosedCountRole).toInt(), 1);
    QCOMPARE(phase.data(FailedCountRole).toInt(), 0);
    QCOMPARE(m_model->checklist().closedCount(), 2);
    QCOMPARE(spy.count(), 9);
}

void TstChecklistModel::updateItemUnderPhase()
{
    QSignalSpy spy(m_model, &QAbstractItemModel::dataChanged);
    ChecklistItem item = *m_model->itemAt(m_model->indexForKey(QStringLiteral("post-release.1")));
    item.state = ItemState::Done;
    QVERIFY(m_model->updateItem(item));
    QCOMPARE(spy.count(), 2);  // the item and its phase: no section level in between
    QCOMPARE(m_model->index(1, 0).data(ClosedCountRole).toInt(), 2);
}

void TstChecklistModel::unknownKey()
{
    QSignalSpy spy(m_model, &QAbstractItemModel::dataChanged);
    ChecklistItem item;
    item.key = QStringLiteral("pre-release.99");
    item.state = ItemState::Done;
    QVERIFY(!m_model->updateItem(item));
    QCOMPARE(spy.count(), 0);
    QVERIFY(!m_model->indexForKey(item.key).isValid());
}

void TstChecklistModel::resetAndLarge()
{
    QByteArray md = "# Big\n";
    for (int s = 0; s < 20; ++s) {
        md += "## Section " + QByteArray::number(s) + "\n";
        for (int i = 0; i < 50; ++i)
            md += "- [ ] item " + QByteArray::number(s * 50 + i) + "\n";
    }
    QSignalSpy reset(m_model, &QAbstractItemModel::modelReset);
    Checklist c;
    c.phases << *parseChecklist(md, QStringLiteral("big"), QStringLiteral("big.md"));
    m_model->setChecklist(c);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowCount(m_model->index(0, 0)), 20);
    const QModelIndex last = m_model->indexForKey(QStringLiteral("big.1000"));
    QCOMPARE(last.data().toString(), QStringLiteral("item 999"));
    QCOMPARE(last.row(), 49);
    QCOMPARE(last.parent().row(), 19);
    QCOMPARE(m_model->index(0, 0).data(TotalCountRole).toInt(), 1000);
}

QTEST_GUILESS_MAIN(TstChecklistModel)
#include "tst_checklist_model.moc"
