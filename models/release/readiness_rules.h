#pragma once
// The rules readiness and promotion share (internal to models/release).
#include "readiness.h"

#include <functional>

namespace cockpit::detail {

Blocker blocker(QString kind, QString what, QString clears, QString target, QDateTime earliest = {});
QString shortSha(const QString &sha);
// The gates `inScope` selects that have not passed on facts.commit, each named.
void gateBlockers(const ReadinessFacts &f, const std::function<bool(const GateFact &)> &inScope, QList<Blocker> &out);
// Commits after the code freeze, up to facts.commit, that are neither fixes nor accepted.
void freezeCommitBlockers(const ReadinessFacts &f, QList<Blocker> &out);
EnvironmentReadiness environmentReadiness(const ReadinessFacts &f, const EnvironmentFact &env);
// The environment's soak of this deployment has not passed (yet): when it can, or that it failed.
void soakBlocker(const ReadinessFacts &f, const EnvironmentReadiness &e, QList<Blocker> &out);

}  // namespace cockpit::detail
