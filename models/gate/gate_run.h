#pragma once
// One run of a release's gates as the `gate` command and the window report it: every gate shown,
// in policy order, with the verdict over them (fail-closed: a failure anywhere is a fail; a gate
// still waiting for a person, not run or stale keeps the run from passing).
#include "checklist.h"
#include "gate_result.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace cockpit {

enum class GateVerdict { Pass, Fail, Waiting };

struct GateRun {
    QString version;
    QString commit;  // the commit the gates ran on (the release's current commit)
    QList<GateResult> gates;  // in policy order (only the one asked for with --only)
    QList<ChecklistItem> ticked;  // checklist items a pass ticked (`check: gate NAME`)
    QStringList warnings;  // what went wrong around the gates (a result not stored, a tick refused)

    [[nodiscard]] GateVerdict verdict() const;
};

QString gateVerdictName(GateVerdict verdict);  // "pass", "fail", "waiting"
// {"verdict","commit","gates":[gateResultToJson...]}
QJsonObject gateRunToJson(const GateRun &run);

}  // namespace cockpit
