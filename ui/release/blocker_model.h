#pragma once
// The blockers of a release's next move as rows for the "Why blocked?" panel: what blocks, what
// clears it, and the earliest time when time is the blocker. TargetRole names where it is cleared
// ("item:pre-release.3", "signoffs", "gate:NAME", "soak:ENV", ...), as Blocker::target does.
#include "readiness.h"

#include <QAbstractTableModel>

namespace cockpit {

class BlockerModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { WhatColumn, ClearsWhenColumn, EarliestColumn, ColumnCount };
    enum Role { TargetRole = Qt::UserRole + 1, KindRole, EarliestRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setBlockers(const QList<Blocker> &blockers);
    [[nodiscard]] const QList<Blocker> &blockers() const { return m_blockers; }
    // The first row whose target is `target`; -1 when none.
    [[nodiscard]] int rowForTarget(const QString &target) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Blocker> m_blockers;
};

}  // namespace cockpit
