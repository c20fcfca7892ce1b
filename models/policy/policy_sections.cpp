#include "policy_sections.h"

#include <QRegularExpression>

namespace cockpit {

namespace {

using std::chrono::seconds;

QString durationText(seconds value)
{
    const qint64 s = value.count();
    if (s % 86400 == 0)
        return QStringLiteral("%1d").arg(s / 86400);
    if (s % 3600 == 0)
        return QStringLiteral("%1h").arg(s / 3600);
    if (s % 60 == 0)
        return QStringLiteral("%1m").arg(s / 60);
    return QStringLiteral("%1s").arg(s);
}

// The bound of a soak check or trigger: exactly one of max, min, or baseline {window, and one of
// max_ratio, max_increase (absolute), max_increase_percent; query: the baseline's own query}.
template <typename Bounded> void readBound(PolicyReader &reader, const MapView &view, Bounded &target)
{
    const QString bound
        = view.exactlyOne({QStringLiteral("max"), QStringLiteral("min"), QStringLiteral("baseline")});
    target.max = view.number(QStringLiteral("max"));
    target.min = view.number(QStringLiteral("min"));
    if (bound != u"baseline")
        return;
    const QString ratioKey = QStringLiteral("max_ratio");
    const QString increaseKey = QStringLiteral("max_increase");
    const QString percentKey = QStringLiteral("max_increase_percent");
    const MapView baseline
        = reader.map(view.get(QStringLiteral("baseline")), view.childPath(QStringLiteral("baseline")),
            {QStringLiteral("window"), ratioKey, increaseKey, percentKey, QStringLiteral("query")});
    baseline.require(QStringLiteral("window"));
    target.baselineWindow = baseline.duration(QStringLiteral("window"));
    target.baselineQuery = baseline.string(QStringLiteral("query"));
    const QString limit = baseline.exactlyOne({ratioKey, increaseKey, percentKey});
    target.baselineMaxRatio = baseline.number(ratioKey);
    target.baselineMaxIncrease = baseline.number(increaseKey);
    target.baselineMaxIncreasePercent = baseline.number(percentKey);
    if (target.baselineMaxRatio && *target.baselineMaxRatio <= 0)
        reader.expected(
            baseline.get(ratioKey), baseline.childPath(ratioKey), QStringLiteral("a ratio above 0 like 2.0"));
    if (limit == percentKey && *target.baselineMaxIncreasePercent <= -100)
        reader.expected(baseline.get(percentKey), baseline.childPath(percentKey),
            QStringLiteral("a percentage above -100 like 10"));
}

const QStringList kCheckKeys {QStringLiteral("name"), QStringLiteral("query"), QStringLiteral("max"),
    QStringLiteral("min"), QStringLiteral("baseline"), QStringLiteral("interval"), QStringLiteral("count"),
    QStringLiteral("duration"), QStringLiteral("failure_limit"), QStringLiteral("consecutive_error_limit"),
    QStringLiteral("on_no_data"), QStringLiteral("unit")};

void readCheckSchedule(PolicyReader &reader, const MapView &view, SoakCheckPolicy &check,
    std::optional<seconds> window, const QString &windowKey)
{
    check.interval = *view.duration(QStringLiteral("interval"));
    if (view.has(QStringLiteral("count")) && view.has(QStringLiteral("duration")))
        reader.fail(view.keyNode(QStringLiteral("duration")), view.path(),
            QStringLiteral("expected count or duration, not both"));
    if (view.has(QStringLiteral("count")))
        check.count = view.integer(QStringLiteral("count"), 1, 1, 100000);
    check.duration = view.duration(QStringLiteral("duration"));
    const std::optional<seconds> span = check.duration ? check.duration : window;
    if (!check.count && !span)
        reader.fail(view.node(), view.path(),
            QStringLiteral("expected count or duration (%1 is not set)").arg(windowKey));
    if (span && check.interval > *span)
        reader.fail(view.get(QStringLiteral("interval")), view.childPath(QStringLiteral("interval")),
            QStringLiteral("interval %1 is longer than the %2 window")
                .arg(durationText(check.interval), durationText(*span)));
}

SoakCheckPolicy readCheck(
    PolicyReader &reader, const MapView &view, std::optional<seconds> window, const QString &windowKey)
{
    SoakCheckPolicy check;
    check.name = view.string(QStringLiteral("name"));
    check.query = view.requiredString(QStringLiteral("query"));
    readBound(reader, view, check);
    view.require(QStringLiteral("interval"));
    readCheckSchedule(reader, view, check, window, windowKey);
    check.failureLimit = view.integer(QStringLiteral("failure_limit"), 0, 0, 100000);
    check.consecutiveErrorLimit = view.integer(QStringLiteral("consecutive_error_limit"), 4, 1, 100000);
    check.onNoData = view.string(QStringLiteral("on_no_data"), check.onNoData);
    check.unit = view.string(QStringLiteral("unit")).trimmed();
    if (view.has(QStringLiteral("on_no_data")))
        reader.requireKnown(view.get(QStringLiteral("on_no_data")),
            view.childPath(QStringLiteral("on_no_data")), QStringLiteral("on_no_data value"), check.onNoData,
            {QStringLiteral("inconclusive"), QStringLiteral("fail")});
    return check;
}

const QStringList kTriggerKeys {QStringLiteral("name"), QStringLiteral("query"), QStringLiteral("max"),
    QStringLiteral("min"), QStringLiteral("baseline"), QStringLiteral("probe"), QStringLiteral("manual"),
    QStringLiteral("for"), QStringLiteral("severity"), QStringLiteral("action"), QStringLiteral("automatic")};

TriggerPolicy readTrigger(PolicyReader &reader, const MapView &view, const Policy &policy)
{
    TriggerPolicy trigger;
    trigger.name = view.string(QStringLiteral("name"));
    const QString kind
        = view.exactlyOne({QStringLiteral("query"), QStringLiteral("probe"), QStringLiteral("manual")});
    if (kind == u"query") {
        trigger.query = view.requiredString(QStringLiteral("query"));
        readBound(reader, view, trigger);
    } else if (kind == u"probe") {
        requireEnvironment(reader, view, QStringLiteral("probe"), policy);
        trigger.probe = view.string(QStringLiteral("probe"));
    } else if (!(trigger.manual = view.boolean(QStringLiteral("manual"), false))) {
        reader.expected(view.get(QStringLiteral("manual")), view.childPath(QStringLiteral("manual")),
            QStringLiteral("true (a person declares this trigger)"));
    }
    if (trigger.manual || !trigger.probe.isEmpty()) {
        for (const QString &key :
            {QStringLiteral("max"), QStringLiteral("min"), QStringLiteral("baseline")}) {
            if (view.has(key))
                reader.fail(view.keyNode(key), view.path(),
                    QStringLiteral("%1 applies to query triggers only").arg(key));
        }
    }
    trigger.forDuration = view.duration(QStringLiteral("for")).value_or(seconds(0));
    trigger.severity = view.string(QStringLiteral("severity"));
    trigger.action = view.string(QStringLiteral("action"));
    trigger.automatic = view.boolean(QStringLiteral("automatic"), false);
    // An automatic trigger that would not roll back would do nothing by itself: refused, so the
    // policy never promises an automatic rollback it cannot start.
    if (trigger.automatic && !isRollbackAction(trigger.action))
        reader.fail(view.get(QStringLiteral("automatic")), view.childPath(QStringLiteral("automatic")),
            QStringLiteral("automatic applies to rollback triggers only: give the trigger an action that "
                           "says rollback (action: Automatic rollback), got %1")
                .arg(trigger.action.isEmpty() ? QStringLiteral("no action")
                                              : QStringLiteral("\"%1\"").arg(trigger.action)));
    return trigger;
}

}  // namespace

// argv lists may repeat words (make -C x make), so they are not read with strings().
QStringList readArgv(PolicyReader &reader, const MapView &view, const QString &key)
{
    const QString path = view.childPath(key);
    QStringList argv;
    const QList<YAML::Node> items = reader.list(view.get(key), path);
    for (qsizetype i = 0; i < items.size(); ++i)
        argv << reader.string(items.at(i), QStringLiteral("%1[%2]").arg(path).arg(i));
    if (argv.isEmpty() || argv.first().trimmed().isEmpty())
        reader.expected(view.get(key), path, QStringLiteral("a command as a list like [make, test]"));
    return argv;
}


QList<SoakCheckPolicy> readChecks(
    PolicyReader &reader, const MapView &parent, std::optional<seconds> window, const QString &windowKey)
{
    QList<SoakCheckPolicy> checks;
    if (!parent.has(QStringLiteral("checks")))
        return checks;
    for (const MapView &item : reader.namedItems(
             parent.get(QStringLiteral("checks")), parent.childPath(QStringLiteral("checks")), kCheckKeys))
        checks << readCheck(reader, item, window, windowKey);
    return checks;
}

QList<TriggerPolicy> readTriggers(PolicyReader &reader, const MapView &parent, const Policy &policy)
{
    QList<TriggerPolicy> triggers;
    if (!parent.has(QStringLiteral("triggers")))
        return triggers;
    for (const MapView &item : reader.namedItems(parent.get(QStringLiteral("triggers")),
             parent.childPath(QStringLiteral("triggers")), kTriggerKeys))
        triggers << readTrigger(reader, item, policy);
    return triggers;
}

void requireEnvironment(PolicyReader &reader, const MapView &view, const QString &key, const Policy &policy)
{
    QStringList names;
    for (const EnvironmentPolicy &env : policy.environments)
        names << env.name;
    reader.requireKnown(
        view.get(key), view.childPath(key), QStringLiteral("environment"), view.requiredString(key), names);
}

QList<ApprovalRequirement> readApprovals(
    PolicyReader &reader, const YAML::Node &node, const QString &path, const Policy &policy)
{
    QList<ApprovalRequirement> approvals;
    const QList<YAML::Node> items = reader.list(node, path);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        ApprovalRequirement approval;
        YAML::Node roleNode = items.at(i);
        QString rolePath = itemPath;
        if (items.at(i).IsScalar()) {  // shorthand: "- platform_lead"
            approval.role = reader.string(roleNode, itemPath);
        } else {
            const MapView view = reader.map(items.at(i), itemPath,
                {QStringLiteral("role"), QStringLiteral("count"), QStringLiteral("condition")});
            approval.role = view.requiredString(QStringLiteral("role"));
            roleNode = view.get(QStringLiteral("role"));
            rolePath = view.childPath(QStringLiteral("role"));
            approval.count = view.integer(QStringLiteral("count"), 1, 1, 100);
            approval.condition = view.string(QStringLiteral("condition"));
        }
        reader.requireKnown(roleNode, rolePath, QStringLiteral("role"), approval.role, policy.roles.keys());
        for (const ApprovalRequirement &other : std::as_const(approvals)) {
            if (other.role == approval.role && other.condition == approval.condition)
                reader.fail(items.at(i), itemPath,
                    QStringLiteral("duplicate approval for role \"%1\" (raise its count instead)")
                        .arg(approval.role));
        }
        approvals << approval;
    }
    return approvals;
}

