// Session: a canary's moves (issue 15 item 3). Start (the deploy guard of the canary environment,
// then the first phase's traffic), advance, pause, resume and abort, by a person or by the cockpit
// on its own (session_canary_step.cpp). Traffic is set by the policy's set_traffic argv (no
// shell); a share is recorded only once the command confirmed it, so a command failing half-way
// leaves the canary paused at the last confirmed percent. Every move is a canary event with its
// audit entry; the state is folded from them, so a cockpit killed mid-phase resumes with the truth.
#include "gate_runner.h"
#include "redactor.h"
#include "session.h"
#include "store.h"

#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

namespace {

QString actionName(Session::CanaryAction action)
{
    switch (action) {
    case Session::CanaryAction::Start:
        return QStringLiteral("start");
    case Session::CanaryAction::Advance:
        return QStringLiteral("advance");
    case Session::CanaryAction::Pause:
        return QStringLiteral("pause");
    case Session::CanaryAction::Resume:
        return QStringLiteral("resume");
    case Session::CanaryAction::Abort:
        return QStringLiteral("abort");
    }
    return {};
}

bool typeHasCanary(const Policy &policy, const QString &type)
{
    const ReleaseTypePolicy *t = policy.releaseType(type);
    return (t && t->canary) || policy.canary->releaseTypes.contains(type);
}

// One line of the command's outcome for the event and the error: its note and the end of what it
// wrote, secrets redacted.
QString outcomeText(const GateProcessOutcome &outcome)
{
    QString tail = Redactor::redact(QString::fromUtf8(outcome.tail)).trimmed();
    if (tail.size() > 300)
        tail = QStringLiteral("…") + tail.right(300);
    return tail.isEmpty() ? outcome.note : QStringLiteral("%1: %2").arg(outcome.note, tail);
}

}  // namespace

bool Session::goesThroughCanary(const Policy &policy, const QString &releaseType)
{
    return policy.canary && typeHasCanary(policy, releaseType);
}

Result<std::optional<Blocker>> Session::canaryBlocker(Store *store, const Workspace &ws, const ReleaseRecord &release)
{
    if (!goesThroughCanary(ws.policy, release.type))
        return std::optional<Blocker> {};
    auto events = store->canaryEvents(release.version).result();
    if (!events)
        return std::unexpected(events.error());
    const CanaryStatus status = foldCanary(*ws.policy.canary, *events);
    if (status.state == CanaryState::Completed)
        return std::optional<Blocker> {};
    const QString env = ws.policy.canary->environment;
    const QString what = status.state == CanaryState::NotStarted
        ? QStringLiteral("%1 releases go to %2 through a canary, and %3's has not started").arg(release.type, env, release.version)
        : QStringLiteral("the canary in %1 is not complete: %2").arg(env, status.headline());
    return std::optional(Blocker {QStringLiteral("canary"), what,
        status.state == CanaryState::NotStarted ? QStringLiteral("release-cockpit canary start %1").arg(release.version)
                                                : QStringLiteral("the canary reaches 100% (canary advance, canary watch)"),
        status.phaseEndsAt.value_or(QDateTime()), QStringLiteral("canary:%1").arg(env)});
}

Result<Session::CanaryView> Session::canaryView(Store *store, const Workspace &ws, const QString &version)
{
    if (!ws.policy.canary)
        return fail(ErrorCode::BadInput,
            QStringLiteral("%1 has no canary: section (environment, release_types, phases): see docs/policy.md")
                .arg(ws.policy.sourcePath));
    auto release = store->release(version).result();
    if (!release)
        return std::unexpected(release.error());
    auto events = store->canaryEvents(version).result();
    if (!events)
        return std::unexpected(events.error());
    CanaryView view;
    view.environment = ws.policy.canary->environment;
    view.releaseType = release->type;
    view.events = *events;
    view.status = foldCanary(*ws.policy.canary, *events);
    return view;
}

Result<CanaryEvent> Session::appendCanary(Store *store, const Workspace &ws, const Identity &who,
    const CanaryView &view, CanaryEvent event)
{
    event.version = event.version.isEmpty() ? view.events.value(0).version : event.version;
    event.actor = who.id;
    event.seq = int(view.events.size()) + 1;
    return store->appendCanaryEvent(event, ws.policy.canary->environment).result();
}

