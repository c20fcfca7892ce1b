#pragma once
// After the code freeze only fixes land: each commit on the release branch after the commit the
// release was frozen on is judged by its Conventional Commit type against the policy's
// `code_freeze_allows` (default fix, docs, test). Any other commit blocks the release until
// someone the policy allows accepts it with a reason ("Only bug fixes allowed", seed 001).
#include "commit_info.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit {

// A person's acceptance of one commit after the freeze, as stored (migration 012).
struct AcceptedCommit {
    QString version;
    QString commit;  // full SHA
    QString subject;
    QString reason;
    QString acceptedBy;
    QDateTime acceptedAt;  // UTC
};

// One commit after the freeze, as readiness judges it.
struct FreezeCommit {
    QString commit;  // full SHA
    QString subject;
    QString type;  // Conventional Commit type; empty when the subject has none
    bool allowed = false;  // its type is one the policy lets through
    QString acceptedBy;  // non-empty: a person accepted it
    QString acceptedReason;
    [[nodiscard]] bool blocks() const { return !allowed && acceptedBy.isEmpty(); }
};

// The commits after the freeze (newest first, as git walks them), merges left out: the commits
// they bring in are judged one by one.
QList<FreezeCommit> judgeFreezeCommits(
    const QList<CommitInfo> &afterFreeze, const QStringList &allowedTypes, const QList<AcceptedCommit> &accepted);

}  // namespace cockpit
