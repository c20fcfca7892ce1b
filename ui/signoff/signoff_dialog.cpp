#include "signoff_dialog.h"
#include "dialog_keys.h"

#include "state_style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cockpit {

namespace {

QLabel *selectable(const QString &text, QWidget *parent, bool mono = false)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(!mono);
    if (mono)
        label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return label;
}

QTextBrowser *markdownPage(const QString &markdown, const char *name, QWidget *parent)
{
    auto *browser = new QTextBrowser(parent);
    browser->setObjectName(QLatin1String(name));
    browser->setOpenExternalLinks(true);
    browser->document()->setMarkdown(markdown);
    return browser;
}

bool isGateOrSoak(const ChecklistItem &item)
{
    const QString kind = item.check.section(u' ', 0, 0);
    return kind == u"gate" || kind == u"soak" || kind == u"probe";
}

QString checklistMarkdown(const Checklist &checklist)
{
    QString open, failed;
    for (const ChecklistPhase &phase : checklist.phases)
        for (const ChecklistSection &section : phase.sections)
            for (const ChecklistItem &item : section.items) {
                if (item.state == ItemState::Open)
                    open += QStringLiteral("- %1 `%2`\n").arg(item.text, item.key);
                else if (item.state == ItemState::Failed)
                    failed += QStringLiteral("- %1 `%2`%3\n")
                                  .arg(item.text, item.key,
                                      item.note.isEmpty() ? QString() : QStringLiteral(": ") + item.note);
            }
    const int total = checklist.itemCount();
    QString md = QStringLiteral("**%1 of %2 items closed**, %3 failed, %4 open.\n\n")
                     .arg(checklist.closedCount())
                     .arg(total)
                     .arg(checklist.failedCount())
                     .arg(total - checklist.closedCount() - checklist.failedCount());
    if (!failed.isEmpty())
        md += QStringLiteral("### Failed\n\n") + failed + u'\n';
    md += open.isEmpty() ? QStringLiteral("Nothing is open.\n") : QStringLiteral("### Still open\n\n") + open;
    return md;
}

QString gatesMarkdown(const Checklist &checklist)
{
    QString md;
    for (const ChecklistPhase &phase : checklist.phases)
        for (const ChecklistSection &section : phase.sections)
            for (const ChecklistItem &item : section.items) {
                if (!isGateOrSoak(item))
                    continue;
                md += QStringLiteral("- **%1**: %2 (`%3`)%4\n")
                          .arg(itemStateTitle(item.state), item.text, item.check,
                              item.evidence.isEmpty() ? QString() : QStringLiteral(": ") + item.evidence);
            }
    return md.isEmpty()
        ? QStringLiteral("No checklist item is bound to a gate, probe or soak check, so no result "
                         "is known here.\n")
        : QStringLiteral("As far as the checklist knows (items bound to automated checks):\n\n") + md;
}

QString signoffsMarkdown(const SignoffView &view)
{
    QString md;
    for (const RoleApproval &role : view.approvals.roles)
        for (const EvaluatedSignoff &e : role.signoffs) {
            QString status = signoffStatusName(e.status).replace(u'_', u' ');
            if (e.status == SignoffStatus::Stale)
                status = QStringLiteral("stale: signed %1, not what is shown here")
                             .arg(e.signoff.digest.left(12));
            md += QStringLiteral("- **%1**: %2 by %3, %4 (%5)%6\n")
                      .arg(role.requirement.role, signoffDecisionName(e.signoff.decision), e.signoff.signer,
                          formatLocalTime(e.signoff.signedAt), status,
                          e.signoff.reason.isEmpty() ? QString() : QStringLiteral(": ") + e.signoff.reason);
        }
    return md.isEmpty() ? QStringLiteral("Nobody has signed yet.\n") : md;
}

}  // namespace

QStringList rolesOf(const Policy &policy, const QString &person)
{
    QStringList roles;
    for (auto it = policy.roles.cbegin(); it != policy.roles.cend(); ++it) {
        if (it.value().contains(person))
            roles << it.key();
    }
    return roles;
}

