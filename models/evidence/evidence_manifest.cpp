#include "evidence_manifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace cockpit {
namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject mapToJson(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

Result<QMap<QString, QString>> mapFromJson(const QJsonObject &root, const QString &key)
{
    QMap<QString, QString> map;
    const QJsonValue value = root.value(key);
    if (value.isUndefined() || value.isNull())
        return map;
    if (!value.isObject())
        return fail(
            ErrorCode::BadInput, QStringLiteral("release_manifest.json: \"%1\" is not an object").arg(key));
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString())
            return fail(ErrorCode::BadInput,
                QStringLiteral("release_manifest.json: \"%1.%2\" is not a string").arg(key, it.key()));
        map.insert(it.key(), it.value().toString());
    }
    return map;
}

}  // namespace

QByteArray evidenceManifestJson(const EvidenceManifest &m)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), EvidenceManifest::kFormat);
    o.insert(QStringLiteral("version"), m.version);
    o.insert(QStringLiteral("release_date"), textOrNull(m.releaseDate));
    o.insert(QStringLiteral("git_sha"), textOrNull(m.gitSha));
    o.insert(QStringLiteral("git_tag"), textOrNull(m.gitTag));
    o.insert(QStringLiteral("migrations_applied"), QJsonArray::fromStringList(m.migrationsApplied));
    o.insert(QStringLiteral("approvals"), mapToJson(m.approvals));
    o.insert(QStringLiteral("checksums"), mapToJson(m.checksums));
    o.insert(QStringLiteral("tools"), mapToJson(m.tools));
    o.insert(QStringLiteral("project"), textOrNull(m.project));
    o.insert(QStringLiteral("release_type"), textOrNull(m.releaseType));
    o.insert(QStringLiteral("state"), textOrNull(m.state));
    o.insert(QStringLiteral("generated_at"), textOrNull(m.generatedAt));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<EvidenceManifest> parseEvidenceManifest(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return fail(ErrorCode::BadInput,
            QStringLiteral("release_manifest.json: not a JSON object (%1)").arg(error.errorString()));
    const QJsonObject o = doc.object();
    if (!o.value(QStringLiteral("version")).isString())
        return fail(ErrorCode::BadInput, QStringLiteral("release_manifest.json: \"version\" is missing"));
    EvidenceManifest m;
    m.version = o.value(QStringLiteral("version")).toString();
    m.releaseDate = o.value(QStringLiteral("release_date")).toString();
    m.gitSha = o.value(QStringLiteral("git_sha")).toString();
    m.gitTag = o.value(QStringLiteral("git_tag")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("migrations_applied")).toArray())
        m.migrationsApplied.append(v.toString());
    auto approvals = mapFromJson(o, QStringLiteral("approvals"));
    auto checksums = mapFromJson(o, QStringLiteral("checksums"));
    auto tools = mapFromJson(o, QStringLiteral("tools"));
    for (const auto *map : {&approvals, &checksums, &tools})
        if (!*map)
            return std::unexpected(map->error());
    m.approvals = *approvals;
    m.checksums = *checksums;
    m.tools = *tools;
    m.project = o.value(QStringLiteral("project")).toString();
    m.releaseType = o.value(QStringLiteral("release_type")).toString();
    m.state = o.value(QStringLiteral("state")).toString();
    m.generatedAt = o.value(QStringLiteral("generated_at")).toString();
    return m;
}

QByteArray checksumsText(const QList<EvidenceChecksum> &sums)
{
    QByteArray out;
    for (const EvidenceChecksum &sum : sums)
        out += sum.sha256 + "  " + sum.member.toUtf8() + '\n';
    return out;
}

Result<QList<EvidenceChecksum>> parseChecksumsText(const QByteArray &text)
{
    static const QRegularExpression line(QStringLiteral("^([0-9a-fA-F]{64}) [ *](.+)$"));
    QList<EvidenceChecksum> sums;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString l = QString::fromUtf8(lines.at(i)).remove(u'\r');
        if (l.isEmpty())
            continue;
        const QRegularExpressionMatch match = line.match(l);
        if (!match.hasMatch())
            return fail(ErrorCode::BadInput, QStringLiteral("not a sha256sum line"),
                SourceLocation {QStringLiteral("checksums.txt"), int(i) + 1});
        sums.append({match.captured(2), match.captured(1).toLatin1().toLower()});
    }
    return sums;
}

}  // namespace cockpit
