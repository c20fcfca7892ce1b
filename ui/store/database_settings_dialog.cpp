#include "database_settings_dialog.h"

#include "session_opener.h"

#include "database_settings.h"
#include "future_watch.h"
#include "store.h"
#include "team_store_url.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace cockpit {

DatabaseSettingsDialog::DatabaseSettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_workspace(new QRadioButton(tr("Each workspace's own SQLite file"), this))
    , m_team(new QRadioButton(tr("A team database (PostgreSQL)"), this))
    , m_url(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("databaseSettingsDialog"));
    setWindowTitle(tr("Database"));
    m_workspace->setObjectName(QStringLiteral("useWorkspaceDatabases"));
    m_team->setObjectName(QStringLiteral("useTeamDatabase"));
    m_url->setObjectName(QStringLiteral("databaseUrl"));
    m_url->setAccessibleName(tr("Team database URL"));
    m_url->setPlaceholderText(QStringLiteral("postgresql://login@db.example.com:5432/cockpit"));
    m_password->setObjectName(QStringLiteral("databasePassword"));
    m_password->setAccessibleName(tr("Database password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("unchanged (kept in the keychain)"));
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setAccessibleName(tr("Test connection"));
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_workspace);
    layout->addWidget(m_team);
    auto *form = new QFormLayout;
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    auto *hint
        = new QLabel(tr("Your database login is who you are in team mode: the policy's roles list logins. "
                        "The password is stored in the system keychain, never in settings."),
            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    layout->addWidget(m_test);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &DatabaseSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &DatabaseSettingsDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &DatabaseSettingsDialog::testConnection);
    connect(m_team, &QRadioButton::toggled, this, &DatabaseSettingsDialog::updateEnabled);
    connect(m_url, &QLineEdit::textChanged, this, &DatabaseSettingsDialog::updateEnabled);

    const QString saved = DatabaseSettings::teamUrl();
    m_url->setText(saved);
    (saved.isEmpty() ? m_workspace : m_team)->setChecked(true);
    updateEnabled();
}

DatabaseSettingsDialog::~DatabaseSettingsDialog() = default;

void DatabaseSettingsDialog::updateEnabled()
{
    const bool team = m_team->isChecked();
    m_url->setEnabled(team);
    m_password->setEnabled(team);
    m_test->setEnabled(team && TeamStoreUrl::parse(m_url->text().trimmed()).has_value() && !m_testing);
}

void DatabaseSettingsDialog::showStatus(const QString &text, bool ok)
{
    m_status->setText(text);
    m_status->setProperty("ok", ok);
}

void DatabaseSettingsDialog::testConnection()
{
    const QString url = m_url->text().trimmed();
    showStatus(tr("Connecting…"), false);
    m_test->setEnabled(false);
    // The password is saved to the keychain first, so the test takes the path the cockpit will.
    whenReady(
        this, DatabaseSettings::saveTeamDatabase(url, m_password->text()), [this, url](const Status &saved) {
            if (!saved) {
                showStatus(saved.error().message, false);
                updateEnabled();
                return;
            }
            m_password->clear();
            m_testing = true;
            whenReady(this, SessionOpener::testConnection(url, this), [this](const Result<QString> &name) {
                m_testing = false;
                showStatus(name ? tr("Connected to %1.").arg(*name) : name.error().message, name.has_value());
                updateEnabled();
            });
        });
}

void DatabaseSettingsDialog::accept()
{
    if (m_workspace->isChecked()) {
        DatabaseSettings::useWorkspaceDatabases();
        emit databaseChanged({});
        QDialog::accept();
        return;
    }
    const QString url = m_url->text().trimmed();
    whenReady(this, DatabaseSettings::saveTeamDatabase(url, m_password->text()), [this](const Status &saved) {
        if (!saved) {
            showStatus(saved.error().message, false);
            return;
        }
        m_password->clear();
        emit databaseChanged(DatabaseSettings::teamUrl());
        QDialog::accept();
    });
}

}  // namespace cockpit
