#pragma once
// Release ▸ Communications…: the policy's notification templates rendered from the release, with
// a preview to copy, save, or post to a Slack-compatible webhook whose URL is in the keychain.
#include "error.h"
#include "notification_render.h"
#include "notification_schedule.h"

#include <QDialog>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTreeWidget;

namespace cockpit {

class NotificationService;
class Session;
class WebhookClient;

class CommunicationsDialog : public QDialog {
    Q_OBJECT
public:
    CommunicationsDialog(Session *session, const QString &version, QWidget *parent = nullptr);
    ~CommunicationsDialog() override;

    // The message as previewed now (the selected template, rendered).
    [[nodiscard]] RenderedNotification currentMessage() const { return m_message; }
    // Writes the message's plain text (Markdown) atomically; what Save… does after asking where.
    Status saveTo(const QString &path);
    // The webhook client posts go through (tests shorten its timeout).
    [[nodiscard]] WebhookClient *webhookClient() const { return m_client; }

signals:
    void factsLoaded();  // the templates are listed (or the failure is shown)
    void webhookChecked(bool stored);  // whether the selected template's channel has a URL
    void postFinished(bool ok, const QString &message);

private:
    void buildUi();
    QWidget *buildPreview();
    QWidget *buildButtons();
    void loadFacts();
    void showFacts(const Result<NotificationFacts> &facts);
    void showSelected();
    void showWarnings();
    void checkWebhook();
    void copyMessage();
    void saveMessage();
    void postMessage();
    void editWebhook();
    void setStatus(const QString &text, bool error = false);
    void updateButtons();

    Session *m_session;
    QString m_version;
    NotificationService *m_notifications = nullptr;  // the session's
    WebhookClient *m_client = nullptr;  // the session's
    std::optional<NotificationFacts> m_facts;
    QList<ScheduledNotification> m_schedule;
    RenderedNotification m_message;
    int m_selected = -1;
    int m_webhookGeneration = 0;  // drops stale keychain answers when the selection moves on
    bool m_webhookStored = false;
    bool m_posting = false;

    QLabel *m_summary = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_subject = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QCheckBox *m_sourceToggle = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTextBrowser *m_preview = nullptr;
    QPlainTextEdit *m_source = nullptr;
    QLabel *m_warnings = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_post = nullptr;
    QPushButton *m_webhook = nullptr;
};

}  // namespace cockpit
