#include "webhook_dialog.h"

#include "secret_store.h"
#include "webhook_client.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace cockpit {

namespace {

template <typename T, typename F> void whenDone(QObject *owner, QFuture<T> future, F done)
{
    auto *watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, done] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(future);
}

}  // namespace

WebhookDialog::WebhookDialog(
    const QString &project, const QStringList &channels, const QString &preferred, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
{
    setObjectName(QStringLiteral("webhookDialog"));
    setWindowTitle(tr("Webhook for %1").arg(project));
    m_scope = new QComboBox(this);
    m_scope->setObjectName(QStringLiteral("webhookScope"));
    m_scope->setAccessibleName(tr("Channel the webhook posts to"));
    m_scope->addItem(tr("Every channel without its own (project default)"), QString());
    for (const QString &c : channels)
        m_scope->addItem(c, c);
    if (const int at = m_scope->findData(preferred); at > 0)
        m_scope->setCurrentIndex(at);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("webhookUrl"));
    m_url->setAccessibleName(tr("Webhook URL"));
    m_url->setEchoMode(QLineEdit::Password);
    m_url->setPlaceholderText(QStringLiteral("https://hooks.slack.com/services/…"));
    m_url->setMinimumWidth(380);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("webhookState"));
    m_state->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Channel:"), m_scope);
    form->addRow(tr("&URL:"), m_url);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_store = buttons->addButton(tr("&Store in Keychain"), QDialogButtonBox::ActionRole);
    m_store->setObjectName(QStringLiteral("webhookStore"));
    m_remove = buttons->addButton(tr("&Remove"), QDialogButtonBox::DestructiveRole);
    m_remove->setObjectName(QStringLiteral("webhookRemove"));
    m_store->setEnabled(false);
    // Enter in the URL field stores; removing is never the default.
    m_store->setDefault(true);
    m_remove->setAutoDefault(false);
    connect(m_url, &QLineEdit::textChanged, this,
        [this](const QString &t) { m_store->setEnabled(!t.trimmed().isEmpty()); });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &WebhookDialog::refreshState);
    connect(m_store, &QPushButton::clicked, this, &WebhookDialog::store);
    connect(m_remove, &QPushButton::clicked, this, &WebhookDialog::remove);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The URL is kept only in the system keychain (entry shown below); it is "
                                    "never written to settings, logs or the database."),
        this));
    layout->addLayout(form);
    layout->addWidget(m_state);
    layout->addWidget(buttons);
    m_url->setFocus();
    refreshState();
}

QString WebhookDialog::keychainKey() const
{
    return WebhookClient::keychainKey(m_project, m_scope->currentData().toString());
}

void WebhookDialog::refreshState()
{
    const int generation = ++m_generation;
    const QString key = keychainKey();
    m_state->setText(tr("Keychain entry \"%1\": checking…").arg(key));
    whenDone(this, SecretStore::read(key), [this, generation, key](const Result<QString> &url) {
        if (generation != m_generation)
            return;
        if (url)
            m_state->setText(tr("Keychain entry \"%1\": a URL for %2 is stored.")
                                 .arg(key, WebhookClient::displayHost(QUrl(*url))));
        else if (url.error().code == ErrorCode::NotFound)
            m_state->setText(tr("Keychain entry \"%1\": nothing stored.").arg(key));
        else
            m_state->setText(url.error().message);
        m_remove->setEnabled(url.has_value());
        emit stateKnown(url.has_value());
    });
}

void WebhookDialog::store()
{
    const QString url = m_url->text().trimmed();
    if (const Status valid = WebhookClient::validateUrl(url); !valid) {
        report(valid.error().message, true);
        return;
    }
    setBusy(true);
    const QString key = keychainKey();
    whenDone(this, SecretStore::write(key, url), [this, key](const Status &stored) {
        setBusy(false);
        if (!stored) {
            report(stored.error().message, true);
            return;
        }
        m_url->clear();
        report(tr("Stored the webhook URL in the keychain entry \"%1\".").arg(key), false);
    });
}

void WebhookDialog::remove()
{
    setBusy(true);
    const QString key = keychainKey();
    whenDone(this, SecretStore::remove(key), [this, key](const Status &removed) {
        setBusy(false);
        if (!removed)
            report(removed.error().message, true);
        else
            report(tr("Removed the keychain entry \"%1\".").arg(key), false);
    });
}

void WebhookDialog::setBusy(bool busy)
{
    m_store->setEnabled(!busy && !m_url->text().trimmed().isEmpty());
    m_remove->setEnabled(!busy);
    m_scope->setEnabled(!busy);
}

void WebhookDialog::report(const QString &text, bool error)
{
    if (error) {
        m_state->setText(text);
        return;
    }
    emit changed(text);
    refreshState();
    m_state->setText(text);
}

}  // namespace cockpit
