#include "canary_strip.h"

#include "future_watch.h"
#include "rollback_reason_dialog.h"
#include "session.h"
#include "state_style.h"
#include "tab_helpers.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace cockpit {

namespace {

using Action = Session::CanaryAction;

QString stepText(int index, const CanaryPhaseStep &step, bool current, const std::optional<QDateTime> &passesAt)
{
    QString text = QStringLiteral("%1 %2. %3 · %4%").arg(current ? QStringLiteral("▶") : step.endedAt ? QStringLiteral("✓") : QStringLiteral("○"))
                       .arg(index + 1)
                       .arg(step.name)
                       .arg(step.percent);
    if (!step.verdict.isEmpty())
        text += QStringLiteral(" · ") + step.verdict.toUpper();
    else if (current && passesAt)
        text += CanaryStrip::tr(" · passes at %1").arg(formatLocalTime(*passesAt));
    return text;
}

QString stepToolTip(const CanaryPhaseStep &step)
{
    QStringList lines {step.name, CanaryStrip::tr("Traffic: %1%").arg(step.percent)};
    if (step.startedAt)
        lines << CanaryStrip::tr("From %1").arg(formatLocalTime(*step.startedAt));
    if (step.endedAt)
        lines << CanaryStrip::tr("To %1").arg(formatLocalTime(*step.endedAt));
    if (!step.verdict.isEmpty())
        lines << CanaryStrip::tr("Verdict: %1").arg(step.verdict.toUpper());
    if (!step.advancedBy.isEmpty())
        lines << CanaryStrip::tr("Advanced by %1").arg(step.advancedBy);
    return lines.join(u'\n');
}

}  // namespace

