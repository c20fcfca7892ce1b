#include "audit_entry.h"

#include <QCborValue>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QLoggingCategory>
#include <algorithm>
#include <cmath>

namespace cockpit {

Q_LOGGING_CATEGORY(lcAudit, "cockpit.models.audit")

namespace {

void writeString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xf];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

void writeNumber(QByteArray &out, const QJsonValue &v)
{
    // Integers print without exponent or fraction so the same count always hashes the same.
    const QCborValue c = QCborValue::fromJsonValue(v);
    if (c.isInteger()) {
        out += QByteArray::number(c.toInteger());
        return;
    }
    const double d = v.toDouble();
    if (std::trunc(d) == d && std::fabs(d) < 9007199254740992.0) {
        out += QByteArray::number(static_cast<qint64>(d));
        return;
    }
    out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
}

void writeValue(QByteArray &out, const QJsonValue &v);

void writeObject(QByteArray &out, const QJsonObject &o)
{
    QStringList keys = o.keys();
    std::sort(keys.begin(), keys.end());  // UTF-16 code unit order, as RFC 8785
    out += '{';
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i > 0)
            out += ',';
        writeString(out, keys.at(i));
        out += ':';
        writeValue(out, o.value(keys.at(i)));
    }
    out += '}';
}

void writeValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        writeNumber(out, v);
        break;
    case QJsonValue::String:
        writeString(out, v.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        out += '[';
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i > 0)
                out += ',';
            writeValue(out, a.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object:
        writeObject(out, v.toObject());
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    }
}

QString rfc3339(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

AuditVerification bad(qint64 entries, qint64 seq, QString problem)
{
    qCWarning(lcAudit) << "audit chain broken:" << problem;
    return AuditVerification {false, entries, seq, std::move(problem)};
}

}  // namespace

QByteArray canonicalAuditJson(const AuditEntry &entry)
{
    QJsonObject o;
    o.insert(QStringLiteral("seq"), entry.seq);
    o.insert(QStringLiteral("at"), rfc3339(entry.at));
    o.insert(QStringLiteral("actor"), entry.actor);
    o.insert(QStringLiteral("action"), entry.action);
    o.insert(QStringLiteral("release"), entry.release);
    o.insert(QStringLiteral("subject"), entry.subject);
    o.insert(QStringLiteral("before"), entry.before);
    o.insert(QStringLiteral("after"), entry.after);
    QByteArray out;
    out.reserve(256);
    writeObject(out, o);
    return out;
}

QByteArray chainHash(const QByteArray &prevHashHex, const AuditEntry &entry)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(prevHashHex.toLower());
    h.addData(canonicalAuditJson(entry));
    return h.result().toHex();
}

QByteArray genesisHash()
{
    return QByteArray(64, '0');
}

AuditVerification verifyAuditChain(const QList<AuditEntry> &entries)
{
    QByteArray previous = genesisHash();
    qint64 expected = 1;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const AuditEntry &e = entries.at(i);
        if (e.seq != expected) {
            const bool later = std::any_of(entries.begin() + i + 1, entries.end(),
                [&](const AuditEntry &x) { return x.seq == expected; });
            if (later || e.seq < expected) {
                return bad(i, expected,
                    QStringLiteral("entry %1: out of order (found entry %2 in its place)")
                        .arg(expected)
                        .arg(e.seq));
            }
            return bad(i, expected,
                QStringLiteral("entry %1 missing (next stored entry is %2)").arg(expected).arg(e.seq));
        }
        if (e.prevHash.toLower() != previous) {
            return bad(i, e.seq,
                QStringLiteral("entry %1: broken link (previous hash does not match entry %2)")
                    .arg(e.seq)
                    .arg(e.seq - 1));
        }
        const QByteArray computed = chainHash(previous, e);
        if (e.hash.toLower() != computed)
            return bad(i, e.seq, QStringLiteral("entry %1: hash mismatch (edited?)").arg(e.seq));
        previous = computed;
        ++expected;
    }
    return AuditVerification {true, entries.size(), 0, {}};
}

}  // namespace cockpit
