#include "command_table.h"

#include "commands.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace cockpit::cli {
namespace {

CliOption value(const QString &name, const QString &valueName, const QString &description)
{
    return {{name}, valueName, description, false};
}

CliOption required(const QString &name, const QString &valueName, const QString &description)
{
    return {{name}, valueName, description, true};
}

CliOption flag(const QString &name, const QString &description)
{
    return {{name}, {}, description, false};
}

CliOption message(const QString &description)
{
    return {{u"m"_s, u"message"_s}, u"MSG"_s, description, false};
}

QList<CliCommand> workspaceCommands()
{
    const QString s = u"Workspace"_s;
    return {
        {{u"init"_s}, {}, 0, 0, u"write .release-cockpit/ into the workspace from a bundled preset"_s,
            {required(u"preset"_s, u"NAME"_s,
                u"the preset to write: gated-ga, release-train, promotion or canary"_s)},
            runInit, s, {}},
        {{u"demo"_s}, {}, 0, 0, u"build the demo workspace and open it"_s,
            QList<CliOption> {value(u"dir"_s, u"DIR"_s, u"where to build the demo workspace"_s),
                flag(u"no-open"_s, u"build it, do not open the window"_s)}
                + windowOptions(),
            runDemo, s, {}},
        {{u"policy"_s, u"check"_s}, {}, 0, 0, u"validate the policy and every checklist template"_s, {},
            runPolicyCheck, s, {}},
    };
}

QList<CliCommand> releaseCommands()
{
    const QString s = u"Releases and checklists"_s;
    return {
        {{u"release"_s, u"new"_s}, u"VERSION"_s, 1, 1, u"create a release"_s,
            {value(u"commit"_s, u"REF"_s, u"pin the release to this commit (default: follow the branch)"_s),
                value(u"type"_s, u"T"_s, u"the release type (default: inferred from the bump)"_s),
                value(u"target-date"_s, u"D"_s, u"the target date, YYYY-MM-DD"_s)},
            runReleaseNew, s, {}},
        {{u"release"_s, u"status"_s}, u"VERSION"_s, 1, 1,
            u"state, next step and every blocker with what clears it (exit 1 while blocked)"_s, {}, runReleaseStatus,
            s, {}},
        {{u"release"_s, u"freeze"_s}, u"VERSION"_s, 1, 1, u"freeze the release now (before the code freeze date)"_s,
            {value(u"reason"_s, u"T"_s, u"why (kept in the audit log)"_s)}, runReleaseFreeze, s, {}},
        {{u"release"_s, u"finish"_s}, u"VERSION"_s, 1, 1,
            u"mark the release released once the last soak passed and release day is closed"_s,
            {flag(u"override"_s, u"break-glass: finish despite the blockers (override_roles only)"_s),
                value(u"reason"_s, u"T"_s, u"why (required with --override)"_s)},
            runReleaseFinish, s, {}},
        {{u"release"_s, u"abort"_s}, u"VERSION"_s, 1, 1, u"abandon the release"_s,
            {required(u"reason"_s, u"T"_s, u"why it is abandoned (kept in the audit log)"_s)}, runReleaseAbort, s, {}},
        {{u"release"_s, u"accept-commit"_s}, u"VERSION SHA"_s, 2, 2,
            u"let a commit that landed after the code freeze and is not a fix through (override_roles only)"_s,
            {required(u"reason"_s, u"T"_s, u"why it may ship after the freeze (kept in the audit log)"_s)},
            runReleaseAcceptCommit, s, {}},
        {{u"release"_s, u"list"_s}, {}, 0, 0, u"every release in the store"_s, {}, runReleaseList, s, {}},
        {{u"release"_s, u"deployed"_s}, u"VERSION"_s, 1, 1,
            u"record that the approved release is live in ENV; starts its soak and rollback window"_s,
            {required(u"env"_s, u"ENV"_s, u"the environment it is live in"_s),
                flag(u"override"_s, u"break-glass: record it although the release is not approved (override_roles only)"_s),
                value(u"reason"_s, u"T"_s, u"why (required with --override; kept in the audit log)"_s)},
            runReleaseDeployed, s, {}},
        {{u"release"_s, u"unlock"_s}, u"VERSION"_s, 1, 1, u"lift the deploy lock a rollback left"_s,
            {required(u"reason"_s, u"T"_s, u"why the lock can go (kept in the audit log)"_s)},
            runReleaseUnlock, s, {}},
        {{u"checklist"_s, u"show"_s}, u"VERSION"_s, 1, 1, u"the checklist with each item's key and state"_s,
            {flag(u"markdown"_s, u"print the checklist as Markdown"_s)}, runChecklistShow, s, {}},
        {{u"checklist"_s, u"tick"_s}, u"VERSION ITEM"_s, 2, 2,
            u"mark an item done, not applicable, failed or open again"_s,
            {value(u"note"_s, u"T"_s, u"a note for the item"_s),
                value(u"na"_s, u"REASON"_s, u"mark it not applicable, with the reason"_s),
                flag(u"fail"_s, u"mark it failed"_s), flag(u"reopen"_s, u"mark it open again"_s)},
            runChecklistTick, s, u"[--note T] [--na REASON | --fail | --reopen]"_s},
    };
}

QList<CliCommand> changelogAndTagCommands()
{
    const QString s = u"Changelog and tags"_s;
    return {
        {{u"changelog"_s, u"lint"_s}, {}, 0, 0, u"lint the changelog (Keep a Changelog 1.0/1.1)"_s, {},
            runChangelogLint, s, {}},
        {{u"changelog"_s, u"coverage"_s}, {}, 0, 0,
            u"the commits since the last release tag against the Unreleased entries"_s,
            {value(u"from"_s, u"REF"_s, u"from this ref (default: the last release tag)"_s),
                value(u"to"_s, u"REF"_s, u"up to this ref (default: HEAD)"_s)},
            runChangelogCoverage, s, {}},
        {{u"changelog"_s, u"cut"_s}, u"VERSION"_s, 1, 1, u"turn Unreleased into the section of VERSION"_s,
            {value(u"date"_s, u"D"_s, u"the release date, YYYY-MM-DD (default: today)"_s)}, runChangelogCut,
            s, {}},
        {{u"tag"_s, u"create"_s}, u"VERSION"_s, 1, 1, u"create the annotated release tag"_s,
            {value(u"commit"_s, u"REF"_s, u"tag this commit (default: the release's)"_s),
                message(u"the tag message (default: from the policy's template)"_s),
                value(u"remote"_s, u"R"_s, u"push the tag to this remote"_s),
                flag(u"sign"_s, u"sign it like git tag -s (git's gpg.format and user.signingkey)"_s),
                flag(u"no-sign"_s, u"do not sign it (refused when the policy requires signed tags)"_s)},
            runTagCreate, s, u"[--commit REF] [-m MSG] [--remote R] [--sign | --no-sign]"_s},
        {{u"tag"_s, u"verify"_s}, u"VERSION"_s, 1, 1,
            u"check that the tag exists, is annotated, points at the release commit and is signed by an allowed signer"_s,
            {value(u"commit"_s, u"SHA"_s, u"the commit it must point at (default: the release's)"_s),
                {{u"m"_s, u"message"_s}, u"TEXT"_s, u"text the tag message must contain"_s, false}},
            runTagVerify, s, {}},
        {{u"tag"_s, u"promote"_s}, u"RC"_s, 1, 1, u"put the GA tag on the release candidate's commit"_s,
            {message(u"the tag message (default: from the policy's template)"_s),
                value(u"remote"_s, u"R"_s, u"push the tag to this remote"_s),
                flag(u"sign"_s, u"sign it like git tag -s (git's gpg.format and user.signingkey)"_s),
                flag(u"no-sign"_s, u"do not sign it (refused when the policy requires signed tags)"_s)},
            runTagPromote, s, u"[-m MSG] [--remote R] [--sign | --no-sign]"_s},
        {{u"tag"_s, u"hotfix"_s}, u"VERSION"_s, 1, 1, u"create a hotfix branch from the release's tag"_s, {},
            runTagHotfix, s, {}},
    };
}

QList<CliCommand> verificationCommands()
{
    const QString s = u"Probes, soak, sign-offs and gates"_s;
    return {
        {{u"probe"_s}, u"ENV"_s, 1, 1,
            u"health/ready/live, version fingerprint, security headers and negative checks"_s,
            {value(u"release"_s, u"VERSION"_s,
                u"the release to check the deployed version against (default: the one deployed in ENV)"_s)},
            runProbe, s, u"[--release VERSION]"_s},
        {{u"env"_s, u"status"_s}, {}, 0, 0,
            u"every environment: what it runs now (probed at once) against what the cockpit deployed there; "
            u"exit 1 on drift"_s,
            {}, runEnvStatus, s, {}},
        {{u"canary"_s, u"start"_s}, u"VERSION"_s, 1, 1,
            u"start the canary: the deploy guard of the canary environment, then the first phase's set_traffic"_s,
            {}, runCanaryStart, s, {}},
        {{u"canary"_s, u"advance"_s}, u"VERSION"_s, 1, 1,
            u"set the next phase's traffic (a phase whose window is not over needs --reason)"_s,
            {value(u"reason"_s, u"T"_s, u"why it advances early (kept in the audit log)"_s)}, runCanaryAdvance, s, {}},
        {{u"canary"_s, u"pause"_s}, u"VERSION"_s, 1, 1, u"hold the canary at its traffic: nothing advances"_s,
            {required(u"reason"_s, u"T"_s, u"why (kept in the audit log)"_s)}, runCanaryPause, s, {}},
        {{u"canary"_s, u"resume"_s}, u"VERSION"_s, 1, 1, u"let a paused canary go on"_s,
            {value(u"reason"_s, u"T"_s, u"why it may go on (kept in the audit log)"_s)}, runCanaryResume, s, {}},
        {{u"canary"_s, u"abort"_s}, u"VERSION"_s, 1, 1, u"set the canary's traffic to 0% and end it"_s,
            {required(u"reason"_s, u"T"_s, u"why (kept in the audit log)"_s)}, runCanaryAbort, s, {}},
        {{u"canary"_s, u"status"_s}, u"VERSION"_s, 1, 1, u"the canary's phases, traffic, verdicts and who advanced them"_s,
            {}, runCanaryStatus, s, {}},
        {{u"canary"_s, u"watch"_s}, u"VERSION"_s, 1, 1,
            u"judge and move the canary until it completes (exit 0), pauses (1) or waits for a person (2)"_s,
            {value(u"interval"_s, u"S"_s, u"seconds between passes (default 60)"_s)}, runCanaryWatch, s, {}},
        {{u"soak"_s, u"evaluate"_s}, u"VERSION"_s, 1, 1,
            u"evaluate the policy's soak checks and rollback triggers against Prometheus"_s,
            {required(u"env"_s, u"ENV"_s, u"the environment soaking"_s),
                value(
                    u"from"_s, u"T"_s, u"window start, RFC 3339 or Unix seconds (default: the deployment)"_s),
                value(u"to"_s, u"T"_s, u"window end (default: the soak's own end)"_s)},
            runSoak, s, {}},
        {{u"soak"_s, u"watch"_s}, u"VERSION"_s, 1, 1,
            u"follow the live soak of the release's deployment to ENV until it ends (a server or CI job): probes "
            u"probe triggers, rolls back by itself on an automatic trigger, one line per change; exit 0 PASS, "
            u"1 FAIL, 2 INCONCLUSIVE"_s,
            {required(u"env"_s, u"ENV"_s, u"the environment soaking"_s)}, runSoakWatch, s, {}},
        {{u"signoff"_s}, u"VERSION"_s, 1, 1, u"approve (or reject) the release's current digest for a role"_s,
            {required(u"role"_s, u"ROLE"_s, u"the role signed for"_s),
                flag(u"reject"_s, u"reject instead of approve (needs --reason)"_s),
                value(u"reason"_s, u"T"_s, u"why the release is rejected"_s),
                flag(u"withdraw"_s, u"withdraw your sign-off for the role"_s)},
            runSignoff, s, u"--role ROLE [--reject --reason T | --withdraw]"_s},
        {{u"gate"_s}, u"VERSION"_s, 1, 1, u"run the policy's gates in order, fail-closed, on the release's commit"_s,
            {value(u"only"_s, u"NAME"_s, u"run only this gate"_s),
                value(u"confirm"_s, u"NAME"_s, u"confirm this manual gate as yourself (repeatable)"_s),
                value(u"not-applicable"_s, u"NAME"_s, u"this conditional gate does not apply (needs --reason)"_s),
                value(u"reason"_s, u"T"_s, u"why the gate does not apply"_s)},
            runGate, s, u"[--only NAME] [--confirm NAME] [--not-applicable NAME --reason T]"_s},
    };
}

QList<CliCommand> rollbackAndEvidenceCommands()
{
    const QString s = u"Rollback, evidence and communications"_s;
    return {
        {{u"rollback"_s}, u"VERSION"_s, 1, 1,
            u"plan, run (the version typed again), approve or resume a rollback; else show the last"_s,
            {flag(u"dry-run"_s, u"print the plan, run nothing"_s),
                value(u"confirm"_s, u"VERSION"_s, u"the version typed again, to run the steps"_s),
                flag(u"approve"_s, u"approve a pending rollback as the second person"_s),
                flag(u"resume"_s, u"continue an interrupted or halted rollback"_s),
                value(u"skip"_s, u"REASON"_s, u"with --resume: skip the halted step, with the reason"_s),
                value(u"reason"_s, u"T"_s,
                    u"why roll back (required with --confirm): the incident's cause; {reason} in the steps"_s)},
            runRollback, s,
            u"[--dry-run [--reason T] | --confirm VERSION --reason T | --approve | --resume [--skip REASON]]"_s},
        {{u"evidence"_s, u"export"_s}, u"VERSION"_s, 1, 1, u"write the release's evidence pack"_s,
            {required(u"out"_s, u"FILE.zip"_s, u"the zip to write"_s)}, runEvidenceExport, s, {}},
        {{u"evidence"_s, u"show"_s}, u"FILE.zip"_s, 1, 1, u"open a pack read-only and verify its checksums"_s,
            {}, runEvidenceShow, s, {}},
        {{u"notify"_s}, u"VERSION"_s, 1, 1,
            u"render (and post) a communication from the policy's templates"_s,
            {value(u"template"_s, u"NAME"_s, u"the notification's name in the policy"_s),
                value(u"reason"_s, u"T"_s, u"the {reason} of the message"_s),
                flag(u"post"_s, u"post it to the webhook kept in the keychain (needs --template)"_s)},
            runNotify, s, {}},
        {{u"notify"_s, u"webhook"_s, u"set"_s}, u"[CHANNEL]"_s, 0, 1,
            u"store a webhook URL, read from standard input, in the keychain"_s, {}, runNotifyWebhook, s, {}},
        {{u"notify"_s, u"webhook"_s, u"remove"_s}, u"[CHANNEL]"_s, 0, 1,
            u"remove a webhook URL from the keychain"_s, {}, runNotifyWebhook, s, {}},
    };
}

QList<CliCommand> planningCommands()
{
    const QString s = u"Planning, metrics and audit"_s;
    return {
        {{u"calendar"_s}, {}, 0, 0, u"upcoming releases and code freezes"_s,
            {value(u"from"_s, u"D"_s, u"the first day, YYYY-MM-DD (default: today)"_s),
                value(u"months"_s, u"N"_s, u"how many months ahead (default 3)"_s),
                value(u"ics"_s, u"FILE"_s, u"write iCalendar (releases, code freezes, freeze windows, stop-the-line) to FILE"_s)},
            runCalendar, s, {}},
        {{u"freeze"_s, u"start"_s}, {}, 0, 0, u"stop the line: hold every deploy and forward move of the workspace"_s,
            {required(u"reason"_s, u"T"_s, u"why (kept in the audit log, shown to everyone held)"_s)}, runFreezeStart, s, {}},
        {{u"freeze"_s, u"end"_s}, {}, 0, 0, u"lift the stop-the-line"_s,
            {value(u"reason"_s, u"T"_s, u"why it can go (kept in the audit log)"_s)}, runFreezeEnd, s, {}},
        {{u"freeze"_s, u"status"_s}, {}, 0, 0,
            u"stop-the-line and freeze windows in force or coming (exit 1 while deploys are held)"_s, {}, runFreezeStatus, s, {}},
        {{u"metrics"_s}, {}, 0, 0, u"DORA metrics from the store and git"_s,
            {value(u"from"_s, u"D"_s, u"the first day (default: 90 days before --to)"_s),
                value(u"to"_s, u"D"_s, u"the last day (default: now)"_s)},
            runMetrics, s, {}},
        {{u"audit"_s, u"verify"_s}, {}, 0, 0, u"walk the audit log's hash chain"_s, {}, runAudit, s, {}},
        {{u"completion"_s}, u"bash|zsh"_s, 1, 1, u"print the shell completion script"_s, {}, runCompletion, s,
            {}},
    };
}

QList<CliCommand> buildTable()
{
    return workspaceCommands() + releaseCommands() + changelogAndTagCommands() + verificationCommands()
        + rollbackAndEvidenceCommands() + planningCommands();
}

}  // namespace

