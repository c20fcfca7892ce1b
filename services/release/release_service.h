#pragma once
// The release use cases shared by the GUI and the command line: create a release from the
// workspace (commit from git, type inferred from the last tag, checklist from the templates),
// tick items as the current identity. Thin over Store, Workspace and GitService.
#include "identity.h"
#include "store.h"
#include "workspace.h"

#include <QFuture>

namespace cockpit {

struct NewReleaseRequest {
    QString version;  // SemVer text
    QString commitRef;  // empty: follow the branch head (not pinned)
    QString type;  // empty: inferred from the bump against the last release tag
    QDate targetDate;
};

// The result of an automated check, to tick the checklist items bound to it.
struct CheckOutcome {
    QString kind;  // changelog, tag, probe, soak, gate
    QString target;  // environment, gate name or version; empty for changelog
    bool passed = false;
    QString evidence;  // what the check saw, kept with each item it ticks
};

class ReleaseService {
public:
    ReleaseService(Store *store, Workspace workspace, Identity identity);

    [[nodiscard]] const Workspace &workspace() const { return m_workspace; }
    [[nodiscard]] const Identity &identity() const { return m_identity; }
    [[nodiscard]] Store *store() const { return m_store; }
    // The commit the release stands for now: pinned, or its branch's head (a new commit on the
    // branch is a new candidate: sign-offs and gate results of the old one are stale). Blocking
    // (libgit2); when the head cannot be read, the recorded commit, with why added to notes.
    static QString currentCommit(const Workspace &workspace, const ReleaseRecord &release, QStringList *notes = nullptr);

    // Resolves the commit and type (git work runs on a pool thread) and stores the release.
    QFuture<Result<ReleaseRecord>> createRelease(NewReleaseRequest request);
    // Marks one item; N/A needs a reason; note and evidence are kept as given. expectedRowVersion
    // is the version of the item the user saw (> 0): a save by someone else since is a Conflict.
    QFuture<Result<ChecklistItem>> setItem(QString version, QString key, ItemState state, QString note = {},
        QString naReason = {}, int expectedRowVersion = 0);

    // Ticks every open item of the release bound to the outcome's check, with its evidence, as
    // the current identity; only a passing outcome ticks anything. Returns the items ticked.
    QFuture<Result<QList<ChecklistItem>>> applyCheckOutcome(QString version, CheckOutcome outcome);

private:
    Store *m_store;
    Workspace m_workspace;
    Identity m_identity;
};

}  // namespace cockpit
