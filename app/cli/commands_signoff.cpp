// signoff VERSION --role ROLE [--reject --reason T | --withdraw]
#include "cli_context.h"
#include "commands.h"
#include "signoff_service.h"

#include <QJsonObject>

namespace cockpit::cli {

namespace {

Result<SignRequest> requestFrom(CliContext &ctx, const Workspace &ws)
{
    const QStringList w = ctx.words();
    const QString role = ctx.option(QStringLiteral("role"));
    if (w.size() != 2 || role.isEmpty())
        return fail(ErrorCode::Usage,
            QStringLiteral("usage: signoff VERSION --role ROLE [--reject --reason TEXT | --withdraw]"));
    SignRequest request;
    request.version = w[1];
    request.role = role;
    request.reason = ctx.option(QStringLiteral("reason"));
    const bool reject = ctx.isSet(QStringLiteral("reject"));
    const bool withdraw = ctx.isSet(QStringLiteral("withdraw"));
    if (reject && withdraw)
        return fail(ErrorCode::Usage, QStringLiteral("--reject and --withdraw exclude each other"));
    if (reject && request.reason.trimmed().isEmpty())
        return fail(ErrorCode::Usage, QStringLiteral("--reject needs --reason TEXT: say what must change"));
    request.decision = reject ? SignoffDecision::Reject
                              : (withdraw ? SignoffDecision::Withdraw : SignoffDecision::Approve);
    // Signed like git signs commits: with user.signingkey, when the policy verifies signatures.
    if (!ws.policy.signoff.allowedSigners.isEmpty() && !withdraw)
        request.sshKey = SignoffService::defaultSshKey(ws.root);
    return request;
}

QString pastTense(SignoffDecision decision)
{
    switch (decision) {
    case SignoffDecision::Approve:
        return QStringLiteral("Approved");
    case SignoffDecision::Reject:
        return QStringLiteral("Rejected");
    case SignoffDecision::Withdraw:
        return QStringLiteral("Withdrew the sign-off of");
    }
    return {};
}

}  // namespace

int runSignoff(CliContext &ctx)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    auto request = requestFrom(ctx, *ws);
    if (!request)
        return ctx.report(request.error());
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    Store *store = (*session)->store();
    auto signoff = await((*session)->signOff(*request));
    if (!signoff)
        return ctx.report(signoff.error());
    ctx.err(QStringLiteral("%1 %2 as %3 (%4), digest %5%6.")
                .arg(pastTense(signoff->decision), signoff->version, signoff->role, signoff->signer,
                    signoff->digest.left(12),
                    signoff->signature.isEmpty() ? QString() : QStringLiteral(", signed with SSH")));
    auto view = SignoffService::computeView(store, *ws, signoff->version);
    if (view) {
        for (const QString &blocker : view->approvals.blockers)
            ctx.err(QStringLiteral("  still blocks: %1").arg(blocker));
    }
    if (ctx.json())
        ctx.printJson({{QStringLiteral("version"), signoff->version}, {QStringLiteral("role"), signoff->role},
            {QStringLiteral("signer"), signoff->signer},
            {QStringLiteral("decision"), signoffDecisionName(signoff->decision)},
            {QStringLiteral("reason"), signoff->reason}, {QStringLiteral("digest"), signoff->digest},
            {QStringLiteral("signed_at"), signoff->signedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("ssh_signed"), !signoff->signature.isEmpty()},
            {QStringLiteral("approved"), view && view->approvals.approved()}});
    return Ok;
}

}  // namespace cockpit::cli
