#pragma once
// The window's status bar: the database and the repository with a reachability dot each, who is
// acting, and a busy indicator while long work (loading a workspace) runs.
#include <QStatusBar>

class QLabel;
class QProgressBar;

namespace cockpit {

class CockpitStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit CockpitStatusBar(QWidget *parent = nullptr);

    void setDatabase(const QString &name, bool reachable);
    void setRepository(const QString &root, bool reachable);  // empty root: none open
    void setIdentity(const QString &name, const QString &id);
    void setBusy(bool busy, const QString &what = {});
    [[nodiscard]] bool isBusy() const;
    void showError(const QString &text);

private:
    QLabel *addIndicator(const QString &objectName, const QString &accessibleName);
    static void setDot(QLabel *label, const QString &text, bool reachable, const QString &toolTip);

    QProgressBar *m_busy;
    QLabel *m_busyText;
    QLabel *m_database;
    QLabel *m_repository;
    QLabel *m_identity;
};

}  // namespace cockpit
