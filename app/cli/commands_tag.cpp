#include "cli_context.h"

namespace cockpit::cli {

int runTag(CliContext &ctx)
{
    return ctx.report(fail(ErrorCode::Unavailable,
        QStringLiteral("'%1' is not built yet").arg(ctx.words().join(QLatin1Char(' '))))
                          .error());
}

}  // namespace cockpit::cli
