#pragma once
// One open workspace: its policy, who is acting, its store, and every service, shared by the
// window and the command line. The product's use cases are its methods, written once here (one
// file per feature: session_checks.cpp, session_soak.cpp, ...) with their audit and evidence text
// in English; translation is the window's business. No widget and no CLI command builds a service.
#include "canary.h"
#include "changelog_autosave.h"
#include "freeze.h"
#include "future_watch.h"
#include "gate_sequence.h"
#include "identity.h"
#include "environment_status.h"
#include "evidence_pack.h"
#include "probe_runner.h"
#include "readiness.h"
#include "signoff_service.h"
#include "release_service.h"
#include "session_events.h"
#include "soak_recording.h"
#include "soak_monitor.h"
#include "soak_run.h"
#include "soak_types.h"
#include "tag_flow.h"
#include "tag_service.h"
#include "work_in_flight.h"
#include "workspace.h"

#include <QFuture>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QThread>
#include <QThreadPool>
#include <memory>

namespace cockpit {

class MetricsService;
class NotificationService;
class PrometheusClient;
class RollbackService;
class SignoffService;
class SoakMonitor;
class Store;
class TagService;
class WebhookClient;

// What a workspace opening reads off the GUI thread, before the session is built on it.
struct SessionSetup {
    Workspace workspace;
    Identity identity;
};

// A changelog check as a front end analysed it: the text on disk, linted, against the commits
// from the last tag to the release's commit.
struct ChangelogCheckFacts {
    QString path;  // as the policy names it ("CHANGELOG.md")
    QString fromTag;  // the last release tag; empty: from the root commit
    QString toCommit;  // full SHA
    int lintErrors = 0;
    int lintWarnings = 0;
    int commits = 0;
    int covered = 0;
    int exempt = 0;
    int uncovered = 0;
};

// Every environment's row of the Environments view (Session::environmentStatus), and what could
// not be done (a drift not recorded).
struct EnvironmentReport {
    QList<EnvironmentStatus> environments;
    QStringList warnings;
};

// A probe of an environment as stored: the report, the items it ticked, what could not be done.
// A finished soak as stored: its run (id, kind, deployment) and the checklist items it ticked.
struct SoakRunOutcome {
    SoakRun run;
    QList<ChecklistItem> ticked;
};

struct ProbeOutcome {
    ProbeReport report;
    QList<ChecklistItem> ticked;
    QStringList warnings;  // "the probe result was not stored: ..."
};

class Session : public QObject {
    Q_OBJECT
public:
    // Blocking (git config, policy files): call it off the GUI thread. storeUrl decides the
    // identity in team mode (the database login); otherwise the workspace's git identity.
    static Result<SessionSetup> load(const QString &dir, const QString &storeUrl);
    // Who acts: the login of a postgresql:// store URL, else git's user.email in root, else the OS user.
    static Identity resolveIdentity(const QString &root, const QString &storeUrl);

    // The store must outlive the session (the window keeps one per database).
    Session(Store *store, Workspace workspace, Identity identity, QObject *parent = nullptr);
    ~Session() override;

    [[nodiscard]] const Workspace &workspace() const;
    [[nodiscard]] const Identity &identity() const;
    [[nodiscard]] Store *store() const { return m_store; }

    // The services it owns, for views that follow them (signals) and calls not yet lifted here.
    [[nodiscard]] ReleaseService &releases() const { return *m_releases; }
    [[nodiscard]] SignoffService &signoffs() const { return *m_signoffs; }
    [[nodiscard]] RollbackService &rollbacks() const { return *m_rollbacks; }
    [[nodiscard]] MetricsService &metrics() const { return *m_metrics; }
    [[nodiscard]] NotificationService &notifications() const { return *m_notifications; }
    [[nodiscard]] WebhookClient &webhooks() const { return *m_webhooks; }
    [[nodiscard]] TagService tags() const;

