#pragma once
// Signed tags as git lays them out: `git tag -s` appends the detached signature of the tag object
// (object, type, tag, tagger, blank line, message) to the message, so the object is the payload
// followed by an armored signature. Pure text: splitting an object, and reading what gpg
// (--status-fd) and ssh-keygen (-Y verify / check-novalidate) answered about one.
#include <QByteArray>
#include <QString>

namespace cockpit {

// The signature formats of git's gpg.format.
inline constexpr const char *kOpenPgp = "openpgp";
inline constexpr const char *kX509 = "x509";
inline constexpr const char *kSsh = "ssh";

struct SignedText {
    QByteArray payload;  // what was signed: the whole object when it is unsigned
    QByteArray signature;  // the armored signature; empty when unsigned
    QString format;  // openpgp, x509 or ssh by the armor line; empty when unsigned
    [[nodiscard]] bool isSigned() const { return !signature.isEmpty(); }
};

// The format an armored signature starts with ("-----BEGIN SSH SIGNATURE-----": ssh); empty
// when it starts with no signature marker.
QString signatureFormat(const QByteArray &armored);

// As git's parse_signed_buffer: the signature starts at the last line that begins with a
// signature marker; everything before it is the payload.
SignedText splitSignedObject(const QByteArray &object);

// What a verification found.
struct SignatureVerdict {
    QString format;  // ssh or openpgp
    bool good = false;  // the signature matches the payload (made by the key it names)
    QString signer;  // SSH: the allowed-signers principal; OpenPGP: the key's user id
    QString key;  // SSH: "SHA256:..." fingerprint; OpenPGP: the key's fingerprint (or key id)
    bool allowed = false;  // the signer is one the repository trusts (allowed signers, GPG trust)
    QString trust;  // OpenPGP: undefined, never, marginal, fully, ultimate; empty otherwise
    QString detail;  // why not good or not allowed, one sentence; empty when good and allowed
    // "ssh signature by alice@example.com (SHA256:...), an allowed signer"
    [[nodiscard]] QString summary() const;
};

// gpg --status-fd output of a --verify. Allowed when the signature is good and the key's trust is
// at least minTrust (git's gpg.minTrustLevel names: undefined, never, marginal, fully, ultimate;
// empty or unknown: marginal).
SignatureVerdict parseGpgStatus(const QByteArray &status, const QString &minTrust);
// The fingerprint ssh-keygen names in "Good "git" signature ... with ED25519 key SHA256:abc";
// empty when the text has none.
QString sshKeyFingerprint(const QByteArray &output);
// The rank of a trust level name (undefined 0 ... ultimate 4); -1 when unknown.
int gpgTrustRank(const QString &level);

}  // namespace cockpit