QString CliOption::spelled() const
{
    const QString n = longName();
    const QString dashed = (n.size() == 1 ? u"-"_s : u"--"_s) + n;
    return valueName.isEmpty() ? dashed : dashed + u' ' + valueName;
}

QString CliCommand::synopsis() const
{
    QStringList parts {name()};
    if (!arguments.isEmpty())
        parts << arguments;
    if (!optionUsage.isEmpty()) {
        // The hand-written part covers the options that exclude each other; required ones that it
        // does not name still show.
        for (const CliOption &o : options)
            if (o.required && !optionUsage.contains(o.spelled()))
                parts << o.spelled();
        parts << optionUsage;
        return parts.join(u' ');
    }
    for (const CliOption &o : options) {
        // The message option is spelled short in usage lines, as git does.
        const QString shown
            = o.names.size() > 1 ? u"-%1 %2"_s.arg(o.names.first(), o.valueName) : o.spelled();
        parts << (o.required ? shown : u'[' + shown + u']');
    }
    return parts.join(u' ');
}

const CliOption *CliCommand::option(const QString &name) const
{
    for (const CliOption &o : options)
        if (o.names.contains(name))
            return &o;
    return nullptr;
}

const QList<CliOption> &globalOptions()
{
    static const QList<CliOption> options {
        value(u"workspace"_s, u"DIR"_s,
            u"the workspace (default: the git repository around the current directory)"_s),
        value(u"db"_s, u"URL"_s, u"the database: a SQLite path or postgresql:// URL"_s),
        value(u"prometheus"_s, u"URL"_s, u"the Prometheus URL (overrides the policy)"_s),
        flag(u"json"_s, u"machine output on stdout, one JSON document"_s),
    };
    return options;
}

