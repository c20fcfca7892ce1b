// The Soak tab drawn offscreen from recorded data (the demo's recorded soak and variations of it):
// one chart per check with its limit, measurement marks by status, breach bands, series replaced
// in one call per update and reduced to the plot's width, the decision panel's words, the banners,
// and a PASS that ticks the checklist item bound to `check: soak staging`.
#include "canary_strip.h"
#include "checklist_parser.h"
#include "demo_soak.h"
#include "policy_loader.h"
#include "session.h"
#include "soak_banners.h"
#include "soak_chart.h"
#include "soak_decision_panel.h"
#include "soak_tab.h"
#include "store.h"

#include <QFile>
#include <QJsonDocument>
#include <QPushButton>
#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtCharts/QAreaSeries>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QScatterSeries>
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

// Qt Charts lays out legends and axes on a posted request: wait for it before grabbing a picture.
bool laidOut(const SoakTab &tab)
{
    for (SoakChart *chart : tab.charts()) {
        const QRectF legend = chart->chart()->legend()->geometry();
        if (!chart->isVisible() || legend.height() < 5 || legend.bottom() > chart->height())
            return false;
    }
    return !tab.charts().isEmpty();
}

RecordedCheck *recordedCheck(SoakRecording &recording, const QString &name)
{
    for (RecordedCheck &check : recording.checks)
        if (check.policy.name == name)
            return &check;
    return nullptr;
}

// Lifts a check's series to `value` between minutes from and to of the soak and re-measures it.
void raise(SoakRecording &recording, const QString &check, int fromMinute, int toMinute, double value)
{
    RecordedCheck *recorded = recordedCheck(recording, check);
    QVERIFY(recorded);
    const qint64 start = recording.start.toMSecsSinceEpoch();
    for (Sample &s : recorded->series.series.first().samples)
        if (s.timeMs >= start + fromMinute * 60000LL && s.timeMs <= start + toMinute * 60000LL)
            s.value = value;
    recorded->readings = readingsFromRange(recorded->series,
        measurementTimes(recorded->policy, recording.start, recording.duration), recorded->policy);
}

}  // namespace

class TstSoakTab : public QObject {
    Q_OBJECT
    Policy m_policy = gatedGaPolicy();
    SoakRecording m_recording = buildDemoSoakRecording(m_policy, demoSoakStart());

    // Release 3.7.0 (minor, no checklist) in a new store in dir.
    static std::optional<ReleaseRecord> releaseIn(Store &store, const QTemporaryDir &dir)
    {
        if (!store.open(dir.filePath(QStringLiteral("cockpit.sqlite"))).result())
            return std::nullopt;
        ReleaseRecord record;
        record.version = QStringLiteral("3.7.0");
        record.type = QStringLiteral("minor");
        record.commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
        auto created = store.createRelease(record, Checklist {}, QStringLiteral("rm@example.com")).result();
        return created ? std::optional(*created) : std::nullopt;
    }

    void show(SoakTab &tab)
    {
        tab.resize(1400, 900);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
    }

private slots:
    void rendersOneChartPerCheckWithLimits();
    void replacesEachSeriesOncePerUpdate();
    void reducesLargeSeriesToThePlotWidth();
    void failingCheckShowsBreachAndFailMarks();
    void firedTriggerShowsBannerAndOffersRollback();
    void staleBannerSaysPrometheusIsNotAnswering();
    void passTicksTheBoundChecklistItem();
    void deployedReleaseIsFollowedLiveAndGoesStaleWithoutPrometheus();
    void automaticRollbackThatCannotStartShowsItsBanner();
    void canaryPhaseIsChartedWithItsOwnChecks();
};

