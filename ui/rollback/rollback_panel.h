#pragma once
// The incident lead's corner of the release header: once the release is deployed, the rollback
// window counting down beside a red Rollback button. The button opens the plan, asks for the
// version typed (and a second person where the policy says so), then runs the steps with live
// output; an unfinished rollback found on opening is shown with what ran and what did not.
#include "canary.h"
#include "release_tab.h"
#include "rollback.h"
#include "rollback_display.h"
#include "rollback_plan_dialog.h"  // QPointer needs the complete types
#include "rollback_run_dialog.h"
#include "rollback_service.h"

#include <QKeySequence>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QTimer;

namespace cockpit {

class RollbackService;

class RollbackPanel : public ReleaseTab {
    Q_OBJECT
public:
    explicit RollbackPanel(QWidget *parent = nullptr);
    // Ctrl+Shift+B: the key of Release > Roll Back…, named on the button.
    [[nodiscard]] static QKeySequence rollbackShortcut();
    ~RollbackPanel() override;
    void setSession(Session *session) override;
    void showRelease(const ReleaseRecord &release) override;

    // Time source for the window countdown (tests); default QDateTime::currentDateTimeUtc.
    void setClock(std::function<QDateTime()> clock);
    [[nodiscard]] RollbackService *rollbackService() const { return m_rollbacks.data(); }
    [[nodiscard]] QPushButton *rollbackButton() const { return m_button; }
    [[nodiscard]] QPushButton *resumeButton() const { return m_resume; }
    [[nodiscard]] QString windowText() const;
    [[nodiscard]] QString noticeText() const;
    [[nodiscard]] bool showsRolledBack() const;
    // Why Roll Back has nothing to do for the shown release (never deployed, already rolled back,
    // none shown); empty when it can plan one or an unfinished one waits.
    [[nodiscard]] QString nothingToRollBack() const;
    [[nodiscard]] RollbackPlanDialog *planDialog() const { return m_plan; }
    [[nodiscard]] RollbackRunDialog *runDialog() const { return m_run; }

signals:
    void refreshed();  // the panel shows the stored state of the release
    void rollbackAvailable(bool available, const QString &why);  // why: nothingToRollBack()

public slots:
    // Opens the plan for the shown release; trigger names the soak trigger that fired (the
    // incident's cause), empty when a person decided.
    void requestRollback(const QString &trigger = {});

private:
    void reload();
    void readCanary(quint64 generation);
    void showState();
    void showUnfinished(const RollbackRecord &record);
    // "Incident open since 14:02: 5xx above 5%": the rollback's incident while it is not recovered.
    [[nodiscard]] QString incidentText(const RollbackRecord &record) const;
    void updateWindowText();
    void openRun(const RollbackRecord &record, bool start);
    void createPlanDialog(const QString &trigger);
    void resume();
    void connectRollbacks();
    [[nodiscard]] RollbackWindow window() const;
    [[nodiscard]] bool unfinished() const;

    Session *m_session = nullptr;
    QPointer<RollbackService> m_rollbacks;  // the session's
    QList<QMetaObject::Connection> m_connections;
    ReleaseRecord m_release;
    std::optional<Deployment> m_deployment;  // the last one
    std::optional<RollbackRecord> m_latest;
    std::optional<DeployLock> m_lock;
    std::optional<CanaryStatus> m_canary;  // the release's canary, when it went through one  // Store::deployLock: the one truth about the lock
    bool m_lockRead = false;  // m_lock is the store's answer for this release
    quint64 m_generation = 0;
    std::function<QDateTime()> m_clock;
    QTimer *m_ticker;
    QTimer *m_reloadTimer;
    QLabel *m_window;
    QPushButton *m_button;
    QLabel *m_badge;
    QLabel *m_lockLabel;
    QLabel *m_notice;
    QPushButton *m_resume;
    QPointer<RollbackPlanDialog> m_plan;
    QPointer<RollbackRunDialog> m_run;
};

}  // namespace cockpit
