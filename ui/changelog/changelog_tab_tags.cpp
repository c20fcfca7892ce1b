// ChangelogTab's tag dialogs: the plan (tag, commit, subject, message) is computed on a pool
// thread by TagService without writing; the dialog's button runs the write; a passing verify
// ticks the `check: tag` items.
#include "changelog.h"
#include "changelog_editor.h"
#include "changelog_tab.h"
#include "future_watch.h"
#include "session.h"
#include "state_style.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {
namespace {

struct TagContext {
    Workspace ws;
    QString root;
    Policy policy;
    Identity identity;
    ReleaseRecord release;
    QByteArray changelogText;
    QString changelogPath;
};

// The release's own section when it was cut, else Unreleased: what the tag message quotes.
QString sectionFor(const TagContext &c)
{
    auto log = parseChangelog(c.changelogText, c.changelogPath);
    if (!log)
        return {};
    const QString own = log->sectionText(c.release.version);
    return own.isEmpty() ? log->sectionText(QStringLiteral("Unreleased")) : own;
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

// The newest release candidate of the release's version ("v3.7.0-rc2" for 3.7.0).
Result<QString> lastCandidate(const GitService &git, const QString &version)
{
    auto target = SemVer::parse(version);
    if (!target)
        return std::unexpected(target.error());
    auto tags = git.tags();  // SemVer-descending
    if (!tags)
        return std::unexpected(tags.error());
    for (const GitTagInfo &t : std::as_const(*tags))
        if (t.version && t.version->isPrerelease() && t.version->major() == target->major()
            && t.version->minor() == target->minor() && t.version->patch() == target->patch())
            return t.version->toString();
    return fail(ErrorCode::NotFound, QObject::tr("No release candidate tag of %1 to promote.").arg(version));
}

// A release (GA) tag waits for a changelog that has its section and covers every commit: the
// session's rule, shown in the dialog with the button held (a tag already there is fine).
Status holdReleaseTag(const TagContext &c, TagPreview &preview)
{
    if (preview.plan.alreadyDone)
        return {};
    auto blockers = Session::releaseTagBlockers(c.ws, preview.plan.version, preview.plan.commit);
    if (!blockers)
        return std::unexpected(blockers.error());
    if (blockers->isEmpty())
        return {};
    // The reason, as the dialog's last note: it becomes the status line under the plan.
    preview.notes
        << QObject::tr("Not ready for %1: %2").arg(preview.plan.tagName, blockers->join(QLatin1Char('\n')));
    preview.blocked = true;
    return {};
}

Result<TagPreview> computePreview(TagAction action, const TagContext &c)
{
    TagService tags(c.root, c.policy, c.identity);
    auto git = GitService::open(c.root, c.policy.tagFormat);
    if (!git)
        return std::unexpected(git.error());
    TagPreview preview;
    const QString commitRef = c.release.commit.isEmpty() ? QStringLiteral("HEAD") : c.release.commit;
    if (action == TagAction::Create) {
        auto plan = tags.planRelease(c.release.version, commitRef, sectionFor(c));
        if (!plan)
            return std::unexpected(plan.error());
        preview.plan = *plan;
        if (!c.release.commitPinned)
            preview.notes << QObject::tr("The release follows its branch head: this tag fixes it to %1.")
                                 .arg(shortCommit(plan->commit));
        if (auto held = holdReleaseTag(c, preview); !held)
            return std::unexpected(held.error());
    } else if (action == TagAction::Candidate) {
        auto rc = Session::nextCandidate(c.ws, c.release.version);
        if (!rc)
            return std::unexpected(rc.error());
        auto plan = tags.planRelease(*rc, commitRef, sectionFor(c));
        if (!plan)
            return std::unexpected(plan.error());
        preview.plan = *plan;
        preview.notes << QObject::tr(
            "Release %1 will be pinned to %2: later commits on the branch need the next "
            "candidate.")
                             .arg(c.release.version, shortCommit(plan->commit));
    } else if (action == TagAction::Promote) {
        auto rc = lastCandidate(*git, c.release.version);
        if (!rc)
            return std::unexpected(rc.error());
        auto plan = tags.planPromotion(*rc, sectionFor(c));
        if (!plan)
            return std::unexpected(plan.error());
        preview.plan = *plan;
        if (auto held = holdReleaseTag(c, preview); !held)
            return std::unexpected(held.error());
    } else {
        auto sha = git->resolve(commitRef);
        if (!sha)
            return std::unexpected(sha.error());
        preview.plan.tagName = c.policy.tagFor(c.release.version);
        preview.plan.version = c.release.version;
        preview.plan.commit = *sha;
        preview.plan.message = c.release.version;  // the message must name the version
    }
    preview.signingPolicy = c.policy.tagSigning;
    if (action != TagAction::Verify && !preview.blocked) {
        // Signed by default when the policy requires it; refused (shown, button held) without a key.
        if (auto signing = Session::chooseTagSigning(c.ws, preview.plan, Session::TagSigningChoice::PolicyDefault);
            !signing) {
            preview.notes << signing.error().message;
            preview.blocked = true;
        }
    }
    preview.commitSubject = subjectOf(*git, preview.plan.commit);
    return preview;
}

Result<TagOutcome> runTagAction(
    TagAction action, const TagContext &c, const TagPlan &plan, bool messageEdited)
{
    TagService tags(c.root, c.policy, c.identity);
    if (action == TagAction::Verify) {
        auto v = Session::verifyTag(c.ws, c.identity, plan.version, plan.commit, plan.message);
        if (!v)
            return std::unexpected(v.error());
        TagOutcome outcome;
        outcome.passed = v->ok();
        outcome.evidence = v->evidence();
        const QString signature = v->signature ? v->signature->summary() : QObject::tr("unsigned");
        outcome.summary = v->ok()
            ? QObject::tr("%1 verified: annotated, at %2, message names %3; %4.")
                  .arg(plan.tagName, shortCommit(v->target), plan.version, signature)
            : QObject::tr("%1 does not verify: %2").arg(plan.tagName, v->problems.join(QLatin1Char(' ')));
        if (!v->notes.isEmpty())
            outcome.summary += QLatin1Char(' ') + v->notes.join(QLatin1Char(' '));
        return outcome;
    }
    TagPlan toApply = plan;
    if (messageEdited) {
        // Re-plan with the user's words so the stored message is cleaned exactly like `git tag -m`.
        auto again = tags.planRelease(plan.version, plan.commit, {}, plan.message);
        if (!again)
            return std::unexpected(again.error());
        toApply = *again;
        toApply.promotedFrom = plan.promotedFrom;
    }
    if (auto signing = Session::chooseTagSigning(c.ws, toApply,
            plan.sign ? Session::TagSigningChoice::Sign : Session::TagSigningChoice::DoNotSign);
        !signing)
        return std::unexpected(signing.error());
    auto tag = tags.apply(toApply);
    if (!tag)
        return std::unexpected(tag.error());
    TagOutcome outcome;
    outcome.summary = toApply.alreadyDone
        ? QObject::tr("%1 already existed at %2.").arg(tag->name, shortCommit(tag->targetSha))
        : toApply.sign ? QObject::tr("Created tag %1 at %2, %3-signed.").arg(tag->name, shortCommit(tag->targetSha), toApply.signingFormat)
                       : QObject::tr("Created tag %1 at %2.").arg(tag->name, shortCommit(tag->targetSha));
    outcome.evidence = outcome.summary;
    return outcome;
}

}  // namespace

TagDialog *ChangelogTab::openTagDialog(TagAction action)
{
    if (!m_session || m_release.version.isEmpty())
        return nullptr;
    if (m_tagDialog)
        m_tagDialog->close();
    // A candidate's name (the next -rcN) comes with the plan, from the tags.
    const QString tagName = action == TagAction::Candidate
        ? QString()
        : m_session->workspace().policy.tagFor(m_release.version);
    auto *dialog = new TagDialog(action, tagName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_tagDialog = dialog;
    planTag(dialog);
    dialog->open();  // window-modal, never a nested event loop
    return dialog;
}

void ChangelogTab::planTag(TagDialog *dialog)
{
    const TagAction action = dialog->action();
    TagContext context {m_session->workspace(), m_session->workspace().root, m_session->workspace().policy,
        m_session->identity(), m_release, m_editor->toPlainText().toUtf8(), m_snapshot.relativePath};
    whenReady(dialog, QtConcurrent::run([action, context] { return computePreview(action, context); }),
        [dialog](const Result<TagPreview> &preview) {
            if (!preview)
                dialog->setPlanError(preview.error().toString());
            else
                dialog->setPreview(*preview);
        });
    dialog->setRunner([this, dialog, action, context](const TagPlan &plan) {
        const bool edited = dialog->messageEdited();
        return QtConcurrent::run(
            [action, context, plan, edited] { return runTagAction(action, context, plan, edited); });
    });
    connect(dialog, &TagDialog::finishedWith, this, [this, dialog, action](const TagOutcome &outcome) {
        applyTagOutcome(action, dialog->plan(), outcome);
    });
}

void ChangelogTab::applyTagOutcome(TagAction action, const TagPlan &plan, const TagOutcome &outcome)
{
    emit statusMessage(outcome.summary);
    const QString version = m_release.version;
    if (action == TagAction::Candidate && m_session) {
        // A release candidate pins the release to its commit, as `tag create X-rcN` does.
        whenReady(this, m_session->pinCandidate(version, plan.commit, plan.tagName),
            [this, version](const Result<ReleaseRecord> &pinned) {
                if (!pinned)
                    emit statusMessage(
                        tr("Release %1 not pinned: %2").arg(version, pinned.error().toString()));
                emit releaseTouched(version);
            });
        startLoad(true);
        return;
    }
    if (action != TagAction::Verify) {
        emit releaseTouched(version);
        startLoad(true);  // the tag moves "the last release tag" and the diff; edits stay
        return;
    }
    if (!outcome.passed || !m_session)
        return;
    auto future = m_session->recordTagCheck(version, plan.tagName, outcome.evidence);
    whenReady(this, future, [this, version](const Result<QList<ChecklistItem>> &result) {
        if (!result) {
            emit statusMessage(tr("Could not record the tag check: %1").arg(result.error().toString()));
            return;
        }
        emit releaseTouched(version);
    });
}

}  // namespace cockpit
