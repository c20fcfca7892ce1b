// The Soak tab following a running soak (issue 18 item 3), offscreen: one crosshair across every
// chart with a readout of each series at that time; an outage drawn as a gap, the time after
// the last sample greyed with the last value kept; annotations for the deploy, a breach and a
// trigger's fire and resolve; trigger thresholds drawn like limits; zoom and pan on all charts;
// a rollback offer that says up front when there is nothing to roll back to. Screenshots go to
// $COCKPIT_SCREENSHOT_DIR (default: the temp dir) to be looked at.
#include "checklist_parser.h"
#include "demo_soak.h"
#include "session.h"
#include "store.h"
#include "policy_loader.h"
#include "soak_banners.h"
#include "soak_chart.h"
#include "soak_tab.h"

#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

using namespace cockpit;

namespace {

Policy gatedGaPolicy()
{
    QFile file(QStringLiteral(":/presets/gated-ga/policy.yml"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the gated-ga preset is not compiled in");
    auto policy = parsePolicy(file.readAll(), file.fileName());
    if (!policy)
        qFatal("%s", qPrintable(policy.error().toString()));
    return *policy;
}

SoakChart *chartNamed(const SoakTab &tab, const QString &name)
{
    for (SoakChart *chart : tab.charts())
        if (chart->checkName() == name)
            return chart;
    return nullptr;
}

QString screenshotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR", QDir::tempPath());
    return QDir(dir).filePath(name);
}

bool laidOut(const SoakTab &tab)
{
    for (SoakChart *chart : tab.charts()) {
        const QRectF legend = chart->chart()->legend()->geometry();
        if (!chart->isVisible() || legend.height() < 5 || legend.bottom() > chart->height())
            return false;
    }
    return !tab.charts().isEmpty();
}

const QDateTime kStart = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);

// A 10-minute soak sampled every 2 s: value 1 (value 8 from minute 4 to 5), no samples from
// minute 6 to 7 (Prometheus down), and none after minute 8 ("now" is minute 9).
QList<Sample> outageSeries()
{
    QList<Sample> out;
    for (qint64 t = 0; t <= 8 * 60; t += 2) {
        if (t > 6 * 60 && t < 7 * 60)
            continue;
        out.append({kStart.addSecs(t).toMSecsSinceEpoch(), t >= 240 && t < 300 ? 8.0 : 1.0});
    }
    return out;
}

CheckResult outageCheck()
{
    CheckResult check;
    check.name = QStringLiteral("Error rate");
    check.unit = QStringLiteral("%");
    check.thresholdMax = 5;
    check.status = CheckStatus::Running;
    check.scheduled = 10;
    check.consecutiveErrorLimit = 4;
    check.failures = 1;
    check.failureLimit = 1;
    check.earliestPass = kStart.addSecs(600);
    for (int minute = 1; minute <= 10; ++minute) {
        Measurement m;
        m.time = kStart.addSecs(60 * minute);
        if (minute <= 9) {
            const bool down = minute == 7 || minute == 9;
            m.status = down ? MeasurementStatus::Error : minute == 4 ? MeasurementStatus::Fail : MeasurementStatus::Pass;
            if (!down)
                m.value = minute == 4 ? 8.0 : 1.0;
            m.detail = down ? QStringLiteral("stale: newest sample 64 s old") : minute == 4 ? QStringLiteral("8 > 5") : QStringLiteral("1 ≤ 5");
        }
        check.measurements.append(m);
    }
    return check;
}

// Is there a pixel of this colour (within a tolerance) in the column x, between rows top and bottom?
bool columnHas(const QImage &image, int x, int top, int bottom, const QColor &color)
{
    for (int y = std::max(0, top); y <= std::min(image.height() - 1, bottom); ++y) {
        const QColor c = image.pixelColor(x, y);
        if (std::abs(c.red() - color.red()) < 40 && std::abs(c.green() - color.green()) < 40
            && std::abs(c.blue() - color.blue()) < 40)
            return true;
    }
    return false;
}

}  // namespace

class TstSoakChartOverlay : public QObject {
    Q_OBJECT
    Policy m_policy = gatedGaPolicy();