    // --- checklist (session_checks.cpp)
    QFuture<Result<ReleaseRecord>> createRelease(NewReleaseRequest request);
    QFuture<Result<ChecklistItem>> setItem(QString version, QString key, ItemState state, QString note = {},
        QString naReason = {}, int expectedRowVersion = 0);
    // Whose approvals setting the item so would make stale ("lead's approval (lead@x)"), asked
    // before the change: the window asks the user first, the command line says so
    // (session_stale_preview.cpp). Empty when the item is outside what signers approved.
    QFuture<Result<QStringList>> approvalsStaledBy(QString version, QString key, ItemState state, QString naReason = {});
    static Result<QStringList> staledBy(Store *store, const Workspace &ws, const QString &version, const QString &key,
        ItemState state, const QString &naReason);
    // A clean lint and full coverage tick the items bound to `check: changelog`, with one evidence
    // text whichever front end ran the check. Anything short of that ticks nothing (an empty list).
    QFuture<Result<QList<ChecklistItem>>> recordChangelogCheck(QString version, ChangelogCheckFacts facts);
    // A tag made and verified by the cockpit ticks the items bound to `check: tag`.
    QFuture<Result<QList<ChecklistItem>>> recordTagCheck(QString version, QString tagName, QString evidence);
    static QString changelogEvidence(const ChangelogCheckFacts &facts);

    // --- the release as it stands (session_release.cpp)
    // An unpinned release follows its branch: its commit is the branch's head now, for every
    // front end at once (header, status, coverage, diff, tags, digests, evidence). A pinned one
    // (a release candidate tag, --commit at creation) keeps its commit. The store keeps the commit
    // the release was created on; these are what to show and act on.
    QFuture<Result<ReleaseRecord>> currentRelease(QString version);
    QFuture<Result<QList<ReleaseRecord>>> currentReleases();
    // Blocking (libgit2): call them off the GUI thread. A head that cannot be read leaves the
    // recorded commit (ReleaseService::currentCommit says why in notes).
    static ReleaseRecord followBranch(const Workspace &ws, ReleaseRecord release, QStringList *notes = nullptr);
    static Result<ReleaseRecord> loadCurrentRelease(Store *store, const Workspace &ws, const QString &version);

    // --- tags (session_tags.cpp)
    // Why the release tag of version (not a pre-release) may not be made on commit: the changelog
    // at that commit has no section for the version, or commits since the last release tag are
    // not covered by it. Empty when it may; a pre-release is never held. Blocking (libgit2).
    static Result<QStringList> releaseTagBlockers(const Workspace &ws, const QString &version, const QString &commit);
    // The next release candidate of version by its tags: "3.7.0-rc3" after rc1 and rc2.
    static Result<QString> nextCandidate(const Workspace &ws, const QString &version);
    // Whether a planned tag is signed (`git tag -s`, git's gpg.format and user.signingkey): the
    // policy's tags.signing and the front end's choice (--sign / --no-sign, the dialog's box).
    // Required signs by default and refuses an unsigned tag; off refuses a signed one; a key that
    // is missing is refused with what to set. Fills plan.sign, signingFormat and signingKey; a
    // tag already there is left as it is. Blocking (git config, gpg): off the GUI thread.
    using TagSigningChoice = cockpit::TagSigningChoice;
    static Status chooseTagSigning(const Workspace &ws, TagPlan &plan, TagSigningChoice choice);
    // TagService::verify plus the signature: good or not, who signed, whether that signer is
    // allowed (SSH: the policy's signoff.allowed_signers, else git's gpg.ssh.allowedSignersFile;
    // OpenPGP: the key's trust against gpg.minTrustLevel). A bad signature always fails; an
    // unsigned tag or a signer not allowed fails when tags.signing is required. Blocking.
    static Result<TagVerification> verifyTag(const Workspace &ws, const Identity &who, const QString &version,
        const QString &expectedCommit = {}, const QString &messageContains = {});
    // Why the release (GA) tag a plan writes may not be made, for every front end: the changelog's
    // part (releaseTagBlockers) and, for a release the store keeps, the lifecycle's
    // (releaseTagHolds: aborted, stop-the-line, commits after the freeze that are not fixes).
    // Empty for a tag already there and for a pre-release. Blocking (libgit2, store).
    static Result<QStringList> tagBlockers(Store *store, const Workspace &ws, const TagPlan &plan);
    // The newest release candidate tag of version ("3.7.0-rc2"); NotFound when there is none.
    static Result<QString> lastCandidate(const Workspace &ws, const QString &version);
    // The changelog section a tag message quotes: the version's own, else (an RC) its GA
    // version's, else Unreleased; empty when there is none. text: none reads the file on disk.
    static QString tagMessageSection(
        const Workspace &ws, const QString &version, const std::optional<QByteArray> &text);

