#include "metrics_window.h"
#include "dialog_keys.h"

#include "future_watch.h"
#include "session.h"
#include "state_style.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtCharts/QChartView>

namespace cockpit {

// metrics_window_charts.cpp
struct MetricsChartTarget {
    QString label;
    double value = 0;
};
void fillMetricsChart(QChartView *view, const QString &yTitle, const QList<QPointF> &points,
    const QList<MetricsChartTarget> &targets, const QDateTime &from, const QDateTime &to, bool bars);

namespace {

using std::chrono::seconds;

struct ChartSpec {
    const char *objectName;
    const char *title;
};
const ChartSpec kCharts[] = {{"leadTimeChart", QT_TRANSLATE_NOOP("MetricsWindow", "Lead time for changes")},
    {"frequencyChart", QT_TRANSLATE_NOOP("MetricsWindow", "Deployment frequency")},
    {"failureRateChart", QT_TRANSLATE_NOOP("MetricsWindow", "Change failure rate")},
    {"restoreChart", QT_TRANSLATE_NOOP("MetricsWindow", "Time to restore")}};

QString counted(int n, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

QString durationText(const std::optional<seconds> &v)
{
    return v ? formatDuration(*v) : QStringLiteral("–");
}

// The mark is a symbol and a word, so it reads without colour too.
QString statusHtml(TargetStatus status, const QPalette &palette)
{
    switch (status) {
    case TargetStatus::Met:
        return QStringLiteral("<span style='color:%1'><b>✓ Met</b></span>")
            .arg(readableColor(QColor(0x2e, 0x9d, 0x4f), palette).name());
    case TargetStatus::Missed:
        return QStringLiteral("<span style='color:%1'><b>✗ Missed</b></span>")
            .arg(failureColor(palette).name());
    case TargetStatus::NoData:
        return MetricsWindow::tr("– No data");
    case TargetStatus::NoTarget:
        return MetricsWindow::tr("– No target in the policy");
    }
    return {};
}

QString card(const QString &title, const QString &value, const QString &detail, const QString &target,
    TargetStatus status, const QPalette &palette)
{
    return QStringLiteral("<div><b>%1</b></div><div style='font-size:x-large'>%2</div><div>%3</div>"
                          "<div>%4 %5</div>")
        .arg(title.toHtmlEscaped(), value.toHtmlEscaped(), detail.toHtmlEscaped(), target.toHtmlEscaped(),
            statusHtml(status, palette));
}

QList<QPointF> weekly(
    const QList<DoraWeek> &weeks, const std::function<std::optional<double>(const DoraWeek &)> &value)
{
    QList<QPointF> points;
    for (const DoraWeek &w : weeks) {
        if (const auto v = value(w))
            points << QPointF(double(w.start.startOfDay(Qt::UTC).toMSecsSinceEpoch()), *v);
    }
    return points;
}

}  // namespace

MetricsWindow::MetricsWindow(Session *session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
{
    setObjectName(QStringLiteral("metricsWindow"));
    setWindowTitle(tr("Release Metrics"));
    if (m_session)
        m_metrics = &m_session->metrics();
    closeOnEscapeOrCtrlW(this);
    buildUi();
    resize(1100, 820);
    reload();
}

MetricsWindow::~MetricsWindow() = default;

void MetricsWindow::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show the last"), this));
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("metricsRange"));
    for (int days : {30, 90, 365})
        m_range->addItem(tr("%1 days").arg(days), days);
    m_range->setCurrentIndex(1);
    connect(m_range, &QComboBox::currentIndexChanged, this, &MetricsWindow::reload);
    top->addWidget(m_range);
    m_window = new QLabel(this);
    m_window->setObjectName(QStringLiteral("metricsWindowLabel"));
    top->addWidget(m_window, 1);
    layout->addLayout(top);

