// Evaluating and replaying a stored soak: the same analysis a live soak gets, fed from the record.
#include "soak_recording.h"

namespace cockpit {

namespace {

bool sameSchedule(const SoakCheckPolicy &a, const SoakCheckPolicy &b)
{
    return a.interval == b.interval && a.count == b.count && a.duration == b.duration;
}

template <typename Recorded> const Recorded *findByName(const QList<Recorded> &list, const QString &name)
{
    for (const Recorded &item : list)
        if (item.policy.name == name)
            return &item;
    return nullptr;
}

}  // namespace

SoakInput soakInputFrom(const SoakRecording &recording)
{
    SoakInput input;
    input.start = recording.start;
    input.duration = recording.duration;
    for (const RecordedCheck &check : recording.checks)
        input.checks << CheckInput {check.policy, check.readings, check.baseline};
    for (const RecordedTrigger &trigger : recording.triggers)
        input.triggers << TriggerInput {trigger.policy, trigger.series, trigger.baseline, trigger.step};
    return input;
}

SoakEvaluation evaluateRecording(const SoakRecording &recording, const std::optional<QDateTime> &now)
{
    return evaluateSoak(soakInputFrom(recording), now.value_or(recording.recordedAt));
}

SoakRecording withThresholds(const SoakRecording &recording, const QList<SoakCheckPolicy> &checks,
    const QList<TriggerPolicy> &triggers)
{
    SoakRecording edited = recording;
    edited.checks.clear();
    edited.triggers.clear();
    for (const SoakCheckPolicy &policy : checks) {
        RecordedCheck check;
        check.policy = policy;
        if (const RecordedCheck *old = findByName(recording.checks, policy.name)) {
            check.series = old->series;
            check.baseline = old->baseline;
            check.readings = sameSchedule(old->policy, policy)
                ? old->readings
                : readingsFromRange(
                    old->series, measurementTimes(policy, recording.start, recording.duration), policy);
        } else {
            check.series
                = QueryOutcome {QueryFailure::EmptyResult, QStringLiteral("not recorded"), {}, {}, {}};
        }
        edited.checks << check;
    }
    for (const TriggerPolicy &policy : triggers) {
        RecordedTrigger trigger;
        trigger.policy = policy;
        if (const RecordedTrigger *old = findByName(recording.triggers, policy.name)) {
            trigger.series = old->series;
            trigger.baseline = old->baseline;
            trigger.step = old->step;
        } else {
            trigger.series
                = QueryOutcome {QueryFailure::EmptyResult, QStringLiteral("not recorded"), {}, {}, {}};
        }
        edited.triggers << trigger;
    }
    return edited;
}

SoakEvaluation replaySoak(const SoakRecording &recording, const QList<SoakCheckPolicy> &checks,
    const QList<TriggerPolicy> &triggers, const std::optional<QDateTime> &now)
{
    return evaluateRecording(withThresholds(recording, checks, triggers), now);
}

}  // namespace cockpit