void TstSoakTab::rendersOneChartPerCheckWithLimits()
{
    SoakTab tab;
    show(tab);
    tab.showRecording(m_recording);
    QVERIFY(tab.showsSoak());
    QCOMPARE(tab.charts().size(), m_policy.soakChecks.size());
    QCOMPARE(tab.charts().size(), 5);
    for (const SoakCheckPolicy &check : m_policy.soakChecks) {
        SoakChart *chart = chartNamed(tab, check.name);
        QVERIFY2(chart, qPrintable(check.name));
        QCOMPARE(chart->limit(), check.max);
        const QList<QPointF> line = chart->limitSeries()->points();
        QCOMPARE(line.size(), 2);
        QCOMPARE(line.first().y(), *check.max);
        QVERIFY(chart->valueAxis()->max() > *check.max);  // the limit line is inside the plot
        const int measurements = int(m_policy.soakDuration.count() / check.interval.count());
        QCOMPARE(chart->measurementSeries(MeasurementStatus::Pass)->count(), measurements);
        QCOMPARE(chart->measurementSeries(MeasurementStatus::Fail)->count(), 0);
        QCOMPARE(chart->breachSeries()->upperSeries()->count(), 0);
    }
    // The latency wobble is visible but stays under its 2 s limit.
    double peak = 0;
    for (const QPointF &p : chartNamed(tab, QStringLiteral("P95 latency"))->valueSeries()->points())
        peak = std::max(peak, p.y());
    QVERIFY2(peak > 1.0 && peak < 2.0, qPrintable(QString::number(peak)));

    QVERIFY(tab.decisionPanel()->verdictText().startsWith(QStringLiteral("Soak verdict: PASS")));
    const QString latency = tab.decisionPanel()->checkText(QStringLiteral("P95 latency"));
    QVERIFY2(latency.contains(QStringLiteral("0 (fails above 0)")), qPrintable(latency));
    QVERIFY2(latency.contains(QStringLiteral("8 of 8")), qPrintable(latency));
    QVERIFY2(latency.contains(QStringLiteral("none left")), qPrintable(latency));
    QVERIFY2(latency.contains(QStringLiteral("passed")), qPrintable(latency));
    QVERIFY(
        tab.decisionPanel()->checkText(QStringLiteral("Memory usage")).contains(QStringLiteral("4 of 4")));
    QVERIFY(tab.modeText().contains(QStringLiteral("3.7.0-rc1 on staging")));
    QVERIFY(tab.banners()->triggerNames().isEmpty());

    QTRY_VERIFY(laidOut(tab));
    // Looked at by a person after each change to the tab (see docs/soak-tab.md).
    const QString png = QDir::temp().filePath(QStringLiteral("tst_soak_tab.png"));
    QVERIFY(tab.grab().save(png));
    qInfo("screenshot: %s", qPrintable(png));
}

void TstSoakTab::replacesEachSeriesOncePerUpdate()
{
    SoakTab tab;
    show(tab);
    tab.showRecording(m_recording);
    QList<std::shared_ptr<QSignalSpy>> replaced, added;
    for (SoakChart *chart : tab.charts()) {
        replaced << std::make_shared<QSignalSpy>(chart->valueSeries(), &QXYSeries::pointsReplaced);
        added << std::make_shared<QSignalSpy>(chart->valueSeries(), &QXYSeries::pointAdded);
    }
    SoakRecording later = m_recording;
    raise(later, QStringLiteral("Memory usage"), 100, 125, 70);
    tab.showRecording(later);
    for (qsizetype i = 0; i < replaced.size(); ++i) {
        QCOMPARE(replaced[i]->count(), 1);
        QCOMPARE(added[i]->count(), 0);
    }
    QVERIFY(chartNamed(tab, QStringLiteral("Memory usage"))->valueSeries()->points().last().y() == 70);
}

