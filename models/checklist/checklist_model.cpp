#include "checklist_model.h"

namespace cockpit {

namespace {
bool isClosed(ItemState s)
{
    return s == ItemState::Done || s == ItemState::NotApplicable;
}
}  // namespace

ChecklistModel::ChecklistModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void ChecklistModel::setChecklist(Checklist checklist)
{
    beginResetModel();
    m_checklist = std::move(checklist);
    buildNodes();
    endResetModel();
}

void ChecklistModel::buildNodes()
{
    m_nodes.clear();
    m_roots.clear();
    m_itemNodes.clear();
    const int items = m_checklist.itemCount();
    m_nodes.reserve(items + 64);
    m_itemNodes.reserve(items);
    for (int p = 0; p < m_checklist.phases.size(); ++p) {
        const int phaseNode = int(m_nodes.size());
        m_nodes.append(Node {NodeKind::Phase, p, -1, -1, -1, int(m_roots.size())});
        m_roots.append(phaseNode);
        const ChecklistPhase &phase = m_checklist.phases.at(p);
        for (int s = 0; s < phase.sections.size(); ++s) {
            const ChecklistSection &section = phase.sections.at(s);
            int parentNode = phaseNode;
            // The implicit (untitled) section adds no level: its items hang under the phase.
            if (!section.title.isEmpty()) {
                parentNode = int(m_nodes.size());
                m_nodes.append(
                    Node {NodeKind::Section, p, s, -1, phaseNode, int(m_nodes[phaseNode].children.size())});
                m_nodes[phaseNode].children.append(parentNode);
            }
            for (int i = 0; i < section.items.size(); ++i) {
                const ChecklistItem &item = section.items.at(i);
                const int itemNode = int(m_nodes.size());
                m_nodes.append(
                    Node {NodeKind::Item, p, s, i, parentNode, int(m_nodes[parentNode].children.size())});
                m_nodes[parentNode].children.append(itemNode);
                m_itemNodes.insert(item.key, itemNode);
                for (int n = parentNode; n >= 0; n = m_nodes[n].parent) {
                    ++m_nodes[n].total;
                    m_nodes[n].closed += isClosed(item.state) ? 1 : 0;
                    m_nodes[n].failed += item.state == ItemState::Failed ? 1 : 0;
                }
            }
        }
    }
}

bool ChecklistModel::updateItem(const ChecklistItem &item)
{
    const int node = m_itemNodes.value(item.key, -1);
    if (node < 0)
        return false;
    const Node &n = m_nodes.at(node);
    ChecklistItem &target = m_checklist.phases[n.phase].sections[n.section].items[n.item];
    const int closedDelta = int(isClosed(item.state)) - int(isClosed(target.state));
    const int failedDelta = int(item.state == ItemState::Failed) - int(target.state == ItemState::Failed);
    target.state = item.state;
    target.who = item.who;
    target.when = item.when;
    target.note = item.note;
    target.naReason = item.naReason;
    target.evidence = item.evidence;
    target.rowVersion = item.rowVersion;
    emit dataChanged(
        createIndex(n.row, 0, quintptr(node)), createIndex(n.row, ColumnCount - 1, quintptr(node)));
    for (int a = n.parent; a >= 0; a = m_nodes.at(a).parent) {
        m_nodes[a].closed += closedDelta;
        m_nodes[a].failed += failedDelta;
        const int row = m_nodes.at(a).row;
        emit dataChanged(createIndex(row, 0, quintptr(a)), createIndex(row, ColumnCount - 1, quintptr(a)));
    }
    return true;
}

QModelIndex ChecklistModel::indexForKey(const QString &key, int column) const
{
    const int node = m_itemNodes.value(key, -1);
    if (node < 0 || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(m_nodes.at(node).row, column, quintptr(node));
}

const ChecklistModel::Node *ChecklistModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() >= quintptr(m_nodes.size()))
        return nullptr;
    return &m_nodes.at(qsizetype(index.internalId()));
}

const ChecklistItem *ChecklistModel::itemAt(const QModelIndex &index) const
{
    const Node *n = nodeAt(index);
    if (!n || n->kind != NodeKind::Item)
        return nullptr;
    return &m_checklist.phases.at(n->phase).sections.at(n->section).items.at(n->item);
}

NodeKind ChecklistModel::kindAt(const QModelIndex &index) const
{
    const Node *n = nodeAt(index);
    return n ? n->kind : NodeKind::Phase;
}

