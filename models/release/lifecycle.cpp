#include "lifecycle.h"

namespace cockpit {

namespace {

struct Edge {
    ReleaseState from;
    ReleaseState to;
};

// The forward chain and the ways back; aborted and rolled_back are added for every live state.
constexpr Edge kEdges[] = {
    {ReleaseState::Draft, ReleaseState::Frozen},
    {ReleaseState::Frozen, ReleaseState::Candidate},
    {ReleaseState::Candidate, ReleaseState::Approved},
    {ReleaseState::Approved, ReleaseState::Deploying},
    {ReleaseState::Deploying, ReleaseState::Soaking},
    {ReleaseState::Soaking, ReleaseState::Released},
    // An approval that no longer holds (new commit, reopened item, stale sign-off).
    {ReleaseState::Approved, ReleaseState::Candidate},
    {ReleaseState::Soaking, ReleaseState::Deploying},  // the next environment
};

}  // namespace

bool isFinalState(ReleaseState state)
{
    return state == ReleaseState::Released || state == ReleaseState::RolledBack
        || state == ReleaseState::Aborted;
}

bool lifecycleAllows(ReleaseState from, ReleaseState to)
{
    // A released release is still inside its rollback window.
    if (from == ReleaseState::Released && to == ReleaseState::RolledBack)
        return true;
    if (from == to || isFinalState(from))
        return false;
    if (to == ReleaseState::Aborted || to == ReleaseState::RolledBack)
        return true;
    for (const Edge &e : kEdges)
        if (e.from == from && e.to == to)
            return true;
    return false;
}

std::optional<ReleaseState> forwardState(ReleaseState from)
{
    switch (from) {
    case ReleaseState::Draft:
        return ReleaseState::Frozen;
    case ReleaseState::Frozen:
        return ReleaseState::Candidate;
    case ReleaseState::Candidate:
        return ReleaseState::Approved;
    case ReleaseState::Approved:
        return ReleaseState::Deploying;
    case ReleaseState::Deploying:
        return ReleaseState::Soaking;
    case ReleaseState::Soaking:
        return ReleaseState::Released;
    case ReleaseState::Released:
    case ReleaseState::RolledBack:
    case ReleaseState::Aborted:
        break;
    }
    return std::nullopt;
}

QList<ReleaseState> lifecycleNext(ReleaseState from)
{
    QList<ReleaseState> next;
    if (auto forward = forwardState(from))
        next << *forward;
    for (ReleaseState to : {ReleaseState::Draft, ReleaseState::Frozen, ReleaseState::Candidate,
             ReleaseState::Approved, ReleaseState::Deploying, ReleaseState::Soaking, ReleaseState::Released,
             ReleaseState::RolledBack, ReleaseState::Aborted})
        if (!next.contains(to) && lifecycleAllows(from, to))
            next << to;
    return next;
}

QString lifecycleRefusal(ReleaseState from, ReleaseState to)
{
    const QString f = releaseStateTitle(from).toLower();
    const QString t = releaseStateTitle(to).toLower();
    if (from == to)
        return QStringLiteral("the release is already %1").arg(f);
    if (isFinalState(from) && !(from == ReleaseState::Released && to == ReleaseState::RolledBack))
        return QStringLiteral("the release is %1: nothing moves it any more").arg(f);
    QStringList allowed;
    for (ReleaseState s : lifecycleNext(from))
        allowed << releaseStateTitle(s).toLower();
    const QString article = QStringLiteral("aeiou").contains(f.at(0)) ? QStringLiteral("an") : QStringLiteral("a");
    return QStringLiteral("%1 %2 release cannot become %3 (from %2: %4)")
        .arg(article, f, t, allowed.join(QStringLiteral(", ")));
}

}  // namespace cockpit
