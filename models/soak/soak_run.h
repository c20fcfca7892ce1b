#pragma once
// A soak analysis run: one judgement of one window, kept for good (issue 18). A run belongs to a
// deployment (or to none: a what-if window before any), says how it came about (the deployment's
// own soak, a re-check of it, a what-if window) and which policy judged it (a digest of its checks
// and triggers). Runs are never overwritten; which run is "the release's soak" is decided here.
#include "soak_recording.h"

#include <optional>

namespace cockpit {

enum class SoakRunKind {
    // The soak of a deployment: every run of it until a decisive one, that one included. Runs of
    // no recorded deployment (a release soaked before deployments were recorded) form one group.
    Deployment,
    Recheck,  // a later run of a deployment whose soak is already settled
    WhatIf,  // a window given by hand (--from/--to): never the release's soak, never a tick
};

// "deployment", "recheck", "what_if".
[[nodiscard]] QString soakRunKindName(SoakRunKind kind);
[[nodiscard]] std::optional<SoakRunKind> soakRunKindFromName(const QString &name);

struct SoakRun {
    qint64 id = 0;
    QString version;
    QString environment;
    SoakRunKind kind = SoakRunKind::Deployment;
    std::optional<qint64> deploymentId;  // the deployment soaked (none: a what-if before any)
    QDateTime deployedAt;  // that deployment's time (invalid when none)
    QDateTime windowStart;
    QDateTime windowEnd;
    QString policyDigest;  // soakPolicyDigest of the recording
    QString verdict;  // soakVerdictName: "pass", "fail", "inconclusive", "running"
    // It settles its deployment's soak: a FAIL, or a PASS that is evidence of that deployment
    // (Session::soakEvidenceGap empty). Later runs of that deployment are re-checks.
    bool decisive = false;
    QDateTime recordedAt;
    QString recordedBy;
};

struct SoakRunRecording {
    SoakRun run;
    SoakRecording recording;
};

// Lower-case hex sha256 over the canonical JSON of the soak's duration, checks and triggers as
// the recording holds them: two runs with the same digest were judged by the same rules.
[[nodiscard]] QString soakPolicyDigest(const SoakRecording &recording);

// The kind a new run gets. existing: the runs stored for that release and environment.
[[nodiscard]] SoakRunKind kindForNewRun(
    bool whatIf, std::optional<qint64> deploymentId, const QList<SoakRun> &existing);

// The release's soak in an environment among its runs (any order): the runs of kind Deployment
// of the latest deployment there (of no deployment when none is recorded); the first decisive
// one, else the newest. None when that deployment has no such run.
[[nodiscard]] std::optional<SoakRun> releaseSoakRun(
    const QList<SoakRun> &runs, std::optional<qint64> latestDeploymentId);

// {"id", "kind", "deployment", "deployed_at", "start", "end", "policy_digest", "verdict",
// "decisive", "recorded_at", "recorded_by"}: times RFC 3339 UTC, null when unknown.
[[nodiscard]] QJsonObject soakRunToJson(const SoakRun &run);

// "run #12" and "run #12 (re-check)": how every front end names a run.
[[nodiscard]] QString soakRunName(const SoakRun &run);

}  // namespace cockpit
