#include "calendar_window.h"
#include "dialog_keys.h"

#include "future_watch.h"
#include "metrics_service.h"
#include "session.h"
#include "state_style.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QTextCharFormat>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cockpit {
namespace {

constexpr int kEventRole = Qt::UserRole + 1;  // index into the calendar's events

QIcon swatch(const QColor &color, bool freeze)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color, 2));
    p.setBrush(freeze ? QBrush(color, Qt::BDiagPattern) : QBrush(color));  // freezes: hatched
    p.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pixmap);
}

// "overdue since 26 Nov", as the header and `release status` say it.
QString overdueText(const QDate &since)
{
    return CalendarWindow::tr("overdue since %1").arg(QLocale().toString(since, QStringLiteral("d MMM")));
}

QString eventHtml(const CalendarEvent &e)
{
    QStringList lines {QStringLiteral("<b>%1</b>").arg(e.title.toHtmlEscaped()),
        QStringLiteral("%1, %2").arg(
            QLocale().toString(e.date, QLocale::LongFormat), calendarTimeText(e).toHtmlEscaped())};
    QStringList facts;
    if (!e.version.isEmpty())
        facts << CalendarWindow::tr("version %1").arg(e.version.toHtmlEscaped());
    if (!e.train.isEmpty())
        facts << CalendarWindow::tr("train %1").arg(e.train.toHtmlEscaped());
    if (!e.state.isEmpty())
        facts << CalendarWindow::tr("state %1").arg(e.state.toHtmlEscaped());
    if (e.overdueSince)
        facts << QStringLiteral("<b>%1</b>").arg(overdueText(*e.overdueSince).toHtmlEscaped());
    facts << CalendarWindow::tr("from the %1").arg(calendarSourceName(e.source));
    lines << facts.join(QStringLiteral(" · "));
    if (!e.detail.isEmpty())
        lines << e.detail.toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

}  // namespace

CalendarWindow::CalendarWindow(Session *session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
{
    setObjectName(QStringLiteral("calendarWindow"));
    setWindowTitle(tr("Release Calendar"));
    if (m_session)
        m_metrics = &m_session->metrics();
    closeOnEscapeOrCtrlW(this);
    buildUi();
    resize(1100, 640);
    const QDate today = QDate::currentDate();
    showMonth(today.year(), today.month());
}

CalendarWindow::~CalendarWindow() = default;

QColor CalendarWindow::trainColor(const QString &train)
{
    static const QColor colors[]
        = {QColor(0x1f, 0x77, 0xb4), QColor(0xd9, 0x6c, 0x00), QColor(0x2e, 0x9d, 0x4f),
            QColor(0x9b, 0x3f, 0xb8), QColor(0xc0, 0x39, 0x2b), QColor(0x00, 0x86, 0x8b)};
    if (train.isEmpty())
        return QColor(0x5d, 0x6d, 0x7e);
    return colors[qHash(train, 7) % 6];
}

void CalendarWindow::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    auto *previous = new QPushButton(tr("◀ Previous"), this);
    previous->setObjectName(QStringLiteral("calendarPrevious"));
    auto *next = new QPushButton(tr("Next ▶"), this);
    next->setObjectName(QStringLiteral("calendarNext"));
    auto *today = new QPushButton(tr("Today"), this);
    m_monthLabel = new QLabel(this);
    m_monthLabel->setObjectName(QStringLiteral("calendarMonth"));
    QFont big = m_monthLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_monthLabel->setFont(big);
    connect(previous, &QPushButton::clicked, this, &CalendarWindow::showPreviousMonth);
    connect(next, &QPushButton::clicked, this, &CalendarWindow::showNextMonth);
    connect(today, &QPushButton::clicked, this, [this] {
        showMonth(QDate::currentDate().year(), QDate::currentDate().month());
        m_grid->setSelectedDate(QDate::currentDate());
    });
    bar->addWidget(previous);
    bar->addWidget(m_monthLabel, 1, Qt::AlignCenter);
    bar->addWidget(today);
    bar->addWidget(next);
    layout->addLayout(bar);
    buildPanes(layout);
}

