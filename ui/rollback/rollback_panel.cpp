#include "rollback_panel.h"

#include "future_watch.h"
#include "palette_watch.h"
#include "session.h"
#include "rollback_plan_dialog.h"
#include "rollback_run_dialog.h"
#include "rollback_service.h"
#include "state_style.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace cockpit {

namespace {

QLabel *panelLabel(QWidget *parent, const char *name, const QString &accessible)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setAccessibleName(accessible);
    label->hide();
    return label;
}

}  // namespace

RollbackPanel::RollbackPanel(QWidget *parent)
    : ReleaseTab(parent)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_ticker(new QTimer(this))
    , m_reloadTimer(new QTimer(this))
    , m_window(panelLabel(this, "rollbackWindow", tr("Rollback window")))
    , m_button(new QPushButton(tr("Rollback…"), this))
    , m_badge(panelLabel(this, "rolledBackBadge", tr("Rolled back")))
    , m_lockLabel(panelLabel(this, "deployLockLabel", tr("Deploy lock")))
    , m_notice(panelLabel(this, "rollbackNotice", tr("Unfinished rollback")))
    , m_resume(new QPushButton(tr("Resume…"), this))
{
    setObjectName(QStringLiteral("rollbackPanel"));
    m_button->setObjectName(QStringLiteral("rollbackButton"));
    m_button->setAccessibleName(tr("Roll back this release"));
    // The key itself belongs to Release > Roll Back… (a shortcut lives in its menu); the button
    // only names it.
    m_button->setToolTip(tr("Shows the rollback plan; nothing runs until you type the version (%1)")
                             .arg(rollbackShortcut().toString(QKeySequence::NativeText)));
    m_button->setStyleSheet(destructiveButtonStyle());
    m_button->hide();
    m_badge->setText(tr("Rolled back"));
    m_lockLabel->setTextFormat(Qt::RichText);
    // Badge and notice colours come from the palette, and follow it when the desktop switches.
    const auto applyColours = [this] {
        m_badge->setStyleSheet(badgeStyleSheet(failureColor()));
        m_notice->setStyleSheet(QStringLiteral("QLabel { color: %1; font-weight: bold; }")
                                    .arg(readableColor(QColor(0xc0, 0x78, 0x00)).name()));
    };
    applyColours();
    followPalette(this, applyColours);
    m_resume->setObjectName(QStringLiteral("rollbackResume"));
    m_resume->setAccessibleName(tr("Open the unfinished rollback"));
    m_resume->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    for (QWidget *w :
        std::initializer_list<QWidget *> {m_window, m_button, m_badge, m_lockLabel, m_notice, m_resume})
        layout->addWidget(w);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &RollbackPanel::updateWindowText);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(50);  // a burst of store notifications reloads once
    connect(m_reloadTimer, &QTimer::timeout, this, &RollbackPanel::reload);
    connect(m_button, &QPushButton::clicked, this, [this] { requestRollback(); });
    connect(m_resume, &QPushButton::clicked, this, &RollbackPanel::resume);
    connect(m_lockLabel, &QLabel::linkActivated, this, [this] {
        raiseReleaseTab(this, QStringLiteral("incidentTab"));
        emit statusMessage(tr("Deploys of %1 stay locked until someone lifts the lock in the Incidents tab")
                               .arg(m_release.version));
    });
    hide();
}

QKeySequence RollbackPanel::rollbackShortcut()
{
    return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B);
}

RollbackPanel::~RollbackPanel()
{
    setSession(nullptr);
}

void RollbackPanel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    updateWindowText();
}

void RollbackPanel::setSession(Session *session)
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    // The dialogs hold the old RollbackService, which goes with the last view holding it.
    delete m_plan;
    delete m_run;
    m_session = session;
    m_rollbacks = session ? &session->rollbacks() : nullptr;
    ++m_generation;
    m_deployment.reset();
    m_latest.reset();
    m_lock.reset();
    m_lockRead = false;
    showState();
    if (!session)
        return;
    m_connections << connect(session->store(), &Store::releaseChanged, this, [this](const QString &version) {
        if (version == m_release.version)
            m_reloadTimer->start();
    });
    connectRollbacks();
}

void RollbackPanel::connectRollbacks()
{
    RollbackService *rollbacks = m_rollbacks.data();
    m_connections << connect(
        rollbacks, &RollbackService::rollbackChanged, this, [this](const RollbackRecord &r) {
            if (r.version == m_release.version) {
                m_latest = r;
                showState();
            }
        });
    m_connections << connect(rollbacks, &RollbackService::finished, this, [this](const RollbackRecord &r) {
        if (r.version != m_release.version)
            return;
        emit statusMessage(tr("Rollback of %1: %2").arg(r.version, rollbackSummary(r)));
        emit releaseTouched(r.version);  // the window reloads the release (rolled back, locked)
        m_reloadTimer->start();
    });
}

void RollbackPanel::showRelease(const ReleaseRecord &release)
{
    const bool other = release.version != m_release.version;
    m_release = release;
    if (other) {
        ++m_generation;
        m_deployment.reset();
        m_latest.reset();
        m_lock.reset();
        m_canary.reset();
        m_lockRead = false;
        showState();
    }
    reload();
}