void readSoak(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (!root.has(QStringLiteral("soak")))
        return;
    const MapView soak = reader.map(root.get(QStringLiteral("soak")), QStringLiteral("soak"),
        {QStringLiteral("duration"), QStringLiteral("checks"), QStringLiteral("triggers"),
            QStringLiteral("max_sample_age"), QStringLiteral("freshness_query"), QStringLiteral("refresh"),
            QStringLiteral("probe_interval")});
    policy.soakDuration = soak.duration(QStringLiteral("duration")).value_or(seconds(0));
    if (auto age = soak.duration(QStringLiteral("max_sample_age")); age && age->count() > 0)
        policy.soakMaxSampleAge = *age;
    if (auto refresh = soak.duration(QStringLiteral("refresh"))) {
        // The window follows a running soak at this cadence: slower than 15 s is no longer live.
        if (refresh->count() < 1 || *refresh > seconds(15))
            reader.fail(soak.get(QStringLiteral("refresh")), soak.childPath(QStringLiteral("refresh")),
                QStringLiteral("expected a duration from 1s to 15s, got %1").arg(durationText(*refresh)));
        else
            policy.soakRefresh = *refresh;
    }
    if (auto interval = soak.duration(QStringLiteral("probe_interval"))) {
        // Probe triggers are fed at this cadence during a live soak: finer than 1 s floods the
        // environment, coarser than 1 h is no longer watching it.
        if (interval->count() < 1 || *interval > seconds(3600))
            reader.fail(soak.get(QStringLiteral("probe_interval")), soak.childPath(QStringLiteral("probe_interval")),
                QStringLiteral("expected a duration from 1s to 1h, got %1").arg(durationText(*interval)));
        else
            policy.soakProbeInterval = *interval;
    }
    if (soak.has(QStringLiteral("freshness_query")))
        policy.soakFreshnessQuery = soak.string(QStringLiteral("freshness_query"));
    const std::optional<seconds> window
        = policy.soakDuration.count() > 0 ? std::optional(policy.soakDuration) : std::nullopt;
    policy.soakChecks = readChecks(reader, soak, window, QStringLiteral("soak.duration"));
    policy.triggers = readTriggers(reader, soak, policy);
    const bool queries = !policy.soakChecks.isEmpty()
        || std::any_of(policy.triggers.cbegin(), policy.triggers.cend(),
            [](const TriggerPolicy &t) { return !t.query.isEmpty(); });
    if (queries && policy.prometheusUrl.isEmpty())
        reader.fail(
            soak.node(), soak.path(), QStringLiteral("PromQL checks and triggers need prometheus.url"));
}

