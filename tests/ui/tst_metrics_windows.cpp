// The Release Calendar and Release Metrics windows offscreen on the demo workspace with its release
// history (demo_history.cpp), and on a workspace without history (the empty states). With
// COCKPIT_SCREENSHOT_DIR set, both windows are also saved there as calendar.png and metrics.png.
#include "calendar_window.h"
#include "demo_builder.h"
#include "metrics_window.h"
#include "session.h"

#include <QDir>
#include <QLabel>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtCharts/QChartView>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QLineSeries>
#include <QtConcurrent/QtConcurrentRun>

using namespace cockpit;

class TestMetricsWindows : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void metricsChartsFollowTheHistory();
    void metricsRangeSelector();
    void metricsEmptyState();
    void calendarMonthOfTheDemo();
    void calendarEmptyState();
    void toolWindowsCloseOnEscapeAndCtrlW();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Session> m_service;
    std::unique_ptr<Store> m_emptyStore;
    std::unique_ptr<Session> m_emptyService;
};

namespace {

const QDateTime kNow(QDate(2026, 11, 22), QTime(12, 0), Qt::UTC);

QLineSeries *series(QChartView *view, const QString &name)
{
    QLineSeries *found = nullptr;
    for (QAbstractSeries *s : view->chart()->series()) {
        if (s->objectName() == name && !found)
            found = qobject_cast<QLineSeries *>(s);
    }
    return found;
}

int seriesCount(QChartView *view, const QString &name)
{
    int n = 0;
    for (QAbstractSeries *s : view->chart()->series())
        n += s->objectName() == name ? 1 : 0;
    return n;
}

void saveShot(QWidget *window, const char *name)
{
    const QString dir = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(window->grab().save(QDir(dir).filePath(QString::fromLatin1(name))));
}

}  // namespace

void TestMetricsWindows::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString repo = m_dir.filePath(QStringLiteral("demo"));
    QVERIFY(buildDemoRepository(repo).has_value());
    auto workspace = Workspace::load(repo);
    QVERIFY2(workspace, workspace ? "" : qPrintable(workspace.error().toString()));
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("demo.sqlite"))).result().has_value());
    // The seeders block on the store: off this thread, as their contract asks.
    const Status seeded = QtConcurrent::run([&] {
        if (auto history = seedDemoHistory(m_store.get(), *workspace); !history)
            return history;
        return seedDemoRelease(m_store.get(), *workspace);
    }).result();
    QVERIFY2(seeded, seeded ? "" : qPrintable(seeded.error().toString()));
    m_service = std::make_unique<Session>(m_store.get(), *workspace, Identity {});
    const auto audit = m_store->verifyAudit().result();  // history written with past times
    QVERIFY(audit && audit->ok);
    // A demo directory built before, with a new database: the branch's commits are the same.
    Store again;
    QVERIFY(again.open(m_dir.filePath(QStringLiteral("again.sqlite"))).result().has_value());
    const Status reseeded = QtConcurrent::run([&] { return seedDemoHistory(&again, *workspace); }).result();
    QVERIFY2(reseeded, reseeded ? "" : qPrintable(reseeded.error().toString()));
    QCOMPARE(again.release(QStringLiteral("3.6.8")).result()->commit,
        m_store->release(QStringLiteral("3.6.8")).result()->commit);

    const QString plain = m_dir.filePath(QStringLiteral("plain"));
    QVERIFY(QDir().mkpath(plain));
    QCOMPARE(
        QProcess::execute(QStringLiteral("git"), {QStringLiteral("init"), QStringLiteral("-q"), plain}), 0);
    QVERIFY(initWorkspaceFromPreset(plain, QStringLiteral("promotion")).has_value());
    auto plainWorkspace = Workspace::load(plain);
    QVERIFY(plainWorkspace.has_value());
    m_emptyStore = std::make_unique<Store>();
    QVERIFY(m_emptyStore->open(m_dir.filePath(QStringLiteral("plain.sqlite"))).result().has_value());
    m_emptyService = std::make_unique<Session>(m_emptyStore.get(), *plainWorkspace, Identity {});
}

