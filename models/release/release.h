#pragma once
// A release as the store keeps it: version, type, the one commit promoted everywhere, and state.
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace cockpit {

enum class ReleaseState { Draft, Frozen, Candidate, Approved, Deploying, Soaking, Released, RolledBack, Aborted };

QString releaseStateName(ReleaseState state);  // "draft", ..., "rolled_back", "aborted"
QString releaseStateTitle(ReleaseState state);  // "Draft", ..., "Rolled back"
std::optional<ReleaseState> releaseStateFromName(const QString &name);

struct ReleaseRecord {
    qint64 id = 0;
    QString version;  // SemVer text as entered: "3.7.0", "3.7.0-rc1"
    QString type;  // release type name from the policy: major, minor, patch, hotfix
    QString commit;  // full SHA; empty until known
    bool commitPinned = false;  // false: follows the branch head
    QString frozenCommit;  // the commit it was frozen on; empty before the freeze
    QString branch;
    ReleaseState state = ReleaseState::Draft;
    QDate targetDate;
    QString manager;  // person id of whoever created it
    QDateTime createdAt;  // UTC
    int rowVersion = 0;  // optimistic concurrency
};

// The target date when it has passed and the release is still live (not released, rolled back
// or aborted): "overdue since 26 Nov" in the header, the list and `release status`.
std::optional<QDate> overdueSince(const ReleaseRecord &release, const QDate &today);

// The release's fields as JSON (snake_case keys): the CLI's output and the audit log's "after".
QJsonObject releaseToJson(const ReleaseRecord &release);

// A release going live in one environment: the soak and the rollback window start here.
struct Deployment {
    QString version;
    QString environment;
    QString commit;  // the release's commit when it was deployed
    QString actor;
    QDateTime deployedAt;  // UTC
};

}  // namespace cockpit
