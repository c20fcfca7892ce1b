#pragma once
// One soak check drawn over time: its series, the limit line, bands where the series is beyond the
// limit, and the scheduled measurements marked by status (colour, shape and legend text). Drag
// pans, the wheel and a Shift-drag rubber band zoom, a double click returns to the chosen range.
// Every update replaces each Qt Charts series in one call with points already reduced to the
// plot's pixel width, so a live refresh repaints once and an 11,000-point series stays cheap.
#include "soak_timeline.h"
#include "soak_types.h"

#include <QTimer>
#include <QtCharts/QChartView>
#include <optional>

class QAreaSeries;
class QDateTimeAxis;
class QLegendMarker;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace cockpit {

// A rollback trigger on the query a check draws: its threshold is drawn like the check's limit.
struct TriggerLimit {
    QString name;
    double value = 0;
    bool max = true;  // fires above (max:) or below (min:)
    friend bool operator==(const TriggerLimit &, const TriggerLimit &) = default;
};

// The time spans the range buttons offer; the last ones end at the evaluation's "now".
enum class SoakRange { SoakWindow, LastHour, Last6Hours, Last24Hours };

class SoakChart : public QChartView {
    Q_OBJECT
public:
    explicit SoakChart(QWidget *parent = nullptr);

    // Replaces what the chart shows. samples ascend in time; window is the soak's [start, end];
    // now anchors the "last N hours" ranges (the evaluation time, live or recorded).
    void setCheck(const CheckResult &check, const QList<Sample> &samples, const QDateTime &windowStart,
        const QDateTime &windowEnd, const QDateTime &now);
    // What is drawn over the series (issue 18): the events annotated (deploy, breaches, trigger
    // fire and resolve) and the thresholds of triggers on this check's query. Takes effect with
    // the next setCheck().
    void setOverlay(const QList<SoakEvent> &events, const QList<TriggerLimit> &triggerLimits);
    [[nodiscard]] QList<SoakEvent> events() const { return m_events; }
    // Shows a preset range and follows it on later updates until the user pans or zooms.
    void showRange(SoakRange range);
    // Shows [fromMs, toMs] as if the user had panned or zoomed there (another chart was).
    void setView(qint64 fromMs, qint64 toMs);

    // The crosshair at a time (shared by every chart of the tab), none to hide it.
    void setCrosshair(std::optional<qint64> timeMs);
    [[nodiscard]] std::optional<qint64> crosshair() const { return m_crosshairMs; }
    // What the readout beside the crosshair says, one line per series: the time, the value (or
    // "no data"), the limit, trigger thresholds and the measurement scheduled there.
    [[nodiscard]] QStringList readout() const;
    // The line as drawn: one series per unbroken run of samples, and the spans without data
    // (gaps, and the greyed time after the last sample while no new data comes).
    [[nodiscard]] QList<QLineSeries *> valueSegments() const;
    [[nodiscard]] QList<TimeSpan> missing() const { return m_missing; }
    [[nodiscard]] QAreaSeries *missingSeries() const { return m_missingArea; }
    [[nodiscard]] QLineSeries *lastValueSeries() const { return m_lastValue; }
    [[nodiscard]] QList<QLineSeries *> triggerLimitSeries() const;
    // The width the legend's entries need in one row, labels in full (the legend never elides).
    [[nodiscard]] int legendWidthNeeded() const;
    [[nodiscard]] bool legendElided() const;  // some label is cut short where the legend is
    // The point on screen (viewport coordinates) of a time and value.
    [[nodiscard]] QPoint viewportPoint(qint64 timeMs, double value) const;
    [[nodiscard]] SoakRange range() const { return m_range; }
    [[nodiscard]] bool followsRange() const { return !m_userRange; }