void TestMetricsWindows::metricsChartsFollowTheHistory()
{
    MetricsWindow window(m_service.get());
    QSignalSpy loaded(&window, &MetricsWindow::loaded);
    window.resize(1200, 860);
    window.show();
    window.setNow(kNow);
    QTRY_VERIFY(!loaded.isEmpty() && window.report().to == kNow);
    QVERIFY(!window.showsEmptyState());
    const DoraReport &r = window.report();
    // 90 days back from Sun Nov 22: the weeks of Mon Aug 24 .. Mon Nov 16 (13); production
    // deployments 3.6.1-3.6.8 (8) fall in 7 of them (3.6.5 and its hotfix share a week).
    QCOMPARE(r.weeks.size(), 13);
    QCOMPARE(r.productionDeployments, 8);
    QCOMPARE(r.failedDeployments, 1);  // 3.6.5, rolled back
    // Lead times (hours) of the 24 commits: each release's last commit 29h before production
    // (2h before staging, staging 27h before), the others spread back; 3.6.6's one 5h. Sorted,
    // the 12th and 13th are both 49h (3.6.5 and 3.6.7): median 49h (target 3d: met); p90 is the
    // 22nd, 3.6.2's first commit at 99h.
    QCOMPARE(r.leadTimeCommits, 24);
    QCOMPARE(r.leadTimeMedian->count(), 49 * 3600);
    QCOMPARE(r.leadTimeP90->count(), 99 * 3600);
    QCOMPARE(r.leadTimeStatus, TargetStatus::Met);
    QCOMPARE(r.restoreMedian->count(), 30 * 60);  // rollback asked 16:20, done 16:50
    QCOMPARE(r.restoreStatus, TargetStatus::Met);  // mttr: 1h
    QCOMPARE(r.changeFailureRateStatus, TargetStatus::Missed);  // 12.5% > 10%
    QCOMPARE(series(window.chart(QStringLiteral("frequencyChart")), QStringLiteral("values"))->count(), 13);
    QCOMPARE(series(window.chart(QStringLiteral("leadTimeChart")), QStringLiteral("values"))->count(), 7);
    QCOMPARE(series(window.chart(QStringLiteral("failureRateChart")), QStringLiteral("values"))->count(), 7);
    QCOMPARE(series(window.chart(QStringLiteral("restoreChart")), QStringLiteral("values"))->count(), 1);
    // One target line each (lead time 3d, patch Weekly, 10%, 1h), two points across the window.
    for (const char *name : {"leadTimeChart", "frequencyChart", "failureRateChart", "restoreChart"}) {
        QChartView *chart = window.chart(QString::fromLatin1(name));
        QCOMPARE(seriesCount(chart, QStringLiteral("target")), 1);
        QCOMPARE(series(chart, QStringLiteral("target"))->count(), 2);
    }
    QCOMPARE(series(window.chart(QStringLiteral("restoreChart")), QStringLiteral("target"))->at(0).y(), 60.0);
    // The headline marks say met or missed in words, not by colour alone.
    const QString failure = window.findChild<QLabel *>(QStringLiteral("headline2"))->text();
    QVERIFY2(failure.contains(QStringLiteral("✗ Missed")), qPrintable(failure));
    QVERIFY(failure.contains(QLatin1String("12.5%")));
    QVERIFY(
        window.findChild<QLabel *>(QStringLiteral("headline3"))->text().contains(QStringLiteral("✓ Met")));
    saveShot(&window, "metrics.png");
}

void TestMetricsWindows::metricsRangeSelector()
{
    MetricsWindow window(m_service.get());
    QSignalSpy loaded(&window, &MetricsWindow::loaded);
    window.setNow(kNow);
    QTRY_VERIFY(window.report().to == kNow);
    // A refill replaces the axes and deletes the old ones (removeAxis alone leaked them).
    const QList<QAbstractAxis *> before = window.chart(QStringLiteral("frequencyChart"))->chart()->axes();
    QCOMPARE(before.size(), 2);
    QList<QPointer<QAbstractAxis>> oldAxes;
    for (QAbstractAxis *axis : before)
        oldAxes << axis;
    loaded.clear();
    window.setRangeDays(30);
    QVERIFY(loaded.wait());
    QCOMPARE(window.rangeDays(), 30);
    QCOMPARE(window.chart(QStringLiteral("frequencyChart"))->chart()->axes().size(), 2);
    for (const QPointer<QAbstractAxis> &axis : oldAxes)
        QVERIFY(axis.isNull());
    // Oct 23 .. Nov 22: the weeks of Oct 19 .. Nov 16 (5); 3.6.5, 3.6.6, 3.6.7, 3.6.8 deployed.
    QCOMPARE(window.report().weeks.size(), 5);
    QCOMPARE(window.report().productionDeployments, 4);
    QCOMPARE(series(window.chart(QStringLiteral("frequencyChart")), QStringLiteral("values"))->count(), 5);
    loaded.clear();
    window.setRangeDays(365);
    QVERIFY(loaded.wait());
    QCOMPARE(window.report().weeks.size(), 53);
}

