#pragma once
// Starts the window: the store, the main window, the workspace, and the screenshot and start-up
// measurement modes used by `make run` without a display and by `make bench`. A launch while a
// cockpit already runs hands its workspace over (SingleInstance) and returns 0.
#include "store.h"

#include <QCommandLineParser>
#include <memory>

namespace cockpit {

// workspaceDir: where to open; when !explicitWorkspace the last workspace of the previous
// session wins. store: an open store to take over, or null to open --db or the default.
int runGui(QCommandLineParser &parser, const QString &workspaceDir, bool explicitWorkspace,
    std::unique_ptr<Store> store);

}  // namespace cockpit
