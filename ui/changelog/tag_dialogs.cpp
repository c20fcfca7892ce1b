#include "tag_dialogs.h"

#include "future_watch.h"
#include "state_style.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cockpit {
namespace {

QLabel *valueLabel(QWidget *parent, const QString &objectName, const QString &accessibleName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

QString actionVerb(TagAction action)
{
    switch (action) {
    case TagAction::Create:
        return QObject::tr("Create Tag");
    case TagAction::Verify:
        return QObject::tr("Verify Tag");
    case TagAction::Promote:
        return QObject::tr("Promote");
    case TagAction::Candidate:
        return QObject::tr("Create RC Tag");
    }
    return {};
}

}  // namespace

TagDialog::TagDialog(TagAction action, const QString &tagName, QWidget *parent)
    : QDialog(parent)
    , m_action(action)
{
    m_preview.plan.tagName = tagName;
    setObjectName(QStringLiteral("tagDialog"));
    setWindowTitle(action == TagAction::Create ? tr("Create Tag %1").arg(tagName)
            : action == TagAction::Candidate   ? tr("Create Release Candidate Tag")
            : action == TagAction::Verify      ? tr("Verify Tag %1").arg(tagName)
                                               : tr("Promote to %1").arg(tagName));
    setAccessibleName(windowTitle());
    buildUi();
    m_tagName->setText(tagName);
    m_commit->setText(tr("Resolving the target commit…"));
    updateButton();
}

void TagDialog::buildUi()
{
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_intro->setText(
        m_action == TagAction::Candidate ? tr(
            "The next release candidate of the release, on its commit; it pins the release to that commit. "
            "Nothing is written until you press Create RC Tag.")
            : m_action == TagAction::Create
            ? tr("Nothing is written until you press Create Tag. Check the name, the commit and the message.")
            : m_action == TagAction::Verify
            ? tr(
                "Checks that the tag exists, is annotated, points at the release commit, its message says "
                "what is shown below and its signature verifies (who signed, and whether that signer is allowed). "
                "Nothing is written.")
            : tr("Creates the release tag on the release candidate's commit. Nothing is written until you "
                 "press "
                 "Promote."));
    m_tagName = valueLabel(this, QStringLiteral("tagNameLabel"), tr("Tag name"));
    QFont bold = m_tagName->font();
    bold.setBold(true);
    m_tagName->setFont(bold);
    m_commit = valueLabel(this, QStringLiteral("tagTargetLabel"), tr("Target commit"));
    m_subject = valueLabel(this, QStringLiteral("tagSubjectLabel"), tr("Commit subject"));
    m_tagger = valueLabel(this, QStringLiteral("tagTaggerLabel"), tr("Tagger"));
    m_notes = valueLabel(this, QStringLiteral("tagNotesLabel"), tr("Notes"));
    m_notes->hide();
    m_message = new QPlainTextEdit(this);
    m_message->setObjectName(QStringLiteral("tagMessageEdit"));
    m_message->setAccessibleName(
        m_action == TagAction::Verify ? tr("Text the tag message must contain") : tr("Tag message"));
    m_message->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_message->setReadOnly(!creates());
    m_message->setTabChangesFocus(true);
    m_message->setMinimumSize(520, 160);
    m_sign = new QCheckBox(tr("Sign the tag (git tag -s, with git's gpg.format and user.signingkey)"), this);
    m_sign->setObjectName(QStringLiteral("tagSignCheck"));
    m_sign->setVisible(m_action != TagAction::Verify);
    m_status = valueLabel(this, QStringLiteral("tagDialogStatus"), tr("Result"));
    m_status->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Tag:"), m_tagName);
    form->addRow(tr("Target commit:"), m_commit);
    form->addRow(tr("Subject:"), m_subject);
    if (m_action != TagAction::Verify)
        form->addRow(tr("Tagger:"), m_tagger);
    else
        m_tagger->hide();
    form->addRow(m_action == TagAction::Verify ? tr("Message contains:") : tr("Message:"), m_message);
    if (m_action != TagAction::Verify)
        form->addRow(tr("Signature:"), m_sign);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_run = m_buttons->addButton(actionVerb(m_action), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("tagActionButton"));
    m_run->setDefault(true);
    connect(m_run, &QPushButton::clicked, this, &TagDialog::run);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form, 1);
    layout->addWidget(m_notes);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
}

