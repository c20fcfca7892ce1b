#include "signoffs_tab.h"

#include "future_watch.h"
#include "session.h"
#include "signoff_dialog.h"
#include "state_style.h"
#include "tab_helpers.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cockpit {

namespace {

enum Column { RoleColumn, NeededColumn, SignedColumn, StatusColumn };

QColor staleColor()
{
    return readableColor(QColor(0xc0, 0x78, 0x00));  // amber, in the palette's readable tone
}

QString statusText(const EvaluatedSignoff &e, const QString &currentDigest)
{
    switch (e.status) {
    case SignoffStatus::Counted:
        return QObject::tr("counted");
    case SignoffStatus::Stale:
        return QObject::tr("stale: signed %1, now %2; re-sign")
            .arg(e.signoff.digest.left(8), currentDigest.left(8));
    case SignoffStatus::Rejected:
        return QObject::tr("rejected: %1").arg(e.signoff.reason);
    case SignoffStatus::Superseded:
        return QObject::tr("rejection of an earlier digest: superseded");
    case SignoffStatus::Withdrawn:
        return QObject::tr("withdrawn");
    case SignoffStatus::SelfApproval:
        return QObject::tr("not counted: self-approval");
    case SignoffStatus::NotInRole:
        return QObject::tr("not counted: not one of the role's people");
    case SignoffStatus::Unsigned:
        return QObject::tr("not counted: no valid SSH signature");
    }
    return {};
}

QColor statusColor(SignoffStatus status)
{
    switch (status) {
    case SignoffStatus::Counted:
        return itemStateColor(ItemState::Done);
    case SignoffStatus::Rejected:
        return failureColor();
    case SignoffStatus::Withdrawn:
    case SignoffStatus::Superseded:
        return itemStateColor(ItemState::NotApplicable);
    default:
        return staleColor();
    }
}

}  // namespace

