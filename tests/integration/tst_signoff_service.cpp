// SignoffService on a real git repository and a real SQLite store: a sign-off turns stale after a
// new commit on the release branch, a changelog edit and a checklist change; self-approval is
// refused; a changed digest during review is a conflict; SSH signatures made by ssh-keygen with
// a key generated here verify against the policy's allowed-signers file.
#include "git_service.h"
#include "release_service.h"
#include "signoff_service.h"
#include "support/store_test_support.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using cockpit::test::why;

namespace {

const QByteArray kPolicy = "project: T\n"
                           "changelog: {path: CHANGELOG.md}\n"
                           "roles:\n"
                           "  release_manager: [rm@x]\n"
                           "  lead: [lead@x, rm@x]\n"
                           "  security: [sec@x]\n"
                           "release_types:\n"
                           "  minor:\n"
                           "    approvals:\n"
                           "      - {role: lead, count: 1}\n"
                           "      - {role: security, count: 1, condition: changelog has Security}\n"
                           "    checklists: [pre]\n"
                           "signoff: {allowed_signers: .release-cockpit/allowed_signers}\n";
const QByteArray kChangelog
    = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- a bug\n\n## [1.0.0] - 2026-01-01\n\n"
      "### Added\n\n- everything\n";

const Identity kLead {QStringLiteral("lead@x"), QStringLiteral("Lead")};
const Identity kManager {QStringLiteral("rm@x"), QStringLiteral("Manager")};
const GitSignature kAuthor {QStringLiteral("Dev"), QStringLiteral("dev@x"), {}};

bool runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

}  // namespace

class TstSignoffService : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_repo;
    std::unique_ptr<Store> m_store;
    std::optional<Workspace> m_ws;
    const QString m_version = QStringLiteral("1.1.0");

    SignoffView view()
    {
        auto future = SignoffService(m_store.get(), *m_ws, kLead).view(m_version);
        [&] { COCKPIT_AWAIT(future); }();
        auto v = future.result();
        if (!v)
            qWarning() << v.error().toString();
        return v.value_or(SignoffView {});
    }

    Result<Signoff> sign(const Identity &who, SignoffDecision d, const QString &role = QStringLiteral("lead"),
        const QString &expected = {}, const QString &key = {}, const QString &reason = {})
    {
        return SignoffService::record(
            m_store.get(), *m_ws, who, SignRequest {m_version, role, d, reason, expected, key});
    }

    void writeFile(const QString &relative, const QByteArray &content)
    {
        QFile f(QDir(m_repo).filePath(relative));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

private slots:
    void initTestCase();
    void approvedThenStaleAfterNewCommit();
    void staleAfterChangelogEdit();
    void staleAfterChecklistChange();
    void selfApprovalRefused();
    void changedDuringReviewIsConflict();
    void rejectionBlocksUntilWithdrawn();
    void recordedInTheAuditLog();
    void sshSignatureVerifies();
};

void TstSignoffService::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_repo = m_dir.filePath(QStringLiteral("repo"));
    auto repo = GitService::init(m_repo);
    QVERIFY2(repo.has_value(), why(repo).constData());
    auto first = repo->commitFiles({{QStringLiteral("CHANGELOG.md"), kChangelog},
                                       {QStringLiteral(".release-cockpit/policy.yml"), kPolicy},
                                       {QStringLiteral(".release-cockpit/checklists/pre.md"),
                                           "# Pre\n\n- [ ] Tests green\n- [ ] Notes written\n"}},
        QStringLiteral("initial\n"), kAuthor);
    QVERIFY2(first.has_value(), why(first).constData());
    auto ws = Workspace::load(m_repo);
    QVERIFY2(ws.has_value(), why(ws).constData());
    m_ws = *ws;
    m_store = std::make_unique<Store>();
    auto opened = m_store->open(m_dir.filePath(QStringLiteral("cockpit.sqlite")));
    COCKPIT_AWAIT(opened);
    QVERIFY2(opened.result().has_value(), why(opened.result()).constData());
    // Not pinned: the release follows main, so a new commit is a new candidate.
    auto created = ReleaseService(m_store.get(), *m_ws, kManager)
                       .createRelease({m_version, {}, QStringLiteral("minor"), {}});
    COCKPIT_AWAIT(created);
    QVERIFY2(created.result().has_value(), why(created.result()).constData());
    QVERIFY(!created.result()->commitPinned);
}

