#include "soak_tab.h"
#include "canary_strip.h"

#include "future_watch.h"
#include "rollback_service.h"
#include "session.h"
#include "soak_banners.h"
#include "soak_decision_panel.h"
#include "state_style.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <cstdlib>

Q_LOGGING_CATEGORY(lcSoakTab, "cockpit.ui.soaktab")

namespace cockpit {
namespace {

constexpr int kTwoColumnWidth = 700;  // below this a chart per row reads better than two cramped

// "Times are local: CET (UTC+01:00)", for the tooltips of the lines that show times.
QString localZoneText()
{
    const QDateTime now = QDateTime::currentDateTime();
    const int offset = now.offsetFromUtc();
    const QString utc = QStringLiteral("UTC%1%2:%3")
                            .arg(offset < 0 ? u'-' : u'+')
                            .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                            .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return SoakTab::tr("Times are local: %1 (%2)").arg(now.timeZoneAbbreviation(), utc);
}

QString durationText(std::chrono::seconds duration)
{
    const qint64 minutes = duration.count() / 60;
    if (minutes % 60 == 0)
        return SoakTab::tr("%1 h").arg(minutes / 60);
    return SoakTab::tr("%1 min").arg(minutes);
}

}  // namespace

SoakTab::SoakTab(QWidget *parent)
    : ReleaseTab(parent)
    , m_environments(new QComboBox(this))
    , m_runs(new QComboBox(this))
    , m_mode(new QLabel(this))
    , m_updated(new QLabel(this))
    , m_rangeButtons(new QButtonGroup(this))
    , m_banners(new SoakBanners(this))
    , m_stack(new QStackedWidget(this))
    , m_hint(new QLabel(this))
    , m_chartsArea(new QScrollArea(this))
    , m_chartsHost(new QWidget(this))
    , m_chartsGrid(new QGridLayout(m_chartsHost))
    , m_panel(new SoakDecisionPanel(this))
{
    setObjectName(QStringLiteral("soakTab"));
    setAccessibleName(tr("Soak"));
    m_hint->setObjectName(QStringLiteral("soakHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_chartsGrid->setContentsMargins(0, 0, 0, 0);
    m_chartsGrid->setSpacing(6);
    m_chartsArea->setObjectName(QStringLiteral("soakCharts"));
    m_chartsArea->setWidgetResizable(true);
    m_chartsArea->setFrameShape(QFrame::NoFrame);
    m_chartsArea->setWidget(m_chartsHost);
    // One column or two follows the charts' own width (the splitter moves it too), not the tab's.
    m_chartsArea->viewport()->installEventFilter(this);
    auto *panelArea = new QScrollArea(this);
    panelArea->setObjectName(QStringLiteral("soakDecisionArea"));
    panelArea->setWidgetResizable(true);
    panelArea->setFrameShape(QFrame::NoFrame);
    panelArea->setWidget(m_panel);
    panelArea->setMinimumWidth(300);
    panelArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("soakSplitter"));
    splitter->addWidget(m_chartsArea);
    splitter->addWidget(panelArea);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({900, 330});
    m_stack->addWidget(m_hint);
    m_stack->addWidget(splitter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());
    m_canary = new CanaryStrip(this);
    connect(m_canary, &CanaryStrip::headlineChanged, this, &SoakTab::canaryMoved);
    connect(m_canary, &CanaryStrip::statusMessage, this, &SoakTab::statusMessage);
    connect(m_canary, &CanaryStrip::releaseTouched, this, &SoakTab::releaseTouched);
    layout->addWidget(m_canary);
    layout->addWidget(m_banners);
    layout->addWidget(m_stack, 1);
    connect(m_banners, &SoakBanners::rollbackRequested, this,
        [this](const QString &trigger) { emit rollbackRequested(m_release.version, trigger); });
    if (qEnvironmentVariable("COCKPIT_SCREENSHOT_TAB") == QLatin1String("soak"))
        connect(this, &SoakTab::soakShown, this, &SoakTab::raiseForScreenshot, Qt::SingleShotConnection);
    showHint(tr("Open a workspace to see its soaks."));
}

SoakTab::~SoakTab() = default;

QWidget *SoakTab::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    auto *layout = new QHBoxLayout;
    rows->addLayout(layout);
    auto *envLabel = new QLabel(tr("&Environment:"), bar);
    envLabel->setBuddy(m_environments);
    m_environments->setObjectName(QStringLiteral("soakEnvironment"));
    m_environments->setAccessibleName(tr("Soak environment"));
    // Wide enough for the names it lists ("production" was cut to "productio").
    m_environments->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_environments, &QComboBox::activated, this, [this] { loadEnvironment(); });
    m_mode->setObjectName(QStringLiteral("soakMode"));
    m_mode->setTextFormat(Qt::PlainText);
    // The run description has a line of its own under the controls and wraps there, instead of
    // widening the window past 1024 px.
    m_mode->setWordWrap(true);
    // Times on the tab are local, in one format (yyyy-MM-dd HH:mm); the zone is said here.
    m_mode->setToolTip(localZoneText());
    auto *runLabel = new QLabel(tr("&Run:"), bar);
    runLabel->setBuddy(m_runs);
    m_runs->setObjectName(QStringLiteral("soakRun"));
    m_runs->setAccessibleName(tr("Soak run"));
    m_runs->setToolTip(tr("Every analysis run is kept: the release's soak (the run of its latest deployment "
                          "here), re-checks and what-if windows"));
    m_runs->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_runs->setMinimumContentsLength(15);  // "Release's soak" in full; the list itself is wider
    connect(m_runs, &QComboBox::activated, this, &SoakTab::showHistoryEntry);
    layout->addWidget(envLabel);
    layout->addWidget(m_environments);
    layout->addWidget(runLabel);
    layout->addWidget(m_runs);
    layout->addStretch(1);
    m_updated->setObjectName(QStringLiteral("soakUpdated"));
    m_updated->setTextFormat(Qt::PlainText);
    m_updated->hide();
    layout->addWidget(m_updated);
    const struct {
        SoakRange range;
        QString text;
        const char *name;
    } ranges[] = {
        {SoakRange::SoakWindow, tr("Soak window"), "soakRangeWindow"},
        {SoakRange::LastHour, tr("1 h"), "soakRange1h"},
        {SoakRange::Last6Hours, tr("6 h"), "soakRange6h"},
        {SoakRange::Last24Hours, tr("24 h"), "soakRange24h"},
    };
    for (const auto &r : ranges) {
        auto *button = new QToolButton(bar);
        button->setText(r.text);
        button->setCheckable(true);
        button->setChecked(r.range == m_range);
        button->setObjectName(QString::fromLatin1(r.name));
        button->setAccessibleName(tr("Show %1").arg(r.text));
        m_rangeButtons->addButton(button, int(r.range));
        layout->addWidget(button);
    }
    rows->addWidget(m_mode);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) {
        m_range = SoakRange(id);
        for (SoakChart *chart : std::as_const(m_charts))
            chart->showRange(m_range);
    });
    return bar;
}

