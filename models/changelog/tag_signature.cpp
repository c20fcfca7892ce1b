#include "tag_signature.h"

#include <QList>
#include <QRegularExpression>

namespace cockpit {
namespace {

struct Marker {
    const char *armor;
    const char *format;
};
constexpr Marker kMarkers[] = {
    {"-----BEGIN PGP SIGNATURE-----", kOpenPgp},
    {"-----BEGIN PGP MESSAGE-----", kOpenPgp},
    {"-----BEGIN SIGNED MESSAGE-----", kX509},
    {"-----BEGIN SSH SIGNATURE-----", kSsh},
};

const QStringList kTrustLevels {QStringLiteral("undefined"), QStringLiteral("never"),
    QStringLiteral("marginal"), QStringLiteral("fully"), QStringLiteral("ultimate")};

}  // namespace

QString signatureFormat(const QByteArray &armored)
{
    for (const Marker &m : kMarkers) {
        if (armored.startsWith(m.armor))
            return QString::fromLatin1(m.format);
    }
    return {};
}

SignedText splitSignedObject(const QByteArray &object)
{
    qsizetype match = -1;
    qsizetype at = 0;
    while (at < object.size()) {
        if (!signatureFormat(object.mid(at, 32)).isEmpty())
            match = at;
        const qsizetype eol = object.indexOf('\n', at);
        at = eol < 0 ? object.size() : eol + 1;
    }
    if (match < 0)
        return {object, {}, {}};
    return {object.left(match), object.mid(match), signatureFormat(object.mid(match, 32))};
}

int gpgTrustRank(const QString &level)
{
    return static_cast<int>(kTrustLevels.indexOf(level.trimmed().toLower()));
}

SignatureVerdict parseGpgStatus(const QByteArray &status, const QString &minTrust)
{
    SignatureVerdict v;
    v.format = QString::fromLatin1(kOpenPgp);
    QString keyId;
    QString problem;
    for (const QByteArray &raw : status.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (!line.startsWith("[GNUPG:] "))
            continue;
        const QList<QByteArray> words = line.mid(9).split(' ');
        const QByteArray &word = words.first();
        const QString rest = QString::fromUtf8(line.mid(9 + word.size())).trimmed();
        const QString second = words.size() > 1 ? QString::fromLatin1(words.at(1)) : QString();
        const QString afterId = rest.mid(second.size()).trimmed();
        if (word == "GOODSIG") {
            v.good = true;
            keyId = second;
            v.signer = afterId;
        } else if (word == "BADSIG") {
            keyId = second;
            v.signer = afterId;
            problem = QStringLiteral("the signature does not match the tag (BAD signature)");
        } else if (word == "EXPSIG" || word == "EXPKEYSIG" || word == "REVKEYSIG") {
            keyId = second;
            v.signer = afterId;
            problem = word == "REVKEYSIG" ? QStringLiteral("the signing key is revoked")
                : word == "EXPKEYSIG"     ? QStringLiteral("the signing key has expired")
                                          : QStringLiteral("the signature has expired");
        } else if (word == "ERRSIG" || word == "NO_PUBKEY") {
            keyId = second;
            if (problem.isEmpty() || word == "NO_PUBKEY")
                problem = word == "NO_PUBKEY"
                    ? QStringLiteral("the public key %1 is not in the keyring").arg(second)
                    : QStringLiteral("gpg cannot check the signature (key %1)").arg(second);
        } else if (word == "VALIDSIG") {
            v.key = second;
        } else if (word.startsWith("TRUST_")) {
            v.trust = QString::fromLatin1(word.mid(6)).toLower();
        }
    }
    if (v.key.isEmpty())
        v.key = keyId;
    const bool goodOnly = v.good && problem.isEmpty();
    v.good = goodOnly;
    if (!v.good) {
        v.detail = problem.isEmpty() ? QStringLiteral("gpg found no valid signature") : problem;
        return v;
    }
    int needed = gpgTrustRank(minTrust);
    if (needed < 0)
        needed = gpgTrustRank(QStringLiteral("marginal"));
    const int has = gpgTrustRank(v.trust);
    v.allowed = has >= needed;
    if (!v.allowed)
        v.detail = QStringLiteral("key %1 has %2 trust; gpg.minTrustLevel asks for %3")
                       .arg(v.key, v.trust.isEmpty() ? QStringLiteral("no") : v.trust, kTrustLevels.at(needed));
    return v;
}

QString sshKeyFingerprint(const QByteArray &output)
{
    static const QRegularExpression re(QStringLiteral("key (SHA256:[A-Za-z0-9+/=]+)"));
    const auto m = re.match(QString::fromUtf8(output));
    return m.hasMatch() ? m.captured(1) : QString();
}

QString SignatureVerdict::summary() const
{
    const QString who = signer.isEmpty() ? QStringLiteral("an unknown signer") : signer;
    const QString keyText = key.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(key);
    if (!good)
        return QStringLiteral("%1 signature that does not verify: %2").arg(format, detail);
    return QStringLiteral("%1 signature by %2%3, %4")
        .arg(format, who, keyText,
            allowed ? QStringLiteral("an allowed signer")
                    : QStringLiteral("NOT an allowed signer (%1)").arg(detail));
}

}  // namespace cockpit
