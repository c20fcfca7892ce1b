// Signed tag objects split as git splits them (the last line opening an armored signature), and
// what gpg's status lines and ssh-keygen's answers say about a signature: table-driven.
#include "tag_signature.h"

#include <QTest>

using namespace cockpit;

namespace {

const QByteArray kHead = "object 0123456789abcdef0123456789abcdef01234567\ntype commit\ntag v1.0.0\n"
                         "tagger A <a@x> 1700000000 +0100\n\n";
const QByteArray kSshSig = "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n";
const QByteArray kPgpSig = "-----BEGIN PGP SIGNATURE-----\n\niQEz\n-----END PGP SIGNATURE-----\n";

}  // namespace

class TestTagSignature : public QObject {
    Q_OBJECT

private slots:
    void split_data()
    {
        QTest::addColumn<QByteArray>("object");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QString>("format");
        QTest::newRow("unsigned") << kHead + "Release v1.0.0\n" << kHead + "Release v1.0.0\n" << QByteArray() << QString();
        QTest::newRow("ssh") << kHead + "Release\n" + kSshSig << kHead + "Release\n" << kSshSig << QStringLiteral("ssh");
        QTest::newRow("openpgp") << kHead + "Release\n" + kPgpSig << kHead + "Release\n" << kPgpSig << QStringLiteral("openpgp");
        QTest::newRow("x509")
            << kHead + "R\n-----BEGIN SIGNED MESSAGE-----\nMII\n-----END SIGNED MESSAGE-----\n" << kHead + "R\n"
            << QByteArray("-----BEGIN SIGNED MESSAGE-----\nMII\n-----END SIGNED MESSAGE-----\n") << QStringLiteral("x509");
        // A message quoting an armor line: the last marker line starts the signature, as git does.
        const QByteArray quoting = kHead + "Quote:\n-----BEGIN PGP SIGNATURE-----\nnot one\n";
        QTest::newRow("quoted then signed") << quoting + kSshSig << quoting << kSshSig << QStringLiteral("ssh");
        // A marker in the middle of a line is text.
        QTest::newRow("marker mid-line") << kHead + "see -----BEGIN SSH SIGNATURE-----\n"
                                         << kHead + "see -----BEGIN SSH SIGNATURE-----\n" << QByteArray() << QString();
        QTest::newRow("empty") << QByteArray() << QByteArray() << QByteArray() << QString();
    }

    void split()
    {
        QFETCH(QByteArray, object);
        QFETCH(QByteArray, payload);
        QFETCH(QByteArray, signature);
        QFETCH(QString, format);
        const SignedText s = splitSignedObject(object);
        QCOMPARE(s.payload, payload);
        QCOMPARE(s.signature, signature);
        QCOMPARE(s.format, format);
        QCOMPARE(s.isSigned(), !signature.isEmpty());
        QCOMPARE(s.payload + s.signature, object);
    }

