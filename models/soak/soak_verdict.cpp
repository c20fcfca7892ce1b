// The soak's verdict: FAIL as soon as a check fails or a trigger fires, PASS only when every
// check passed and every trigger could be watched, INCONCLUSIVE when it can no longer pass.
#include "soak_analysis.h"

namespace cockpit {

namespace {

void earliest(std::optional<QDateTime> &slot, const std::optional<QDateTime> &candidate)
{
    if (candidate && (!slot || *candidate < *slot))
        slot = candidate;
}

void decide(SoakEvaluation &e)
{
    QStringList inconclusive;
    bool running = false;
    for (const CheckResult &check : std::as_const(e.checks)) {
        if (check.status == CheckStatus::Fail) {
            e.verdict = SoakVerdict::Fail;
            e.reason = QStringLiteral("%1 failed: %2").arg(check.name, check.reason);
            return;
        }
        if (check.status == CheckStatus::Inconclusive)
            inconclusive << QStringLiteral("%1 (%2)").arg(check.name, check.reason);
        running = running || check.status == CheckStatus::Running;
    }
    for (const TriggerResult &trigger : std::as_const(e.triggers)) {
        if (trigger.fired) {
            e.verdict = SoakVerdict::Fail;
            e.reason = QStringLiteral("rollback trigger %1 %2").arg(trigger.name, trigger.reason);
            return;
        }
    }
    if (!inconclusive.isEmpty()) {
        e.verdict = SoakVerdict::Inconclusive;
        e.reason = QStringLiteral("can no longer pass: ") + inconclusive.join(QStringLiteral("; "));
        return;
    }
    if (running || e.evaluatedAt < e.end) {
        e.verdict = SoakVerdict::Running;
        e.reason = QStringLiteral("soak runs until %1").arg(e.end.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
        return;
    }
    // At the end: a trigger whose query failed was not watched, so the soak was not seen whole.
    for (const TriggerResult &trigger : std::as_const(e.triggers)) {
        if (trigger.error && trigger.kind == u"query") {
            e.verdict = SoakVerdict::Inconclusive;
            e.reason
                = QStringLiteral("trigger %1 could not be watched: %2").arg(trigger.name, trigger.reason);
            return;
        }
    }
    e.verdict = SoakVerdict::Pass;
    e.reason = e.checks.isEmpty() ? QStringLiteral("no trigger fired during the soak")
                                  : QStringLiteral("every check passed");
}

}  // namespace

SoakEvaluation evaluateSoak(const SoakInput &input, const QDateTime &now)
{
    SoakEvaluation e;
    e.start = input.start;
    e.evaluatedAt = now;
    QList<SoakCheckPolicy> policies;
    for (const CheckInput &check : input.checks)
        policies << check.policy;
    e.end = soakEnd(policies, input.start, input.duration);
    for (const CheckInput &check : input.checks)
        e.checks << evaluateCheck(check, input.start, input.duration, now, input.grace);
    for (const TriggerInput &trigger : input.triggers)
        e.triggers << evaluateTrigger(trigger, now, input.start);
    decide(e);
    if (e.verdict == SoakVerdict::Fail)
        return e;
    bool canPass = e.verdict != SoakVerdict::Inconclusive;
    std::optional<QDateTime> latestPass = e.end;
    for (const CheckResult &check : std::as_const(e.checks)) {
        earliest(e.nextChange, check.nextMeasurement);
        if (!check.earliestPass)
            canPass = false;
        else if (*check.earliestPass > *latestPass)
            latestPass = check.earliestPass;
    }
    for (qsizetype i = 0; i < e.triggers.size(); ++i) {
        const TriggerResult &trigger = e.triggers.at(i);
        if (trigger.holdingSince && !trigger.fired)
            earliest(
                e.nextChange, trigger.holdingSince->addSecs(input.triggers.at(i).policy.forDuration.count()));
    }
    if (e.verdict == SoakVerdict::Running && e.checks.isEmpty())
        earliest(e.nextChange, e.end);
    if (canPass)
        e.earliestPass = latestPass;
    return e;
}

}  // namespace cockpit
