#pragma once
// Promotion: the same commit through every environment in order (policy `promotion`, else the
// order of `environments`). What holds a deploy of a release to one environment, as blockers
// with what clears them and when: pure, from the facts the session gathers.
#include "readiness.h"

namespace cockpit {

// Everything that holds deploying facts.release to `environment` now, besides the lifecycle
// state (the session checks that): the previous environment runs the same commit and this
// release, its soak passed (or it has no soak checks), its promote_after has passed, this
// environment's own approvals are fresh, the gates passed on this commit (the approval gates and
// the previous environment's probe and soak gates), and nothing holds every deploy
// (facts.holds: stop-the-line, freeze windows). Empty: the deploy may go.
QList<Blocker> promotionBlockers(const ReadinessFacts &facts, const QString &environment);

// The environment a release deploys to next: the first in promotion order it has not reached
// after the last it has; empty when every environment has it.
QString nextEnvironment(const ReadinessFacts &facts);

}  // namespace cockpit
