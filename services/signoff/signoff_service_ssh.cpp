// SignoffService: SSH signatures over a sign-off's digest, as git signs commits with SSH keys.
// ssh-keygen runs with an argv list (never a shell) and the digest on standard input.
#include "git_service.h"
#include "signoff_service.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryFile>

namespace cockpit {

namespace {

const QString kNamespace = QStringLiteral("release-cockpit");
constexpr int kTimeoutMs = 30000;

struct ProcessResult {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Result<ProcessResult> runSshKeygen(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(QStringLiteral("ssh-keygen"), args);
    if (!p.waitForStarted(kTimeoutMs))
        return fail(ErrorCode::Unavailable,
            QStringLiteral("cannot run ssh-keygen (is openssh-client installed?): %1").arg(p.errorString()));
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(kTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        return fail(ErrorCode::Unavailable,
            QStringLiteral("ssh-keygen did not finish (a passphrase prompt? use "
                           "ssh-agent)"));
    }
    if (p.exitStatus() != QProcess::NormalExit)
        return fail(ErrorCode::Failed, QStringLiteral("ssh-keygen crashed"));
    return ProcessResult {
        p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError()).trimmed()};
}

}  // namespace

Result<QString> SignoffService::sshSign(const QString &keyFile, const QString &digest)
{
    if (!QFileInfo::exists(keyFile))
        return fail(ErrorCode::NotFound, QStringLiteral("SSH key %1 does not exist").arg(keyFile),
            SourceLocation {keyFile});
    auto run = runSshKeygen({QStringLiteral("-q"), QStringLiteral("-Y"), QStringLiteral("sign"),
                                QStringLiteral("-f"), keyFile, QStringLiteral("-n"), kNamespace},
        digest.toLatin1());
    if (!run)
        return std::unexpected(run.error());
    if (run->exitCode != 0 || !run->out.contains("BEGIN SSH SIGNATURE"))
        return fail(ErrorCode::Failed,
            QStringLiteral("ssh-keygen could not sign with %1: %2").arg(keyFile, run->err),
            SourceLocation {keyFile});
    return QString::fromLatin1(run->out);
}

Status SignoffService::sshVerify(
    const QString &allowedSigners, const QString &signer, const QString &signature, const QString &digest)
{
    if (!QFileInfo::exists(allowedSigners))
        return fail(ErrorCode::NotFound,
            QStringLiteral("the allowed-signers file %1 does not exist (signoff.allowed_signers)")
                .arg(allowedSigners),
            SourceLocation {allowedSigners});
    QTemporaryFile sig(QDir::tempPath() + QStringLiteral("/cockpit-signoff-XXXXXX.sig"));
    if (!sig.open() || sig.write(signature.toLatin1()) != signature.toLatin1().size() || !sig.flush())
        return fail(ErrorCode::Unavailable,
            QStringLiteral("cannot write a temporary file: %1").arg(sig.errorString()));
    auto run = runSshKeygen({QStringLiteral("-Y"), QStringLiteral("verify"), QStringLiteral("-f"),
                                allowedSigners, QStringLiteral("-I"), signer, QStringLiteral("-n"),
                                kNamespace, QStringLiteral("-s"), sig.fileName()},
        digest.toLatin1());
    if (!run)
        return std::unexpected(run.error());
    if (run->exitCode != 0)
        return fail(ErrorCode::Failed,
            QStringLiteral("the SSH signature of %1 does not verify against %2: %3")
                .arg(signer, allowedSigners,
                    run->err.isEmpty() ? QString::fromUtf8(run->out).trimmed() : run->err),
            SourceLocation {allowedSigners});
    return {};
}

QString SignoffService::defaultSshKey(const QString &repositoryDir)
{
    if (auto repo = GitService::open(repositoryDir)) {
        QString key = repo->configValue(QStringLiteral("user.signingkey")).value_or(QString());
        if (key.startsWith(QStringLiteral("~/")))
            key = QDir::homePath() + key.mid(1);
        if (!key.isEmpty() && QFileInfo::exists(key))
            return key;
    }
    const QString fallback = QDir::homePath() + QStringLiteral("/.ssh/id_ed25519");
    return QFileInfo::exists(fallback) ? fallback : QString();
}

}  // namespace cockpit