void TestMetricsWindows::metricsEmptyState()
{
    MetricsWindow window(m_emptyService.get());
    QSignalSpy loaded(&window, &MetricsWindow::loaded);
    QVERIFY(loaded.wait());
    QVERIFY(window.showsEmptyState());
    const QString text = window.findChild<QLabel *>(QStringLiteral("metricsEmpty"))->text();
    QVERIFY2(text.contains(QLatin1String("No production deployments")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("prod")));  // the promotion preset's production environment
}

void TestMetricsWindows::calendarMonthOfTheDemo()
{
    CalendarWindow window(m_service.get());
    QSignalSpy loaded(&window, &CalendarWindow::loaded);
    window.resize(1200, 700);
    window.show();
    window.showMonth(2026, 11);
    QTRY_VERIFY(!loaded.isEmpty() && window.shownMonth() == QDate(2026, 11, 1)
        && !window.calendar().events.isEmpty());
    QTRY_COMPARE(window.calendar().events.first().date.month(), 11);
    // Releases: platform Nov 3 (first Tuesday), 3.6.7 Nov 4 and 3.6.8 Nov 17 (store target dates),
    // minor train Nov 10 (biweekly from the 3.7.0 entry's week), 3.7.0 Nov 26 (calendar entry,
    // replacing the train's Nov 24); each with a D-2 freeze, and platform Dec 1's on Nov 29.
    QStringList releases;
    int freezes = 0;
    for (const CalendarEvent &e : window.calendar().events) {
        if (e.isFreeze())
            ++freezes;
        else
            releases
                << QStringLiteral("%1 %2").arg(e.date.day()).arg(e.version.isEmpty() ? e.train : e.version);
    }
    QCOMPARE(releases, QStringList({"3 platform", "4 3.6.7", "10 minor", "17 3.6.8", "26 3.7.0"}));
    QCOMPARE(freezes, 6);
    QVERIFY(!window.showsEmptyState());
    window.selectDate(QDate(2026, 11, 26));
    QVERIFY2(window.detailsText().contains(QLatin1String("3.7.0")), qPrintable(window.detailsText()));
    QVERIFY2(window.detailsText().contains(QLatin1String("candidate")), qPrintable(window.detailsText()));  // the store's state
    QVERIFY(window.detailsText().contains(QLatin1String("10:00 PT")));
    saveShot(&window, "calendar.png");
    loaded.clear();
    window.findChild<QPushButton *>(QStringLiteral("calendarNext"))->click();
    QVERIFY(loaded.wait());
    QCOMPARE(window.shownMonth(), QDate(2026, 12, 1));
    QCOMPARE(window.calendar().events.first().date, QDate(2026, 12, 1));  // platform, first Tuesday
}

// Like a dialog: Escape closes them, and Ctrl+W as a document window.
void TestMetricsWindows::toolWindowsCloseOnEscapeAndCtrlW()
{
    for (const auto &[key, modifiers] :
        {std::pair {Qt::Key_Escape, Qt::KeyboardModifiers {}}, std::pair {Qt::Key_W, Qt::KeyboardModifiers {Qt::ControlModifier}}}) {
        CalendarWindow calendar(m_emptyService.get());
        MetricsWindow metrics(m_emptyService.get());
        for (QWidget *window : {static_cast<QWidget *>(&calendar), static_cast<QWidget *>(&metrics)}) {
            window->show();
            window->activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(window));
            QTest::keyClick(window, key, modifiers);
            QTRY_VERIFY2(!window->isVisible(), qPrintable(window->objectName()));
        }
    }
}

void TestMetricsWindows::calendarEmptyState()
{
    CalendarWindow window(m_emptyService.get());
    QSignalSpy loaded(&window, &CalendarWindow::loaded);
    QVERIFY(loaded.wait());
    QVERIFY(window.showsEmptyState());
    const QString text = window.findChild<QLabel *>(QStringLiteral("calendarEmpty"))->text();
    QVERIFY2(text.contains(QLatin1String("no release trains")), qPrintable(text));
}

QTEST_MAIN(TestMetricsWindows)
#include "tst_metrics_windows.moc"
