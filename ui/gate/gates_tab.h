#pragma once
// The Gates tab: every policy gate of the release with its kind, status (stale when it ran on
// another commit), last run (who, when, commit) and output tail; Run All / Run Selected through
// Session::runGates with the running gate's live output, Cancel (stops its process group), and
// Confirm… for a manual gate as the session's identity.
#include "gate_run.h"
#include "release_tab.h"

#include <QMap>
#include <stop_token>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace cockpit {

class GatesTab : public ReleaseTab {
    Q_OBJECT
public:
    explicit GatesTab(QWidget *parent = nullptr);
    ~GatesTab() override;
    void setSession(Session *session) override;
    void showRelease(const ReleaseRecord &release) override;

    // Makes the gate current (the "Why blocked?" panel's gate:NAME); false if there is none.
    bool selectGate(const QString &name);
    [[nodiscard]] QTreeWidget *gatesView() const { return m_gates; }
    [[nodiscard]] QPlainTextEdit *outputView() const { return m_output; }
    [[nodiscard]] bool isRunning() const { return m_running; }

signals:
    void statusLoaded();  // the stored status arrived
    void runFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;  // palette changes recolour the statuses

private:
    void scheduleReload();
    void reload();
    void showRun(const GateRun &run);
    void updateGate(const GateResult &result);
    void fillRow(int row, const GateResult &result);
    void run(const QString &only, const QStringList &confirm);
    void confirmSelected();
    void showSelectedOutput();
    void updateActions();
    [[nodiscard]] int selectedRow() const;

    Session *m_session = nullptr;
    QString m_version;
    quint64 m_generation = 0;
    GateRun m_run;
    bool m_running = false;
    QString m_runningGate;
    std::stop_source m_stop;
    QMap<QString, QString> m_live;  // gate -> output read while it runs
    QTimer *m_reloadTimer;
    QLabel *m_summary;
    QTreeWidget *m_gates;
    QPlainTextEdit *m_output;
    QPushButton *m_runAll;
    QPushButton *m_runSelected;
    QPushButton *m_cancel;
    QPushButton *m_confirm;
};

}  // namespace cockpit
