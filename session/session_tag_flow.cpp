// Session: making and verifying release tags, one path for the window's tag dialogs and the
// `tag` commands. A proposal is computed without writing (the tag, the commit, the message quoting
// the changelog, what holds a release tag, how it is signed); finishing writes it, pushes it,
// ticks the release's `check: tag` items when the tag is on the release commit, and a release
// candidate pins its release.
#include "session.h"

#include "changelog.h"
#include "git_service.h"
#include "secret_store.h"
#include "semver.h"
#include "store.h"

#include <QDir>
#include <QFile>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

namespace {

// "3.7.0" for "3.7.0-rc2"; the text as given when it is not a version (the plan says why).
QString gaVersionOf(const QString &version)
{
    const auto v = SemVer::parse(version);
    return v ? SemVer(v->major(), v->minor(), v->patch()).toString() : version;
}

// The release the store keeps under exactly this version, its commit as it stands now; none when
// there is none or it cannot be read (a tag does not need the store; only the ticks do).
std::optional<ReleaseRecord> storedRelease(Store *store, const Workspace &ws, const QString &version)
{
    if (!store)
        return std::nullopt;
    auto release = Session::loadCurrentRelease(store, ws, version);
    return release ? std::optional(*release) : std::nullopt;
}

QString subjectOf(const GitService &git, const QString &sha)
{
    auto parent = git.resolve(sha + QStringLiteral("~1"));
    auto commits = git.commits(parent ? *parent : QString(), sha);
    if (!commits)
        return {};
    for (const CommitInfo &c : std::as_const(*commits))
        if (c.sha == sha)
            return c.subject;
    return {};
}

// Ticks the release's `check: tag` items when the tag is on its commit, then moves the release
// on as far as its facts carry it.
void tickTagItems(ReleaseService &releases, const std::optional<ReleaseRecord> &release,
    const QString &tagName, const QString &target, const QString &evidence, QList<ChecklistItem> &ticked,
    QString &warning)
{
    if (!release)
        return;
    if (!release->commit.isEmpty() && release->commit != target) {
        warning = QStringLiteral("%1 is on %2, not on release %3's commit %4; checklist left as is")
                      .arg(tagName, target.left(12), release->version, release->commit.left(12));
        return;
    }
    auto result = releases
                      .applyCheckOutcome(release->version,
                          CheckOutcome {checkKindName(CheckKind::Tag), tagName, true, evidence})
                      .result();
    if (!result) {
        warning = QStringLiteral("checklist not updated: %1").arg(result.error().toString());
        return;
    }
    ticked = *result;
    (void)Session::advanceRelease(releases.store(), releases.workspace(), release->version,
        QDateTime::currentDateTimeUtc(), releases.identity().id);
}

// Which keychain entry holds an http(s) remote's password ("git:SCHEME://HOST"); file:// and ssh
// remotes need none (ssh uses the agent).
struct RemoteKey {
    QString key;
    QString user;
};

RemoteKey remoteKeyFor(const Workspace &ws, const QString &remote)
{
    auto git = GitService::open(ws.root, ws.policy.tagFormat);
    auto url = git ? git->remoteUrl(remote) : Result<QString>(std::unexpected(git.error()));
    if (!url)
        return {};
    const QUrl parsed(*url);
    if (parsed.scheme() != u"http" && parsed.scheme() != u"https")
        return {};
    return {QStringLiteral("git:%1://%2").arg(parsed.scheme(), parsed.host()), parsed.userName()};
}

}  // namespace

Error TagProposal::refusal() const
{
    if (!blockers.isEmpty())
        return {ErrorCode::Refused,
            QStringLiteral("not creating %1 on %2: %3")
                .arg(plan.tagName, plan.commit.left(12), blockers.join(QStringLiteral("; ")))};
    return signingError.value_or(Error {});
}

