#include "blocker_model.h"

#include "state_style.h"

namespace cockpit {

void BlockerModel::setBlockers(const QList<Blocker> &blockers)
{
    beginResetModel();
    m_blockers = blockers;
    endResetModel();
}

int BlockerModel::rowForTarget(const QString &target) const
{
    for (qsizetype row = 0; row < m_blockers.size(); ++row) {
        if (m_blockers[row].target == target)
            return int(row);
    }
    return -1;
}

int BlockerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_blockers.size());
}

int BlockerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BlockerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Blocker &b = m_blockers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhatColumn:
            return b.what;
        case ClearsWhenColumn:
            return b.clearsWhen;
        case EarliestColumn:
            return formatLocalTime(b.earliest);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return b.earliest.isValid() ? tr("%1\nClears when: %2\nEarliest: %3").arg(b.what, b.clearsWhen, formatLocalTime(b.earliest))
                                    : tr("%1\nClears when: %2").arg(b.what, b.clearsWhen);
    case Qt::AccessibleTextRole:
        return index.column() == WhatColumn ? b.what : data(index, Qt::DisplayRole);
    case TargetRole:
        return b.target;
    case KindRole:
        return b.kind;
    case EarliestRole:
        return b.earliest;
    default:
        return {};
    }
}

QVariant BlockerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhatColumn:
        return tr("Blocker");
    case ClearsWhenColumn:
        return tr("Clears when");
    case EarliestColumn:
        return tr("Earliest");
    default:
        return {};
    }
}

}  // namespace cockpit
