// evidence export VERSION --out FILE.zip | evidence show FILE.zip. Placeholder until the evidence
// pack lands.
#include "cli_context.h"

namespace cockpit::cli {

int runEvidence(CliContext &ctx)
{
    return ctx.report({ErrorCode::Unavailable, QStringLiteral("evidence: not built yet"), {}});
}

}  // namespace cockpit::cli
