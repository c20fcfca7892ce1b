#pragma once
// Table of releases (newest first as the store gives them): version, type, state, commit, target
// date, manager. Raw values in the custom roles; display formatting is left to ui/.
#include "item_roles.h"
#include "release.h"

#include <QAbstractTableModel>
#include <QList>

namespace cockpit {

class ReleaseListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        VersionColumn,
        TypeColumn,
        StateColumn,
        CommitColumn,
        TargetDateColumn,
        ManagerColumn,
        ColumnCount
    };

    explicit ReleaseListModel(QObject *parent = nullptr);

    void setReleases(QList<ReleaseRecord> releases);  // full reset, kept in the given order
    // Replaces the release with the same version, or appends it. Returns its row.
    int updateRelease(const ReleaseRecord &release);
    [[nodiscard]] const ReleaseRecord &releaseAt(int row) const;
    [[nodiscard]] int rowForVersion(const QString &version) const;  // -1 when absent
    [[nodiscard]] const QList<ReleaseRecord> &releases() const { return m_releases; }
    // The day overdue target dates are judged against (tests pin it; default: today).
    void setToday(const QDate &today) { m_today = today; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    static constexpr int ShortCommitLength = 7;  // git's default abbreviation

private:
    QDate m_today = QDate::currentDate();
    QList<ReleaseRecord> m_releases;
};

}  // namespace cockpit
