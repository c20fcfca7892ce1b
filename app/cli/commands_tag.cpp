// tag create VERSION [--commit REF] [-m MSG] [--remote R] [--sign|--no-sign]
// | tag verify VERSION [--commit SHA] [-m TEXT] | tag promote RC [--remote R] [--sign|--no-sign]
// | tag hotfix VERSION
#include "changelog.h"
#include "cli_context.h"
#include "commands.h"
#include "secret_store.h"
#include "session.h"
#include "tag_service.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace cockpit::cli {
namespace {

// The release the store keeps under exactly this version; nullopt when there is none or the
// store cannot be opened (tagging does not need the store; only the checklist tick does).
// An unpinned release is at its branch's head (Session::followBranch), as everywhere else.
std::optional<ReleaseRecord> storedRelease(CliContext &ctx, const QString &version)
{
    auto store = ctx.openStore();
    if (!store)
        return std::nullopt;
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return std::nullopt;
    auto release = Session::loadCurrentRelease(*store, *ws, version);
    return release ? std::optional(*release) : std::nullopt;
}

// The changelog section for the message: the version's own, else (an RC) its GA version's, else
// Unreleased. Empty when the file is absent or has none of them.
QString changelogSection(const Workspace &ws, const QString &version)
{
    QFile f(QDir(ws.root).filePath(ws.policy.changelogPath));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto log = parseChangelog(f.readAll(), ws.policy.changelogPath);
    if (!log)
        return {};
    QStringList candidates {version};
    if (auto v = SemVer::parse(version); v && v->isPrerelease())
        candidates << SemVer(v->major(), v->minor(), v->patch()).toString();
    candidates << QStringLiteral("Unreleased");
    for (const QString &c : candidates) {
        if (const QString text = log->sectionText(c); !text.trimmed().isEmpty())
            return text;
    }
    return {};
}

// An http(s) remote's password from the keychain entry "git:SCHEME://HOST"; file:// and ssh
// remotes need none (ssh uses the agent).
GitCredentials credentialsFor(CliContext &ctx, const Workspace &ws, const QString &remote)
{
    auto git = GitService::open(ws.root, ws.policy.tagFormat);
    auto url = git ? git->remoteUrl(remote) : Result<QString>(std::unexpected(git.error()));
    if (!url)
        return {};
    const QUrl parsed(*url);
    if (parsed.scheme() != u"http" && parsed.scheme() != u"https")
        return {};
    const QString key = QStringLiteral("git:%1://%2").arg(parsed.scheme(), parsed.host());
    auto secret = await(SecretStore::read(key));
    if (!secret) {
        ctx.err(QStringLiteral("note: no keychain entry %1 (%2); pushing without a password")
                    .arg(key, secret.error().message));
        return {};
    }
    return GitCredentials {parsed.userName(), *secret};
}

// Ticks the release's `check: tag` items when the tag is on the release commit. Returns how many.
int tickChecklist(CliContext &ctx, const Workspace &, const std::optional<ReleaseRecord> &release,
    const QString &tagName, const QString &target, const QString &evidence)
{
    if (!release)
        return 0;
    if (!release->commit.isEmpty() && release->commit != target) {
        ctx.err(QStringLiteral("warning: %1 is on %2, not on release %3's commit %4; checklist left as is")
                    .arg(tagName, target.left(12), release->version, release->commit.left(12)));
        return 0;
    }
    auto session = ctx.session();
    if (!session)
        return 0;
    auto ticked = (*session)->recordTagCheck(release->version, tagName, evidence).result();
    if (!ticked) {
        ctx.err(QStringLiteral("warning: checklist not updated: %1").arg(ticked.error().toString()));
        return 0;
    }
    for (const ChecklistItem &item : *ticked)
        ctx.err(QStringLiteral("Ticked \"%1\".").arg(item.text));
    return static_cast<int>(ticked->size());
}

// A release candidate tag (3.7.0-rc1) pins release 3.7.0 to its commit (Session::pinCandidate).
void pinCandidate(CliContext &ctx, const QString &version, const QString &tagName, const QString &commit)
{
    const auto semver = SemVer::parse(version);
    if (!semver || !semver->isPrerelease())
        return;
    const QString base = SemVer(semver->major(), semver->minor(), semver->patch()).toString();
    if (!storedRelease(ctx, base))
        return;
    auto session = ctx.session();
    if (!session)
        return;
    auto pinned = (*session)->pinCandidate(base, commit, tagName).result();
    if (!pinned) {
        ctx.err(QStringLiteral("warning: release %1 not pinned to %2: %3").arg(base, tagName, pinned.error().toString()));
        return;
    }
    ctx.err(QStringLiteral("Release %1 is pinned to %2 (%3) and is %4.")
                .arg(base, commit.left(12), tagName, releaseStateTitle(pinned->state).toLower()));
}

int finishTag(CliContext &ctx, const Workspace &ws, TagService &service, const TagPlan &plan)
{
    for (const QString &w : plan.warnings)
        ctx.err(QStringLiteral("warning: ") + w);
    auto tag = service.apply(plan);
    if (!tag)
        return ctx.report(tag.error());
    ctx.err(plan.alreadyDone
            ? QStringLiteral("Tag %1 already exists on %2; nothing written.")
                  .arg(plan.tagName, plan.commit.left(12))
            : QStringLiteral("Created tag %1 on %2 (annotated%5, tagger %3 <%4>).")
                  .arg(plan.tagName, plan.commit.left(12), plan.taggerName, plan.taggerEmail,
                      plan.sign ? QStringLiteral(", %1-signed with %2").arg(plan.signingFormat, plan.signingKey)
                                : QString()));
    const QString remote = ctx.option(QStringLiteral("remote"));
    if (!remote.isEmpty()) {
        if (auto pushed = service.push(remote, plan.tagName, credentialsFor(ctx, ws, remote)); !pushed)
            return ctx.report(pushed.error());
        ctx.err(QStringLiteral("Pushed %1 to %2.").arg(plan.tagName, remote));
    }
    const QString evidence
        = QStringLiteral("%1 %2 at %3 by %4 <%5>")
              .arg(tag->name, tag->annotated ? QStringLiteral("annotated") : QStringLiteral("lightweight"),
                  tag->targetSha, tag->taggerName, tag->taggerEmail);
    const int ticked = tag->annotated
        ? tickChecklist(ctx, ws, storedRelease(ctx, plan.version), plan.tagName, tag->targetSha, evidence)
        : 0;
    pinCandidate(ctx, plan.version, plan.tagName, tag->targetSha);
    if (ctx.json())
        ctx.printJson({{QStringLiteral("tag"), tag->name}, {QStringLiteral("version"), plan.version},
            {QStringLiteral("target"), tag->targetSha}, {QStringLiteral("annotated"), tag->annotated},
            {QStringLiteral("message"), tag->message}, {QStringLiteral("tagger"), tag->taggerEmail},
            {QStringLiteral("created"), !plan.alreadyDone},
            {QStringLiteral("signed"), plan.sign},
            {QStringLiteral("signing_format"), plan.sign ? QJsonValue(plan.signingFormat) : QJsonValue()},
            {QStringLiteral("promoted_from"),
                plan.promotedFrom.isEmpty() ? QJsonValue() : QJsonValue(plan.promotedFrom)},
            {QStringLiteral("pushed_to"), remote.isEmpty() ? QJsonValue() : QJsonValue(remote)},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(plan.warnings)},
            {QStringLiteral("checklist_ticked"), ticked}});
    return Ok;
}

