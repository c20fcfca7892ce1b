// The hash-chained audit log (migration 001, head 003): Store's entry points and the worker's
// half. Every user action's transaction appends its entries through record(); the chain head is
// read inside the write transaction and recorded in audit_head before COMMIT.
#include "redactor.h"
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace cockpit {

QFuture<Result<QList<AuditEntry>>> Store::auditLog(QString release, QString action)
{
    return enqueue(m_worker.get(), [w = m_worker.get(), release = std::move(release), action = std::move(action)] {
        return w->auditLog(release, action);
    });
}

QFuture<Result<AuditVerification>> Store::verifyAudit()
{
    return enqueue(m_worker.get(), [w = m_worker.get()] { return w->verifyAudit(); });
}

QFuture<Result<AuditEntry>> Store::appendAudit(AuditEntry entry)
{
    return enqueue(
        m_worker.get(), [w = m_worker.get(), entry = std::move(entry)] { return w->appendAudit(entry); });
}

QFuture<Status> Store::appendAuditBatch(QList<AuditEntry> entries)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), entries = std::move(entries)] { return w->appendAuditBatch(entries); });
}

namespace {

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

AuditEntry auditFromRow(const QSqlQuery &q)
{
    AuditEntry entry;
    entry.seq = q.value(0).toLongLong();
    entry.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    entry.actor = q.value(2).toString();
    entry.action = q.value(3).toString();
    entry.release = q.value(4).toString();
    entry.subject = q.value(5).toString();
    entry.before = jsonObject(q.value(6));
    entry.after = jsonObject(q.value(7));
    entry.prevHash = q.value(8).toString().toLatin1();
    entry.hash = q.value(9).toString().toLatin1();
    return entry;
}

const QString kAuditColumns
    = QStringLiteral("seq, at, actor, action, release, subject, before_json, after_json, prev_hash, hash");

}  // namespace