void TstSoakTab::reducesLargeSeriesToThePlotWidth()
{
    SoakChart chart;
    chart.resize(900, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QList<Sample> samples;
    const QDateTime start = demoSoakStart();
    for (int i = 0; i < 11000; ++i)
        samples.append({start.toMSecsSinceEpoch() + i * 1000LL, 1.0 + (i % 97) * 0.01 + (i == 5000 ? 5 : 0)});
    CheckResult check;
    check.name = QStringLiteral("dense");
    check.thresholdMax = 4;
    chart.setCheck(check, samples, start, start.addSecs(11000), start.addSecs(11000));
    const int plotWidth = int(chart.chart()->plotArea().width());
    QVERIFY(plotWidth > 100);
    const qsizetype drawn = chart.valueSeries()->count();
    QVERIFY2(drawn > 0 && drawn <= 4 * plotWidth + 4,
        qPrintable(QStringLiteral("%1 points for %2 px").arg(drawn).arg(plotWidth)));
    double peak = 0;  // the one-sample spike survives the reduction
    for (const QPointF &p : chart.valueSeries()->points())
        peak = std::max(peak, p.y());
    QVERIFY(peak > 5.9);
    QCOMPARE(chart.breachSeries()->upperSeries()->count(), 4);  // the spike is one band
}

void TstSoakTab::failingCheckShowsBreachAndFailMarks()
{
    SoakRecording failing = m_recording;
    raise(failing, QStringLiteral("HTTP 5xx rate"), 40, 50, 0.9);  // covers the 45-minute measurement
    SoakTab tab;
    show(tab);
    tab.showRecording(failing);
    SoakChart *chart = chartNamed(tab, QStringLiteral("HTTP 5xx rate"));
    QVERIFY(chart);
    QCOMPARE(chart->measurementSeries(MeasurementStatus::Fail)->count(), 1);
    QCOMPARE(chart->measurementSeries(MeasurementStatus::Pass)->count(), 7);
    QVERIFY(chart->breachSeries()->upperSeries()->count() >= 4);
    QVERIFY(tab.decisionPanel()->verdictText().startsWith(QStringLiteral("Soak verdict: FAIL")));
    const QString text = tab.decisionPanel()->checkText(QStringLiteral("HTTP 5xx rate"));
    QVERIFY2(text.contains(QStringLiteral("1 (fails above 0)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("can no longer pass")), qPrintable(text));
    QTRY_VERIFY(laidOut(tab));
    QVERIFY(tab.grab().save(QDir::temp().filePath(QStringLiteral("tst_soak_tab_fail.png"))));
}

void TstSoakTab::firedTriggerShowsBannerAndOffersRollback()
{
    SoakRecording outage = m_recording;
    QVERIFY(!outage.triggers.isEmpty());
    RecordedTrigger &trigger = outage.triggers.first();  // 5xx > 5 % for 5 minutes
    const qint64 start = outage.start.toMSecsSinceEpoch();
    for (Sample &s : trigger.series.series.first().samples)
        if (s.timeMs >= start + 60 * 60000LL && s.timeMs <= start + 70 * 60000LL)
            s.value = 12;
    SoakTab tab;
    show(tab);
    QSignalSpy rollback(&tab, &SoakTab::rollbackRequested);
    tab.showRecording(outage);
    QCOMPARE(tab.banners()->triggerNames(), QStringList {trigger.policy.name});
    QVERIFY(tab.banners()->triggerText(trigger.policy.name).contains(QStringLiteral("S1")));
    // A recorded trigger is history: shown, never sent to the desktop.
    QCOMPARE(tab.banners()->lastNotification(), NotificationRoute::None);
    auto *button = tab.findChild<QPushButton *>(QStringLiteral("soakTriggerRollback"));
    QVERIFY(button && button->isVisible());
    button->click();
    QCOMPARE(rollback.count(), 1);
    QCOMPARE(rollback.first().at(1).toString(), trigger.policy.name);
    tab.showRecording(m_recording);  // the clean soak has no fired trigger: the banner goes
    QVERIFY(tab.banners()->triggerNames().isEmpty());
}

void TstSoakTab::staleBannerSaysPrometheusIsNotAnswering()
{
    SoakTab tab;
    show(tab);
    tab.showRecording(m_recording);
    QVERIFY(!tab.banners()->staleShown());
    tab.showStale(QStringLiteral("connection refused"));
    QVERIFY(tab.banners()->staleShown());
    QVERIFY(tab.banners()->staleText().contains(QStringLiteral("connection refused")));
    QVERIFY(tab.banners()->staleText().contains(QStringLiteral("cannot become PASS")));
    tab.clearStale();
    QVERIFY(!tab.banners()->staleShown());
}

void TstSoakTab::passTicksTheBoundChecklistItem()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("cockpit.sqlite"))).result().has_value());
    const QByteArray markdown
        = QByteArrayLiteral("# Pre-release\n\n"
                            "- [ ] Staging soak PASS <!-- check: soak staging -->\n"
                            "- [ ] Production soak PASS <!-- check: soak production -->\n");
    auto phase = parseChecklist(markdown, QStringLiteral("pre-release"), QStringLiteral("pre-release.md"));
    QVERIFY(phase.has_value());
    ReleaseRecord record;
    record.version = QStringLiteral("3.7.0");
    record.type = QStringLiteral("minor");
    record.commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    auto created
        = store.createRelease(record, Checklist {{*phase}}, QStringLiteral("rm@example.com")).result();
    QVERIFY(created.has_value());
    Workspace workspace;
    workspace.policy = m_policy;
    Session service(
        &store, workspace, Identity {QStringLiteral("ops@example.com"), QStringLiteral("Ops")});

    // Deployed to staging a minute before the recorded soak started: it is the soak of that deployment.
    store.setClock([this] { return m_recording.start.addSecs(-60); });
    QVERIFY(store.recordDeployment(record.version, QStringLiteral("staging"), QStringLiteral("rm@example.com"))
                .result());
    store.setClock([] { return QDateTime::currentDateTimeUtc(); });
    const QByteArray json = QJsonDocument(soakRecordingToJson(m_recording)).toJson(QJsonDocument::Compact);
    QVERIFY(store.saveSoakRecording(record.version, QStringLiteral("staging"), json, QStringLiteral("pass"))
                .result());

    SoakTab tab;
    show(tab);
    QSignalSpy shown(&tab, &SoakTab::soakShown);
    QSignalSpy touched(&tab, &SoakTab::releaseTouched);
    tab.setSession(&service);
    QCOMPARE(tab.environment(), QStringLiteral("staging"));
    tab.showRelease(*created);  // loads the stored soak of staging, the first environment
    QVERIFY(shown.wait());
    QCOMPARE(tab.charts().size(), 5);
    QVERIFY(touched.wait());
    QCOMPARE(touched.first().first().toString(), QStringLiteral("3.7.0"));
    auto checklist = store.checklist(QStringLiteral("3.7.0")).result();
    QVERIFY(checklist.has_value());
    const ChecklistItem *staging = checklist->findItem(QStringLiteral("pre-release.1"));
    QCOMPARE(staging->state, ItemState::Done);
    QVERIFY2(staging->evidence.contains(QStringLiteral("Soak PASS of 3.7.0-rc1 on staging")),
        qPrintable(staging->evidence));
    QCOMPARE(checklist->findItem(QStringLiteral("pre-release.2"))->state, ItemState::Open);
    // The run shown is named (issue 18), in the line and in the evidence, and is in the history.
    QVERIFY(tab.shownRun().has_value());
    QCOMPARE(tab.shownRun()->kind, SoakRunKind::Deployment);
    const QString runName = QStringLiteral("Run #%1").arg(tab.shownRun()->id);
    QVERIFY2(tab.modeText().startsWith(runName), qPrintable(tab.modeText()));
    QVERIFY2(staging->evidence.contains(QStringLiteral("(run #%1)").arg(tab.shownRun()->id)),
        qPrintable(staging->evidence));
    QTRY_COMPARE(tab.history().size(), 1);
    QCOMPARE(tab.history().first().id, tab.shownRun()->id);
    auto *picker = tab.findChild<QComboBox *>(QStringLiteral("soakRun"));
    QVERIFY(picker);
    QCOMPARE(picker->count(), 2);  // "Release's soak" and the run
    QVERIFY2(picker->itemText(1).startsWith(QStringLiteral("#%1 deployment, PASS").arg(tab.shownRun()->id)),
        qPrintable(picker->itemText(1)));
}