    // The demo soak with the 5xx trigger's series high from minute 60 to 70: it fires (for: 5m)
    // and resolves; the 5xx check fails its 60-minute measurement (a breach).
    SoakRecording firingRecording() const
    {
        SoakRecording recording = buildDemoSoakRecording(m_policy, demoSoakStart());
        const qint64 start = recording.start.toMSecsSinceEpoch();
        RecordedTrigger &trigger = recording.triggers.first();
        for (Sample &s : trigger.series.series.first().samples)
            if (s.timeMs >= start + 60 * 60000LL && s.timeMs <= start + 70 * 60000LL)
                s.value = 12;
        for (RecordedCheck &check : recording.checks) {
            if (check.policy.name != u"HTTP 5xx rate")
                continue;
            for (Sample &s : check.series.series.first().samples)
                if (s.timeMs >= start + 58 * 60000LL && s.timeMs <= start + 62 * 60000LL)
                    s.value = 0.9;
            check.readings = readingsFromRange(
                check.series, measurementTimes(check.policy, recording.start, recording.duration), check.policy);
        }
        return recording;
    }

private slots:
    void crosshairReadsEverySeriesAtThatTime();
    void outageIsAGapAndTheTailIsGreyed();
    void annotationsAndTriggerThresholds();
    void hoverAndZoomApplyToEveryChart();
    void rollbackOfferSaysWhenThereIsNoTarget();
    void tabAsksTheRollbackPlanBeforeOffering();
};

