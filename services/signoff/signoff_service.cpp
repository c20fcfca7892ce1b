#include "signoff_service.h"
#include "readiness.h"

#include "changelog.h"
#include "git_service.h"
#include "release_service.h"
#include "signoff_digest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcSignoff, "cockpit.services.signoff")

namespace cockpit {

namespace {

void readChangelog(const Workspace &workspace, const QString &version, SignoffView &view)
{
    view.changelogPath = QDir(workspace.root).absoluteFilePath(workspace.policy.changelogPath);
    QFile file(view.changelogPath);
    if (!file.open(QIODevice::ReadOnly)) {
        view.notes << QStringLiteral("%1 cannot be read: %2")
                          .arg(workspace.policy.changelogPath, file.errorString());
        return;
    }
    const ChangelogSectionText section = SignoffService::changelogSection(file.readAll(), version);
    view.changelogHeading = section.heading;
    view.changelogSection = section.body;
    view.facts.changelogSections = section.sections;
    if (section.heading.isEmpty())
        view.notes << QStringLiteral("%1 has no section for %2 and no [Unreleased] section")
                          .arg(workspace.policy.changelogPath, version);
}

void verifySignatures(const Workspace &workspace, SignoffView &view)
{
    const QString allowed = workspace.policy.signoff.allowedSigners;
    if (allowed.isEmpty())
        return;
    const QString path = QDir(workspace.root).absoluteFilePath(allowed);
    for (const Signoff &s : std::as_const(view.signoffs)) {
        if (s.signature.isEmpty() || s.decision == SignoffDecision::Withdraw) {
            view.signatureValid.insert(s.id, false);
            continue;
        }
        const Status ok = SignoffService::sshVerify(path, s.signer, s.signature, s.digest);
        if (!ok)
            qCInfo(lcSignoff) << "signature of sign-off" << s.id << "does not verify:" << ok.error().message;
        view.signatureValid.insert(s.id, bool(ok));
    }
}

}  // namespace

SignoffService::SignoffService(Store *store, Workspace workspace, Identity identity)
    : m_store(store)
    , m_workspace(std::move(workspace))
    , m_identity(std::move(identity))
{
}

ChangelogSectionText SignoffService::changelogSection(const QByteArray &changelog, const QString &version)
{
    auto parsed = parseChangelog(changelog, QStringLiteral("CHANGELOG.md"));
    if (!parsed)
        return {};
    const ChangelogRelease *release = parsed->release(version);
    if (!release)
        release = parsed->unreleased();
    if (!release)
        return {};
    ChangelogSectionText out;
    const QString text
        = parsed->sectionText(release->isUnreleased() ? QStringLiteral("Unreleased") : release->version);
    // The heading stays out of the digest: cutting [Unreleased] into [3.7.0] - DATE without
    // touching its entries does not change what was approved.
    const qsizetype eol = text.indexOf(u'\n');
    out.heading = (eol < 0 ? text : text.left(eol)).trimmed();
    out.body = eol < 0 ? QByteArray() : text.mid(eol + 1).toUtf8();
    for (const ChangelogSection &section : release->sections) {
        if (!section.name.isEmpty())
            out.sections << plainSectionName(section.name);
    }
    return out;
}

Result<SignoffView> SignoffService::computeView(
    Store *store, const Workspace &workspace, const QString &version)
{
    SignoffView view;
    auto release = store->release(version).result();
    if (!release)
        return std::unexpected(release.error());
    view.release = *release;
    auto checklist = store->checklist(version).result();
    if (!checklist)
        return std::unexpected(checklist.error());
    view.checklist = std::move(*checklist);
    auto signoffs = store->signoffs(version).result();
    if (!signoffs)
        return std::unexpected(signoffs.error());
    view.signoffs = std::move(*signoffs);
    view.commit = ReleaseService::currentCommit(workspace, view.release, &view.notes);
    readChangelog(workspace, version, view);
    // What a signer approves: the commit, the changelog section and the phases before deployment
    // (policy before_deployment). A release-day or post-release tick leaves approvals fresh.
    const QStringList covered = beforeDeploymentPhases(workspace.policy.beforeDeployment, view.checklist);
    view.digest = signoffDigest(view.commit, view.changelogSection, approvedPhases(view.checklist, covered));
    view.facts.releaseType = view.release.type;
    view.facts.manager = view.release.manager;
    view.facts.currentDigest = view.digest;
    verifySignatures(workspace, view);
    view.defaultSshKey = defaultSshKey(workspace.root);
    view.approvals = evaluateApprovals(workspace.policy, view.facts, view.signoffs, view.signatureValid);
    return view;
}

QFuture<Result<SignoffView>> SignoffService::view(QString version) const
{
    return QtConcurrent::run([store = m_store, ws = m_workspace, version = std::move(version)] {
        return computeView(store, ws, version);
    });
}

Result<Signoff> SignoffService::record(
    Store *store, const Workspace &workspace, const Identity &identity, const SignRequest &request)
{
    auto view = computeView(store, workspace, request.version);
    if (!view)
        return std::unexpected(view.error());
    if (!request.expectedDigest.isEmpty() && request.expectedDigest != view->digest)
        return fail(ErrorCode::Conflict,
            QStringLiteral("release %1 changed while you reviewed it (digest %2, now %3): review it again")
                .arg(request.version, request.expectedDigest.left(12), view->digest.left(12)));
    if (auto allowed = checkSignoffAllowed(workspace.policy, view->facts, view->signoffs, request.role,
            identity.id, request.decision, request.reason);
        !allowed)
        return std::unexpected(allowed.error());
    Signoff signoff {0, request.version, request.role, identity.id, request.decision,
        request.reason.trimmed(), view->digest, {}, {}};
    const bool withdraw = request.decision == SignoffDecision::Withdraw;
    if (!withdraw && request.sshKey.isEmpty() && workspace.policy.signoff.sshSigning == u"required")
        return fail(ErrorCode::Refused,
            QStringLiteral(
                "the policy requires sign-offs signed with an SSH key (signoff.ssh_signing: required)"),
            workspace.policy.locationOf(QStringLiteral("signoff.ssh_signing")));
    if (!withdraw && !request.sshKey.isEmpty()) {
        auto signature = sshSign(request.sshKey, view->digest);
        if (!signature)
            return std::unexpected(signature.error());
        signoff.signature = *signature;
        // Verified before it is stored: a key the allowed-signers file does not list is an error
        // now, not a sign-off that silently never counts.
        if (const QString allowed = workspace.policy.signoff.allowedSigners; !allowed.isEmpty()) {
            if (auto ok = sshVerify(QDir(workspace.root).absoluteFilePath(allowed), identity.id,
                    signoff.signature, view->digest);
                !ok)
                return std::unexpected(ok.error());
        }
    }
    return store->recordSignoff(signoff).result();
}

QFuture<Result<Signoff>> SignoffService::sign(SignRequest request) const
{
    return QtConcurrent::run([store = m_store, ws = m_workspace, id = m_identity,
                                 request = std::move(request)] { return record(store, ws, id, request); });
}

}  // namespace cockpit