void TstSoakTab::deployedReleaseIsFollowedLiveAndGoesStaleWithoutPrometheus()
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
    auto created
        = store.createRelease(record, Checklist {{*phase}}, QStringLiteral("rm@example.com")).result();
    QVERIFY(created.has_value());
    QVERIFY(
        store.recordDeployment(record.version, QStringLiteral("staging"), QStringLiteral("ops@example.com"))
            .result()
            .has_value());
    Workspace workspace;
    workspace.policy = m_policy;
    // Nothing listens on port 1: every query is refused, as when Prometheus is down.
    workspace.policy.prometheusUrl = QStringLiteral("http://127.0.0.1:1");
    workspace.policy.prometheusAuthSecret.clear();
    Session service(
        &store, workspace, Identity {QStringLiteral("ops@example.com"), QStringLiteral("Ops")});

    SoakTab tab;
    show(tab);
    tab.setSession(&service);
    tab.showRelease(*created);  // no stored soak, but a deployment: followed live
    QTRY_VERIFY_WITH_TIMEOUT(tab.isLive(), 10000);
    QVERIFY2(
        tab.modeText().contains(QStringLiteral("Live soak of 3.7.0 on staging")), qPrintable(tab.modeText()));
    QTRY_VERIFY_WITH_TIMEOUT(tab.banners()->staleShown(), 20000);
    // No data has come from Prometheus: no "Updated" time is claimed (issue 18).
    QVERIFY2(tab.updatedText().isEmpty(), qPrintable(tab.updatedText()));
    QVERIFY(!tab.decisionPanel()->verdictText().contains(QStringLiteral("PASS")));
    auto checklist = store.checklist(record.version).result();
    QVERIFY(checklist.has_value());
    QCOMPARE(checklist->findItem(QStringLiteral("release-day.1"))->state, ItemState::Open);
}

