#include "gate_run.h"

#include <QJsonArray>

namespace cockpit {

GateVerdict GateRun::verdict() const
{
    bool waiting = gates.isEmpty();
    for (const GateResult &g : gates) {
        if (g.status == GateStatus::Fail || g.status == GateStatus::Interrupted)
            return GateVerdict::Fail;
        if (!g.passedOn(commit))
            waiting = true;  // waiting for a person, not run, running elsewhere, or stale
    }
    return waiting ? GateVerdict::Waiting : GateVerdict::Pass;
}

QString gateVerdictName(GateVerdict verdict)
{
    switch (verdict) {
    case GateVerdict::Pass:
        return QStringLiteral("pass");
    case GateVerdict::Fail:
        return QStringLiteral("fail");
    case GateVerdict::Waiting:
        break;
    }
    return QStringLiteral("waiting");
}

QJsonObject gateRunToJson(const GateRun &run)
{
    QJsonArray gates;
    for (const GateResult &g : run.gates)
        gates.append(gateResultToJson(g));
    return {
        {QStringLiteral("verdict"), gateVerdictName(run.verdict())},
        {QStringLiteral("commit"), run.commit},
        {QStringLiteral("gates"), gates},
    };
}

}  // namespace cockpit