Result<StoreWorker::ChainHead> StoreWorker::chainHead()
{
    if (!m_lastAudit) {
        m_lastAudit.emplace(m_db);
        m_lastAudit->prepare(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    }
    QSqlQuery &q = *m_lastAudit;
    if (auto ok = exec(q, QStringLiteral("cannot read the audit log")); !ok)
        return std::unexpected(ok.error());
    ChainHead head {0, genesisHash()};
    if (q.next())
        head = {q.value(0).toLongLong(), q.value(1).toString().toLatin1()};
    q.finish();
    return head;
}

Result<qint64> StoreWorker::nextAuditSeq()
{
    auto head = chainHead();
    if (!head)
        return std::unexpected(head.error());
    return head->seq + 1;
}

Result<AuditEntry> StoreWorker::insertAudit(AuditEntry entry, ChainHead &head)
{
    // Every audit entry passes here before it is hashed: no secret enters the chain.
    if (!Redactor::isEmpty()) {
        const auto clean = [](const QJsonObject &o) {
            return QJsonDocument::fromJson(Redactor::redact(QJsonDocument(o).toJson(QJsonDocument::Compact)))
                .object();
        };
        entry.subject = Redactor::redact(entry.subject);
        entry.before = clean(entry.before);
        entry.after = clean(entry.after);
    }
    if (!m_insertAudit) {
        m_insertAudit.emplace(m_db);
        m_insertAudit->prepare(
            QStringLiteral("INSERT INTO audit_log (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .arg(kAuditColumns));
    }
    entry.seq = head.seq + 1;
    entry.at
        = entry.at.isValid() ? QDateTime::fromMSecsSinceEpoch(entry.at.toMSecsSinceEpoch(), Qt::UTC) : now();
    entry.prevHash = head.hash;
    entry.hash = chainHash(entry.prevHash, entry);
    QSqlQuery &q = *m_insertAudit;
    q.bindValue(0, entry.seq);
    q.bindValue(1, entry.at.toString(Qt::ISODateWithMs));
    q.bindValue(2, text(entry.actor));
    q.bindValue(3, text(entry.action));
    q.bindValue(4, text(entry.release));
    q.bindValue(5, text(entry.subject));
    q.bindValue(6, jsonText(entry.before));
    q.bindValue(7, jsonText(entry.after));
    q.bindValue(8, QString::fromLatin1(entry.prevHash));
    q.bindValue(9, QString::fromLatin1(entry.hash));
    if (auto ok = exec(q, QStringLiteral("cannot append to the audit log")); !ok)
        return std::unexpected(ok.error());
    head = {entry.seq, entry.hash};
    m_pendingHead = head;
    return entry;
}

Status StoreWorker::record(AuditEntry entry, Transaction &tx)
{
    auto head = chainHead();
    if (!head)
        return std::unexpected(head.error());
    auto inserted = insertAudit(std::move(entry), *head);
    if (!inserted)
        return std::unexpected(inserted.error());
    tx.appended.append(std::move(*inserted));
    return {};
}

Status StoreWorker::writeChainHead(const ChainHead &head)
{
    if (!m_writeHead) {
        m_writeHead.emplace(m_db);
        m_writeHead->prepare(
            QStringLiteral("INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) "
                           "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash"));
    }
    m_writeHead->bindValue(0, head.seq);
    m_writeHead->bindValue(1, QString::fromLatin1(head.hash));
    return exec(*m_writeHead, QStringLiteral("cannot record the audit chain's head"));
}

Result<AuditEntry> StoreWorker::appendAudit(const AuditEntry &entry)
{
    return inTransaction([&](Transaction &tx) -> Result<AuditEntry> {
        if (auto done = record(entry, tx); !done)
            return std::unexpected(done.error());
        return tx.appended.constLast();
    });
}

Status StoreWorker::appendAuditBatch(const QList<AuditEntry> &entries)
{
    return inTransaction([&](Transaction &tx) -> Status {
        auto head = chainHead();
        if (!head)
            return std::unexpected(head.error());
        tx.appended.reserve(entries.size());
        for (const AuditEntry &entry : entries) {
            auto inserted = insertAudit(entry, *head);
            if (!inserted)
                return std::unexpected(inserted.error());
            tx.appended.append(std::move(*inserted));
        }
        return {};
    });
}

Result<QList<AuditEntry>> StoreWorker::auditLog(const QString &release, const QString &action)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QStringList where;
    if (!release.isEmpty())
        where << QStringLiteral("release = ?");
    if (!action.isEmpty())
        where << QStringLiteral("action = ?");
    const QString filter = where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    q.prepare(QStringLiteral("SELECT %1 FROM audit_log%2 ORDER BY seq").arg(kAuditColumns, filter));
    if (!release.isEmpty())
        q.addBindValue(release);
    if (!action.isEmpty())
        q.addBindValue(action);
    if (auto ok = exec(q, QStringLiteral("cannot read the audit log")); !ok)
        return std::unexpected(ok.error());
    QList<AuditEntry> entries;
    while (q.next())
        entries.append(auditFromRow(q));
    return entries;
}

Result<AuditEntry> StoreWorker::auditEntry(qint64 seq)
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    if (!m_fetchAudit) {
        m_fetchAudit.emplace(m_db);
        m_fetchAudit->prepare(QStringLiteral("SELECT %1 FROM audit_log WHERE seq = ?").arg(kAuditColumns));
    }
    QSqlQuery &q = *m_fetchAudit;
    q.bindValue(0, seq);
    if (auto ok = exec(q, QStringLiteral("cannot read audit entry %1").arg(seq)); !ok)
        return std::unexpected(ok.error());
    if (!q.next())
        return fail(ErrorCode::NotFound, QStringLiteral("no audit entry %1").arg(seq));
    AuditEntry entry = auditFromRow(q);
    q.finish();
    return entry;
}

Result<AuditVerification> StoreWorker::verifyAudit()
{
    if (auto ok = requireOpen(); !ok)
        return std::unexpected(ok.error());
    // The log and its recorded head from one snapshot: a cockpit committing between the two reads
    // would otherwise look like a deleted entry. Read only, so it ends in ROLLBACK.
    QSqlQuery q(m_db);
    if (!q.exec(isTeam() ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                         : QStringLiteral("BEGIN DEFERRED")))
        return std::unexpected(sqlError(q, QStringLiteral("cannot start reading the audit log")));
    auto result = verifyAuditSnapshot();
    if (!q.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStore) << "cannot end reading the audit log:" << q.lastError().text();
    return result;
}

Result<AuditVerification> StoreWorker::verifyAuditSnapshot()
{
    auto entries = auditLog({});
    if (!entries)
        return std::unexpected(entries.error());
    AuditVerification result = verifyAuditChain(*entries);
    if (!result.ok)
        return result;
    if (auto checked = checkChainHead(*entries, result); !checked || !checked->ok)
        return checked;
    return verifyAuditedRows(*entries, result);
}

Result<AuditVerification> StoreWorker::checkChainHead(const QList<AuditEntry> &entries, AuditVerification result)
{
    // The chain cannot see its own tail cut off: compare its end with the recorded head.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1")))
        return std::unexpected(sqlError(q, QStringLiteral("cannot read the audit chain's head")));
    const qint64 lastSeq = entries.isEmpty() ? 0 : entries.last().seq;
    const QByteArray lastHash = entries.isEmpty() ? genesisHash() : entries.last().hash;
    if (!q.next()) {
        if (lastSeq > 0)
            result = {
                false, result.entries, lastSeq, QStringLiteral("the audit chain's head record is missing")};
        return result;
    }
    const qint64 headSeq = q.value(0).toLongLong();
    const QByteArray headHash = q.value(1).toString().toLatin1();
    if (headSeq > lastSeq) {
        result = {false, result.entries, lastSeq + 1,
            QStringLiteral("entry %1: missing; the log ends at entry %2 but entry %3 was recorded (deleted?)")
                .arg(lastSeq + 1)
                .arg(lastSeq)
                .arg(headSeq)};
    } else if (headSeq < lastSeq) {
        result = {false, result.entries, headSeq + 1,
            QStringLiteral("entry %1: not in the recorded head (appended outside the cockpit?)")
                .arg(headSeq + 1)};
    } else if (headHash != lastHash) {
        result = {false, result.entries, lastSeq,
            QStringLiteral("entry %1: differs from the recorded head (rewritten?)").arg(lastSeq)};
    }
    return result;
}

}  // namespace cockpit
