#pragma once
// Signing and verifying tag objects with git's own programs, configured as git is: gpg.format
// (openpgp or ssh; x509 is refused), user.signingkey, gpg.program / gpg.openpgp.program,
// gpg.ssh.program, gpg.ssh.allowedSignersFile, gpg.minTrustLevel. The programs run with an
// argument list (QProcess, never a shell) and the payload on standard input; signatures to check
// go through a private temporary file. Every call blocks: run it off the GUI thread.
#include "error.h"
#include "tag_signature.h"

#include <QByteArray>
#include <QString>

namespace cockpit {

class GitService;

struct SigningSetup {
    QString format;  // openpgp or ssh (gpg.format; default openpgp)
    QString key;  // user.signingkey as configured ("~/" expanded); may be empty for openpgp
    QString program;  // gpg, ssh-keygen or what the configuration names
    QString allowedSignersFile;  // gpg.ssh.allowedSignersFile ("~/" expanded); empty when unset
    QString minTrust;  // gpg.minTrustLevel; empty when unset
};

// The repository's signing configuration. BadInput naming the key for x509 or an unknown format.
Result<SigningSetup> readSigningSetup(const GitService &git);

// Why no tag can be signed as configured, with what to set; empty when a key is there. OpenPGP
// without user.signingkey signs as the tagger's e-mail, as git does (fallbackKey); the secret key
// must be in the keyring. SSH needs user.signingkey: a key file that exists, or "key::..." / a
// literal public key whose private half is in ssh-agent.
Status checkSigningKey(const SigningSetup &setup, const QString &fallbackKey);

// The armored detached signature of payload (`gpg -bsau KEY`, `ssh-keygen -Y sign -n git -f KEY`).
Result<QByteArray> signPayload(const SigningSetup &setup, const QByteArray &payload, const QString &fallbackKey);

// Checks a split tag object. SSH: against allowedSigners (ssh-keygen -Y find-principals, then
// -Y verify as that principal); a good signature by a key no principal has is good but not
// allowed. OpenPGP: gpg --verify, allowed by the key's trust (gpg.minTrustLevel). A program that
// cannot run is an error; anything it answers is a verdict.
Result<SignatureVerdict> verifySignedText(
    const SigningSetup &setup, const SignedText &text, const QString &allowedSigners);

}  // namespace cockpit
