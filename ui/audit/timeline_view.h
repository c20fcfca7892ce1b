#pragma once
// The Timeline tab: the release's audit log, oldest first, times in local time; follows
// Store::auditAppended so a tick shows up the moment it is saved.
#include "audit_entry.h"

#include <QWidget>

class QTableView;

namespace cockpit {

class AuditLogModel;
class Store;

class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setStore(Store *store);
    void showRelease(const QString &version);  // empty: clear
    [[nodiscard]] QString version() const { return m_version; }
    [[nodiscard]] AuditLogModel *model() const { return m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }

    [[nodiscard]] QByteArray saveState() const;
    void restoreState(const QByteArray &state);

signals:
    void errorOccurred(const QString &text);

private:
    void onAppended(const AuditEntry &entry);

    Store *m_store = nullptr;
    AuditLogModel *m_model;
    QTableView *m_table;
    QString m_version;
    quint64 m_generation = 0;
    bool m_loading = false;
    QList<AuditEntry> m_arrivedWhileLoading;
};

}  // namespace cockpit
