#pragma once
// Tree model over a release's checklist: phases > sections > items. Read-only: the UI asks the
// store to change an item and, once saved, hands the saved item back through updateItem().
#include "checklist.h"
#include "item_roles.h"

#include <QAbstractItemModel>
#include <QHash>

namespace cockpit {

class ChecklistModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { TextColumn, StateColumn, WhoColumn, WhenColumn, NoteColumn, ColumnCount };

    explicit ChecklistModel(QObject *parent = nullptr);

    void setChecklist(Checklist checklist);  // full reset
    [[nodiscard]] const Checklist &checklist() const { return m_checklist; }
    // Replaces the run-time state of the item with the same key; emits dataChanged for the item
    // and its ancestors (progress). Returns false when no item has that key.
    bool updateItem(const ChecklistItem &item);

    [[nodiscard]] QModelIndex indexForKey(const QString &key, int column = 0) const;
    [[nodiscard]] const ChecklistItem *itemAt(const QModelIndex &index) const;  // null unless an item
    [[nodiscard]] NodeKind kindAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    // One flat node table; an index's internalId is its node's position. Counts are cached so
    // progress roles stay O(1) and updateItem adjusts them by the item's delta.
    struct Node {
        NodeKind kind = NodeKind::Phase;
        int phase = -1;
        int section = -1;  // sections and items
        int item = -1;  // items
        int parent = -1;  // node position; -1 for phases
        int row = 0;
        int closed = 0;
        int failed = 0;
        int total = 0;
        QList<int> children;
    };

    void buildNodes();
    [[nodiscard]] const Node *nodeAt(const QModelIndex &index) const;
    [[nodiscard]] QVariant itemData(const ChecklistItem &item, int column, int role) const;
    [[nodiscard]] QVariant groupData(const Node &node, int column, int role) const;

    Checklist m_checklist;
    QList<Node> m_nodes;
    QList<int> m_roots;  // phase nodes
    QHash<QString, int> m_itemNodes;  // item key -> node
};

}  // namespace cockpit
