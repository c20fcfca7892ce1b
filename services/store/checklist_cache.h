#pragma once
// The checklists the store worker has read, kept between reads on its connection, so that a reread
// after one tick parses no Markdown and reads only the rows changed since. Every write of an item
// names a new audit entry (audit_seq, migration 010), and entries are numbered in commit order (one
// writer at a time: SQLite's write lock, PostgreSQL's writers' lock and the audit trigger), so the
// rows changed since a read are those whose audit_seq is above the highest that read saw.
#include "checklist.h"

#include <QHash>
#include <QStringList>
#include <array>

namespace cockpit {

// One saved checklist_items row, as read.
struct ChecklistItemRow {
    QString key;
    ItemState state = ItemState::Open;
    QString who;
    QDateTime when;
    QString note;
    QString naReason;
    QString evidence;
    int rowVersion = 0;
    qint64 auditSeq = -1;  // -1: NULL (a row no entry names yet)
};

// What a cheap query says about a release's rows: the highest audit_seq and how many rows there are.
struct ChecklistRowsMark {
    qint64 highSeq = -1;
    qint64 rows = 0;
    friend bool operator==(const ChecklistRowsMark &, const ChecklistRowsMark &) = default;
};

// Applies a row to the item it names; a key the snapshot does not yield is kept in the database
// and shown nowhere.
void applyItemRow(ChecklistItem &item, const ChecklistItemRow &row);

class ChecklistCache {
public:
    // The cached checklist of the release, when its phases' stored Markdown is still `sources`
    // (name, title and source of each phase, in order); nullptr otherwise.
    [[nodiscard]] const Checklist *find(qint64 releaseId, const QStringList &sources) const;
    [[nodiscard]] ChecklistRowsMark mark(qint64 releaseId) const;
    // A full read: the parsed phases with every row applied.
    void store(qint64 releaseId, QStringList sources, Checklist list, const QList<ChecklistItemRow> &rows);
    // The rows changed since the cached read (audit_seq above its highest), with the rows count now.
    void apply(qint64 releaseId, const QList<ChecklistItemRow> &changed, qint64 rowsNow);
    void clear() { m_entries.clear(); }

private:
    using Position = std::array<int, 3>;  // phase, section, item
    struct Entry {
        QStringList sources;
        Checklist list;
        QHash<QString, Position> positions;
        ChecklistRowsMark mark;
    };
    static constexpr int kMaxReleases = 8;  // the releases a window or a CLI run looks at
    QHash<qint64, Entry> m_entries;
};

}  // namespace cockpit