// A release (GA) tag only on a commit whose changelog has the version's section and covers every
// commit since the last release tag (Session::releaseTagBlockers); a tag already there is fine.
int refuseUnready(CliContext &ctx, const Workspace &ws, const TagPlan &plan)
{
    if (plan.alreadyDone)
        return Ok;
    auto blockers = Session::releaseTagBlockers(ws, plan.version, plan.commit);
    if (!blockers)
        return ctx.report(blockers.error());
    if (blockers->isEmpty())
        return Ok;
    return ctx.report({ErrorCode::Refused,
        QStringLiteral("not creating %1 on %2: %3")
            .arg(plan.tagName, plan.commit.left(12), blockers->join(QStringLiteral("; ")))});
}

// --sign / --no-sign against the policy's tags.signing (Session::chooseTagSigning).
int chooseSigning(CliContext &ctx, const Workspace &ws, TagPlan &plan)
{
    const bool sign = ctx.isSet(QStringLiteral("sign"));
    const bool noSign = ctx.isSet(QStringLiteral("no-sign"));
    if (sign && noSign)
        return ctx.usage(QStringLiteral("--sign and --no-sign contradict each other"));
    const auto choice = sign ? Session::TagSigningChoice::Sign
        : noSign             ? Session::TagSigningChoice::DoNotSign
                             : Session::TagSigningChoice::PolicyDefault;
    if (auto chosen = Session::chooseTagSigning(ws, plan, choice); !chosen)
        return ctx.report(chosen.error());
    return Ok;
}