QModelIndex ChecklistModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(m_roots.at(row)));
    const Node *p = nodeAt(parent);
    return p ? createIndex(row, column, quintptr(p->children.at(row))) : QModelIndex();
}

QModelIndex ChecklistModel::parent(const QModelIndex &child) const
{
    const Node *n = nodeAt(child);
    if (!n || n->parent < 0)
        return {};
    return createIndex(m_nodes.at(n->parent).row, 0, quintptr(n->parent));
}

int ChecklistModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    const Node *n = nodeAt(parent);
    return n ? int(n->children.size()) : 0;
}

int ChecklistModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ChecklistModel::data(const QModelIndex &index, int role) const
{
    const Node *n = nodeAt(index);
    if (!n)
        return {};
    if (n->kind == NodeKind::Item)
        return itemData(
            m_checklist.phases.at(n->phase).sections.at(n->section).items.at(n->item), index.column(), role);
    return groupData(*n, index.column(), role);
}

QVariant ChecklistModel::itemData(const ChecklistItem &item, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TextColumn:
            return item.text;
        case StateColumn:
            return itemStateName(item.state);
        case WhoColumn:
            return item.who;
        case WhenColumn:
            return item.when.isValid() ? QVariant(item.when) : QVariant();
        case NoteColumn:
            return item.note;
        default:
            return {};
        }
    case Qt::CheckStateRole:
        if (column != TextColumn)
            return {};
        return isClosed(item.state) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole: {
        // The whole text, for a column too narrow to show it; the item's binding under its title.
        if (column == NoteColumn || column == WhoColumn) {
            const QString text = column == NoteColumn ? item.note : item.who;
            return text.isEmpty() ? QVariant() : QVariant(text);
        }
        if (column != TextColumn)
            return {};
        QStringList lines {item.text};
        if (!item.check.isEmpty())
            lines << tr("Automated check: %1").arg(item.check);
        if (!item.condition.isEmpty())
            lines << tr("Condition: %1").arg(item.condition);
        return lines.join(u'\n');
    }
    case KindRole:
        return int(NodeKind::Item);
    case KeyRole:
        return item.key;
    case StateRole:
        return int(item.state);
    case WhoRole:
        return item.who;
    case WhenRole:
        return item.when;
    case NoteRole:
        return item.note;
    case NaReasonRole:
        return item.naReason;
    case EvidenceRole:
        return item.evidence;
    case CheckBindingRole:
        return item.check;
    case ConditionRole:
        return item.condition;
    default:
        return {};
    }
}

QVariant ChecklistModel::groupData(const Node &node, int column, int role) const
{
    const ChecklistPhase &phase = m_checklist.phases.at(node.phase);
    const bool isPhase = node.kind == NodeKind::Phase;
    switch (role) {
    case Qt::DisplayRole:
        if (column != TextColumn)
            return {};
        return isPhase ? phase.title : phase.sections.at(node.section).title;
    case KindRole:
        return int(node.kind);
    case KeyRole:
        return isPhase ? phase.name : phase.sections.at(node.section).title;
    case ClosedCountRole:
        return node.closed;
    case TotalCountRole:
        return node.total;
    case FailedCountRole:
        return node.failed;
    default:
        return {};
    }
}

QVariant ChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TextColumn:
        return tr("Item");
    case StateColumn:
        return tr("State");
    case WhoColumn:
        return tr("Who");
    case WhenColumn:
        return tr("When");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

Qt::ItemFlags ChecklistModel::flags(const QModelIndex &index) const
{
    const Node *n = nodeAt(index);
    if (!n)
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (n->kind == NodeKind::Item)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QHash<int, QByteArray> ChecklistModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    const std::pair<int, const char *> custom[] = {
        {KindRole, "kind"},
        {KeyRole, "key"},
        {StateRole, "state"},
        {WhoRole, "who"},
        {WhenRole, "when"},
        {NoteRole, "note"},
        {NaReasonRole, "naReason"},
        {EvidenceRole, "evidence"},
        {CheckBindingRole, "checkBinding"},
        {ConditionRole, "condition"},
        {ClosedCountRole, "closedCount"},
        {TotalCountRole, "totalCount"},
        {FailedCountRole, "failedCount"},
    };
    for (const auto &[role, name] : custom)
        names.insert(role, name);
    return names;
}

}  // namespace cockpit
