// The demo's gates really run: the gated-ga preset's Preflight runs a script of the demo
// repository that checks the release inputs (it passes), and its "CI gates" reads the last run of
// pr-guardian.yml the demo keeps in ci/ instead of asking GitHub (that run failed: the gate fails
// with the failed jobs in its output). seedDemoRelease runs both on 3.7.0, so the Gates tab, the
// header and "Why blocked?" show one gate passed and one failed with output.
#include "demo_builder.h"
#include "gate/gate_sequence.h"
#include "release_service.h"

#include <QDir>
#include <QFile>

namespace cockpit {

namespace {

const char kPreflight[] = R"(#!/bin/sh
# Demo preflight (gated-ga "Preflight" gate): the release inputs are in place.
set -eu
env=production
[ "${1:-}" = --env ] && env=${2:-production}
echo "preflight for $env, release ${RELEASE_VERSION:-?} at ${RELEASE_COMMIT:-?}"
grep -q '^## \[Unreleased\]' CHANGELOG.md && echo "CHANGELOG.md: [Unreleased] section present"
pins=$(grep -c '==' requirements.lock.txt)
unpinned=$(grep -vc '==' requirements.lock.txt || true)
echo "requirements.lock.txt: $pins pinned, $unpinned unpinned"
[ "$unpinned" -eq 0 ]
echo "preflight passed"
)";

const char kCiStatus[] = R"(#!/bin/sh
# Demo "CI gates": the last run of the workflow on main, as ci/<workflow>.last-run records it
# (a real setup asks GitHub: gh run list --workflow=... --json conclusion).
set -eu
run="ci/${1:-pr-guardian.yml}.last-run"
cat "$run"
grep -q '^conclusion: success$' "$run"
)";

const char kLastRun[] = R"(workflow: pr-guardian.yml
branch: main
run: 4812 (commit 3f1c9e2, 2026-11-25 16:40 UTC)
jobs:
  lint            success   1m12s
  unit            success   4m05s
  contract        success   2m31s
  e2e-routing     failure   15m00s  timed out waiting for depot-service (port 8081)
  migrations      success   0m48s
conclusion: failure
)";

const char kPresetCiShell[]
    = R"ci(    shell: 'test "$(gh run list --workflow=pr-guardian.yml --branch=main --limit 1 --json conclusion --jq ".[0].conclusion")" = success')ci";

}  // namespace

QMap<QString, QByteArray> demoGateFiles()
{
    return {{QStringLiteral("scripts/preflight.sh"), QByteArray(kPreflight)},
        {QStringLiteral("scripts/ci-status.sh"), QByteArray(kCiStatus)},
        {QStringLiteral("ci/pr-guardian.yml.last-run"), QByteArray(kLastRun)}};
}

Status useDemoGates(const QString &dir)
{
    QFile policy(QDir(dir).filePath(QStringLiteral(".release-cockpit/policy.yml")));
    if (!policy.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot read the demo policy"), {policy.fileName()});
    QString text = QString::fromUtf8(policy.readAll());
    policy.close();
    const QString presetCi = QString::fromUtf8(kPresetCiShell);
    if (!text.contains(presetCi))
        return fail(ErrorCode::Failed, QStringLiteral("the gated-ga preset's CI gate is not the one the demo replaces"),
            {policy.fileName()});
    text.replace(presetCi,
        QStringLiteral("    shell: ./scripts/ci-status.sh pr-guardian.yml  # demo: the last run kept in ci/, not GitHub"));
    if (!policy.open(QIODevice::WriteOnly | QIODevice::Truncate) || policy.write(text.toUtf8()) < 0)
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot write the demo policy"), {policy.fileName()});
    return {};
}

Status runDemoGates(ReleaseService &releases, const QString &version)
{
    for (const QString &gate : {QStringLiteral("Preflight"), QStringLiteral("CI gates")}) {
        GateRunOptions options;
        options.only = gate;
        auto run = runGateSequence(releases, version, options, {});
        if (!run)
            return std::unexpected(run.error());
    }
    return {};
}

}  // namespace cockpit
