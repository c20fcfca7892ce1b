#pragma once
// What a preset needs on a fresh repository (issue 16 item 7): the files its evidence.include
// lists that are missing (policy check warns, evidence export refuses naming all of them), and
// `init`'s help: a Keep a Changelog skeleton when there is no changelog, missing include entries
// turned into commented examples.
#include "error.h"
#include "workspace.h"

#include <QStringList>

namespace cockpit {

struct MissingInclude {
    QString path;  // as listed, relative to the work tree
    QString key;  // "evidence.include[1]"
    SourceLocation where;  // its place in policy.yml
};

// The evidence.include entries with no file behind them, in the policy's order.
QList<MissingInclude> missingEvidenceIncludes(const Workspace &ws);
// "requirements.lock.txt (evidence.include[1], policy.yml:271:38)"
QString describeMissing(const MissingInclude &missing);

// The skeleton `init` writes when the policy's changelog does not exist yet.
QByteArray keepAChangelogSkeleton();

// initWorkspaceFromPreset, then the changelog skeleton when the file is missing and, in the
// copied policy.yml, evidence.include entries for files that do not exist as commented examples.
// notes says, one line each, what was written beyond the preset.
Status initFreshWorkspace(const QString &dir, const QString &preset, QStringList *notes = nullptr);

// policy.yml text with the missing entries of a one-line `include: [a, b]` under `evidence:`
// moved to a commented example line after it (none left: the include line itself is commented).
QByteArray commentOutMissingIncludes(const QByteArray &policyText, const QStringList &missing);

}  // namespace cockpit
