// What of the lifecycle holds a release (GA) tag: readiness's own blockers that concern the commit
// the tag names, not those of a later move.
#include "readiness.h"
#include "readiness_rules.h"

namespace cockpit {

using namespace detail;

QList<Blocker> releaseTagHolds(const ReadinessFacts &facts)
{
    QList<Blocker> out;
    if (facts.release.state == ReleaseState::Aborted)
        out << blocker(QStringLiteral("state"),
            QStringLiteral("release %1 is aborted: it ships nothing to tag").arg(facts.release.version),
            QStringLiteral("nothing: an aborted release is final (tag the next version)"),
            QStringLiteral("release"));
    // A stop-the-line holds every forward move, and the release tag says "this ships".
    for (const Blocker &hold : facts.holds)
        if (hold.target == u"stop-the-line")
            out << hold;
    // What the tag ships: a commit after the freeze that is not a fix holds it as it holds approval.
    freezeCommitBlockers(facts, out);
    return out;
}

}  // namespace cockpit
