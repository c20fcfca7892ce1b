// MainWindow and the shown release's readiness: the header's counts and blocker button, the
// "Why blocked?" dock, and the lifecycle actions of the Release menu (Freeze, Finish, Abort,
// Override). One Session::readiness computation feeds all of them; it runs off the GUI thread,
// at most once per short burst of changes (ticks, sign-offs, gate results, soaks, other cockpits).
#include "main_window.h"

#include "checklist_view.h"
#include "cockpit_status_bar.h"
#include "error_banner.h"
#include "future_watch.h"
#include "gates_tab.h"
#include "lifecycle.h"
#include "release_header.h"
#include "session.h"
#include "signoffs_tab.h"
#include "soak_tab.h"
#include "why_blocked_panel.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QTabWidget>
#include <QTimer>

namespace cockpit {
namespace {

constexpr int kReadinessDelayMs = 120;  // ticks saved in a burst recompute once
constexpr int kTooltipBlockers = 10;

QString blockerList(const QList<Blocker> &blockers)
{
    QStringList lines;
    for (qsizetype i = 0; i < blockers.size() && i < kTooltipBlockers; ++i)
        lines << QStringLiteral("• ") + blockers[i].what;
    if (blockers.size() > kTooltipBlockers)
        lines << QObject::tr("… and %1 more (Release ▸ Why Blocked?)").arg(blockers.size() - kTooltipBlockers);
    return lines.join(QLatin1Char('\n'));
}

template <typename Tab> Tab *findTab(const QList<ReleaseTab *> &tabs)
{
    for (ReleaseTab *tab : tabs) {
        if (auto *found = qobject_cast<Tab *>(tab))
            return found;
    }
    return nullptr;
}

}  // namespace

void MainWindow::buildReadiness()
{
    m_readinessTimer = new QTimer(this);
    m_readinessTimer->setSingleShot(true);
    m_readinessTimer->setInterval(kReadinessDelayMs);
    connect(m_readinessTimer, &QTimer::timeout, this, &MainWindow::loadReadiness);
    m_whyBlocked = new WhyBlockedPanel(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_whyBlocked);
    m_whyBlocked->hide();
    connect(m_header, &ReleaseHeader::whyBlockedRequested, m_whyBlocked, &WhyBlockedPanel::reveal);
    connect(m_whyBlocked, &WhyBlockedPanel::targetActivated, this, &MainWindow::openBlocker);
    if (qEnvironmentVariable("COCKPIT_SCREENSHOT_PANEL") == QLatin1String("why-blocked"))
        connect(this, &MainWindow::readinessShown, m_whyBlocked, &WhyBlockedPanel::show, Qt::SingleShotConnection);
}

void MainWindow::scheduleReadiness()
{
    if (m_session && !m_shownVersion.isEmpty())
        m_readinessTimer->start();
}

void MainWindow::loadReadiness()
{
    if (!m_session || m_shownVersion.isEmpty())
        return;
    const quint64 generation = ++m_readinessGeneration;
    const QString version = m_shownVersion;
    whenReady(this, m_session->readiness(version), [this, generation, version](const Result<Readiness> &result) {
        if (generation != m_readinessGeneration || version != m_shownVersion)
            return;  // a newer computation, or another release, superseded it
        if (!result) {
            m_status->showError(tr("Could not work out the readiness of %1: %2").arg(version, result.error().toString()));
            return;
        }
        applyReadiness(*result);
    });
}

void MainWindow::applyReadiness(const Readiness &readiness)
{
    // Time moves a release too: a draft whose code freeze has started is frozen once, by whoever
    // looks at it (the session records the move and why), then shown again.
    if (readiness.state == ReleaseState::Draft && readiness.freezeStarts.isValid()
        && readiness.freezeStarts <= QDateTime::currentDateTimeUtc() && !m_freezeAdvanced.contains(readiness.version)) {
        m_freezeAdvanced.insert(readiness.version);
        whenReady(this, m_session->advance(readiness.version), [this](const Result<ReleaseRecord> &) { scheduleReadiness(); });
    }
    m_readiness = readiness;
    m_header->setReadiness(readiness);
    m_whyBlocked->setReadiness(readiness);
    updateLifecycleActions();
    emit readinessShown(readiness.version);
}

void MainWindow::clearReadiness()
{
    ++m_readinessGeneration;
    m_readinessTimer->stop();
    m_readiness.reset();
    m_header->clearReadiness();
    m_whyBlocked->clear();
    updateLifecycleActions();
}

// A blocker opens where it is cleared: its checklist item, the Sign-offs, Gates or Soak tab.
void MainWindow::openBlocker(const QString &target)
{
    const qsizetype colon = target.indexOf(QLatin1Char(':'));
    const QString kind = colon < 0 ? target : target.left(colon);
    const QString name = colon < 0 ? QString() : target.mid(colon + 1);
    QWidget *page = nullptr;
    if (kind == u"item") {
        m_tabs->setCurrentWidget(m_checklist);
        if (!m_checklist->selectItem(name))
            m_status->showMessage(tr("%1 is not in the checklist shown").arg(name), 5000);
        return;
    }
    if (kind == u"commit" && !name.isEmpty()) {
        acceptFreezeCommit(name);
        return;
    }
    if (kind == u"signoffs")
        page = findTab<SignoffsTab>(m_releaseTabs);
    else if (kind == u"soak")
        page = findTab<SoakTab>(m_releaseTabs);
    else if (auto *gates = findTab<GatesTab>(m_releaseTabs); gates && kind == u"gate") {
        gates->selectGate(name);
        page = gates;
    }
    if (!page) {
        m_status->showMessage(tr("Nothing to open for this blocker: see what clears it"), 5000);
        return;
    }
    m_tabs->setCurrentWidget(page);
    page->setFocus(Qt::OtherFocusReason);
}

void MainWindow::buildLifecycleActions(QMenu *menu)
{
    auto add = [this, menu](const char *name, const QString &text) {
        QAction *action = menu->addAction(text);
        action->setObjectName(QString::fromLatin1(name));
        action->setEnabled(false);
        return action;
    };
    m_freeze = add("actionFreeze", tr("&Freeze"));
    m_finish = add("actionFinish", tr("&Finish"));
    m_override = add("actionOverrideFinish", tr("&Override and Finish…"));
    m_abort = add("actionAbort", tr("A&bort…"));
    QAction *why = menu->addAction(tr("&Why Blocked?"));
    why->setObjectName(QStringLiteral("actionWhyBlocked"));
    why->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W));
    connect(why, &QAction::triggered, m_whyBlocked, &WhyBlockedPanel::reveal);
    connect(m_freeze, &QAction::triggered, this, [this] { requestMove(ReleaseState::Frozen, false); });
    connect(m_finish, &QAction::triggered, this, [this] { requestMove(ReleaseState::Released, false); });
    connect(m_override, &QAction::triggered, this, [this] { requestMove(ReleaseState::Released, true); });
    connect(m_abort, &QAction::triggered, this, [this] { requestMove(ReleaseState::Aborted, false); });
}