    // --- making and verifying tags (session_tag_flow.cpp): the dialogs and `tag` commands
    // The tag a request would write, what holds it and how it is signed; nothing is written.
    QFuture<Result<TagProposal>> proposeTag(TagRequest request);
    static Result<TagProposal> planTag(Store *store, const Workspace &ws, const Identity &who, const TagRequest &request);
    // Writes a proposal (its refusal while held), pushes it to options.remote, ticks the release's
    // `check: tag` items when the tag is on the release commit, and a candidate pins its release.
    // A push reads the keychain on this thread's event loop: a command line awaits with it turning.
    QFuture<Result<TagFinish>> finishTag(TagProposal proposal, TagFinishOptions options = {});
    static Result<TagFinish> writeTag(ReleaseService &releases, const TagProposal &proposal,
        const TagFinishOptions &options, const TagPushAccess &access = {});
    // verifyTag against expectedCommit (empty: the stored release's commit, if any); a verified tag
    // ticks the release's `check: tag` items.
    QFuture<Result<TagCheck>> checkTag(QString version, QString expectedCommit = {}, QString messageContains = {});
    static Result<TagCheck> verifyAndRecordTag(ReleaseService &releases, const QString &version,
        const QString &expectedCommit, const QString &messageContains);

    // --- changelog editing (session_changelog.cpp)
    // Unsaved CHANGELOG text kept under the XDG state dir while it is unsaved, offered back after
    // a crash; dropped once the text is saved or discarded. Writes run one at a time, in order.
    QFuture<Status> autosaveChangelog(ChangelogAutosave autosave);
    QFuture<Result<std::optional<ChangelogAutosave>>> changelogAutosave(QString changelogPath);
    QFuture<Status> dropChangelogAutosave(QString changelogPath);

    // --- soak (session_soak.cpp)
    // The Prometheus of the policy, or the override given to setPrometheusUrl (--prometheus).
    // BadInput naming the URL and where to set it when there is none usable.
    Result<PrometheusClient *> prometheus();
    void setPrometheusUrl(const QString &url);
    // Reads the policy's Prometheus credential from the keychain once and hands it to the client
    // (a missing credential leaves queries unauthenticated: a refusing Prometheus is never a PASS).
    QFuture<Status> prometheusReady();
    // A monitor over prometheus(); nullptr when there is none (prometheus() says why).
    SoakMonitor *createSoakMonitor(QObject *parent);
    // A finished soak: stores it as a new run (never over another) and, on a PASS that is evidence
    // of this deployment (soakEvidenceGap is empty) in the deployment's own run, ticks the items
    // bound to `check: soak ENV` with one evidence text naming the run. A what-if
    // (recording.whatIf: a window given by hand) is stored as a run of kind what-if: never the
    // release's soak, never a tick. Returns the run and the items ticked.
    QFuture<Result<SoakRunOutcome>> recordSoakEnd(QString version, SoakRecording recording,
        SoakEvaluation evaluation);
    // A stored PASS shown again ticks the items bound to it that are still open (the same rule;
    // only the deployment's own run ticks).
    QFuture<Result<QList<ChecklistItem>>> tickSoakPass(
        QString version, QString candidate, SoakRun run, SoakEvaluation evaluation);
    // The blocking core of recordSoakEnd, for callers already off the GUI thread (the demo).
    static Result<SoakRunOutcome> finishSoak(ReleaseService &releases, const QString &version,
        const SoakRecording &recording, const SoakEvaluation &evaluation);
    static QString soakEvidence(const QString &candidate, const QString &environment,
        const SoakEvaluation &evaluation, qint64 runId = 0);
    // Why a soak from start to end in environment is not evidence of this release there; empty
    // when it is: it starts at or after the latest deployment of the release's commit there and
    // covers the policy's soak duration. Blocking (store reads): call it off the GUI thread.
    static QString soakEvidenceGap(Store *store, const Policy &policy, const QString &version,
        const QString &environment, const QDateTime &start, const QDateTime &end);

