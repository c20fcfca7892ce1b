#pragma once
// Communications ▸ Webhook…: stores or removes a Slack-compatible webhook URL in the keychain,
// for one channel or as the project's default; the URL is typed into a password field and never
// shown again, written to settings or logged.
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace cockpit {

class WebhookDialog : public QDialog {
    Q_OBJECT
public:
    // channels: the policy's channels; preferred: the one to preselect (else the default).
    WebhookDialog(const QString &project, const QStringList &channels, const QString &preferred,
        QWidget *parent = nullptr);

    [[nodiscard]] QString keychainKey() const;  // of the scope selected now

signals:
    void changed(const QString &message);  // after a store or removal, with what happened
    void stateKnown(bool stored);  // whether the selected scope has its own URL

private:
    void refreshState();
    void store();
    void remove();
    void setBusy(bool busy);
    void report(const QString &text, bool error);

    QString m_project;
    QComboBox *m_scope = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_store = nullptr;
    QPushButton *m_remove = nullptr;
    int m_generation = 0;
};

}  // namespace cockpit