// Enabled only when the move is an edge from the state the release is in, Finish only when
// nothing blocks it; a disabled action says why in its tooltip.
void MainWindow::updateLifecycleActions()
{
    if (!m_freeze)
        return;
    if (!m_readiness || !m_session) {
        for (QAction *action : {m_freeze, m_finish, m_override, m_abort}) {
            action->setEnabled(false);
            action->setToolTip(tr("No release selected"));
        }
        return;
    }
    const Readiness &r = *m_readiness;
    auto edge = [&r](QAction *action, ReleaseState to) {
        const bool allowed = lifecycleAllows(r.state, to);
        action->setEnabled(allowed);
        action->setToolTip(allowed ? action->text().remove(u'&') : lifecycleRefusal(r.state, to));
        return allowed;
    };
    if (edge(m_freeze, ReleaseState::Frozen) && r.next == ReleaseState::Frozen && r.blocked())
        m_freeze->setToolTip(tr("Freeze is refused while these block it:\n%1").arg(blockerList(r.blockers)));
    edge(m_abort, ReleaseState::Aborted);
    const bool finishEdge = edge(m_finish, ReleaseState::Released);
    edge(m_override, ReleaseState::Released);
    if (!finishEdge)
        return;
    if (r.blocked()) {
        m_finish->setEnabled(false);
        m_finish->setToolTip(tr("Blocked:\n%1").arg(blockerList(r.blockers)));
    }
    const bool may = Session::mayOverride(m_session->workspace().policy, m_session->identity());
    m_override->setEnabled(r.blocked() && may);
    m_override->setToolTip(!r.blocked() ? tr("Nothing blocks Finish: no override needed")
            : may ? tr("Finish despite:\n%1").arg(blockerList(r.blockers))
                  : tr("Only the policy's override roles may override (override_roles)"));
}

