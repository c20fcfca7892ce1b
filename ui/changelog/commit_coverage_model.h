#pragma once
// The commits since the last release tag as the Changelog tab lists them: whether an Unreleased
// entry covers each (covered / uncovered / exempt by type), its type, PR and covering entry.
// CommitCoverageFilter narrows it by text (SHA, subject, type) and by state.
#include <QAbstractTableModel>
#include <QDateTime>
#include <QSortFilterProxyModel>

namespace cockpit {

enum class CoverageState { Covered, Uncovered, Exempt };
QString coverageStateTitle(CoverageState state);  // "Covered"
QColor coverageStateColor(CoverageState state);

// One commit row; filled from the coverage analysis at the tab.
struct CoverageRow {
    QString sha;
    QString subject;
    QString type;  // Conventional Commits type, lower case; empty when not conventional
    QString scope;
    QString description;  // the subject after "type(scope)!: ", PR reference removed
    bool breaking = false;
    int pr = 0;
    CoverageState state = CoverageState::Uncovered;
    QString coveredBy;  // the entry's text
    int coveredByLine = 0;  // its line in the changelog
    // Uncovered, but an entry says much the same (changelog_coverage: a hint, never coverage).
    QString suggestedBy;
    int suggestedLine = 0;
    QString author;
    QDateTime time;
};

class CommitCoverageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StateColumn, CommitColumn, TypeColumn, SubjectColumn, CoveredByColumn, ColumnCount };

    explicit CommitCoverageModel(QObject *parent = nullptr);

    void setRows(QList<CoverageRow> rows);
    [[nodiscard]] const QList<CoverageRow> &rows() const { return m_rows; }
    [[nodiscard]] const CoverageRow *rowAt(int row) const;
    [[nodiscard]] int rowForSha(const QString &sha) const;
    [[nodiscard]] int count(CoverageState state) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<CoverageRow> m_rows;
};

class CommitCoverageFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CommitCoverageFilter(QObject *parent = nullptr);

    void setText(const QString &text);
    // nullopt: every state.
    void setState(std::optional<CoverageState> state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::optional<CoverageState> m_state;
};

}  // namespace cockpit
