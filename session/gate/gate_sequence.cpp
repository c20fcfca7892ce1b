#include "gate_sequence.h"

#include "gate_checks.h"
#include "gate_runner.h"
#include "release_service.h"
#include "rollback_plan.h"

namespace cockpit {

namespace {

const GatePolicy *findGate(const Policy &policy, const QString &name)
{
    for (const GatePolicy &g : policy.gates)
        if (g.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return &g;
    return nullptr;
}

Error unknownGate(const Policy &policy, const QString &name)
{
    QStringList names;
    for (const GatePolicy &g : policy.gates)
        names << g.name;
    return Error {ErrorCode::NotFound,
        QStringLiteral("no gate '%1' in the policy (gates: %2)")
            .arg(name, names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))),
        policy.locationOf(QStringLiteral("gates"))};
}

// Every name the options give is a gate of the policy, N/A only for a conditional gate, and a
// confirmation only from someone the gate's role lists: checked before anything runs.
Status checkOptions(const Policy &policy, const GateRunOptions &options, const QString &who)
{
    QStringList named = options.confirm;
    named << options.notApplicable.keys();
    if (!options.only.isEmpty())
        named << options.only;
    for (const QString &name : std::as_const(named))
        if (!findGate(policy, name))
            return std::unexpected(unknownGate(policy, name));
    for (auto it = options.notApplicable.cbegin(); it != options.notApplicable.cend(); ++it) {
        const GatePolicy *gate = findGate(policy, it.key());
        if (gate->condition.isEmpty())
            return fail(ErrorCode::BadInput,
                QStringLiteral("gate '%1' has no condition: it always applies, so it cannot be not applicable")
                    .arg(gate->name));
        if (it.value().trimmed().isEmpty())
            return fail(ErrorCode::Usage, QStringLiteral("not applicable needs a reason (--reason T)"));
    }
    for (const QString &name : options.confirm) {
        const GatePolicy *gate = findGate(policy, name);
        if (gate->kind() != u"manual")
            return fail(ErrorCode::BadInput,
                QStringLiteral("gate '%1' is a %2 gate: only a manual gate is confirmed by a person")
                    .arg(gate->name, gate->kind()));
        const QStringList people = policy.roles.value(gate->role);
        if (!gate->role.isEmpty() && !people.contains(who, Qt::CaseInsensitive))
            return fail(ErrorCode::Refused,
                QStringLiteral("%1 cannot confirm gate '%2': it needs a %3 (%4)")
                    .arg(who, gate->name, gate->role,
                        people.isEmpty() ? QStringLiteral("nobody holds that role") : people.join(u", ")));
    }
    return {};
}

bool named(const QStringList &names, const QString &name)
{
    return std::any_of(names.cbegin(), names.cend(),
        [&](const QString &n) { return n.trimmed().compare(name, Qt::CaseInsensitive) == 0; });
}

QString namedValue(const QMap<QString, QString> &map, const QString &name)
{
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        if (it.key().trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    return {};
}

QString evidenceFor(const GateResult &r)
{
    return QStringLiteral("gate '%1' passed on %2 (%3, %4 ms) run by %5 at %6")
        .arg(r.name, r.commit.left(12), r.note, QString::number(r.durationMs), r.ranBy,
            r.ranAt.toString(Qt::ISODate));
}

// The process of a run or shell gate: stored running, run, stored with its outcome.
Result<GateResult> runProcessGate(ReleaseService &releases, const GatePolicy &gate, int index,
    const GateRun &run, GateResult r, const GateRunOptions &options, const GateRedactor &redact)
{
    const Policy &policy = releases.workspace().policy;
    const QString tag = policy.tagFor(run.version);
    GateProcessSpec spec;
    spec.workDir = releases.workspace().root;
    spec.environment = {{QStringLiteral("RELEASE_VERSION"), run.version},
        {QStringLiteral("RELEASE_COMMIT"), run.commit}, {QStringLiteral("RELEASE_TAG"), tag}};
    spec.grace = options.grace;
    spec.timeout = gate.timeout.count() > 0 ? std::chrono::milliseconds(gate.timeout) : options.defaultTimeout;
    if (!gate.run.isEmpty()) {
        // Each argument on its own, as rollback steps are: a value stays one argument, never syntax.
        const QMap<QString, QString> values {{QStringLiteral("version"), run.version},
            {QStringLiteral("commit"), run.commit}, {QStringLiteral("tag"), tag},
            {QStringLiteral("project"), policy.project}};
        QStringList argv;
        for (qsizetype a = 0; a < gate.run.size(); ++a) {
            auto arg = substitutePlaceholders(gate.run.at(a), values, PlaceholderQuoting::Raw, gate.name,
                policy.locationOf(QStringLiteral("gates[%1].run[%2]").arg(index).arg(a)), QStringLiteral("gate"));
            if (!arg)
                return std::unexpected(arg.error());
            argv << *arg;
        }
        spec.program = argv.value(0);
        spec.arguments = argv.mid(1);
    } else {
        spec.program = QStringLiteral("/bin/sh");
        spec.arguments = {QStringLiteral("-c"), gate.shell};
    }
    r.status = GateStatus::Running;
    r.runner = gateRunnerId();
    r.timeoutMs = spec.timeout.count();
    auto running = releases.store()->saveGateResult(r).result();
    if (!running)
        return std::unexpected(running.error());
    if (options.progress)
        options.progress(*running);
    r = *running;
    const GateProcessOutcome outcome = runGateProcess(spec, options.stop, [&](const QByteArray &chunk) {
        if (options.output)
            options.output(gate.name, chunk);
    });
    r.status = outcome.passed() ? GateStatus::Pass : GateStatus::Fail;
    r.exitCode = outcome.exitCode;
    r.durationMs = outcome.durationMs;
    const QString tail = QString::fromUtf8(outcome.tail);
    r.outputTail = redact ? redact(tail) : tail;
    r.note = outcome.note;
    if (outcome.outputBytes > outcome.tail.size())
        r.note += QStringLiteral(" (output: the last %1 of %2 bytes kept)").arg(outcome.tail.size()).arg(outcome.outputBytes);
    return releases.store()->saveGateResult(r).result();
}

}  // namespace

Result<GateRun> runGateSequence(
    ReleaseService &releases, const QString &version, const GateRunOptions &options, const GateRedactor &redact)
{
    const Policy &policy = releases.workspace().policy;
    const QString who = releases.identity().id;
    if (auto ok = checkOptions(policy, options, who); !ok)
        return std::unexpected(ok.error());
    auto release = releases.store()->release(version).result();
    if (!release)
        return std::unexpected(release.error());
    GateRun run;
    run.version = version;
    run.commit = ReleaseService::currentCommit(releases.workspace(), *release, &run.warnings);
    auto stored = releases.store()->gateResults(version).result();
    if (!stored)
        return std::unexpected(stored.error());
    QString stoppedBy;  // why the gates from here on are not run
    for (int i = 0; i < policy.gates.size(); ++i) {
        const GatePolicy &gate = policy.gates.at(i);
        if (!options.only.isEmpty() && gate.name.compare(options.only.trimmed(), Qt::CaseInsensitive) != 0)
            continue;
        GateResult r;
        r.version = version;
        r.name = gate.name;
        r.kind = gate.kind();
        r.commit = run.commit;
        r.ranBy = who;
        if (!stoppedBy.isEmpty()) {
            r.note = QStringLiteral("not run: %1").arg(stoppedBy);
            run.gates << r;
            continue;
        }
        Result<GateResult> result = r;
        const QString naReason = namedValue(options.notApplicable, gate.name);
        if (!naReason.isEmpty()) {
            r.status = GateStatus::Skipped;
            r.note = QStringLiteral("not applicable (%1): %2").arg(gate.condition, naReason);
            result = releases.store()->saveGateResult(r).result();
        } else if (r.kind == u"run" || r.kind == u"shell") {
            result = runProcessGate(releases, gate, i, run, r, options, redact);
        } else if (r.kind == u"manual") {
            const GateResult *before = nullptr;
            for (const GateResult &s : std::as_const(*stored))
                if (s.name == gate.name)
                    before = &s;
            result = manualGate(releases, gate, r, named(options.confirm, gate.name), before);
        } else {
            result = evaluateRecordedGate(releases, gate, r);
        }
        if (!result)
            return std::unexpected(result.error());
        r = *result;
        if (options.progress && r.status != GateStatus::Waiting)
            options.progress(r);
        run.gates << r;
        if (r.status == GateStatus::Fail || r.status == GateStatus::Interrupted)
            stoppedBy = QStringLiteral("gate '%1' before it failed").arg(gate.name);
        else if (r.status == GateStatus::Waiting)
            stoppedBy = QStringLiteral("gate '%1' before it waits for a person").arg(gate.name);
        else if (r.status == GateStatus::Pass && r.commit == run.commit) {
            auto ticked = releases
                              .applyCheckOutcome(version,
                                  CheckOutcome {QStringLiteral("gate"), gate.name, true, evidenceFor(r)})
                              .result();
            if (ticked)
                run.ticked << *ticked;
            else
                run.warnings << QStringLiteral("cannot tick the checklist: %1").arg(ticked.error().toString());
        }
    }
    return run;
}

Result<GateRun> storedGateRun(ReleaseService &releases, const QString &version)
{
    auto release = releases.store()->release(version).result();
    if (!release)
        return std::unexpected(release.error());
    auto stored = releases.store()->gateResults(version).result();
    if (!stored)
        return std::unexpected(stored.error());
    GateRun run;
    run.version = version;
    run.commit = ReleaseService::currentCommit(releases.workspace(), *release, &run.warnings);
    for (const GatePolicy &gate : releases.workspace().policy.gates) {
        GateResult r;
        r.version = version;
        r.name = gate.name;
        r.kind = gate.kind();
        for (const GateResult &s : std::as_const(*stored))
            if (s.name == gate.name)
                r = s;
        if (r.staleFor(run.commit))
            r.note = QStringLiteral("stale: ran on %1, the release is now at %2; run it again")
                         .arg(r.commit.left(12), run.commit.left(12));
        run.gates << r;
    }
    return run;
}

}  // namespace cockpit