SignoffsTab::SignoffsTab(QWidget *parent)
    : ReleaseTab(parent)
    , m_reloadTimer(new QTimer(this))
    , m_title(new QLabel(this))
    , m_roles(new QTreeWidget(this))
    , m_blockersTitle(new QLabel(tr("What still blocks the release"), this))
    , m_blockers(new QListWidget(this))
    , m_notes(new QLabel(this))
    , m_sign(new QPushButton(tr("Sign…"), this))
    , m_withdraw(new QPushButton(tr("Withdraw"), this))
{
    setObjectName(QStringLiteral("signoffsTab"));
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(50);  // a tick burst (check outcomes) reloads once
    connect(m_reloadTimer, &QTimer::timeout, this, &SignoffsTab::reload);
    m_title->setObjectName(QStringLiteral("signoffsTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_roles->setObjectName(QStringLiteral("signoffsRoles"));
    m_roles->setAccessibleName(tr("Required approvals"));
    m_roles->setHeaderLabels({tr("Role / signer"), tr("Needed"), tr("Signed"), tr("Status")});
    m_roles->setRootIsDecorated(true);
    m_roles->setUniformRowHeights(true);
    m_roles->header()->setStretchLastSection(true);
    m_blockers->setObjectName(QStringLiteral("signoffsBlockers"));
    m_blockers->setAccessibleName(tr("What still blocks the release"));
    m_blockers->setMaximumHeight(150);
    m_notes->setObjectName(QStringLiteral("signoffsNotes"));
    m_notes->setWordWrap(true);
    m_sign->setObjectName(QStringLiteral("signoffsSign"));
    m_sign->setAccessibleName(tr("Sign off"));
    m_sign->setToolTip(tr("Review what would be approved, then approve or reject it"));
    m_withdraw->setObjectName(QStringLiteral("signoffsWithdraw"));
    m_withdraw->setAccessibleName(tr("Withdraw my sign-off"));
    m_withdraw->setToolTip(tr("Withdraw your approval or rejection for the selected role"));
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_title, 1);
    actions->addWidget(m_sign);
    actions->addWidget(m_withdraw);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(actions);
    layout->addWidget(m_roles, 1);
    layout->addWidget(m_blockersTitle);
    layout->addWidget(m_blockers);
    layout->addWidget(m_notes);
    connect(m_sign, &QPushButton::clicked, this, &SignoffsTab::openSignDialog);
    connect(m_withdraw, &QPushButton::clicked, this, &SignoffsTab::withdraw);
    connect(m_roles, &QTreeWidget::currentItemChanged, this, &SignoffsTab::updateActions);
    showError(tr("No release selected."));
}

SignoffsTab::~SignoffsTab() = default;

void SignoffsTab::setSession(Session *session)
{
    for (const auto &c : std::as_const(m_storeConnections))
        disconnect(c);
    m_storeConnections.clear();
    m_session = session;
    m_signoffs = nullptr;
    m_view.reset();
    ++m_generation;
    if (!session)
        return;
    m_signoffs = &session->signoffs();
    // A tick or a release change (new commit, state) may change the digest: look again.
    Store *store = session->store();
    m_storeConnections << connect(store, &Store::itemChanged, this, [this](const QString &version) {
        if (version == m_version)
            scheduleReload();
    });
    m_storeConnections << connect(store, &Store::releaseChanged, this, [this](const QString &version) {
        if (version == m_version)
            scheduleReload();
    });
}

void SignoffsTab::showRelease(const ReleaseRecord &release)
{
    m_version = release.version;
    raiseTabForScreenshot(this, QStringLiteral("signoffs"));
    if (m_version.isEmpty()) {
        ++m_generation;
        m_view.reset();
        showError(tr("No release selected."));
        return;
    }
    reload();
}

void SignoffsTab::scheduleReload()
{
    m_reloadTimer->start();
}

void SignoffsTab::reload()
{
    if (!m_signoffs || m_version.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    whenReady(this, m_signoffs->view(m_version), [this, generation](const Result<SignoffView> &view) {
        if (generation != m_generation)
            return;  // a newer reload or another release is on its way
        if (view)
            showView(*view);
        else
            showError(view.error().toString());
        emit viewLoaded();
    });
    m_readiness.reset();
    whenReady(this, m_session->readiness(m_version), [this, generation](const Result<Readiness> &readiness) {
        if (generation != m_generation || !readiness)
            return;
        m_readiness = *readiness;
        showOtherBlockers();
    });
}

void SignoffsTab::showOtherBlockers()
{
    if (!m_view || !m_readiness || !m_view->approvals.blockers.isEmpty())
        return;
    qsizetype others = 0;
    for (const Blocker &b : m_readiness->blockers)
        others += b.kind != u"approval" ? 1 : 0;
    if (others == 0)
        return;
    const QString next = m_readiness->next ? releaseStateTitle(*m_readiness->next) : QString();
    const QString text = others == 1
        ? tr("1 other blocker (checklist, gates, soak) keeps the release from %1: Release ▸ Why Blocked? (Ctrl+Shift+W)").arg(next)
        : tr("%1 other blockers (checklist, gates, soak) keep the release from %2: Release ▸ Why Blocked? (Ctrl+Shift+W)")
              .arg(others).arg(next);
    auto *item = new QListWidgetItem(text, m_blockers);
    item->setForeground(staleColor());
}

void SignoffsTab::showError(const QString &message)
{
    m_roles->clear();
    m_blockers->clear();
    m_title->setText(message);
    m_notes->clear();
    updateActions();
}

void SignoffsTab::showView(const SignoffView &view)
{
    const QString previous = selectedRole();
    m_view = view;
    const ApprovalState &a = view.approvals;
    m_title->setText(
        tr("Release %1 (%2): %3 of %4 approvals. Digest %5 covers commit %6, the changelog section "
           "and the checklist state.")
            .arg(view.release.version, view.release.type)
            .arg(a.countedCount)
            .arg(a.requiredCount)
            .arg(view.digest.left(12), shortCommit(view.commit)));
    m_roles->clear();
    for (const RoleApproval &role : a.roles)
        addRole(role);
    m_roles->expandAll();
    for (int c = RoleColumn; c < StatusColumn; ++c)
        m_roles->resizeColumnToContents(c);
    m_blockers->clear();
    if (a.blockers.isEmpty()) {
        auto *ok = new QListWidgetItem(tr("No approval: every required approval is in and current."), m_blockers);
        ok->setForeground(itemStateColor(ItemState::Done));
        showOtherBlockers();
    }
    for (const QString &blocker : a.blockers) {
        auto *item = new QListWidgetItem(blocker, m_blockers);
        item->setForeground(blocker.startsWith(QLatin1String("rejected")) ? failureColor() : staleColor());
    }
    m_notes->setText(view.notes.join(u'\n'));
    m_notes->setVisible(!view.notes.isEmpty());
    for (int i = 0; i < m_roles->topLevelItemCount(); ++i) {
        if (m_roles->topLevelItem(i)->text(RoleColumn) == previous)
            m_roles->setCurrentItem(m_roles->topLevelItem(i));
    }
    updateActions();
}

void SignoffsTab::addRole(const RoleApproval &role)
{
    auto *item = new QTreeWidgetItem(m_roles);
    const QString name = role.requirement.role;
    item->setText(RoleColumn, name);
    item->setData(RoleColumn, Qt::UserRole, name);
    if (m_signoffs)
        item->setToolTip(RoleColumn, m_signoffs->workspace().policy.roleDescriptions.value(name));
    QString needed = role.required ? QString::number(role.requirement.count) : tr("not required");
    if (!role.requirement.condition.isEmpty())
        needed += QStringLiteral(" (if %1)").arg(role.requirement.condition);
    item->setText(NeededColumn, needed);
    item->setToolTip(NeededColumn, role.condition.note);
    item->setText(SignedColumn,
        role.required ? tr("%1 of %2").arg(role.counted).arg(role.requirement.count)
                      : QString::number(role.counted));
    QString status = tr("approved");
    QColor color = itemStateColor(ItemState::Done);
    if (role.rejected()) {
        status = tr("rejected");
        color = failureColor();
    } else if (!role.required) {
        status = tr("not required");
        color = itemStateColor(ItemState::NotApplicable);
    } else if (role.counted < role.requirement.count) {
        const bool stale = std::any_of(
            role.signoffs.begin(), role.signoffs.end(), [](const EvaluatedSignoff &e) { return e.stale(); });
        status = stale ? tr("stale: re-sign needed")
                       : tr("missing %1").arg(role.requirement.count - role.counted);
        color = stale ? staleColor() : failureColor();
    }
    item->setText(StatusColumn, status);
    item->setForeground(StatusColumn, color);
    QFont bold = item->font(RoleColumn);
    bold.setBold(true);
    item->setFont(RoleColumn, bold);
    for (const EvaluatedSignoff &e : role.signoffs) {
        auto *child = new QTreeWidgetItem(item);
        child->setText(RoleColumn, e.signoff.signer);
        child->setData(RoleColumn, Qt::UserRole, name);
        child->setText(NeededColumn, signoffDecisionName(e.signoff.decision));
        child->setText(SignedColumn, formatLocalTime(e.signoff.signedAt));
        child->setText(StatusColumn,
            statusText(e, m_view ? m_view->digest : QString())
                + (e.signoff.signature.isEmpty() ? QString() : tr(" · SSH-signed")));
        child->setForeground(StatusColumn, statusColor(e.status));
        child->setToolTip(StatusColumn, tr("digest %1").arg(e.signoff.digest));
    }
}

QString SignoffsTab::selectedRole() const
{
    const QTreeWidgetItem *item = m_roles->currentItem();
    return item ? item->data(RoleColumn, Qt::UserRole).toString() : QString();
}

void SignoffsTab::updateActions()
{
    const bool ready = m_view.has_value() && m_signoffs;
    m_sign->setEnabled(ready);
    bool mine = false;
    if (ready) {
        const QString me = m_signoffs->identity().id;
        if (const RoleApproval *role = m_view->approvals.role(selectedRole())) {
            mine
                = std::any_of(role->signoffs.begin(), role->signoffs.end(), [&me](const EvaluatedSignoff &e) {
                      return e.signoff.signer == me && e.status != SignoffStatus::Withdrawn;
                  });
        }
    }
    m_withdraw->setEnabled(mine);
}

void SignoffsTab::openSignDialog()
{
    if (!m_view || !m_signoffs)
        return;
    SignoffDialog dialog(
        *m_view, m_signoffs->workspace().policy, m_signoffs->identity(), selectedRole(), this);
    if (dialog.exec() == QDialog::Accepted)
        submit(dialog.request());
}

void SignoffsTab::withdraw()
{
    const QString role = selectedRole();
    if (!m_view || role.isEmpty())
        return;
    const auto answer = QMessageBox::question(this, tr("Withdraw Sign-off"),
        tr("Withdraw your sign-off for %1 on release %2?").arg(role, m_version));
    if (answer == QMessageBox::Yes)
        submit(SignRequest {m_version, role, SignoffDecision::Withdraw, {}, {}, {}});
}

void SignoffsTab::submit(const SignRequest &request)
{
    if (!m_signoffs)
        return;
    m_sign->setEnabled(false);
    m_withdraw->setEnabled(false);
    whenReady(this, m_session->signOff(request), [this](const Result<Signoff> &saved) {
        if (!saved) {
            QMessageBox::warning(this, tr("Sign-off Not Recorded"), saved.error().toString());
            emit statusMessage(tr("Sign-off not recorded: %1").arg(saved.error().message));
            reload();
            return;
        }
        emit statusMessage(tr("%1 %2 as %3 (digest %4)")
                               .arg(signoffDecisionName(saved->decision), saved->version, saved->role,
                                   saved->digest.left(12)));
        emit releaseTouched(saved->version);
        reload();
    });
}

}  // namespace cockpit