QString Session::tagMessageSection(
    const Workspace &ws, const QString &version, const std::optional<QByteArray> &changelogText)
{
    QByteArray text;
    if (changelogText) {
        text = *changelogText;
    } else {
        QFile f(QDir(ws.root).filePath(ws.policy.changelogPath));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        text = f.readAll();
    }
    auto log = parseChangelog(text, ws.policy.changelogPath);
    if (!log)
        return {};
    QStringList candidates {version};
    if (auto v = SemVer::parse(version); v && v->isPrerelease())
        candidates << gaVersionOf(version);
    candidates << QStringLiteral("Unreleased");
    for (const QString &c : candidates) {
        if (const QString section = log->sectionText(c); !section.trimmed().isEmpty())
            return section;
    }
    return {};
}

Result<QString> Session::lastCandidate(const Workspace &ws, const QString &version)
{
    auto target = SemVer::parse(version);
    if (!target)
        return std::unexpected(target.error());
    auto git = GitService::open(ws.root, ws.policy.tagFormat);
    if (!git)
        return std::unexpected(git.error());
    auto tags = git->tags();  // SemVer-descending
    if (!tags)
        return std::unexpected(tags.error());
    for (const GitTagInfo &t : std::as_const(*tags))
        if (t.version && t.version->isPrerelease() && t.version->major() == target->major()
            && t.version->minor() == target->minor() && t.version->patch() == target->patch())
            return t.version->toString();
    return fail(
        ErrorCode::NotFound, QStringLiteral("No release candidate tag of %1 to promote.").arg(version));
}

Result<QStringList> Session::tagBlockers(Store *store, const Workspace &ws, const TagPlan &plan)
{
    if (plan.alreadyDone)
        return QStringList {};
    auto blockers = releaseTagBlockers(ws, plan.version, plan.commit);
    const auto semver = SemVer::parse(plan.version);
    if (!blockers || !store || !semver || semver->isPrerelease())
        return blockers;
    // The lifecycle's part, for a release the store keeps (readiness.h: releaseTagHolds).
    auto stored = store->release(plan.version).result();
    if (!stored && stored.error().code == ErrorCode::NotFound)
        return blockers;
    if (!stored)
        return std::unexpected(stored.error());
    auto facts = readinessFacts(store, ws, plan.version, QDateTime::currentDateTimeUtc());
    if (!facts) {
        *blockers << QStringLiteral("release %1's readiness cannot be read: %2")
                         .arg(plan.version, facts.error().message);
        return blockers;
    }
    if (facts->commit != plan.commit) {  // what the tag ships, not what the release follows
        facts->commit = plan.commit;
        auto after = freezeCommits(store, ws, facts->release, plan.commit);
        facts->afterFreeze = after ? *after : QList<FreezeCommit> {};
        facts->afterFreezeError = after ? QString() : after.error().message;
    }
    for (const Blocker &b : releaseTagHolds(*facts))
        *blockers << (b.clearsWhen.isEmpty() ? b.what
                                             : QStringLiteral("%1 (clears: %2)").arg(b.what, b.clearsWhen));
    return blockers;
}