void SoakTab::setSession(Session *session)
{
    stopLive();
    m_session = session;
    ++m_generation;
    m_applied.clear();
    m_banners->clearAll();
    m_environments->clear();
    if (!session) {
        showHint(tr("Open a workspace to see its soaks."));
        return;
    }
    m_canary->setSession(session);
    // An automatic rollback of the shown release (session_auto_rollback.cpp) gets its banner.
    connect(session, &Session::changed, this, [this, session](const SessionEvent &event) {
        if (m_session != session || event.kind != SessionEvent::Kind::AutomaticRollback
            || (event.version != m_release.version && event.version != m_candidate))
            return;
        m_banners->showAutomaticRollback(event.verdict, event.detail);
        if (event.verdict != u"started")
            emit releaseTouched(m_release.version);
    });
    // In promotion order: a release never deployed opens on the first place it will go.
    const Policy &policy = session->workspace().policy;
    for (const QString &name : policy.promotionOrder())
        m_environments->addItem(name);
    for (const EnvironmentPolicy &env : policy.environments)
        if (m_environments->findText(env.name) < 0)
            m_environments->addItem(env.name);
}

void SoakTab::showRelease(const ReleaseRecord &release)
{
    const bool sameRelease = release.version == m_release.version;
    m_release = release;
    if (m_session)
        m_canary->showRelease(release);
    if (sameRelease || !m_session || release.version.isEmpty()) {
        loadEnvironment();
        return;
    }
    m_banners->clearAll();
    // A release opens on the environment it was last deployed to (else the first in promotion order).
    const quint64 generation = ++m_generation;
    whenReady(this, m_session->store()->deployments(release.version),
        [this, generation](const Result<QList<Deployment>> &deployments) {
            if (generation != m_generation)
                return;
            if (deployments && !deployments->isEmpty()
                && m_environments->findText(deployments->last().environment) >= 0)
                m_environments->setCurrentText(deployments->last().environment);
            loadEnvironment();
        });
}

