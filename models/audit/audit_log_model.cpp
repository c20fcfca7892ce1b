#include "audit_log_model.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>

namespace cockpit {

namespace {
QString compactValue(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}
}  // namespace

AuditLogModel::AuditLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AuditLogModel::setEntries(QList<AuditEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void AuditLogModel::append(const AuditEntry &entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

const AuditEntry &AuditLogModel::entryAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_entries.size());
    return m_entries.at(row);
}

QString AuditLogModel::changeSummary(const QJsonObject &before, const QJsonObject &after)
{
    QStringList keys = before.keys() + after.keys();
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    QStringList parts;
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue b = before.value(key);
        const QJsonValue a = after.value(key);
        if (a == b)
            continue;
        // An empty string is how the store says "no note": set and cleared read better than "" -> x.
        const bool wasEmpty = b.isUndefined() || (b.isString() && b.toString().isEmpty());
        const bool isEmpty = a.isString() && a.toString().isEmpty();
        if (wasEmpty)
            parts << QStringLiteral("%1: %2").arg(key, compactValue(a));
        else if (isEmpty)
            parts << QStringLiteral("%1: %2 -> (cleared)").arg(key, compactValue(b));
        else if (a.isUndefined())
            parts << QStringLiteral("%1: %2 -> (removed)").arg(key, compactValue(b));
        else
            parts << QStringLiteral("%1: %2 -> %3").arg(key, compactValue(b), compactValue(a));
    }
    return parts.join(QStringLiteral("; "));
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn:
            return e.seq;
        case TimeColumn:
            return e.at;
        case ActorColumn:
            return e.actor;
        case ActionColumn:
            // A break-glass override stands out in the timeline: it is what an auditor asks about.
            return e.action == u"release.override" ? QStringLiteral("⚠ %1 (break-glass)").arg(e.action) : e.action;
        case ReleaseColumn:
            return e.release;
        case SubjectColumn:
            return e.subject;
        case ChangeColumn:
            return changeSummary(e.before, e.after);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (e.action == u"release.override")
            return QStringLiteral("Break-glass override by %1: %2").arg(e.actor, e.after.value(QStringLiteral("reason")).toString());
        return {};
    case SeqRole:
        return e.seq;
    case WhenRole:
        return e.at;
    case ActorRole:
        return e.actor;
    case ActionRole:
        return e.action;
    case VersionRole:
        return e.release;
    case SubjectRole:
        return e.subject;
    case BeforeRole:
        return e.before;
    case AfterRole:
        return e.after;
    case HashRole:
        return e.hash;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeqColumn:
        return tr("Seq");
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor");
    case ActionColumn:
        return tr("Action");
    case ReleaseColumn:
        return tr("Release");
    case SubjectColumn:
        return tr("Subject");
    case ChangeColumn:
        return tr("Change");
    default:
        return {};
    }
}

Qt::ItemFlags AuditLogModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> AuditLogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SeqRole, "seq");
    names.insert(WhenRole, "at");
    names.insert(ActorRole, "actor");
    names.insert(ActionRole, "action");
    names.insert(VersionRole, "release");
    names.insert(SubjectRole, "subject");
    names.insert(BeforeRole, "before");
    names.insert(AfterRole, "after");
    names.insert(HashRole, "hash");
    return names;
}

}  // namespace cockpit
