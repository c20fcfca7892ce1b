// The demo's canary (issue 15 item 3): patches go through a canary in production from 3.6.10 on,
// and 3.6.10 is in its second phase right now: approved, soaked in staging two days ago, 10% of
// production's traffic for 24 hours (its analysis passed, the cockpit advanced it), 50% for the
// last six hours, passing at its window's end. Times are relative to when the demo is built, so
// the window always shows a canary in phase 2; the store's clock is set for each step so the
// audit log reads as it was lived.
#include "demo_builder.h"
#include "demo_soak.h"

#include "git_service.h"
#include "release_service.h"
#include "store.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <atomic>

namespace cockpit {

namespace {

const char kDemoCanary[] = R"(
# Demo only (session/demo/demo_canary.cpp): patches go through a canary in production.
canary:
  environment: production
  release_types: [patch]
  cleanup_after: 72h
  set_traffic: [scripts/set-canary-weight.sh, "{percent}", "v{version}"]
  rollback: staged
  phases:
    - name: Ten percent
      traffic: 10
      duration: 24h
      checks:
        - name: Canary error rate
          query: 'sum(rate(http_requests_total{env="$env",track="canary",status=~"5.."}[5m])) / sum(rate(http_requests_total{env="$env",track="canary"}[5m])) * 100'
          max: 1
          unit: "%"
          interval: 1h
    - name: Fifty percent
      traffic: 50
      duration: 24h
      checks:
        - name: Canary p95 latency
          query: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{env="$env",track="canary"}[5m])))'
          max: 0.5
          unit: s
          interval: 1h
    - name: All traffic
      traffic: 100
)";

constexpr const char *kCanaryVersion = "3.6.10";

}  // namespace

Status appendDemoCanary(const QString &dir)
{
    QFile policy(QDir(dir).filePath(QStringLiteral(".release-cockpit/policy.yml")));
    if (!policy.open(QIODevice::Append))
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot extend the demo policy"), {policy.fileName()});
    policy.write(kDemoCanary);
    return {};
}

Status seedDemoCanary(Store *store, const Workspace &workspace)
{
    const QString version = QString::fromLatin1(kCanaryVersion);
    if (!workspace.policy.canary || store->release(version).result())
        return {};
    auto repo = GitService::open(workspace.root);
    if (!repo)
        return std::unexpected(repo.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime staging = now.addSecs(-54 * 3600);
    // Phase 2 began six hours ago, a few minutes after phase 1's 24-hour window ended.
    const QDateTime fifty = now.addSecs(-6 * 3600);
    const QDateTime canary = fifty.addSecs(-24 * 3600 - 5 * 60);
    auto tip = repo->resolve(QStringLiteral("release/3.6"));
    if (!tip)
        return std::unexpected(tip.error());
    auto commit = repo->createEmptyCommit(*tip, QStringLiteral("fix(routing): keep depot time windows on re-plan (#1650)\n"),
        {QStringLiteral("Jonas Brandt"), QStringLiteral("jonas.brandt@solvereign.example"), staging.addSecs(-5 * 3600)});
    if (!commit)
        return std::unexpected(commit.error());
    if (auto branch = repo->createBranch(QStringLiteral("release/3.6"), *commit, true); !branch)
        return std::unexpected(branch.error());

    auto clock = std::make_shared<std::atomic<qint64>>(staging.addSecs(-3600).toMSecsSinceEpoch());
    store->setClock([clock] { return QDateTime::fromMSecsSinceEpoch(clock->load(), Qt::UTC); });
    const auto restore = qScopeGuard([store] { store->setClock([] { return QDateTime::currentDateTimeUtc(); }); });
    ReleaseService service(store, workspace,
        Identity {QStringLiteral("maria.keller@solvereign.example"), QStringLiteral("Maria Keller")});
    const QString actor = service.identity().id;
    auto created = service.createRelease({version, *commit, QStringLiteral("patch"), now.date()}).result();
    if (!created)
        return std::unexpected(created.error());
    clock->store(staging.addSecs(-40 * 60).toMSecsSinceEpoch());
    if (auto closed = closeDemoItems(store, version, actor); !closed)
        return closed;
    clock->store(staging.addSecs(-20 * 60).toMSecsSinceEpoch());
    if (auto approved = approveDemoRelease(store, workspace, version); !approved)
        return approved;
    clock->store(staging.toMSecsSinceEpoch());
    if (auto deployed = store->recordDeployment(version, QStringLiteral("staging"), actor, *commit).result(); !deployed)
        return std::unexpected(deployed.error());
    if (auto soaked = soakDemoHistory(service, version, QStringLiteral("staging"), staging, *clock); !soaked)
        return soaked;

    // The canary as `canary start` and the cockpit's own advance record it.
    const QString env = workspace.policy.canary->environment;
    int seq = 0;
    auto event = [&](const QDateTime &at, CanaryEventKind kind, int phase, int percent, const QString &verdict,
                     const QString &detail, bool automatic) -> Status {
        clock->store(at.toMSecsSinceEpoch());
        CanaryEvent e;
        e.version = version;
        e.seq = ++seq;
        e.kind = kind;
        e.phase = phase;
        e.percent = percent;
        e.verdict = verdict;
        e.detail = detail;
        e.automatic = automatic;
        e.actor = actor;
        if (auto stored = store->appendCanaryEvent(e, env).result(); !stored)
            return std::unexpected(stored.error());
        return {};
    };
    if (auto ok = event(canary.addSecs(-20), CanaryEventKind::Start, 0, 0, {}, {}, false); !ok)
        return ok;
    if (auto ok = event(canary, CanaryEventKind::Traffic, 0, 10, {}, {}, false); !ok)
        return ok;
    clock->store(canary.addSecs(10).toMSecsSinceEpoch());
    if (auto deployed = store->recordDeployment(version, env, actor, *commit).result(); !deployed)
        return std::unexpected(deployed.error());
    // The policy's soak of the production deployment ran in the first phase and passed.
    if (auto soaked = soakDemoHistory(service, version, env, canary.addSecs(10), *clock); !soaked)
        return soaked;
    const QString passed = QStringLiteral("phase 1 (10%) passed its analysis and its window");
    if (auto ok = event(fifty.addSecs(-60), CanaryEventKind::Verdict, 0, 10, QStringLiteral("pass"), passed, true); !ok)
        return ok;
    return event(fifty, CanaryEventKind::Traffic, 1, 50, {}, passed, true);
}

}  // namespace cockpit
