#pragma once
// View ▸ Release Calendar: upcoming releases and code freezes from the policy's trains, cadences
// and calendar, with the releases already in the store. A month grid marks the days (train colour;
// freezes in italics, today framed) beside the month's events listed by week; selecting a day or an
// event shows its details (time in its zone and in local time, cadence, source). Previous/Next
// step through months; text the policy's trains cannot be read by is shown with its file:line:col.
#include "release_calendar.h"

#include <QDate>
#include <QWidget>
#include <memory>

class QCalendarWidget;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
class QVBoxLayout;

namespace cockpit {

class MetricsService;
class Session;

class CalendarWindow : public QWidget {
    Q_OBJECT
public:
    explicit CalendarWindow(Session *session, QWidget *parent = nullptr);
    ~CalendarWindow() override;

    void showMonth(int year, int month);  // loads that month
    void showPreviousMonth();
    void showNextMonth();
    [[nodiscard]] QDate shownMonth() const { return m_month; }  // its first day
    // Events of the shown month (both dates inclusive) as loaded.
    [[nodiscard]] const ReleaseCalendar &calendar() const { return m_calendar; }
    [[nodiscard]] bool showsEmptyState() const;
    [[nodiscard]] QString detailsText() const;
    void selectDate(const QDate &date);  // as if clicked in the grid

    // A train's colour (stable per name); releases without a train use the palette's highlight.
    static QColor trainColor(const QString &train);

signals:
    void loaded();  // after each month's events are shown (or an error)

private:
    void buildUi();
    void buildPanes(QVBoxLayout *layout);  // grid | events and details, warnings
    void reload();
    void showCalendar(const ReleaseCalendar &calendar);
    void markGrid();
    void fillList();
    void showDetails(const QList<CalendarEvent> &events);
    void onItemSelected(QTreeWidgetItem *item);

    Session *m_session = nullptr;
    MetricsService *m_metrics = nullptr;  // the session's
    QDate m_month;
    ReleaseCalendar m_calendar;
    QCalendarWidget *m_grid = nullptr;
    QLabel *m_monthLabel = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_warnings = nullptr;
    int m_generation = 0;
};

}  // namespace cockpit
