#pragma once
// A rollback as it runs: every step with its state (icon and word), duration and output, the
// selected or running step's live output, a manual step's instruction with Done / Not done, and
// on a halt Retry, Skip… (reason required) and Abort…. Opened on an unfinished rollback it shows
// what ran and what did not; an interrupted step is marked and nothing reruns until a person
// decides. Closing it while a step runs leaves the rollback running (the header shows progress).
#include "rollback.h"

#include <QDialog>
#include <QMap>

class QFrame;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace cockpit {

class RollbackService;

class RollbackRunDialog : public QDialog {
    Q_OBJECT
public:
    RollbackRunDialog(RollbackService *rollbacks, const RollbackRecord &record, QWidget *parent = nullptr);

    void takeRecord(const RollbackRecord &record);  // the stored truth, as it changes
    [[nodiscard]] const RollbackRecord &record() const { return m_record; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString stepStateText(int index) const;  // the state column as shown
    [[nodiscard]] QTreeWidget *stepsView() const { return m_steps; }
    [[nodiscard]] QPlainTextEdit *outputView() const { return m_output; }
    [[nodiscard]] QPushButton *retryButton() const { return m_retry; }
    [[nodiscard]] QPushButton *skipButton() const { return m_skip; }
    [[nodiscard]] QPushButton *abortButton() const { return m_abort; }
    [[nodiscard]] QPushButton *continueButton() const { return m_continue; }
    [[nodiscard]] QPushButton *doneButton() const { return m_done; }
    [[nodiscard]] QPushButton *notDoneButton() const { return m_notDone; }
    [[nodiscard]] QPushButton *openIncidentButton() const { return m_openIncident; }
    [[nodiscard]] bool isFinished() const;

signals:
    void openIncidentRequested(const QString &version);
    void movedToBackground();  // closed while the rollback runs on

public slots:
    void reject() override;

private:
    QWidget *buildStepPane();
    QWidget *buildOutputPane();
    QWidget *buildDecisionBoxes();
    void connectService();
    void fillSteps();
    void updateRow(int index);
    void updateStatus();
    void updateActions();
    void selectStep(int index);
    void showSelectedOutput();
    void appendOutput(int index, const QString &chunk);
    void onWaiting(int index, const QString &instruction);
    void onHalted(int index, const QString &why);
    void askSkip();
    void askAbort();
    void askNotDone();
    void answerManual(bool done, const QString &note);
    [[nodiscard]] int selectedStep() const;
    [[nodiscard]] int runningStep() const;
    [[nodiscard]] int interruptedStep() const;
    [[nodiscard]] const PlannedRollbackStep *planned(int index) const;

    RollbackService *m_rollbacks;
    RollbackRecord m_record;
    QMap<int, QString> m_outputs;  // per step: stored output, then live chunks
    int m_waitingIndex = -1;  // the step waiting for a person
    QString m_waitingInstruction;
    QString m_haltWhy;
    bool m_followRunning = true;  // the output follows the running step until a person picks one
    QTimer *m_ticker;
    QLabel *m_title;
    QLabel *m_status;
    QTreeWidget *m_steps;
    QLabel *m_call;
    QPlainTextEdit *m_output;
    QFrame *m_manualBox;
    QLabel *m_instruction;
    QPushButton *m_done;
    QPushButton *m_notDone;
    QFrame *m_haltBox;
    QLabel *m_haltText;
    QPushButton *m_retry;
    QPushButton *m_skip;
    QPushButton *m_abort;
    QPushButton *m_continue;
    QFrame *m_finishedBox;
    QLabel *m_summary;
    QPushButton *m_openIncident;
};

// One line on how a finished rollback went: "Succeeded in 2 min 3 s: 6 steps succeeded, 1 skipped".
QString rollbackSummary(const RollbackRecord &record);

}  // namespace cockpit