CanaryStrip::CanaryStrip(QWidget *parent)
    : QWidget(parent)
    , m_judge(new QTimer(this))
{
    setObjectName(QStringLiteral("canaryStrip"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    auto *top = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("canaryHeadline"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    top->addWidget(m_title, 1);
    m_start = namedButton(this, "canaryStart", tr("Start Canary"), tr("Start the canary"));
    m_advance = namedButton(this, "canaryAdvance", tr("Advance…"), tr("Advance the canary to its next phase"));
    m_pause = namedButton(this, "canaryPause", tr("Pause…"), tr("Pause the canary"));
    m_resume = namedButton(this, "canaryResume", tr("Resume"), tr("Resume the canary"));
    m_abort = namedButton(this, "canaryAbort", tr("Abort…"), tr("Abort the canary: traffic to 0%"));
    for (QPushButton *b : {m_start, m_advance, m_pause, m_resume, m_abort})
        top->addWidget(b);
    layout->addLayout(top);
    m_stepsBox = new QWidget(this);
    auto *steps = new QHBoxLayout(m_stepsBox);
    steps->setContentsMargins(0, 0, 0, 0);
    steps->setSpacing(14);
    layout->addWidget(m_stepsBox);
    m_next = new QLabel(this);
    m_next->setObjectName(QStringLiteral("canaryNext"));
    m_next->setWordWrap(true);
    layout->addWidget(m_next);

    connect(m_start, &QPushButton::clicked, this, [this] { act(int(Action::Start), {}); });
    connect(m_resume, &QPushButton::clicked, this, [this] { act(int(Action::Resume), {}); });
    connect(m_advance, &QPushButton::clicked, this, [this] {
        const bool early = !m_status.phaseEndsAt || QDateTime::currentDateTimeUtc() < *m_status.phaseEndsAt;
        if (!early) {
            act(int(Action::Advance), {});
            return;
        }
        askReasonThenAct(int(Action::Advance), tr("Advance Canary Early"),
            tr("Phase %1 of %2 has not finished its window. Why may it take the next phase's traffic now? "
               "The reason is kept in the audit log.")
                .arg(m_status.phase + 1)
                .arg(m_release.version),
            tr("Advance"));
    });
    connect(m_pause, &QPushButton::clicked, this, [this] {
        askReasonThenAct(int(Action::Pause), tr("Pause Canary"),
            tr("Why hold %1's canary at %2%? Nothing advances until it is resumed.").arg(m_release.version).arg(m_status.percent),
            tr("Pause"));
    });
    connect(m_abort, &QPushButton::clicked, this, [this] {
        askReasonThenAct(int(Action::Abort), tr("Abort Canary"),
            tr("Abort %1's canary: its traffic goes to 0% (set_traffic). Why?").arg(m_release.version), tr("Abort Canary"));
    });
    m_judge->setInterval(std::chrono::minutes(1));
    connect(m_judge, &QTimer::timeout, this, &CanaryStrip::step);
    hide();
}

QPushButton *CanaryStrip::button(const QString &objectName) const
{
    return findChild<QPushButton *>(objectName);
}

void CanaryStrip::setSession(Session *session)
{
    m_session = session;
    connect(session, &Session::changed, this, [this](const SessionEvent &event) {
        if (event.kind == SessionEvent::Kind::CanaryChanged && event.version == m_release.version)
            refresh();
    });
}

void CanaryStrip::showRelease(const ReleaseRecord &release)
{
    m_release = release;
    m_status = {};
    refresh();
}

void CanaryStrip::refresh()
{
    const quint64 generation = ++m_generation;
    const Policy &policy = m_session->workspace().policy;
    const ReleaseTypePolicy *type = policy.releaseType(m_release.type);
    if (!policy.canary || m_release.version.isEmpty()
        || (!(type && type->canary) && !policy.canary->releaseTypes.contains(m_release.type))) {
        m_judge->stop();
        hide();
        emit headlineChanged(m_release.version, {}, {});
        return;
    }
    whenReady(this, m_session->canary(m_release.version), [this, generation](const Result<Session::CanaryView> &view) {
        if (generation != m_generation)
            return;
        if (!view) {
            m_next->setText(tr("The canary cannot be read: %1").arg(view.error().message));
            show();
            return;
        }
        // A release that ended without a canary (released before canaries, rolled back, aborted)
        // has nothing to start: no strip.
        if (view->events.isEmpty() && isFinalState(m_release.state)) {
            m_judge->stop();
            hide();
            emit headlineChanged(m_release.version, {}, {});
            return;
        }
        m_seenEvents = int(view->events.size());
        display(view->status, std::nullopt);
        if (view->status.state == CanaryState::Running)
            step();  // judged at once, then every minute
    });
}

void CanaryStrip::step()
{
    // One judgement at a time: a refresh while one runs (its own announcement) waits for the timer.
    if (!m_session || m_status.state != CanaryState::Running || m_stepping)
        return;
    m_stepping = true;
    const quint64 generation = m_generation;
    whenReady(this, m_session->canaryStep(m_release.version), [this, generation](const Result<Session::CanaryView> &view) {
        m_stepping = false;
        if (generation != m_generation || !view)
            return;
        m_seenEvents = int(view->events.size());
        display(view->status, view->decision);
    });
}

void CanaryStrip::display(const CanaryStatus &status, const std::optional<CanaryDecision> &decision)
{
    m_status = status;
    const std::optional<QDateTime> passesAt = decision && decision->at ? decision->at : status.phaseEndsAt;
    m_headline = status.state == CanaryState::NotStarted
        ? tr("Canary in %1: not started (%2 phases)").arg(m_session->workspace().policy.canary->environment).arg(status.phaseCount)
        : status.headline(passesAt);
    m_title->setText(m_headline);
    qDeleteAll(m_steps);
    m_steps.clear();
    auto *row = static_cast<QHBoxLayout *>(m_stepsBox->layout());
    while (QLayoutItem *item = row->takeAt(0))
        delete item;
    for (int i = 0; i < status.steps.size(); ++i) {
        const bool current = status.active() && i == status.phase;
        auto *label = new QLabel(stepText(i, status.steps.at(i), current, passesAt), m_stepsBox);
        label->setObjectName(QStringLiteral("canaryStep%1").arg(i + 1));
        label->setToolTip(stepToolTip(status.steps.at(i)));
        if (current) {
            QFont f = label->font();
            f.setBold(true);
            label->setFont(f);
        }
        row->addWidget(label);
        m_steps << label;
    }
    row->addStretch(1);
    QString next = status.pausedReason.isEmpty() ? QString() : tr("Paused: %1").arg(status.pausedReason);
    if (decision && !decision->reason.isEmpty())
        next = next.isEmpty() ? decision->reason : next + QStringLiteral("\n") + decision->reason;
    if (status.cleanupDue)
        next = tr("Old version removed at %1 (cleanup_after)").arg(formatLocalTime(*status.cleanupDue));
    m_next->setText(next);
    m_next->setVisible(!next.isEmpty());
    const bool running = status.state == CanaryState::Running;
    m_start->setEnabled(status.state == CanaryState::NotStarted || status.state == CanaryState::Aborted);
    m_advance->setEnabled(running && status.phase + 1 < status.phaseCount);
    m_pause->setEnabled(running || status.state == CanaryState::Starting);
    m_resume->setEnabled(status.state == CanaryState::Paused);
    m_abort->setEnabled(status.active());
    m_start->setToolTip(m_start->isEnabled() ? tr("Checks the deploy guard of the canary environment, then sets the first phase's traffic")
                                             : tr("The canary is %1").arg(canaryStateName(status.state)));
    m_advance->setToolTip(m_advance->isEnabled() ? tr("Sets the next phase's traffic")
            : status.state == CanaryState::Paused ? tr("Paused: resume it first")
                                                  : tr("Nothing to advance: the canary is %1").arg(canaryStateName(status.state)));
    if (running)
        m_judge->start();
    else
        m_judge->stop();
    QWidget::show();
    emit headlineChanged(m_release.version, status.state == CanaryState::NotStarted ? QString() : m_headline, next);
}

void CanaryStrip::askReasonThenAct(int action, const QString &title, const QString &prompt, const QString &ok)
{
    RollbackReasonDialog::ask(this, title, prompt, ok, [this, action](const QString &reason) { act(action, reason); });
}

void CanaryStrip::act(int action, const QString &reason)
{
    Session::CanaryRequest request;
    request.version = m_release.version;
    request.action = Action(action);
    request.reason = reason;
    request.seenEvents = m_seenEvents;  // what the person saw: a canary moved meanwhile is not moved again
    for (QPushButton *b : {m_start, m_advance, m_pause, m_resume, m_abort})
        b->setEnabled(false);
    const QString version = m_release.version;
    whenReady(this, m_session->canaryAct(request), [this, version](const Result<Session::CanaryView> &view) {
        if (!view)
            emit statusMessage(tr("Canary of %1: %2").arg(version, view.error().message));
        else
            emit statusMessage(tr("Canary of %1: %2").arg(version, view->status.headline()));
        emit releaseTouched(version);
        refresh();
    });
}

}  // namespace cockpit