// Deployments, then the newest rollback, then the lock: each answer is dropped when a newer
// reload or another release started meanwhile.
void RollbackPanel::reload()
{
    if (!m_session || m_release.version.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    const QString version = m_release.version;
    whenReady(
        this, m_session->store()->deployments(version), [this, generation, version](const auto &deployments) {
            if (generation != m_generation)
                return;
            m_deployment.reset();
            if (deployments && !deployments->isEmpty())
                m_deployment = deployments->last();
            whenReady(this, m_rollbacks->latest(version),
                [this, generation, version](const Result<RollbackRecord> &r) {
                    if (generation != m_generation)
                        return;
                    m_latest = r ? std::optional(*r) : std::nullopt;
                    whenReady(this, m_rollbacks->deployLock(version),
                        [this, generation](const Result<std::optional<DeployLock>> &lock) {
                            if (generation != m_generation)
                                return;
                            m_lock = lock ? *lock : std::nullopt;
                            m_lockRead = true;
                            readCanary(generation);
                        });
                });
        });
}

// The canary of a release deployed to the canary environment: while it runs, the window has not
// begun; once complete, it begins at 100%.
void RollbackPanel::readCanary(quint64 generation)
{
    const Policy &policy = m_session->workspace().policy;
    if (!policy.canary || !m_deployment || m_deployment->environment != policy.canary->environment) {
        m_canary.reset();
        showState();
        emit refreshed();
        return;
    }
    whenReady(this, m_session->canary(m_release.version), [this, generation](const Result<Session::CanaryView> &view) {
        if (generation != m_generation)
            return;
        m_canary.reset();
        if (view && !view->events.isEmpty())
            m_canary = view->status;
        showState();
        emit refreshed();
    });
}

RollbackWindow RollbackPanel::window() const
{
    RollbackWindow w;
    if (m_deployment)
        w.deployedAt = m_deployment->deployedAt;
    if (m_canary && m_canary->active())
        w.canaryPercent = m_canary->percent;
    else if (m_canary && m_canary->state == CanaryState::Completed)
        w.deployedAt = m_canary->completedAt;  // the window begins at 100%
    if (m_session)
        if (const ReleaseTypePolicy *type = m_session->workspace().policy.releaseType(m_release.type))
            w.length = type->rollbackWindow;
    w.asOf = m_clock();
    return w;
}

bool RollbackPanel::unfinished() const
{
    return m_latest && m_latest->state != RollbackState::Succeeded
        && m_latest->state != RollbackState::Aborted;
}

QString RollbackPanel::windowText() const
{
    return m_window->isHidden() ? QString() : m_window->text();
}

QString RollbackPanel::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

bool RollbackPanel::showsRolledBack() const
{
    return !m_badge->isHidden();
}

QString RollbackPanel::nothingToRollBack() const
{
    if (!m_session || m_release.version.isEmpty())
        return tr("Select a release to roll back");
    if (unfinished())
        return {};  // Roll Back shows the unfinished one
    if (m_release.state == ReleaseState::RolledBack || (m_latest && m_latest->state == RollbackState::Succeeded))
        return tr("Nothing to roll back: %1 is already rolled back").arg(m_release.version);
    if (!m_deployment)
        return tr("Nothing to roll back: %1 was never deployed (a deployment starts its rollback window)")
            .arg(m_release.version);
    return {};
}

void RollbackPanel::showState()
{
    for (QWidget *w :
        std::initializer_list<QWidget *> {m_window, m_button, m_badge, m_lockLabel, m_notice, m_resume})
        w->hide();
    m_ticker->stop();
    const QString nothing = nothingToRollBack();
    emit rollbackAvailable(nothing.isEmpty(), nothing);
    const bool rolledBack = m_release.state == ReleaseState::RolledBack
        || (m_latest && m_latest->state == RollbackState::Succeeded);
    // A release that finished its soak and left its rollback window is history: no red button for
    // it (Release > Roll Back… still plans one, with the expired-window warning).
    const bool settled
        = m_release.state == ReleaseState::Released && !m_latest && window().expired(m_clock());
    setVisible(
        m_session && !m_release.version.isEmpty() && (m_deployment || m_latest || rolledBack) && !settled);
    if (isHidden())
        return;
    if (unfinished()) {
        showUnfinished(*m_latest);
    } else if (rolledBack) {
        m_badge->show();
        // Store::deployLock is the one truth, as in the Incidents tab and `release unlock`.
        const bool locked = m_lock && m_lock->locked();
        m_lockLabel->setText(locked ? tr("Deploys locked · <a href=\"incidents\">Incidents tab</a>")
                                    : tr("Deploys not locked · <a href=\"incidents\">Incidents tab</a>"));
        m_lockLabel->setToolTip(locked ? m_lock->reason : QString());
        m_lockLabel->setVisible(m_lockRead);  // never a guess before the store answered
    } else if (m_latest && m_latest->state == RollbackState::Aborted) {
        // An aborted rollback leaves its incident open: no countdown as if nothing happened.
        m_button->show();
        m_notice->setText(incidentText(*m_latest) + tr(" · rollback aborted"));
        m_notice->show();
    } else {
        m_button->show();
        m_window->show();
        updateWindowText();
        m_ticker->start();
    }
}

QString RollbackPanel::incidentText(const RollbackRecord &r) const
{
    const QString cause = r.plan.trigger.isEmpty() ? r.plan.reason : r.plan.trigger;
    return tr("Incident open since %1: %2").arg(formatLocalTime(r.requestedAt), cause);
}

void RollbackPanel::showUnfinished(const RollbackRecord &record)
{
    const QString me = m_session->identity().id;
    const bool here = m_rollbacks->isRunning() && m_run && m_run->record().id == record.id;
    int done = 0;
    for (const RollbackStepRecord &step : record.steps)
        done += step.state == RollbackStepState::Succeeded || step.state == RollbackStepState::Skipped;
    if (record.state == RollbackState::AwaitingApproval) {
        m_notice->setText(record.requestedBy == me
                ? tr("Rollback waits for a second person")
                : tr("Rollback by %1 waits for approval").arg(record.requestedBy));
        m_resume->setText(record.requestedBy == me ? tr("Open…") : tr("Approve…"));
    } else if (here) {
        m_notice->setText(tr("Rolling back: %1 of %2 steps done").arg(done).arg(record.steps.size()));
        m_resume->setText(tr("Show…"));
    } else {
        const bool halted = record.state == RollbackState::Halted;
        m_notice->setText(halted
                ? incidentText(record) + tr(" · rollback halted: %1 of %2 steps done").arg(done).arg(record.steps.size())
                : tr("Rollback interrupted: %1 of %2 steps done").arg(done).arg(record.steps.size()));
        m_resume->setText(tr("Resume…"));
    }
    m_resume->setToolTip(tr("Shows what ran and what did not; nothing reruns until you decide"));
    m_notice->show();
    m_resume->show();
}

void RollbackPanel::updateWindowText()
{
    const RollbackWindow w = window();
    const QDateTime now = m_clock();
    m_window->setText(w.text(now));
    const bool expired = w.expired(now);
    m_window->setForegroundRole(expired ? QPalette::PlaceholderText : QPalette::WindowText);
    m_window->setToolTip(w.canaryPercent ? tr("The canary in %1 is at %2%: the old version still serves the rest, and the "
                                              "%3 type's rollback window of %4 begins when it reaches 100%")
                                               .arg(m_deployment->environment)
                                               .arg(*w.canaryPercent)
                                               .arg(m_release.type, formatSpan(w.length))
            : w.known() ? tr("%1 since the deployment to %2 at %3 (the %4 type's window)")
                                         .arg(formatSpan(w.length), m_deployment->environment,
                                             formatLocalTime(w.deployedAt), m_release.type)
                                   : QString());
}

void RollbackPanel::requestRollback(const QString &trigger)
{
    if (!m_session || m_release.version.isEmpty()) {
        emit statusMessage(tr("Select a release to roll back"));
        return;
    }
    if (unfinished()) {
        resume();  // one rollback at a time: show the one that is not finished
        return;
    }
    if (m_plan) {
        m_plan->raise();
        m_plan->activateWindow();
        return;
    }
    createPlanDialog(trigger);
}

void RollbackPanel::createPlanDialog(const QString &trigger)
{
    m_plan = new RollbackPlanDialog(m_rollbacks.data(), m_session, m_release, window(), trigger, this);
    m_plan->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_plan, &QDialog::accepted, this, [this, plan = m_plan] {
        if (plan->confirmed())
            openRun(*plan->confirmed(), true);
    });
    connect(m_plan, &RollbackPlanDialog::approvedElsewhere, this, [this] {
        emit statusMessage(
            tr("Rollback of %1 approved: the requester's cockpit runs the steps").arg(m_release.version));
    });
    connect(m_plan, &QDialog::finished, this, [this] { m_reloadTimer->start(); });
    m_plan->show();
}

void RollbackPanel::resume()
{
    if (!m_latest)
        return;
    if (m_latest->state == RollbackState::AwaitingApproval) {
        if (!m_plan)
            createPlanDialog({});
        m_plan->showAwaiting(*m_latest);
        return;
    }
    openRun(*m_latest, false);
}

void RollbackPanel::openRun(const RollbackRecord &record, bool start)
{
    if (m_run && m_run->record().id != record.id)
        delete m_run;
    if (!m_run) {
        m_run = new RollbackRunDialog(m_rollbacks.data(), record, this);
        connect(m_run, &RollbackRunDialog::openIncidentRequested, this, [this] {
            raiseReleaseTab(this, QStringLiteral("incidentTab"));
            if (m_run)
                m_run->close();
        });
        connect(m_run, &RollbackRunDialog::movedToBackground, this, [this] {
            emit statusMessage(tr("The rollback runs on; the header shows its progress"));
            showState();
        });
    } else {
        m_run->takeRecord(record);
    }
    m_run->show();
    m_run->raise();
    if (start)
        m_rollbacks->run(record.id);
}

}  // namespace cockpit