void TstSignoffService::approvedThenStaleAfterNewCommit()
{
    const SignoffView before = view();
    QCOMPARE(before.changelogHeading, QStringLiteral("## [Unreleased]"));
    QCOMPARE(before.changelogSection, QByteArray("\n### Fixed\n\n- a bug\n"));
    QCOMPARE(before.approvals.blockers, QStringList {QStringLiteral("missing approval: lead (0 of 1)")});
    auto signed_ = sign(kLead, SignoffDecision::Approve, QStringLiteral("lead"), before.digest);
    QVERIFY2(signed_.has_value(), why(signed_).constData());
    QCOMPARE(signed_->digest, before.digest);
    const SignoffView approved = view();
    QCOMPARE(approved.digest, before.digest);
    QVERIFY2(approved.approvals.approved(), qPrintable(approved.approvals.blockers.join(u'\n')));

    auto repo = GitService::open(m_repo);
    QVERIFY(repo.has_value());
    auto sha = repo->commitFiles(
        {{QStringLiteral("src/a.txt"), "change\n"}}, QStringLiteral("fix: more\n"), kAuthor);
    QVERIFY(sha.has_value());
    const SignoffView after = view();
    QCOMPARE(after.commit, *sha);
    QVERIFY(after.digest != before.digest);
    QVERIFY(!after.approvals.approved());
    const RoleApproval *lead = after.approvals.role(QStringLiteral("lead"));
    QVERIFY(lead && lead->signoffs.size() == 1);
    QVERIFY(lead->signoffs.first().stale());
    QVERIFY2(after.approvals.blockers.last().startsWith(QLatin1String("stale approval: lead by lead@x")),
        qPrintable(after.approvals.blockers.join(u'\n')));
}

void TstSignoffService::staleAfterChangelogEdit()
{
    QVERIFY(sign(kLead, SignoffDecision::Approve).has_value());
    QVERIFY(view().approvals.approved());
    QByteArray edited = kChangelog;
    edited.replace("- a bug\n", "- a bug\n\n### Security\n\n- a CVE\n");
    writeFile(QStringLiteral("CHANGELOG.md"), edited);
    const SignoffView after = view();
    QVERIFY(after.approvals.role(QStringLiteral("lead"))->signoffs.first().stale());
    // The Security section makes the security role required.
    QVERIFY(after.approvals.blockers.contains(QStringLiteral("missing approval: security (0 of 1)")));
    writeFile(QStringLiteral("CHANGELOG.md"), kChangelog);
}

void TstSignoffService::staleAfterChecklistChange()
{
    QVERIFY(sign(kLead, SignoffDecision::Approve).has_value());
    QVERIFY(view().approvals.approved());
    auto ticked = ReleaseService(m_store.get(), *m_ws, kManager)
                      .setItem(m_version, QStringLiteral("pre.1"), ItemState::Done);
    COCKPIT_AWAIT(ticked);
    QVERIFY(ticked.result().has_value());
    const SignoffView after = view();
    QVERIFY(after.approvals.role(QStringLiteral("lead"))->signoffs.first().stale());
    QVERIFY(!after.approvals.approved());
    // A note is not what is approved: it does not make the new approval stale.
    QVERIFY(sign(kLead, SignoffDecision::Approve).has_value());
    auto noted
        = ReleaseService(m_store.get(), *m_ws, kManager)
              .setItem(m_version, QStringLiteral("pre.1"), ItemState::Done, QStringLiteral("see CI run 7"));
    COCKPIT_AWAIT(noted);
    QVERIFY(view().approvals.approved());
}

void TstSignoffService::selfApprovalRefused()
{
    auto refused = sign(kManager, SignoffDecision::Approve);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("self-approval")),
        qPrintable(refused.error().message));
    auto unknown = sign(kLead, SignoffDecision::Approve, QStringLiteral("cto"));
    QVERIFY(!unknown);
    QCOMPARE(exitCodeFor(unknown.error().code), 65);
}

