// calendar [--from D] [--months N] and metrics [--from D] [--to D]. Placeholder until the
// calendar and metrics land.
#include "cli_context.h"

namespace cockpit::cli {

int runCalendar(CliContext &ctx)
{
    return ctx.report({ErrorCode::Unavailable, QStringLiteral("calendar: not built yet"), {}});
}

int runMetrics(CliContext &ctx)
{
    return ctx.report({ErrorCode::Unavailable, QStringLiteral("metrics: not built yet"), {}});
}

}  // namespace cockpit::cli