const QList<CliOption> &windowOptions()
{
    static const QList<CliOption> options {
        flag(u"new-instance"_s, u"open a window even when a cockpit runs (else it takes over)"_s),
        value(u"screenshot"_s, u"FILE"_s, u"save a screenshot once the workspace is shown, then quit"_s),
    };
    return options;
}

const QList<CliCommand> &commandTable()
{
    static const QList<CliCommand> table = buildTable();
    return table;
}

const CliCommand *findCommand(const QStringList &words)
{
    const CliCommand *best = nullptr;
    for (const CliCommand &c : commandTable())
        if (words.mid(0, c.path.size()) == c.path && (!best || c.path.size() > best->path.size()))
            best = &c;
    return best;
}

QStringList findGroup(const QStringList &words)
{
    QStringList best;
    for (const CliCommand &c : commandTable())
        for (qsizetype n = 1; n < c.path.size(); ++n)
            if (n > best.size() && words.mid(0, n) == c.path.mid(0, n))
                best = c.path.mid(0, n);
    return best;
}

QList<const CliCommand *> commandsUnder(const QStringList &group)
{
    QList<const CliCommand *> found;
    for (const CliCommand &c : commandTable())
        if (c.path.size() > group.size() && c.path.mid(0, group.size()) == group)
            found << &c;
    return found;
}

bool optionTakesValue(const QString &name)
{
    static const QSet<QString> valued = [] {
        QSet<QString> names;
        auto add = [&names](const QList<CliOption> &options) {
            for (const CliOption &o : options)
                if (!o.valueName.isEmpty())
                    for (const QString &n : o.names)
                        names.insert(n);
        };
        add(globalOptions());
        add(windowOptions());
        for (const CliCommand &c : commandTable())
            add(c.options);
        return names;
    }();
    return valued.contains(name);
}

}  // namespace cockpit::cli