void TstSignoffService::changedDuringReviewIsConflict()
{
    auto conflict = sign(kLead, SignoffDecision::Approve, QStringLiteral("lead"), QString(64, u'0'));
    QVERIFY(!conflict);
    QCOMPARE(conflict.error().code, ErrorCode::Conflict);
}

void TstSignoffService::rejectionBlocksUntilWithdrawn()
{
    const Identity sec {QStringLiteral("sec@x"), QStringLiteral("Sec")};
    auto rejected
        = sign(sec, SignoffDecision::Reject, QStringLiteral("security"), {}, {}, QStringLiteral("CVE open"));
    QVERIFY2(rejected.has_value(), why(rejected).constData());
    QVERIFY(view().approvals.blockers.contains(QStringLiteral("rejected: security by sec@x: CVE open")));
    auto byOther = sign(kLead, SignoffDecision::Withdraw, QStringLiteral("security"));
    QVERIFY(!byOther);  // only its author withdraws a rejection
    QVERIFY(sign(sec, SignoffDecision::Withdraw, QStringLiteral("security")).has_value());
    QVERIFY(view().approvals.approved());
}

void TstSignoffService::recordedInTheAuditLog()
{
    auto log = m_store->auditLog(m_version);
    COCKPIT_AWAIT(log);
    QVERIFY(log.result().has_value());
    QStringList actions;
    // result() is a copy: iterating *result() would dangle (g++ 12 lacks C++23's P2718).
    const auto entries = log.result();
    for (const AuditEntry &e : *entries) {
        if (e.action.startsWith(QLatin1String("signoff.")))
            actions << e.action + u' ' + e.actor + u' ' + e.subject;
    }
    QVERIFY(actions.contains(QStringLiteral("signoff.approve lead@x lead")));
    QVERIFY(actions.contains(QStringLiteral("signoff.reject sec@x security")));
    QVERIFY(actions.contains(QStringLiteral("signoff.withdraw sec@x security")));
    auto verified = m_store->verifyAudit();
    COCKPIT_AWAIT(verified);
    QVERIFY(verified.result().has_value() && verified.result()->ok);
}

void TstSignoffService::sshSignatureVerifies()
{
    if (QStandardPaths::findExecutable(QStringLiteral("ssh-keygen")).isEmpty())
        QFAIL("ssh-keygen is missing: install openssh-client");
    const QString key = m_dir.filePath(QStringLiteral("id_lead"));
    QVERIFY(runTool(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
            QString(), QStringLiteral("-C"), QStringLiteral("lead@x"), QStringLiteral("-f"), key}));
    QFile pub(key + QStringLiteral(".pub"));
    QVERIFY(pub.open(QIODevice::ReadOnly));
    writeFile(QStringLiteral(".release-cockpit/allowed_signers"), "lead@x " + pub.readAll());

    auto signed_ = sign(kLead, SignoffDecision::Approve, QStringLiteral("lead"), {}, key);
    QVERIFY2(signed_.has_value(), why(signed_).constData());
    QVERIFY(signed_->signature.startsWith(QLatin1String("-----BEGIN SSH SIGNATURE-----")));
    const SignoffView v = view();
    QVERIFY(v.signatureValid.value(signed_->id));
    const QString allowed = QDir(m_repo).filePath(QStringLiteral(".release-cockpit/allowed_signers"));
    QVERIFY(
        SignoffService::sshVerify(allowed, QStringLiteral("lead@x"), signed_->signature, signed_->digest));
    // The signature covers this digest and this signer only.
    QVERIFY(
        !SignoffService::sshVerify(allowed, QStringLiteral("lead@x"), signed_->signature, QString(64, u'f')));
    QVERIFY(
        !SignoffService::sshVerify(allowed, QStringLiteral("sec@x"), signed_->signature, signed_->digest));
    // A key the allowed-signers file does not list is refused before anything is stored.
    const QString other = m_dir.filePath(QStringLiteral("id_other"));
    QVERIFY(runTool(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
            QString(), QStringLiteral("-f"), other}));
    QVERIFY(!sign(kLead, SignoffDecision::Approve, QStringLiteral("lead"), {}, other));
}

QTEST_MAIN(TstSignoffService)
#include "tst_signoff_service.moc"