void CalendarWindow::buildPanes(QVBoxLayout *layout)
{
    auto *splitter = new QSplitter(this);
    m_grid = new QCalendarWidget(splitter);
    m_grid->setObjectName(QStringLiteral("calendarGrid"));
    m_grid->setNavigationBarVisible(false);
    m_grid->setVerticalHeaderFormat(QCalendarWidget::ISOWeekNumbers);
    m_grid->setFirstDayOfWeek(Qt::Monday);
    m_grid->setMinimumSize(380, 300);
    connect(m_grid, &QCalendarWidget::clicked, this, &CalendarWindow::selectDate);
    connect(m_grid, &QCalendarWidget::activated, this, &CalendarWindow::selectDate);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(right);
    m_empty->setObjectName(QStringLiteral("calendarEmpty"));
    m_empty->setWordWrap(true);
    m_empty->hide();
    rightLayout->addWidget(m_empty);
    m_list = new QTreeWidget(right);
    m_list->setObjectName(QStringLiteral("calendarEvents"));
    m_list->setHeaderLabels({tr("Day"), tr("Time"), tr("Event"), tr("Version"), tr("From")});
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
        [this](QTreeWidgetItem *item) { onItemSelected(item); });
    rightLayout->addWidget(m_list, 2);
    m_details = new QLabel(right);
    m_details->setObjectName(QStringLiteral("calendarDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->setMargin(8);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMinimumHeight(140);
    rightLayout->addWidget(m_details, 1);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    m_warnings = new QLabel(this);
    m_warnings->setObjectName(QStringLiteral("calendarWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_warnings);
}

void CalendarWindow::showMonth(int year, int month)
{
    m_month = QDate(year, month, 1);
    m_monthLabel->setText(QLocale().standaloneMonthName(month) + QLatin1Char(' ') + QString::number(year));
    m_grid->setCurrentPage(year, month);
    reload();
}

void CalendarWindow::showPreviousMonth()
{
    const QDate d = m_month.addMonths(-1);
    showMonth(d.year(), d.month());
}

void CalendarWindow::showNextMonth()
{
    const QDate d = m_month.addMonths(1);
    showMonth(d.year(), d.month());
}

bool CalendarWindow::showsEmptyState() const
{
    return !m_empty->isHidden();
}

QString CalendarWindow::detailsText() const
{
    return m_details->text();
}

void CalendarWindow::reload()
{
    if (!m_metrics) {
        m_empty->setText(tr("Open a workspace to see its release calendar."));
        m_empty->show();
        emit loaded();
        return;
    }
    const int generation = ++m_generation;
    const QDate last = m_month.addMonths(1).addDays(-1);
    whenReady(
        this, m_metrics->calendar(m_month, last), [this, generation](const Result<CalendarSnapshot> &result) {
            if (generation != m_generation)
                return;
            if (result) {
                showCalendar(result->calendar);
                return;
            }
            showCalendar({});
            m_empty->setText(result.error().toString());
            m_empty->show();
        });
}

void CalendarWindow::showCalendar(const ReleaseCalendar &calendar)
{
    m_calendar = calendar;
    markGrid();
    fillList();
    QStringList warnings;
    for (const CalendarWarning &w : calendar.warnings)
        warnings << w.toString();
    m_warnings->setText(
        warnings.isEmpty() ? QString() : tr("Policy text not understood:\n%1").arg(warnings.join(u'\n')));
    m_warnings->setVisible(!warnings.isEmpty());
    const bool hasSchedule = m_session
        && (!m_session->workspace().policy.trains.isEmpty()
            || !m_session->workspace().policy.calendar.isEmpty());
    m_empty->setText(hasSchedule
            ? tr("No releases or code freezes in %1.").arg(m_monthLabel->text())
            : tr("No releases or code freezes in %1. The policy has no release trains or "
                 "calendar (keys trains: and calendar:), and no release in the store has a "
                 "target date this month.")
                  .arg(m_monthLabel->text()));
    m_empty->setVisible(calendar.events.isEmpty());
    m_details->setText(
        calendar.events.isEmpty() ? QString() : tr("Select a day or an event to see its details."));
    emit loaded();
}

void CalendarWindow::markGrid()
{
    m_grid->setDateTextFormat(QDate(), QTextCharFormat());  // clears every mark
    const QPalette pal = palette();
    QHash<QDate, QList<const CalendarEvent *>> byDate;
    for (const CalendarEvent &e : m_calendar.events)
        byDate[e.date] << &e;
    for (auto it = byDate.cbegin(); it != byDate.cend(); ++it) {
        const CalendarEvent *first = it.value().first();
        for (const CalendarEvent *e : it.value()) {
            if (e->kind == CalendarEventKind::Release) {
                first = e;  // a release day shows the release's colour
                break;
            }
        }
        QTextCharFormat format;
        const bool release = first->kind == CalendarEventKind::Release;  // freezes and cleanups are lighter
        format.setBackground(blendOver(trainColor(first->train), release ? 130 : 60, pal.color(QPalette::Base)));
        format.setFontWeight(release ? QFont::Bold : QFont::Normal);
        format.setFontItalic(!release);
        QStringList tips;
        for (const CalendarEvent *e : it.value())
            tips << e->title;
        format.setToolTip(tips.join(u'\n'));
        m_grid->setDateTextFormat(it.key(), format);
    }
    QTextCharFormat today = m_grid->dateTextFormat(QDate::currentDate());
    today.setFontUnderline(true);
    today.setFontWeight(QFont::Black);
    today.setForeground(pal.color(QPalette::Highlight));
    today.setToolTip(today.toolTip().isEmpty() ? tr("Today") : tr("Today\n") + today.toolTip());
    m_grid->setDateTextFormat(QDate::currentDate(), today);
}

void CalendarWindow::fillList()
{
    m_list->clear();
    QTreeWidgetItem *week = nullptr;
    QDate weekStart;
    for (int i = 0; i < m_calendar.events.size(); ++i) {
        const CalendarEvent &e = m_calendar.events[i];
        const QDate monday = e.date.addDays(1 - e.date.dayOfWeek());
        if (!week || monday != weekStart) {
            weekStart = monday;
            week = new QTreeWidgetItem(
                m_list, {tr("Week of %1").arg(QLocale().toString(monday, QStringLiteral("ddd d MMM")))});
            QFont bold = week->font(0);
            bold.setBold(true);
            week->setFont(0, bold);
            week->setFirstColumnSpanned(true);
        }
        QString day = QLocale().toString(e.date, QStringLiteral("ddd d"));
        if (e.date == QDate::currentDate())
            day += tr(" (today)");
        auto *item = new QTreeWidgetItem(week,
            {day, calendarTimeText(e), e.title, e.version.isEmpty() ? QStringLiteral("–") : e.version,
                calendarSourceName(e.source)
                    + (e.state.isEmpty() ? QString() : QStringLiteral(" · ") + e.state)
                    + (e.overdueSince ? QStringLiteral(" · ") + overdueText(*e.overdueSince) : QString())});
        if (e.overdueSince) {
            item->setForeground(4, failureColor(palette()));
            item->setToolTip(4, item->text(4));
        }
        item->setIcon(2, swatch(trainColor(e.train), e.kind != CalendarEventKind::Release));
        item->setData(0, kEventRole, i);
        if (e.kind != CalendarEventKind::Release) {
            QFont italic = item->font(2);
            italic.setItalic(true);
            item->setFont(2, italic);
        }
    }
    m_list->expandAll();
}

void CalendarWindow::selectDate(const QDate &date)
{
    if (m_grid->selectedDate() != date)
        m_grid->setSelectedDate(date);
    QList<CalendarEvent> events;
    QTreeWidgetItem *firstItem = nullptr;
    for (QTreeWidgetItemIterator it(m_list); *it; ++it) {
        const QVariant index = (*it)->data(0, kEventRole);
        if (index.isValid() && m_calendar.events.at(index.toInt()).date == date) {
            events << m_calendar.events.at(index.toInt());
            if (!firstItem)
                firstItem = *it;
        }
    }
    if (firstItem) {
        const QSignalBlocker block(m_list);
        m_list->setCurrentItem(firstItem);
    }
    if (events.isEmpty())
        m_details->setText(tr("Nothing planned on %1.").arg(QLocale().toString(date, QLocale::LongFormat)));
    else
        showDetails(events);
}

void CalendarWindow::showDetails(const QList<CalendarEvent> &events)
{
    QStringList parts;
    for (const CalendarEvent &e : events)
        parts << eventHtml(e);
    m_details->setText(parts.join(QStringLiteral("<hr>")));
}

void CalendarWindow::onItemSelected(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const QVariant index = item->data(0, kEventRole);
    if (!index.isValid())
        return;
    const CalendarEvent &e = m_calendar.events.at(index.toInt());
    {
        const QSignalBlocker block(m_grid);
        m_grid->setSelectedDate(e.date);
    }
    showDetails({e});
}

}  // namespace cockpit
