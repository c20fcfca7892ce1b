#pragma once
// A release tag as the window and the command line make it, through one path in the session
// (session_tag_flow.cpp): what to tag (TagRequest), what would be written and what holds it
// (TagProposal), what was done once it is written (TagFinish) or verified (TagCheck).
#include "checklist.h"
#include "error.h"
#include "release.h"
#include "tag_service.h"

#include <optional>

namespace cockpit {

// Candidate: the next release candidate (3.7.0-rc2 after rc1), which pins the release to its commit.
enum class TagAction { Create, Verify, Promote, Candidate };

// Whether a tag is signed: the policy's tags.signing, or the front end's choice (--sign /
// --no-sign, the dialog's box) within it (Session::chooseTagSigning).
enum class TagSigningChoice { PolicyDefault, Sign, DoNotSign };

struct TagRequest {
    TagAction action = TagAction::Create;
    // Create: the version to tag (a pre-release too). Candidate and Verify: the release's version.
    // Promote: the release candidate to promote ("3.7.0-rc2"), or a GA version: its newest candidate.
    QString version;
    QString commit;  // Create, Candidate, Verify: a ref; empty: the stored release's commit, else HEAD
    QString message;  // Create, Promote: replaces the policy's template when not empty
    // The changelog text to quote (the window's editor, unsaved edits included); none: the file on disk.
    std::optional<QByteArray> changelogText;
    TagSigningChoice signing = TagSigningChoice::PolicyDefault;
};

// What would be written, and whether it may be.
struct TagProposal {
    TagAction action = TagAction::Create;
    TagPlan plan;  // Verify: the tag, the commit it must point at, the text its message must name
    // The stored release the tag is for (an RC's: its GA version's), its commit as it stands now.
    std::optional<ReleaseRecord> release;
    QString commitSubject;
    // Why a release (GA) tag may not be made (Session::tagBlockers); empty: it may.
    QStringList blockers;
    std::optional<Error> signingError;  // the signing choice was refused (checked only when not blocked)

    [[nodiscard]] bool held() const { return !blockers.isEmpty() || signingError.has_value(); }
    // The refusal as the command line reports it: "not creating v1.2.1 on 1a2b3c4d5e6f: ...".
    [[nodiscard]] Error refusal() const;
};

// How to write a proposal: the front end's last word on it.
struct TagFinishOptions {
    QString remote;  // push there after tagging (the keychain's "git:SCHEME://HOST" for http(s))
    bool messageEdited = false;  // plan.message was edited: re-plan it, cleaned as `git tag -m`
    std::optional<TagSigningChoice> signing;  // decide signing again (the dialog's box); none: as proposed
};

// What writing a tag did, in the order it happened.
struct TagFinish {
    TagPlan plan;  // as written (re-planned, signing decided)
    GitTagInfo tag;
    QString pushNote;  // the remote's password was not found: pushed without one
    QString pushedTo;  // empty: not pushed
    std::optional<Error> pushError;  // the tag is written; the push failed (nothing after it ran)
    QString tickWarning;  // the `check: tag` items were not ticked, and why
    QList<ChecklistItem> ticked;
    QString pinWarning;  // a candidate did not pin its release, and why
    std::optional<ReleaseRecord> pinned;  // the release a candidate pinned, as it is afterwards
    QString evidence;  // "v1.2.0 annotated at SHA by NAME <EMAIL>"
};

// What pushing needs: the remote's password from the keychain, or why there is none.
struct TagPushAccess {
    GitCredentials credentials;
    QString note;  // "no keychain entry git:https://host (...); pushing without a password"
};

// A verified tag and what it ticked.
struct TagCheck {
    TagVerification verification;
    QString tickWarning;
    QList<ChecklistItem> ticked;
};

}  // namespace cockpit
