#include "git_signing.h"

#include "git_service.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryFile>

namespace cockpit {
namespace {

constexpr int kTimeoutMs = 60000;  // a passphrase typed into pinentry takes a while

struct Ran {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Result<Ran> run(const QString &program, const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(kTimeoutMs))
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot run %1: %2").arg(program, p.errorString()));
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(kTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        return fail(ErrorCode::Unavailable,
            QStringLiteral("%1 did not finish within %2 s (waiting for a passphrase? unlock the key in "
                           "gpg-agent or ssh-agent first)")
                .arg(program)
                .arg(kTimeoutMs / 1000));
    }
    if (p.exitStatus() != QProcess::NormalExit)
        return fail(ErrorCode::Failed, QStringLiteral("%1 crashed").arg(program));
    return Ran {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString expandHome(QString path)
{
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    return path;
}

// user.signingkey for SSH may be the public key itself ("key::ssh-ed25519 AAAA..." or
// "ssh-ed25519 AAAA..."): ssh-keygen then signs with the agent's private half.
bool isLiteralSshKey(const QString &key)
{
    return key.startsWith(QLatin1String("key::")) || key.startsWith(QLatin1String("ssh-"))
        || key.startsWith(QLatin1String("ecdsa-")) || key.startsWith(QLatin1String("sk-"));
}

// A private temporary file holding bytes, kept while the object lives.
Result<std::unique_ptr<QTemporaryFile>> tempFileWith(const QByteArray &bytes)
{
    auto file = std::make_unique<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/cockpit-tag-XXXXXX"));
    if (!file->open() || file->write(bytes) != bytes.size() || !file->flush())
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot write a temporary file: %1").arg(file->errorString()));
    return file;
}

QString firstLine(const QByteArray &text)
{
    const QString s = QString::fromUtf8(text).trimmed();
    return s.section(QLatin1Char('\n'), 0, 0).trimmed();
}

}  // namespace

Result<SigningSetup> readSigningSetup(const GitService &git)
{
    const auto value = [&git](const char *key) { return git.configValue(QString::fromLatin1(key)).value_or(QString()); };
    SigningSetup setup;
    setup.format = value("gpg.format").trimmed().toLower();
    if (setup.format.isEmpty())
        setup.format = QString::fromLatin1(kOpenPgp);
    if (setup.format == QLatin1String(kX509))
        return fail(ErrorCode::BadInput,
            QStringLiteral("gpg.format is x509: the cockpit signs tags with openpgp or ssh only (sign with "
                           "`git tag -s` instead)"));
    if (setup.format != QLatin1String(kOpenPgp) && setup.format != QLatin1String(kSsh))
        return fail(ErrorCode::BadInput, QStringLiteral("gpg.format '%1' is not openpgp or ssh").arg(setup.format));
    setup.key = value("user.signingkey").trimmed();
    if (setup.format == QLatin1String(kSsh)) {
        if (!isLiteralSshKey(setup.key))
            setup.key = expandHome(setup.key);
        setup.program = value("gpg.ssh.program");
        if (setup.program.isEmpty())
            setup.program = QStringLiteral("ssh-keygen");
    } else {
        setup.program = value("gpg.openpgp.program");
        if (setup.program.isEmpty())
            setup.program = value("gpg.program");
        if (setup.program.isEmpty())
            setup.program = QStringLiteral("gpg");
    }
    setup.program = expandHome(setup.program);
    setup.allowedSignersFile = expandHome(value("gpg.ssh.allowedSignersFile"));
    setup.minTrust = value("gpg.minTrustLevel");
    return setup;
}

Status checkSigningKey(const SigningSetup &setup, const QString &fallbackKey)
{
    if (setup.format == QLatin1String(kSsh)) {
        if (setup.key.isEmpty())
            return fail(ErrorCode::Refused,
                QStringLiteral("no SSH signing key: gpg.format is ssh but user.signingkey is not set (git config "
                               "user.signingkey ~/.ssh/id_ed25519)"));
        if (!isLiteralSshKey(setup.key) && !QFileInfo::exists(setup.key))
            return fail(ErrorCode::NotFound,
                QStringLiteral("the SSH signing key %1 (user.signingkey) does not exist").arg(setup.key),
                SourceLocation {setup.key});
        return {};
    }
    const QString key = setup.key.isEmpty() ? fallbackKey : setup.key;
    if (key.isEmpty())
        return fail(ErrorCode::Refused,
            QStringLiteral("no OpenPGP signing key: set user.signingkey (git config user.signingkey KEYID)"));
    auto listed = run(setup.program, {QStringLiteral("--batch"), QStringLiteral("--list-secret-keys"), key}, {});
    if (!listed)
        return std::unexpected(listed.error());
    if (listed->exitCode != 0)
        return fail(ErrorCode::NotFound,
            QStringLiteral("no OpenPGP secret key for '%1' in the keyring (%2)%3")
                .arg(key, firstLine(listed->err),
                    setup.key.isEmpty() ? QStringLiteral("; user.signingkey is not set, so the tagger's e-mail was tried")
                                        : QString()));
    return {};
}

Result<QByteArray> signPayload(const SigningSetup &setup, const QByteArray &payload, const QString &fallbackKey)
{
    if (auto ok = checkSigningKey(setup, fallbackKey); !ok)
        return std::unexpected(ok.error());
    if (setup.format == QLatin1String(kSsh)) {
        std::unique_ptr<QTemporaryFile> literal;
        QString keyFile = setup.key;
        QStringList args {QStringLiteral("-Y"), QStringLiteral("sign"), QStringLiteral("-n"), QStringLiteral("git")};
        if (isLiteralSshKey(setup.key)) {
            const QString pub = setup.key.startsWith(QLatin1String("key::")) ? setup.key.mid(5) : setup.key;
            auto file = tempFileWith(pub.toUtf8() + '\n');
            if (!file)
                return std::unexpected(file.error());
            literal = std::move(*file);
            keyFile = literal->fileName();
            args << QStringLiteral("-U");
        }
        args << QStringLiteral("-f") << keyFile;
        auto ran = run(setup.program, args, payload);
        if (!ran)
            return std::unexpected(ran.error());
        if (ran->exitCode != 0 || !ran->out.startsWith("-----BEGIN SSH SIGNATURE-----"))
            return fail(ErrorCode::Failed,
                QStringLiteral("%1 could not sign with %2: %3")
                    .arg(setup.program, setup.key, firstLine(ran->err.isEmpty() ? ran->out : ran->err)),
                SourceLocation {setup.key});
        return ran->out;
    }
    const QString key = setup.key.isEmpty() ? fallbackKey : setup.key;
    // git's own call: gpg --status-fd=2 -bsau KEY, the payload on stdin.
    auto ran = run(setup.program, {QStringLiteral("--status-fd=2"), QStringLiteral("-bsau"), key}, payload);
    if (!ran)
        return std::unexpected(ran.error());
    if (ran->exitCode != 0 || !ran->err.contains("[GNUPG:] SIG_CREATED ")
        || !ran->out.startsWith("-----BEGIN PGP SIGNATURE-----")) {
        QString why;
        for (const QByteArray &line : ran->err.split('\n'))
            if (!line.startsWith("[GNUPG:]") && !line.trimmed().isEmpty())
                why = QString::fromUtf8(line).trimmed();
        return fail(ErrorCode::Failed, QStringLiteral("%1 could not sign with key %2: %3").arg(setup.program, key, why));
    }
    return ran->out;
}

Result<SignatureVerdict> verifySignedText(
    const SigningSetup &setup, const SignedText &text, const QString &allowedSigners)
{
    auto sigFile = tempFileWith(text.signature);
    if (!sigFile)
        return std::unexpected(sigFile.error());
    const QString sig = (*sigFile)->fileName();
    if (text.format == QLatin1String(kSsh)) {
        const QString program = setup.format == QLatin1String(kSsh) ? setup.program : QStringLiteral("ssh-keygen");
        SignatureVerdict v;
        v.format = QString::fromLatin1(kSsh);
        if (!allowedSigners.isEmpty() && QFileInfo::exists(allowedSigners)) {
            auto found = run(program,
                {QStringLiteral("-Y"), QStringLiteral("find-principals"), QStringLiteral("-f"), allowedSigners,
                    QStringLiteral("-s"), sig},
                {});
            if (!found)
                return std::unexpected(found.error());
            const QString principal = found->exitCode == 0 ? firstLine(found->out) : QString();
            if (!principal.isEmpty()) {
                auto verified = run(program,
                    {QStringLiteral("-Y"), QStringLiteral("verify"), QStringLiteral("-f"), allowedSigners,
                        QStringLiteral("-I"), principal, QStringLiteral("-n"), QStringLiteral("git"),
                        QStringLiteral("-s"), sig},
                    text.payload);
                if (!verified)
                    return std::unexpected(verified.error());
                v.signer = principal;
                v.key = sshKeyFingerprint(verified->out + verified->err);
                v.good = verified->exitCode == 0;
                v.allowed = v.good;
                if (!v.good)
                    v.detail = QStringLiteral("ssh-keygen: %1")
                                   .arg(firstLine(verified->err.isEmpty() ? verified->out : verified->err));
                return v;
            }
        }
        // No principal has this key (or no allowed-signers file): is it a good signature at all?
        auto checked = run(program,
            {QStringLiteral("-Y"), QStringLiteral("check-novalidate"), QStringLiteral("-n"), QStringLiteral("git"),
                QStringLiteral("-s"), sig},
            text.payload);
        if (!checked)
            return std::unexpected(checked.error());
        v.good = checked->exitCode == 0;
        v.key = sshKeyFingerprint(checked->out + checked->err);
        if (!v.good)
            v.detail = QStringLiteral("ssh-keygen: %1").arg(firstLine(checked->err.isEmpty() ? checked->out : checked->err));
        else if (allowedSigners.isEmpty())
            v.detail = QStringLiteral("no allowed-signers file to check the key against (policy signoff.allowed_signers "
                                      "or git config gpg.ssh.allowedSignersFile)");
        else if (!QFileInfo::exists(allowedSigners))
            v.detail = QStringLiteral("the allowed-signers file %1 does not exist").arg(allowedSigners);
        else
            v.detail = QStringLiteral("the key is not in %1").arg(allowedSigners);
        return v;
    }
    if (text.format == QLatin1String(kOpenPgp)) {
        const QString program = setup.format == QLatin1String(kOpenPgp) ? setup.program : QStringLiteral("gpg");
        // git's own call: gpg --keyid-format=long --status-fd=1 --verify SIGFILE -
        auto ran = run(program,
            {QStringLiteral("--keyid-format=long"), QStringLiteral("--status-fd=1"), QStringLiteral("--verify"), sig,
                QStringLiteral("-")},
            text.payload);
        if (!ran)
            return std::unexpected(ran.error());
        return parseGpgStatus(ran->out, setup.minTrust);
    }
    SignatureVerdict v;
    v.format = text.format;
    v.detail = QStringLiteral("%1 signatures are not checked by the cockpit (use git tag -v)").arg(text.format);
    return v;
}

}  // namespace cockpit
