#pragma once
// Drives a RollbackService from the terminal: live step output and state changes on stderr,
// manual steps answered from stdin ("done [NOTE]" / "skip REASON"; end of input halts), and the
// exit code the command line contract gives (0 rolled back, 1 a step failed or it was aborted,
// 2 waiting for a second person or for an answer no one gave).
#include "cli_context.h"
#include "rollback_service.h"

#include <functional>

namespace cockpit::cli {

struct RollbackDriveResult {
    int exitCode = Failed;
    qint64 rollbackId = 0;
};

// Connects to service, calls start() (run, retry or skip) and turns the event loop until the
// rollback succeeds, halts, is aborted, or waits for someone who is not at this terminal.
// version is the release rolled back, named in the resume hint a halt prints.
RollbackDriveResult driveRollback(CliContext &ctx, RollbackService &service, const QString &version,
    qint64 rollbackId, const std::function<void()> &start);

// A one-line view of a step as stored: "[2/5] Deploy previous version: succeeded (exit 0)".
QString rollbackStepLine(const RollbackRecord &record, int index);

// argv for display: each word shell-quoted only when it needs it.
QString displayArgv(const QStringList &argv);

}  // namespace cockpit::cli
