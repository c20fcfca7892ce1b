#include "soak_monitor.h"

#include "prometheus_client.h"
#include "soak_timeline.h"

#include <QFutureWatcher>
#include <algorithm>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSoak, "cockpit.services.soak")

namespace cockpit {
namespace {

using std::chrono::seconds;

// Failures that say Prometheus is not answering, as opposed to answering "no data" or garbage.
bool isOutage(QueryFailure f)
{
    return f == QueryFailure::Unreachable || f == QueryFailure::Timeout || f == QueryFailure::HttpError;
}

void putReading(QList<Reading> &readings, const Reading &reading)
{
    for (Reading &r : readings) {
        if (r.time == reading.time) {
            r = reading;
            return;
        }
    }
    readings << reading;
    std::sort(
        readings.begin(), readings.end(), [](const Reading &a, const Reading &b) { return a.time < b.time; });
}

QString withEnv(QString query, const QString &env)
{
    return query.replace(QStringLiteral("$env"), env);
}

}  // namespace

seconds triggerStepFor(const QList<TriggerPolicy> &triggers, seconds scrapeInterval, seconds soakDuration)
{
    seconds step {60};
    for (const TriggerPolicy &t : triggers)
        if (!t.query.isEmpty() && t.forDuration.count() > 0)
            step = std::min(step, seconds(t.forDuration.count() / 4));
    step = std::max({step, scrapeInterval, seconds(1), seconds(soakDuration.count() / 10000 + 1)});
    return std::min(step, std::max(seconds(60), seconds(soakDuration.count() / 10000 + 1)));
}

void setProbesFor(SoakPlan &plan, const Policy &policy)
{
    plan.probeEnvironments.clear();
    for (const TriggerPolicy &trigger : std::as_const(plan.triggers)) {
        const EnvironmentPolicy *env = trigger.probe.isEmpty() ? nullptr : policy.environment(trigger.probe);
        const bool known = std::any_of(plan.probeEnvironments.cbegin(), plan.probeEnvironments.cend(),
            [&](const EnvironmentPolicy &e) { return e.name == trigger.probe; });
        if (env && !known)
            plan.probeEnvironments << *env;
    }
    plan.probeInterval = policy.soakProbeInterval;
    plan.probeTimeout = std::min<std::chrono::milliseconds>(std::chrono::seconds(10), plan.probeInterval);
}

SoakPlan soakPlanFor(const Policy &policy, const QString &environment, const QString &version,
    const QDateTime &start, std::optional<seconds> duration)
{
    SoakPlan plan;
    plan.environment = environment;
    plan.version = version;
    plan.start = start.toUTC();
    plan.duration = duration.value_or(policy.soakDuration);
    for (SoakCheckPolicy check : policy.soakChecks) {
        check.query = withEnv(check.query, environment);
        plan.checks << check;
    }
    for (TriggerPolicy trigger : policy.triggers) {
        trigger.query = withEnv(trigger.query, environment);
        plan.triggers << trigger;
    }
    setProbesFor(plan, policy);
    plan.scrapeInterval = policy.prometheusScrapeInterval;
    plan.triggerStep = triggerStepFor(plan.triggers, plan.scrapeInterval, plan.duration);
    plan.maxSampleAge = policy.soakMaxSampleAge;
    plan.refresh = policy.soakRefresh;
    plan.freshnessQuery = withEnv(policy.soakFreshnessQuery.value_or(kDefaultFreshnessQuery), environment);
    return plan;
}

SoakMonitor::SoakMonitor(PrometheusClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer.setInterval(std::chrono::seconds(15));
    connect(&m_timer, &QTimer::timeout, this, &SoakMonitor::poll);
    connect(&m_probeTimer, &QTimer::timeout, this, &SoakMonitor::probeAll);
}

void SoakMonitor::setPollInterval(std::chrono::milliseconds interval)
{
    m_pollIntervalSet = true;
    m_timer.setInterval(interval);
}

void SoakMonitor::begin(const SoakPlan &plan)
{
    stop();
    m_plan = plan;
    m_recording = SoakRecording {};
    m_recording.environment = plan.environment;
    m_recording.version = plan.version;
    m_recording.start = plan.start;
    m_recording.duration = plan.duration;
    for (const SoakCheckPolicy &check : plan.checks)
        m_recording.checks << RecordedCheck {check, {}, {}, std::nullopt};
    for (const TriggerPolicy &trigger : plan.triggers)
        m_recording.triggers << RecordedTrigger {
            trigger, {}, std::nullopt, trigger.probe.isEmpty() ? plan.triggerStep : plan.probeInterval};
    m_probing.clear();
    m_probeDetail.clear();
    m_seriesAt = {};
    m_triggerSeriesAt = {};
    m_stale = false;
    m_fired.clear();
}

void SoakMonitor::startLive(const SoakPlan &plan)
{
    begin(plan);
    // A trigger is judged as often as its data is fine: a `for: 30s` one every 7 s, not every 15.
    if (!m_pollIntervalSet)
        m_timer.setInterval(std::min<std::chrono::milliseconds>(
            {seconds(15), plan.triggerStep, std::max(seconds(1), plan.refresh)}));
    m_timer.start();
    poll();
    startProbes();
}

void SoakMonitor::evaluateWindow(const SoakPlan &plan, const QDateTime &end)
{
    begin(plan);
    runPass(std::min(end.toUTC(), m_clock().toUTC()), true);
}

void SoakMonitor::stop()
{
    m_timer.stop();
    m_probeTimer.stop();
    ++m_generation;
    m_pending = 0;
}

void SoakMonitor::poll()
{
    if (m_pending > 0)
        return;  // the previous pass is still waiting for Prometheus
    runPass(m_clock().toUTC(), false);
}

void SoakMonitor::runPass(const QDateTime &now, bool final)
{
    m_passTime = now;
    m_finalPass = final;
    m_passFailure.clear();
    m_passAnswered = false;
    m_passAsked = 0;
    m_pending = 1;  // held until every query of this pass is sent
    queryMeasurements(now);
    const QDateTime end = soakEnd(m_plan.checks, m_plan.start, m_plan.duration);
    // The lines follow at the refresh cadence; triggers are re-read at their own step.
    const auto due = [&](const QDateTime &at, seconds every) {
        return final || !at.isValid() || at.msecsTo(now) >= every.count() * 1000 - 250 || (now >= end && at < end);
    };
    const bool checksDue = due(m_seriesAt, std::max(seconds(1), m_plan.refresh));
    const bool triggersDue = due(m_triggerSeriesAt, m_plan.triggerStep);
    if (checksDue || triggersDue)
        querySeries(now, checksDue, triggersDue);
    if (--m_pending == 0)
        finishPass();
}

void SoakMonitor::queryMeasurements(const QDateTime &now)
{
    for (qsizetype i = 0; i < m_recording.checks.size(); ++i) {
        const RecordedCheck &check = m_recording.checks[i];
        const CheckInput input {check.policy, check.readings, check.baseline};
        for (const QDateTime &time : dueMeasurements(input, m_plan.start, m_plan.duration, now))
            measure(i, time);
        const bool baselineMissing
            = !check.baseline || check.baseline->failure != QueryFailure::None || !check.baseline->value;
        if (needsBaseline(check.policy) && baselineMissing) {
            expect(m_client->instant(baselineQuery(check.policy), m_plan.start),
                [this, i](const QueryOutcome &o) {
                    RecordedCheck &c = m_recording.checks[i];
                    c.baseline = readingFromInstant(o, m_plan.start, c.policy);
                });
        }
    }
}

// A measurement due at T is asked at T (time=T), never "now": a late one, after an outage, gets
// T's data. With the freshness answer at T it is kept only when Prometheus had scraped within
// max_sample_age before T; else it is a Stale error (counted against consecutive_error_limit).
void SoakMonitor::measure(qsizetype i, const QDateTime &time)
{
    const SoakCheckPolicy &policy = m_recording.checks[i].policy;
    if (m_plan.freshnessQuery.isEmpty()) {
        expect(m_client->instant(policy.query, time), [this, i, time](const QueryOutcome &o) {
            RecordedCheck &c = m_recording.checks[i];
            putReading(c.readings, readingFromInstant(o, time, c.policy));
        });
        return;
    }
    struct Pair {
        std::optional<QueryOutcome> value;
        std::optional<QueryOutcome> freshness;
    };
    auto pair = std::make_shared<Pair>();
    const seconds maxAge = maxSampleAge(policy, m_plan.maxSampleAge, m_plan.scrapeInterval);
    const auto both = [this, i, time, pair, maxAge] {
        if (!pair->value || !pair->freshness)
            return;
        RecordedCheck &c = m_recording.checks[i];
        putReading(c.readings, withFreshness(readingFromInstant(*pair->value, time, c.policy), *pair->freshness, maxAge));
    };
    expect(m_client->instant(policy.query, time), [pair, both](const QueryOutcome &o) {
        pair->value = o;
        both();
    });
    expect(m_client->instant(m_plan.freshnessQuery, time), [pair, both](const QueryOutcome &o) {
        pair->freshness = o;
        both();
    });
}

void SoakMonitor::querySeries(const QDateTime &now, bool checks, bool triggers)
{
    if (checks)
        m_seriesAt = now;
    if (triggers)
        m_triggerSeriesAt = now;
    const QDateTime end = std::min(now, soakEnd(m_plan.checks, m_plan.start, m_plan.duration));
    if (end <= m_plan.start)
        return;
    // The lines at the data's own resolution (the scrape interval, coarser only past 11,000 points).
    const seconds step = PrometheusClient::stepFor(m_plan.start, end, std::max(seconds(1), m_plan.scrapeInterval));
    if (checks)
        queryCheckSeries(end, step);
    for (qsizetype i = 0; triggers && i < m_recording.triggers.size(); ++i) {
        const TriggerPolicy &t = m_recording.triggers[i].policy;
        if (t.query.isEmpty())
            continue;  // probe and manual triggers are not Prometheus' to judge
        expect(m_client->range(t.query, m_plan.start, end, m_plan.triggerStep),
            [this, i](const QueryOutcome &o) { m_recording.triggers[i].series = o; });
        if (needsBaseline(t) && !m_recording.triggers[i].baseline) {
            expect(m_client->instant(baselineQuery(t), m_plan.start), [this, i](const QueryOutcome &o) {
                SoakCheckPolicy asCheck;  // readingFromInstant only needs the bound's direction
                asCheck.max = m_recording.triggers[i].policy.max;
                asCheck.min = m_recording.triggers[i].policy.min;
                m_recording.triggers[i].baseline = readingFromInstant(o, m_plan.start, asCheck);
            });
        }
    }
}

// Each check's line over the window, with the freshness query's range on the same steps: the
// steps Prometheus filled from its look-back during an outage are dropped (a gap, not a line).
// During an outage the last data stays (the chart greys what follows it); the readings due
// meanwhile are errors of their own.
void SoakMonitor::queryCheckSeries(const QDateTime &end, seconds step)
{
    auto scrapes = std::make_shared<std::optional<QueryOutcome>>();
    auto values = std::make_shared<QMap<qsizetype, QueryOutcome>>();
    const qsizetype count = m_recording.checks.size();
    const bool fresh = !m_plan.freshnessQuery.isEmpty();
    const auto apply = [this, scrapes, values, count, fresh] {
        if (values->size() < count || (fresh && !*scrapes))
            return;
        const QList<Sample> scrapeTimes = fresh && (*scrapes)->ok() && !(*scrapes)->series.isEmpty()
            ? (*scrapes)->series.first().samples
            : QList<Sample>();
        for (auto it = values->begin(); it != values->end(); ++it) {
            QueryOutcome o = it.value();
            RecordedCheck &c = m_recording.checks[it.key()];
            const qint64 maxAge = maxSampleAge(c.policy, m_plan.maxSampleAge, m_plan.scrapeInterval).count() * 1000;
            for (Series &series : o.series)
                series.samples = freshSamplesOnly(series.samples, scrapeTimes, maxAge);
            if (o.ok() || !isOutage(o.failure) || !c.series.ok() || c.series.series.isEmpty())
                c.series = o;
        }
    };
    for (qsizetype i = 0; i < count; ++i) {
        expect(m_client->range(m_recording.checks[i].policy.query, m_plan.start, end, step),
            [values, apply, i](const QueryOutcome &o) {
                values->insert(i, o);
                apply();
            });
    }
    if (fresh && count > 0) {
        expect(m_client->range(m_plan.freshnessQuery, m_plan.start, end, step), [scrapes, apply](const QueryOutcome &o) {
            *scrapes = o;
            apply();
        });
    }
}

void SoakMonitor::expect(QFuture<QueryOutcome> future, std::function<void(const QueryOutcome &)> apply)
{
    ++m_pending;
    ++m_passAsked;
    const quint64 generation = m_generation;
    // A watcher the monitor owns, not future.then(this, ...): Qt 6.4's continuation asserts that its
    // context is alive when the answer comes, and a window closed mid-query had deleted the monitor
    // (tst_window_fit aborted under make asan). An answer for a deleted monitor is dropped.
    auto *watcher = new QFutureWatcher<QueryOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, apply = std::move(apply)] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;  // stopped or restarted since this was asked, or cancelled
        const QueryOutcome outcome = watcher->result();
        apply(outcome);
        note(outcome);
        if (--m_pending == 0)
            finishPass();
    });
    watcher->setFuture(future);
}

