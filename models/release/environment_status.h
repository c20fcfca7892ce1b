#pragma once
// What each environment runs now against what the cockpit last deployed there (issue 15, item 2):
// one row per environment of the policy, in promotion order. Pure: the session gathers the last
// deployment and the probed version, this judges them.
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cockpit {

enum class EnvironmentSync {
    InSync,  // it reports the version or commit the cockpit last deployed there
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

    // "drift: runs 3.6.5, the cockpit deployed 3.7.0 (a1b2c3d4e5f6) on ..." and the like.
    [[nodiscard]] QString summary() const;
};

// Whether a reported value names the release: its version (or "v" + version), or at least seven
// leading hex digits of its commit; the same rule as the probe's version check.
bool reportsRelease(const QString &reported, const QString &version, const QString &commit);

// The judgement of one row, from what it holds.
EnvironmentSync judgeEnvironment(const EnvironmentStatus &status, bool hasVersionProbe);

QString environmentSyncName(EnvironmentSync sync);  // in_sync, drift, unreachable, not_probed, never_deployed
QJsonObject environmentStatusToJson(const EnvironmentStatus &status);

}  // namespace cockpit
