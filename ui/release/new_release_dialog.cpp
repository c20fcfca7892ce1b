#include "new_release_dialog.h"

#include "future_watch.h"
#include "semver.h"
#include "state_style.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cockpit {

NewReleaseDialog::NewReleaseDialog(const QStringList &releaseTypes, Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_submit(std::move(submit))
    , m_version(new QLineEdit(this))
    , m_commit(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_hasTarget(new QCheckBox(tr("Target date"), this))
    , m_target(new QDateEdit(QDate::currentDate().addDays(14), this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("newReleaseDialog"));
    setWindowTitle(tr("New Release"));
    m_version->setObjectName(QStringLiteral("newReleaseVersion"));
    m_version->setAccessibleName(tr("Version"));
    m_version->setPlaceholderText(tr("SemVer, e.g. 3.8.0 or 3.8.0-rc.1"));
    m_commit->setObjectName(QStringLiteral("newReleaseCommit"));
    m_commit->setAccessibleName(tr("Commit"));
    m_commit->setPlaceholderText(tr("empty: follow the branch head"));
    m_type->setObjectName(QStringLiteral("newReleaseType"));
    m_type->setAccessibleName(tr("Release type"));
    m_type->addItem(tr("Infer from the last release tag"), QString());
    for (const QString &type : releaseTypes)
        m_type->addItem(type, type);
    m_hasTarget->setObjectName(QStringLiteral("newReleaseHasTarget"));
    m_hasTarget->setAccessibleName(tr("Set a target date"));
    m_target->setObjectName(QStringLiteral("newReleaseTarget"));
    m_target->setAccessibleName(tr("Target date"));
    m_target->setCalendarPopup(true);
    m_target->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_target->setEnabled(false);
    m_problem->setObjectName(QStringLiteral("newReleaseProblem"));
    m_problem->setWordWrap(true);
    QPalette warn = m_problem->palette();
    warn.setColor(QPalette::WindowText, failureColor());
    m_problem->setPalette(warn);

    auto *form = new QFormLayout;
    form->addRow(tr("&Version:"), m_version);
    form->addRow(tr("&Commit:"), m_commit);
    form->addRow(tr("&Type:"), m_type);
    form->addRow(m_hasTarget, m_target);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Create Release"));
    m_ok->setObjectName(QStringLiteral("newReleaseOk"));
    m_ok->setAccessibleName(tr("Create release"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("newReleaseCancel"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_hasTarget, &QCheckBox::toggled, m_target, &QWidget::setEnabled);
    connect(m_version, &QLineEdit::textChanged, this, &NewReleaseDialog::validate);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewReleaseDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    setMinimumWidth(440);
}

NewReleaseRequest NewReleaseDialog::request() const
{
    NewReleaseRequest request;
    request.version = m_version->text().trimmed();
    request.commitRef = m_commit->text().trimmed();
    request.type = m_type->currentData().toString();
    if (m_hasTarget->isChecked())
        request.targetDate = m_target->date();
    return request;
}

void NewReleaseDialog::validate()
{
    const QString text = m_version->text().trimmed();
    const auto parsed = text.isEmpty() ? Result<SemVer>(SemVer()) : SemVer::parse(text);
    m_problem->setText(parsed ? QString() : parsed.error().message);
    m_problem->setVisible(!parsed.has_value());
    m_ok->setEnabled(!text.isEmpty() && parsed.has_value());
}

void NewReleaseDialog::submit()
{
    if (!m_ok->isEnabled() || !m_submit)
        return;
    m_ok->setEnabled(false);
    m_problem->setText(tr("Creating the release…"));
    m_problem->setVisible(true);
    whenReady(this, m_submit(request()), [this](const Result<ReleaseRecord> &result) {
        if (result) {
            m_created = *result;
            accept();
            return;
        }
        m_problem->setText(result.error().toString());
        m_ok->setEnabled(true);
    });
}

}  // namespace cockpit