QString SoakTab::environment() const
{
    return m_environments->currentText();
}

QString SoakTab::modeText() const
{
    return m_mode->text();
}

bool SoakTab::showsSoak() const
{
    return m_stack->currentWidget() != m_hint;
}

QString SoakTab::updatedText() const
{
    return m_updated->isHidden() ? QString() : m_updated->text();
}

void SoakTab::showUpdated(const QDateTime &at)
{
    m_updated->setText(tr("Updated %1").arg(at.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    m_updated->setToolTip(tr("The charts and the verdict show Prometheus' data as of %1:%2. %3")
                              .arg(formatLocalTime(at), at.toLocalTime().toString(QStringLiteral("ss")), localZoneText()));
    m_updated->show();
}

void SoakTab::showHint(const QString &text)
{
    m_hint->setText(text);
    m_mode->clear();
    m_updated->hide();
    m_shownRun.reset();
    m_stack->setCurrentWidget(m_hint);
    m_panel->clear();
    m_banners->clearStale();
    m_banners->retainTriggers({});
}

void SoakTab::loadEnvironment()
{
    stopLive();
    m_shownRun.reset();
    const quint64 generation = ++m_generation;
    const QString env = environment();
    if (!m_session) {
        showHint(tr("Open a workspace to see its soaks."));
        return;
    }
    if (m_release.version.isEmpty()) {
        showHint(tr("Select a release to see its soak."));
        return;
    }
    if (env.isEmpty()) {
        showHint(tr("The policy defines no environments (environments in .release-cockpit/policy.yml)."));
        return;
    }
    const QString version = m_release.version;
    loadHistory(version, env, generation);
    // The canary's phases have checks of their own, with or without a policy soak.
    const Policy &policy = m_session->workspace().policy;
    if (policy.canary && policy.canary->environment == env)
        loadCanaryPhase(version, env, generation);
    else
        loadReleaseSoak(version, env, generation);
}

void SoakTab::loadReleaseSoak(const QString &version, const QString &env, quint64 generation)
{
    if (m_session->workspace().policy.soakChecks.isEmpty()) {
        showHint(tr("The policy defines no soak checks (soak.checks in .release-cockpit/policy.yml)."));
        return;
    }
    whenReady(this, m_session->store()->releaseSoakRun(version, env),
        [this, generation, version, env](const Result<SoakRunRecording> &run) {
            if (generation != m_generation)
                return;  // another release or environment was chosen meanwhile
            const QString noSoak = tr("No soak recorded for %1 on %2 yet. It starts when the release is deployed "
                                      "there (release deployed %1 --env %2).")
                                       .arg(version, env);
            if (!run && run.error().code == ErrorCode::NotFound) {
                followDeployment(version, env, generation, noSoak);
                return;
            }
            if (!run) {
                const QString why = run.error().code == ErrorCode::BadInput
                    ? tr("The stored soak of %1 on %2 cannot be read: %3")
                    : tr("The soak of %1 on %2 cannot be loaded: %3");
                showHint(why.arg(version, env, run.error().toString()));
                return;
            }
            // A run that settled nothing while the deployment's window still runs (a terminal
            // evaluation mid-soak): the soak itself is followed live, not that early snapshot.
            if (!run->run.decisive && QDateTime::currentDateTimeUtc() < run->run.windowEnd) {
                followDeployment(version, env, generation, noSoak);
                return;
            }
            showRun(*run);
        });
}

void SoakTab::loadHistory(const QString &version, const QString &env, quint64 generation)
{
    m_runs->clear();
    m_history.clear();
    m_runs->addItem(tr("Release's soak"), QVariant(qint64(0)));
    whenReady(this, m_session->store()->soakRuns(version, env),
        [this, generation](const Result<QList<SoakRun>> &runs) {
            if (generation != m_generation || !runs)
                return;
            m_history = *runs;
            for (auto it = runs->crbegin(); it != runs->crend(); ++it) {
                const QString kind = it->kind == SoakRunKind::Deployment ? tr("deployment")
                    : it->kind == SoakRunKind::Recheck                   ? tr("re-check")
                                                                         : tr("what-if");
                m_runs->addItem(tr("#%1 %2, %3, %4")
                                    .arg(it->id)
                                    .arg(kind, it->verdict.toUpper(), formatLocalTime(it->recordedAt)),
                    QVariant(it->id));
            }
        });
}

void SoakTab::showHistoryEntry(int index)
{
    const qint64 id = m_runs->itemData(index).toLongLong();
    if (id == 0 || !m_session) {
        loadEnvironment();
        return;
    }
    stopLive();
    const quint64 generation = ++m_generation;
    whenReady(this, m_session->store()->soakRun(id), [this, generation](const Result<SoakRunRecording> &run) {
        if (generation != m_generation)
            return;
        if (!run) {
            showHint(tr("The soak run cannot be loaded: %1").arg(run.error().toString()));
            return;
        }
        showRun(*run);
    });
}

void SoakTab::showRun(const SoakRunRecording &run)
{
    m_shownRun = run.run;
    showRecording(run.recording);
    const QString kind = run.run.kind == SoakRunKind::Deployment
        ? (run.run.deployedAt.isValid() ? tr("the soak of the deployment at %1").arg(formatLocalTime(run.run.deployedAt))
                                        : tr("no deployment recorded there"))
        : run.run.kind == SoakRunKind::Recheck ? tr("a re-check; the release's soak is another run")
                                               : tr("a what-if window, not the release's soak");
    m_mode->setText(tr("Run #%1 (%2). %3").arg(run.run.id).arg(kind, m_mode->text()));
}

void SoakTab::showRecording(const SoakRecording &recording)
{
    const SoakEvaluation evaluation = evaluateRecording(recording);
    rememberQueries(recording);
    m_updated->hide();
    QMap<QString, QList<Sample>> series;
    for (const RecordedCheck &check : recording.checks)
        if (!check.series.series.isEmpty())
            series.insert(check.policy.name, check.series.series.first().samples);
    m_candidate = recording.version.isEmpty() ? m_release.version : recording.version;
    if (m_environments->findText(recording.environment) < 0)  // an environment the policy dropped
        m_environments->addItem(recording.environment);
    m_environments->setCurrentText(recording.environment);
    showEvaluation(evaluation, series, false);
    const bool complete = recording.recordedAt >= evaluation.end;
    m_mode->setText(
        tr("Recorded soak of %1 on %2: %3 from %4%5")
            .arg(m_candidate, recording.environment, durationText(recording.duration),
                formatLocalTime(recording.start),
                complete ? QString()
                         : tr(" (stopped early at %1)").arg(formatLocalTime(recording.recordedAt))));
    if (evaluation.verdict == SoakVerdict::Pass && (!m_shownRun || m_shownRun->kind == SoakRunKind::Deployment))
        applyPass(evaluation);
    emit soakShown(m_release.version, recording.environment);
}

void SoakTab::showEvaluation(
    const SoakEvaluation &evaluation, const QMap<QString, QList<Sample>> &series, bool live)
{
    m_stack->setCurrentIndex(1);
    ensureCharts(evaluation.checks);
    for (qsizetype i = 0; i < evaluation.checks.size(); ++i) {
        const CheckResult &check = evaluation.checks[i];
        QList<SoakEvent> events = soakEvents(evaluation, check);
        for (SoakEvent &e : events)
            if (e.kind == SoakEventKind::Deploy)
                e.subject = m_startLabel;
        m_charts[i]->setOverlay(events, triggerLimitsFor(check, evaluation.triggers));
        m_charts[i]->setCheck(
            check, series.value(check.name), evaluation.start, evaluation.end, evaluation.evaluatedAt);
    }
    m_panel->setEvaluation(evaluation);
    // While Prometheus is silent the time stays at the last data it gave.
    if (live && !m_banners->staleShown())
        showUpdated(evaluation.evaluatedAt);
    if (live)
        for (const CheckResult &check : evaluation.checks)
            m_banners->notifyCheckFailed(check, environment());
    QSet<QString> fired;
    for (const TriggerResult &trigger : evaluation.triggers) {
        if (!trigger.fired)
            continue;
        fired.insert(trigger.name);
        const bool fresh = !m_banners->triggerNames().contains(trigger.name);
        m_banners->showTrigger(trigger, live);
        if (fresh)
            checkRollbackTarget(trigger.name);
    }
    m_banners->retainTriggers(fired);
}

void SoakTab::showStale(const QString &reason)
{
    m_banners->showStale(reason, QDateTime::currentDateTimeUtc());
}

void SoakTab::clearStale()
{
    m_banners->clearStale();
}

// Charts are kept across updates (a live refresh must not rebuild them) and only follow the
// number of checks when the policy changes.
void SoakTab::ensureCharts(const QList<CheckResult> &checks)
{
    const qsizetype wanted = checks.size();
    if (m_charts.size() == wanted)
        return;
    while (m_charts.size() > wanted)
        delete m_charts.takeLast();
    while (m_charts.size() < wanted) {
        auto *chart = new SoakChart(m_chartsHost);
        chart->showRange(m_range);
        connectChart(chart);
        m_charts.append(chart);
    }
    m_columns = 0;
    layoutCharts();
    // Shown now rather than on the layout's queued show: the first paint already has them.
    for (SoakChart *chart : std::as_const(m_charts))
        chart->show();
}

// One crosshair, one view: the pointer over any chart moves the crosshair on all of them, and a
// pan or zoom on one applies to every chart (a reset too).
void SoakTab::connectChart(SoakChart *chart)
{
    connect(chart, &SoakChart::hovered, this, [this](std::optional<qint64> timeMs) {
        for (SoakChart *c : std::as_const(m_charts))
            c->setCrosshair(timeMs);
    });
    connect(chart, &SoakChart::viewChanged, this, [this, chart](qint64 fromMs, qint64 toMs) {
        for (SoakChart *c : std::as_const(m_charts))
            if (c != chart)
                c->setView(fromMs, toMs);
    });
    connect(chart, &SoakChart::viewReset, this, [this, chart] {
        for (SoakChart *c : std::as_const(m_charts))
            if (c != chart)
                c->showRange(m_range);
    });
}

// A trigger's banner offers the rollback only when there is something to roll back to: the plan
// (the session's rollback use case, which runs nothing) is asked once per banner, and a refusal
// (no earlier release or tag, never deployed) is said on the banner instead of a button.
void SoakTab::checkRollbackTarget(const QString &trigger)
{
    if (!m_session || m_release.version.isEmpty())
        return;
    const quint64 generation = m_generation;
    whenReady(this, m_session->rollbacks().plan(m_release.version, QString(), trigger),
        [this, generation, trigger](const Result<RollbackPlan> &plan) {
            if (generation != m_generation)
                return;
            m_banners->setRollbackUnavailable(trigger, plan ? QString() : plan.error().message);
        });
}

void SoakTab::rememberQueries(const SoakRecording &recording)
{
    m_checkQueries.clear();
    m_triggerPolicies.clear();
    for (const RecordedCheck &check : recording.checks)
        m_checkQueries.insert(check.policy.name, check.policy.query);
    for (const RecordedTrigger &trigger : recording.triggers)
        m_triggerPolicies.append(trigger.policy);
}

QList<TriggerLimit> SoakTab::triggerLimitsFor(const CheckResult &check, const QList<TriggerResult> &results) const
{
    QList<TriggerLimit> limits;
    const QString query = m_checkQueries.value(check.name);
    for (const TriggerPolicy &policy : m_triggerPolicies) {
        if (!sameQuery(policy.query, query))
            continue;
        for (const TriggerResult &result : results)
            if (result.name == policy.name && result.threshold)
                limits.append({policy.name, *result.threshold, !policy.min.has_value()});
    }
    return limits;
}

void SoakTab::layoutCharts()
{
    const int columns = m_chartsArea->viewport()->width() >= kTwoColumnWidth ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (SoakChart *chart : std::as_const(m_charts))
        m_chartsGrid->removeWidget(chart);
    for (qsizetype i = 0; i < m_charts.size(); ++i) {
        // An odd last chart takes the whole row rather than leaving a hole beside it.
        const bool alone = i == m_charts.size() - 1 && i % columns == 0;
        m_chartsGrid->addWidget(m_charts[i], int(i / columns), int(i % columns), 1, alone ? columns : 1);
    }
    for (int c = 0; c < 2; ++c)
        m_chartsGrid->setColumnStretch(c, c < columns ? 1 : 0);
    for (int r = 0; r < m_chartsGrid->rowCount(); ++r)
        m_chartsGrid->setRowStretch(r, 1);
}

void SoakTab::resizeEvent(QResizeEvent *event)
{
    ReleaseTab::resizeEvent(event);
    layoutCharts();
}

bool SoakTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_chartsArea->viewport() && event->type() == QEvent::Resize)
        layoutCharts();
    return ReleaseTab::eventFilter(watched, event);
}

void SoakTab::applyPass(const SoakEvaluation &evaluation)
{
    const QString env = environment();
    const QString key = m_release.version + QLatin1Char('/') + env;
    if (!m_session || m_applied.contains(key))
        return;
    m_applied.insert(key);
    const QString version = m_release.version;
    SoakRun run = m_shownRun.value_or(SoakRun {});
    run.environment = env;
    whenReady(this, m_session->tickSoakPass(version, m_candidate, run, evaluation),
        [this, version, env, key](const Result<QList<ChecklistItem>> &ticked) {
            if (!ticked) {
                m_applied.remove(key);  // try again the next time the soak is shown
                emit statusMessage(tr("Could not tick the soak items: %1").arg(ticked.error().toString()));
                return;
            }
            if (ticked->isEmpty())
                return;
            emit statusMessage(
                tr("Soak PASS on %1 ticked %n checklist item(s)", nullptr, int(ticked->size())).arg(env));
            emit releaseTouched(version);
        });
}

void SoakTab::raiseForScreenshot()
{
    for (QWidget *w = parentWidget(); w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w); tabs && tabs->indexOf(this) >= 0) {
            tabs->setCurrentWidget(this);
            return;
        }
    }
}

}  // namespace cockpit
