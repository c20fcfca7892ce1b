#pragma once
// The release tag use cases: create an annotated tag (tagger from the identity, message from the
// policy's template and the changelog section), verify one, promote an RC to GA on the same
// commit, branch a hotfix from a tag, push a tag. Plans are computed without writing, so a dialog
// can show the exact tag, commit and message first. Every call blocks (libgit2) and opens its own
// repository handle: run it on a pool thread.
#include "git_service.h"
#include "identity.h"
#include "tag_signature.h"
#include "policy.h"

namespace cockpit {

// One tag about to be written, as the user confirms it.
struct TagPlan {
    QString tagName;  // "v3.7.0"
    QString version;  // "3.7.0"
    QString commit;  // full SHA the tag will point at
    QString message;  // exactly what will be stored (cleaned like `git tag -m`)
    QString taggerName;
    QString taggerEmail;
    QString promotedFrom;  // the RC tag, for a promotion
    bool alreadyDone = false;  // the tag exists on that commit: applying writes nothing
    // Signed as `git tag -s` (Session::chooseTagSigning decides): with git's gpg.format and key.
    bool sign = false;
    QString signingFormat;  // openpgp or ssh, when sign
    QString signingKey;  // user.signingkey (or the tagger's e-mail for openpgp), when sign
    QStringList warnings;  // "v3.7.0-rc3 exists: promoting v3.7.0-rc2 skips it"
};

struct TagVerification {
    QString tag;
    bool exists = false;
    bool annotated = false;
    QString target;  // the commit the tag points at; empty when absent
    QString expectedTarget;  // empty when not checked
    QString message;
    QStringList problems;  // one sentence each; empty = verified
    // The signature checked (Session::verifyTag): who signed, whether the signer is allowed.
    std::optional<SignatureVerdict> signature;
    bool signatureChecked = false;
    QStringList notes;  // what is worth saying but does not fail the verification

    [[nodiscard]] bool ok() const { return exists && problems.isEmpty(); }
    // What a ticked checklist item keeps as evidence: "v3.7.0 annotated at 0123abcd... by ...".
    [[nodiscard]] QString evidence() const;
};

class TagService {
public:
    TagService(QString repositoryDir, Policy policy, Identity identity);

    // sectionText: the version's changelog section (Changelog::sectionText, heading included or
    // not); explicitMessage replaces the template when not empty. Conflict when the tag exists
    // on another commit.
    [[nodiscard]] Result<TagPlan> planRelease(const QString &version, const QString &commitRef,
        const QString &sectionText, const QString &explicitMessage = {}) const;
    // The GA tag of an RC ("3.7.0-rc2" -> v3.7.0) on the RC tag's commit.
    [[nodiscard]] Result<TagPlan> planPromotion(
        const QString &rcVersion, const QString &sectionText, const QString &explicitMessage = {}) const;
    // Writes the plan's tag unless it is already done; returns the tag as stored.
    Result<GitTagInfo> apply(const TagPlan &plan);

    Result<GitTagInfo> createReleaseTag(const QString &version, const QString &commitRef,
        const QString &sectionText, const QString &explicitMessage = {});
    Result<GitTagInfo> promote(
        const QString &rcVersion, const QString &sectionText, const QString &explicitMessage = {});

    // Exists, annotated, on expectedCommit (when given, any revision), message contains
    // messageContains (when given). Errors only when the repository or expectedCommit cannot be read.
    [[nodiscard]] Result<TagVerification> verify(const QString &version, const QString &expectedCommit = {},
        const QString &messageContains = {}) const;

    // A branch at the version's tag; the default name is the policy's hotfix_branch pattern with
    // its '*' replaced by the next patch tag ("hotfix/*" -> "hotfix/v3.7.1"; "hotfix/v*" too), else
    // "hotfix/<next patch tag>". Idempotent on the same commit, Conflict elsewhere. Returns the name.
    Result<QString> createHotfixBranch(const QString &version, const QString &branchName = {});
    [[nodiscard]] QString defaultHotfixBranch(const SemVer &version) const;

    Status push(const QString &remote, const QString &tagName, const GitCredentials &credentials = {});

private:
    [[nodiscard]] Result<GitService> repo() const;
    // The version parsed (SemVer, BadInput naming it) and the repository opened: every use case's
    // first two steps.
    struct Opened {
        SemVer version;
        GitService git;
    };
    [[nodiscard]] Result<Opened> open(const QString &version) const;
    [[nodiscard]] QString render(
        const TagPlan &plan, const QString &sectionText, const QString &explicitMessage) const;
    // Fills alreadyDone, or fails with Conflict when the tag exists on another commit.
    [[nodiscard]] Status checkExisting(const GitService &git, TagPlan &plan) const;

    QString m_dir;
    Policy m_policy;
    Identity m_identity;
};

}  // namespace cockpit