Result<int> Session::setCanaryTraffic(const Workspace &ws, const QString &version, const QString &commit, int phase,
    int percent, const std::function<void(const QString &)> &progress)
{
    const CanaryPolicy &canary = *ws.policy.canary;
    if (canary.setTraffic.isEmpty()) {
        if (progress)
            progress(QStringLiteral("No set_traffic in the policy: set %1% by hand; the cockpit records it").arg(percent));
        return percent;
    }
    const QStringList argv = canaryTrafficCommand(canary, version, phase, percent);
    GateProcessSpec spec;
    spec.program = argv.first();
    spec.arguments = argv.mid(1);
    spec.workDir = ws.root;
    spec.timeout = std::chrono::milliseconds(canary.setTrafficTimeout);
    spec.environment = {{QStringLiteral("RELEASE_VERSION"), version}, {QStringLiteral("RELEASE_COMMIT"), commit},
        {QStringLiteral("CANARY_PERCENT"), QString::number(percent)},
        {QStringLiteral("CANARY_PHASE"), QString::number(phase + 1)},
        {QStringLiteral("CANARY_ENV"), canary.environment}};
    if (progress)
        progress(QStringLiteral("Setting %1 traffic to %2%: %3").arg(canary.environment).arg(percent).arg(argv.join(u' ')));
    const GateProcessOutcome outcome = runGateProcess(spec);
    if (!outcome.passed())
        return fail(ErrorCode::Failed, QStringLiteral("set_traffic %1% failed (%2)").arg(percent).arg(outcomeText(outcome)));
    return percent;
}

// Sets the traffic and records it: Traffic on success, TrafficFailed (the canary pauses at the
// share it had) on failure, which is returned as the error.
Result<Session::CanaryView> Session::moveCanaryTraffic(Store *store, const Workspace &ws, const Identity &who,
    CanaryView view, const QString &commit, int phase, int percent, bool automatic,
    const std::function<void(const QString &)> &progress)
{
    auto set = setCanaryTraffic(ws, view.events.value(0).version, commit, phase, percent, progress);
    CanaryEvent event;
    event.version = view.events.value(0).version;
    event.phase = phase;
    event.percent = percent;
    event.automatic = automatic;
    event.kind = set ? CanaryEventKind::Traffic : CanaryEventKind::TrafficFailed;
    if (!set)
        event.detail = set.error().message;
    auto stored = appendCanary(store, ws, who, view, event);
    if (!stored)
        return std::unexpected(stored.error());
    if (!set)
        return fail(ErrorCode::Failed,
            QStringLiteral("%1; the canary is paused at %2% (resume it, then advance again)")
                .arg(set.error().message)
                .arg(view.status.percent));
    view.events << *stored;
    view.status = foldCanary(*ws.policy.canary, view.events);
    return view;
}