// Issue 15: the session's automatic rollback of the shown release gets its banner; here the
// policy has no rollback steps, so it cannot start and the banner says so, in red.
void TstSoakTab::automaticRollbackThatCannotStartShowsItsBanner()
{
    QTemporaryDir dir;
    Store store;
    const std::optional<ReleaseRecord> created = releaseIn(store, dir);
    QVERIFY(created);
    Workspace workspace;
    workspace.policy = m_policy;
    workspace.policy.rollbackSteps.clear();
    Session service(&store, workspace, Identity {QStringLiteral("ops@example.com"), QStringLiteral("Ops")});
    SoakTab tab;
    show(tab);
    tab.setSession(&service);
    tab.showRelease(*created);
    QVERIFY(tab.banners()->automaticRollbackText().isEmpty());
    service.rollBackAutomatically(QStringLiteral("3.7.0"), QStringLiteral("HTTP 5xx rate > 5% for > 5 minutes"),
        QStringLiteral("value 17 (max 5)"));
    QTRY_VERIFY_WITH_TIMEOUT(
        tab.banners()->automaticRollbackText().startsWith(QStringLiteral("Automatic rollback could not start")), 10000);
    QVERIFY2(tab.banners()->automaticRollbackText().contains(QStringLiteral("no rollback steps")),
        qPrintable(tab.banners()->automaticRollbackText()));
    QVERIFY(!service.automaticRollbackRunning());
}

QTEST_MAIN(TstSoakTab)
#include "tst_soak_tab.moc"

