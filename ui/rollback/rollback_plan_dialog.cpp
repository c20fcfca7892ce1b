#include "rollback_plan_dialog.h"

#include "future_watch.h"
#include "session.h"
#include "rollback_plan_view.h"
#include "rollback_reason_dialog.h"
#include "rollback_service.h"
#include "state_style.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cockpit {

namespace {

enum BottomPage { ConfirmPage, WaitingPage };

QLabel *warningLabel(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("QLabel { border: 1px solid %1; border-left: 4px solid %1;"
                                        " padding: 6px; }")
                             .arg(failureColor().name()));
    label->hide();
    return label;
}

}  // namespace

RollbackPlanDialog::RollbackPlanDialog(RollbackService *rollbacks, Session *releases,
    const ReleaseRecord &release, const RollbackWindow &window, const QString &trigger, QWidget *parent)
    : QDialog(parent)
    , m_rollbacks(rollbacks)
    , m_releases(releases)
    , m_release(release)
    , m_window(window)
    , m_trigger(trigger)
    , m_replanTimer(new QTimer(this))
    , m_pollTimer(new QTimer(this))
    , m_view(new RollbackPlanView(this))
{
    setObjectName(QStringLiteral("rollbackPlanDialog"));
    setWindowTitle(tr("Roll Back %1").arg(release.version));
    m_replanTimer->setSingleShot(true);
    m_replanTimer->setInterval(400);  // the reason is substituted into steps: replan once typing rests
    connect(m_replanTimer, &QTimer::timeout, this, &RollbackPlanDialog::replan);
    m_pollTimer->setInterval(3000);  // slow poll besides the store's notifications (CLI approvals)
    connect(m_pollTimer, &QTimer::timeout, this, &RollbackPlanDialog::pollApproval);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildHeader());
    layout->addWidget(m_view, 1);
    m_bottom = new QStackedWidget(this);
    m_bottom->insertWidget(ConfirmPage, buildConfirmRow());
    m_bottom->insertWidget(WaitingPage, buildWaitingRow());
    m_bottom->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_bottom);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);
    if (m_releases)
        connect(m_releases->store(), &Store::releaseChanged, this, [this](const QString &version) {
            if (version == m_release.version && isWaiting())
                pollApproval();
        });
    if (m_rollbacks)
        connect(m_rollbacks, &RollbackService::rollbackChanged, this, [this](const RollbackRecord &record) {
            if (m_awaiting && record.id == m_awaiting->id)
                takeRecord(record);
        });
    resize(820, 680);
    replan();
}