void TstSoakChartOverlay::crosshairReadsEverySeriesAtThatTime()
{
    SoakChart chart;
    chart.resize(900, 320);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setOverlay({}, {{QStringLiteral("errors high"), 6, true}});
    chart.setCheck(outageCheck(), outageSeries(), kStart, kStart.addSecs(600), kStart.addSecs(540));
    QVERIFY(chart.readout().isEmpty());
    // Minute 4 and 1 s: inside the 8 % step, a pixel after the failed measurement of minute 4.
    chart.setCrosshair(kStart.addSecs(241).toMSecsSinceEpoch());
    QStringList lines = chart.readout();
    QCOMPARE(lines.value(0), kStart.addSecs(241).toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    QCOMPARE(lines.value(1), QStringLiteral("Value 8%"));
    QCOMPARE(lines.value(2), QStringLiteral("Limit ≤ 5%"));
    QCOMPARE(lines.value(3), QStringLiteral("Trigger errors high > 6%"));
    QVERIFY2(lines.value(4).startsWith(QStringLiteral("✗ Fail at ")) && lines.value(4).endsWith(QStringLiteral("8 > 5")),
        qPrintable(lines.join(u'|')));
    // In the outage: no value, never the last one carried over; the error mark is read out.
    chart.setCrosshair(kStart.addSecs(7 * 60 - 1).toMSecsSinceEpoch());
    lines = chart.readout();
    QCOMPARE(lines.value(1), QStringLiteral("Value: no samples"));
    QVERIFY2(lines.last().startsWith(QStringLiteral("! Error at ")), qPrintable(lines.join(u'|')));
    chart.setCrosshair(std::nullopt);
    QVERIFY(chart.readout().isEmpty());
}

void TstSoakChartOverlay::outageIsAGapAndTheTailIsGreyed()
{
    SoakChart chart;
    chart.resize(900, 320);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QList<Sample> samples = outageSeries();
    chart.setCheck(outageCheck(), samples, kStart, kStart.addSecs(600), kStart.addSecs(540));
    // The model: two runs of samples, a gap between them, and the time after the last sample.
    const QList<QLineSeries *> segments = chart.valueSegments();
    QCOMPARE(segments.size(), 2);
    QVERIFY(segments[0]->points().last().x() <= qreal(kStart.addSecs(360).toMSecsSinceEpoch()));
    QVERIFY(segments[1]->points().first().x() >= qreal(kStart.addSecs(420).toMSecsSinceEpoch()));
    const QList<TimeSpan> expected {
        {kStart.addSecs(360).toMSecsSinceEpoch(), kStart.addSecs(420).toMSecsSinceEpoch()},
        {kStart.addSecs(480).toMSecsSinceEpoch(), kStart.addSecs(540).toMSecsSinceEpoch()},
    };
    QCOMPARE(chart.missing(), expected);
    QCOMPARE(chart.missingSeries()->upperSeries()->count(), 8);  // two grey bands
    // The last value stays, greyed (dotted), from the last sample to now.
    const QList<QPointF> last = chart.lastValueSeries()->points();
    QCOMPARE(last.size(), 2);
    QCOMPARE(last.first(), QPointF(qreal(kStart.addSecs(480).toMSecsSinceEpoch()), 1.0));
    QCOMPARE(last.last().x(), qreal(kStart.addSecs(540).toMSecsSinceEpoch()));
    QVERIFY(!chart.lastValueSeries()->pen().color().isValid() || chart.lastValueSeries()->pen().style() == Qt::DotLine);
    QTRY_VERIFY(chart.chart()->plotArea().width() > 100);
    QVERIFY(!chart.legendElided());

    // The pixels: the value line's colour at value 1 in a run, not in the gap; the gap is greyed.
    const QImage image = chart.viewport()->grab().toImage();
    const QColor line = chart.valueSeries()->pen().color();
    const QPoint inRun = chart.viewportPoint(kStart.addSecs(150).toMSecsSinceEpoch(), 1.0);
    const QPoint inGap = chart.viewportPoint(kStart.addSecs(390).toMSecsSinceEpoch(), 1.0);
    QVERIFY(columnHas(image, inRun.x(), inRun.y() - 2, inRun.y() + 2, line));
    QVERIFY(!columnHas(image, inGap.x(), inGap.y() - 3, inGap.y() + 3, line));
    const QPoint gapTop = chart.viewportPoint(kStart.addSecs(390).toMSecsSinceEpoch(), 4.0);
    const QColor base = chart.palette().color(QPalette::Base);
    const QColor grey = image.pixelColor(gapTop);
    QVERIFY2(grey != base && std::abs(grey.red() - grey.blue()) < 12, qPrintable(grey.name()));

    // The same soak live on the tab, Prometheus down again: the stale banner, the updated time
    // kept at the last data, the crosshair in the gap. Looked at in full and in a 1024x768 window.
    SoakTab tab;
    tab.resize(1400, 900);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    SoakEvaluation evaluation;
    evaluation.verdict = SoakVerdict::Running;
    evaluation.start = kStart;
    evaluation.end = kStart.addSecs(600);
    evaluation.evaluatedAt = kStart.addSecs(480);
    CheckResult live = outageCheck();
    live.measurements[8].status = MeasurementStatus::Pending;  // minute 9 not due yet at minute 8
    evaluation.checks = {live};
    evaluation.reason = QStringLiteral("1 check running");
    evaluation.earliestPass = kStart.addSecs(600);
    tab.showEvaluation(evaluation, {{live.name, samples}}, true);
    QVERIFY2(tab.updatedText().startsWith(QStringLiteral("Updated ")), qPrintable(tab.updatedText()));
    const QString updated = tab.updatedText();
    tab.showStale(QStringLiteral("Prometheus unreachable: connection refused"));
    evaluation.evaluatedAt = kStart.addSecs(540);
    evaluation.checks = {outageCheck()};
    tab.showEvaluation(evaluation, {{live.name, samples}}, true);
    QCOMPARE(tab.updatedText(), updated);  // no new data: the time stays at the last data
    QCOMPARE(tab.charts().first()->lastValueSeries()->count(), 2);
    tab.charts().first()->setCrosshair(kStart.addSecs(390).toMSecsSinceEpoch());
    QTRY_VERIFY(laidOut(tab));
    QVERIFY(tab.grab().save(screenshotPath(QStringLiteral("soak-gap.png"))));
    tab.resize(1024 - 270, 768 - 200);
    QTRY_VERIFY(laidOut(tab));
    QTest::qWait(100);  // the charts' coalesced refresh after the resize
    QVERIFY(tab.grab().save(screenshotPath(QStringLiteral("soak-gap-1024.png"))));
}

void TstSoakChartOverlay::annotationsAndTriggerThresholds()
{
    SoakTab tab;
    tab.resize(1400, 900);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    const SoakRecording recording = firingRecording();
    tab.showRecording(recording);
    SoakChart *chart = chartNamed(tab, QStringLiteral("HTTP 5xx rate"));
    QVERIFY(chart);
    QList<SoakEventKind> kinds;
    for (const SoakEvent &e : chart->events())
        kinds.append(e.kind);
    QVERIFY2(kinds.contains(SoakEventKind::Deploy) && kinds.contains(SoakEventKind::Breach)
            && kinds.contains(SoakEventKind::TriggerFired) && kinds.contains(SoakEventKind::TriggerResolved),
        qPrintable(QString::number(kinds.size())));
    QCOMPARE(chart->events().first().timeMs, recording.start.toMSecsSinceEpoch());
    // Another check's chart shows the deploy and the trigger too, but no breach of its own.
    const SoakChart *memory = chartNamed(tab, QStringLiteral("Memory usage"));
    QCOMPARE(memory->events().size(), kinds.size() - kinds.count(SoakEventKind::Breach));
    // The 5xx trigger (query on the 5xx ratio, max 5) is drawn on the 5xx chart, the P95 one on P95's.
    QCOMPARE(chart->triggerLimitSeries().size(), 1);
    QCOMPARE(chart->triggerLimitSeries().first()->points().first().y(), 5.0);
    QCOMPARE(chart->triggerLimitSeries().first()->name(), QStringLiteral("Trigger > 5%"));
    QCOMPARE(chartNamed(tab, QStringLiteral("P95 latency"))->triggerLimitSeries().size(), 1);
    QCOMPARE(memory->triggerLimitSeries().size(), 0);
    QVERIFY(chart->valueAxis()->max() >= 5);
    // The legend lists every series in full: each label fits its marker.
    QTRY_VERIFY(laidOut(tab));
    for (SoakChart *c : tab.charts()) {
        QVERIFY2(!c->legendElided(), qPrintable(c->checkName()));
    }
    chart->setCrosshair(recording.start.addSecs(61 * 60).toMSecsSinceEpoch());
    for (SoakChart *c : tab.charts())
        c->setCrosshair(recording.start.addSecs(61 * 60).toMSecsSinceEpoch());
    QVERIFY(tab.grab().save(screenshotPath(QStringLiteral("soak-annotations.png"))));
    tab.resize(1024 - 270, 768 - 200);  // the tab's share of a 1024x768 window
    QTRY_VERIFY(laidOut(tab));
    QTest::qWait(100);  // the charts' coalesced refresh after the resize
    QVERIFY(tab.grab().save(screenshotPath(QStringLiteral("soak-annotations-1024.png"))));

    // Every legend entry whole: in one row below the plot when they fit, else beside it.
    for (SoakChart *c : tab.charts())
        QVERIFY2(!c->legendElided(), qPrintable(c->checkName()));
}

void TstSoakChartOverlay::hoverAndZoomApplyToEveryChart()
{
    SoakTab tab;
    tab.resize(1400, 900);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    const SoakRecording recording = firingRecording();
    tab.showRecording(recording);
    QTRY_VERIFY(laidOut(tab));
    SoakChart *first = tab.charts().first();
    // The pointer over the first chart at minute 30: every chart's crosshair is there.
    const qint64 at = recording.start.addSecs(30 * 60).toMSecsSinceEpoch();
    const QPoint pos = first->viewportPoint(at, (first->valueAxis()->min() + first->valueAxis()->max()) / 2);
    // Sent to the viewport as the window system would (QTest::mouseMove goes through the cursor).
    QMouseEvent move(QEvent::MouseMove, QPointF(pos), first->viewport()->mapToGlobal(QPointF(pos)), Qt::NoButton,
        Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(first->viewport(), &move);
    for (SoakChart *chart : tab.charts()) {
        QVERIFY(chart->crosshair());
        QVERIFY2(std::abs(*chart->crosshair() - at) < 30000,
            qPrintable(QStringLiteral("%1: %2 s off at (%3, %4)").arg(chart->checkName()).arg((*chart->crosshair() - at) / 1000).arg(pos.x()).arg(pos.y())));
        QVERIFY(chart->readout().value(1).startsWith(QStringLiteral("Value ")));
    }
    // Each readout is that chart's own series.
    QVERIFY(tab.charts()[0]->readout().value(2) != tab.charts()[1]->readout().value(2));
    // The wheel on one chart zooms all of them, to the same span.
    const qint64 span = first->visibleToMs() - first->visibleFromMs();
    QWheelEvent wheel(QPointF(pos), first->viewport()->mapToGlobal(QPointF(pos)), QPoint(), QPoint(0, 120),
        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(first->viewport(), &wheel);
    QVERIFY(first->visibleToMs() - first->visibleFromMs() < span);
    for (SoakChart *chart : tab.charts()) {
        QCOMPARE(chart->visibleFromMs(), first->visibleFromMs());
        QCOMPARE(chart->visibleToMs(), first->visibleToMs());
        QVERIFY(!chart->followsRange());
    }
    // A pan by keys too; Home brings every chart back to the chosen range.
    first->setFocus();
    QTest::keyClick(first, Qt::Key_Right);
    for (SoakChart *chart : tab.charts())
        QCOMPARE(chart->visibleFromMs(), first->visibleFromMs());
    QTest::keyClick(first, Qt::Key_Home);
    for (SoakChart *chart : tab.charts())
        QVERIFY(chart->followsRange());
    QCOMPARE(tab.charts().last()->visibleToMs() - tab.charts().last()->visibleFromMs(), span);
    // Leaving the plot hides every crosshair.
    QMouseEvent away(QEvent::MouseMove, QPointF(2, 2), first->viewport()->mapToGlobal(QPointF(2, 2)), Qt::NoButton,
        Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(first->viewport(), &away);
    for (SoakChart *chart : tab.charts())
        QVERIFY(!chart->crosshair());
}

void TstSoakChartOverlay::rollbackOfferSaysWhenThereIsNoTarget()
{
    SoakBanners banners;
    TriggerResult trigger;
    trigger.name = QStringLiteral("errors high");
    trigger.fired = trigger.active = true;
    trigger.severity = QStringLiteral("S1");
    trigger.action = QStringLiteral("Immediate rollback");
    trigger.since = kStart;
    banners.show();
    banners.showTrigger(trigger, false);
    QVERIFY(banners.rollbackOffered(trigger.name));
    banners.setRollbackUnavailable(trigger.name, QStringLiteral("nothing to roll 1.0.0 back to"));
    QVERIFY(!banners.rollbackOffered(trigger.name));
    QVERIFY2(banners.triggerText(trigger.name).contains(QStringLiteral("No rollback possible: nothing to roll 1.0.0 back to")),
        qPrintable(banners.triggerText(trigger.name)));
    banners.showTrigger(trigger, false);  // a later update keeps saying it
    QVERIFY(!banners.rollbackOffered(trigger.name));
    QVERIFY(banners.triggerText(trigger.name).contains(QStringLiteral("No rollback possible")));
    banners.setRollbackUnavailable(trigger.name, QString());
    QVERIFY(banners.rollbackOffered(trigger.name));
}

// Through the tab and a real session: the first release of a workspace has nothing earlier to roll
// back to, so its fired trigger's banner says so and offers no button.
void TstSoakChartOverlay::tabAsksTheRollbackPlanBeforeOffering()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("cockpit.sqlite"))).result().has_value());
    auto phase = parseChecklist(QByteArrayLiteral("- [ ] Staging soak PASS <!-- check: soak staging -->\n"),
        QStringLiteral("release-day"), QStringLiteral("release-day.md"));
    QVERIFY(phase.has_value());
    ReleaseRecord record;
    record.version = QStringLiteral("3.7.0");
    record.type = QStringLiteral("minor");
    record.commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    auto created = store.createRelease(record, Checklist {{*phase}}, QStringLiteral("rm@example.com")).result();
    QVERIFY(created.has_value());
    Workspace workspace;
    workspace.policy = m_policy;
    Session session(&store, workspace, Identity {QStringLiteral("ops@example.com"), QStringLiteral("Ops")});
    SoakTab tab;
    tab.resize(1400, 900);
    tab.show();
    tab.setSession(&session);
    tab.showRelease(*created);  // never deployed: a hint, nothing followed
    auto *hint = tab.findChild<QLabel *>(QStringLiteral("soakHint"));
    QVERIFY(hint);
    QTRY_VERIFY_WITH_TIMEOUT(hint->text().startsWith(QStringLiteral("No soak recorded")), 10000);
    const SoakRecording recording = firingRecording();
    tab.showRecording(recording);
    const QString trigger = recording.triggers.first().policy.name;
    QCOMPARE(tab.banners()->triggerNames(), QStringList {trigger});
    QTRY_VERIFY_WITH_TIMEOUT(!tab.banners()->rollbackOffered(trigger), 10000);
    QVERIFY2(tab.banners()->triggerText(trigger).contains(QStringLiteral("No rollback possible: ")),
        qPrintable(tab.banners()->triggerText(trigger)));
    QVERIFY(tab.banners()->triggerText(trigger).contains(QStringLiteral("Immediate rollback")));
}

QTEST_MAIN(TstSoakChartOverlay)
#include "tst_soak_chart_overlay.moc"
