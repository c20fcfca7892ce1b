#include "freeze_commits.h"
#include "conventional_commit.h"

namespace cockpit {

QList<FreezeCommit> judgeFreezeCommits(
    const QList<CommitInfo> &afterFreeze, const QStringList &allowedTypes, const QList<AcceptedCommit> &accepted)
{
    QList<FreezeCommit> out;
    for (const CommitInfo &c : afterFreeze) {
        if (c.isMerge())
            continue;
        FreezeCommit f;
        f.commit = c.sha;
        f.subject = c.subject;
        const ConventionalCommit cc = parseConventionalCommit(c.subject, c.body);
        f.type = cc.type;
        // A breaking change is never "only a fix", whatever its type says.
        f.allowed = !cc.type.isEmpty() && !cc.breaking && allowedTypes.contains(cc.type, Qt::CaseInsensitive);
        for (const AcceptedCommit &a : accepted)
            if (a.commit == c.sha) {
                f.acceptedBy = a.acceptedBy;
                f.acceptedReason = a.reason;
            }
        out << f;
    }
    return out;
}

}  // namespace cockpit
