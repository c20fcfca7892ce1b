// MetricsService on a real SQLite store and a real git repository whose commits have fixed dates
// (git CLI, GIT_AUTHOR_DATE/GIT_COMMITTER_DATE in the environment of an argv call), then the
// `metrics` and `calendar` commands' --json through the real binary on the same files.
#include "support/cli_runner.h"
#include "metrics_service.h"
#include "release_service.h"
#include "support/store_test_support.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;
using namespace cockpit::test;

namespace {

QDateTime t(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Qt::UTC);
}

bool git(const QString &dir, const QStringList &args, const QDateTime &when = {})
{
    QProcess p;
    p.setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (when.isValid()) {
        const QString stamp = QStringLiteral("%1 +0000").arg(when.toSecsSinceEpoch());
        env.insert(QStringLiteral("GIT_AUTHOR_DATE"), stamp);
        env.insert(QStringLiteral("GIT_COMMITTER_DATE"), stamp);
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("git"), args);
    return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

}  // namespace

// History (UTC), window [Mon 2026-03-02, Mon 2026-03-09):
// c1 Mar 1 09:00, c2 Mar 2 09:00 -> 1.0.0 (minor): staging Mar 2 12:00, production Mar 3 09:00: 48h, 24h
// c3 Mar 3 12:00, c4 Mar 4 00:00 -> 1.1.0 (minor): production Mar 4 12:00: 24h, 12h
// c5 Mar 5 06:00 -> 1.1.1 (patch): production Mar 5 12:00: 6h; rollback.request Mar 5 13:00,
//                   state rolled_back Mar 5 13:30: an incident of 30 minutes.
// Lead times 6 12 24 24 48: median 24h (target 24h: met), p90 48h. 3 deployments in one week;
// 1 failed: 33.3% (target 5%: missed). Restore 30m (target 1h: met). Patch 1/week < Daily: missed.
class TestMetricsService : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void metricsFromStoreAndGit();
    void calendarIncludesStoreReleases();
    void cliMetricsJson();
    void cliCalendarJson();

private:
    QTemporaryDir m_tmp;
    QString m_repo, m_db;
    std::unique_ptr<Store> m_store;
    std::optional<Workspace> m_workspace;
    QDateTime m_now;
};

