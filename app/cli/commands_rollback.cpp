// rollback VERSION (--dry-run | --confirm VERSION) [--reason T] | --approve | --resume;
// release unlock VERSION --reason T. Placeholder until the rollback runner lands.
#include "cli_context.h"

namespace cockpit::cli {

int runRollback(CliContext &ctx)
{
    return ctx.report({ErrorCode::Unavailable, QStringLiteral("rollback: not built yet"), {}});
}

int runReleaseUnlock(CliContext &ctx)
{
    return ctx.report({ErrorCode::Unavailable, QStringLiteral("release unlock: not built yet"), {}});
}

}  // namespace cockpit::cli