// A commit after the code freeze that is not a fix: the override roles may let it through with a
// reason (the session refuses anyone else and says so).
void MainWindow::acceptFreezeCommit(const QString &commit)
{
    if (!m_session || m_shownVersion.isEmpty())
        return;
    const QString version = m_shownVersion;
    bool ok = false;
    const QString reason = QInputDialog::getMultiLineText(this, tr("Accept Commit After the Freeze"),
        tr("%1 landed after the code freeze of %2 and is not a fix. Why may it ship? (recorded in the audit "
           "log and the evidence pack)")
            .arg(commit.left(12), version),
        {}, &ok)
                               .trimmed();
    if (!ok)
        return;
    whenReady(this, m_session->acceptCommit(version, commit, reason), [this, version](const Result<AcceptedCommit> &r) {
        if (!r) {
            m_banner->showError(tr("The commit was not accepted"), r.error().message, false);
            return;
        }
        m_status->showMessage(tr("Accepted %1 for %2").arg(r->commit.left(12), version), 8000);
        scheduleReadiness();
    });
}

void MainWindow::requestMove(ReleaseState to, bool override)
{
    if (!m_session || m_shownVersion.isEmpty())
        return;
    Session::MoveRequest request {m_shownVersion, to, {}, override, {}};
    if (override || to == ReleaseState::Aborted) {
        bool ok = false;
        const QString title = override ? tr("Override and Finish %1").arg(m_shownVersion) : tr("Abort %1").arg(m_shownVersion);
        const QString label = override
            ? tr("Finish %1 despite its blockers. Why? (recorded in the audit log and the evidence pack)").arg(m_shownVersion)
            : tr("Abort %1: nothing moves it again. Why?").arg(m_shownVersion);
        request.reason = QInputDialog::getMultiLineText(this, title, label, {}, &ok).trimmed();
        if (!ok)
            return;
        if (request.reason.isEmpty()) {
            m_banner->showError(tr("%1 was not moved").arg(m_shownVersion), tr("A reason is required."), false);
            return;
        }
    }
    const QString version = m_shownVersion;
    m_status->showMessage(tr("Moving %1 to %2…").arg(version, releaseStateTitle(to)));
    whenReady(this, m_session->moveRelease(request), [this, version, to](const Result<ReleaseRecord> &result) {
        if (!result) {
            m_banner->showError(tr("%1 was not moved to %2").arg(version, releaseStateTitle(to)), result.error().message, false);
            m_status->showError(result.error().message.section(QLatin1Char('\n'), 0, 0));
            scheduleReadiness();
            return;
        }
        m_banner->hide();
        m_status->showMessage(tr("%1 is %2").arg(version, releaseStateTitle(result->state)), 8000);
        reloadRelease(version);
        scheduleReadiness();
    });
}

}  // namespace cockpit
