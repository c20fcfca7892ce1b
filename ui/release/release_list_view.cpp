#include "release_list_view.h"

#include "release_list_model.h"
#include "state_style.h"

#include <QAction>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyledItemDelegate>

namespace cockpit {
namespace {

class ReleaseStateDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != ReleaseListModel::StateColumn)
            return;
        const auto state = static_cast<ReleaseState>(index.data(ReleaseStateRole).toInt());
        option->palette.setColor(QPalette::Text, releaseStateColor(state));
        option->font.setBold(true);
    }

    QString displayText(const QVariant &value, const QLocale &locale) const override
    {
        if (value.metaType().id() == QMetaType::QDate)
            return value.toDate().toString(Qt::ISODate);
        return QStyledItemDelegate::displayText(value, locale);
    }
};

}  // namespace

ReleaseListView::ReleaseListView(ReleaseListModel *model, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("releaseList"));
    setAccessibleName(tr("Releases"));
    setModel(model);
    setItemDelegate(new ReleaseStateDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setShowGrid(false);
    setWordWrap(false);
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    QHeaderView *header = horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
    for (int column :
        {ReleaseListModel::CommitColumn, ReleaseListModel::TargetDateColumn, ReleaseListModel::ManagerColumn})
        header->setSectionHidden(column, true);
    // Hidden columns come back from the header's context menu.
    header->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = 0; column < model->columnCount(); ++column) {
        auto *toggle = new QAction(model->headerData(column, Qt::Horizontal).toString(), header);
        toggle->setCheckable(true);
        toggle->setChecked(!header->isSectionHidden(column));
        toggle->setEnabled(column != ReleaseListModel::VersionColumn);
        connect(toggle, &QAction::toggled, this, [this, header, column](bool on) {
            header->setSectionHidden(column, !on);
            updateMinimumWidth();
        });
        header->addAction(toggle);
    }
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this] { emit currentVersionChanged(currentVersion()); });
    connect(model, &QAbstractItemModel::modelReset, this,
        [this] { emit currentVersionChanged(currentVersion()); });
    connect(model, &QAbstractItemModel::modelReset, this, &ReleaseListView::updateMinimumWidth, Qt::QueuedConnection);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ReleaseListView::updateMinimumWidth, Qt::QueuedConnection);
    connect(model, &QAbstractItemModel::dataChanged, this, &ReleaseListView::updateMinimumWidth, Qt::QueuedConnection);
    updateMinimumWidth();
}

void ReleaseListView::updateMinimumWidth()
{
    QHeaderView *header = horizontalHeader();
    int width = 2 * frameWidth() + verticalScrollBar()->sizeHint().width();
    for (int column = 0; column < model()->columnCount(); ++column) {
        if (!header->isSectionHidden(column))
            width += qMax(sizeHintForColumn(column), header->sectionSizeHint(column));
    }
    setMinimumWidth(width);
}

QString ReleaseListView::currentVersion() const
{
    const QModelIndex current = currentIndex();
    return current.isValid() ? m_model->releaseAt(current.row()).version : QString();
}

void ReleaseListView::selectVersion(const QString &version)
{
    const int row = m_model->rowForVersion(version);
    if (row < 0)
        return;
    setCurrentIndex(m_model->index(row, ReleaseListModel::VersionColumn));
    selectRow(row);
}

}  // namespace cockpit