Result<Session::CanaryView> Session::applyCanaryAction(
    Store *store, const Workspace &ws, const Identity &who, const CanaryRequest &request)
{
    auto loaded = canaryView(store, ws, request.version);
    if (!loaded)
        return std::unexpected(loaded.error());
    CanaryView view = *loaded;
    if (request.seenEvents >= 0 && view.events.size() != request.seenEvents)
        return fail(ErrorCode::Conflict,
            QStringLiteral("canary %1 %2: the canary moved since this was decided (%3 events then, %4 now: %5); "
                           "nothing was done")
                .arg(actionName(request.action), request.version)
                .arg(request.seenEvents)
                .arg(view.events.size())
                .arg(view.status.headline()));
    const CanaryPolicy &canary = *ws.policy.canary;
    const CanaryStatus &s = view.status;
    const QString what = actionName(request.action);
    const QString v = request.version;
    auto refuse = [&](const QString &why) {
        return fail(ErrorCode::Refused, QStringLiteral("canary %1 %2: %3").arg(what, v, why));
    };
    const bool needsReason = request.action == CanaryAction::Pause || request.action == CanaryAction::Abort;
    if (needsReason && request.reason.trimmed().isEmpty() && !request.automatic)
        return fail(ErrorCode::Usage, QStringLiteral("canary %1 needs a reason (--reason T): it goes into the audit log").arg(what));
    auto release = loadCurrentRelease(store, ws, v);
    if (!release)
        return std::unexpected(release.error());
    if (view.events.isEmpty() && request.action != CanaryAction::Start)
        return refuse(QStringLiteral("no canary was started (release-cockpit canary start %1)").arg(v));
    CanaryEvent event;
    event.version = v;
    event.detail = request.reason;
    event.automatic = request.automatic;
    event.phase = qMax(0, s.phase);
    switch (request.action) {
    case CanaryAction::Start: {
        if (!typeHasCanary(ws.policy, release->type))
            return refuse(QStringLiteral("release %1 is a %2 release, whose type goes to %3 without a canary "
                                         "(canary.release_types: %4)")
                              .arg(v, release->type, canary.environment, canary.releaseTypes.join(QStringLiteral(", "))));
        if (s.active() || s.state == CanaryState::Completed)
            return fail(ErrorCode::Conflict,
                QStringLiteral("canary start %1: its canary is already %2").arg(v, canaryStateName(s.state)));
        auto guard = deployGuard(store, ws, v, canary.environment);
        if (!guard)
            return std::unexpected(guard.error());
        if (!guard->blockers.isEmpty()) {
            QStringList lines;
            for (const Blocker &b : guard->blockers)
                lines << (b.clearsWhen.isEmpty() ? QStringLiteral("  - %1").arg(b.what)
                                                 : QStringLiteral("  - %1 (clears: %2)").arg(b.what, b.clearsWhen));
            return refuse(QStringLiteral("it cannot be deployed to %1:\n%2").arg(canary.environment, lines.join(u'\n')));
        }
        event.kind = CanaryEventKind::Start;
        auto started = appendCanary(store, ws, who, view, event);
        if (!started)
            return std::unexpected(started.error());
        view.events << *started;
        view.status = foldCanary(canary, view.events);
        auto moved = moveCanaryTraffic(store, ws, who, view, release->commit, 0, canary.phases.first().trafficPercent,
            false, request.progress);
        if (!moved)
            return moved;
        // The release is live in the canary environment from here: rollback plans act on it.
        if (auto deployed = store->recordDeployment(v, canary.environment, who.id, release->commit).result(); !deployed)
            return std::unexpected(deployed.error());
        return moved;
    }
    case CanaryAction::Advance: {
        if (s.state == CanaryState::Paused)
            return refuse(QStringLiteral("it is paused (%1): resume it first").arg(s.pausedReason));
        if (s.state != CanaryState::Running)
            return refuse(QStringLiteral("it is %1").arg(canaryStateName(s.state)));
        auto holds = currentHolds(store, ws.policy, release->type, QDateTime::currentDateTimeUtc());
        if (!holds)
            return std::unexpected(holds.error());
        if (!holds->blockers.isEmpty())
            return refuse(holds->blockers.first().what);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const bool early = !s.phaseEndsAt || now < *s.phaseEndsAt;
        if (early && !request.automatic && request.reason.trimmed().isEmpty())
            return fail(ErrorCode::Usage,
                QStringLiteral("canary advance %1: phase %2 %3; advancing it early needs a reason (--reason T)")
                    .arg(v)
                    .arg(s.phase + 1)
                    .arg(s.phaseEndsAt ? QStringLiteral("runs until %1").arg(s.phaseEndsAt->toString(Qt::ISODate))
                                       : QStringLiteral("has no duration")));
        if (s.phase + 1 >= canary.phases.size())
            return refuse(QStringLiteral("phase %1 is the last").arg(s.phase + 1));
        if (!request.verdict.isEmpty()) {
            CanaryEvent verdict = event;
            verdict.kind = CanaryEventKind::Verdict;
            verdict.verdict = request.verdict;
            auto stored = appendCanary(store, ws, who, view, verdict);
            if (!stored)
                return std::unexpected(stored.error());
            view.events << *stored;
        }
        auto moved = moveCanaryTraffic(store, ws, who, view, release->commit, s.phase + 1,
            canary.phases.at(s.phase + 1).trafficPercent, request.automatic, request.progress);
        if (!moved)
            return moved;
        view = *moved;
        // A last phase at 100% with nothing to watch completes at once.
        if (decideCanary(canary, view.status, std::nullopt, false, now).next != CanaryNext::Complete)
            return view;
        CanaryEvent done = event;
        done.kind = CanaryEventKind::Complete;
        done.phase = view.status.phase;
        done.percent = view.status.percent;
        auto completed = appendCanary(store, ws, who, view, done);
        if (!completed)
            return std::unexpected(completed.error());
        view.events << *completed;
        view.status = foldCanary(canary, view.events);
        return view;
    }
    case CanaryAction::Pause:
        if (s.state != CanaryState::Running && s.state != CanaryState::Starting)
            return refuse(QStringLiteral("it is %1").arg(canaryStateName(s.state)));
        event.kind = CanaryEventKind::Pause;
        break;
    case CanaryAction::Resume:
        if (s.state != CanaryState::Paused)
            return refuse(QStringLiteral("it is %1, not paused").arg(canaryStateName(s.state)));
        event.kind = CanaryEventKind::Resume;
        break;
    case CanaryAction::Abort: {
        if (!s.active())
            return refuse(QStringLiteral("it is %1").arg(canaryStateName(s.state)));
        auto set = setCanaryTraffic(ws, v, release->commit, qMax(0, s.phase), 0, request.progress);
        if (!set)
            return refuse(QStringLiteral("%1; traffic stays at %2%").arg(set.error().message).arg(s.percent));
        event.kind = CanaryEventKind::Abort;
        break;
    }
    }
    auto stored = appendCanary(store, ws, who, view, event);
    if (!stored)
        return std::unexpected(stored.error());
    view.events << *stored;
    view.status = foldCanary(canary, view.events);
    return view;
}

QFuture<Result<Session::CanaryView>> Session::canary(QString version)
{
    return m_inFlight.keep(QtConcurrent::run(
        [store = m_store, ws = workspace(), version] { return canaryView(store, ws, version); }));
}

QFuture<Result<Session::CanaryView>> Session::canaryAct(CanaryRequest request)
{
    const QString version = request.version;
    auto future = m_inFlight.keep(QtConcurrent::run([store = m_store, ws = workspace(), who = identity(), request] {
        return applyCanaryAction(store, ws, who, request);
    }));
    follow(future, [this, version](const Result<CanaryView> &) {
        // A failed traffic change is stored too (the canary paused): the views look again either way.
        announce({SessionEvent::Kind::CanaryChanged, version});
    });
    return future;
}

}  // namespace cockpit
