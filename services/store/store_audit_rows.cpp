// audit verify's second half (migration 010): every release, checklist item and sign-off row names
// the audit entry that recorded it (audit_seq), and its current content must be what that entry
// says. A row edited behind the cockpit's back, or whose entry is gone (an emptied or shortened
// log), is a finding naming the row, even when the chain that is left is intact.
#include "store_worker.h"

#include <QHash>
#include <QJsonValue>

namespace cockpit {

namespace {

struct RowCheck {
    QStringList findings;
    qint64 firstBad = 0;
    qint64 lastSeq = 0;
    QHash<qint64, const AuditEntry *> bySeq;

    // The entry the row names, or nullptr after recording why there is none.
    const AuditEntry *entryFor(const QString &row, const QVariant &seq)
    {
        if (seq.isNull()) {
            add(row + QStringLiteral(" names no audit entry (written outside the cockpit?)"), lastSeq + 1);
            return nullptr;
        }
        const qint64 n = seq.toLongLong();
        const AuditEntry *entry = bySeq.value(n);
        if (!entry)
            add(QStringLiteral("%1 has no audit entry: it names entry %2, which the log (%3 entries) does not "
                               "have (emptied or cut short?)")
                    .arg(row)
                    .arg(n)
                    .arg(bySeq.size()),
                n);
        return entry;
    }
    void mismatch(const QString &row, const AuditEntry &entry, const QString &what)
    {
        add(QStringLiteral("%1 is not what audit entry %2 (%3) recorded: %4 (edited outside the cockpit?)")
                .arg(row)
                .arg(entry.seq)
                .arg(entry.action, what),
            entry.seq);
    }
    void add(const QString &finding, qint64 seq)
    {
        if (findings.isEmpty())
            firstBad = seq;
        findings << finding;
    }
};

QString differs(const QString &field, const QString &stored, const QString &recorded)
{
    return QStringLiteral("%1 is '%2', the entry says '%3'").arg(field, stored, recorded);
}

}  // namespace

Result<AuditVerification> StoreWorker::verifyAuditedRows(
    const QList<AuditEntry> &entries, AuditVerification chain)
{
    RowCheck check;
    check.lastSeq = entries.isEmpty() ? 0 : entries.last().seq;
    QHash<QString, const AuditEntry *> created;  // release.create by version: who manages it
    for (const AuditEntry &e : entries) {
        check.bySeq.insert(e.seq, &e);
        if (e.action == u"release.create")
            created.insert(e.release, &e);
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT version, state, manager, audit_seq FROM releases ORDER BY id")))
        return std::unexpected(sqlError(q, QStringLiteral("cannot read the releases")));
    while (q.next()) {
        const QString version = q.value(0).toString();
        const QString row = QStringLiteral("release %1").arg(version);
        const AuditEntry *e = check.entryFor(row, q.value(3));
        if (!e)
            continue;
        const QString recorded = e->after.value(QStringLiteral("state")).toString();
        if (e->release != version)
            check.mismatch(row, *e, QStringLiteral("the entry is about release '%1'").arg(e->release));
        else if (!e->after.contains(QStringLiteral("state")) || recorded != q.value(1).toString())
            check.mismatch(row, *e, differs(QStringLiteral("its state"), q.value(1).toString(), recorded));
        else if (const AuditEntry *c = created.value(version);
                 c && c->after.value(QStringLiteral("manager")).toString() != q.value(2).toString())
            check.mismatch(row, *c,
                differs(QStringLiteral("its manager"), q.value(2).toString(),
                    c->after.value(QStringLiteral("manager")).toString()));
    }
    if (!q.exec(QStringLiteral(
            "SELECT r.version, i.key, i.state, i.who, i.note, i.na_reason, i.evidence, i.audit_seq "
            "FROM checklist_items i JOIN releases r ON r.id = i.release_id ORDER BY r.id, i.key")))
        return std::unexpected(sqlError(q, QStringLiteral("cannot read the checklist items")));
    while (q.next()) {
        const QString version = q.value(0).toString();
        const QString key = q.value(1).toString();
        const QString row = QStringLiteral("item %1 of %2").arg(key, version);
        const AuditEntry *e = check.entryFor(row, q.value(7));
        if (!e)
            continue;
        if (e->release != version) {
            check.mismatch(row, *e, QStringLiteral("the entry is about release '%1'").arg(e->release));
        } else if (e->action.startsWith(u"item.") && e->subject == key) {
            static const QStringList fields {QStringLiteral("state"), QStringLiteral("who"),
                QStringLiteral("note"), QStringLiteral("na_reason"), QStringLiteral("evidence")};
            for (int i = 0; i < fields.size(); ++i) {
                const QString recorded
                    = i == 1 ? e->actor : e->after.value(fields[i]).toString();
                if (q.value(2 + i).toString() != recorded) {
                    check.mismatch(row, *e, differs(fields[i], q.value(2 + i).toString(), recorded));
                    break;
                }
            }
        } else if (q.value(2).toString() != itemStateName(ItemState::Open) || !q.value(3).toString().isEmpty()) {
            // Created with its release or phase, never ticked since: it must still be open, unowned.
            check.mismatch(row, *e,
                QStringLiteral("it is %1 by '%2' but no tick of it is recorded")
                    .arg(q.value(2).toString(), q.value(3).toString()));
        }
    }
    if (!q.exec(QStringLiteral(
            "SELECT r.version, s.id, s.role, s.signer, s.decision, s.reason, s.digest, s.audit_seq "
            "FROM signoffs s JOIN releases r ON r.id = s.release_id ORDER BY s.id")))
        return std::unexpected(sqlError(q, QStringLiteral("cannot read the sign-offs")));
    while (q.next()) {
        const QString row = QStringLiteral("sign-off #%1 (%2) of %3")
                                .arg(q.value(1).toString(), q.value(2).toString(), q.value(0).toString());
        const AuditEntry *e = check.entryFor(row, q.value(7));
        if (!e)
            continue;
        const QString action = QStringLiteral("signoff.") + q.value(4).toString();
        if (e->release != q.value(0).toString() || e->action != action || e->subject != q.value(2).toString())
            check.mismatch(row, *e, QStringLiteral("the entry is %1 of %2 for %3").arg(e->action, e->subject, e->release));
        else if (e->actor != q.value(3).toString())
            check.mismatch(row, *e, differs(QStringLiteral("its signer"), q.value(3).toString(), e->actor));
        else if (e->after.value(QStringLiteral("digest")).toString() != q.value(6).toString())
            check.mismatch(row, *e,
                differs(QStringLiteral("its digest"), q.value(6).toString(),
                    e->after.value(QStringLiteral("digest")).toString()));
        else if (e->after.value(QStringLiteral("reason")).toString() != q.value(5).toString())
            check.mismatch(row, *e,
                differs(QStringLiteral("its reason"), q.value(5).toString(),
                    e->after.value(QStringLiteral("reason")).toString()));
    }
    if (check.findings.isEmpty())
        return chain;
    QString problem = check.findings.first();
    if (check.findings.size() > 1)
        problem += QStringLiteral("; and %1 more row(s) no entry explains").arg(check.findings.size() - 1);
    return AuditVerification {false, chain.entries, check.firstBad, problem};
}

}  // namespace cockpit
