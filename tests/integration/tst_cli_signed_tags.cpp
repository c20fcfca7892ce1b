// Signed tags end to end (issue 17 item 4): `tag create --sign` with an SSH key and with a GPG
// key, each checked by the real `git tag -v` and by `tag verify`; a tag signed by a key that is
// not an allowed signer is reported as such; tags.signing: required refuses an unsigned tag and a
// missing key; a bad key is a clear error. Throwaway keys: ssh-keygen and gpg --quick-gen-key
// without passphrase in this test's own GNUPGHOME.
#include "support/cli_runner.h"
#include "support/scratch_repo.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Ran {
    int exitCode = -1;
    QString out, err;
};

Ran runProgram(const QString &program, const QStringList &args, const QString &dir = {})
{
    QProcess p;
    if (!dir.isEmpty())
        p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace

class TestCliSignedTags : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_gnupg;
    std::unique_ptr<ScratchRepo> m_repo;

    CliRun cockpit(QStringList args)
    {
        args << QStringLiteral("--workspace") << m_repo->dir() << QStringLiteral("--db")
             << m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
        return runCockpit(args, m_tmp.filePath(QStringLiteral("xdg")));
    }
    void config(const QString &key, const QString &value)
    {
        m_repo->git({QStringLiteral("config"), key, value});
    }
    QString key(const QString &name) const { return m_tmp.filePath(QStringLiteral("keys/") + name); }
    Ran gitTagV(const QString &tag)
    {
        return runProgram(QStringLiteral("git"), {QStringLiteral("tag"), QStringLiteral("-v"), tag}, m_repo->dir());
    }
    bool tagExists(const QString &tag)
    {
        return !m_repo->git({QStringLiteral("tag"), QStringLiteral("--list"), tag}).isEmpty();
    }
    void setSigningPolicy(const QByteArray &mode)
    {
        QFile policy(m_repo->dir() + QStringLiteral("/.release-cockpit/policy.yml"));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        QByteArray yaml = policy.readAll();
        policy.close();
        const qsizetype at = yaml.indexOf("\ntags:\n");
        if (at >= 0)
            yaml.truncate(at + 1);
        if (!yaml.endsWith('\n'))
            yaml += '\n';
        yaml += "tags:\n  signing: " + mode + "\n";
        QVERIFY(policy.open(QIODevice::WriteOnly | QIODevice::Truncate));
        policy.write(yaml);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_gnupg = m_tmp.filePath(QStringLiteral("gnupg"));
        QVERIFY(QDir().mkpath(m_gnupg));
        QFile::setPermissions(m_gnupg, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("GNUPGHOME", m_gnupg.toLocal8Bit());  // gpg, git and the cockpit all use this keyring
        QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("keys"))));
        for (const QString &who : {QStringLiteral("alice"), QStringLiteral("mallory")}) {
            const Ran gen = runProgram(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                    QStringLiteral("-C"), who, QStringLiteral("-f"), key(who)});
            QVERIFY2(gen.exitCode == 0, qPrintable(gen.err));
        }
        QFile pub(key(QStringLiteral("alice.pub")));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QFile allowed(key(QStringLiteral("allowed_signers")));
        QVERIFY(allowed.open(QIODevice::WriteOnly));
        allowed.write("alice@example.com " + pub.readAll());
        allowed.close();
        const Ran gpg = runProgram(QStringLiteral("gpg"),
            {QStringLiteral("--batch"), QStringLiteral("--pinentry-mode"), QStringLiteral("loopback"), QStringLiteral("--passphrase"), QString(), QStringLiteral("--quick-gen-key"),
                QStringLiteral("Gina Signer <gina@example.com>"), QStringLiteral("ed25519"), QStringLiteral("sign"),
                QStringLiteral("never")});
        QVERIFY2(gpg.exitCode == 0, qPrintable(gpg.err));

        m_repo = std::make_unique<ScratchRepo>(m_tmp.filePath(QStringLiteral("ws")));
        m_repo->commit(QStringLiteral("feat: first"));
        m_repo->annotatedTag(QStringLiteral("v1.0.0"), QStringLiteral("Release v1.0.0"));
        const CliRun init = cockpit({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("gated-ga")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        m_repo->git({QStringLiteral("add"), QStringLiteral(".release-cockpit")});
        m_repo->commit(QStringLiteral("chore: cockpit workspace"));
        config(QStringLiteral("user.name"), QStringLiteral("Ann Tagger"));
        config(QStringLiteral("user.email"), QStringLiteral("alice@example.com"));
        config(QStringLiteral("gpg.ssh.allowedSignersFile"), key(QStringLiteral("allowed_signers")));
        QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
    }

    void cleanupTestCase()
    {
        // The gpg-agent this test's keyring started.
        runProgram(QStringLiteral("gpgconf"), {QStringLiteral("--kill"), QStringLiteral("gpg-agent")});
    }

    void sshSignedTagVerifiesWithGitAndTheCockpit()
    {
        config(QStringLiteral("gpg.format"), QStringLiteral("ssh"));
        config(QStringLiteral("user.signingkey"), key(QStringLiteral("alice")));
        CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.1.0-rc1"),
            QStringLiteral("--sign"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.json().value(QStringLiteral("signed")).toBool());
        QCOMPARE(run.json().value(QStringLiteral("signing_format")).toString(), QStringLiteral("ssh"));
        // git's own verification of the object the cockpit wrote.
        const Ran v = gitTagV(QStringLiteral("v1.1.0-rc1"));
        QVERIFY2(v.exitCode == 0, qPrintable(v.out + v.err));
        QVERIFY2(v.err.contains(QLatin1String("Good \"git\" signature for alice@example.com")), qPrintable(v.err));
        QVERIFY2(v.out.contains(QLatin1String("tag v1.1.0-rc1")), qPrintable(v.out));

        run = cockpit({QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("1.1.0-rc1"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QJsonObject sig = run.json().value(QStringLiteral("signature")).toObject();
        QCOMPARE(sig.value(QStringLiteral("format")).toString(), QStringLiteral("ssh"));
        QVERIFY(sig.value(QStringLiteral("good")).toBool());
        QCOMPARE(sig.value(QStringLiteral("signer")).toString(), QStringLiteral("alice@example.com"));
        QVERIFY(sig.value(QStringLiteral("allowed")).toBool());
        QVERIFY(sig.value(QStringLiteral("key")).toString().startsWith(QLatin1String("SHA256:")));
        run = cockpit({QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("1.1.0-rc1")});
        QVERIFY2(run.out.contains(QLatin1String("ssh signature by alice@example.com")), qPrintable(run.out));
    }

    void gpgSignedTagVerifiesWithGitAndTheCockpit()
    {
        config(QStringLiteral("gpg.format"), QStringLiteral("openpgp"));
        config(QStringLiteral("user.signingkey"), QStringLiteral("gina@example.com"));
        CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.1.0-rc2"),
            QStringLiteral("--sign"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().value(QStringLiteral("signing_format")).toString(), QStringLiteral("openpgp"));
        const Ran v = gitTagV(QStringLiteral("v1.1.0-rc2"));
        QVERIFY2(v.exitCode == 0, qPrintable(v.out + v.err));
        QVERIFY2(v.err.contains(QLatin1String("Good signature from \"Gina Signer <gina@example.com>\"")), qPrintable(v.err));

        run = cockpit({QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("1.1.0-rc2"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QJsonObject sig = run.json().value(QStringLiteral("signature")).toObject();
        QCOMPARE(sig.value(QStringLiteral("format")).toString(), QStringLiteral("openpgp"));
        QVERIFY(sig.value(QStringLiteral("good")).toBool());
        QCOMPARE(sig.value(QStringLiteral("signer")).toString(), QStringLiteral("Gina Signer <gina@example.com>"));
        QCOMPARE(sig.value(QStringLiteral("trust")).toString(), QStringLiteral("ultimate"));
        QVERIFY(sig.value(QStringLiteral("allowed")).toBool());
        QCOMPARE(sig.value(QStringLiteral("key")).toString().size(), 40);  // the full fingerprint
    }

    void aSignerNotAllowedIsReportedAsSuch()
    {
        config(QStringLiteral("gpg.format"), QStringLiteral("ssh"));
        config(QStringLiteral("user.signingkey"), key(QStringLiteral("mallory")));
        CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.1.0-rc3"),
            QStringLiteral("--sign")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(gitTagV(QStringLiteral("v1.1.0-rc3")).exitCode != 0);  // git agrees: no principal has the key
        // Optional signing: verified, with the signer said to be not allowed.
        run = cockpit({QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("1.1.0-rc3"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QJsonObject sig = run.json().value(QStringLiteral("signature")).toObject();
        QVERIFY(sig.value(QStringLiteral("good")).toBool());
        QVERIFY(!sig.value(QStringLiteral("allowed")).toBool());
        QVERIFY2(sig.value(QStringLiteral("detail")).toString().contains(QLatin1String("not in")), qPrintable(run.out));
        QVERIFY2(run.json().value(QStringLiteral("notes")).toArray().at(0).toString().contains(
                     QLatin1String("not an allowed signer")),
            qPrintable(run.out));
        // Required signing: a signer not allowed fails the verification.
        setSigningPolicy("required");
        run = cockpit({QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("1.1.0-rc3")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QLatin1String("FAIL v1.1.0-rc3"))
                && run.out.contains(QLatin1String("is not an allowed signer")),
            qPrintable(run.out));
        setSigningPolicy("optional");
    }

    void requiredSigningRefusesAnUnsignedTag()
    {
        setSigningPolicy("required");
        config(QStringLiteral("user.signingkey"), key(QStringLiteral("alice")));
        CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.1.0-rc4"),
            QStringLiteral("--no-sign")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("requires signed tags (tags.signing: required)")), qPrintable(run.err));
        QVERIFY(!tagExists(QStringLiteral("v1.1.0-rc4")));
        // With no key configured, the default (sign) is refused with what to set.
        m_repo->git({QStringLiteral("config"), QStringLiteral("--unset"), QStringLiteral("user.signingkey")});
        run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.1.0-rc4")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("requires signed tags")) && run.err.contains(QLatin1String("user.signingkey")),
            qPrintable(run.err));
        QVERIFY(!tagExists(QStringLiteral("v1.1.0-rc4")));
        // An unsigned tag (made by git, not the cockpit) does not verify.
        run = cockpit({QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("1.0.0")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QLatin1String("is not signed")), qPrintable(run.out));
        // With the key back, the default signs.
        config(QStringLiteral("user.signingkey"), key(QStringLiteral("alice")));
        run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.1.0-rc4"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.json().value(QStringLiteral("signed")).toBool());
        QCOMPARE(gitTagV(QStringLiteral("v1.1.0-rc4")).exitCode, 0);
        setSigningPolicy("optional");
    }

    void aBadOrMissingKeyIsAClearError()
    {
        config(QStringLiteral("gpg.format"), QStringLiteral("ssh"));
        config(QStringLiteral("user.signingkey"), key(QStringLiteral("nobody")));
        CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.1.0-rc5"),
            QStringLiteral("--sign")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("the SSH signing key %1 (user.signingkey) does not exist").arg(key(QStringLiteral("nobody")))),
            qPrintable(run.err));
        // A file that is no key: ssh-keygen's refusal, named.
        config(QStringLiteral("user.signingkey"), key(QStringLiteral("allowed_signers")));
        run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.1.0-rc5"), QStringLiteral("--sign")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("could not sign with")), qPrintable(run.err));
        config(QStringLiteral("gpg.format"), QStringLiteral("openpgp"));
        config(QStringLiteral("user.signingkey"), QStringLiteral("nobody@example.com"));
        run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.1.0-rc5"), QStringLiteral("--sign")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("no OpenPGP secret key for 'nobody@example.com'")), qPrintable(run.err));
        QVERIFY(!tagExists(QStringLiteral("v1.1.0-rc5")));
        // Off: asking to sign is refused.
        setSigningPolicy("off");
        run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.1.0-rc5"), QStringLiteral("--sign")});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains(QLatin1String("tags.signing: off")), qPrintable(run.err));
        setSigningPolicy("optional");
    }

    // The policy's signoff.allowed_signers (the team's list) is checked before git's
    // gpg.ssh.allowedSignersFile: the same key, under the principal the policy gives it.
    void thePolicysAllowedSignersComeFirst()
    {
        QFile pub(key(QStringLiteral("alice.pub")));
        QVERIFY(pub.open(QIODevice::ReadOnly));
        QFile team(m_repo->dir() + QStringLiteral("/.release-cockpit/allowed_signers"));
        QVERIFY(team.open(QIODevice::WriteOnly));
        team.write("release-team@example.com " + pub.readAll());
        team.close();
        QFile policy(m_repo->dir() + QStringLiteral("/.release-cockpit/policy.yml"));
        QVERIFY(policy.open(QIODevice::Append));
        policy.write("signoff:\n  allowed_signers: .release-cockpit/allowed_signers\n");
        policy.close();
        const CliRun run = cockpit(
            {QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("1.1.0-rc1"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QJsonObject sig = run.json().value(QStringLiteral("signature")).toObject();
        QCOMPARE(sig.value(QStringLiteral("signer")).toString(), QStringLiteral("release-team@example.com"));
        QVERIFY(sig.value(QStringLiteral("allowed")).toBool());
    }
};

QTEST_GUILESS_MAIN(TestCliSignedTags)
#include "tst_cli_signed_tags.moc"
