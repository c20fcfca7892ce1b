#include "checklist_filter_proxy.h"

#include "checklist.h"
#include "item_roles.h"

namespace cockpit {

ChecklistFilterProxy::ChecklistFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    // A parent row shows when any descendant is accepted; filterAcceptsRow rejects parents
    // while a filter is active so that empty sections vanish.
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
}

void ChecklistFilterProxy::setOpenOnly(bool openOnly)
{
    if (m_openOnly == openOnly)
        return;
    m_openOnly = openOnly;
    invalidateFilter();
}

void ChecklistFilterProxy::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool ChecklistFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind = static_cast<NodeKind>(index.data(KindRole).toInt());
    if (kind != NodeKind::Item)
        return !m_openOnly && m_text.isEmpty();
    if (m_openOnly) {
        const auto state = static_cast<ItemState>(index.data(StateRole).toInt());
        if (state == ItemState::Done || state == ItemState::NotApplicable)
            return false;
    }
    return m_text.isEmpty() || textMatches(index);
}

bool ChecklistFilterProxy::textMatches(const QModelIndex &item) const
{
    const auto contains
        = [this](const QVariant &value) { return value.toString().contains(m_text, Qt::CaseInsensitive); };
    if (contains(item.data(Qt::DisplayRole)) || contains(item.data(KeyRole)) || contains(item.data(NoteRole))
        || contains(item.data(CheckBindingRole)))
        return true;
    // "Code Readiness" finds every item of that section.
    for (QModelIndex up = item.parent(); up.isValid(); up = up.parent()) {
        if (contains(up.data(Qt::DisplayRole)))
            return true;
    }
    return false;
}

}  // namespace cockpit
