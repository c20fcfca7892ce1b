#pragma once
// Sign-offs as the GUI and the command line use them: what a sign-off would approve right now
// (commit, changelog section, checklist, their digest) and how the recorded sign-offs stand,
// computed off the GUI thread; and recording a decision as the current identity, refused when
// the policy forbids it, optionally signed with the signer's SSH key (ssh-keygen -Y sign).
#include "approval.h"
#include "identity.h"
#include "store.h"
#include "workspace.h"

#include <QFuture>
#include <QHash>

namespace cockpit {

// Everything the sign-off dialog and tab show about one release, as of one moment.
struct SignoffView {
    ReleaseRecord release;
    QString commit;  // what the digest covers: the pinned commit, or the branch head now
    QString changelogPath;  // absolute
    QString changelogHeading;  // "## [3.7.0] - 2026-11-26", "## [Unreleased]"; empty when none
    QByteArray changelogSection;  // the section's body, bytes exactly as in the file
    Checklist checklist;
    QString digest;
    ApprovalFacts facts;
    QList<Signoff> signoffs;  // as recorded, oldest first
    QHash<qint64, bool> signatureValid;  // by sign-off id, when the policy names allowed signers
    ApprovalState approvals;
    QString defaultSshKey;  // the key the signer would sign with (git's user.signingkey), or empty
    QStringList notes;  // what could not be read ("CHANGELOG.md has no section for 3.7.0")
};

// A version's changelog section: the heading as written, the body (exact bytes, heading line
// excluded) and its section names ("Added", "Security").
struct ChangelogSectionText {
    QString heading;
    QByteArray body;
    QStringList sections;
};

struct SignRequest {
    QString version;
    QString role;
    SignoffDecision decision = SignoffDecision::Approve;
    QString reason;
    QString expectedDigest;  // the digest the signer reviewed; empty = the current one (CLI)
    QString sshKey;  // key file for ssh-keygen -Y sign (a private key, or a public key in the agent)
};

class SignoffService {
public:
    SignoffService(Store *store, Workspace workspace, Identity identity);

    [[nodiscard]] const Identity &identity() const { return m_identity; }
    [[nodiscard]] const Workspace &workspace() const { return m_workspace; }

    // Runs on a pool thread (git, files, store, ssh-keygen): the GUI only sees the finished future.
    QFuture<Result<SignoffView>> view(QString version) const;
    // Records the decision as the current identity after re-reading the release: Conflict when
    // the digest is no longer the one reviewed, Refused/NotFound as checkSignoffAllowed says.
    QFuture<Result<Signoff>> sign(SignRequest request) const;

    // Blocking halves of the above (call them off the GUI thread).
    static Result<SignoffView> computeView(Store *store, const Workspace &workspace, const QString &version);
    static Result<Signoff> record(
        Store *store, const Workspace &workspace, const Identity &identity, const SignRequest &request);

    // The section of `version` in a Keep a Changelog file, falling back to [Unreleased] while the
    // version has no section yet (its entries are what will ship). Empty heading: neither exists.
    static ChangelogSectionText changelogSection(const QByteArray &changelog, const QString &version);

    // ssh-keygen -Y sign -f KEY -n release-cockpit over the digest's 64 hex characters.
    static Result<QString> sshSign(const QString &keyFile, const QString &digest);
    // ssh-keygen -Y verify -f ALLOWED_SIGNERS -I SIGNER -n release-cockpit -s SIG; Failed when
    // the signature does not verify.
    static Status sshVerify(const QString &allowedSigners, const QString &signer, const QString &signature,
        const QString &digest);
    // The key git would sign with (user.signingkey), else ~/.ssh/id_ed25519 when it exists.
    static QString defaultSshKey(const QString &repositoryDir);

private:
    Store *m_store;
    Workspace m_workspace;
    Identity m_identity;
};

}  // namespace cockpit
