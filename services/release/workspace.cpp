#include "workspace.h"

#include "checklist_parser.h"
#include "git_service.h"
#include "policy_loader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace cockpit {
namespace {

const QString kConfigDir = QStringLiteral(".release-cockpit");

Result<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::BadInput, QStringLiteral("cannot read: %1").arg(f.errorString()), SourceLocation{path});
    return f.readAll();
}

// RELEASE_COCKPIT_POLICY_MAX_BYTES, else the default (docs/policy.md).
qint64 policyMaxBytes()
{
    bool ok = false;
    const qint64 set = qEnvironmentVariable("RELEASE_COCKPIT_POLICY_MAX_BYTES").toLongLong(&ok);
    return ok && set > 0 ? set : kDefaultPolicyMaxBytes;
}

// Lexically inside (models), and through symlinks too for the entries that exist now; the
// export checks again, as the files may change in between.
Status checkEvidenceIncludes(const Workspace &ws)
{
    if (auto lexical = validateEvidenceIncludes(ws.policy); !lexical)
        return lexical;
    const QString root = QFileInfo(ws.root).canonicalFilePath();
    for (qsizetype i = 0; i < ws.policy.evidenceInclude.size(); ++i) {
        const QString key = QStringLiteral("evidence.include[%1]").arg(i);
        const QFileInfo info(QDir(ws.root).absoluteFilePath(ws.policy.evidenceInclude.at(i)));
        if (info.exists() && !info.canonicalFilePath().startsWith(root + u'/'))
            return fail(ErrorCode::BadInput,
                QStringLiteral("%1: \"%2\" leads outside the workspace (to %3)")
                    .arg(key, ws.policy.evidenceInclude.at(i), info.canonicalFilePath()),
                ws.policy.locationOf(key));
    }
    return {};
}

}  // namespace

Result<QString> Workspace::discover(const QString &dir)
{
    auto repo = GitService::openWorkTree(dir);
    if (!repo)
        return std::unexpected(repo.error());
    return repo->workdir();
}

QString Workspace::policyPath() const
{
    return QDir(root).filePath(kConfigDir + QStringLiteral("/policy.yml"));
}

QString Workspace::defaultStoreUrl() const { return defaultStoreUrlFor(root); }

QString Workspace::defaultStoreUrlFor(const QString &root)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(base);
    QString slug = QFileInfo(root).fileName().toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    const QByteArray rootHash = QCryptographicHash::hash(root.toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
    return QDir(base).filePath(QStringLiteral("%1-%2.sqlite").arg(slug, QString::fromLatin1(rootHash)));
}

Result<Workspace> Workspace::load(const QString &dir)
{
    auto rootDir = discover(dir);
    if (!rootDir)
        return std::unexpected(rootDir.error());
    Workspace ws;
    ws.root = *rootDir;
    const QString policyFile = ws.policyPath();
    if (!QFileInfo::exists(policyFile))
        return fail(ErrorCode::BadInput,
                    QStringLiteral("no release policy here; create one with `release-cockpit init --preset NAME`"),
                    SourceLocation{policyFile});
    // Refused on its size before it is read: a huge file would take gigabytes to parse.
    const qint64 maxBytes = policyMaxBytes();
    if (auto size = checkPolicySize(QFileInfo(policyFile).size(), maxBytes, policyFile); !size)
        return std::unexpected(size.error());
    auto yaml = readFile(policyFile);
    if (!yaml)
        return std::unexpected(yaml.error());
    auto policy = parsePolicy(*yaml, policyFile, maxBytes);
    if (!policy)
        return std::unexpected(policy.error());
    ws.policy = std::move(*policy);
    if (auto includes = checkEvidenceIncludes(ws); !includes)
        return std::unexpected(includes.error());

    const QDir checklists(QDir(ws.root).filePath(kConfigDir + QStringLiteral("/checklists")));
    const auto files = checklists.entryInfoList({QStringLiteral("*.md")}, QDir::Files, QDir::Name);
    for (const QFileInfo &info : files) {
        auto markdown = readFile(info.absoluteFilePath());
        if (!markdown)
            return std::unexpected(markdown.error());
        auto phase = parseChecklist(*markdown, info.completeBaseName(), info.absoluteFilePath());
        if (!phase)
            return std::unexpected(phase.error());
        if (auto valid = validateTemplate(ws.policy, *phase, info.absoluteFilePath()); !valid)
            return std::unexpected(valid.error());
        ws.templates.insert(phase->name, std::move(*phase));
    }
    if (auto refs = validateChecklistRefs(ws.policy, ws.templates.keys()); !refs)
        return std::unexpected(refs.error());
    return ws;
}

