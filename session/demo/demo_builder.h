#pragma once
// The demo workspace: a generated git history of Conventional Commits with release tags, a
// CHANGELOG.md, the gated-ga preset, and release 3.7.0 half-way through its pre-release checklist.
#include "error.h"

#include <QByteArray>
#include <QMap>
#include <atomic>

class QDateTime;
class QString;

namespace cockpit {

class ReleaseService;
class Store;
struct Workspace;

// Creates the repository in dir (which must be absent or empty). Deterministic: the same
// commits, dates and SHAs every time.
Status buildDemoRepository(const QString &dir);
// Records release 3.7.0 in the store with part of its pre-release checklist done; does nothing
// when the store already has it. Blocks on the store: call it off the GUI thread.
Status seedDemoRelease(Store *store, const Workspace &workspace);

// demo_history.cpp. Appends a release train, its calendar, code_freeze and DORA targets to the
// demo's policy (buildDemoRepository calls it).
Status appendDemoSchedule(const QString &dir);
// Records the demo's release history: 3.6.1-3.6.8 on a release/3.6 branch (commits dated Sep-Nov
// 2026), each deployed to staging and production, 3.6.5 rolled back. Does nothing when the store
// already has it. Blocks on the store (and sets its clock meanwhile): call it off the GUI thread,
// before seedDemoRelease so the audit log reads in order.
Status seedDemoHistory(Store *store, const Workspace &workspace);
// The history's steps, for the canary's release: the items before deployment closed, the
// approvals signed, a soak of a deployment recorded (the store's clock set to its end).
Status closeDemoItems(Store *store, const QString &version, const QString &actor);
Status approveDemoRelease(Store *store, const Workspace &workspace, const QString &version);
Status soakDemoHistory(ReleaseService &service, const QString &version, const QString &env,
    const QDateTime &deployedAt, std::atomic<qint64> &clock);

// demo_canary.cpp. Appends a canary for patches to the demo's policy (buildDemoRepository calls
// it); records 3.6.10 in its canary's second phase (after seedDemoHistory, before seedDemoRelease).
Status appendDemoCanary(const QString &dir);
Status seedDemoCanary(Store *store, const Workspace &workspace);

// demo_gates.cpp. The scripts the demo's gates run (committed with the first commit); the
// demo policy's CI gate pointed at them; Preflight (passes) and CI gates (fails, with the failed
// job in its output) run on a release.
QMap<QString, QByteArray> demoGateFiles();
Status useDemoGates(const QString &dir);
class ReleaseService;
Status runDemoGates(ReleaseService &releases, const QString &version);

inline constexpr const char *kDemoVersion = "3.7.0";

}  // namespace cockpit
