#include "release_list_model.h"

#include <QLocale>

namespace cockpit {

ReleaseListModel::ReleaseListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReleaseListModel::setReleases(QList<ReleaseRecord> releases)
{
    beginResetModel();
    m_releases = std::move(releases);
    endResetModel();
}

int ReleaseListModel::updateRelease(const ReleaseRecord &release)
{
    const int row = rowForVersion(release.version);
    if (row >= 0) {
        m_releases[row] = release;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return row;
    }
    const int end = int(m_releases.size());
    beginInsertRows({}, end, end);
    m_releases.append(release);
    endInsertRows();
    return end;
}

const ReleaseRecord &ReleaseListModel::releaseAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_releases.size());
    return m_releases.at(row);
}

int ReleaseListModel::rowForVersion(const QString &version) const
{
    for (int i = 0; i < m_releases.size(); ++i) {
        if (m_releases.at(i).version == version)
            return i;
    }
    return -1;
}

int ReleaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_releases.size());
}

int ReleaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReleaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReleaseRecord &r = m_releases.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case VersionColumn:
            return r.version;
        case TypeColumn:
            return r.type;
        case StateColumn:
            // A live release past its target date says so where its state is read.
            return overdueSince(r, m_today) ? tr("%1 · overdue").arg(releaseStateTitle(r.state))
                                            : releaseStateTitle(r.state);
        case CommitColumn:
            return r.commit.left(ShortCommitLength);
        case TargetDateColumn:
            return r.targetDate.isValid() ? QVariant(r.targetDate) : QVariant();
        case ManagerColumn:
            return r.manager;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == CommitColumn && !r.commit.isEmpty())
            return r.commitPinned ? r.commit : tr("%1 (follows %2)").arg(r.commit, r.branch);
        if (const auto overdue = overdueSince(r, m_today))
            return tr("%1: target %2, overdue since %3")
                .arg(r.version, r.targetDate.toString(Qt::ISODate), QLocale().toString(*overdue, QStringLiteral("d MMM")));
        return {};
    case KeyRole:
    case VersionRole:
        return r.version;
    case ReleaseTypeRole:
        return r.type;
    case CommitRole:
        return r.commit;
    case ReleaseStateRole:
        return int(r.state);
    case ManagerRole:
        return r.manager;
    case CreatedAtRole:
        return r.createdAt;
    case TargetDateRole:
        return r.targetDate;
    default:
        return {};
    }
}

QVariant ReleaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case TypeColumn:
        return tr("Type");
    case StateColumn:
        return tr("State");
    case CommitColumn:
        return tr("Commit");
    case TargetDateColumn:
        return tr("Target date");
    case ManagerColumn:
        return tr("Manager");
    default:
        return {};
    }
}

Qt::ItemFlags ReleaseListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ReleaseListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(VersionRole, "version");
    names.insert(ReleaseTypeRole, "releaseType");
    names.insert(CommitRole, "commit");
    names.insert(ReleaseStateRole, "releaseState");
    names.insert(ManagerRole, "manager");
    names.insert(CreatedAtRole, "createdAt");
    names.insert(TargetDateRole, "targetDate");
    return names;
}

}  // namespace cockpit