Result<Checklist> Workspace::instantiate(const QString &releaseType) const
{
    const ReleaseTypePolicy *type = policy.releaseType(releaseType);
    if (!type)
        return fail(ErrorCode::BadInput, QStringLiteral("release type '%1' is not in the policy").arg(releaseType),
                    SourceLocation{policyPath()});
    Checklist checklist;
    for (const QString &name : type->checklists) {
        auto it = templates.constFind(name);
        if (it == templates.cend())
            return fail(ErrorCode::BadInput, QStringLiteral("checklist '%1' has no template").arg(name),
                        SourceLocation{policyPath()});
        checklist.phases.append(*it);
    }
    return checklist;
}

QList<PresetInfo> bundledPresets()
{
    return {
        {QStringLiteral("gated-ga"),
         QStringLiteral("Release candidates promoted to GA through three checklists, a 2 h soak and a 7-step rollback")},
        {QStringLiteral("release-train"),
         QStringLiteral("Module, platform and product trains on a calendar with a code freeze and an approval matrix")},
        {QStringLiteral("promotion"),
         QStringLiteral("The same SHA promoted dev > staging > prod behind one fail-closed gate")},
        {QStringLiteral("canary"),
         QStringLiteral("Six quality gates and canary phases 10% > 50% > 100% with rollback triggers")},
    };
}

namespace {

// A YAML scalar for the project's name: plain when that is safe, else double-quoted.
QByteArray yamlScalar(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral(R"(^[A-Za-z0-9][A-Za-z0-9 ._-]*$)"));
    if (plain.match(text).hasMatch() && !text.endsWith(u' '))
        return text.toUtf8();
    QString quoted = text;
    quoted.replace(QLatin1String("\\"), QLatin1String("\\\\"))
        .replace(QLatin1String("\""), QLatin1String("\\\""));
    return '"' + quoted.toUtf8() + '"';
}

QByteArray withProject(QByteArray policy, const QString &project)
{
    static const QRegularExpression line(QStringLiteral(R"(^project:[^\n]*$)"),
        QRegularExpression::MultilineOption);
    QString text = QString::fromUtf8(policy);
    text.replace(line, QStringLiteral("project: ") + QString::fromUtf8(yamlScalar(project)));
    return text.toUtf8();
}

}  // namespace

Status initWorkspaceFromPreset(const QString &dir, const QString &preset, const QString &project)
{
    const QString source = QStringLiteral(":/presets/") + preset;
    if (!QFileInfo(source).isDir()) {
        QStringList names;
        for (const auto &p : bundledPresets())
            names << p.name;
        return fail(ErrorCode::Usage,
                    QStringLiteral("unknown preset '%1' (presets: %2)").arg(preset, names.join(QStringLiteral(", "))));
    }
    auto root = Workspace::discover(dir);
    if (!root)
        return std::unexpected(root.error());
    const QDir target(QDir(*root).filePath(kConfigDir));
    if (QFileInfo::exists(target.filePath(QStringLiteral("policy.yml"))))
        return fail(ErrorCode::Refused, QStringLiteral("a policy already exists; not overwriting it"),
                    SourceLocation{target.filePath(QStringLiteral("policy.yml"))});
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString to = target.filePath(from.mid(source.size() + 1));
        QDir().mkpath(QFileInfo(to).absolutePath());
        QFile in(from), out(to);
        if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
            return fail(ErrorCode::Unavailable, QStringLiteral("cannot write: %1").arg(out.errorString()),
                        SourceLocation{to});
        QByteArray bytes = in.readAll();
        if (from.mid(source.size() + 1) == QLatin1String("policy.yml"))
            bytes = withProject(bytes, project.isEmpty() ? QDir(*root).dirName() : project);
        if (out.write(bytes) < 0)
            return fail(ErrorCode::Unavailable, QStringLiteral("cannot write: %1").arg(out.errorString()),
                        SourceLocation{to});
    }
    return {};
}

}  // namespace cockpit
