// Canary phases through the real binary (a real git repository, SQLite, set_traffic as a real
// process given its values as arguments and environment variables, never shell text): start,
// the runaway guard (a phase without checks waits for a person), a set_traffic failing half-way
// (paused at the last confirmed share, nothing claims the new one), resume, advancing early only
// with a reason, stop-the-line holding an advance, abort to 0%, a new start, completion with the
// old version's removal scheduled, and a release type without a canary refused.
#include "prometheus_client.h"
#include "support/cli_runner.h"
#include "support/scratch_repo.h"
#include "support/service_process.h"

#include <QFile>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>
#include <memory>

namespace {

const QByteArray kPolicy = "project: T\n"
                           "roles:\n"
                           "  release_manager: [rm@x]\n"
                           "  lead: [lead@x]\n"
                           "release_types:\n"
                           "  minor:\n"
                           "    approvals: [{role: lead, count: 1}]\n"
                           "    checklists: [pre-release]\n"
                           "  patch:\n"
                           "    approvals: [{role: lead, count: 1}]\n"
                           "    checklists: [pre-release]\n"
                           "environments:\n"
                           "  staging: {base_url: 'http://127.0.0.1:9'}\n"
                           "  production: {base_url: 'http://127.0.0.1:9'}\n"
                           "canary:\n"
                           "  environment: production\n"
                           "  release_types: [minor]\n"
                           "  cleanup_after: 72h\n"
                           "  set_traffic: [sh, ops/set-traffic.sh, '{percent}', 'v{version}', '{phase}', '{env}']\n"
                           "  phases:\n"
                           "    - {name: Ten, traffic: 10, duration: 2s}\n"
                           "    - {name: Fifty, traffic: 50, duration: 1h}\n"
                           "    - {name: All, traffic: 100}\n"
                           "rollback:\n"
                           "  steps:\n"
                           "    - {name: Revert the load balancer, manual: 'Point the load balancer at {rollback_tag}'}\n";

// The same canary with checks in its first two phases, judged by a real Prometheus scraping a
// live exporter every second: the first phase passes on its own, the second breaches.
QByteArray livePolicy(const QString &prometheusUrl)
{
    QByteArray yaml = kPolicy;
    const QByteArray check = "      checks: [{name: Error rate, query: 'soak_live_errors{env=\"live\"}', max: 5, interval: 2s}]\n";
    yaml.replace("    - {name: Ten, traffic: 10, duration: 2s}\n",
        "    - name: Ten\n      traffic: 10\n      duration: 6s\n" + check);
    yaml.replace("    - {name: Fifty, traffic: 50, duration: 1h}\n",
        "    - name: Fifty\n      traffic: 50\n      duration: 1h\n" + check);
    return yaml + "prometheus: {url: '" + prometheusUrl.toUtf8() + "', scrape_interval: 1s}\n";
}

// Appends what it was asked to traffic.log; fails (exit 3, half-way: after printing) while
// ops/fail-at-PERCENT exists. Its values come as arguments and CANARY_* variables.
const QByteArray kSetTraffic = "#!/bin/sh\n"
                               "echo \"$1 $2 $3 $4 env=$CANARY_PERCENT/$CANARY_PHASE/$CANARY_ENV\" >> traffic.log\n"
                               "if [ -e \"ops/fail-at-$1\" ]; then echo 'weights half-applied' >&2; exit 3; fi\n";

}  // namespace

