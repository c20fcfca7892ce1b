#pragma once
// The demo workspace: a generated git history of Conventional Commits with release tags, a
// CHANGELOG.md, the gated-ga preset, and release 3.7.0 half-way through its pre-release checklist.
#include "error.h"

class QString;

namespace cockpit {

class Store;
struct Workspace;

// Creates the repository in dir (which must be absent or empty). Deterministic: the same
// commits, dates and SHAs every time.
Status buildDemoRepository(const QString &dir);
// Records release 3.7.0 in the store with part of its pre-release checklist done; does nothing
// when the store already has it. Blocks on the store: call it off the GUI thread.
Status seedDemoRelease(Store *store, const Workspace &workspace);

inline constexpr const char *kDemoVersion = "3.7.0";

}  // namespace cockpit
