#pragma once
// The Environments tab (issue 15, items 2 and 2b): every environment of the policy in promotion
// order with what it runs now (probed), what the cockpit last deployed there, since when, and
// drift between the two (a banner when any drifts); for the selected release, Mark Deployed…
// (enabled only when the promotion guard holds, its blockers in the tooltip) and Probe, whose
// stored result shows below the table. Every action is a Session use case.
#include "environment_status.h"
#include "release_tab.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace cockpit {

struct Blocker;

class EnvironmentsTab : public ReleaseTab {
    Q_OBJECT
public:
    explicit EnvironmentsTab(QWidget *parent = nullptr);
    void setSession(Session *session) override;
    void showRelease(const ReleaseRecord &release) override;

    [[nodiscard]] QTreeWidget *environmentsView() const { return m_table; }
    [[nodiscard]] QLabel *driftBanner() const { return m_drift; }
    [[nodiscard]] QPushButton *deployButton() const { return m_deploy; }
    [[nodiscard]] QPlainTextEdit *detailsView() const { return m_details; }
    // Probes every environment again (what the Refresh button does).
    void refresh();
    // Makes the environment current; false if the policy has no such environment.
    bool selectEnvironment(const QString &name);

signals:
    void environmentsLoaded();  // a refresh finished (the table shows its rows)
    void guardLoaded();  // the selected environment's deploy blockers arrived
    void deployFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;  // palette changes recolour the states
    void showEvent(QShowEvent *event) override;  // the first look probes: never behind the user's back

private:
    void showRows(const QList<EnvironmentStatus> &rows);
    void fillRow(int row);
    void loadGuard();
    void loadDetails();
    void markDeployed();
    void probeSelected();
    void updateActions();
    [[nodiscard]] QString selectedName() const;

    Session *m_session = nullptr;
    QString m_version;
    quint64 m_generation = 0;
    bool m_busy = false;
    QTimer *m_watch = nullptr;  // re-probes every five minutes once the tab was first shown
    QList<EnvironmentStatus> m_rows;
    QStringList m_blockers;  // the selected environment's deploy blockers, for this release
    bool m_guardKnown = false;
    QLabel *m_drift;
    QLabel *m_summary;
    QTreeWidget *m_table;
    QPlainTextEdit *m_details;
    QPushButton *m_refresh;
    QPushButton *m_deploy;
    QPushButton *m_probe;
};

}  // namespace cockpit