    // --- probes (session_probes.cpp)
    // The policy's environment of that name; BadInput listing the known ones.
    [[nodiscard]] Result<const EnvironmentPolicy *> environment(const QString &name) const;
    // The release deployed last in the environment, if any. No other release stands in for it.
    QFuture<Result<std::optional<ReleaseRecord>>> releaseDeployedIn(QString environment);
    // Probes the environment against the release given (its version and commit are expected
    // there); with none, the version is not checked. BadInput for an environment the policy lacks.
    QFuture<Result<ProbeOutcome>> probe(QString environment, std::optional<ReleaseRecord> release);
    static Result<ProbeOutcome> finishProbe(ReleaseService &releases, const QString &environment,
        const std::optional<ReleaseRecord> &release, const ProbeReport &report);
    // The newest stored probe of the environment (any release), nullopt when none is stored.
    QFuture<Result<std::optional<ProbeReport>>> lastProbe(QString environment);
    // --- environments (session_environments.cpp)
    // Every environment of the policy, in promotion order: what it runs now (its version endpoint,
    // all probed at once) against what the cockpit last deployed there. Drift is written to the
    // audit log (env.drift, once per value reported) and announced as EnvironmentDrift.
    QFuture<Result<EnvironmentReport>> environmentStatus(std::chrono::milliseconds timeout = std::chrono::seconds(10));
    // The rows from the probes' reports (probed[i] is reports[i]'s environment) and the store.
    static Result<QList<EnvironmentStatus>> judgeEnvironments(Store *store, const Workspace &ws, const Identity &who,
        const QList<QString> &probed, const QList<Result<ProbeReport>> &reports, QStringList *warnings);

    // --- gates (session_gates.cpp)
    // Runs the release's gates in order, fail-closed, on a pool thread (runGateSequence); each
    // result is stored as it lands and announced (GateRecorded), a pass ticks `check: gate NAME`.
    // Cancel with a std::stop_source whose token is in options.stop.
    QFuture<Result<GateRun>> runGates(QString version, GateRunOptions options);
    // The gates as stored, nothing run: newest result per gate, stale ones noted.
    QFuture<Result<GateRun>> gateStatus(QString version);
    // What a gate's stored output tail passes through (default: redactSecrets, which removes URL
    // credentials, Authorization headers and password/token/secret assignments). A front end
    // that knows the keychain's secrets may set a stricter one.
    void setGateRedactor(GateRedactor redactor) { m_gateRedactor = std::move(redactor); }

    // --- records (session_records.cpp)
    // Records a sign-off decision as who acts in this session (refused as the policy says;
    // Conflict when the digest is no longer the one reviewed).
    QFuture<Result<Signoff>> signOff(SignRequest request);
    // Writes the release's evidence pack to path (progress from the pool thread).
    QFuture<Result<EvidencePack>> exportEvidence(QString version, QString path, EvidenceProgress progress = {});