    auto *cards = new QHBoxLayout;
    for (int i = 0; i < 4; ++i) {
        auto *label = new QLabel(this);
        label->setObjectName(QStringLiteral("headline%1").arg(i));
        label->setTextFormat(Qt::RichText);
        label->setFrameShape(QFrame::StyledPanel);
        label->setMargin(8);
        label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        label->setWordWrap(true);
        cards->addWidget(label, 1);
        m_headlines << label;
    }
    layout->addLayout(cards);

    m_stack = new QStackedWidget(this);
    auto *grid = new QWidget(m_stack);
    auto *gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < 4; ++i) {
        auto *view = new QChartView(grid);
        view->setObjectName(QString::fromLatin1(kCharts[i].objectName));
        view->chart()->setTitle(tr(kCharts[i].title));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(360, 240);
        gridLayout->addWidget(view, i / 2, i % 2);
        m_charts << view;
    }
    m_stack->addWidget(grid);
    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(QStringLiteral("metricsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("metricsNotes"));
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_notes);
}

void MetricsWindow::setRangeDays(int days)
{
    const int index = m_range->findData(days);
    if (index >= 0 && index != m_range->currentIndex())
        m_range->setCurrentIndex(index);  // reloads
    else
        reload();
}

int MetricsWindow::rangeDays() const
{
    return m_range->currentData().toInt();
}

void MetricsWindow::setNow(const QDateTime &now)
{
    m_now = now;
    reload();
}

bool MetricsWindow::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QChartView *MetricsWindow::chart(const QString &objectName) const
{
    for (QChartView *view : m_charts) {
        if (view->objectName() == objectName)
            return view;
    }
    return nullptr;
}

void MetricsWindow::reload()
{
    const QDateTime to = m_now.isValid() ? m_now.toUTC() : QDateTime::currentDateTimeUtc();
    const QDateTime from = to.addDays(-rangeDays());
    m_window->setText(tr("%1 – %2 (local time)")
                          .arg(QLocale().toString(from.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm")),
                              QLocale().toString(to.toLocalTime(), QStringLiteral("d MMM yyyy HH:mm"))));
    if (!m_metrics) {
        showError(tr("Open a workspace to see its release metrics."));
        return;
    }
    const int generation = ++m_generation;
    whenReady(this, m_metrics->metrics(from, to), [this, generation](const Result<MetricsSnapshot> &result) {
        if (generation != m_generation)
            return;  // a newer range was asked for meanwhile
        if (result)
            showSnapshot(*result);
        else
            showError(result.error().toString());
    });
}

void MetricsWindow::showError(const QString &message)
{
    m_report = {};
    m_empty->setText(message);
    m_stack->setCurrentWidget(m_empty);
    for (QLabel *label : std::as_const(m_headlines))
        label->clear();
    m_notes->clear();
    emit loaded();
}

void MetricsWindow::showSnapshot(const MetricsSnapshot &snapshot)
{
    m_report = snapshot.report;
    m_incidentSource = snapshot.incidentSource;
    fillHeadlines();
    if (m_report.isEmpty()) {
        m_empty->setText(tr("No production deployments or incidents in the last %1 days.\n\nDeploy a release "
                            "to %2 (release deployed VERSION --env %2) and its lead time, frequency and "
                            "failures appear here.")
                             .arg(rangeDays())
                             .arg(m_report.production.isEmpty() ? tr("production") : m_report.production));
        m_stack->setCurrentWidget(m_empty);
    } else {
        fillCharts();
        m_stack->setCurrentIndex(0);
    }
    QStringList notes = m_report.notes;
    if (m_incidentSource.contains(QLatin1String("audit")))
        notes.prepend(
            tr("Incidents of releases rolled back without a rollback record are timed from their audit "
               "entries."));
    notes.prepend(tr("Production environment: %1.").arg(m_report.production));
    m_notes->setText(notes.join(QLatin1Char('\n')));
    emit loaded();
}

void MetricsWindow::fillHeadlines()
{
    const DoraReport &r = m_report;
    const QPalette pal = palette();
    m_headlines[0]->setText(card(tr("Lead time (median)"), durationText(r.leadTimeMedian),
        tr("p90 %1 over %2")
            .arg(durationText(r.leadTimeP90), counted(r.leadTimeCommits, tr("commit"), tr("commits"))),
        r.leadTimeTarget ? tr("Target < %1:").arg(formatDuration(*r.leadTimeTarget)) : QString(),
        r.leadTimeStatus, pal));
    QStringList targets;
    for (const FrequencyTarget &t : r.frequencyTargets)
        targets << tr("%1 %2").arg(t.type, t.target);
    m_headlines[1]->setText(
        card(tr("Deployment frequency"), tr("%1 / week").arg(r.deploymentsPerWeek, 0, 'f', 1),
            tr("%1 to %2, %3 per 30 days")
                .arg(counted(r.productionDeployments, tr("deployment"), tr("deployments")), r.production)
                .arg(r.deploymentsPerMonth, 0, 'f', 1),
            targets.isEmpty() ? QString() : tr("Target %1:").arg(targets.join(QStringLiteral(", "))),
            r.frequencyStatus, pal));
    m_headlines[2]->setText(card(tr("Change failure rate"),
        r.changeFailureRate ? QStringLiteral("%1%").arg(*r.changeFailureRate, 0, 'f', 1)
                            : QStringLiteral("–"),
        tr("%1 of %2 followed by an incident")
            .arg(r.failedDeployments)
            .arg(counted(r.productionDeployments, tr("deployment"), tr("deployments"))),
        r.changeFailureRateTarget ? tr("Target < %1%:").arg(*r.changeFailureRateTarget) : QString(),
        r.changeFailureRateStatus, pal));
    m_headlines[3]->setText(card(tr("Time to restore (median)"), durationText(r.restoreMedian),
        r.unrecovered.isEmpty() ? counted(r.incidents, tr("incident"), tr("incidents"))
                                : tr("%1, %2 not recovered yet")
                                      .arg(counted(r.incidents, tr("incident"), tr("incidents")))
                                      .arg(r.unrecovered.size()),
        r.restoreTarget ? tr("Target < %1:").arg(formatDuration(*r.restoreTarget)) : QString(),
        r.restoreStatus, pal));
}

void MetricsWindow::fillCharts()
{
    const DoraReport &r = m_report;
    QList<MetricsChartTarget> lead, frequency, failure, restore;
    if (r.leadTimeTarget)
        lead << MetricsChartTarget {
            tr("Target %1").arg(formatDuration(*r.leadTimeTarget)), r.leadTimeTarget->count() / 3600.0};
    for (const FrequencyTarget &t : r.frequencyTargets) {
        if (t.targetPerWeek)
            frequency << MetricsChartTarget {tr("%1: %2").arg(t.type, t.target), *t.targetPerWeek};
    }
    if (r.changeFailureRateTarget)
        failure << MetricsChartTarget {
            tr("Target %1%").arg(*r.changeFailureRateTarget), *r.changeFailureRateTarget};
    if (r.restoreTarget)
        restore << MetricsChartTarget {
            tr("Target %1").arg(formatDuration(*r.restoreTarget)), r.restoreTarget->count() / 60.0};
    fillMetricsChart(m_charts[0], tr("hours (median)"),
        weekly(r.weeks, [](const DoraWeek &w) { return w.leadTimeHours; }), lead, r.from, r.to, false);
    fillMetricsChart(m_charts[1], tr("deployments per week"),
        weekly(r.weeks, [](const DoraWeek &w) { return std::optional<double>(w.deployments); }), frequency,
        r.from, r.to, true);
    fillMetricsChart(m_charts[2], tr("% of deployments"),
        weekly(r.weeks, [](const DoraWeek &w) { return w.changeFailureRate; }), failure, r.from, r.to, false);
    fillMetricsChart(m_charts[3], tr("minutes (median)"),
        weekly(r.weeks, [](const DoraWeek &w) { return w.restoreMinutes; }), restore, r.from, r.to, false);
}

}  // namespace cockpit
