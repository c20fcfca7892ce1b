// notify VERSION [--template NAME] [--post]. Placeholder until communications land.
#include "cli_context.h"

namespace cockpit::cli {

int runNotify(CliContext &ctx)
{
    return ctx.report({ErrorCode::Unavailable, QStringLiteral("notify: not built yet"), {}});
}

}  // namespace cockpit::cli
