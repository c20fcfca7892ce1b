// The rules around tags the window and the command line share: a release (GA) tag only on a
// commit whose changelog has the version's section and covers every commit since the last
// release tag; the next release candidate's number; whether a tag is signed, and what its
// signature says when it is verified.
#include "session.h"

#include "changelog_coverage.h"
#include "git_service.h"
#include "git_signing.h"
#include "semver.h"

#include <QDir>

namespace cockpit {

Result<QStringList> Session::releaseTagBlockers(
    const Workspace &ws, const QString &version, const QString &commit)
{
    auto semver = SemVer::parse(version);
    if (!semver)
        return std::unexpected(semver.error());
    if (semver->isPrerelease())
        return QStringList {};
    const Policy &policy = ws.policy;
    auto git = GitService::open(ws.root, policy.tagFormat);
    if (!git)
        return std::unexpected(git.error());
    auto sha = git->resolve(commit.isEmpty() ? QStringLiteral("HEAD") : commit);
    if (!sha)
        return std::unexpected(sha.error());
    const QString path
        = policy.changelogPath.isEmpty() ? QStringLiteral("CHANGELOG.md") : policy.changelogPath;
    const QString at = sha->left(7);
    auto bytes = git->fileAt(*sha, path);
    if (!bytes)
        return QStringList {QStringLiteral("%1 does not exist at %2").arg(path, at)};
    auto log = parseChangelog(*bytes, path);
    if (!log)
        return QStringList {QStringLiteral("%1 at %2 cannot be read: %3").arg(path, at, log.error().message)};
    QStringList blockers;
    if (!log->release(semver->toString()))
        blockers << QStringLiteral("%1 at %2 has no section for %3: cut the release (Cut Release…, or "
                                   "`changelog cut %3`), commit it, then tag")
                        .arg(path, at, semver->toString());
    // The commits since the last release tag below this one (the release's own tag excluded).
    auto base = git->lastReleaseTag(policy.tagFormat, *sha);
    if (base && *base && (*base)->name == policy.tagFor(semver->toString())) {
        auto parent = git->resolve(*sha + QStringLiteral("~1"));
        base = parent ? git->lastReleaseTag(policy.tagFormat, *parent)
                      : Result<std::optional<GitTagInfo>>(std::nullopt);
    }
    if (!base)
        return std::unexpected(base.error());
    const QString from = *base ? (*base)->name : QString();
    auto commits = git->commits(from, *sha);
    if (!commits)
        return std::unexpected(commits.error());
    CoverageOptions options;
    options.exemptTypes = policy.changelogExemptTypes;
    options.releaseVersion = semver->toString();
    if (*base && (*base)->version)
        options.previousVersion = (*base)->version->toString();
    const CoverageReport report = computeCoverage(*commits, *log, options);
    if (const int uncovered = report.uncoveredCount(); uncovered > 0 && log->release(semver->toString())) {
        QStringList named;
        for (const CommitCoverage &c : report.commits) {
            if (!c.covered && !c.exempt && named.size() < 5)
                named << QStringLiteral("%1 %2").arg(c.commit.sha.left(7), c.commit.subject);
        }
        blockers << QStringLiteral("%1 commit(s) since %2 have no entry in %3's %4 section: %5%6")
                        .arg(uncovered)
                        .arg(from.isEmpty() ? QStringLiteral("the first commit") : from, path,
                            semver->toString(), named.join(QStringLiteral("; ")),
                            uncovered > named.size() ? QStringLiteral("; …") : QString());
    }
    return blockers;
}

Result<QString> Session::nextCandidate(const Workspace &ws, const QString &version)
{
    auto target = SemVer::parse(version);
    if (!target)
        return std::unexpected(target.error());
    auto git = GitService::open(ws.root, ws.policy.tagFormat);
    if (!git)
        return std::unexpected(git.error());
    auto tags = git->tags();
    if (!tags)
        return std::unexpected(tags.error());
    const QString base = SemVer(target->major(), target->minor(), target->patch()).toString();
    int highest = 0;
    for (const GitTagInfo &t : std::as_const(*tags)) {
        if (!t.version || !t.version->isPrerelease() || t.version->major() != target->major()
            || t.version->minor() != target->minor() || t.version->patch() != target->patch())
            continue;
        const QString label = t.version->toString().mid(base.size() + 1);  // "rc2"
        if (label.startsWith(QLatin1String("rc"), Qt::CaseInsensitive)) {
            bool ok = false;
            const int n = label.mid(2).toInt(&ok);
            if (ok)
                highest = qMax(highest, n);
        }
    }
    return QStringLiteral("%1-rc%2").arg(base).arg(highest + 1);
}

Status Session::chooseTagSigning(const Workspace &ws, TagPlan &plan, TagSigningChoice choice)
{
    plan.sign = false;
    plan.signingFormat.clear();
    plan.signingKey.clear();
    if (plan.alreadyDone)
        return {};
    const QString mode = ws.policy.tagSigning;
    const QString where = ws.policy.sourcePath.isEmpty() ? QStringLiteral("policy.yml") : ws.policy.sourcePath;
    if (mode == u"off" && choice == TagSigningChoice::Sign)
        return fail(ErrorCode::Refused,
            QStringLiteral("not signing %1: %2 turns tag signing off (tags.signing: off)").arg(plan.tagName, where));
    if (mode == u"required" && choice == TagSigningChoice::DoNotSign)
        return fail(ErrorCode::Refused,
            QStringLiteral("not creating %1 unsigned: %2 requires signed tags (tags.signing: required)")
                .arg(plan.tagName, where));
    const bool sign = mode == u"required" || (mode != u"off" && choice == TagSigningChoice::Sign);
    if (!sign)
        return {};
    const auto refusal = [&](const Error &why) {
        Error e = why;
        e.message = mode == u"required"
            ? QStringLiteral("not creating %1: %2 requires signed tags (tags.signing: required) and %3")
                  .arg(plan.tagName, where, why.message)
            : QStringLiteral("cannot sign %1: %2").arg(plan.tagName, why.message);
        if (mode == u"required" && e.code != ErrorCode::Unavailable)
            e.code = ErrorCode::Refused;
        return std::unexpected(e);
    };
    auto git = GitService::open(ws.root, ws.policy.tagFormat);
    if (!git)
        return std::unexpected(git.error());
    auto setup = readSigningSetup(*git);
    if (!setup)
        return refusal(setup.error());
    if (auto key = checkSigningKey(*setup, plan.taggerEmail); !key)
        return refusal(key.error());
    plan.sign = true;
    plan.signingFormat = setup->format;
    plan.signingKey = setup->key.isEmpty() ? plan.taggerEmail : setup->key;
    return {};
}

Result<TagVerification> Session::verifyTag(const Workspace &ws, const Identity &who, const QString &version,
    const QString &expectedCommit, const QString &messageContains)
{
    TagService tags(ws.root, ws.policy, who);
    auto verified = tags.verify(version, expectedCommit, messageContains);
    if (!verified || !verified->exists || !verified->annotated)
        return verified;
    auto git = GitService::open(ws.root, ws.policy.tagFormat);
    if (!git)
        return std::unexpected(git.error());
    auto object = git->tagObject(verified->tag);
    if (!object)
        return std::unexpected(object.error());
    const bool required = ws.policy.tagSigning == u"required";
    verified->signatureChecked = true;
    const SignedText text = splitSignedObject(*object);
    if (!text.isSigned()) {
        if (required)
            verified->problems << QStringLiteral("%1 is not signed; the policy requires signed tags (tags.signing: "
                                                 "required)")
                                      .arg(verified->tag);
        return verified;
    }
    // The configured programs; a configuration the cockpit cannot sign with still verifies.
    SigningSetup setup = readSigningSetup(*git).value_or(SigningSetup {});
    if (setup.program.isEmpty())
        setup.program = text.format == u"ssh" ? QStringLiteral("ssh-keygen") : QStringLiteral("gpg");
    if (setup.format.isEmpty())
        setup.format = text.format;
    // The team's list first (the policy), else the repository's git configuration.
    const QString allowed = !ws.policy.signoff.allowedSigners.isEmpty()
        ? QDir(ws.root).absoluteFilePath(ws.policy.signoff.allowedSigners)
        : setup.allowedSignersFile;
    auto verdict = verifySignedText(setup, text, allowed);
    if (!verdict)
        return std::unexpected(verdict.error());
    verified->signature = *verdict;
    if (!verdict->good)
        verified->problems << QStringLiteral("the %1 signature of %2 does not verify: %3")
                                  .arg(verdict->format, verified->tag, verdict->detail);
    else if (!verdict->allowed) {
        const QString line = QStringLiteral("%1 is signed by %2, who is not an allowed signer: %3")
                                 .arg(verified->tag,
                                     verdict->signer.isEmpty() ? verdict->key : verdict->signer, verdict->detail);
        (required ? verified->problems : verified->notes) << line;
    }
    return verified;
}

}  // namespace cockpit
