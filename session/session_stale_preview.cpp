// Session: what a change of a checklist item would do to the approvals. A sign-off approves a
// digest of the commit, the changelog section and the phases before deployment; a change inside
// those phases makes every counted approval stale. The front ends ask before they change.
#include "session.h"
#include "signoff_digest.h"
#include "signoff_service.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

Result<QStringList> Session::staledBy(Store *store, const Workspace &ws, const QString &version, const QString &key,
    ItemState state, const QString &naReason)
{
    auto view = SignoffService::computeView(store, ws, version);
    if (!view)
        return std::unexpected(view.error());
    Checklist after = view->checklist;
    ChecklistItem *item = after.findItem(key);
    if (!item)
        return fail(ErrorCode::NotFound, QStringLiteral("release %1 has no checklist item %2").arg(version, key));
    item->state = state;
    item->naReason = state == ItemState::NotApplicable ? naReason : QString();
    const QStringList covered = beforeDeploymentPhases(ws.policy.beforeDeployment, after);
    const QString digestAfter = signoffDigest(view->commit, view->changelogSection, approvedPhases(after, covered));
    return approvalsMadeStale(view->approvals, view->digest, digestAfter);
}

QFuture<Result<QStringList>> Session::approvalsStaledBy(QString version, QString key, ItemState state, QString naReason)
{
    return m_inFlight.keep(QtConcurrent::run([store = m_store, ws = workspace(), version, key, state, naReason] {
        return staledBy(store, ws, version, key, state, naReason);
    }));
}

}  // namespace cockpit
