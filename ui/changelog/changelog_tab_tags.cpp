// ChangelogTab's tag dialogs: the session proposes the tag (tag, commit, subject, message, what
// holds it) without writing, the dialog's button has the session write or verify it (ticking the
// `check: tag` items, pinning for a candidate); here only the dialog's words and the watchers.
#include "changelog_editor.h"
#include "changelog_tab.h"
#include "future_watch.h"
#include "session.h"
#include "state_style.h"

#include <memory>

namespace cockpit {
namespace {

// What the dialog shows of the session's proposal: the plan and, in the window's words, what the
// user should know first; a held action's reason last (the dialog makes it the status line).
TagPreview previewOf(const TagProposal &proposal, const QString &signingPolicy)
{
    TagPreview preview;
    preview.plan = proposal.plan;
    preview.commitSubject = proposal.commitSubject;
    preview.signingPolicy = signingPolicy;
    const QString version = proposal.release ? proposal.release->version : proposal.plan.version;
    if (proposal.action == TagAction::Create && proposal.release && !proposal.release->commitPinned)
        preview.notes << QObject::tr("The release follows its branch head: this tag fixes it to %1.")
                             .arg(shortCommit(proposal.plan.commit));
    if (proposal.action == TagAction::Candidate)
        preview.notes << QObject::tr(
            "Release %1 will be pinned to %2: later commits on the branch need the next "
            "candidate.")
                             .arg(version, shortCommit(proposal.plan.commit));
    if (!proposal.blockers.isEmpty())
        preview.notes << QObject::tr("Not ready for %1: %2")
                             .arg(proposal.plan.tagName, proposal.blockers.join(QLatin1Char('\n')));
    else if (proposal.signingError)
        preview.notes << proposal.signingError->message;
    preview.blocked = proposal.held();
    return preview;
}

TagOutcome outcomeOf(const TagCheck &check, const QString &version)
{
    const TagVerification &v = check.verification;
    TagOutcome outcome;
    outcome.passed = v.ok();
    outcome.evidence = v.evidence();
    const QString signature = v.signature ? v.signature->summary() : QObject::tr("unsigned");
    outcome.summary = v.ok()
        ? QObject::tr("%1 verified: annotated, at %2, message names %3; %4.")
              .arg(v.tag, shortCommit(v.target), version, signature)
        : QObject::tr("%1 does not verify: %2").arg(v.tag, v.problems.join(QLatin1Char(' ')));
    if (!v.notes.isEmpty())
        outcome.summary += QLatin1Char(' ') + v.notes.join(QLatin1Char(' '));
    if (!check.tickWarning.isEmpty())
        outcome.summary += QLatin1Char(' ') + check.tickWarning;
    return outcome;
}

TagOutcome outcomeOf(const TagFinish &done)
{
    const TagPlan &plan = done.plan;
    const QString at = shortCommit(done.tag.targetSha);
    TagOutcome outcome;
    outcome.summary = plan.alreadyDone ? QObject::tr("%1 already existed at %2.").arg(done.tag.name, at)
        : plan.sign
        ? QObject::tr("Created tag %1 at %2, %3-signed.").arg(done.tag.name, at, plan.signingFormat)
        : QObject::tr("Created tag %1 at %2.").arg(done.tag.name, at);
    for (const QString &warning : {done.tickWarning, done.pinWarning})
        if (!warning.isEmpty())
            outcome.summary += QLatin1Char(' ') + warning;
    outcome.evidence = done.evidence;
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
    TagRequest request;
    request.action = action;
    request.version = m_release.version;
    request.changelogText = m_editor->toPlainText().toUtf8();  // what the user sees, unsaved edits too
    const QString signingPolicy = m_session->workspace().policy.tagSigning;
    // The proposal the dialog shows is the one its button writes (with the message as edited).
    auto proposal = std::make_shared<TagProposal>();
    whenReady(dialog, m_session->proposeTag(request),
        [dialog, proposal, signingPolicy](const Result<TagProposal> &planned) {
            if (!planned) {
                dialog->setPlanError(planned.error().toString());
                return;
            }
            *proposal = *planned;
            dialog->setPreview(previewOf(*planned, signingPolicy));
        });
    dialog->setRunner([this, dialog, action, proposal](const TagPlan &plan) -> QFuture<Result<TagOutcome>> {
        if (action == TagAction::Verify)
            return m_session->checkTag(plan.version, plan.commit, plan.message)
                .then([version = plan.version](const Result<TagCheck> &check) -> Result<TagOutcome> {
                    if (!check)
                        return std::unexpected(check.error());
                    return outcomeOf(*check, version);
                });
        TagProposal toWrite = *proposal;
        toWrite.plan = plan;
        TagFinishOptions options;
        options.messageEdited = dialog->messageEdited();
        options.signing = plan.sign ? TagSigningChoice::Sign : TagSigningChoice::DoNotSign;
        return m_session->finishTag(toWrite, options)
            .then([](const Result<TagFinish> &done) -> Result<TagOutcome> {
                if (!done)
                    return std::unexpected(done.error());
                return outcomeOf(*done);
            });
    });
    connect(dialog, &TagDialog::finishedWith, this,
        [this, action](const TagOutcome &outcome) { applyTagOutcome(action, outcome); });
}

void ChangelogTab::applyTagOutcome(TagAction action, const TagOutcome &outcome)
{
    emit statusMessage(outcome.summary);
    // The session ticked, pinned and announced; the tag moves "the last release tag" and the diff.
    emit releaseTouched(m_release.version);
    if (action != TagAction::Verify)
        startLoad(true);  // edits stay
}

}  // namespace cockpit