void TestMetricsService::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_repo = m_tmp.filePath(QStringLiteral("repo"));
    QVERIFY(QDir().mkpath(m_repo));
    QVERIFY(git(m_repo,
        {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")}));
    QVERIFY(git(m_repo, {QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Test")}));
    QVERIFY(git(
        m_repo, {QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("rm@example.com")}));
    const QList<QDateTime> dates {t(3, 1, 9), t(3, 2, 9), t(3, 3, 12), t(3, 4, 0), t(3, 5, 6)};
    for (int i = 0; i < dates.size(); ++i)
        QVERIFY(git(m_repo,
            {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("--allow-empty"),
                QStringLiteral("-m"), QStringLiteral("feat: change %1").arg(i + 1)},
            dates[i]));
    QVERIFY(initWorkspaceFromPreset(m_repo, QStringLiteral("release-train")).has_value());
    auto ws = Workspace::load(m_repo);
    QVERIFY2(ws, why(ws).constData());
    m_workspace = *ws;

    m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
    m_store = std::make_unique<Store>();
    auto opened = m_store->open(m_db);
    COCKPIT_AWAIT(opened);
    QVERIFY2(opened.result(), why(opened.result()).constData());
    m_store->setClock([this] { return m_now; });
    ReleaseService service(
        m_store.get(), *m_workspace, Identity {QStringLiteral("rm@example.com"), QStringLiteral("RM")});
    const struct {
        const char *version, *ref, *type;
    } releases[] = {{"1.0.0", "HEAD~3", "minor"}, {"1.1.0", "HEAD~1", "minor"}, {"1.1.1", "HEAD", "patch"}};
    m_now = t(3, 1, 8);
    for (const auto &r : releases) {
        auto created = service
                           .createRelease({QString::fromLatin1(r.version), QString::fromLatin1(r.ref),
                               QString::fromLatin1(r.type), QDate(2026, 3, 10)})
                           .result();
        QVERIFY2(created, why(created).constData());
    }
    const struct {
        const char *version, *env;
        QDateTime at;
    } deployments[] = {{"1.0.0", "staging", t(3, 2, 12)}, {"1.0.0", "production", t(3, 3, 9)},
        {"1.1.0", "production", t(3, 4, 12)}, {"1.1.1", "production", t(3, 5, 12)}};
    for (const auto &d : deployments) {
        m_now = d.at;
        auto done = m_store
                        ->recordDeployment(QString::fromLatin1(d.version), QString::fromLatin1(d.env),
                            QStringLiteral("rm@example.com"))
                        .result();
        QVERIFY2(done, why(done).constData());
    }
    AuditEntry request {0, t(3, 5, 13), QStringLiteral("oncall@example.com"),
        QStringLiteral("rollback.request"), QStringLiteral("1.1.1"), {}, {},
        QJsonObject {{QStringLiteral("reason"), QStringLiteral("5xx above 5%")}}};
    QVERIFY(m_store->appendAudit(request).result().has_value());
    m_now = t(3, 5, 13, 30);
    QVERIFY(m_store
                ->setReleaseState(
                    QStringLiteral("1.1.1"), ReleaseState::RolledBack, QStringLiteral("oncall@example.com"))
                .result()
                .has_value());
}

void TestMetricsService::metricsFromStoreAndGit()
{
    ReleaseService service(m_store.get(), *m_workspace, Identity {});
    MetricsService metrics(&service);
    auto future = metrics.metrics(t(3, 2, 0), t(3, 9, 0));
    COCKPIT_AWAIT(future);
    const auto snapshot = future.result();
    QVERIFY2(snapshot, why(snapshot).constData());
    const DoraReport &r = snapshot->report;
    QCOMPARE(snapshot->incidentSource, QStringLiteral("audit"));
    QCOMPARE(r.production, QStringLiteral("production"));
    QCOMPARE(snapshot->input.commitTimes.value(QStringLiteral("1.0.0")).size(), 2);  // c1 c2, from the root
    QCOMPARE(snapshot->input.commitTimes.value(QStringLiteral("1.1.0")).size(), 2);  // c3 c4
    QCOMPARE(snapshot->input.commitTimes.value(QStringLiteral("1.1.1")).size(), 1);  // c5
    QCOMPARE(r.leadTimeCommits, 5);
    QCOMPARE(r.leadTimeMedian->count(), 24 * 3600);
    QCOMPARE(r.leadTimeP90->count(), 48 * 3600);
    QCOMPARE(r.leadTimeStatus, TargetStatus::Met);
    QCOMPARE(r.productionDeployments, 3);
    QCOMPARE(r.deploymentsPerWeek, 3.0);
    QCOMPARE(r.failedDeployments, 1);
    QVERIFY(qFuzzyCompare(*r.changeFailureRate, 100.0 / 3));
    QCOMPARE(r.changeFailureRateStatus, TargetStatus::Missed);
    QCOMPARE(r.incidents, 1);
    QCOMPARE(r.restoreMedian->count(), 30 * 60);
    QCOMPARE(r.restoreStatus, TargetStatus::Met);
    QCOMPARE(r.frequencyStatus, TargetStatus::Missed);  // patch: 1 a week, Daily asked
    QCOMPARE(r.weeks.size(), 1);
    QCOMPARE(r.weeks[0].deployments, 3);

    // An incident source, when set, is used instead of the audit log.
    metrics.setIncidentSource([] {
        Incident open;
        open.version = QStringLiteral("1.1.0");
        open.openedAt = t(3, 6, 0);
        return QtFuture::makeReadyFuture(Result<QList<Incident>>(QList<Incident> {open}));
    });
    auto other = metrics.metrics(t(3, 2, 0), t(3, 9, 0));
    COCKPIT_AWAIT(other);
    QCOMPARE(other.result()->incidentSource, QStringLiteral("incidents"));
    QCOMPARE(other.result()->report.unrecovered, QStringList {QStringLiteral("1.1.0")});
    QVERIFY(!other.result()->report.restoreMedian);
}

void TestMetricsService::calendarIncludesStoreReleases()
{
    ReleaseService service(m_store.get(), *m_workspace, Identity {});
    MetricsService metrics(&service);
    auto future = metrics.calendar(QDate(2026, 3, 1), QDate(2026, 3, 31));
    COCKPIT_AWAIT(future);
    const auto snapshot = future.result();
    QVERIFY2(snapshot, why(snapshot).constData());
    int store = 0;
    for (const CalendarEvent &e : snapshot->calendar.events) {
        if (e.source == CalendarSource::Store && !e.isFreeze()) {
            ++store;
            QCOMPARE(e.date, QDate(2026, 3, 10));
        }
    }
    QCOMPARE(store, 3);  // the three releases target 2026-03-10
}

void TestMetricsService::cliMetricsJson()
{
    const QString data = m_tmp.filePath(QStringLiteral("xdg"));
    const CliRun run
        = runCockpit({QStringLiteral("metrics"), QStringLiteral("--from"), QStringLiteral("2026-03-02"),
                         QStringLiteral("--to"), QStringLiteral("2026-03-08"), QStringLiteral("--json"),
                         QStringLiteral("--workspace"), m_repo, QStringLiteral("--db"), m_db},
            data);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject o = run.json();
    QCOMPARE(
        o.value(QStringLiteral("to")).toString(), QStringLiteral("2026-03-09T00:00:00Z"));  // end of the day
    const QJsonObject lead = o.value(QStringLiteral("lead_time")).toObject();
    QCOMPARE(lead.value(QStringLiteral("median_seconds")).toInteger(), 24 * 3600);
    QCOMPARE(lead.value(QStringLiteral("status")).toString(), QStringLiteral("met"));
    QCOMPARE(lead.value(QStringLiteral("releases")).toArray().size(), 3);
    const QJsonObject cfr = o.value(QStringLiteral("change_failure_rate")).toObject();
    QCOMPARE(cfr.value(QStringLiteral("failed")).toInt(), 1);
    QCOMPARE(cfr.value(QStringLiteral("status")).toString(), QStringLiteral("missed"));
    const QJsonObject ttr = o.value(QStringLiteral("time_to_restore")).toObject();
    QCOMPARE(ttr.value(QStringLiteral("median_seconds")).toInteger(), 1800);
    QCOMPARE(o.value(QStringLiteral("series")).toArray().size(), 1);
    QCOMPARE(o.value(QStringLiteral("deployment_frequency"))
                 .toObject()
                 .value(QStringLiteral("targets"))
                 .toArray()
                 .size(),
        2);

    const CliRun bad
        = runCockpit({QStringLiteral("metrics"), QStringLiteral("--from"), QStringLiteral("yesterday"),
                         QStringLiteral("--workspace"), m_repo, QStringLiteral("--db"), m_db},
            data);
    QCOMPARE(bad.exitCode, 64);
}

void TestMetricsService::cliCalendarJson()
{
    const CliRun run
        = runCockpit({QStringLiteral("calendar"), QStringLiteral("--from"), QStringLiteral("2026-02-01"),
                         QStringLiteral("--months"), QStringLiteral("2"), QStringLiteral("--json"),
                         QStringLiteral("--workspace"), m_repo, QStringLiteral("--db"), m_db},
            m_tmp.filePath(QStringLiteral("xdg")));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject o = run.json();
    QCOMPARE(o.value(QStringLiteral("to")).toString(), QStringLiteral("2026-03-31"));
    const QJsonArray events = o.value(QStringLiteral("events")).toArray();
    // The 18 of tst_release_calendar plus the store's three releases on Mar 10 and their freezes.
    QCOMPARE(events.size(), 24);
    QJsonObject module;
    for (const QJsonValue &v : events) {
        if (v.toObject().value(QStringLiteral("version")).toString() == QLatin1String("inventory/v1.9.0"))
            module = v.toObject();
    }
    QCOMPARE(module.value(QStringLiteral("time")).toString(), QStringLiteral("2026-03-11T10:00:00-07:00"));
    QCOMPARE(module.value(QStringLiteral("zone")).toString(), QStringLiteral("America/Los_Angeles"));
    QCOMPARE(module.value(QStringLiteral("kind")).toString(), QStringLiteral("release"));
    QVERIFY(o.value(QStringLiteral("warnings")).toArray().isEmpty());
}

QTEST_MAIN(TestMetricsService)
#include "tst_metrics_service.moc"
