#pragma once
// The last look before a rollback: the plan (target, environment, cause, every resolved step),
// a reason, the rollback window (a warning once it has closed), and the version typed exactly
// before the red Roll Back button enables. Where the policy asks for two people it then waits
// for the second (their cockpit or `rollback VERSION --approve`) and closes once approved; the
// second person opens the same dialog on the waiting rollback to approve it.
#include "error.h"
#include "release.h"
#include "rollback.h"
#include "rollback_display.h"

#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace cockpit {

class Session;
class RollbackPlanView;
class RollbackService;

class RollbackPlanDialog : public QDialog {
    Q_OBJECT
public:
    // Plans the rollback of release at once; trigger (a fired soak trigger) is shown as the cause.
    RollbackPlanDialog(RollbackService *rollbacks, Session *releases, const ReleaseRecord &release,
        const RollbackWindow &window, const QString &trigger = {}, QWidget *parent = nullptr);

    // A confirmed rollback waiting for its second person: its requester sees the waiting state,
    // anyone else may approve it after typing the version.
    void showAwaiting(const RollbackRecord &record);

    // The rollback as confirmed (and approved where needed), Running; set once accepted.
    [[nodiscard]] const std::optional<RollbackRecord> &confirmed() const { return m_confirmed; }
    [[nodiscard]] QLineEdit *versionEdit() const { return m_typed; }
    [[nodiscard]] QLineEdit *reasonEdit() const { return m_reason; }
    [[nodiscard]] QPushButton *confirmButton() const { return m_confirm; }
    [[nodiscard]] RollbackPlanView *planView() const { return m_view; }
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] QString waitingText() const;
    [[nodiscard]] bool isWaiting() const;
    void setPollInterval(int msec);

signals:
    void planShown();  // a plan, or the error that stops it, is on screen
    void approvedElsewhere();  // this person approved: the requester's cockpit runs the steps

private:
    QWidget *buildHeader();
    QWidget *buildConfirmRow();
    QWidget *buildWaitingRow();
    void replan();
    void showPlanResult(const Result<RollbackPlan> &plan);
    void showError(const Error &error);
    void updateConfirm();
    void confirmOrApprove();
    void takeRecord(const RollbackRecord &record);
    void pollApproval();
    void cancelWaiting();

    RollbackService *m_rollbacks;
    Session *m_releases;
    ReleaseRecord m_release;
    RollbackWindow m_window;
    QString m_trigger;
    std::optional<RollbackPlan> m_plan;
    std::optional<RollbackRecord> m_awaiting;  // approve mode, or waiting for the second person
    std::optional<RollbackRecord> m_confirmed;
    quint64 m_generation = 0;
    bool m_busy = false;
    QTimer *m_replanTimer;
    QTimer *m_pollTimer;
    QLabel *m_title;
    QLabel *m_windowWarning;
    QLabel *m_error;
    RollbackPlanView *m_view;
    QLineEdit *m_reason;
    QStackedWidget *m_bottom;
    QLabel *m_prompt;
    QLineEdit *m_typed;
    QPushButton *m_confirm;
    QLabel *m_waiting;
};

}  // namespace cockpit