    // --- lifecycle (session_lifecycle.cpp)
    struct MoveRequest {
        QString version;
        ReleaseState to = ReleaseState::Frozen;
        QString reason;  // required to abort and to override
        bool override = false;  // break-glass: only the policy's override_roles, recorded with the blockers
        QString pinCommit;  // a release candidate pins this commit in the same move
    };
    // May the release take its next step, and what blocks it (one computation for every front end).
    QFuture<Result<Readiness>> readiness(QString version);
    static Result<Readiness> computeReadiness(Store *store, const Workspace &ws, const QString &version, const QDateTime &now);
    static Result<ReadinessFacts> readinessFacts(Store *store, const Workspace &ws, const QString &version, const QDateTime &now);
    // Freeze, finish, abort, ...: refused with every blocker named (Refused) unless overridden.
    QFuture<Result<ReleaseRecord>> moveRelease(MoveRequest request);
    static Result<ReleaseRecord> applyMove(Store *store, const Workspace &ws, const Identity &who, const MoveRequest &request);
    // Moves the release as far as the facts carry it on their own (the freeze date, an RC pinned,
    // approval gained or lost). Returns the release as it is afterwards.
    QFuture<Result<ReleaseRecord>> advance(QString version);
    // The moves are recorded as actor's (who caused the facts), with the fact as the reason.
    static Result<ReleaseRecord> advanceRelease(
        Store *store, const Workspace &ws, const QString &version, const QDateTime &now, const QString &actor);
    static bool mayOverride(const Policy &policy, const Identity &who);
    // After an override: the release's checklist gets a post-mortem item (once per release;
    // session_overrides.cpp).
    static Status requirePostMortem(Store *store, const QString &version, const QString &actor, const QString &reason);
    // --- commits after the code freeze (session_freeze_commits.cpp)
    // The commits on the release's branch after the commit it was frozen on, up to `commit` (what
    // it ships now), judged against the policy's code_freeze_allows and the stored acceptances.
    // Empty before the freeze. Blocking (git, store): call it off the GUI thread.
    static Result<QList<FreezeCommit>> freezeCommits(
        Store *store, const Workspace &ws, const ReleaseRecord &release, const QString &commit);
    // Accepts one of those commits (a SHA or a unique prefix) with a reason, as who acts in this
    // session: only members of the policy's override_roles may (Refused otherwise); BadInput for a
    // commit that is not after the freeze or needs no acceptance. The release then moves on as far
    // as its facts carry it.
    QFuture<Result<AcceptedCommit>> acceptCommit(QString version, QString commit, QString reason);
    // --- deploys (session_deploy.cpp)
    struct DeployRequest {
        QString version;
        QString environment;
        QString reason;  // required with override
        bool override = false;
        // Lines while the environment's version endpoint is checked (deploy_fingerprint.h), on
        // the pool thread that records the deploy.
        std::function<void(const QString &)> progress;
    };
    // Records the release live in the environment: from approved, or from soaking once the previous
    // environment's soak passed; refused (Refused, every blocker named) otherwise unless overridden.
    QFuture<Result<Deployment>> recordDeployment(DeployRequest request);
    // What holds a deploy of version to environment now: the lock a rollback left, the lifecycle
    // state, the promotion order and every hold (the guard recordDeployment applies).
    struct DeployGuard {
        ReadinessFacts facts;  // empty when locked
        QList<Blocker> blockers;  // empty: it may go
        bool locked = false;
        bool final = false;  // released, aborted: no override either
    };
    static Result<DeployGuard> deployGuard(
        Store *store, const Workspace &ws, const QString &version, const QString &environment);
    // The guard's blockers, for the window's Mark Deployed… (enabled only when empty).
    QFuture<Result<QList<Blocker>>> deploymentBlockers(QString version, QString environment);
    static Result<Deployment> applyDeployment(
        Store *store, const Workspace &ws, const Identity &who, const DeployRequest &request);
    // Records the deploy once the environment's version endpoint reports commit's release (or
    // cannot be reached: said through request.progress), with a deploy.fingerprint audit entry.
    static Result<Deployment> recordVerified(
        Store *store, const Workspace &ws, const Identity &who, const DeployRequest &request, const QString &commit);
    // A release candidate tag (3.7.0-rc1) on commit pins release 3.7.0 to it, then the release
    // moves on as far as the facts carry it. NotFound when there is no such release.
    QFuture<Result<ReleaseRecord>> pinCandidate(QString version, QString commit, QString tagName);
    static Result<ReleaseRecord> pinToCandidate(Store *store, const Workspace &ws, const Identity &who,
        const QString &version, const QString &commit, const QString &tagName);

