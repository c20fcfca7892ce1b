// evidence export VERSION --out FILE.zip | evidence show FILE.zip: the release's evidence pack
// written from the store, git and the workspace, and a pack opened read-only and verified.
#include "cli_context.h"
#include "commands.h"
#include "evidence_pack.h"
#include "evidence_reader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace cockpit::cli {
namespace {

QJsonArray memberList(const QList<EvidenceMember> &members, const QStringList &mismatched = {})
{
    QJsonArray list;
    for (const EvidenceMember &m : members) {
        QJsonObject o {{QStringLiteral("name"), m.name}, {QStringLiteral("size"), m.data.size()},
            {QStringLiteral("sha256"), QString::fromLatin1(sha256Hex(m.data))}};
        if (mismatched.contains(m.name))
            o.insert(QStringLiteral("mismatch"), true);
        list.append(o);
    }
    return list;
}

int exportPack(CliContext &ctx, const QString &version)
{
    const QString out = ctx.option(QStringLiteral("out"));
    if (out.isEmpty())
        return ctx.usage(QStringLiteral("evidence export VERSION needs --out FILE.zip"));
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    auto pack = await((*session)->exportEvidence(version, QFileInfo(out).absoluteFilePath()));
    if (!pack)
        return ctx.report(pack.error());
    for (const QString &note : pack->notes)
        ctx.err(QStringLiteral("note: %1").arg(note));
    ctx.err(QStringLiteral("Wrote the evidence pack of %1 to %2 (%3 members).")
                .arg(version, out)
                .arg(pack->members.size()));
    if (ctx.json())
        ctx.printJson({{QStringLiteral("version"), version},
            {QStringLiteral("path"), QFileInfo(out).absoluteFilePath()},
            {QStringLiteral("mtime"), pack->mtime.toString(Qt::ISODate)},
            {QStringLiteral("members"), memberList(pack->members)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(pack->notes)}});
    return Ok;
}

QJsonObject showJson(const OpenedEvidencePack &pack)
{
    QJsonObject o {{QStringLiteral("path"), pack.path}, {QStringLiteral("intact"), pack.intact()},
        {QStringLiteral("checksums"), pack.hasChecksums},
        {QStringLiteral("verified_members"), pack.verifiedMembers},
        {QStringLiteral("mismatched_members"), QJsonArray::fromStringList(pack.mismatchedMembers)},
        {QStringLiteral("problems"), QJsonArray::fromStringList(pack.problems)},
        {QStringLiteral("audit_entries"), pack.auditEntries},
        {QStringLiteral("members"), memberList(pack.members, pack.mismatchedMembers)}};
    if (const EvidenceMember *manifest = pack.member(QString::fromLatin1(kManifestMember));
        manifest && pack.manifest)
        o.insert(QStringLiteral("manifest"), QJsonDocument::fromJson(manifest->data).object());
    return o;
}

void showText(CliContext &ctx, const OpenedEvidencePack &pack)
{
    if (pack.manifest) {
        const EvidenceManifest &m = *pack.manifest;
        ctx.out(
            QStringLiteral("Release %1%2")
                .arg(m.version, m.project.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.project)));
        ctx.out(QStringLiteral("  date      %1")
                    .arg(m.releaseDate.isEmpty() ? QStringLiteral("-") : m.releaseDate));
        ctx.out(QStringLiteral("  commit    %1").arg(m.gitSha));
        ctx.out(
            QStringLiteral("  tag       %1").arg(m.gitTag.isEmpty() ? QStringLiteral("(none)") : m.gitTag));
        ctx.out(QStringLiteral("  state     %1").arg(m.state));
        ctx.out(QStringLiteral("  migrations %1")
                    .arg(m.migrationsApplied.isEmpty() ? QStringLiteral("none")
                                                       : m.migrationsApplied.join(QStringLiteral(", "))));
        for (auto it = m.approvals.begin(); it != m.approvals.end(); ++it)
            ctx.out(QStringLiteral("  approval  %1: %2").arg(it.key(), it.value()));
    }
    ctx.out(QStringLiteral("%1 members, %2 verified against checksums.txt, %3 audit entries")
                .arg(pack.members.size())
                .arg(pack.verifiedMembers)
                .arg(pack.auditEntries));
    for (const EvidenceMember &m : pack.members)
        ctx.out(QStringLiteral("  %1%2  %3")
                    .arg(pack.mismatchedMembers.contains(m.name) ? QStringLiteral("MISMATCH ") : QString(),
                        m.name)
                    .arg(m.data.size()));
    for (const QString &problem : pack.problems)
        ctx.err(QStringLiteral("problem: %1").arg(problem));
    ctx.out(pack.intact() ? QStringLiteral("Intact: every checksum matches.")
                          : QStringLiteral("NOT INTACT: see the problems above."));
}

int showPack(CliContext &ctx, const QString &path)
{
    auto pack = readEvidencePack(path);
    if (!pack)
        return ctx.report(pack.error());
    if (ctx.json())
        ctx.printJson(showJson(*pack));
    else
        showText(ctx, *pack);
    return pack->intact() ? Ok : Failed;
}

}  // namespace

int runEvidenceExport(CliContext &ctx)
{
    return exportPack(ctx, ctx.words().at(2));
}

int runEvidenceShow(CliContext &ctx)
{
    return showPack(ctx, ctx.words().at(2));
}

}  // namespace cockpit::cli
