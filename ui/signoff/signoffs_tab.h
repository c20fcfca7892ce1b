#pragma once
// The platform lead's desk: the release type's required roles, who signed which digest (stale
// and rejected marks), what still blocks the release, and the Sign… / Withdraw actions.
#include "release_tab.h"
#include "readiness.h"
#include "signoff_service.h"

#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace cockpit {

class SignoffsTab : public ReleaseTab {
    Q_OBJECT
public:
    explicit SignoffsTab(QWidget *parent = nullptr);
    ~SignoffsTab() override;
    void setSession(Session *session) override;
    void showRelease(const ReleaseRecord &release) override;

    [[nodiscard]] QTreeWidget *rolesView() const { return m_roles; }
    [[nodiscard]] QListWidget *blockersView() const { return m_blockers; }
    [[nodiscard]] const std::optional<SignoffView> &currentView() const { return m_view; }

signals:
    void viewLoaded();  // a refresh finished (successfully or not)

private:
    void scheduleReload();
    void reload();
    void showView(const SignoffView &view);
    void showError(const QString &message);
    // The release's other blockers (readiness), so "no approval blocks" never reads as "ready".
    void showOtherBlockers();
    void addRole(const RoleApproval &role);
    [[nodiscard]] QString selectedRole() const;
    void updateActions();
    void openSignDialog();
    void withdraw();
    void submit(const SignRequest &request);

    Session *m_session = nullptr;
    SignoffService *m_signoffs = nullptr;  // the session's
    QString m_version;
    quint64 m_generation = 0;  // drops results of superseded reloads
    std::optional<SignoffView> m_view;
    std::optional<Readiness> m_readiness;  // of m_version, from Session::readiness
    QList<QMetaObject::Connection> m_storeConnections;
    QTimer *m_reloadTimer;
    QLabel *m_title;
    QTreeWidget *m_roles;
    QLabel *m_blockersTitle;
    QListWidget *m_blockers;
    QLabel *m_notes;
    QPushButton *m_sign;
    QPushButton *m_withdraw;
};

}  // namespace cockpit
