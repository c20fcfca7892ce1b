#include "fresh_workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace cockpit {

QList<MissingInclude> missingEvidenceIncludes(const Workspace &ws)
{
    QList<MissingInclude> out;
    for (qsizetype i = 0; i < ws.policy.evidenceInclude.size(); ++i) {
        const QString relative = ws.policy.evidenceInclude.at(i);
        if (QFileInfo::exists(QDir(ws.root).absoluteFilePath(relative)))
            continue;
        const QString key = QStringLiteral("evidence.include[%1]").arg(i);
        out.append({relative, key, ws.policy.locationOf(key)});
    }
    return out;
}

QString describeMissing(const MissingInclude &missing)
{
    return QStringLiteral("%1 (%2, %3)").arg(missing.path, missing.key, missing.where.toString());
}

QByteArray keepAChangelogSkeleton()
{
    return "# Changelog\n\n"
           "All notable changes to this project will be documented in this file.\n\n"
           "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),\n"
           "and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n\n"
           "## [Unreleased]\n";
}

QByteArray commentOutMissingIncludes(const QByteArray &policyText, const QStringList &missing)
{
    if (missing.isEmpty())
        return policyText;
    QList<QByteArray> lines = policyText.split('\n');
    bool inEvidence = false;
    static const QRegularExpression include(QStringLiteral(R"(^(\s+)include:\s*\[(.*)\]\s*(#.*)?$)"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i));
        if (!line.isEmpty() && !line.at(0).isSpace() && !line.startsWith(u'#'))
            inEvidence = line.startsWith(QLatin1String("evidence:"));
        const auto m = include.match(line);
        if (!inEvidence || !m.hasMatch())
            continue;
        QStringList kept;
        QStringList dropped;
        for (const QString &raw : m.captured(2).split(u',', Qt::SkipEmptyParts)) {
            const QString entry = raw.trimmed();
            QString bare = entry;
            if (bare.size() >= 2 && (bare.startsWith(u'"') || bare.startsWith(u'\'')))
                bare = bare.mid(1, bare.size() - 2);
            (missing.contains(bare) ? dropped : kept) << entry;
        }
        if (dropped.isEmpty())
            return policyText;
        const QString indent = m.captured(1);
        const QString example = QStringLiteral("%1# include: [%2]  # example: these files do not exist yet; "
                                               "list them once they do")
                                    .arg(indent, dropped.join(QStringLiteral(", ")));
        if (kept.isEmpty()) {
            lines[i] = example.toUtf8();
        } else {
            lines[i] = QStringLiteral("%1include: [%2]").arg(indent, kept.join(QStringLiteral(", "))).toUtf8();
            lines.insert(i + 1, example.toUtf8());
        }
        return lines.join('\n');
    }
    return policyText;
}

Status initFreshWorkspace(const QString &dir, const QString &preset, QStringList *notes)
{
    if (auto ok = initWorkspaceFromPreset(dir, preset); !ok)
        return ok;
    auto ws = Workspace::load(dir);
    if (!ws)
        return std::unexpected(ws.error());
    const QString changelogPath = ws->policy.changelogPath.isEmpty() ? QStringLiteral("CHANGELOG.md") : ws->policy.changelogPath;
    const QString changelog = QDir(ws->root).absoluteFilePath(changelogPath);
    if (!QFileInfo::exists(changelog)) {
        QDir().mkpath(QFileInfo(changelog).absolutePath());
        QFile out(changelog);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly) || out.write(keepAChangelogSkeleton()) < 0)
            return fail(ErrorCode::Unavailable, QStringLiteral("cannot write: %1").arg(out.errorString()),
                SourceLocation {changelog});
        if (notes)
            *notes << QStringLiteral("Wrote %1: a Keep a Changelog skeleton with an empty [Unreleased] section.").arg(changelogPath);
    }
    QStringList missing;
    for (const MissingInclude &m : missingEvidenceIncludes(*ws))
        missing << m.path;
    if (missing.isEmpty())
        return {};
    QFile policy(ws->policyPath());
    if (!policy.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot read: %1").arg(policy.errorString()),
            SourceLocation {ws->policyPath()});
    const QByteArray before = policy.readAll();
    policy.close();
    const QByteArray after = commentOutMissingIncludes(before, missing);
    if (after == before)
        return {};
    if (!policy.open(QIODevice::WriteOnly | QIODevice::Truncate) || policy.write(after) < 0)
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot write: %1").arg(policy.errorString()),
            SourceLocation {ws->policyPath()});
    if (notes)
        *notes << QStringLiteral("evidence.include: %1 not in this repository; left in policy.yml as a commented example.")
                      .arg(missing.join(QStringLiteral(", ")));
    return {};
}

}  // namespace cockpit