class TstCliCanary : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<ScratchRepo> m_repo;
    QString m_db;
    QString m_data;
    ServiceProcess m_exporter;
    ServiceProcess m_prometheus;
    QString m_prometheusUrl;

    CliRun as(const QString &email, QStringList args)
    {
        m_repo->git({QStringLiteral("config"), QStringLiteral("user.email"), email});
        return runCockpit(args << QStringLiteral("--workspace") << m_repo->dir() << QStringLiteral("--db") << m_db, m_data);
    }
    CliRun canary(const QString &verb, const QString &version, const QStringList &extra = {})
    {
        return as(QStringLiteral("rm@x"), QStringList {QStringLiteral("canary"), verb, version} + extra);
    }
    QJsonObject status(const QString &version)
    {
        return canary(QStringLiteral("status"), version, {QStringLiteral("--json")}).json();
    }
    QStringList trafficLog() const
    {
        QFile f(m_repo->dir() + QStringLiteral("/traffic.log"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }
    void approve(const QString &version, const QString &type)
    {
        const CliRun created = as(QStringLiteral("rm@x"),
            {QStringLiteral("release"), QStringLiteral("new"), version, QStringLiteral("--type"), type});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QCOMPARE(as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("freeze"), version,
                     QStringLiteral("--reason"), QStringLiteral("train")}).exitCode, 0);
        QCOMPARE(as(QStringLiteral("rm@x"), {QStringLiteral("tag"), QStringLiteral("create"), version + QStringLiteral("-rc1")})
                     .exitCode, 0);
        QCOMPARE(as(QStringLiteral("rm@x"), {QStringLiteral("checklist"), QStringLiteral("tick"), version,
                     QStringLiteral("pre-release.1")}).exitCode, 0);
        const CliRun signed_ = as(QStringLiteral("lead@x"),
            {QStringLiteral("signoff"), version, QStringLiteral("--role"), QStringLiteral("lead")});
        QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
        const CliRun staged = as(QStringLiteral("rm@x"),
            {QStringLiteral("release"), QStringLiteral("deployed"), version, QStringLiteral("--env"), QStringLiteral("staging")});
        QVERIFY2(staged.exitCode == 0, qPrintable(staged.err));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
        m_data = m_tmp.filePath(QStringLiteral("xdg"));
        m_repo = std::make_unique<ScratchRepo>(m_tmp.filePath(QStringLiteral("repo")));
        m_repo->commit(QStringLiteral("fix: initial"),
            {{QStringLiteral(".release-cockpit/policy.yml"), kPolicy},
                {QStringLiteral(".release-cockpit/checklists/pre-release.md"), "# Pre\n\n- [ ] Tests green\n"},
                {QStringLiteral("ops/set-traffic.sh"), kSetTraffic},
                {QStringLiteral("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- a bug\n"}});
        QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
        m_repo->git({QStringLiteral("tag"), QStringLiteral("-a"), QStringLiteral("v0.9.0"), QStringLiteral("-m"),
            QStringLiteral("0.9.0: what a rollback goes back to")});
        approve(QStringLiteral("1.0.0"), QStringLiteral("minor"));
    }

    void nothingMovesBeforeAStart()
    {
        // Production takes a minor release only through its canary, and the release cannot be
        // released before the canary completed: readiness says so.
        const CliRun direct = as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("deployed"),
            QStringLiteral("1.0.0"), QStringLiteral("--env"), QStringLiteral("production")});
        QCOMPARE(direct.exitCode, 1);
        QVERIFY2(direct.err.contains(QStringLiteral("through the canary's phases, not all at once")), qPrintable(direct.err));
        QVERIFY2(direct.err.contains(QStringLiteral("canary start 1.0.0")), qPrintable(direct.err));
        const CliRun early = canary(QStringLiteral("advance"), QStringLiteral("1.0.0"));
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(early.err.contains(QStringLiteral("no canary was started")), qPrintable(early.err));
        QCOMPARE(status(QStringLiteral("1.0.0")).value(QStringLiteral("state")).toString(), QStringLiteral("not_started"));
    }

    void startSetsTheFirstPhase()
    {
        const CliRun started = canary(QStringLiteral("start"), QStringLiteral("1.0.0"));
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QVERIFY2(started.out.contains(QStringLiteral("canary 10%, phase 1 of 3")), qPrintable(started.out));
        QCOMPARE(trafficLog(), QStringList {QStringLiteral("10 v1.0.0 1 production env=10/1/production")});
        const QJsonObject s = status(QStringLiteral("1.0.0"));
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(s.value(QStringLiteral("traffic")).toInt(), 10);
        const CliRun finish = as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("finish"),
            QStringLiteral("1.0.0")});
        QCOMPARE(finish.exitCode, 1);
        QVERIFY2(finish.err.contains(QStringLiteral("the canary in production is not complete: canary 10%, phase 1 of 3")),
            qPrintable(finish.err));
        // The release is live in production from the start: `env status` and rollback see it there.
        const CliRun again = canary(QStringLiteral("start"), QStringLiteral("1.0.0"));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already running")), qPrintable(again.err));
    }

    void aPhaseWithoutChecksWaitsForAPerson()
    {
        // Its 2 s window first; then it never advances on its own.
        const CliRun watched = canary(QStringLiteral("watch"), QStringLiteral("1.0.0"), {QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY2(watched.exitCode == 2, qPrintable(watched.err + watched.out));
        QVERIFY2(watched.out.contains(QStringLiteral("has no checks: a person advances it")), qPrintable(watched.out));
        QCOMPARE(status(QStringLiteral("1.0.0")).value(QStringLiteral("traffic")).toInt(), 10);
        QCOMPARE(trafficLog().size(), 1);
    }

    void aFailingSetTrafficPausesAtTheLastConfirmedShare()
    {
        QFile fail(m_repo->dir() + QStringLiteral("/ops/fail-at-50"));
        QVERIFY(fail.open(QIODevice::WriteOnly));
        fail.close();
        const CliRun advanced = canary(QStringLiteral("advance"), QStringLiteral("1.0.0"));
        QCOMPARE(advanced.exitCode, 1);
        QVERIFY2(advanced.err.contains(QStringLiteral("set_traffic 50% failed (exit 3")), qPrintable(advanced.err));
        QVERIFY2(advanced.err.contains(QStringLiteral("weights half-applied")), qPrintable(advanced.err));
        QVERIFY2(advanced.err.contains(QStringLiteral("paused at 10%")), qPrintable(advanced.err));
        const QJsonObject s = status(QStringLiteral("1.0.0"));
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("paused"));
        QCOMPARE(s.value(QStringLiteral("traffic")).toInt(), 10);  // nothing claims 50%
        QCOMPARE(s.value(QStringLiteral("phase")).toInt(), 1);

        const CliRun whilePaused = canary(QStringLiteral("advance"), QStringLiteral("1.0.0"));
        QCOMPARE(whilePaused.exitCode, 1);
        QVERIFY2(whilePaused.err.contains(QStringLiteral("resume it first")), qPrintable(whilePaused.err));
        QVERIFY(fail.remove());
        QCOMPARE(canary(QStringLiteral("resume"), QStringLiteral("1.0.0"), {QStringLiteral("--reason"), QStringLiteral("weights fixed")}).exitCode, 0);
        const CliRun moved = canary(QStringLiteral("advance"), QStringLiteral("1.0.0"));
        QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        QCOMPARE(status(QStringLiteral("1.0.0")).value(QStringLiteral("traffic")).toInt(), 50);
        QCOMPARE(trafficLog().size(), 3);
    }

    void stopTheLineHoldsAnAdvance()
    {
        QCOMPARE(as(QStringLiteral("rm@x"), {QStringLiteral("freeze"), QStringLiteral("start"), QStringLiteral("--reason"),
                     QStringLiteral("incident")}).exitCode, 0);
        const CliRun held = canary(QStringLiteral("advance"), QStringLiteral("1.0.0"), {QStringLiteral("--reason"), QStringLiteral("go")});
        QCOMPARE(held.exitCode, 1);
        QVERIFY2(held.err.contains(QStringLiteral("incident")), qPrintable(held.err));
        QCOMPARE(as(QStringLiteral("rm@x"), {QStringLiteral("freeze"), QStringLiteral("end"), QStringLiteral("--reason"),
                     QStringLiteral("over")}).exitCode, 0);
        QCOMPARE(trafficLog().size(), 3);
    }

    void advancingEarlyNeedsAReason()
    {
        const CliRun early = canary(QStringLiteral("advance"), QStringLiteral("1.0.0"));
        QCOMPARE(early.exitCode, 64);
        QVERIFY2(early.err.contains(QStringLiteral("advancing it early needs a reason")), qPrintable(early.err));
        QCOMPARE(status(QStringLiteral("1.0.0")).value(QStringLiteral("traffic")).toInt(), 50);
    }

    void aRollbackPlanSetsTheCanaryBackFirst()
    {
        const CliRun plan = as(QStringLiteral("rm@x"), {QStringLiteral("rollback"), QStringLiteral("1.0.0"),
            QStringLiteral("--dry-run"), QStringLiteral("--reason"), QStringLiteral("latency")});
        QVERIFY2(plan.exitCode == 0, qPrintable(plan.err));
        const QString all = plan.out + plan.err;
        const qsizetype traffic = all.indexOf(QStringLiteral("Set canary traffic in production to 0%"));
        QVERIFY2(traffic >= 0, qPrintable(all));
        QVERIFY2(traffic < all.indexOf(QStringLiteral("Revert the load balancer")), qPrintable(all));
        QCOMPARE(trafficLog().size(), 3);  // a dry run runs nothing
    }

    void abortSetsZeroAndANewStartBeginsAgain()
    {
        const CliRun noReason = canary(QStringLiteral("abort"), QStringLiteral("1.0.0"));
        QCOMPARE(noReason.exitCode, 64);
        const CliRun aborted = canary(QStringLiteral("abort"), QStringLiteral("1.0.0"), {QStringLiteral("--reason"), QStringLiteral("latency")});
        QVERIFY2(aborted.exitCode == 0, qPrintable(aborted.err));
        QVERIFY(trafficLog().constLast().startsWith(QStringLiteral("0 v1.0.0 2 production")));
        QJsonObject s = status(QStringLiteral("1.0.0"));
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("aborted"));
        QCOMPARE(s.value(QStringLiteral("traffic")).toInt(), 0);
        const CliRun restarted = canary(QStringLiteral("start"), QStringLiteral("1.0.0"));
        QVERIFY2(restarted.exitCode == 0, qPrintable(restarted.err));
        s = status(QStringLiteral("1.0.0"));
        QCOMPARE(s.value(QStringLiteral("traffic")).toInt(), 10);
        QCOMPARE(s.value(QStringLiteral("phases")).toArray().at(1).toObject().value(QStringLiteral("started_at")).toString(), QString());
    }

    void completesAtOneHundredAndSchedulesTheCleanup()
    {
        for (const char *reason : {"first phase seen", "second phase seen"}) {
            const CliRun moved = canary(QStringLiteral("advance"), QStringLiteral("1.0.0"),
                {QStringLiteral("--reason"), QString::fromLatin1(reason)});
            QVERIFY2(moved.exitCode == 0, qPrintable(moved.err));
        }
        const QJsonObject s = status(QStringLiteral("1.0.0"));
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QCOMPARE(s.value(QStringLiteral("traffic")).toInt(), 100);
        const QDateTime cleanup = QDateTime::fromString(s.value(QStringLiteral("cleanup_due")).toString(), Qt::ISODate);
        QVERIFY(cleanup.isValid());
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(cleanup) - 72 * 3600) < 120);
        const QJsonArray phases = s.value(QStringLiteral("phases")).toArray();
        QCOMPARE(phases.at(0).toObject().value(QStringLiteral("advanced_by")).toString(), QStringLiteral("rm@x"));
        QVERIFY(trafficLog().constLast().startsWith(QStringLiteral("100 v1.0.0 3 production")));
        // The cleanup is a scheduled item: in the calendar, at its time, and in its iCalendar export.
        const CliRun calendar = as(QStringLiteral("rm@x"), {QStringLiteral("calendar"), QStringLiteral("--json"),
            QStringLiteral("--from"), QDate::currentDate().toString(Qt::ISODate), QStringLiteral("--months"), QStringLiteral("1")});
        QVERIFY2(calendar.exitCode == 0, qPrintable(calendar.err));
        QJsonObject cleanupEvent;
        for (const QJsonValue &e : calendar.json().value(QStringLiteral("events")).toArray())
            if (e.toObject().value(QStringLiteral("kind")).toString() == u"cleanup")
                cleanupEvent = e.toObject();
        QCOMPARE(cleanupEvent.value(QStringLiteral("version")).toString(), QStringLiteral("1.0.0"));
        QCOMPARE(QDateTime::fromString(cleanupEvent.value(QStringLiteral("time")).toString(), Qt::ISODate), cleanup);
        QVERIFY2(cleanupEvent.value(QStringLiteral("detail")).toString().contains(QStringLiteral("production")),
            qPrintable(cleanupEvent.value(QStringLiteral("detail")).toString()));
        const QString ics = m_tmp.filePath(QStringLiteral("cleanup.ics"));
        const CliRun exported = as(QStringLiteral("rm@x"), {QStringLiteral("calendar"), QStringLiteral("--ics"), ics,
            QStringLiteral("--from"), QDate::currentDate().toString(Qt::ISODate), QStringLiteral("--months"), QStringLiteral("1")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile icsFile(ics);
        QVERIFY(icsFile.open(QIODevice::ReadOnly));
        const QByteArray icsText = icsFile.readAll();
        QVERIFY2(icsText.contains("CATEGORIES:CLEANUP") && icsText.contains("SUMMARY:Canary cleanup: 1.0.0"), icsText.constData());
        // The evidence pack has the canary: its phases as steps and every event, read back from the zip.
        const QString pack = m_tmp.filePath(QStringLiteral("evidence.zip"));
        const CliRun exported2 = as(QStringLiteral("rm@x"), {QStringLiteral("evidence"), QStringLiteral("export"),
            QStringLiteral("1.0.0"), QStringLiteral("--out"), pack});
        QVERIFY2(exported2.exitCode == 0, qPrintable(exported2.err));
        QProcess unzip;
        unzip.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"),
            QStringLiteral("import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('canary.json').decode())"), pack});
        QVERIFY(unzip.waitForFinished(30000));
        QVERIFY2(unzip.exitCode() == 0, unzip.readAllStandardError().constData());
        const QJsonObject canaryJson = QJsonDocument::fromJson(unzip.readAllStandardOutput()).object();
        QCOMPARE(canaryJson.value(QStringLiteral("state")).toString(), QStringLiteral("completed"));
        QCOMPARE(canaryJson.value(QStringLiteral("phases")).toArray().size(), 3);
        QCOMPARE(canaryJson.value(QStringLiteral("phases")).toArray().at(0).toObject().value(QStringLiteral("advanced_by")).toString(),
            QStringLiteral("rm@x"));
        const QJsonArray events = canaryJson.value(QStringLiteral("events")).toArray();
        QVERIFY(events.size() >= 4);
        QCOMPARE(events.last().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("complete"));
        // Every move is in the audit log and the chain holds.
        const CliRun verified = as(QStringLiteral("rm@x"), {QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
    }

    void aTypeWithoutACanaryIsRefused()
    {
        approve(QStringLiteral("1.0.1"), QStringLiteral("patch"));
        const CliRun refused = canary(QStringLiteral("start"), QStringLiteral("1.0.1"));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("goes to production without a canary")), qPrintable(refused.err));
    }

    void aPhasePassesOnItsOwnAndABreachPauses()
    {
        const QString values = m_tmp.filePath(QStringLiteral("exporter"));
        QVERIFY(QDir().mkpath(values));
        auto setErrors = [&](double value) {
            QFile f(values + QStringLiteral("/soak_live_errors.value"));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(QByteArray::number(value));
        };
        setErrors(1);
        QVERIFY2(m_exporter.start(ServiceProcess::liveExporterScript(), {values}, QStringLiteral("listening")),
            qPrintable(m_exporter.errorText()));
        QVERIFY2(m_prometheus.start(ServiceProcess::prometheusLiveScript(),
                     {m_tmp.filePath(QStringLiteral("prom")),
                         QStringLiteral("127.0.0.1:%1").arg(m_exporter.readyFields().value(1))},
                     QStringLiteral("ready")),
            qPrintable(m_prometheus.errorText()));
        m_prometheusUrl = m_prometheus.readyFields().value(1);
        m_repo->commit(QStringLiteral("chore: canary phases with checks"),
            {{QStringLiteral(".release-cockpit/policy.yml"), livePolicy(m_prometheusUrl)}});
        approve(QStringLiteral("1.1.0"), QStringLiteral("minor"));
        // Prometheus has scraped the healthy value before the first phase begins.
        cockpit::PrometheusClient client{QUrl(m_prometheusUrl)};
        QDeadlineTimer scraped(30000);
        bool seen = false;
        while (!seen && !scraped.hasExpired()) {
            auto answer = client.instant(QStringLiteral("soak_live_errors"), QDateTime::currentDateTimeUtc());
            while (!answer.isFinished())
                QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            seen = answer.result().ok() && !answer.result().series.isEmpty();
            QThread::msleep(200);
        }
        QVERIFY(seen);
        QThread::sleep(1);
        const QStringList prometheus {QStringLiteral("--prometheus"), m_prometheusUrl};
        const CliRun started = canary(QStringLiteral("start"), QStringLiteral("1.1.0"), prometheus);
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_data);
        m_repo->git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("rm@x")});
        const QStringList watchArgs = QStringList {QStringLiteral("canary"), QStringLiteral("watch"),
            QStringLiteral("1.1.0"), QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--workspace"),
            m_repo->dir(), QStringLiteral("--db"), m_db} + prometheus;
        // A cockpit killed in the middle of the phase: the canary goes on as stored, same share,
        // same window, and the next cockpit picks it up from there.
        const QJsonObject before = status(QStringLiteral("1.1.0"));
        {
            QProcess killed;
            killed.setProcessEnvironment(env);
            killed.start(QStringLiteral(COCKPIT_BINARY), watchArgs);
            QVERIFY(killed.waitForStarted());
            QThread::sleep(2);
            QVERIFY(killed.state() == QProcess::Running);
            ::kill(pid_t(killed.processId()), SIGKILL);
            QVERIFY(killed.waitForFinished());
        }
        const QJsonObject afterKill = status(QStringLiteral("1.1.0"));
        QCOMPARE(afterKill.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(afterKill.value(QStringLiteral("traffic")).toInt(), 10);
        QCOMPARE(afterKill.value(QStringLiteral("phase_ends_at")), before.value(QStringLiteral("phase_ends_at")));
        QProcess watch;
        watch.setProcessEnvironment(env);
        watch.start(QStringLiteral(COCKPIT_BINARY), watchArgs);
        QVERIFY(watch.waitForStarted());
        // Phase 1 passes its analysis and its 6 s window: the cockpit advances it to 50% itself.
        QDeadlineTimer deadline(60000);
        while (status(QStringLiteral("1.1.0")).value(QStringLiteral("traffic")).toInt() != 50 && !deadline.hasExpired()
            && watch.state() == QProcess::Running)
            QThread::msleep(500);
        if (status(QStringLiteral("1.1.0")).value(QStringLiteral("traffic")).toInt() != 50) {
            watch.kill();
            watch.waitForFinished();
            QFAIL(qPrintable(QStringLiteral("not advanced; the watch said:\n") + QString::fromUtf8(watch.readAllStandardError())
                + QString::fromUtf8(watch.readAllStandardOutput())));
        }
        const QJsonObject advanced = status(QStringLiteral("1.1.0"));
        const QJsonObject first = advanced.value(QStringLiteral("phases")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("verdict")).toString(), QStringLiteral("pass"));
        QCOMPARE(first.value(QStringLiteral("advanced_by")).toString(), QStringLiteral("cockpit (automatic)"));
        // Phase 2 breaches its threshold: paused at 50%, the watch exits 1 naming the check.
        setErrors(9);
        QVERIFY(watch.waitForFinished(60000));
        const QString out = QString::fromUtf8(watch.readAllStandardOutput());
        const QString err = QString::fromUtf8(watch.readAllStandardError());
        QVERIFY2(watch.exitCode() == 1, qPrintable(err + out));
        const QJsonObject paused = status(QStringLiteral("1.1.0"));
        QCOMPARE(paused.value(QStringLiteral("state")).toString(), QStringLiteral("paused"));
        QCOMPARE(paused.value(QStringLiteral("traffic")).toInt(), 50);
        QVERIFY2(paused.value(QStringLiteral("paused_reason")).toString().contains(QStringLiteral("Error rate")),
            qPrintable(paused.value(QStringLiteral("paused_reason")).toString()));
        QCOMPARE(paused.value(QStringLiteral("phases")).toArray().at(1).toObject().value(QStringLiteral("verdict")).toString(),
            QStringLiteral("fail"));
        QVERIFY(trafficLog().constLast().startsWith(QStringLiteral("50 v1.1.0 2 production")));
    }

    // Prometheus down during a phase whose window is over: the canary never advances, and the watch
    // says why on every pass.
    void prometheusDownNeverAdvances()
    {
        m_prometheus.stop();
        const QStringList down {QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:1")};
        const CliRun aborted = canary(QStringLiteral("abort"), QStringLiteral("1.1.0"),
            {QStringLiteral("--reason"), QStringLiteral("make room for 1.2.0")});
        QVERIFY2(aborted.exitCode == 0, qPrintable(aborted.err));
        approve(QStringLiteral("1.2.0"), QStringLiteral("minor"));
        const CliRun started = canary(QStringLiteral("start"), QStringLiteral("1.2.0"), down);
        QVERIFY2(started.exitCode == 0, qPrintable(started.err));
        QThread::sleep(7);  // phase 1's 6 s window is over
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_data);
        m_repo->git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("rm@x")});
        QProcess watch;
        watch.setProcessEnvironment(env);
        watch.start(QStringLiteral(COCKPIT_BINARY), QStringList {QStringLiteral("canary"), QStringLiteral("watch"),
            QStringLiteral("1.2.0"), QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--workspace"),
            m_repo->dir(), QStringLiteral("--db"), m_db} + down);
        QVERIFY(watch.waitForStarted());
        QThread::sleep(5);
        watch.terminate();
        QVERIFY(watch.waitForFinished(30000));
        const QString said = QString::fromUtf8(watch.readAllStandardOutput() + watch.readAllStandardError());
        QVERIFY2(said.contains(QStringLiteral("Prometheus is not answering")), qPrintable(said));
        const QJsonObject s = status(QStringLiteral("1.2.0"));
        QCOMPARE(s.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(s.value(QStringLiteral("traffic")).toInt(), 10);
        QCOMPARE(s.value(QStringLiteral("phases")).toArray().at(0).toObject().value(QStringLiteral("verdict")).toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TstCliCanary)
#include "tst_cli_canary.moc"
