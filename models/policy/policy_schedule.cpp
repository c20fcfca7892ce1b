// Section readers for when things happen: canary phases, release trains and their calendar,
// notification templates, and the DORA-style targets.
#include "policy_sections.h"

namespace cockpit {

using std::chrono::seconds;

void readCanary(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (!root.has(QStringLiteral("canary")))
        return;
    const MapView view = reader.map(root.get(QStringLiteral("canary")), QStringLiteral("canary"),
        {QStringLiteral("environment"), QStringLiteral("release_types"), QStringLiteral("phases"),
            QStringLiteral("cleanup_after"), QStringLiteral("set_traffic"), QStringLiteral("set_traffic_timeout"),
            QStringLiteral("rollback")});
    CanaryPolicy canary;
    requireEnvironment(reader, view, QStringLiteral("environment"), policy);
    canary.environment = view.string(QStringLiteral("environment"));
    canary.releaseTypes = view.strings(QStringLiteral("release_types"));
    QStringList typeNames;
    for (const ReleaseTypePolicy &type : std::as_const(policy.releaseTypes))
        typeNames << type.name;
    const QString typesPath = view.childPath(QStringLiteral("release_types"));
    for (qsizetype i = 0; i < canary.releaseTypes.size(); ++i)
        reader.requireKnown(view.item(QStringLiteral("release_types"), i),
            QStringLiteral("%1[%2]").arg(typesPath).arg(i), QStringLiteral("release type"),
            canary.releaseTypes.at(i), typeNames);
    canary.cleanupAfter = view.duration(QStringLiteral("cleanup_after")).value_or(seconds(0));
    if (view.has(QStringLiteral("set_traffic")))
        canary.setTraffic = readArgv(reader, view, QStringLiteral("set_traffic"));
    canary.setTrafficTimeout = view.duration(QStringLiteral("set_traffic_timeout")).value_or(seconds(120));
    if (const QString rollback = view.string(QStringLiteral("rollback"), QStringLiteral("immediate"));
        rollback == u"staged")
        canary.stagedRollback = true;
    else if (rollback != u"immediate")
        reader.expected(view.get(QStringLiteral("rollback")), view.childPath(QStringLiteral("rollback")),
            QStringLiteral("staged or immediate"));
    const QStringList keys {QStringLiteral("name"), QStringLiteral("traffic"), QStringLiteral("duration"),
        QStringLiteral("checks"), QStringLiteral("triggers")};
    view.require(QStringLiteral("phases"));
    int previousTraffic = 0;
    for (const MapView &item : reader.namedItems(
             view.get(QStringLiteral("phases")), view.childPath(QStringLiteral("phases")), keys)) {
        CanaryPhasePolicy phase;
        phase.name = item.string(QStringLiteral("name"));
        item.require(QStringLiteral("traffic"));
        phase.trafficPercent = item.integer(QStringLiteral("traffic"), 0, 1, 100);
        if (phase.trafficPercent <= previousTraffic)
            reader.expected(item.get(QStringLiteral("traffic")), item.childPath(QStringLiteral("traffic")),
                QStringLiteral("more than the previous phase's %1%").arg(previousTraffic));
        previousTraffic = phase.trafficPercent;
        phase.duration = item.duration(QStringLiteral("duration"));
        phase.checks = readChecks(reader, item, phase.duration, item.childPath(QStringLiteral("duration")));
        phase.triggers = readTriggers(reader, item, policy);
        canary.phases << phase;
    }
    if (canary.phases.isEmpty() || canary.phases.last().trafficPercent != 100)
        reader.fail(view.get(QStringLiteral("phases")), view.childPath(QStringLiteral("phases")),
            QStringLiteral("expected the last phase to take 100% of the traffic"));
    policy.canary = canary;
}

void readNotifications(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (!root.has(QStringLiteral("notifications")))
        return;
    const QStringList keys {QStringLiteral("name"), QStringLiteral("event"), QStringLiteral("before"),
        QStringLiteral("channel"), QStringLiteral("subject"), QStringLiteral("body")};
    for (const MapView &view :
        reader.namedItems(root.get(QStringLiteral("notifications")), QStringLiteral("notifications"), keys)) {
        NotificationPolicy notification;
        notification.name = view.string(QStringLiteral("name"));
        notification.event = view.requiredString(QStringLiteral("event"));
        notification.before = view.duration(QStringLiteral("before")).value_or(seconds(0));
        notification.channel = view.string(QStringLiteral("channel"));
        notification.subject = view.string(QStringLiteral("subject"));
        notification.body = view.requiredString(QStringLiteral("body"));
        policy.notifications << notification;
    }
}

void readTrains(PolicyReader &reader, const MapView &root, Policy &policy)
{
    QStringList names;
    if (root.has(QStringLiteral("trains"))) {
        const QStringList keys {QStringLiteral("name"), QStringLiteral("cadence"), QStringLiteral("day"),
            QStringLiteral("contains"), QStringLiteral("tag_format")};
        for (const MapView &view :
            reader.namedItems(root.get(QStringLiteral("trains")), QStringLiteral("trains"), keys)) {
            TrainPolicy train;
            train.name = view.string(QStringLiteral("name"));
            train.cadence = view.requiredString(QStringLiteral("cadence"));
            train.day = view.string(QStringLiteral("day"));
            train.contains = view.string(QStringLiteral("contains"));
            train.tagFormat = view.string(QStringLiteral("tag_format"));
            if (view.has(QStringLiteral("tag_format")) && !train.tagFormat.contains(u"{version}"))
                reader.expected(view.get(QStringLiteral("tag_format")),
                    view.childPath(QStringLiteral("tag_format")),
                    QStringLiteral("a format containing {version}"));
            policy.trains << train;
            names << train.name;
        }
    }
    if (!root.has(QStringLiteral("calendar")))
        return;
    const QList<YAML::Node> entries
        = reader.list(root.get(QStringLiteral("calendar")), QStringLiteral("calendar"));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const MapView view = reader.map(entries.at(i), QStringLiteral("calendar[%1]").arg(i),
            {QStringLiteral("date"), QStringLiteral("event"), QStringLiteral("train"),
                QStringLiteral("version")});
        CalendarEntryPolicy entry;
        entry.date
            = reader.date(view.require(QStringLiteral("date")), view.childPath(QStringLiteral("date")));
        entry.event = view.requiredString(QStringLiteral("event"));
        if (view.has(QStringLiteral("train")))
            reader.requireKnown(view.get(QStringLiteral("train")), view.childPath(QStringLiteral("train")),
                QStringLiteral("train"), view.string(QStringLiteral("train")), names);
        entry.train = view.string(QStringLiteral("train"));
        entry.version = view.string(QStringLiteral("version"));
        policy.calendar << entry;
    }
}