int tagCreate(CliContext &ctx, const QString &version)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    QString commit = ctx.option(QStringLiteral("commit"));
    if (commit.isEmpty()) {
        // The release's commit: pinned, or its branch's head now (not whatever is checked out).
        if (const auto release = storedRelease(ctx, version); release && !release->commit.isEmpty())
            commit = release->commit;
    }
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    TagService service = (*session)->tags();
    auto plan = service.planRelease(
        version, commit, changelogSection(*ws, version), ctx.option(QStringLiteral("message")));
    if (!plan)
        return ctx.report(plan.error());
    if (const int refused = refuseUnready(ctx, *ws, *plan); refused != Ok)
        return refused;
    if (const int refused = chooseSigning(ctx, *ws, *plan); refused != Ok)
        return refused;
    return finishTag(ctx, *ws, service, *plan);
}

int tagPromote(CliContext &ctx, const QString &rc)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    auto rcVersion = SemVer::parse(rc);
    const QString ga
        = rcVersion ? SemVer(rcVersion->major(), rcVersion->minor(), rcVersion->patch()).toString() : rc;
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    TagService service = (*session)->tags();
    auto plan = service.planPromotion(rc, changelogSection(*ws, ga), ctx.option(QStringLiteral("message")));
    if (!plan)
        return ctx.report(plan.error());
    if (const int refused = refuseUnready(ctx, *ws, *plan); refused != Ok)
        return refused;
    if (const int refused = chooseSigning(ctx, *ws, *plan); refused != Ok)
        return refused;
    return finishTag(ctx, *ws, service, *plan);
}

QJsonValue signatureJson(const std::optional<SignatureVerdict> &v)
{
    if (!v)
        return QJsonValue();
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject {{QStringLiteral("format"), v->format}, {QStringLiteral("good"), v->good},
        {QStringLiteral("signer"), orNull(v->signer)}, {QStringLiteral("key"), orNull(v->key)},
        {QStringLiteral("allowed"), v->allowed}, {QStringLiteral("trust"), orNull(v->trust)},
        {QStringLiteral("detail"), orNull(v->detail)}};
}

int tagVerify(CliContext &ctx, const QString &version)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    const auto release = storedRelease(ctx, version);
    QString expected = ctx.option(QStringLiteral("commit"));
    if (expected.isEmpty() && release)
        expected = release->commit;
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    auto result = Session::verifyTag(*ws, (*session)->identity(), version, expected, ctx.option(QStringLiteral("message")));
    if (!result)
        return ctx.report(result.error());
    const int ticked = result->ok()
        ? tickChecklist(ctx, *ws, release, result->tag, result->target, result->evidence())
        : 0;
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("tag"), result->tag}, {QStringLiteral("exists"), result->exists},
            {QStringLiteral("annotated"), result->annotated},
            {QStringLiteral("target"), result->target.isEmpty() ? QJsonValue() : QJsonValue(result->target)},
            {QStringLiteral("expected_target"),
                result->expectedTarget.isEmpty() ? QJsonValue() : QJsonValue(result->expectedTarget)},
            {QStringLiteral("ok"), result->ok()},
            {QStringLiteral("signed"), result->signature.has_value()},
            {QStringLiteral("signature"), signatureJson(result->signature)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(result->problems)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(result->notes)},
            {QStringLiteral("checklist_ticked"), ticked}});
    } else {
        ctx.out(result->ok() ? QStringLiteral("OK   %1").arg(result->evidence())
                             : QStringLiteral("FAIL %1").arg(result->tag));
        for (const QString &p : result->problems)
            ctx.out(QStringLiteral("  - ") + p);
        for (const QString &n : result->notes)
            ctx.out(QStringLiteral("  note: ") + n);
    }
    return result->ok() ? Ok : Failed;
}

int tagHotfix(CliContext &ctx, const QString &version)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    TagService service = (*session)->tags();
    auto branch = service.createHotfixBranch(version);
    if (!branch)
        return ctx.report(branch.error());
    ctx.err(QStringLiteral("Branch %1 starts at %2.").arg(*branch, ws->policy.tagFor(version)));
    if (ctx.json())
        ctx.printJson(
            {{QStringLiteral("branch"), *branch}, {QStringLiteral("tag"), ws->policy.tagFor(version)}});
    else
        ctx.out(*branch);
    return Ok;
}

}  // namespace

// words: tag SUBCOMMAND VERSION; the command table checked the count.
int runTagCreate(CliContext &ctx)
{
    return tagCreate(ctx, ctx.words().at(2));
}

int runTagVerify(CliContext &ctx)
{
    return tagVerify(ctx, ctx.words().at(2));
}

int runTagPromote(CliContext &ctx)
{
    return tagPromote(ctx, ctx.words().at(2));
}

int runTagHotfix(CliContext &ctx)
{
    return tagHotfix(ctx, ctx.words().at(2));
}

}  // namespace cockpit::cli
