<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>MetricsWindow</name>
        <message>
            <source>Lead time for changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deployment frequency</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change failure rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time to restore</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No release tag yet: there is nothing to compare %1 against.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not diff %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The release follows its branch head: this tag fixes it to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 does not verify: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 already existed at %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created tag %1 at %2.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n failed</numerusform>
                <numerusform>%n failed</numerusform>
            </translation>
        </message>
        <message>
            <source>Covered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uncovered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evidence Pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not recovered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 d %2 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not deployed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No rollback window in the policy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback window %1 left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback window closed %1 ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Command</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shell</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Probe</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Manual</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Succeeded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Timed out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interrupted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting for approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Aborted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>through the shell: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>probe %1: health, readiness and version fingerprint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a person confirms: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>shell: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>probe %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>timeout %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>default timeout</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>only if: %1 (you are asked)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>last known good: the newest earlier release whose soak passed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the previous GA tag (no earlier release with a passed soak)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1%2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>counted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stale: signed %1, now %2; re-sign</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rejected: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rejection of an earlier digest: superseded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>withdrawn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not counted: self-approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not counted: not one of the role's people</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not counted: no valid SSH signature</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not applicable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create Tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify Tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Promote</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a release first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export Evidence Pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zip archives (*.zip)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Collecting the evidence of %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The evidence pack of %1 was not written.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n file(s) in %1.</source>
            <translation>
                <numerusform>%n file in %1.</numerusform>
                <numerusform>%n files in %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Evidence pack of %1 written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Evidence Pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 cannot be opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 not deployed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>… and %1 more (Release ▸ Why Blocked?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>running…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pass</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FAIL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting for a person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>interrupted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not ready for %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release %1 will be pinned to %2: later commits on the branch need the next candidate.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create RC Tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unsigned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 verified: annotated, at %2, message names %3; %4.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created tag %1 at %2, %3-signed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>DRIFT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown (no answer)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not probed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>never deployed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>canary %1%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Canary at %1%: a rollback sets it to 0% first</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::AboutDialog</name>
        <message>
            <source>About Release Cockpit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release Cockpit %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Takes a release from “all PRs merged” to “soak passed” or “rolled back”, with evidence.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::AuditLogModel</name>
        <message>
            <source>Seq</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Actor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::BlockerModel</name>
        <message>
            <source>%1
Clears when: %2
Earliest: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1
Clears when: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blocker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clears when</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Earliest</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::CalendarWindow</name>
        <message>
            <source>Release Calendar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>version %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>train %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>state %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>from the %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>◀ Previous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next ▶</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a workspace to see its release calendar.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Policy text not understood:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No releases or code freezes in %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No releases or code freezes in %1. The policy has no release trains or calendar (keys trains: and calendar:), and no release in the store has a target date this month.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a day or an event to see its details.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Week of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (today)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing planned on %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>overdue since %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::CanaryStrip</name>
        <message>
            <source> · passes at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Traffic: %1%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verdict: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Advanced by %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start Canary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start the canary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Advance…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Advance the canary to its next phase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause the canary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume the canary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort the canary: traffic to 0%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Advance Canary Early</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phase %1 of %2 has not finished its window. Why may it take the next phase's traffic now? The reason is kept in the audit log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Advance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause Canary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why hold %1's canary at %2%? Nothing advances until it is resumed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort Canary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort %1's canary: its traffic goes to 0% (set_traffic). Why?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The canary cannot be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Canary in %1: not started (%2 phases)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Old version removed at %1 (cleanup_after)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checks the deploy guard of the canary environment, then sets the first phase's traffic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The canary is %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sets the next phase's traffic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused: resume it first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to advance: the canary is %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Canary of %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::ChangelogEditor</name>
        <message>
            <source>CHANGELOG.md source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line numbers and problem marks</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::ChangelogTab</name>
        <message>
            <source>Changelog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a workspace to see its changelog.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changelog source and diff</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Diff</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read the changelog, the tags and the commits again (F5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the changelog (Ctrl+S)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;ut Release…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Turn Unreleased into the shown release's section, in the editor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create &amp;Tag…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create the release's annotated tag after showing name, commit and message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Verify Tag…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check that the release's tag exists, is annotated and points at the release commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Promote RC…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create the release tag on the last release candidate's commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next Problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create CHANGELOG.md</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write a Keep a Changelog skeleton with an Unreleased section</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reloading around your unsaved edits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CHANGELOG.md</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has unsaved changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Diff vs %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading tags…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading the changelog…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read the repository: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No %1 in this workspace — create one?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HEAD (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file on disk has changes that are not committed; the diff shows commits only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking every commit (no release tag yet)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walking commits since %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled: the commits were not read. Reload (F5) to try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read the commits: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No problems: %1 lints clean.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lints clean</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n error(s)</source>
            <translation>
                <numerusform>%n error</numerusform>
                <numerusform>%n errors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n uncovered commit(s)</source>
            <translation>
                <numerusform>%n uncovered commit</numerusform>
                <numerusform>%n uncovered commits</numerusform>
            </translation>
        </message>
        <message>
            <source>in the history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>since %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n commit(s) %1</source>
            <translation>
                <numerusform>%n commit %1</numerusform>
                <numerusform>%n commits %1</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 covered, %2 uncovered, %3 exempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (checked against %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>. Suggested bump: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No commits %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changelog loaded: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not record the changelog check: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Changelog check passed: %n item(s) ticked</source>
            <translation>
                <numerusform>Changelog check passed: %n item ticked</numerusform>
                <numerusform>Changelog check passed: %n items ticked</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 changed on disk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was changed by another program since it was loaded.

%2

Reload discards your edits; Overwrite replaces the file with what the editor shows.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overwrite</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not draft an entry: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drafted an entry under %1 for %2: edit it, then Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cut release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unreleased is now %1 in the editor: review, then Save (Ctrl+Z undoes)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not create %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved changes against the file on disk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved Changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Discard Changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go back to the file as last read or saved (Ctrl+Z brings the edits back)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save Changelog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Discard Changelog Changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create &amp;RC Tag…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tag the next release candidate (-rcN) on the release's commit; it pins the release there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soft &amp;Wrap</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to Line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line (1–%1):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved Changes ●</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>; %n uncovered with a probable entry (cite the PR to count it)</source>
            <translation>
                <numerusform>; %n uncovered with a probable entry (cite the PR to count it)</numerusform>
                <numerusform>; %n uncovered with a probable entry (cite the PR to count it)</numerusform>
            </translation>
        </message>
        <message>
            <source>Reload (Discard My Edits)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep My Edits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving will then ask whether to overwrite the other program's change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved changelog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has changes that are not saved.

Save them before closing?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reload %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has changes that are not saved.

Discard them and read the file again, or keep them and refresh only the tags, commits and problems? Save still compares with the file as it was read.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard Edits and Reload</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep Edits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discarded the unsaved changes to %1 (Ctrl+Z brings them back)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 changed on disk: reloaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was changed on disk by another program. Your unsaved edits are based on the earlier file: Save will ask before it overwrites that change.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not keep an autosave of %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unsaved edits to %1 from %2 were kept when Release Cockpit last stopped.

Restore them into the editor (they stay unsaved until you Save), or discard them?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file on disk has changed since those edits began: compare before saving.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recover unsaved changelog edits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Discard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restored the unsaved edits: review, then Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No unsaved changes: the editor shows %1 as it is on disk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not compare the edits: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>on disk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>editor</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Drafted %n entries: edit them, then Save (Ctrl+Z takes them all back)</source>
            <translation>
                <numerusform>Drafted %n entries: edit them, then Save (Ctrl+Z takes them all back)</numerusform>
                <numerusform>Drafted %n entries: edit them, then Save (Ctrl+Z takes them all back)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>cockpit::ChecklistDelegate</name>
        <message>
            <source>Ticked by the automated check “%1” when it passes; it cannot be ticked by hand.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>auto: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::ChecklistEditor</name>
        <message>
            <source>Still saving the previous change of this item…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” is ticked by the automated check “%2” when it passes; it cannot be ticked by hand.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not save “%1”: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undone: “%1” is %2 again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved: “%1” is %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not changed: “%1” stays %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::ChecklistModel</name>
        <message>
            <source>Automated check: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Condition: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::ChecklistView</name>
        <message>
            <source>Checklist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark &amp;Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark &amp;Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not &amp;Applicable…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reopen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit &amp;Note…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo Checklist Change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open Items Only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Filter Checklist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter checklist items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter items (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open items only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show open items only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide items that are done or not applicable (Ctrl+Shift+O)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checklist items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark Not &amp;Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approvals will go stale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changing “%1” changes what the signers approved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This makes %1 stale: they will have to sign off again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change It Anyway</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::CockpitStatusBar</name>
        <message>
            <source>Status bar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repository</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Acting as</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reachable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unreachable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database %1 is open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database %1 cannot be reached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No workspace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Git repository %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a reachable git repository</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ticks and sign-offs are recorded as %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::CommitCoverageModel</name>
        <message>
            <source>line %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Covered by line %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Covered by</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>probably line %1?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Probably covered by line %1: %2
Not counted as covered: the entry does not cite this commit's pull request or SHA. Cite it there, or add an entry.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::CommitCoverageView</name>
        <message>
            <source>Commits since the last release tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not loaded yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter commits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by SHA, subject or type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show commits in state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All commits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add Entry…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Commits walked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel the commit walk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Commits and whether the changelog covers them</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Walking history… %n commit(s)</source>
            <translation>
                <numerusform>Walking history… %n commit</numerusform>
                <numerusform>Walking history… %n commits</numerusform>
            </translation>
        </message>
        <message>
            <source>Draft changelog entries for the selected commits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drafts an entry for each selected commit (Shift or Ctrl+click selects several) under the right section of Unreleased, in the file's own style</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::CommunicationsDialog</name>
        <message>
            <source>Communications — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading release %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notification templates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the Markdown source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>why the release was rolled back ({reason})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rendered message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Template warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Webhook…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set or remove the webhook URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sa&amp;ve…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Post to Webhook</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the message to a file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Post the message to the webhook</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No release is open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release %1 — %2, target date %3. Templates due in this state are in bold.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>—</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The policy has no notifications (policy.yml, notifications:).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;i&gt;No subject&lt;/i&gt; · %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; · %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Post to the webhook stored for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied "%1" to the clipboard.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot write %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved to %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Markdown (*.md);;Text (*.txt)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Posting "%1" to %2…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Posted "%1" to %2; recorded in the audit log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not posted: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::CutReleaseDialog</name>
        <message>
            <source>Cut Release %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unreleased becomes the section of %1, with a fresh empty Unreleased on top and the compare links updated. Only the editor changes: review, then Save (Ctrl+Z undoes it).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not known yet (the commits are still being read)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the commits call for a %1 release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the commits call for %1; %2 is a %3 release after %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bump:</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n lint error(s) must be fixed before the cut:</source>
            <translation>
                <numerusform>%n lint error must be fixed before the cut:</numerusform>
                <numerusform>%n lint errors must be fixed before the cut:</numerusform>
            </translation>
        </message>
        <message>
            <source>Cut %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::DatabaseSettingsDialog</name>
        <message>
            <source>Each workspace's own SQLite file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A team database (PostgreSQL)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team database URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unchanged (kept in the keychain)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your database login is who you are in team mode: the policy's roles list logins. The password is stored in the system keychain, never in settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connected to %1.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::DiffView</name>
        <message>
            <source>Changelog diff against the last release tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Diff lines</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not loaded yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The file is binary between %1 and %2: no line diff.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No changes between %1 and %2.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 → %2: %n line(s) added</source>
            <translation>
                <numerusform>%1 → %2: %n line added</numerusform>
                <numerusform>%1 → %2: %n lines added</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n removed</source>
            <translation>
                <numerusform>, %n removed</numerusform>
                <numerusform>, %n removed</numerusform>
            </translation>
        </message>
        <message>
            <source>Side by Side</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the old and the new text next to each other instead of inline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Old side</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New side</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::EditorFindBar</name>
        <message>
            <source>Match &amp;case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find and replace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find (Enter: next, Shift+Enter: previous)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace with</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace &amp;All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No match</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n replaced</source>
            <translation>
                <numerusform>%n replaced</numerusform>
                <numerusform>%n replaced</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n match</numerusform>
                <numerusform>%n matches</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>cockpit::EnvironmentsTab</name>
        <message>
            <source>Environments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drift</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Runs now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cockpit deployed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Since</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environment details and last probe</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Probe every environment again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Mark Deployed…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record the selected release as deployed to the selected environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Probe</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run every check of the selected environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Probing every environment…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read the environments: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 runs %2, the cockpit deployed %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drift: %1. Someone deployed or rolled back outside the cockpit, or a rollout has not finished; it is in the audit log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The policy names no environments.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What runs where, probed at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No environment has a version endpoint to probe (policy: version)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>–</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 by %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (clears: %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version endpoint: %1, JSON pointer %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The stored probes cannot be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No probe of %1 is stored yet: Probe runs every check of it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last probe, %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark Deployed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record release %1 as deployed to %2 now? Its soak and rollback window start now; the cockpit first checks that %2 reports it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking that %1 runs %2…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not Deployed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release %1 is live in %2 since %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Probing %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Probe of %1 failed: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a release first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking what holds the deploy…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record %1 as deployed to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not now:
• %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::ErrorBanner</name>
        <message>
            <source>&amp;Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Dismiss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dismiss the error</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::EvidenceViewer</name>
        <message>
            <source>unknown release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evidence: v%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This pack cannot be fully verified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checksum mismatch: %1 changed after the pack was written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checklist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approvals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✓ %1 of %2 files match checksums.txt</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>✗ does not verify (%n problem(s))</source>
            <translation>
                <numerusform>✗ does not verify (%n problem)</numerusform>
                <numerusform>✗ does not verify (%n problems)</numerusform>
            </translation>
        </message>
        <message>
            <source>Release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type / state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(not tagged)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Migrations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none counted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tools</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checksums</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the recording cannot be read (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;: %2, %3 to %4 UTC</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This pack has no soak recording.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This pack has no checklist.md.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approved: every required role is satisfied.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not approved. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SSH</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Seq</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Actor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checksum</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SHA-256</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(the list)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>MISMATCH</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ok</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not verified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changelog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changelog section</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This pack has no %1: the changelog had no section for the release when it was exported.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::GatesTab</name>
        <message>
            <source>Gates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Policy gates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gate output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run &amp;All</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run all gates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run &amp;Selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run the selected gate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel the running gate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>C&amp;onfirm…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm the selected manual gate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stopping the running gate…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No release selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read the gates: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The policy names no gates for this release.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 gates passed on %3: %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (stale)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 by %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2): %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ran on %1, the release is now on %2: run it again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exit code %1 after %2 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running the gates of %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running gate %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gates not run: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gates of %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm the manual gate "%1" of %2 as %3 on commit %4?
The confirmation is recorded with your identity.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has not run on this commit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 printed nothing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confirm as %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a manual gate to confirm it</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::IncidentTab</name>
        <message>
            <source>Incidents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opened</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time to recovery</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deploy lock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lift Lock…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lift the deploy lock, with a reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Allows deploying this release again; the reason is kept in the incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incident timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No release selected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incidents of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No incidents for %1. A rollback records one here, with its cause and timeline.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incidents could not be read: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;%2&lt;br&gt;Opened %3 · %4 · rollback #%5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>recovered %1, time to recovery &lt;b&gt;%2&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;not recovered&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Output of: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deploys of %1 are not locked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>After the rollback: &lt;b&gt;%1&lt;/b&gt; has %2 of %3 items done or not applicable. &lt;a href="checklist"&gt;Open the Checklist tab&lt;/a&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>After the rollback: the &lt;b&gt;%1&lt;/b&gt; checklist (policy &lt;tt&gt;rollback.checklist&lt;/tt&gt;) is not in this release's checklist yet. &lt;a href="checklist"&gt;Open the Checklist tab&lt;/a&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lift Deploy Lock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why may %1 be deployed again (the fix verified, the root cause known)? The reason is kept in the incident and the audit log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lift Lock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lock not lifted: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deploy lock of %1 lifted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⚐ %1 (%2 by %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⚑ &lt;b&gt;Deploys of %1 are locked&lt;/b&gt; since %2 by %3: %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⚐ Deploy lock lifted %1 by %2: %3</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::ItemDetailsPane</name>
        <message>
            <source>Select a checklist item to see who closed it, when, and its evidence.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Item details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Item</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>By</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>N/A reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ticked by check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Condition</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 of %3 items done or not applicable</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>, %n failed</source>
            <translation>
                <numerusform>, %n failed</numerusform>
                <numerusform>, %n failed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>cockpit::ItemTextDialog</name>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::MainWindow</name>
        <message>
            <source>Release Cockpit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release views</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checklist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changelog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign-offs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incidents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lost the database: %1. Reconnecting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reconnected to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading workspace %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not open the workspace %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read releases: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No release yet: Release ▸ New Release… (Ctrl+N) starts one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No release selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read the checklist of %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — Release Cockpit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Menu bar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About Release Cockpit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open Workspace…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New Workspace from Preset…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open &amp;Evidence Pack…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Database…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Each workspace uses its own SQLite file from the next start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team database %1 is used from the next start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New Release…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Communications…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export E&amp;vidence Pack…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roll &amp;Back…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release C&amp;alendar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release &amp;Metrics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No recent workspaces</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Clear List</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Workspace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Writing the %1 preset…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not create the workspace in %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release %1 created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not work out the readiness of %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not in the checklist shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to open for this blocker: see what clears it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Freeze</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Finish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Override and Finish…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A&amp;bort…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Why Blocked?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Freeze is refused while these block it:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blocked:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing blocks Finish: no override needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finish despite:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only the policy's override roles may override (override_roles)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Override and Finish %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finish %1 despite its blockers. Why? (recorded in the audit log and the evidence pack)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort %1: nothing moves it again. Why?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was not moved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A reason is required.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moving %1 to %2…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 was not moved to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accept Commit After the Freeze</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 landed after the code freeze of %2 and is not a fix. Why may it ship? (recorded in the audit log and the evidence pack)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The commit was not accepted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accepted %1 for %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export &amp;Calendar…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a workspace first: the calendar comes from its policy and releases.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export Calendar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>iCalendar (*.ics)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The calendar could not be made: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calendar written to %1: import it into your mail client.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drift: %1 runs %2, the cockpit deployed %3 there (Environments tab)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::MetricsWindow</name>
        <message>
            <source>Release Metrics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>– No data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>– No target in the policy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the last</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 – %2 (local time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a workspace to see its release metrics.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No production deployments or incidents in the last %1 days.

Deploy a release to %2 (release deployed VERSION --env %2) and its lead time, frequency and failures appear here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>production</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incidents of releases rolled back without a rollback record are timed from their audit entries.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Production environment: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lead time (median)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>p90 %1 over %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>commits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target &lt; %1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deployment frequency</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 / week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 to %2, %3 per 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deployment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deployments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target %1:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change failure rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 followed by an incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target &lt; %1%:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time to restore (median)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>incidents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, %2 not recovered yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target %1%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>hours (median)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deployments per week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>% of deployments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>minutes (median)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::NaReasonDialog</name>
        <message>
            <source>Not Applicable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why does this item not apply to this release? The reason is kept in the audit log.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. no database migrations in this release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mark Not Applicable</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::NewReleaseDialog</name>
        <message>
            <source>Target date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New Release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SemVer, e.g. 3.8.0 or 3.8.0-rc.1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>empty: follow the branch head</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Infer from the last release tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set a target date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Version:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Commit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Type:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create Release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Creating the release…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::NewWorkspaceWizard</name>
        <message>
            <source>New Workspace from Preset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create Workspace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release process</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Each preset carries a real team's process: checklists, approvals, soak and rollback.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Presets</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repository</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The git repository whose releases the workspace manages; .release-cockpit/ is written at its root.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repository directory</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse for the repository</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No such directory.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 already has a release policy; open it with File ▸ Open Workspace instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Git repository at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 Run “git init” there first, or pick another directory.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::NoteDialog</name>
        <message>
            <source>Edit Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Links, ticket numbers, what was checked…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::ProblemsList</name>
        <message>
            <source>Changelog problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changelog problems: severity, rule, line and message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line:Col</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not loaded yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the problems of one rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All rules</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n row(s)</source>
            <translation>
                <numerusform>%n row</numerusform>
                <numerusform>%n rows</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>cockpit::ReleaseHeader</name>
        <message>
            <source>Release header</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No release selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checklist progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed checklist items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checklist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no commit yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (follows %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>· target %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no items</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 checklist items done or not applicable</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n failed</numerusform>
                <numerusform>%n failed</numerusform>
            </translation>
        </message>
        <message>
            <source>Next state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approvals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak verdicts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Earliest time the release can move on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why blocked?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Readiness…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working out whether the release may move on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>final</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The release works towards %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The release is in a final state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approvals ?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The approvals could not be evaluated: see Why blocked?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approvals %1/%2 (%3 stale)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approvals %1/%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 required approvals count on this commit; %3 stale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gates %1/%2 (%3 stale)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gates %1/%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 policy gates passed on this commit; %3 ran on another commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 soak can pass at %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>can clear at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing blocks the move to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing left to do</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 blocker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 blockers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>… and %1 more (Why blocked?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>→ next: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>· target %1, overdue since %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Break-glass overrides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overridden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Overridden ×%1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1: %2 by %3 past %n blocker(s): %4</source>
            <translation>
                <numerusform>%1: %2 by %3 past %n blocker: %4</numerusform>
                <numerusform>%1: %2 by %3 past %n blockers: %4</numerusform>
            </translation>
        </message>
        <message>
            <source>Soak failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak passed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soaking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State: %1; the soak of its latest environment: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (pinned)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the head of %2 now; a release candidate tag pins it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: pinned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>· overdue since %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Canary</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::ReleaseListModel</name>
        <message>
            <source>%1 (follows %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 · overdue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: target %2, overdue since %3</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::ReleaseListView</name>
        <message>
            <source>Releases</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::RollbackPanel</name>
        <message>
            <source>Rollback window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rolled back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deploy lock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unfinished rollback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roll back this release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shows the rollback plan; nothing runs until you type the version (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the unfinished rollback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deploys of %1 stay locked until someone lifts the lock in the Incidents tab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback of %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deploys locked · &lt;a href="incidents"&gt;Incidents tab&lt;/a&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback waits for a second person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback by %1 waits for approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approve…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rolling back: %1 of %2 steps done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback interrupted: %1 of %2 steps done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shows what ran and what did not; nothing reruns until you decide</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 since the deployment to %2 at %3 (the %4 type's window)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a release to roll back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback of %1 approved: the requester's cockpit runs the steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The rollback runs on; the header shows its progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to roll back: %1 is already rolled back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to roll back: %1 was never deployed (a deployment starts its rollback window)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deploys not locked · &lt;a href="incidents"&gt;Incidents tab&lt;/a&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · rollback aborted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incident open since %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · rollback halted: %1 of %2 steps done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The canary in %1 is at %2%: the old version still serves the rest, and the %3 type's rollback window of %4 begins when it reaches 100%</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::RollbackPlanDialog</name>
        <message>
            <source>Roll Back %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roll back %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (the %2 release type allows %3). You can still roll back: make sure the target is still compatible with what ran since.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Optional: more than the trigger says</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the version to confirm the rollback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roll Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roll back release %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel Rollback…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel the rollback before it is approved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roll back %1 on %2 to %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Cannot roll back:&lt;/b&gt; %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Cannot roll back:&lt;/b&gt; &lt;tt&gt;%1&lt;/tt&gt;: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting for a second person to approve (&lt;tt&gt;rollback %1 --approve&lt;/tt&gt;, or their cockpit). Requested by you at %2; nothing runs until then.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requested by %1. Type &lt;b&gt;%2&lt;/b&gt; to approve:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approve Rollback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the rollback was cancelled before it ran</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel Rollback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why cancel the rollback of %1 before it was approved?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Required: why roll back (kept in the incident, {reason} in steps)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give a reason first: it becomes the incident's cause</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::RollbackPlanView</name>
        <message>
            <source>Rollback target</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How the target was found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Goes back to:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Found as:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environment:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cause:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approval:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Steps, in order (nothing runs until you confirm):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 → %2, tag &lt;tt&gt;%3&lt;/tt&gt;, commit &lt;tt&gt;%4&lt;/tt&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a person decided (the reason below is kept in the incident)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; (soak trigger fired)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a second person approves before any step runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>your typed confirmation is enough (policy: one person)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;%1. %2&lt;/b&gt; &amp;nbsp;&lt;span style="color:gray;"&gt;%3&lt;/span&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Step %1 call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1. %2 (%3): %4%5</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::RollbackReasonDialog</name>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Required: kept in the incident's timeline and the audit log</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::RollbackRunDialog</name>
        <message>
            <source>Rollback of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Took</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Step output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The manual step is done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not Done…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The manual step is not done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Retry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run the step again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip the step, with a reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort the rollback, with a reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Continue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run the remaining steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open Incident</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the incident record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rolling back %1 on %2 to %3 (%4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting for you</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (exit %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · try %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>by %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Step %1 of %2 waits for you.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Running step %1 of %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting for a second person to approve.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting the next step…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Does this apply: %1?&lt;/b&gt; If it does, step %2 runs now; if not, it is skipped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Step %1:&lt;/b&gt; %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It Applies: Run It</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It Does Not Apply…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skip Step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why skip step %1? The rollback then goes on with the next step; the reason is kept in the incident.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Abort Rollback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why abort the rollback of %1? Steps that ran are not undone; the release stays as it is now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not Done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What was not done, and why? The note is kept in the incident.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep Rolling Back?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The rollback of %1 keeps running in the background; the header shows its progress and reopens this window. Close it?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No output</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not done: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interrupted at step %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Step %1 (%2) was interrupted: the cockpit stopped while it ran, so it may or may not have taken effect. Check, then Retry or Skip it. Nothing runs until you decide.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Halted at step %1 of %2: retry it, skip it (with a reason) or abort</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The rollback halted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The rollback stopped between steps. Continue runs the remaining steps.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::SignoffDialog</name>
        <message>
            <source>Sign Off Release %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You approve exactly this. Any later change to the commit, the changelog section or the checklist makes the sign-off stale.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pinned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>head of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Commit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sha256 over the commit, the changelog section and the checklist state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Digest:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approvals:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signer:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As role:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>*No changelog section for %1.*
</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changelog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checklist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gates and Soak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who Signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason (required to reject; kept with the sign-off and in the audit log):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign with SSH key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SSH key file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>~/.ssh/id_ed25519 (or a public key held by ssh-agent)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The policy requires SSH-signed sign-offs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds no role in this policy, so cannot sign.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You are the release manager of %1: the policy refuses self-approval (no single operator).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::SignoffsTab</name>
        <message>
            <source>What still blocks the release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Withdraw</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Required approvals</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role / signer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Review what would be approved, then approve or reject it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Withdraw my sign-off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Withdraw your approval or rejection for the selected role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No release selected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release %1 (%2): %3 of %4 approvals. Digest %5 covers commit %6, the changelog section and the checklist state.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>approved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rejected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stale: re-sign needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>missing %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · SSH-signed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>digest %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Withdraw Sign-off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Withdraw your sign-off for %1 on release %2?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign-off Not Recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign-off not recorded: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %2 as %3 (digest %4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 other blocker (checklist, gates, soak) keeps the release from %1: Release ▸ Why Blocked? (Ctrl+Shift+W)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 other blockers (checklist, gates, soak) keep the release from %2: Release ▸ Why Blocked? (Ctrl+Shift+W)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No approval: every required approval is in and current.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::SoakBanners</name>
        <message>
            <source>Soak data is stale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> since %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prometheus is not answering%1: %2. The charts show the last data seen; the verdict cannot become PASS until measurements succeed again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback trigger fired: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roll back…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roll back because of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback trigger fired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release Cockpit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rollback trigger fired, now resolved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, holding since %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, fired at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>, resolved at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak check failed on %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2. The soak can no longer pass.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No rollback possible: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Automatic rollback started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Automatic rollback finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Automatic rollback HALTED: a person is needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Automatic rollback could not start</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::SoakChart</name>
        <message>
            <source>✓ Pass</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>✗ Fail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>! Error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>? No data</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breach</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak chart: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Limit ≤ %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Limit ≥ %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No samples</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No new samples</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deploy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⚑ %1 fired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 resolved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trigger %1 %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Value: no samples</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trigger %1 %2 %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 at %2: %3</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::SoakDecisionPanel</name>
        <message>
            <source>passed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PASS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>FAIL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>INCONCLUSIVE</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>RUNNING</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak decision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak verdict: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Window %1 – %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>can change at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>earliest pass %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failures:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (fails above %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Errors in a row:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (limit %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measured:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next measurement:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Earliest pass:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>can no longer pass</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 error apart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 errors apart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 of %2 (%3)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::SoakTab</name>
        <message>
            <source>%1 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a workspace to see its soaks.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Environment:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak environment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>6 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>24 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a release to see its soak.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No soak recorded for %1 on %2 yet. It starts when the release is deployed there (release deployed %1 --env %2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The soak of %1 on %2 cannot be loaded: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The stored soak of %1 on %2 cannot be read: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded soak of %1 on %2: %3 from %4%5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (stopped early at %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not tick the soak items: %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Soak PASS on %1 ticked %n checklist item(s)</source>
            <translation>
                <numerusform>Soak PASS on %1 ticked %n checklist item</numerusform>
                <numerusform>Soak PASS on %1 ticked %n checklist items</numerusform>
            </translation>
        </message>
        <message>
            <source>Live soak of %1 on %2 since %3 (Prometheus %4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The soak on %1 finished but could not be stored: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is live on %2 since %3, but its soak cannot be followed: %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Run:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soak run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every analysis run is kept: the release's soak (the run of its latest deployment here), re-checks and what-if windows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Release's soak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deployment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>re-check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>what-if</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>#%1 %2, %3, %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The soak run cannot be loaded: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the soak of the deployment at %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no deployment recorded there</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a re-check; the release's soak is another run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a what-if window, not the release's soak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run #%1 (%2). %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run #%1 (finished and stored). %2</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Soak PASS on %1 (run #%2) ticked %n checklist item(s)</source>
            <translation>
                <numerusform>Soak PASS on %1 (run #%2) ticked %n checklist item</numerusform>
                <numerusform>Soak PASS on %1 (run #%2) ticked %n checklist items</numerusform>
            </translation>
        </message>
        <message>
            <source>Times are local: %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updated %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The charts and the verdict show Prometheus' data as of %1:%2. %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The policy defines no environments (environments in .release-cockpit/policy.yml).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The policy defines no soak checks (soak.checks in .release-cockpit/policy.yml).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Current canary phase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phase %1 · %2%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Canary phase %1 of %2 (%3, %4% of traffic) of %5 on %6 since %7</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 has no checks of its own, so nothing is charted and it never advances by itself: a person advances it (Advance… above). The stored soaks of %2 on %3 are under Run.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: its checks cannot be followed: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: reading its checks from Prometheus…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: its checks cannot be charted: %2
The phase does not advance while Prometheus is silent. The stored soaks of this release are under Run.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1, judged by the phase's own checks (Prometheus %2)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::TagDialog</name>
        <message>
            <source>Create Tag %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Verify Tag %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Promote to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resolving the target commit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing is written until you press Create Tag. Check the name, the commit and the message.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Creates the release tag on the release candidate's commit. Nothing is written until you press Promote.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tag name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target commit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Commit subject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tagger</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text the tag message must contain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tag message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tag:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Target commit:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subject:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tagger:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message contains:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 takes the commit of %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 already exists on this commit: nothing will be written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This action is not possible.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An annotated tag needs a message.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create Release Candidate Tag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The next release candidate of the release, on its commit; it pins the release to that commit. Nothing is written until you press Create RC Tag.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create Release Candidate Tag %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checks that the tag exists, is annotated, points at the release commit, its message says what is shown below and its signature verifies (who signed, and whether that signer is allowed). Nothing is written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign the tag (git tag -s, with git's gpg.format and user.signingkey)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signature:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign the tag (git tag -s): %1 key %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The policy requires signed tags (tags.signing: required).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The policy turns tag signing off (tags.signing: off).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed with git's own program and configuration: gpg.format, user.signingkey, gpg.program / gpg.ssh.program.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::TimelineView</name>
        <message>
            <source>Timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit log of the release</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read the timeline: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::WebhookDialog</name>
        <message>
            <source>Webhook for %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Channel the webhook posts to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every channel without its own (project default)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Webhook URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Channel:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Store in Keychain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The URL is kept only in the system keychain (entry shown below); it is never written to settings, logs or the database.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keychain entry "%1": checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keychain entry "%1": a URL for %2 is stored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keychain entry "%1": nothing stored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stored the webhook URL in the keychain entry "%1".</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removed the keychain entry "%1".</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::WelcomePage</name>
        <message>
            <source>No workspace open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A workspace is a git repository with a release policy in .release-cockpit/.
Open one, or write a policy into a repository from one of the bundled presets.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open Workspace…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open workspace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New Workspace from Preset…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New workspace from preset</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>cockpit::WhyBlockedPanel</name>
        <message>
            <source>Why Blocked?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why blocked?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blockers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter opens the tab and item that clears the blocker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is %2: nothing moves it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing blocks %1 from %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One thing keeps %1 from %2. Enter on it opens where it is cleared.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 things keep %2 from %3. Enter on one opens where it is cleared.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No release selected</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
