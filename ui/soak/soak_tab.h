#pragma once
// The incident lead's view: one chart per soak check of the policy, the decision panel beside
// them, the stale-data and trigger banners above. It shows the stored soak of the selected release
// and environment (recorded mode) or follows a running one (live mode). A PASS ticks the checklist
// items bound to `check: soak ENV`, with the verdict as evidence.
#include "release_tab.h"
#include "soak_chart.h"
#include "soak_recording.h"
#include "policy.h"
#include "soak_run.h"

#include <QSet>

class QButtonGroup;
class QComboBox;
class QGridLayout;
class QLabel;
class QScrollArea;
class QStackedWidget;

namespace cockpit {

class CanaryStrip;
class SoakBanners;
class SoakMonitor;
struct CanaryStatus;
struct Deployment;
class SoakDecisionPanel;

class SoakTab : public ReleaseTab {
    Q_OBJECT
public:
    explicit SoakTab(QWidget *parent = nullptr);
    ~SoakTab() override;

    void setSession(Session *session) override;
    void showRelease(const ReleaseRecord &release) override;

    // Shows a stored soak as it was recorded (no Prometheus); a completed PASS applies its outcome.
    void showRecording(const SoakRecording &recording);
    // Shows a stored run, named in the mode line ("run #12"); only the deployment's own run ticks.
    void showRun(const SoakRunRecording &run);
    // Draws an evaluation with the series behind each check (by check name). live: times are
    // "now" and a fired trigger goes to the desktop; recorded: history, the banner only.
    void showEvaluation(
        const SoakEvaluation &evaluation, const QMap<QString, QList<Sample>> &series, bool live);
    void showStale(const QString &reason);
    void clearStale();

    [[nodiscard]] QString environment() const;
    [[nodiscard]] QList<SoakChart *> charts() const { return m_charts; }
    [[nodiscard]] SoakDecisionPanel *decisionPanel() const { return m_panel; }
    [[nodiscard]] SoakBanners *banners() const { return m_banners; }
    [[nodiscard]] CanaryStrip *canaryStrip() const { return m_canary; }
    [[nodiscard]] QString modeText() const;
    // "Updated 10:53:04" while live: when the shown data last came from Prometheus (issue 18).
    [[nodiscard]] QString updatedText() const;
    [[nodiscard]] bool showsSoak() const;  // false while a hint ("no soak yet") is shown
    [[nodiscard]] bool isLive() const;  // following a deployment's soak through Prometheus
    // The start of the canary phase followed live (invalid when the tab shows no canary phase).
    [[nodiscard]] QDateTime followedPhase() const { return m_followedPhase; }
    // The run shown (none while live or with a hint), and the history offered (runs, oldest first).
    [[nodiscard]] std::optional<SoakRun> shownRun() const { return m_shownRun; }
    [[nodiscard]] QList<SoakRun> history() const { return m_history; }

signals:
    // A fired trigger's banner asked for the rollback (wired by the rollback feature).
    void rollbackRequested(const QString &version, const QString &triggerName);
    // A recording was loaded and drawn (tests and the screenshot wait for it).
    void soakShown(const QString &version, const QString &environment);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildToolbar();
    void raiseForScreenshot();
    void showHint(const QString &text);
    void loadEnvironment();
    void loadHistory(const QString &version, const QString &env, quint64 generation);
    void showHistoryEntry(int index);
    void ensureCharts(const QList<CheckResult> &checks);
    void layoutCharts();
    void applyPass(const SoakEvaluation &evaluation);
    // The queries behind the shown soak: a trigger on a check's query has its threshold drawn on
    // that check's chart.
    void rememberQueries(const SoakRecording &recording);
    [[nodiscard]] QList<TriggerLimit> triggerLimitsFor(
        const CheckResult &check, const QList<TriggerResult> &results) const;
    void connectChart(SoakChart *chart);
    void checkRollbackTarget(const QString &trigger);
    void showUpdated(const QDateTime &at);
    // Live mode (soak_tab_live.cpp): with no stored soak, a recorded deployment to the shown
    // environment is followed through Prometheus; the finished soak is stored.
    void followDeployment(
        const QString &version, const QString &env, quint64 generation, const QString &noSoakHint);
    void startLive(const Deployment &deployment, quint64 generation);
    void stopLive();
    // A monitor for the shown soak, wired to the charts and banners; false when the answer is for a
    // release or environment no longer shown, or there is no Prometheus.
    bool createMonitor(quint64 generation);
    // The release's stored soak of env, or its deployment there followed live.
    void loadReleaseSoak(const QString &version, const QString &env, quint64 generation);
    // Canary mode (soak_tab_canary.cpp): while the release's canary runs in the shown environment,
    // the charts are its current phase's checks from the phase's start, followed live; the phase's
    // verdict is the canary's (Session::canaryStep), so nothing is stored or ticked from here.
    void loadCanaryPhase(const QString &version, const QString &env, quint64 generation);
    void followCanaryPhase(const CanaryStatus &status, quint64 generation);
    void canaryMoved();
    void showLive(const SoakEvaluation &evaluation);
    void storeFinished(const SoakEvaluation &evaluation);

    Session *m_session = nullptr;
    ReleaseRecord m_release;
    quint64 m_generation = 0;  // drops answers for a release or environment no longer shown
    QString m_candidate;  // the version the shown soak was of ("3.7.0-rc1")
    QSet<QString> m_applied;  // "version/env" whose PASS was already applied this session
    SoakRange m_range = SoakRange::SoakWindow;

    std::optional<SoakRun> m_shownRun;
    QDateTime m_followedPhase;  // phaseStartedAt of the canary phase followed live
    QString m_startLabel;  // the charts' start marker when it is not a deployment ("Phase 2 · 50%")
    QList<SoakRun> m_history;
    QMap<QString, QString> m_checkQueries;  // check name -> query
    QList<TriggerPolicy> m_triggerPolicies;

    QComboBox *m_environments;
    QComboBox *m_runs;  // the release's soak, then every run of the environment (newest first)
    QLabel *m_mode;
    QLabel *m_updated;
    QButtonGroup *m_rangeButtons;
    SoakBanners *m_banners;
    CanaryStrip *m_canary = nullptr;
    QStackedWidget *m_stack;
    QLabel *m_hint;
    QScrollArea *m_chartsArea;
    QWidget *m_chartsHost;
    QGridLayout *m_chartsGrid;
    SoakDecisionPanel *m_panel;
    QList<SoakChart *> m_charts;
    int m_columns = 0;
    SoakMonitor *m_monitor = nullptr;
};

}  // namespace cockpit
