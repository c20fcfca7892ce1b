#pragma once
// One entry of the append-only, hash-chained audit log, and the pure hashing rules that chain it:
// hash = sha256(previous_hash || canonical_json(entry)), hex encoded; the first entry's previous
// hash is 64 zeros.
#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace cockpit {

struct AuditEntry {
    qint64 seq = 0;  // 1-based position in the chain
    QDateTime at;  // UTC, millisecond precision
    QString actor;  // person id
    QString action;  // "release.create", "item.tick", "item.na", ...
    QString release;  // release version, or empty
    QString subject;  // item key or other target, or empty
    QJsonObject before;
    QJsonObject after;
    QByteArray prevHash;  // hex
    QByteArray hash;  // hex
};

// Canonical JSON of the entry's content (seq, at, actor, action, release, subject, before, after):
// keys sorted, no insignificant whitespace, UTF-8. prevHash and hash are not part of it.
QByteArray canonicalAuditJson(const AuditEntry &entry);
QByteArray chainHash(const QByteArray &prevHashHex, const AuditEntry &entry);
QByteArray genesisHash();  // 64 '0'

struct AuditVerification {
    bool ok = true;
    qint64 entries = 0;
    qint64 firstBadSeq = 0;  // 0 when ok
    QString problem;  // "entry 17: hash mismatch (edited?)", "entry 18 missing", ...
};

// Walks entries in stored order and checks sequence continuity, links and hashes.
AuditVerification verifyAuditChain(const QList<AuditEntry> &entries);

}  // namespace cockpit