SignoffDialog::SignoffDialog(const SignoffView &view, const Policy &policy, const Identity &signer,
    const QString &role, QWidget *parent)
    : QDialog(parent)
    , m_view(view)
    , m_policy(policy)
    , m_signer(signer)
{
    setObjectName(QStringLiteral("signoffDialog"));
    setWindowTitle(tr("Sign Off Release %1").arg(view.release.version));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildSummary());
    layout->addWidget(buildDetails(), 1);
    layout->addWidget(buildDecision());
    if (!role.isEmpty() && m_role->findText(role) >= 0)
        m_role->setCurrentText(role);
    updateButtons();
    resize(760, 720);
}

QString SignoffDialog::summaryText() const
{
    return m_summary->text();
}

QWidget *SignoffDialog::buildSummary()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    const ReleaseRecord &r = m_view.release;
    auto *title
        = new QLabel(tr("You approve exactly this. Any later change to the commit, the changelog section "
                        "or the checklist makes the sign-off stale."),
            box);
    title->setWordWrap(true);
    form->addRow(title);
    m_summary = selectable(QStringLiteral("%1 (%2)").arg(r.version, r.type), box);
    m_summary->setObjectName(QStringLiteral("signoffVersion"));
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    form->addRow(tr("Release:"), m_summary);
    const QString follows
        = r.commitPinned || r.branch.isEmpty() ? tr("pinned") : tr("head of %1").arg(r.branch);
    auto *commit = selectable(QStringLiteral("%1  (%2)").arg(m_view.commit, follows), box, true);
    commit->setObjectName(QStringLiteral("signoffCommit"));
    form->addRow(tr("Commit:"), commit);
    auto *digest = selectable(m_view.digest, box, true);
    digest->setObjectName(QStringLiteral("signoffDigest"));
    digest->setToolTip(tr("sha256 over the commit, the changelog section and the checklist state"));
    form->addRow(tr("Digest:"), digest);
    form->addRow(tr("Approvals:"),
        selectable(
            tr("%1 of %2 required").arg(m_view.approvals.countedCount).arg(m_view.approvals.requiredCount),
            box));
    form->addRow(tr("Signer:"), selectable(QStringLiteral("%1 <%2>").arg(m_signer.name, m_signer.id), box));
    m_role = new QComboBox(box);
    m_role->setObjectName(QStringLiteral("signoffRole"));
    m_role->setAccessibleName(tr("Role"));
    m_role->addItems(rolesOf(m_policy, m_signer.id));
    form->addRow(tr("As role:"), m_role);
    m_warning = new QLabel(box);
    m_warning->setObjectName(QStringLiteral("signoffWarning"));
    m_warning->setWordWrap(true);
    QPalette warn = m_warning->palette();
    warn.setColor(QPalette::WindowText, failureColor());
    m_warning->setPalette(warn);
    form->addRow(m_warning);
    connect(m_role, &QComboBox::currentTextChanged, this, &SignoffDialog::updateButtons);
    return box;
}

QWidget *SignoffDialog::buildDetails()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("signoffDetails"));
    QString changelog = m_view.changelogHeading.isEmpty()
        ? tr("*No changelog section for %1.*\n").arg(m_view.release.version)
        : m_view.changelogHeading + u'\n' + QString::fromUtf8(m_view.changelogSection);
    for (const QString &note : m_view.notes)
        changelog += QStringLiteral("\n> %1\n").arg(note);
    m_changelog = markdownPage(changelog, "signoffChangelog", m_tabs);
    m_tabs->addTab(m_changelog, tr("Changelog"));
    m_tabs->addTab(
        markdownPage(checklistMarkdown(m_view.checklist), "signoffChecklist", m_tabs), tr("Checklist"));
    m_tabs->addTab(
        markdownPage(gatesMarkdown(m_view.checklist), "signoffGates", m_tabs), tr("Gates and Soak"));
    m_tabs->addTab(markdownPage(signoffsMarkdown(m_view), "signoffOthers", m_tabs), tr("Who Signed"));
    return m_tabs;
}