void readMetrics(PolicyReader &reader, const MapView &root, Policy &policy)
{
    if (!root.has(QStringLiteral("metrics")))
        return;
    const MapView view = reader.map(root.get(QStringLiteral("metrics")), QStringLiteral("metrics"),
        {QStringLiteral("lead_time"), QStringLiteral("feature_lead_time"),
            QStringLiteral("change_failure_rate"), QStringLiteral("mttr"),
            QStringLiteral("deployment_frequency"), QStringLiteral("deployment_success_rate"),
            QStringLiteral("rollback_rate")});
    const auto percent = [&](const QString &key) -> std::optional<double> {
        const std::optional<double> value = view.number(key);
        if (value && (*value < 0 || *value > 100))
            reader.expected(view.get(key), view.childPath(key), QStringLiteral("a percentage from 0 to 100"));
        return value;
    };
    MetricsPolicy &metrics = policy.metrics;
    metrics.leadTime = view.duration(QStringLiteral("lead_time"));
    metrics.featureLeadTime = view.duration(QStringLiteral("feature_lead_time"));
    metrics.mttr = view.duration(QStringLiteral("mttr"));
    metrics.changeFailureRate = percent(QStringLiteral("change_failure_rate"));
    metrics.deploymentSuccessRate = percent(QStringLiteral("deployment_success_rate"));
    metrics.rollbackRate = percent(QStringLiteral("rollback_rate"));
    metrics.deploymentFrequency = view.stringMap(QStringLiteral("deployment_frequency"));
}

}  // namespace cockpit