void readGates(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (!root.has(QStringLiteral("gates")))
        return;
    const QStringList keys {QStringLiteral("name"), QStringLiteral("run"), QStringLiteral("shell"),
        QStringLiteral("probe"), QStringLiteral("soak"), QStringLiteral("check"), QStringLiteral("manual"),
        QStringLiteral("condition"), QStringLiteral("description"), QStringLiteral("timeout"),
        QStringLiteral("role")};
    for (const MapView &view :
        reader.namedItems(root.get(QStringLiteral("gates")), QStringLiteral("gates"), keys)) {
        GatePolicy gate;
        gate.name = view.string(QStringLiteral("name"));
        const QString kind
            = view.exactlyOne({QStringLiteral("run"), QStringLiteral("shell"), QStringLiteral("probe"),
                QStringLiteral("soak"), QStringLiteral("check"), QStringLiteral("manual")});
        if (kind == u"run")
            gate.run = readArgv(reader, view, kind);
        else if (kind == u"probe" || kind == u"soak")
            requireEnvironment(reader, view, kind, policy);
        gate.shell = view.string(QStringLiteral("shell"));
        gate.probe = view.string(QStringLiteral("probe"));
        gate.soak = view.string(QStringLiteral("soak"));
        gate.check = view.string(QStringLiteral("check"));
        gate.manual = view.string(QStringLiteral("manual"));
        if (kind != u"run" && view.string(kind).trimmed().isEmpty())
            reader.expected(view.get(kind), view.childPath(kind), QStringLiteral("a non-empty string"));
        gate.condition = view.string(QStringLiteral("condition"));
        gate.description = view.string(QStringLiteral("description"));
        gate.timeout = view.duration(QStringLiteral("timeout")).value_or(seconds(0));
        gate.role = view.string(QStringLiteral("role"));
        if (view.has(QStringLiteral("role")))
            reader.requireKnown(view.get(QStringLiteral("role")), view.childPath(QStringLiteral("role")),
                QStringLiteral("role"), gate.role, policy.roles.keys());
        policy.gates << gate;
    }
}