QWidget *SignoffDialog::buildDecision()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *prompt
        = new QLabel(tr("Reason (required to reject; kept with the sign-off and in the audit log):"), box);
    m_reason = new QPlainTextEdit(box);
    m_reason->setObjectName(QStringLiteral("signoffReason"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setTabChangesFocus(true);
    m_reason->setMaximumHeight(70);
    prompt->setBuddy(m_reason);
    layout->addWidget(prompt);
    layout->addWidget(m_reason);
    auto *sshRow = new QHBoxLayout;
    m_ssh = new QCheckBox(tr("Sign with SSH key"), box);
    m_ssh->setObjectName(QStringLiteral("signoffSsh"));
    m_sshKey = new QLineEdit(m_view.defaultSshKey, box);
    m_sshKey->setObjectName(QStringLiteral("signoffSshKey"));
    m_sshKey->setAccessibleName(tr("SSH key file"));
    m_sshKey->setPlaceholderText(tr("~/.ssh/id_ed25519 (or a public key held by ssh-agent)"));
    if (m_policy.signoff.sshSigning == u"required") {
        m_ssh->setChecked(true);
        m_ssh->setEnabled(false);
        m_ssh->setToolTip(tr("The policy requires SSH-signed sign-offs"));
    }
    sshRow->addWidget(m_ssh);
    sshRow->addWidget(m_sshKey, 1);
    layout->addLayout(sshRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, box);
    m_approve = buttons->addButton(tr("Approve"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(QStringLiteral("signoffApprove"));
    m_approve->setAccessibleName(tr("Approve"));
    m_reject = buttons->addButton(tr("Reject"), QDialogButtonBox::ActionRole);
    m_reject->setObjectName(QStringLiteral("signoffReject"));
    m_reject->setAccessibleName(tr("Reject"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("signoffCancel"));
    layout->addWidget(buttons);
    connect(m_approve, &QPushButton::clicked, this, [this] {
        m_decision = SignoffDecision::Approve;
        accept();
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        m_decision = SignoffDecision::Reject;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    submitOnCtrlEnter(this, m_approve);  // Reject stays a click: it is the rarer, heavier decision
    connect(m_reason, &QPlainTextEdit::textChanged, this, &SignoffDialog::updateButtons);
    connect(m_ssh, &QCheckBox::toggled, this, &SignoffDialog::updateButtons);
    connect(m_sshKey, &QLineEdit::textChanged, this, &SignoffDialog::updateButtons);
    return box;
}

void SignoffDialog::updateButtons()
{
    const bool haveRole = !m_role->currentText().isEmpty();
    const bool self = m_signer.id == m_view.release.manager && !m_policy.singleOperator;
    const bool keyOk = !m_ssh->isChecked() || !m_sshKey->text().trimmed().isEmpty();
    m_sshKey->setEnabled(m_ssh->isChecked());
    m_approve->setEnabled(haveRole && !self && keyOk);
    m_reject->setEnabled(haveRole && keyOk && !m_reason->toPlainText().trimmed().isEmpty());
    QStringList warnings;
    if (!haveRole)
        warnings << tr("%1 holds no role in this policy, so cannot sign.").arg(m_signer.id);
    if (self)
        warnings << tr(
            "You are the release manager of %1: the policy refuses self-approval (no single operator).")
                        .arg(m_view.release.version);
    m_warning->setText(warnings.join(u'\n'));
    m_warning->setVisible(!warnings.isEmpty());
}

SignRequest SignoffDialog::request() const
{
    SignRequest r;
    r.version = m_view.release.version;
    r.role = m_role->currentText();
    r.decision = m_decision;
    r.reason = m_reason->toPlainText().trimmed();
    r.expectedDigest = m_view.digest;
    if (m_ssh->isChecked())
        r.sshKey = m_sshKey->text().trimmed();
    return r;
}

}  // namespace cockpit