QWidget *RollbackPlanDialog::buildHeader()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(tr("Roll back %1").arg(m_release.version), box);
    m_title->setObjectName(QStringLiteral("rollbackPlanTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    m_windowWarning = warningLabel(box, "rollbackWindowWarning");
    const QDateTime now = m_window.asOf.isValid() ? m_window.asOf : QDateTime::currentDateTimeUtc();
    if (m_window.expired(now))
        m_windowWarning->setText(tr("%1 (the %2 release type allows %3). You can still roll back: make sure "
                                    "the target is still compatible with what ran since.")
                                     .arg(m_window.text(now), m_release.type, formatSpan(m_window.length)));
    m_windowWarning->setVisible(!m_windowWarning->text().isEmpty());
    m_error = warningLabel(box, "rollbackPlanError");
    m_reason = new QLineEdit(box);
    m_reason->setObjectName(QStringLiteral("rollbackReason"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(m_trigger.isEmpty()
            ? tr("Required: why roll back (kept in the incident, {reason} in steps)")
            : tr("Optional: more than the trigger says"));
    connect(m_reason, &QLineEdit::textChanged, this, [this] {
        if (m_reason->isReadOnly())
            return;
        m_replanTimer->start();
        updateConfirm();  // a plan with the old reason in its steps is not confirmed
    });
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Reason:"), m_reason);
    layout->addWidget(m_title);
    layout->addWidget(m_windowWarning);
    layout->addWidget(m_error);
    layout->addLayout(form);
    return box;
}

QWidget *RollbackPlanDialog::buildConfirmRow()
{
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 6, 0, 0);
    m_prompt = new QLabel(tr("Type <b>%1</b> to confirm:").arg(m_release.version.toHtmlEscaped()), box);
    m_typed = new QLineEdit(box);
    m_typed->setObjectName(QStringLiteral("rollbackConfirmVersion"));
    m_typed->setAccessibleName(tr("Type the version to confirm the rollback"));
    m_typed->setPlaceholderText(m_release.version);
    m_prompt->setBuddy(m_typed);
    m_confirm = new QPushButton(tr("Roll Back"), box);
    m_confirm->setObjectName(QStringLiteral("rollbackConfirmButton"));
    m_confirm->setAccessibleName(tr("Roll back release %1").arg(m_release.version));
    m_confirm->setStyleSheet(destructiveButtonStyle());
    m_confirm->setAutoDefault(false);
    layout->addWidget(m_prompt);
    layout->addWidget(m_typed, 1);
    layout->addWidget(m_confirm);
    connect(m_typed, &QLineEdit::textChanged, this, &RollbackPlanDialog::updateConfirm);
    connect(m_confirm, &QPushButton::clicked, this, &RollbackPlanDialog::confirmOrApprove);
    updateConfirm();
    return box;
}

QWidget *RollbackPlanDialog::buildWaitingRow()
{
    auto *box = new QWidget(this);
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 6, 0, 0);
    m_waiting = new QLabel(box);
    m_waiting->setObjectName(QStringLiteral("rollbackWaiting"));
    m_waiting->setWordWrap(true);
    m_waiting->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *cancel = new QPushButton(tr("Cancel Rollback…"), box);
    cancel->setObjectName(QStringLiteral("rollbackCancelWaiting"));
    cancel->setAccessibleName(tr("Cancel the rollback before it is approved"));
    layout->addWidget(m_waiting, 1);
    layout->addWidget(cancel);
    connect(cancel, &QPushButton::clicked, this, &RollbackPlanDialog::cancelWaiting);
    return box;
}

QString RollbackPlanDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString RollbackPlanDialog::waitingText() const
{
    return m_waiting->text();
}

bool RollbackPlanDialog::isWaiting() const
{
    return m_bottom->currentIndex() == WaitingPage;
}

void RollbackPlanDialog::setPollInterval(int msec)
{
    m_pollTimer->setInterval(msec);
}

void RollbackPlanDialog::replan()
{
    if (!m_rollbacks || m_awaiting) {
        updateConfirm();
        return;
    }
    const quint64 generation = ++m_generation;
    m_busy = true;
    updateConfirm();
    whenReady(this, m_rollbacks->plan(m_release.version, m_reason->text().trimmed(), m_trigger),
        [this, generation](const Result<RollbackPlan> &plan) {
            if (generation != m_generation)
                return;  // the reason changed again meanwhile
            m_busy = false;
            showPlanResult(plan);
        });
}

void RollbackPlanDialog::showPlanResult(const Result<RollbackPlan> &plan)
{
    if (!plan) {
        m_plan.reset();
        m_view->clear();
        showError(plan.error());
    } else {
        m_plan = *plan;
        m_error->hide();
        m_view->showPlan(*plan);
        m_title->setText(
            tr("Roll back %1 on %2 to %3").arg(plan->version, plan->environment, plan->targetVersion));
    }
    updateConfirm();
    emit planShown();
}

// The error names its place (policy.yml:204:9, the step) first, so a person knows where to fix it.
void RollbackPlanDialog::showError(const Error &error)
{
    const QString where = error.location.isValid() ? error.location.toString() : QString();
    m_error->setText(where.isEmpty() ? tr("<b>Cannot roll back:</b> %1").arg(error.message.toHtmlEscaped())
                                     : tr("<b>Cannot roll back:</b> <tt>%1</tt>: %2")
                                           .arg(where.toHtmlEscaped(), error.message.toHtmlEscaped()));
    m_error->setToolTip(error.toString());
    m_error->show();
}

void RollbackPlanDialog::updateConfirm()
{
    const bool typed = m_typed->text() == m_release.version;  // exact: no trimming, no case folding
    const bool ready = m_awaiting ? true : m_plan.has_value();
    // An incident needs a cause: the trigger that fired, else the person's reason.
    const bool caused = m_awaiting || !m_trigger.isEmpty() || !m_reason->text().trimmed().isEmpty();
    m_confirm->setEnabled(typed && ready && caused && !m_busy && !m_replanTimer->isActive() && m_rollbacks);
    m_confirm->setToolTip(caused ? QString() : tr("Give a reason first: it becomes the incident's cause"));
}

void RollbackPlanDialog::confirmOrApprove()
{
    if (!m_rollbacks || m_typed->text() != m_release.version)
        return;
    m_busy = true;
    updateConfirm();
    auto done = [this](const Result<RollbackRecord> &record) {
        m_busy = false;
        updateConfirm();
        if (!record) {
            showError(record.error());
            return;
        }
        m_error->hide();
        takeRecord(*record);
    };
    if (m_awaiting) {
        whenReady(this, m_rollbacks->approve(m_awaiting->id), done);
        return;
    }
    RollbackPlan plan = *m_plan;
    plan.reason = m_reason->text().trimmed();
    whenReady(this, m_rollbacks->confirm(plan, m_typed->text()), done);
}

void RollbackPlanDialog::showAwaiting(const RollbackRecord &record)
{
    ++m_generation;  // a plan still on its way is not this rollback's
    m_busy = false;
    m_awaiting = record;
    m_plan = record.plan;
    m_view->showPlan(record.plan);
    m_reason->setReadOnly(true);
    m_reason->setText(record.plan.reason);
    m_replanTimer->stop();
    m_title->setText(tr("Roll back %1 on %2 to %3")
                         .arg(record.plan.version, record.plan.environment, record.plan.targetVersion));
    takeRecord(record);
    emit planShown();
}

void RollbackPlanDialog::takeRecord(const RollbackRecord &record)
{
    m_awaiting = record;
    const QString me = m_releases ? m_releases->identity().id : QString();
    if (record.state == RollbackState::AwaitingApproval && record.requestedBy == me) {
        m_waiting->setText(tr("Waiting for a second person to approve (<tt>rollback %1 --approve</tt>, or "
                              "their cockpit). Requested by you at %2; nothing runs until then.")
                               .arg(record.version.toHtmlEscaped(), formatLocalTime(record.requestedAt)));
        m_bottom->setCurrentIndex(WaitingPage);
        m_reason->setReadOnly(true);
        m_pollTimer->start();
        return;
    }
    m_pollTimer->stop();
    if (record.state == RollbackState::AwaitingApproval) {
        // Someone else asked: this person is the second one.
        m_prompt->setText(tr("Requested by %1. Type <b>%2</b> to approve:")
                              .arg(record.requestedBy.toHtmlEscaped(), record.version.toHtmlEscaped()));
        m_confirm->setText(tr("Approve Rollback"));
        m_bottom->setCurrentIndex(ConfirmPage);
        updateConfirm();
        return;
    }
    if (record.state == RollbackState::Aborted) {
        showError(Error {ErrorCode::Refused, tr("the rollback was cancelled before it ran"), {}});
        m_bottom->setCurrentIndex(ConfirmPage);
        m_confirm->setEnabled(false);
        return;
    }
    if (record.requestedBy != me) {
        emit approvedElsewhere();
        accept();
        return;
    }
    m_confirmed = record;
    accept();
}

void RollbackPlanDialog::pollApproval()
{
    if (!m_rollbacks || !m_awaiting)
        return;
    const qint64 id = m_awaiting->id;
    whenReady(this, m_rollbacks->latest(m_release.version), [this, id](const Result<RollbackRecord> &record) {
        if (record && record->id == id && isWaiting() && record->state != RollbackState::AwaitingApproval)
            takeRecord(*record);
    });
}

void RollbackPlanDialog::cancelWaiting()
{
    if (!m_awaiting || !m_rollbacks)
        return;
    const qint64 id = m_awaiting->id;
    RollbackReasonDialog::ask(this, tr("Cancel Rollback"),
        tr("Why cancel the rollback of %1 before it was approved?").arg(m_release.version),
        tr("Cancel Rollback"), [this, id](const QString &reason) {
            m_rollbacks->abort(id, reason);
            pollApproval();
        });
}

}  // namespace cockpit
