// Sign-offs in the store (migration 004): Store's two entry points and the worker's half. Rows
// are append-only; each one is recorded with its audit entry in the same transaction.
#include "store.h"
#include "store_enqueue.h"
#include "store_worker.h"

#include <QJsonObject>
#include <QPromise>

namespace cockpit {

namespace {

QJsonObject signoffJson(const Signoff &s)
{
    return QJsonObject {
        {QStringLiteral("role"), s.role},
        {QStringLiteral("decision"), signoffDecisionName(s.decision)},
        {QStringLiteral("reason"), s.reason},
        {QStringLiteral("digest"), s.digest},
        {QStringLiteral("ssh_signed"), !s.signature.isEmpty()},
    };
}

}  // namespace

QFuture<Result<Signoff>> Store::recordSignoff(Signoff signoff)
{
    return enqueue(m_worker.get(),
        [w = m_worker.get(), signoff = std::move(signoff)] { return w->recordSignoff(signoff); });
}

QFuture<Result<QList<Signoff>>> Store::signoffs(QString version)
{
    return enqueue(
        m_worker.get(), [w = m_worker.get(), version = std::move(version)] { return w->signoffs(version); });
}

Result<Signoff> StoreWorker::recordSignoff(Signoff signoff)
{
    if (signoff.role.trimmed().isEmpty() || signoff.signer.trimmed().isEmpty() || signoff.digest.isEmpty())
        return fail(ErrorCode::BadInput, QStringLiteral("a sign-off needs a role, a signer and a digest"));
    if (signoff.decision == SignoffDecision::Reject && signoff.reason.trimmed().isEmpty())
        return fail(ErrorCode::BadInput, QStringLiteral("a rejection needs a reason"));
    signoff.signedAt = now();
    const Status ok = inTransaction([&](Transaction &tx) -> Status {
        tx.changedRelease = signoff.version;
        auto found = release(signoff.version);
        if (!found)
            return std::unexpected(found.error());
        const auto seq = nextAuditSeq();
        if (!seq)
            return std::unexpected(seq.error());
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO signoffs (release_id, role, signer, decision, reason, digest, "
                                 "signature, signed_at, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const auto &value : {QVariant(found->id), text(signoff.role), text(signoff.signer),
                 QVariant(signoffDecisionName(signoff.decision)), text(signoff.reason), text(signoff.digest),
                 text(signoff.signature), QVariant(signoff.signedAt.toString(Qt::ISODateWithMs)),
                 QVariant(*seq)})
            q.addBindValue(value);
        if (auto done = exec(q, QStringLiteral("cannot record the sign-off for %1").arg(signoff.version));
            !done)
            return done;
        signoff.id = insertedId(q);  // lastInsertId() is SQLite-only (team: PostgreSQL)
        return record(AuditEntry {0, signoff.signedAt, signoff.signer,
                          QStringLiteral("signoff.") + signoffDecisionName(signoff.decision), signoff.version,
                          signoff.role, {}, signoffJson(signoff), {}, {}},
            tx);
    });
    if (!ok)
        return std::unexpected(ok.error());
    return signoff;
}

Result<QList<Signoff>> StoreWorker::signoffs(const QString &version)
{
    auto found = release(version);
    if (!found)
        return std::unexpected(found.error());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, role, signer, decision, reason, digest, signature, signed_at "
                             "FROM signoffs WHERE release_id = ? ORDER BY id"));
    q.addBindValue(found->id);
    if (auto ok = exec(q, QStringLiteral("cannot read the sign-offs of %1").arg(version)); !ok)
        return std::unexpected(ok.error());
    QList<Signoff> list;
    while (q.next()) {
        Signoff s;
        s.id = q.value(0).toLongLong();
        s.version = version;
        s.role = q.value(1).toString();
        s.signer = q.value(2).toString();
        s.decision = signoffDecisionFromName(q.value(3).toString()).value_or(SignoffDecision::Withdraw);
        s.reason = q.value(4).toString();
        s.digest = q.value(5).toString();
        s.signature = q.value(6).toString();
        s.signedAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
        list << s;
    }
    return list;
}

}  // namespace cockpit
