// Session: the checklist use cases. A person's tick and a passing check's tick go through here,
// so the window and the command line record the same evidence, byte for byte.
#include "future_watch.h"
#include "session.h"

namespace cockpit {

QFuture<Result<ReleaseRecord>> Session::createRelease(NewReleaseRequest request)
{
    auto future = m_inFlight.keep(m_releases->createRelease(std::move(request)));
    follow(future, [this](const Result<ReleaseRecord> &created) {
        if (created)
            announce({SessionEvent::Kind::ReleaseChanged, created->version});
    });
    return future;
}

QFuture<Result<ChecklistItem>> Session::setItem(
    QString version, QString key, ItemState state, QString note, QString naReason, int expectedRowVersion)
{
    auto future = thenAdvance(version, m_releases->setItem(
        version, std::move(key), state, std::move(note), std::move(naReason), expectedRowVersion));
    follow(future, [this, version](const Result<ChecklistItem> &saved) {
        if (saved)
            announce({SessionEvent::Kind::ItemChanged, version, CheckKind::Changelog, {}, {}, {*saved}});
    });
    return future;
}

QString Session::changelogEvidence(const ChangelogCheckFacts &facts)
{
    return QStringLiteral("%1 lints clean (%2 warnings) and covers every non-exempt commit %3..%4: "
                          "%5 commits, %6 covered by entries, %7 exempt")
        .arg(facts.path)
        .arg(facts.lintWarnings)
        .arg(facts.fromTag.isEmpty() ? QStringLiteral("(root)") : facts.fromTag, facts.toCommit.left(7))
        .arg(facts.commits)
        .arg(facts.covered)
        .arg(facts.exempt);
}

QFuture<Result<QList<ChecklistItem>>> Session::recordChangelogCheck(QString version, ChangelogCheckFacts facts)
{
    if (version.isEmpty() || facts.lintErrors > 0 || facts.uncovered > 0)
        return QtFuture::makeReadyFuture(Result<QList<ChecklistItem>>(QList<ChecklistItem> {}));
    return tickFor(std::move(version), CheckKind::Changelog, {}, changelogEvidence(facts));
}

QFuture<Result<QList<ChecklistItem>>> Session::recordTagCheck(QString version, QString tagName, QString evidence)
{
    return tickFor(std::move(version), CheckKind::Tag, std::move(tagName), std::move(evidence));
}

QFuture<Result<QList<ChecklistItem>>> Session::tickFor(
    QString version, CheckKind kind, QString target, QString evidence)
{
    auto future = thenAdvance(version, m_releases->applyCheckOutcome(
        version, CheckOutcome {checkKindName(kind), target, true, std::move(evidence)}));
    follow(future, [this, version, kind, target](const Result<QList<ChecklistItem>> &ticked) {
        if (ticked)
            announce({SessionEvent::Kind::ItemsTicked, version, kind, target, {}, *ticked});
    });
    return future;
}

}  // namespace cockpit
