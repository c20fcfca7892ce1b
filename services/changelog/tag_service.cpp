#include "tag_service.h"

#include "git_signing.h"
#include "tag_message.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcTags, "cockpit.services.tags")

namespace cockpit {
namespace {

Result<SemVer> parseVersion(const QString &version)
{
    auto v = SemVer::parse(version);
    if (!v)
        return fail(ErrorCode::Usage,
            QStringLiteral("'%1' is not a SemVer version (%2)").arg(version, v.error().message));
    return v;
}

QString shortSha(const QString &sha)
{
    return sha.left(12);
}

}  // namespace

QString TagVerification::evidence() const
{
    if (!exists)
        return QStringLiteral("%1 does not exist").arg(tag);
    QString text
        = QStringLiteral("%1 %2 at %3")
              .arg(tag, annotated ? QStringLiteral("annotated") : QStringLiteral("lightweight"), target);
    if (!expectedTarget.isEmpty())
        text += target == expectedTarget ? QStringLiteral(" (the release commit)")
                                         : QStringLiteral(" (expected %1)").arg(expectedTarget);
    if (signature)
        text += QStringLiteral(", %1").arg(signature->summary());
    else if (signatureChecked)
        text += QStringLiteral(", unsigned");
    return text;
}

TagService::TagService(QString repositoryDir, Policy policy, Identity identity)
    : m_dir(std::move(repositoryDir))
    , m_policy(std::move(policy))
    , m_identity(std::move(identity))
{
}

Result<GitService> TagService::repo() const
{
    return GitService::open(m_dir, m_policy.tagFormat);
}

Result<TagService::Opened> TagService::open(const QString &version) const
{
    auto v = parseVersion(version);
    if (!v)
        return std::unexpected(v.error());
    auto git = repo();
    if (!git)
        return std::unexpected(git.error());
    return Opened {std::move(*v), std::move(*git)};
}

QString TagService::render(
    const TagPlan &plan, const QString &sectionText, const QString &explicitMessage) const
{
    if (!explicitMessage.trimmed().isEmpty())
        return renderTagMessage(QStringLiteral("{changelog}"), {{}, {}, {}, explicitMessage, {}});
    return renderTagMessage(m_policy.tagMessage,
        {plan.tagName, plan.version, m_policy.project, changelogSectionBody(sectionText), plan.promotedFrom});
}

Status TagService::checkExisting(const GitService &git, TagPlan &plan) const
{
    auto existing = git.tag(plan.tagName);
    if (!existing) {
        if (existing.error().code == ErrorCode::NotFound)
            return {};
        return std::unexpected(existing.error());
    }
    if (existing->targetSha != plan.commit)
        return fail(ErrorCode::Conflict,
            QStringLiteral("tag %1 already exists on %2, not on %3")
                .arg(plan.tagName, shortSha(existing->targetSha), shortSha(plan.commit)),
            SourceLocation {git.workdir()});
    plan.alreadyDone = true;
    if (!existing->annotated)
        plan.warnings << QStringLiteral("%1 exists as a lightweight tag; release tags should be annotated")
                             .arg(plan.tagName);
    return {};
}

Result<TagPlan> TagService::planRelease(const QString &version, const QString &commitRef,
    const QString &sectionText, const QString &explicitMessage) const
{
    auto opened = open(version);
    if (!opened)
        return std::unexpected(opened.error());
    const SemVer *v = &opened->version;
    GitService *git = &opened->git;
    TagPlan plan;
    plan.version = v->toString();
    plan.tagName = m_policy.tagFor(plan.version);
    auto commit = git->resolve(commitRef.isEmpty() ? QStringLiteral("HEAD") : commitRef);
    if (!commit)
        return std::unexpected(commit.error());
    plan.commit = *commit;
    plan.taggerName = m_identity.name.isEmpty() ? m_identity.id : m_identity.name;
    plan.taggerEmail = m_identity.id;
    plan.message = render(plan, sectionText, explicitMessage);
    if (auto st = checkExisting(*git, plan); !st)
        return std::unexpected(st.error());
    return plan;
}

Result<TagPlan> TagService::planPromotion(
    const QString &rcVersion, const QString &sectionText, const QString &explicitMessage) const
{
    auto rc = parseVersion(rcVersion);
    if (!rc)
        return std::unexpected(rc.error());
    if (!rc->isPrerelease())
        return fail(ErrorCode::Usage,
            QStringLiteral("%1 is not a pre-release; promote an RC such as %1-rc1").arg(rcVersion));
    auto git = repo();
    if (!git)
        return std::unexpected(git.error());
    const QString rcTag = m_policy.tagFor(rc->toString());
    auto rcInfo = git->tag(rcTag);
    if (!rcInfo)
        return std::unexpected(rcInfo.error());
    if (rcInfo->targetSha.isEmpty())
        return fail(ErrorCode::BadInput, QStringLiteral("tag %1 does not point at a commit").arg(rcTag),
            SourceLocation {git->workdir()});
    TagPlan plan;
    const SemVer ga(rc->major(), rc->minor(), rc->patch());
    plan.version = ga.toString();
    plan.tagName = m_policy.tagFor(plan.version);
    plan.commit = rcInfo->targetSha;
    plan.promotedFrom = rcTag;
    plan.taggerName = m_identity.name.isEmpty() ? m_identity.id : m_identity.name;
    plan.taggerEmail = m_identity.id;
    plan.message = render(plan, sectionText, explicitMessage);
    // A later RC of the same version usually carries a fix the GA must not lose.
    if (auto all = git->tags()) {
        for (const GitTagInfo &t : *all) {
            if (t.version && t.version->isPrerelease()
                && SemVer(t.version->major(), t.version->minor(), t.version->patch()) == ga
                && *t.version > *rc)
                plan.warnings
                    << QStringLiteral("%1 is newer than %2: promoting %2 leaves it out").arg(t.name, rcTag);
        }
    }
    if (auto st = checkExisting(*git, plan); !st)
        return std::unexpected(st.error());
    return plan;
}

Result<GitTagInfo> TagService::apply(const TagPlan &plan)
{
    auto git = repo();
    if (!git)
        return std::unexpected(git.error());
    if (plan.alreadyDone)
        return git->tag(plan.tagName);
    Result<GitTagInfo> tag;
    if (plan.sign) {
        auto setup = readSigningSetup(*git);
        if (!setup)
            return std::unexpected(setup.error());
        const QString fallbackKey = plan.taggerEmail;
        tag = git->createSignedTag(plan.tagName, plan.commit, plan.message, {plan.taggerName, plan.taggerEmail, {}},
            [&setup, &fallbackKey](const QByteArray &payload) { return signPayload(*setup, payload, fallbackKey); });
    } else {
        tag = git->createAnnotatedTag(plan.tagName, plan.commit, plan.message, {plan.taggerName, plan.taggerEmail, {}});
    }
    if (tag)
        qCInfo(lcTags) << "created" << plan.tagName << (plan.sign ? "signed" : "") << "at" << shortSha(plan.commit)
                       << (plan.promotedFrom.isEmpty() ? QString()
                                                       : QStringLiteral("from ") + plan.promotedFrom);
    return tag;
}

Result<GitTagInfo> TagService::createReleaseTag(const QString &version, const QString &commitRef,
    const QString &sectionText, const QString &explicitMessage)
{
    auto plan = planRelease(version, commitRef, sectionText, explicitMessage);
    if (!plan)
        return std::unexpected(plan.error());
    return apply(*plan);
}

Result<GitTagInfo> TagService::promote(
    const QString &rcVersion, const QString &sectionText, const QString &explicitMessage)
{
    auto plan = planPromotion(rcVersion, sectionText, explicitMessage);
    if (!plan)
        return std::unexpected(plan.error());
    return apply(*plan);
}

Result<TagVerification> TagService::verify(
    const QString &version, const QString &expectedCommit, const QString &messageContains) const
{
    auto opened = open(version);
    if (!opened)
        return std::unexpected(opened.error());
    const SemVer *v = &opened->version;
    GitService *git = &opened->git;
    TagVerification out;
    out.tag = m_policy.tagFor(v->toString());
    if (!expectedCommit.isEmpty()) {
        auto expected = git->resolve(expectedCommit);
        if (!expected)
            return std::unexpected(expected.error());
        out.expectedTarget = *expected;
    }
    auto tag = git->tag(out.tag);
    if (!tag) {
        if (tag.error().code != ErrorCode::NotFound)
            return std::unexpected(tag.error());
        out.problems << QStringLiteral("tag %1 does not exist").arg(out.tag);
        return out;
    }
    out.exists = true;
    out.annotated = tag->annotated;
    out.target = tag->targetSha;
    out.message = tag->message;
    if (!out.annotated)
        out.problems << QStringLiteral(
            "%1 is a lightweight tag; a release tag must be annotated (git tag -a)")
                            .arg(out.tag);
    if (!out.expectedTarget.isEmpty() && out.target != out.expectedTarget)
        out.problems << QStringLiteral("%1 points at %2, expected %3")
                            .arg(out.tag, shortSha(out.target), shortSha(out.expectedTarget));
    if (!messageContains.isEmpty() && !out.message.contains(messageContains))
        out.problems
            << QStringLiteral("the message of %1 does not contain \"%2\"").arg(out.tag, messageContains);
    return out;
}

QString TagService::defaultHotfixBranch(const SemVer &version) const
{
    const QString nextVersion = version.bump(SemVer::Part::Patch).toString();
    const QString next = m_policy.tagFor(nextVersion);
    const QString pattern = m_policy.hotfixBranchPattern;
    if (pattern.count(QLatin1Char('*')) != 1 || pattern.contains(QLatin1Char('?'))
        || pattern.contains(QLatin1Char('[')))
        return QStringLiteral("hotfix/") + next;
    // "hotfix/v*" already spells the tag's "v": the star stands for the version alone.
    const QString before = pattern.left(pattern.indexOf(QLatin1Char('*')));
    const QString tagPrefix = m_policy.tagFormat.left(m_policy.tagFormat.indexOf(QLatin1String("{version}")));
    const bool prefixWritten = !tagPrefix.isEmpty() && before.endsWith(tagPrefix);
    return QString(pattern).replace(QLatin1Char('*'), prefixWritten ? nextVersion : next);
}

Result<QString> TagService::createHotfixBranch(const QString &version, const QString &branchName)
{
    auto opened = open(version);
    if (!opened)
        return std::unexpected(opened.error());
    const SemVer *v = &opened->version;
    GitService *git = &opened->git;
    const QString tagName = m_policy.tagFor(v->toString());
    auto tag = git->tag(tagName);
    if (!tag)
        return std::unexpected(tag.error());
    const QString name = branchName.isEmpty() ? defaultHotfixBranch(*v) : branchName;
    if (auto existing = git->branchTarget(name)) {
        if (*existing == tag->targetSha)
            return name;
        return fail(ErrorCode::Conflict,
            QStringLiteral("branch %1 already exists on %2, not on %3's %4")
                .arg(name, shortSha(*existing), tagName, shortSha(tag->targetSha)),
            SourceLocation {git->workdir()});
    }
    if (auto st = git->createBranch(name, tag->targetSha); !st)
        return std::unexpected(st.error());
    qCInfo(lcTags) << "hotfix branch" << name << "from" << tagName;
    return name;
}

Status TagService::push(const QString &remote, const QString &tagName, const GitCredentials &credentials)
{
    auto git = repo();
    if (!git)
        return std::unexpected(git.error());
    return git->pushTag(remote, tagName, credentials);
}

}  // namespace cockpit
