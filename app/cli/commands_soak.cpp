#include "cli_context.h"

namespace cockpit::cli {

int runProbe(CliContext &ctx)
{
    return ctx.report(fail(ErrorCode::Unavailable,
        QStringLiteral("'%1' is not built yet").arg(ctx.words().join(QLatin1Char(' '))))
                          .error());
}

int runSoak(CliContext &ctx)
{
    return ctx.report(fail(ErrorCode::Unavailable,
        QStringLiteral("'%1' is not built yet").arg(ctx.words().join(QLatin1Char(' '))))
                          .error());
}

}  // namespace cockpit::cli