    // --- canary (session_canary.cpp, session_canary_step.cpp)
    // A canary release through the policy's canary phases in its canary environment.
    enum class CanaryAction { Start, Advance, Pause, Resume, Abort };
    struct CanaryRequest {
        QString version;
        CanaryAction action = CanaryAction::Start;
        QString reason;  // required to pause, abort, or advance a phase before its window is over
        bool automatic = false;  // the cockpit on its own (canaryStep), not a person
        QString verdict;  // Advance: the phase's verdict to record first ("pass"), if not yet
        std::function<void(const QString &)> progress;  // lines while set_traffic runs (pool thread)
        // How many events the move was decided on (canaryStep's judgement, what the window showed):
        // when the canary has moved since, the move is refused (Conflict) and nothing is done, so a
        // judgement of phase 1 can never advance phase 2. -1: a move on whatever holds now (CLI).
        int seenEvents = -1;
    };
    struct CanaryView {
        QString environment;
        QString releaseType;
        QList<CanaryEvent> events;
        CanaryStatus status;
        std::optional<CanaryDecision> decision;  // canaryStep: what it decided
        std::optional<SoakEvaluation> analysis;  // canaryStep: the current phase's analysis
    };
    // The canary as stored: events and the state folded from them. BadInput without a canary policy.
    QFuture<Result<CanaryView>> canary(QString version);
    // A person's move (start: the canary environment's deploy guard, then the first phase's
    // traffic; advance: not while paused or held by stop-the-line or a freeze window; abort: traffic
    // to 0%). Refused with the reason; Failed when set_traffic fails (the canary then is paused at
    // the share it had). Start records the release deployed in the canary environment.
    QFuture<Result<CanaryView>> canaryAct(CanaryRequest request);
    // Judges the current phase (its analysis at now) and acts on it: verdict, auto-advance,
    // complete, or pause on a breach. The window calls it on a timer; `canary watch` in a loop.
    QFuture<Result<CanaryView>> canaryStep(QString version);
    static Result<CanaryView> canaryView(Store *store, const Workspace &ws, const QString &version);
    static Result<CanaryView> applyCanaryAction(
        Store *store, const Workspace &ws, const Identity &who, const CanaryRequest &request);
    static Result<CanaryView> actOnCanary(Store *store, const Workspace &ws, const Identity &who, CanaryView view,
        std::optional<SoakEvaluation> analysis, bool stale, const QDateTime &now);
    // The soak plan of the canary's current phase: its checks, its triggers and the policy's.
    static SoakPlan canaryPhasePlan(const Policy &policy, const QString &version, const CanaryStatus &status);
    // Whether a release of this type goes to the canary environment through the canary.
    static bool goesThroughCanary(const Policy &policy, const QString &releaseType);
    // What holds the Released move of a canary release: its canary not complete (readiness).
    static Result<std::optional<Blocker>> canaryBlocker(Store *store, const Workspace &ws, const ReleaseRecord &release);
    // Whether the named trigger of the canary's current phase (or of the policy's soak) rolls back
    // on its own (automatic: true with a rollback action).
    static bool canaryTriggerIsAutomatic(const Policy &policy, const CanaryStatus &status, const QString &trigger);

    // --- freezes (session_freeze.cpp)
    // Stop-the-line: workspace-wide, held in the store (every workstation of a team store sees it),
    // blocks every deploy and every forward move until lifted. Start needs a reason; Conflict
    // while one holds, NotFound when ending none.
    QFuture<Result<StopTheLine>> startStopTheLine(QString reason);
    QFuture<Result<StopTheLine>> endStopTheLine(QString reason);
    QFuture<Result<std::optional<StopTheLine>>> stopTheLine();
    // What holds a deploy of a release of that type now: stop-the-line and freeze windows.
    static Result<Holds> currentHolds(Store *store, const Policy &policy, const QString &releaseType, const QDateTime &now);
    // The workspace's calendar as iCalendar (RFC 5545): releases' target dates and code freezes,
    // freeze window occurrences in [from, to), a stop-the-line that holds.
    QFuture<Result<QByteArray>> calendarIcs(QDate from, QDate to);
    static Result<QByteArray> buildCalendarIcs(Store *store, const Workspace &ws, const QDate &from, const QDate &to, const QDateTime &now);