RollbackStepPolicy readStep(PolicyReader &reader, const MapView &view, const Policy &policy)
{
    RollbackStepPolicy step;
    step.name = view.string(QStringLiteral("name"));
    const QString kind = view.exactlyOne({QStringLiteral("run"), QStringLiteral("shell"),
        QStringLiteral("probe"), QStringLiteral("manual"), QStringLiteral("http")});
    if (kind == u"run") {
        step.run = readArgv(reader, view, kind);
    } else if (kind == u"probe") {
        // "{env}": the environment the release is live in, known when the plan is made.
        if (view.string(kind) != u"{env}")
            requireEnvironment(reader, view, kind, policy);
        step.probe = view.string(kind);
    } else if (kind == u"http") {
        const MapView http = reader.map(view.get(kind), view.childPath(kind),
            {QStringLiteral("method"), QStringLiteral("url"), QStringLiteral("headers"),
                QStringLiteral("body")});
        step.httpMethod = http.string(QStringLiteral("method"), QStringLiteral("POST"));
        reader.requireKnown(http.get(QStringLiteral("method")), http.childPath(QStringLiteral("method")),
            QStringLiteral("HTTP method"), step.httpMethod,
            {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                QStringLiteral("DELETE")});
        step.httpUrl = http.requiredString(QStringLiteral("url"));
        if (!step.httpUrl.startsWith(u"http://") && !step.httpUrl.startsWith(u"https://"))
            reader.expected(http.get(QStringLiteral("url")), http.childPath(QStringLiteral("url")),
                QStringLiteral("an http:// or https:// URL"));
        step.httpHeaders = http.stringMap(QStringLiteral("headers"));
        step.httpBody = http.string(QStringLiteral("body"));
    } else {
        const QString text = view.requiredString(kind);
        (kind == u"shell" ? step.shell : step.manual) = text;
    }
    step.timeout = view.duration(QStringLiteral("timeout")).value_or(seconds(0));
    step.condition = view.string(QStringLiteral("condition"));
    return step;
}

