#pragma once
// The policy loader's section readers, split across files by concern: people and places
// (policy_loader.cpp), what runs during a release (policy_sections.cpp), and when
// (policy_schedule.cpp: canary phases, trains, calendar, notifications, metrics). Internal to models/.
#include "policy.h"
#include "policy_reader.h"

namespace cockpit {

QList<ApprovalRequirement> readApprovals(
    PolicyReader &reader, const YAML::Node &node, const QString &path, const Policy &policy);
// Soak checks under parent.checks; `window` is the span they measure when they set no count or
// duration (soak.duration, a canary phase's duration), named windowKey in errors.
QList<SoakCheckPolicy> readChecks(PolicyReader &reader, const MapView &parent,
    std::optional<std::chrono::seconds> window, const QString &windowKey);
QList<TriggerPolicy> readTriggers(PolicyReader &reader, const MapView &parent, const Policy &policy);
void readSoak(PolicyReader &reader, const MapView &root, Policy &policy);
void readGates(PolicyReader &reader, const MapView &root, Policy &policy);
void readRollback(PolicyReader &reader, const MapView &root, Policy &policy);
void readCanary(PolicyReader &reader, const MapView &root, Policy &policy);
void readNotifications(PolicyReader &reader, const MapView &root, Policy &policy);
void readTrains(PolicyReader &reader, const MapView &root, Policy &policy);
void readMetrics(PolicyReader &reader, const MapView &root, Policy &policy);
// freeze_windows and verify_timeout (policy_freeze.cpp).
void readFreezeWindows(PolicyReader &reader, const MapView &root, Policy &policy);

// An argv list (argv may repeat words, so not strings()): at least a program.
QStringList readArgv(PolicyReader &reader, const MapView &view, const QString &key);

// Checks an environment name used by a gate, trigger, step or canary.
void requireEnvironment(PolicyReader &reader, const MapView &view, const QString &key, const Policy &policy);

}  // namespace cockpit