Result<TagProposal> Session::planTag(
    Store *store, const Workspace &ws, const Identity &who, const TagRequest &r)
{
    TagService tags(ws.root, ws.policy, who);
    auto git = GitService::open(ws.root, ws.policy.tagFormat);
    if (!git)
        return std::unexpected(git.error());
    TagProposal p;
    p.action = r.action;
    // Create tags exactly the version given (`tag create 3.7.0-rc1` has no release of its own);
    // the others act for the release of the GA version.
    p.release = storedRelease(store, ws, r.action == TagAction::Create ? r.version : gaVersionOf(r.version));
    const QString commitRef = !r.commit.isEmpty() ? r.commit : p.release ? p.release->commit : QString();
    Result<TagPlan> plan = TagPlan {};
    switch (r.action) {
    case TagAction::Create:
        plan = tags.planRelease(
            r.version, commitRef, tagMessageSection(ws, r.version, r.changelogText), r.message);
        break;
    case TagAction::Candidate: {
        auto rc = nextCandidate(ws, r.version);
        if (!rc)
            return std::unexpected(rc.error());
        plan = tags.planRelease(*rc, commitRef, tagMessageSection(ws, *rc, r.changelogText), r.message);
        break;
    }
    case TagAction::Promote: {
        const auto v = SemVer::parse(r.version);
        // A GA version promotes its newest candidate; anything else is the candidate itself.
        auto rc = !v || v->isPrerelease() ? Result<QString>(r.version) : lastCandidate(ws, r.version);
        if (!rc)
            return std::unexpected(rc.error());
        plan = tags.planPromotion(*rc, tagMessageSection(ws, gaVersionOf(*rc), r.changelogText), r.message);
        break;
    }
    case TagAction::Verify: {
        auto sha = git->resolve(commitRef.isEmpty() ? QStringLiteral("HEAD") : commitRef);
        if (!sha)
            return std::unexpected(sha.error());
        plan->tagName = ws.policy.tagFor(r.version);
        plan->version = r.version;
        plan->commit = *sha;
        plan->message = r.message.isEmpty() ? r.version : r.message;  // the message must name the version
        break;
    }
    }
    if (!plan)
        return std::unexpected(plan.error());
    p.plan = *plan;
    if (r.action != TagAction::Verify) {
        auto blockers = tagBlockers(store, ws, p.plan);
        if (!blockers)
            return std::unexpected(blockers.error());
        p.blockers = *blockers;
        if (p.blockers.isEmpty())
            if (auto signing = chooseTagSigning(ws, p.plan, r.signing); !signing)
                p.signingError = signing.error();
    }
    p.commitSubject = subjectOf(*git, p.plan.commit);
    return p;
}

QFuture<Result<TagProposal>> Session::proposeTag(TagRequest request)
{
    return m_inFlight.keep(QtConcurrent::run([store = m_store, ws = workspace(), who = identity(), request] {
        return planTag(store, ws, who, request);
    }));
}

Result<TagFinish> Session::writeTag(ReleaseService &releases, const TagProposal &proposal,
    const TagFinishOptions &options, const TagPushAccess &access)
{
    if (proposal.held())
        return std::unexpected(proposal.refusal());
    const Workspace &ws = releases.workspace();
    TagService tags(ws.root, ws.policy, releases.identity());
    TagPlan plan = proposal.plan;
    if (options.messageEdited) {
        // Re-plan with the user's words so the stored message is cleaned exactly like `git tag -m`.
        auto again = tags.planRelease(plan.version, plan.commit, {}, plan.message);
        if (!again)
            return std::unexpected(again.error());
        again->promotedFrom = plan.promotedFrom;
        again->sign = plan.sign;
        again->signingFormat = plan.signingFormat;
        again->signingKey = plan.signingKey;
        plan = *again;
    }
    if (options.signing)
        if (auto signing = chooseTagSigning(ws, plan, *options.signing); !signing)
            return std::unexpected(signing.error());
    auto tag = tags.apply(plan);
    if (!tag)
        return std::unexpected(tag.error());
    TagFinish done;
    done.plan = plan;
    done.tag = *tag;
    done.evidence
        = QStringLiteral("%1 %2 at %3 by %4 <%5>")
              .arg(tag->name, tag->annotated ? QStringLiteral("annotated") : QStringLiteral("lightweight"),
                  tag->targetSha, tag->taggerName, tag->taggerEmail);
    if (!options.remote.isEmpty()) {
        done.pushNote = access.note;
        if (auto pushed = tags.push(options.remote, plan.tagName, access.credentials); !pushed) {
            done.pushError = pushed.error();
            return done;
        }
        done.pushedTo = options.remote;
    }
    Store *store = releases.store();
    if (tag->annotated)
        tickTagItems(releases, storedRelease(store, ws, plan.version), plan.tagName, tag->targetSha,
            done.evidence, done.ticked, done.tickWarning);
    // A release candidate tag (3.7.0-rc1) pins release 3.7.0 to its commit.
    if (const auto v = SemVer::parse(plan.version); v && v->isPrerelease()) {
        const QString base = gaVersionOf(plan.version);
        if (storedRelease(store, ws, base)) {
            auto pinned = pinToCandidate(store, ws, releases.identity(), base, tag->targetSha, plan.tagName);
            if (pinned)
                done.pinned = *pinned;
            else
                done.pinWarning = QStringLiteral("release %1 not pinned to %2: %3")
                                      .arg(base, plan.tagName, pinned.error().toString());
        }
    }
    return done;
}

