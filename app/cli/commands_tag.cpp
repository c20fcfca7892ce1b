// tag create VERSION [--commit REF] [-m MSG] [--remote R] [--sign|--no-sign]
// | tag verify VERSION [--commit SHA] [-m TEXT] | tag promote RC [--remote R] [--sign|--no-sign]
// | tag hotfix VERSION
// Parsing options and printing results only: the tag use cases are the session's
// (session_tag_flow.cpp), shared with the Changelog tab's tag dialogs.
#include "cli_context.h"
#include "commands.h"
#include "session.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cockpit::cli {
namespace {

// --sign / --no-sign: the front end's choice within the policy's tags.signing (the session decides).
std::optional<TagSigningChoice> signingChoice(CliContext &ctx)
{
    const bool sign = ctx.isSet(QStringLiteral("sign"));
    const bool noSign = ctx.isSet(QStringLiteral("no-sign"));
    if (sign && noSign)
        return std::nullopt;
    return sign  ? TagSigningChoice::Sign
        : noSign ? TagSigningChoice::DoNotSign
                 : TagSigningChoice::PolicyDefault;
}

// Prints what writing the tag did (Session::finishTag), in the order it happened.
int reportFinish(CliContext &ctx, const TagFinish &done, const QString &remote)
{
    const TagPlan &plan = done.plan;
    ctx.err(plan.alreadyDone
            ? QStringLiteral("Tag %1 already exists on %2; nothing written.")
                  .arg(plan.tagName, plan.commit.left(12))
            : QStringLiteral("Created tag %1 on %2 (annotated%5, tagger %3 <%4>).")
                  .arg(plan.tagName, plan.commit.left(12), plan.taggerName, plan.taggerEmail,
                      plan.sign
                          ? QStringLiteral(", %1-signed with %2").arg(plan.signingFormat, plan.signingKey)
                          : QString()));
    if (!done.pushNote.isEmpty())
        ctx.err(QStringLiteral("note: ") + done.pushNote);
    if (done.pushError)
        return ctx.report(*done.pushError);
    if (!done.pushedTo.isEmpty())
        ctx.err(QStringLiteral("Pushed %1 to %2.").arg(plan.tagName, done.pushedTo));
    if (!done.tickWarning.isEmpty())
        ctx.err(QStringLiteral("warning: ") + done.tickWarning);
    for (const ChecklistItem &item : done.ticked)
        ctx.err(QStringLiteral("Ticked \"%1\".").arg(item.text));
    if (!done.pinWarning.isEmpty())
        ctx.err(QStringLiteral("warning: ") + done.pinWarning);
    if (done.pinned)
        ctx.err(QStringLiteral("Release %1 is pinned to %2 (%3) and is %4.")
                    .arg(done.pinned->version, done.tag.targetSha.left(12), plan.tagName,
                        releaseStateTitle(done.pinned->state).toLower()));
    const GitTagInfo &tag = done.tag;
    if (ctx.json())
        ctx.printJson({{QStringLiteral("tag"), tag.name}, {QStringLiteral("version"), plan.version},
            {QStringLiteral("target"), tag.targetSha}, {QStringLiteral("annotated"), tag.annotated},
            {QStringLiteral("message"), tag.message}, {QStringLiteral("tagger"), tag.taggerEmail},
            {QStringLiteral("created"), !plan.alreadyDone}, {QStringLiteral("signed"), plan.sign},
            {QStringLiteral("signing_format"), plan.sign ? QJsonValue(plan.signingFormat) : QJsonValue()},
            {QStringLiteral("promoted_from"),
                plan.promotedFrom.isEmpty() ? QJsonValue() : QJsonValue(plan.promotedFrom)},
            {QStringLiteral("pushed_to"), remote.isEmpty() ? QJsonValue() : QJsonValue(remote)},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(plan.warnings)},
            {QStringLiteral("checklist_ticked"), static_cast<int>(done.ticked.size())}});
    return Ok;
}

// tag create and tag promote: the session proposes (refused with the reason when a release tag is
// not ready, or signing is refused), then writes, pushes, ticks and pins.
int makeTag(CliContext &ctx, TagAction action, const QString &version)
{
    const auto signing = signingChoice(ctx);
    if (!signing)
        return ctx.usage(QStringLiteral("--sign and --no-sign contradict each other"));
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    TagRequest request;
    request.action = action;
    request.version = version;
    request.commit = ctx.option(QStringLiteral("commit"));
    request.message = ctx.option(QStringLiteral("message"));
    request.signing = *signing;
    auto proposal = (*session)->proposeTag(request).result();
    if (!proposal)
        return ctx.report(proposal.error());
    if (proposal->held())
        return ctx.report(proposal->refusal());
    for (const QString &w : proposal->plan.warnings)
        ctx.err(QStringLiteral("warning: ") + w);
    TagFinishOptions options;
    options.remote = ctx.option(QStringLiteral("remote"));
    auto done = await((*session)->finishTag(*proposal, options));
    if (!done)
        return ctx.report(done.error());
    return reportFinish(ctx, *done, options.remote);
}

int tagCreate(CliContext &ctx, const QString &version)
{
    return makeTag(ctx, TagAction::Create, version);
}

int tagPromote(CliContext &ctx, const QString &rc)
{
    return makeTag(ctx, TagAction::Promote, rc);
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
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    auto check
        = (*session)
              ->checkTag(version, ctx.option(QStringLiteral("commit")), ctx.option(QStringLiteral("message")))
              .result();
    if (!check)
        return ctx.report(check.error());
    const TagVerification *result = &check->verification;
    if (!check->tickWarning.isEmpty())
        ctx.err(QStringLiteral("warning: ") + check->tickWarning);
    for (const ChecklistItem &item : check->ticked)
        ctx.err(QStringLiteral("Ticked \"%1\".").arg(item.text));
    if (ctx.json()) {
        ctx.printJson({{QStringLiteral("tag"), result->tag}, {QStringLiteral("exists"), result->exists},
            {QStringLiteral("annotated"), result->annotated},
            {QStringLiteral("target"), result->target.isEmpty() ? QJsonValue() : QJsonValue(result->target)},
            {QStringLiteral("expected_target"),
                result->expectedTarget.isEmpty() ? QJsonValue() : QJsonValue(result->expectedTarget)},
            {QStringLiteral("ok"), result->ok()}, {QStringLiteral("signed"), result->signature.has_value()},
            {QStringLiteral("signature"), signatureJson(result->signature)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(result->problems)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(result->notes)},
            {QStringLiteral("checklist_ticked"), static_cast<int>(check->ticked.size())}});
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
