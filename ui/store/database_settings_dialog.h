#pragma once
// Settings > Database: each workspace's own SQLite file, or one team database (postgresql:// URL).
// The password field goes straight to the keychain (DatabaseSettings), never to settings; "Test
// connection" opens the database the way the cockpit will, with the password from the keychain.
#include <QDialog>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace cockpit {

class Store;

class DatabaseSettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit DatabaseSettingsDialog(QWidget *parent = nullptr);
    ~DatabaseSettingsDialog() override;

    void accept() override;

signals:
    // Saved: the team URL (without password), or empty for the workspaces' own SQLite files.
    // It applies from the next start (the open store keeps its connection until then).
    void databaseChanged(const QString &url);

private:
    void testConnection();
    void updateEnabled();
    void showStatus(const QString &text, bool ok);

    QRadioButton *m_workspace;
    QRadioButton *m_team;
    QLineEdit *m_url;
    QLineEdit *m_password;
    QPushButton *m_test;
    QLabel *m_status;
    bool m_testing = false;  // a connection test is under way
};

}  // namespace cockpit