    [[nodiscard]] QString checkName() const { return m_check.name; }
    [[nodiscard]] std::optional<double> limit() const;  // the line drawn (max, else min)
    [[nodiscard]] qint64 visibleFromMs() const { return m_fromMs; }
    [[nodiscard]] qint64 visibleToMs() const { return m_toMs; }
    [[nodiscard]] QLineSeries *valueSeries() const { return m_value; }
    [[nodiscard]] QLineSeries *limitSeries() const { return m_limit; }
    [[nodiscard]] QAreaSeries *breachSeries() const { return m_breach; }
    [[nodiscard]] QScatterSeries *measurementSeries(MeasurementStatus status) const;
    [[nodiscard]] QValueAxis *valueAxis() const { return m_axisY; }

signals:
    // The pointer is over the plot at a time (none: it left); the tab moves every crosshair.
    void hovered(std::optional<qint64> timeMs);
    // The user panned or zoomed to [fromMs, toMs], or went back to the chosen range (reset).
    void viewChanged(qint64 fromMs, qint64 toMs);
    void viewReset();

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void leaveEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;  // a palette change re-themes the chart

private:
    void applyPalette();  // theme, axes, series and legend colours from the widget's palette
    void buildSeries();
    void connectLegendMarker(QLegendMarker *marker);
    void applyPresetRange();  // the chosen range, widened to round times
    void applyRange(qint64 fromMs, qint64 toMs);
    void syncSeries();  // only series with something to show take a legend entry
    void adoptAxisRange();  // after Qt Charts moved the axis itself (scroll, rubber band)
    void scheduleRefresh();
    void refresh();  // downsample the visible slice and replace the series
    void refreshValue(int columns);
    void refreshMissing(int columns);
    void refreshTriggerLimits();
    void drawEvents(QPainter *painter, const QRectF &plot);
    void drawCrosshair(QPainter *painter, const QRectF &plot);
    void userMovedView();
    void fitLegend();  // below the plot when every entry fits in full there, else beside it  // after a pan or zoom by the user: follow no range, tell the other charts
    void refreshLimit();
    void refreshMarkers();
    void refreshBreaches(int columns);
    void updateValueAxis();
    [[nodiscard]] std::pair<qint64, qint64> rangeFor(SoakRange range) const;
    [[nodiscard]] int plotColumns() const;

    CheckResult m_check;
    QList<Sample> m_samples;
    QList<SoakEvent> m_events;
    QList<TriggerLimit> m_triggerLimits;
    QList<TimeSpan> m_missing;
    qint64 m_gapMs = 1000;
    std::optional<qint64> m_crosshairMs;
    qint64 m_windowStartMs = 0;
    qint64 m_windowEndMs = 0;
    qint64 m_nowMs = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    double m_yLow = 0;
    double m_yHigh = 1;
    SoakRange m_range = SoakRange::SoakWindow;
    bool m_userRange = false;
    std::optional<QPoint> m_panFrom;
    QTimer m_refreshTimer;  // coalesces pan, zoom and resize into one refresh per event loop turn

    QDateTimeAxis *m_axisX = nullptr;
    QValueAxis *m_axisY = nullptr;
    QLineSeries *m_value = nullptr;
    QLineSeries *m_limit = nullptr;
    QLineSeries *m_breachUpper = nullptr;
    QLineSeries *m_breachLower = nullptr;
    QAreaSeries *m_breach = nullptr;
    QScatterSeries *m_markers[4] = {};  // pass, fail, error, no data
    QList<QLineSeries *> m_segments;  // runs after the first (m_value); no legend entry of their own
    QLineSeries *m_missingUpper = nullptr;
    QLineSeries *m_missingLower = nullptr;
    QAreaSeries *m_missingArea = nullptr;
    QLineSeries *m_lastValue = nullptr;  // the last value, greyed, from the last sample to now
    QList<QLineSeries *> m_triggerLines;
};

// The colour, legend text and marker shape of a measurement status, shared with the panel.
QColor measurementColor(MeasurementStatus status);
QString measurementTitle(MeasurementStatus status);  // "✓ Pass", "✗ Fail", "! Error", "? No data"

}  // namespace cockpit