void SoakMonitor::note(const QueryOutcome &outcome)
{
    if (isOutage(outcome.failure)) {
        if (m_passFailure.isEmpty())
            m_passFailure
                = QStringLiteral("Prometheus %1: %2").arg(queryFailureName(outcome.failure), outcome.message);
    } else {
        m_passAnswered = true;
    }
}

void SoakMonitor::finishPass()
{
    m_recording.recordedAt = m_passTime;
    m_evaluation = evaluateRecording(m_recording, m_passTime);
    qCDebug(lcSoak) << m_plan.environment << soakVerdictName(m_evaluation.verdict) << "at" << m_passTime;
    if (!m_passFailure.isEmpty() && !m_stale) {
        m_stale = true;
        emit stale(m_passFailure);
    } else if (m_passFailure.isEmpty() && m_passAnswered && m_stale) {
        m_stale = false;
        emit recovered();
    }
    emit updated(m_evaluation);
    for (const TriggerResult &t : m_evaluation.triggers) {
        if (t.fired && !m_fired.contains(t.name)) {
            m_fired.insert(t.name);
            emit triggerFired(t.name, t.severity);
        }
    }
    const bool over = m_evaluation.verdict != SoakVerdict::Running
        && m_passTime >= soakEnd(m_plan.checks, m_plan.start, m_plan.duration);
    if (m_finalPass || (m_timer.isActive() && over)) {
        m_timer.stop();
        m_probeTimer.stop();
        emit finished(m_evaluation);
    }
}

}  // namespace cockpit
