// Team mode's notices (PostgreSQL LISTEN on channel "cockpit", migrations 006 and 009): another
// cockpit's committed change becomes the Store's signal. A notice carries the changed item or
// audit entry when it fits NOTIFY's 8000 bytes, so the usual change costs no query here; one that
// did not fit is read back. Runs on the worker's thread; each signal is one posted event.
#include "store.h"
#include "store_worker.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace cockpit {

namespace {

QString field(const QJsonObject &row, const char *name)
{
    return row.value(QLatin1String(name)).toString();
}

QDateTime timeField(const QJsonObject &row, const char *name)
{
    return QDateTime::fromString(field(row, name), Qt::ISODateWithMs);
}

QJsonObject jsonField(const QJsonObject &row, const char *name)
{
    return QJsonDocument::fromJson(field(row, name).toUtf8()).object();
}

}  // namespace

void StoreWorker::onNotification(
    const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload)
{
    // Our own changes were announced when they were saved.
    if (name != kNotifyChannel || source == QSqlDriver::SelfSource)
        return;
    const QJsonObject note = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    const QString table = field(note, "table");
    const QString version = field(note, "release");
    const QString key = field(note, "key");
    const QJsonObject row = note.value(QLatin1String("row")).toObject();
    if (table == u"checklist_items") {
        announceRemoteItem(version, key, row);
    } else if (table == u"audit_log") {
        announceRemoteAudit(version, key.toLongLong(), row);
    } else if (table == u"signoffs") {
        emitOnStore([version](Store *store) { emit store->signoffChanged(version); });
    } else if (!version.isEmpty()) {  // releases, and any table a later migration announces
        emitOnStore([version](Store *store) { emit store->releaseChanged(version); });
    }
}

Result<QJsonObject> StoreWorker::fetchItemRow(const QString &version, const QString &key)
{
    auto fetched = run(QStringLiteral("SELECT i.state, i.who, i.at, i.note, i.na_reason, i.evidence, "
                                      "i.row_version FROM checklist_items i JOIN releases r ON r.id = "
                                      "i.release_id WHERE r.version = ? AND i.key = ?"),
        {version, key}, QStringLiteral("cannot read item %1 of %2").arg(key, version));
    if (!fetched)
        return std::unexpected(fetched.error());
    QSqlQuery &q = **fetched;
    if (!q.next()) {
        q.finish();
        return fail(ErrorCode::NotFound, QStringLiteral("no item %1 in %2").arg(key, version));
    }
    // The same shape as the notice's "row" (009_notify_rows.sql), so both are read one way.
    QJsonObject row {{QStringLiteral("state"), q.value(0).toString()},
        {QStringLiteral("who"), q.value(1).toString()}, {QStringLiteral("at"), q.value(2).toString()},
        {QStringLiteral("note"), q.value(3).toString()}, {QStringLiteral("na_reason"), q.value(4).toString()},
        {QStringLiteral("evidence"), q.value(5).toString()},
        {QStringLiteral("row_version"), q.value(6).toInt()}};
    q.finish();
    return row;
}

void StoreWorker::announceRemoteItem(const QString &version, const QString &key, QJsonObject row)
{
    if (row.isEmpty()) {  // too long for the notice
        auto fetched = fetchItemRow(version, key);
        if (!fetched) {
            qCWarning(lcStore) << "cannot read the item" << key << "of" << version
                               << "another cockpit changed:" << fetched.error().message;
            return;
        }
        row = *fetched;
    }
    // The saved state only: the item's text lives in the checklist the receiver already holds.
    ChecklistItem item;
    item.key = key;
    item.state = itemStateFromName(field(row, "state")).value_or(ItemState::Open);
    item.who = field(row, "who");
    item.when = timeField(row, "at");
    item.note = field(row, "note");
    item.naReason = field(row, "na_reason");
    item.evidence = field(row, "evidence");
    item.rowVersion = row.value(QLatin1String("row_version")).toInt();
    emitOnStore([version, item](Store *store) { emit store->itemChanged(version, item); });
}

void StoreWorker::announceRemoteAudit(const QString &version, qint64 seq, const QJsonObject &row)
{
    if (row.isEmpty()) {  // too long for the notice
        auto entry = auditEntry(seq);
        if (!entry) {
            qCWarning(lcStore) << "cannot read audit entry" << seq
                               << "another cockpit appended:" << entry.error().message;
            return;
        }
        announce(Transaction {{*entry}, {}, {}});
        return;
    }
    const AuditEntry entry {seq, timeField(row, "at"), field(row, "actor"), field(row, "action"), version,
        field(row, "subject"), jsonField(row, "before_json"), jsonField(row, "after_json"),
        field(row, "prev_hash").toLatin1(), field(row, "hash").toLatin1()};
    announce(Transaction {{entry}, {}, {}});
}

}  // namespace cockpit
