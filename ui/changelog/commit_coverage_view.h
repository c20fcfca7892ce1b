#pragma once
// The right side of the Changelog tab: the commits since the last release tag, each covered,
// uncovered or exempt, with a text filter, a state filter, progress and Cancel while the history
// is walked, and "Add entry…" that asks the tab to draft an entry for the selected commit.
#include "commit_coverage_model.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace cockpit {

class CommitCoverageView : public QWidget {
    Q_OBJECT
public:
    explicit CommitCoverageView(QWidget *parent = nullptr);

    // Shows progress with Cancel until setRows() or showMessage().
    void setLoading(const QString &text);
    void setProgress(int commitsWalked);
    void setRows(QList<CoverageRow> rows, const QString &summary);
    void showMessage(const QString &text);  // instead of the table: why there is nothing to list

    [[nodiscard]] CommitCoverageModel *model() const { return m_model; }
    [[nodiscard]] CommitCoverageFilter *filter() const { return m_filter; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] const CoverageRow *currentRow() const;
    // The selected rows not covered yet, in table order (Add Entry drafts one entry for each).
    [[nodiscard]] QList<CoverageRow> selectedUncovered() const;
    void selectSha(const QString &sha);
    [[nodiscard]] QByteArray saveState() const;
    void restoreState(const QByteArray &state);

signals:
    void addEntryRequested(const cockpit::CoverageRow &row);
    void addEntriesRequested(const QList<cockpit::CoverageRow> &rows);  // several selected
    void showEntryRequested(int line);  // a covered commit was activated: show its entry
    void cancelRequested();

private:
    QWidget *buildToolbar();
    QWidget *buildProgress();
    void configureTable();
    void updateActions();
    void activate(const QModelIndex &proxyIndex);

    CommitCoverageModel *m_model;
    CommitCoverageFilter *m_filter;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_stateBox = nullptr;
    QPushButton *m_addEntry = nullptr;
    QLabel *m_summary;
    QWidget *m_progressRow = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QStackedWidget *m_stack;
    QTableView *m_table;
    QLabel *m_message;
};

}  // namespace cockpit
