#pragma once
// View ▸ Release Metrics: DORA metrics from the store and git (lead time, deployment frequency,
// change failure rate, time to restore) charted per week against the policy's targets, with the
// headline figures, their target and a met/missed mark spelled out (✓ Met / ✗ Missed, not colour
// alone). A range selector shows the last 30, 90 or 365 days; an empty history says so.
#include "metrics_service.h"

#include <QDateTime>
#include <QWidget>
#include <memory>

class QChartView;
class QComboBox;
class QLabel;
class QStackedWidget;

namespace cockpit {

class Session;

class MetricsWindow : public QWidget {
    Q_OBJECT
public:
    explicit MetricsWindow(Session *session, QWidget *parent = nullptr);
    ~MetricsWindow() override;

    // 30, 90 or 365; reloads.
    void setRangeDays(int days);
    [[nodiscard]] int rangeDays() const;
    // The end of the window (default: now, taken at each load); tests and screenshots pin it.
    void setNow(const QDateTime &now);
    void reload();

    [[nodiscard]] const DoraReport &report() const { return m_report; }
    [[nodiscard]] bool showsEmptyState() const;
    [[nodiscard]] QChartView *chart(const QString &objectName) const;

signals:
    void loaded();  // after each load, with its report shown (or its error)

private:
    void buildUi();
    void showSnapshot(const MetricsSnapshot &snapshot);
    void showError(const QString &message);
    void fillHeadlines();
    void fillCharts();

    Session *m_session = nullptr;
    MetricsService *m_metrics = nullptr;  // the session's
    QDateTime m_now;
    DoraReport m_report;
    QString m_incidentSource;
    QComboBox *m_range = nullptr;
    QLabel *m_window = nullptr;
    QList<QLabel *> m_headlines;  // lead time, frequency, failure rate, restore
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_notes = nullptr;
    QList<QChartView *> m_charts;
    int m_generation = 0;  // only the newest load is shown
};

}  // namespace cockpit