    // --- automatic rollback (session_auto_rollback.cpp, issue 15 item 3b)
    // Follows a live soak of version: a trigger that fires with `automatic: true` and a rollback
    // action (isRollbackAction) starts the rollback by itself (rollBackAutomatically), once per
    // trigger. Other fired triggers are the front end's to show and offer, as before. The monitor
    // may be deleted before the session.
    void watchSoak(SoakMonitor *monitor, QString version);
    // Starts version's rollback plan with trigger as the incident's cause (reason: the trigger and
    // what it saw), with no typed confirmation, as who runs this cockpit, marked automatic in the
    // plan (and so in the audit log's rollback.request). It runs only the steps that need no
    // person: at the first manual or conditional step it halts (RollbackService::hold), leaving
    // traffic where it is. Each move is announced (SessionEvent::AutomaticRollback); the policy's
    // notifications for `rollback_halted` and `rolled_back` are posted to their webhooks.
    void rollBackAutomatically(QString version, QString trigger, QString sighting);
    // An automatic rollback this session started that has neither finished nor halted.
    [[nodiscard]] bool automaticRollbackRunning() const { return !m_automaticRunning.isEmpty(); }

signals:
    void changed(const cockpit::SessionEvent &event);

private:
    void announce(SessionEvent event);
    // Runs fn with the future's result on the session's thread, when called from it (the window,
    // the command line's loop); a call from a pool thread (the demo's seeding) is not followed.
    template <typename R, typename Fn> void follow(QFuture<R> future, Fn &&fn)
    {
        if (QThread::currentThread() == thread())
            whenReady(this, std::move(future), std::forward<Fn>(fn));
    }
    static Result<QList<GateResult>> storedGateResults(Store *store, const QString &version);
    // The use case's future, finished only after the release moved as far as its new facts carry
    // it (advanceRelease on the pool thread); a failed advance leaves the release where it was.
    template <typename R> QFuture<R> thenAdvance(const QString &version, QFuture<R> future)
    {
        return m_inFlight.keep(future.then(QtFuture::Launch::Async,
            [store = m_store, ws = workspace(), actor = identity().id, version](R result) {
                if (result)
                    (void)advanceRelease(store, ws, version, QDateTime::currentDateTimeUtc(), actor);
                return result;
            }));
    }
    static Result<CanaryEvent> appendCanary(
        Store *store, const Workspace &ws, const Identity &who, const CanaryView &view, CanaryEvent event);
    static Result<int> setCanaryTraffic(const Workspace &ws, const QString &version, const QString &commit,
        int phase, int percent, const std::function<void(const QString &)> &progress);
    static Result<CanaryView> moveCanaryTraffic(Store *store, const Workspace &ws, const Identity &who,
        CanaryView view, const QString &commit, int phase, int percent, bool automatic,
        const std::function<void(const QString &)> &progress);
    QFuture<Result<QList<ChecklistItem>>> tickFor(
        QString version, CheckKind kind, QString target, QString evidence);
    // Automatic rollbacks (session_auto_rollback.cpp).
    void followAutomaticRollbacks();
    void announceAutomatic(const QString &version, const QString &trigger, const QString &verdict,
        const QString &detail, qint64 rollbackId = 0);
    void postRollbackNotifications(const QString &version, const QString &event);
    QSet<QString> m_automaticAsked;  // "version/trigger" already started
    QMap<qint64, QString> m_automaticRunning;  // rollback id -> trigger, until it halts or finishes
    QMap<qint64, QString> m_automaticVersion;  // rollback id -> version
    bool m_automaticFollowed = false;

    Store *m_store;
    std::unique_ptr<ReleaseService> m_releases;
    std::unique_ptr<SignoffService> m_signoffs;
    std::unique_ptr<MetricsService> m_metrics;
    std::unique_ptr<NotificationService> m_notifications;
    RollbackService *m_rollbacks;  // children: they are QObjects with signals the views follow
    WebhookClient *m_webhooks;
    PrometheusClient *m_prometheus = nullptr;
    ProbeRunner *m_probes = nullptr;
    QString m_prometheusUrl;
    GateRedactor m_gateRedactor;
    QFuture<Status> m_prometheusAuth;
    std::unique_ptr<QThreadPool> m_autosaveQueue;  // one thread: autosave writes and drops in order
    // Pool jobs holding m_store or a service: waited for before the services go (declared last,
    // destroyed first; the destructor also waits explicitly after stopping the network).
    WorkInFlight m_inFlight;
};

}  // namespace cockpit
