#include "release_service.h"

#include "policy_inputs.h"

#include "git_service.h"
#include "semver.h"

#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {
namespace {

struct ResolvedRelease {
    QString commit;
    QString branch;
    QString type;
};

// The highest release tag (pre-releases ignored) below the new version: the bump is measured
// against it.
// The highest GA version tagged before next (GitService parses the tags with the policy's format).
std::optional<SemVer> previousRelease(const QList<GitTagInfo> &tags, const SemVer &next)
{
    std::optional<SemVer> best;
    for (const GitTagInfo &tag : tags) {
        const std::optional<SemVer> &v = tag.version;
        if (!v || v->isPrerelease() || !(*v < next))
            continue;
        if (!best || *best < *v)
            best = *v;
    }
    return best;
}

Result<ResolvedRelease> resolve(
    const QString &root, const Policy &policy, const NewReleaseRequest &request, const SemVer &version)
{
    auto git = GitService::open(root, policy.tagFormat);
    if (!git)
        return std::unexpected(git.error());
    ResolvedRelease out;
    auto commit = git->resolve(request.commitRef.isEmpty() ? QStringLiteral("HEAD") : request.commitRef);
    if (!commit)
        return std::unexpected(commit.error());
    out.commit = *commit;
    out.branch = git->headBranch().value_or(QString());
    if (!request.type.isEmpty()) {
        out.type = request.type;
    } else {
        auto tags = git->tags();
        if (!tags)
            return std::unexpected(tags.error());
        const bool hotfix = !policy.hotfixBranchPattern.isEmpty()
            && QRegularExpression(QRegularExpression::wildcardToRegularExpression(policy.hotfixBranchPattern,
                                      QRegularExpression::UnanchoredWildcardConversion))
                   .match(out.branch)
                   .hasMatch();
        const auto previous = previousRelease(*tags, version);
        out.type = previous ? inferReleaseType(*previous, version, hotfix)
                            : (hotfix ? QStringLiteral("hotfix") : QStringLiteral("major"));
    }
    if (!policy.releaseType(out.type)) {
        QStringList valid;
        for (const ReleaseTypePolicy &t : policy.releaseTypes)
            valid << t.name;
        return fail(ErrorCode::BadInput,
            QStringLiteral("release type '%1' is not in the policy; pass --type with one of: %2")
                .arg(out.type, valid.join(QStringLiteral(", "))),
            SourceLocation {policy.sourcePath});
    }
    return out;
}

}  // namespace

QString ReleaseService::currentCommit(const Workspace &workspace, const ReleaseRecord &release, QStringList *notes)
{
    if (release.commitPinned || release.branch.isEmpty())
        return release.commit;
    auto repo = GitService::open(workspace.root);
    auto head = repo ? repo->resolve(QStringLiteral("refs/heads/") + release.branch)
                     : Result<QString>(std::unexpected(repo.error()));
    if (head)
        return *head;
    if (notes)
        *notes << QStringLiteral("cannot read the head of branch %1 (%2): using the recorded commit")
                      .arg(release.branch, head.error().message);
    return release.commit;
}

ReleaseService::ReleaseService(Store *store, Workspace workspace, Identity identity)
    : m_store(store)
    , m_workspace(std::move(workspace))
    , m_identity(std::move(identity))
{
}

QFuture<Result<ReleaseRecord>> ReleaseService::createRelease(NewReleaseRequest request)
{
    return QtConcurrent::run(
        [store = m_store, ws = m_workspace, actor = m_identity.id, request]() -> Result<ReleaseRecord> {
            auto version = SemVer::parse(request.version);
            if (!version)
                return std::unexpected(version.error());
            if (auto label = checkPrereleaseLabel(ws.policy, *version); !label)
                return std::unexpected(label.error());
            auto resolved = resolve(ws.root, ws.policy, request, *version);
            if (!resolved)
                return std::unexpected(resolved.error());
            auto checklist = ws.instantiate(resolved->type);
            if (!checklist)
                return std::unexpected(checklist.error());
            ReleaseRecord record;
            record.version = version->toString();
            record.type = resolved->type;
            record.commit = resolved->commit;
            record.commitPinned = !request.commitRef.isEmpty();
            record.branch = resolved->branch;
            record.targetDate = request.targetDate;
            record.manager = actor;
            // A pool thread may wait on the store's worker: the GUI thread never does.
            return store->createRelease(record, *checklist, actor).result();
        });
}

QFuture<Result<ChecklistItem>> ReleaseService::setItem(
    QString version, QString key, ItemState state, QString note, QString naReason, int expectedRowVersion)
{
    ChecklistItem item;
    item.rowVersion = expectedRowVersion;
    item.key = std::move(key);
    item.state = state;
    item.note = std::move(note);
    item.naReason = std::move(naReason);
    return m_store->setItemState(std::move(version), std::move(item), m_identity.id);
}

QFuture<Result<QList<ChecklistItem>>> ReleaseService::applyCheckOutcome(QString version, CheckOutcome outcome)
{
    // Waits for the store on a pool thread: the GUI thread only sees the finished future.
    return QtConcurrent::run([store = m_store, actor = m_identity.id, version = std::move(version),
                                 outcome = std::move(outcome)]() -> Result<QList<ChecklistItem>> {
        QList<ChecklistItem> ticked;
        if (!outcome.passed)
            return ticked;
        auto checklist = store->checklist(version).result();
        if (!checklist)
            return std::unexpected(checklist.error());
        for (const ChecklistPhase &phase : std::as_const(checklist->phases)) {
            for (const ChecklistSection &section : phase.sections) {
                for (ChecklistItem item : section.items) {
                    if (item.state != ItemState::Open
                        || !checkBindingMatches(item.check, outcome.kind, outcome.target))
                        continue;
                    item.state = ItemState::Done;
                    item.evidence = outcome.evidence;
                    auto saved = store->setItemState(version, item, actor).result();
                    if (!saved)
                        return std::unexpected(saved.error());
                    ticked << *saved;
                }
            }
        }
        return ticked;
    });
}

}  // namespace cockpit