QFuture<Result<TagFinish>> Session::finishTag(TagProposal proposal, TagFinishOptions options)
{
    // The keychain answers on this thread's event loop; the write waits for it on a pool thread,
    // started from here only while the session lives.
    QFuture<TagPushAccess> access = QtFuture::makeReadyFuture(TagPushAccess {});
    if (!options.remote.isEmpty())
        access
            = QtConcurrent::run(
                [ws = workspace(), remote = options.remote] { return remoteKeyFor(ws, remote); })
                  .then(this,
                      [](const RemoteKey &key) {
                          if (key.key.isEmpty())
                              return QtFuture::makeReadyFuture(TagPushAccess {});
                          return SecretStore::read(key.key).then([key](const Result<QString> &secret) {
                              if (!secret)
                                  return TagPushAccess {{},
                                      QStringLiteral("no keychain entry %1 (%2); pushing without a password")
                                          .arg(key.key, secret.error().message)};
                              return TagPushAccess {GitCredentials {key.user, *secret}, {}};
                          });
                      })
                  .unwrap();
    auto future = access
                      .then(this,
                          [this, proposal, options](const TagPushAccess &a) {
                              return m_inFlight.keep(
                                  QtConcurrent::run([releases = m_releases.get(), proposal, options, a] {
                                      return writeTag(*releases, proposal, options, a);
                                  }));
                          })
                      .unwrap();
    follow(future, [this](const Result<TagFinish> &done) {
        if (!done)
            return;
        if (!done->ticked.isEmpty())
            announce({SessionEvent::Kind::ItemsTicked, done->plan.version, CheckKind::Tag, done->plan.tagName,
                {}, done->ticked});
        if (done->pinned)
            announce({SessionEvent::Kind::ReleaseChanged, done->pinned->version});
    });
    return future;
}

Result<TagCheck> Session::verifyAndRecordTag(ReleaseService &releases, const QString &version,
    const QString &expectedCommit, const QString &messageContains)
{
    const Workspace &ws = releases.workspace();
    const auto release = storedRelease(releases.store(), ws, version);
    const QString expected = !expectedCommit.isEmpty() ? expectedCommit
        : release                                      ? release->commit
                                                       : QString();
    auto verified = verifyTag(ws, releases.identity(), version, expected, messageContains);
    if (!verified)
        return std::unexpected(verified.error());
    TagCheck check;
    check.verification = *verified;
    if (verified->ok())
        tickTagItems(releases, release, verified->tag, verified->target, verified->evidence(), check.ticked,
            check.tickWarning);
    return check;
}

QFuture<Result<TagCheck>> Session::checkTag(QString version, QString expectedCommit, QString messageContains)
{
    auto future = m_inFlight.keep(
        QtConcurrent::run([releases = m_releases.get(), version, expectedCommit, messageContains] {
            return verifyAndRecordTag(*releases, version, expectedCommit, messageContains);
        }));
    follow(future, [this, version](const Result<TagCheck> &check) {
        if (check && !check->ticked.isEmpty())
            announce({SessionEvent::Kind::ItemsTicked, version, CheckKind::Tag, check->verification.tag, {},
                check->ticked});
    });
    return future;
}

}  // namespace cockpit
