#pragma once
// Table over the audit log (the release timeline): seq, time, actor, action, release, subject and
// a compact "before -> after" summary. Raw values in the custom roles; formatting is left to ui/.
#include "audit_entry.h"
#include "item_roles.h"

#include <QAbstractTableModel>
#include <QList>

namespace cockpit {

class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        SeqColumn,
        TimeColumn,
        ActorColumn,
        ActionColumn,
        ReleaseColumn,
        SubjectColumn,
        ChangeColumn,
        ColumnCount
    };

    explicit AuditLogModel(QObject *parent = nullptr);

    void setEntries(QList<AuditEntry> entries);  // full reset
    void append(const AuditEntry &entry);
    [[nodiscard]] const AuditEntry &entryAt(int row) const;
    [[nodiscard]] const QList<AuditEntry> &entries() const { return m_entries; }

    // "state: open -> done; note: -> \"looks good\"": the keys whose values differ, sorted.
    static QString changeSummary(const QJsonObject &before, const QJsonObject &after);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<AuditEntry> m_entries;
};

}  // namespace cockpit
