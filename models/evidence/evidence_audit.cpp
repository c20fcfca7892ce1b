// audit.jsonl of an evidence pack (declared in evidence_records.h).
#include "evidence_records.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cockpit {

QByteArray auditJsonLines(const QList<AuditEntry> &entries)
{
    QByteArray out;
    for (const AuditEntry &entry : entries) {
        QJsonObject o = QJsonDocument::fromJson(canonicalAuditJson(entry)).object();
        o.insert(QStringLiteral("prev_hash"), QString::fromLatin1(entry.prevHash));
        o.insert(QStringLiteral("hash"), QString::fromLatin1(entry.hash));
        out += QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    return out;
}

Result<QList<AuditEntry>> parseAuditJsonLines(const QByteArray &text)
{
    QList<AuditEntry> entries;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(lines.at(i));
        const QJsonObject o = doc.object();
        if (!doc.isObject() || !o.value(QStringLiteral("seq")).isDouble())
            return fail(ErrorCode::BadInput, QStringLiteral("not an audit entry"),
                SourceLocation {QStringLiteral("audit.jsonl"), int(i) + 1});
        AuditEntry e;
        e.seq = o.value(QStringLiteral("seq")).toInteger();
        e.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
        e.actor = o.value(QStringLiteral("actor")).toString();
        e.action = o.value(QStringLiteral("action")).toString();
        e.release = o.value(QStringLiteral("release")).toString();
        e.subject = o.value(QStringLiteral("subject")).toString();
        e.before = o.value(QStringLiteral("before")).toObject();
        e.after = o.value(QStringLiteral("after")).toObject();
        e.prevHash = o.value(QStringLiteral("prev_hash")).toString().toLatin1();
        e.hash = o.value(QStringLiteral("hash")).toString().toLatin1();
        entries.append(e);
    }
    return entries;
}

QStringList auditExcerptProblems(const QList<AuditEntry> &entries)
{
    QStringList problems;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const AuditEntry &e = entries.at(i);
        if (e.hash.toLower() != chainHash(e.prevHash, e))
            problems << QStringLiteral("entry %1: hash mismatch (edited?)").arg(e.seq);
        if (i > 0 && entries.at(i - 1).seq + 1 == e.seq
            && e.prevHash.toLower() != entries.at(i - 1).hash.toLower())
            problems << QStringLiteral("entry %1: broken link to entry %2").arg(e.seq).arg(e.seq - 1);
        if (i > 0 && entries.at(i - 1).seq >= e.seq)
            problems << QStringLiteral("entry %1: out of order").arg(e.seq);
    }
    return problems;
}

}  // namespace cockpit