// Issue 15: while a canary runs in the shown environment, the charts are its current phase's own
// checks from the phase's start (not the policy's soak), followed live; the next phase, which has
// no checks, says that a person advances it. Prometheus refuses here, so the stale banner shows and
// nothing passes.
void TstSoakTab::canaryPhaseIsChartedWithItsOwnChecks()
{
    QTemporaryDir dir;
    Store store;
    const std::optional<ReleaseRecord> created = releaseIn(store, dir);
    QVERIFY(created);
    const ReleaseRecord &record = *created;
    Workspace workspace;
    workspace.policy = m_policy;
    workspace.policy.prometheusUrl = QStringLiteral("http://127.0.0.1:1");
    workspace.policy.prometheusAuthSecret.clear();
    CanaryPolicy canary;
    canary.environment = QStringLiteral("production");
    canary.releaseTypes = {QStringLiteral("minor")};
    SoakCheckPolicy check;
    check.name = QStringLiteral("Canary error rate");
    check.query = QStringLiteral("canary_errors{env=\"$env\"}");
    check.max = 1;
    check.interval = std::chrono::seconds(60);
    canary.phases = {{QStringLiteral("Ten percent"), 10, std::chrono::seconds(3600), {check}, {}},
        {QStringLiteral("Fifty percent"), 50, std::nullopt, {}, {}},
        {QStringLiteral("All traffic"), 100, std::nullopt, {}, {}}};
    workspace.policy.canary = canary;
    auto event = [&](CanaryEventKind kind, int seq, int phase, int percent) {
        CanaryEvent e;
        e.version = record.version;
        e.seq = seq;
        e.kind = kind;
        e.phase = phase;
        e.percent = percent;
        e.actor = QStringLiteral("rm@example.com");
        return store.appendCanaryEvent(e, canary.environment).result().has_value();
    };
    QVERIFY(event(CanaryEventKind::Start, 1, 0, 0));
    QVERIFY(event(CanaryEventKind::Traffic, 2, 0, 10));
    QVERIFY(store.recordDeployment(record.version, canary.environment, QStringLiteral("rm@example.com"))
                .result()
                .has_value());
    Session service(&store, workspace, Identity {QStringLiteral("ops@example.com"), QStringLiteral("Ops")});

    SoakTab tab;
    show(tab);
    tab.setSession(&service);
    tab.showRelease(*created);  // opens on production, where it was deployed
    QTRY_COMPARE(tab.environment(), QStringLiteral("production"));
    QTRY_VERIFY_WITH_TIMEOUT(tab.isLive(), 10000);
    QVERIFY(tab.followedPhase().isValid());
    QVERIFY2(tab.modeText().startsWith(QStringLiteral("Canary phase 1 of 3 (Ten percent, 10% of traffic) of 3.7.0 on production")),
        qPrintable(tab.modeText()));
    QTRY_VERIFY_WITH_TIMEOUT(tab.banners()->staleShown(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(tab.charts().size(), 1, 10000);  // the phase's check, not the policy's five
    QCOMPARE(tab.charts().constFirst()->checkName(), QStringLiteral("Canary error rate"));
    // The charts start at the phase, marked as the phase rather than as a deployment.
    const QList<SoakEvent> marks = tab.charts().constFirst()->events();
    QVERIFY(std::any_of(marks.begin(), marks.end(), [](const SoakEvent &e) {
        return e.kind == SoakEventKind::Deploy && e.subject == u"Phase 1 · 10%";
    }));
    QVERIFY(!tab.decisionPanel()->verdictText().contains(QStringLiteral("PASS")));
    const QDateTime first = tab.followedPhase();

    // Someone advances it elsewhere (the command line): the strip reads it again, the tab follows.
    QVERIFY(event(CanaryEventKind::Traffic, 3, 1, 50));
    tab.canaryStrip()->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(tab.followedPhase() != first && tab.followedPhase().isValid(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!tab.showsSoak(), 10000);
    QVERIFY(!tab.isLive());
    QVERIFY(!tab.banners()->staleShown());
}
