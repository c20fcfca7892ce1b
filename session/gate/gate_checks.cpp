#include "gate_checks.h"

#include "probe_runner.h"
#include "release_service.h"
#include "soak_run.h"
#include "tag_service.h"

#include <QJsonDocument>

namespace cockpit {

namespace {

using Outcome = std::pair<bool, QString>;  // passed, note

Outcome probeGate(ReleaseService &releases, const GateResult &r, const QString &env)
{
    auto json = releases.store()->latestProbeResult(env, r.version).result();
    if (!json)
        return {false,
            QStringLiteral("%1; run: release-cockpit probe %2 --release %3")
                .arg(json.error().message, env, r.version)};
    auto report = ProbeReport::fromJson(QJsonDocument::fromJson(*json).object());
    if (!report)
        return {false, QStringLiteral("the stored probe of %1 cannot be read: %2").arg(env, report.error().message)};
    return {report->ok,
        QStringLiteral("probe of %1 at %2: %3")
            .arg(env, report->at.toString(Qt::ISODate), report->ok ? QStringLiteral("PASS") : report->summary())};
}

Outcome soakGate(ReleaseService &releases, const GateResult &r, const QString &env)
{
    auto run = releases.store()->releaseSoakRun(r.version, env).result();
    if (!run)
        return {false,
            QStringLiteral("%1; run: release-cockpit soak evaluate %2 --env %3")
                .arg(run.error().message, r.version, env)};
    const SoakEvaluation evaluation = evaluateRecording(run->recording);
    const QString verdict = soakVerdictName(evaluation.verdict).toUpper();
    return {evaluation.verdict == SoakVerdict::Pass,
        QStringLiteral("soak of %1 in %2 (%3) recorded up to %4: %5")
            .arg(r.version, env, soakRunName(run->run), run->recording.recordedAt.toString(Qt::ISODate), verdict)};
}

// A named check passes when the checklist items bound to it are done (the changelog and tag checks
// tick them from a passing result); with no item bound to it, the tag is verified here.
Outcome namedCheck(ReleaseService &releases, const GateResult &r, const QString &check)
{
    const QString kind = check.trimmed().toLower();
    if (kind != u"changelog" && kind != u"tag")
        return {false, QStringLiteral("no built-in check '%1' (checks: changelog, tag)").arg(check)};
    auto checklist = releases.store()->checklist(r.version).result();
    if (!checklist)
        return {false, checklist.error().message};
    QStringList done, open;
    for (const ChecklistPhase &phase : std::as_const(checklist->phases))
        for (const ChecklistSection &section : phase.sections)
            for (const ChecklistItem &item : section.items) {
                if (item.check.simplified().section(u' ', 0, 0).compare(kind, Qt::CaseInsensitive) != 0)
                    continue;
                const bool closed = item.state == ItemState::Done || item.state == ItemState::NotApplicable;
                (closed ? done : open) << item.key;
            }
    if (!open.isEmpty())
        return {false,
            QStringLiteral("%1 not done (check: %2); run: release-cockpit %3")
                .arg(open.join(u", "), kind,
                    kind == u"tag" ? QStringLiteral("tag verify %1").arg(r.version)
                                   : QStringLiteral("changelog coverage"))};
    if (!done.isEmpty())
        return {true, QStringLiteral("%1 done (check: %2)").arg(done.join(u", "), kind)};
    if (kind == u"changelog")
        return {false,
            QStringLiteral("no checklist item is bound to check: changelog; run: release-cockpit changelog "
                           "coverage, and bind an item with <!-- check: changelog -->")};
    const TagService tags(releases.workspace().root, releases.workspace().policy, releases.identity());
    auto verified = tags.verify(r.version, r.commit);
    if (!verified)
        return {false, verified.error().message};
    return {verified->ok(), verified->ok() ? verified->evidence() : verified->problems.join(u' ')};
}

}  // namespace

Result<GateResult> evaluateRecordedGate(ReleaseService &releases, const GatePolicy &gate, GateResult result)
{
    Outcome outcome;
    if (!gate.probe.isEmpty())
        outcome = probeGate(releases, result, gate.probe);
    else if (!gate.soak.isEmpty())
        outcome = soakGate(releases, result, gate.soak);
    else
        outcome = namedCheck(releases, result, gate.check);
    result.status = outcome.first ? GateStatus::Pass : GateStatus::Fail;
    result.note = outcome.second;
    return releases.store()->saveGateResult(result).result();
}

Result<GateResult> manualGate(ReleaseService &releases, const GatePolicy &gate, GateResult result, bool confirmNow,
    const GateResult *before)
{
    if (confirmNow) {
        result.status = GateStatus::Pass;
        result.note = QStringLiteral("confirmed by %1: %2").arg(result.ranBy, gate.manual);
        return releases.store()->saveGateResult(result).result();
    }
    if (before && before->status == GateStatus::Pass && before->commit == result.commit)
        return *before;
    result.status = GateStatus::Waiting;
    const QString how = QStringLiteral("waiting for %1 to confirm: %2 (--confirm \"%3\")")
                            .arg(gate.role.isEmpty() ? QStringLiteral("a person") : QStringLiteral("a ") + gate.role,
                                gate.manual, gate.name);
    if (before && before->status == GateStatus::Pass && before->staleFor(result.commit))
        result.note = QStringLiteral("stale: confirmed by %1 on %2, the release is now at %3; %4")
                          .arg(before->ranBy, before->commit.left(12), result.commit.left(12), how);
    else
        result.note = how;
    return result;
}

}  // namespace cockpit
