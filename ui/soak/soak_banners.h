#pragma once
// The two things on the Soak tab a person must not miss: an amber banner while Prometheus is not
// answering (the verdict cannot become PASS on data it cannot see), and a red banner per fired
// rollback trigger, announced once on the desktop, with the rollback offered as a signal.
#include "soak_types.h"

#include <QFrame>
#include <QMap>
#include <QSet>

class QLabel;
class QSystemTrayIcon;
class QVBoxLayout;

namespace cockpit {

enum class NotificationRoute { DBus, Tray, None };

class SoakBanners : public QWidget {
    Q_OBJECT
public:
    explicit SoakBanners(QWidget *parent = nullptr);

    void showStale(const QString &reason, const QDateTime &since);
    void clearStale();
    // Shows (or updates) the banner of a fired trigger. The first time a name fires while
    // notify is true it also goes to the desktop; a recorded soak's history passes false.
    void showTrigger(const TriggerResult &trigger, bool notify);
    // Whether a fired trigger's rollback can be offered: with a reason (no rollback target, never
    // deployed) the banner says so up front and offers no button that would then fail.
    void setRollbackUnavailable(const QString &name, const QString &reason);
    [[nodiscard]] bool rollbackOffered(const QString &name) const;
    // Keeps only the banners of these names (a trigger whose condition cleared loses its banner
    // but stays "notified" until clearAll, so a flapping trigger does not spam the desktop).
    void retainTriggers(const QSet<QString> &names);
    // A check that failed goes to the desktop like a fired trigger, once per check name (live only).
    void notifyCheckFailed(const CheckResult &check, const QString &environment);
    void clearAll();
    // An automatic rollback (issue 15) started, halted, finished or could not start: one banner,
    // red while it needs a person; started and halted also go to the desktop.
    void showAutomaticRollback(const QString &verdict, const QString &detail);
    [[nodiscard]] QString automaticRollbackText() const;

    [[nodiscard]] bool staleShown() const;
    [[nodiscard]] QString staleText() const;
    [[nodiscard]] QStringList triggerNames() const { return m_triggers.keys(); }
    [[nodiscard]] QString triggerText(const QString &name) const;
    [[nodiscard]] NotificationRoute lastNotification() const { return m_lastRoute; }

signals:
    void rollbackRequested(const QString &triggerName);

private:
    QFrame *makeTriggerBanner(const QString &name);
    void updateTriggerText(const QString &name);
    NotificationRoute notifyDesktop(const QString &title, const QString &body);
    void notifyTray(const QString &title, const QString &body);

    QFrame *m_stale;
    QLabel *m_staleText;
    QVBoxLayout *m_triggerLayout;
    QMap<QString, QFrame *> m_triggers;
    QSet<QString> m_notified;
    QMap<QString, QString> m_noRollback;  // trigger name -> why no rollback can be offered
    QMap<QString, TriggerResult> m_shown;  // the latest result shown per banner
    QSystemTrayIcon *m_tray = nullptr;
    QFrame *m_automatic = nullptr;
    NotificationRoute m_lastRoute = NotificationRoute::None;
};

}  // namespace cockpit