void TagDialog::setPreview(const TagPreview &preview)
{
    m_preview = preview;
    m_havePlan = true;
    const TagPlan &plan = preview.plan;
    m_tagName->setText(plan.tagName);
    if (m_action == TagAction::Candidate)
        setWindowTitle(tr("Create Release Candidate Tag %1").arg(plan.tagName));
    m_commit->setText(plan.commit.isEmpty() ? tr("unknown")
                                            : QStringLiteral("<b>%1</b>&nbsp;&nbsp;<code>%2</code>")
                                                  .arg(shortCommit(plan.commit), plan.commit));
    m_subject->setText(preview.commitSubject);
    m_tagger->setText(plan.taggerEmail.isEmpty()
            ? plan.taggerName
            : QStringLiteral("%1 <%2>").arg(plan.taggerName, plan.taggerEmail));
    m_message->setPlainText(plan.message);
    // tags.signing: required signs (box checked, fixed), off never does, optional lets you choose.
    const bool required = preview.signingPolicy == u"required";
    const bool off = preview.signingPolicy == u"off";
    m_sign->setChecked(!off && (plan.sign || required));
    m_sign->setEnabled(!required && !off && !plan.alreadyDone);
    if (plan.sign && !plan.signingKey.isEmpty())
        m_sign->setText(tr("Sign the tag (git tag -s): %1 key %2").arg(plan.signingFormat, plan.signingKey));
    m_sign->setToolTip(required ? tr("The policy requires signed tags (tags.signing: required).")
            : off               ? tr("The policy turns tag signing off (tags.signing: off).")
                                : tr("Signed with git's own program and configuration: gpg.format, "
                                     "user.signingkey, gpg.program / gpg.ssh.program."));
    QStringList notes;
    if (!plan.promotedFrom.isEmpty())
        notes << tr("%1 takes the commit of %2.").arg(plan.tagName, plan.promotedFrom);
    if (plan.alreadyDone && m_action != TagAction::Verify)
        notes << tr("%1 already exists on this commit: nothing will be written.").arg(plan.tagName);
    notes << plan.warnings << preview.notes;
    // A blocked action's reason (the last note) is the status line below, not said twice.
    const QString reason = preview.blocked && !notes.isEmpty() ? notes.takeLast() : QString();
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
    if (preview.blocked)
        showStatus(reason.isEmpty() ? tr("This action is not possible.") : reason, true);
    updateButton();
    resize(size().expandedTo(sizeHint()));  // the notes and the status may need more room
}

bool TagDialog::creates() const
{
    return m_action == TagAction::Create || m_action == TagAction::Candidate;
}

void TagDialog::setRunner(Runner runner)
{
    m_runner = std::move(runner);
    updateButton();
}

void TagDialog::setPlanError(const QString &text)
{
    m_havePlan = false;
    m_commit->setText(tr("unknown"));
    showStatus(text, true);
    updateButton();
}

TagPlan TagDialog::plan() const
{
    TagPlan plan = m_preview.plan;
    if (creates())
        plan.message = m_message->toPlainText();
    if (m_action != TagAction::Verify)
        plan.sign = m_sign->isChecked();
    return plan;
}

bool TagDialog::messageEdited() const
{
    return creates() && m_message->toPlainText() != m_preview.plan.message;
}

QString TagDialog::statusText() const
{
    return m_status->isVisible() || !m_status->text().isEmpty() ? m_status->text() : QString();
}

void TagDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, error ? failureColor() : reachableColor(true));
    m_status->setPalette(palette);
    m_status->setVisible(!text.isEmpty());
}

void TagDialog::updateButton()
{
    m_run->setEnabled(m_havePlan && !m_preview.blocked && !m_running && m_runner != nullptr);
}

void TagDialog::run()
{
    if (!m_runner || !m_havePlan || m_running)
        return;
    if (creates() && m_message->toPlainText().trimmed().isEmpty()) {
        showStatus(tr("An annotated tag needs a message."), true);
        m_message->setFocus();
        return;
    }
    m_running = true;
    updateButton();
    showStatus(tr("Working…"), false);
    whenReady(this, m_runner(plan()), [this](const Result<TagOutcome> &result) {
        m_running = false;
        updateButton();
        if (!result) {
            showStatus(result.error().toString(), true);  // inline: fix the cause and retry
            return;
        }
        showStatus(result->summary, !result->passed);
        emit finishedWith(*result);
        if (m_action == TagAction::Verify) {
            // The verdict is the point: keep it on screen, offer Close.
            m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
            return;
        }
        accept();
    });
}

}  // namespace cockpit
