#pragma once
// The commands' entry points, one per row of the command table (command_table.cpp). Each reads
// its positionals from ctx.words() (words[0] is the command's first word) and its options by
// their long name; the table has checked the count of positionals and the required options.
namespace cockpit::cli {

class CliContext;

int runInit(CliContext &ctx);  // commands_workspace.cpp
int runDemo(CliContext &ctx);
int runPolicyCheck(CliContext &ctx);
int runReleaseNew(CliContext &ctx);  // commands_release.cpp
int runReleaseStatus(CliContext &ctx);
int runReleaseList(CliContext &ctx);
int runReleaseDeployed(CliContext &ctx);
int runReleaseFreeze(CliContext &ctx);
int runReleaseFinish(CliContext &ctx);
int runReleaseAbort(CliContext &ctx);
int runReleaseAcceptCommit(CliContext &ctx);
int runReleaseUnlock(CliContext &ctx);  // commands_rollback.cpp
int runChecklistShow(CliContext &ctx);  // commands_checklist.cpp
int runChecklistTick(CliContext &ctx);
int runAudit(CliContext &ctx);
int runChangelogLint(CliContext &ctx);  // commands_changelog.cpp
int runChangelogCoverage(CliContext &ctx);
int runChangelogCut(CliContext &ctx);
int runTagCreate(CliContext &ctx);  // commands_tag.cpp
int runTagVerify(CliContext &ctx);
int runTagPromote(CliContext &ctx);
int runTagHotfix(CliContext &ctx);
int runProbe(CliContext &ctx);  // commands_soak.cpp
int runEnvStatus(CliContext &ctx);  // commands_env.cpp
int runSoak(CliContext &ctx);
int runSoakWatch(CliContext &ctx);  // commands_soak_watch.cpp
int runSignoff(CliContext &ctx);  // commands_signoff.cpp
int runGate(CliContext &ctx);  // commands_gate.cpp
int runRollback(CliContext &ctx);  // commands_rollback.cpp
int runEvidenceExport(CliContext &ctx);  // commands_evidence.cpp
int runEvidenceShow(CliContext &ctx);
int runNotify(CliContext &ctx);  // commands_notify.cpp
int runNotifyWebhook(CliContext &ctx);  // notify webhook set|remove
int runCalendar(CliContext &ctx);  // commands_metrics.cpp
int runCanaryStart(CliContext &ctx);  // commands_canary.cpp
int runCanaryAdvance(CliContext &ctx);
int runCanaryPause(CliContext &ctx);
int runCanaryResume(CliContext &ctx);
int runCanaryAbort(CliContext &ctx);
int runCanaryStatus(CliContext &ctx);
int runCanaryWatch(CliContext &ctx);
int runFreezeStart(CliContext &ctx);  // commands_freeze.cpp
int runFreezeEnd(CliContext &ctx);
int runFreezeStatus(CliContext &ctx);
int runMetrics(CliContext &ctx);
int runCompletion(CliContext &ctx);  // cli_completion.cpp

}  // namespace cockpit::cli
