#include "checklist_cache.h"

#include <algorithm>

namespace cockpit {

void applyItemRow(ChecklistItem &item, const ChecklistItemRow &row)
{
    item.state = row.state;
    item.who = row.who;
    item.when = row.when;
    item.note = row.note;
    item.naReason = row.naReason;
    item.evidence = row.evidence;
    item.rowVersion = row.rowVersion;
}

const Checklist *ChecklistCache::find(qint64 releaseId, const QStringList &sources) const
{
    const auto it = m_entries.constFind(releaseId);
    if (it == m_entries.cend() || it->sources != sources)
        return nullptr;
    return &it->list;
}

ChecklistRowsMark ChecklistCache::mark(qint64 releaseId) const
{
    return m_entries.value(releaseId).mark;
}

void ChecklistCache::store(qint64 releaseId, QStringList sources, Checklist list, const QList<ChecklistItemRow> &rows)
{
    if (m_entries.size() >= kMaxReleases && !m_entries.contains(releaseId))
        m_entries.clear();
    Entry entry;
    entry.sources = std::move(sources);
    entry.list = std::move(list);
    for (int p = 0; p < entry.list.phases.size(); ++p) {
        const auto &sections = entry.list.phases.at(p).sections;
        for (int s = 0; s < sections.size(); ++s)
            for (int i = 0; i < sections.at(s).items.size(); ++i)
                entry.positions.insert(sections.at(s).items.at(i).key, Position {p, s, i});
    }
    entry.mark.rows = rows.size();
    for (const ChecklistItemRow &row : rows)
        entry.mark.highSeq = std::max(entry.mark.highSeq, row.auditSeq);
    m_entries.insert(releaseId, std::move(entry));
}

void ChecklistCache::apply(qint64 releaseId, const QList<ChecklistItemRow> &changed, qint64 rowsNow)
{
    auto it = m_entries.find(releaseId);
    if (it == m_entries.end())
        return;
    for (const ChecklistItemRow &row : changed) {
        it->mark.highSeq = std::max(it->mark.highSeq, row.auditSeq);
        const auto at = it->positions.constFind(row.key);
        if (at == it->positions.cend())
            continue;
        const Position &p = *at;
        applyItemRow(it->list.phases[p[0]].sections[p[1]].items[p[2]], row);
    }
    it->mark.rows = rowsNow;
}

}  // namespace cockpit
