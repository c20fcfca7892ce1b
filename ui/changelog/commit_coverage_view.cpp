#include "commit_coverage_view.h"

#include <algorithm>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cockpit {

CommitCoverageView::CommitCoverageView(QWidget *parent)
    : QWidget(parent)
    , m_model(new CommitCoverageModel(this))
    , m_filter(new CommitCoverageFilter(this))
    , m_summary(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("commitCoverageView"));
    setAccessibleName(tr("Commits since the last release tag"));
    m_filter->setSourceModel(m_model);
    configureTable();
    m_summary->setObjectName(QStringLiteral("coverageSummary"));
    m_summary->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("coverageMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_table);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(buildToolbar());
    layout->addWidget(m_summary);
    layout->addWidget(buildProgress());
    layout->addWidget(m_stack, 1);
    showMessage(tr("Not loaded yet."));
}

QWidget *CommitCoverageView::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_filterEdit = new QLineEdit(bar);
    m_filterEdit->setObjectName(QStringLiteral("coverageFilter"));
    m_filterEdit->setAccessibleName(tr("Filter commits"));
    m_filterEdit->setPlaceholderText(tr("Filter by SHA, subject or type"));
    m_filterEdit->setClearButtonEnabled(true);
    m_stateBox = new QComboBox(bar);
    m_stateBox->setObjectName(QStringLiteral("coverageStateFilter"));
    m_stateBox->setAccessibleName(tr("Show commits in state"));
    m_stateBox->addItem(tr("All commits"), -1);
    for (CoverageState s : {CoverageState::Uncovered, CoverageState::Covered, CoverageState::Exempt})
        m_stateBox->addItem(coverageStateTitle(s), static_cast<int>(s));
    m_addEntry = new QPushButton(tr("&Add Entry…"), bar);
    m_addEntry->setObjectName(QStringLiteral("addEntryButton"));
    m_addEntry->setAccessibleName(tr("Draft changelog entries for the selected commits"));
    m_addEntry->setToolTip(
        tr("Drafts an entry for each selected commit (Shift or Ctrl+click selects several) "
           "under the right section of Unreleased, in the file's own style"));
    row->addWidget(m_filterEdit, 1);
    row->addWidget(m_stateBox);
    row->addWidget(m_addEntry);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &CommitCoverageFilter::setText);
    connect(m_stateBox, &QComboBox::currentIndexChanged, this, [this] {
        const int value = m_stateBox->currentData().toInt();
        m_filter->setState(value < 0 ? std::nullopt : std::optional(static_cast<CoverageState>(value)));
    });
    connect(m_addEntry, &QPushButton::clicked, this, [this] {
        const QList<CoverageRow> rows = selectedUncovered();
        if (rows.size() > 1)
            emit addEntriesRequested(rows);
        else if (const CoverageRow *r = currentRow())
            emit addEntryRequested(*r);
    });
    return bar;
}

QWidget *CommitCoverageView::buildProgress()
{
    m_progressRow = new QWidget(this);
    auto *row = new QHBoxLayout(m_progressRow);
    row->setContentsMargins(0, 0, 0, 0);
    m_progressLabel = new QLabel(m_progressRow);
    m_progress = new QProgressBar(m_progressRow);
    m_progress->setObjectName(QStringLiteral("coverageProgress"));
    m_progress->setAccessibleName(tr("Commits walked"));
    m_progress->setRange(0, 0);  // the walk's length is not known up front
    m_progress->setTextVisible(false);
    auto *cancel = new QPushButton(tr("Cancel"), m_progressRow);
    cancel->setObjectName(QStringLiteral("coverageCancel"));
    cancel->setAccessibleName(tr("Cancel the commit walk"));
    row->addWidget(m_progressLabel);
    row->addWidget(m_progress, 1);
    row->addWidget(cancel);
    connect(cancel, &QPushButton::clicked, this, &CommitCoverageView::cancelRequested);
    m_progressRow->hide();
    return m_progressRow;
}

void CommitCoverageView::configureTable()
{
    m_table->setObjectName(QStringLiteral("coverageTable"));
    m_table->setAccessibleName(tr("Commits and whether the changelog covers them"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(CommitCoverageModel::SubjectColumn, QHeaderView::Stretch);
    connect(m_table, &QTableView::activated, this, &CommitCoverageView::activate);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &CommitCoverageView::updateActions);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &CommitCoverageView::updateActions);
}

void CommitCoverageView::setLoading(const QString &text)
{
    m_progressLabel->setText(text);
    m_progressRow->show();
    m_addEntry->setEnabled(false);
}

void CommitCoverageView::setProgress(int commitsWalked)
{
    m_progressLabel->setText(tr("Walking history… %n commit(s)", nullptr, commitsWalked));
}

void CommitCoverageView::setRows(QList<CoverageRow> rows, const QString &summary)
{
    const QString keep = currentRow() ? currentRow()->sha : QString();
    m_progressRow->hide();
    const bool empty = rows.isEmpty();
    m_model->setRows(std::move(rows));
    m_summary->setText(summary);
    if (empty) {
        showMessage(summary);
        return;
    }
    m_stack->setCurrentWidget(m_table);
    setFocusProxy(m_table);
    // Keep the selection across reloads; at first, the first commit that needs an entry.
    QString select = keep;
    for (int row = 0; select.isEmpty() && row < m_model->rowCount(); ++row)
        if (m_model->rowAt(row)->state == CoverageState::Uncovered)
            select = m_model->rowAt(row)->sha;
    selectSha(select);
    updateActions();
}

void CommitCoverageView::showMessage(const QString &text)
{
    m_progressRow->hide();
    m_model->setRows({});
    m_message->setText(text);
    m_summary->clear();
    m_stack->setCurrentWidget(m_message);
    setFocusProxy(m_filterEdit);
    updateActions();
}

const CoverageRow *CommitCoverageView::currentRow() const
{
    const QModelIndex index = m_filter->mapToSource(m_table->currentIndex());
    return index.isValid() ? m_model->rowAt(index.row()) : nullptr;
}

void CommitCoverageView::selectSha(const QString &sha)
{
    const int row = m_model->rowForSha(sha);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
}

QList<CoverageRow> CommitCoverageView::selectedUncovered() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QList<CoverageRow> out;
    for (int row : std::as_const(rows)) {
        const CoverageRow *r = m_model->rowAt(m_filter->mapToSource(m_filter->index(row, 0)).row());
        if (r && r->state != CoverageState::Covered)
            out << *r;
    }
    return out;
}

void CommitCoverageView::updateActions()
{
    const CoverageRow *r = currentRow();
    m_addEntry->setEnabled(r && !m_progressRow->isVisible());
}

void CommitCoverageView::activate(const QModelIndex &proxyIndex)
{
    const CoverageRow *r = m_model->rowAt(m_filter->mapToSource(proxyIndex).row());
    if (!r)
        return;
    if (r->state == CoverageState::Covered && r->coveredByLine > 0)
        emit showEntryRequested(r->coveredByLine);
    else if (r->state == CoverageState::Uncovered && r->suggestedLine > 0)
        emit showEntryRequested(r->suggestedLine);  // the probable entry, to cite the PR there
    else
        emit addEntryRequested(*r);
}

QByteArray CommitCoverageView::saveState() const
{
    return m_table->horizontalHeader()->saveState();
}

void CommitCoverageView::restoreState(const QByteArray &state)
{
    m_table->horizontalHeader()->restoreState(state);
}

}  // namespace cockpit
