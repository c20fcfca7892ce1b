#pragma once
// The release lifecycle as a pure state machine: which state may follow which. Facts (a freeze
// date, an RC tag, fresh approvals, a soak verdict) move a release; this table only says which
// moves exist. Guards live in readiness.h.
//
//   draft -> frozen -> candidate -> approved -> deploying -> soaking -> released
//                         ^            |                       |
//                         +------------+ (a new commit,        +-> deploying (next environment)
//                                       reopened item)
//   every live state -> aborted, rolled_back; released -> rolled_back (its rollback window)
#include "release.h"

#include <QList>
#include <QStringList>

namespace cockpit {

// One move of a release as the store records it, in one transaction with its audit entry.
struct LifecycleMove {
    QString version;
    ReleaseState from = ReleaseState::Draft;  // the state the decision was made on: Conflict if it changed
    ReleaseState to = ReleaseState::Draft;
    QString actor;
    QString reason;  // why: typed by a person, or the fact that moved it ("code freeze started")
    QStringList overridden;  // break-glass: the blockers the actor overrode (empty: none)
    QString pinCommit;  // non-empty: the release is pinned to this commit in the same move
    QString freezeCommit;  // a move to frozen: the commit the release ships at the freeze
};

// Released, rolled back and aborted are final: nothing moves them forward again (a released
// release may still be rolled back; a rolled-back one is redeployed only once its lock is lifted).
bool isFinalState(ReleaseState state);
// Whether the lifecycle has the edge from -> to (a state never "moves" to itself).
bool lifecycleAllows(ReleaseState from, ReleaseState to);
// The states reachable from `from` in one move, forward move first.
QList<ReleaseState> lifecycleNext(ReleaseState from);
// The move the release works towards: draft -> frozen, ..., soaking -> released. None when final.
std::optional<ReleaseState> forwardState(ReleaseState from);
// Why a move is not an edge, in one sentence ("a released release cannot be aborted").
QString lifecycleRefusal(ReleaseState from, ReleaseState to);

}  // namespace cockpit