void readRollback(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (!root.has(QStringLiteral("rollback")))
        return;
    const MapView view = reader.map(root.get(QStringLiteral("rollback")), QStringLiteral("rollback"),
        {QStringLiteral("target"), QStringLiteral("two_person"), QStringLiteral("checklist"),
            QStringLiteral("reverted_tag_format"), QStringLiteral("steps")});
    policy.rollbackTarget = view.string(QStringLiteral("target"), QStringLiteral("last_known_good"));
    policy.rollbackTwoPerson = view.boolean(QStringLiteral("two_person"), false);
    policy.rollbackChecklist = view.string(QStringLiteral("checklist"));
    policy.revertedTagFormat = view.string(QStringLiteral("reverted_tag_format"));
    if (view.has(QStringLiteral("reverted_tag_format")) && !policy.revertedTagFormat.contains(u"{version}"))
        reader.expected(view.get(QStringLiteral("reverted_tag_format")),
            view.childPath(QStringLiteral("reverted_tag_format")),
            QStringLiteral("a format containing {version}"));
    const QStringList keys {QStringLiteral("name"), QStringLiteral("run"), QStringLiteral("shell"),
        QStringLiteral("probe"), QStringLiteral("manual"), QStringLiteral("http"), QStringLiteral("timeout"),
        QStringLiteral("condition")};
    if (view.has(QStringLiteral("steps"))) {
        for (const MapView &item : reader.namedItems(
                 view.get(QStringLiteral("steps")), view.childPath(QStringLiteral("steps")), keys))
            policy.rollbackSteps << readStep(reader, item, policy);
    }
}

}  // namespace cockpit
