#pragma once
// What each environment runs now against what the cockpit last deployed there (issue 15, item 2):
// one row per environment of the policy, in promotion order. Pure: the session gathers the last
// deployment and the probed version, this judges them.
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace cockpit {

enum class EnvironmentSync {
    InSync,  // it reports the version or commit the cockpit last deployed there
    // A canary of the last deployment runs there: it reports either the canary's version or the
    // version the canary replaces (which one depends on the instance that answered).
    Canary,
    Drift,  // it reports something else: deployed by hand, rolled back outside, or half rolled out
    Unreachable,  // the version probe failed (no answer, not JSON, no such field)
    NotProbed,  // the policy gives it no version endpoint (environments.NAME.version)
    NeverDeployed,  // the cockpit never deployed there; what it reports is shown as found
};

struct EnvironmentStatus {
    QString name;
    // The cockpit's last deployment there (empty version: none).
    QString deployedVersion;
    QString deployedCommit;
    QString deployedBy;
    QDateTime deployedAt;
    // The probe: the URL fetched, the JSON pointer read, what it said, or why it failed.
    QString probeUrl;
    QString probePointer;
    QString running;  // the value read, when there was one
    QString probeError;  // why nothing could be read
    QDateTime probedAt;
    qint64 latencyMs = 0;
    EnvironmentSync sync = EnvironmentSync::NotProbed;
    // The canary of the deployed version, when one is in progress there or was aborted: its
    // confirmed share (0 after an abort: the replaced version is what should answer), and the
    // version it replaces (the previous deployment there).
    std::optional<int> canaryPercent;
    QString replacedVersion;
    QString replacedCommit;

    // "drift: runs 3.6.5, the cockpit deployed 3.7.0 (a1b2c3d4e5f6) on ..." and the like.
    [[nodiscard]] QString summary() const;
};

// Whether a reported value names the release: its version (or "v" + version), or at least seven
// leading hex digits of its commit; the same rule as the probe's version check.
bool reportsRelease(const QString &reported, const QString &version, const QString &commit);

// The judgement of one row, from what it holds. With a canary between 1% and 99%, both the
// canary's and the replaced version are expected; at 0% (aborted) only the replaced one.
EnvironmentSync judgeEnvironment(const EnvironmentStatus &status, bool hasVersionProbe);

QString environmentSyncName(EnvironmentSync sync);  // in_sync, canary, drift, unreachable, not_probed, never_deployed
QJsonObject environmentStatusToJson(const EnvironmentStatus &status);

}  // namespace cockpit