    void gpgStatus_data()
    {
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QString>("minTrust");
        QTest::addColumn<bool>("good");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("signer");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("detailHas");
        const QByteArray good = "[GNUPG:] NEWSIG\n[GNUPG:] KEY_CONSIDERED ABCD 0\n"
                                "[GNUPG:] SIG_ID x 2026-12-07 1\n[GNUPG:] GOODSIG 1122334455667788 Ann Lee <ann@x>\n"
                                "[GNUPG:] VALIDSIG AABBCCDDEEFF00112233445566778899AABBCCDD 2026-12-07 1 0 4 0 22 8 00 "
                                "AABBCCDDEEFF00112233445566778899AABBCCDD\n";
        const QString fpr = QStringLiteral("AABBCCDDEEFF00112233445566778899AABBCCDD");
        QTest::newRow("good, ultimate") << good + "[GNUPG:] TRUST_ULTIMATE 0 pgp\n" << QString() << true << true
                                        << QStringLiteral("Ann Lee <ann@x>") << fpr << QString();
        QTest::newRow("good, undefined trust") << good + "[GNUPG:] TRUST_UNDEFINED 0 pgp\n" << QString() << true
                                               << false << QStringLiteral("Ann Lee <ann@x>") << fpr
                                               << QStringLiteral("undefined trust");
        QTest::newRow("undefined allowed by minTrustLevel")
            << good + "[GNUPG:] TRUST_UNDEFINED 0 pgp\n" << QStringLiteral("undefined") << true << true
            << QStringLiteral("Ann Lee <ann@x>") << fpr << QString();
        QTest::newRow("fully below ultimate") << good + "[GNUPG:] TRUST_FULLY 0 pgp\n" << QStringLiteral("ultimate")
                                              << true << false << QStringLiteral("Ann Lee <ann@x>") << fpr
                                              << QStringLiteral("asks for ultimate");
        QTest::newRow("bad") << QByteArray("[GNUPG:] BADSIG 1122334455667788 Ann Lee <ann@x>\n") << QString() << false
                             << false << QStringLiteral("Ann Lee <ann@x>") << QStringLiteral("1122334455667788")
                             << QStringLiteral("BAD signature");
        QTest::newRow("no public key")
            << QByteArray("[GNUPG:] ERRSIG 1122334455667788 1 8 00 1700000000 9 -\n[GNUPG:] NO_PUBKEY 1122334455667788\n")
            << QString() << false << false << QString() << QStringLiteral("1122334455667788")
            << QStringLiteral("not in the keyring");
        QTest::newRow("expired key") << good + "[GNUPG:] EXPKEYSIG 1122334455667788 Ann Lee <ann@x>\n" << QString()
                                     << false << false << QStringLiteral("Ann Lee <ann@x>") << fpr
                                     << QStringLiteral("expired");
        QTest::newRow("nothing") << QByteArray("gpg: no valid OpenPGP data found.\n") << QString() << false << false
                                 << QString() << QString() << QStringLiteral("no valid signature");
    }

    void gpgStatus()
    {
        QFETCH(QByteArray, status);
        QFETCH(QString, minTrust);
        QFETCH(bool, good);
        QFETCH(bool, allowed);
        QFETCH(QString, signer);
        QFETCH(QString, key);
        QFETCH(QString, detailHas);
        const SignatureVerdict v = parseGpgStatus(status, minTrust);
        QCOMPARE(v.format, QStringLiteral("openpgp"));
        QCOMPARE(v.good, good);
        QCOMPARE(v.allowed, allowed);
        QCOMPARE(v.signer, signer);
        QCOMPARE(v.key, key);
        if (detailHas.isEmpty())
            QVERIFY2(v.detail.isEmpty(), qPrintable(v.detail));
        else
            QVERIFY2(v.detail.contains(detailHas), qPrintable(v.detail));
    }

    void sshFingerprint_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("fingerprint");
        QTest::newRow("verify") << QByteArray("Good \"git\" signature for ann@x with ED25519 key SHA256:Ab+c/9=\n")
                                << QStringLiteral("SHA256:Ab+c/9=");
        QTest::newRow("check-novalidate")
            << QByteArray("Good \"git\" signature with RSA key SHA256:zz09\n") << QStringLiteral("SHA256:zz09");
        QTest::newRow("none") << QByteArray("Could not verify signature.\n") << QString();
    }

    void sshFingerprint()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, fingerprint);
        QCOMPARE(sshKeyFingerprint(output), fingerprint);
    }

    void summaryNamesSignerAndVerdict()
    {
        SignatureVerdict v {QStringLiteral("ssh"), true, QStringLiteral("ann@x"), QStringLiteral("SHA256:a"), true, {}, {}};
        QCOMPARE(v.summary(), QStringLiteral("ssh signature by ann@x (SHA256:a), an allowed signer"));
        v.allowed = false;
        v.signer.clear();
        v.detail = QStringLiteral("no principal in allowed_signers");
        QCOMPARE(v.summary(),
            QStringLiteral("ssh signature by an unknown signer (SHA256:a), NOT an allowed signer (no principal in allowed_signers)"));
    }
};

QTEST_GUILESS_MAIN(TestTagSignature)
#include "tst_tag_signature.moc"
