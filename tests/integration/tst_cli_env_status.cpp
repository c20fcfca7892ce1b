// `release deployed` checks what the environment runs (waits for a rollout, refuses another
// version, a break-glass deploy records what it saw), and
// `env status` through the real binary against a real HTTP server (tests/fixtures/http_fixture):
// one environment runs what the cockpit deployed (in sync), one runs another version (drift: exit
// 1, both sides named, one audit entry however often it is found), one does not answer
// (unknown, the URL named), one has no version endpoint. (That the probes run at once is
// bench_env_status's figure, not a timed test.)
#include "support/cli_runner.h"
#include "support/scratch_repo.h"
#include "support/service_process.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

QByteArray policyFor(const QString &base)
{
    const QByteArray b = base.toUtf8();
    return "project: T\n"
           "roles:\n"
           "  release_manager: [rm@x]\n"
           "release_types:\n"
           "  minor:\n"
           "    checklists: [pre-release]\n"
           "environments:\n"
           "  roll: {base_url: '" + b + "/rollout', version: {path: /api/health, pointer: /version}, verify_timeout: 60s}\n"
           "  dev: {base_url: '" + b + "/slow', version: {path: /api/health, pointer: /version}}\n"
           "  staging: {base_url: '" + b + "/bad', version: {path: /api/health, pointer: /version}, verify_timeout: 3s}\n"
           "  prod: {base_url: 'http://127.0.0.1:9', version: {path: /api/health}}\n"
           "  qa: {base_url: '" + b + "/slow'}\n"
           "promotion: [roll, dev, staging, prod, qa]\n";
}

QJsonObject rowOf(const QJsonObject &status, const QString &env)
{
    for (const QJsonValue &v : status.value(QStringLiteral("environments")).toArray())
        if (v.toObject().value(QStringLiteral("env")).toString() == env)
            return v.toObject();
    return {};
}

}  // namespace

class TstCliEnvStatus : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    ServiceProcess m_http;
    std::unique_ptr<ScratchRepo> m_repo;
    QString m_db;
    QString m_data;

    CliRun cockpit(QStringList args)
    {
        return runCockpit(args << QStringLiteral("--workspace") << m_repo->dir() << QStringLiteral("--db") << m_db, m_data);
    }

    // Audit entries of an action (whose after_json contains `containing`), read from the file.
    int auditCount(const QString &action, const QString &containing = {})
    {
        int count = 0;
        const QString name = QStringLiteral("audit-count");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_db);
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT after_json FROM audit_log WHERE action = ?"));
                q.addBindValue(action);
                q.exec();
                while (q.next())
                    count += q.value(0).toString().contains(containing) ? 1 : 0;
            }
        }
        QSqlDatabase::removeDatabase(name);
        return count;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        QVERIFY2(m_http.start(ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")),
                     {QStringLiteral("--delay-ms"), QStringLiteral("300"), QStringLiteral("--version"),
                         QStringLiteral("1.0.0"), QStringLiteral("--rollout-ms"), QStringLiteral("10000")},
                     QStringLiteral("listening")),
            qPrintable(m_http.errorText()));
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_http.readyFields().value(1));
        m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
        m_data = m_tmp.filePath(QStringLiteral("xdg"));
        m_repo = std::make_unique<ScratchRepo>(m_tmp.filePath(QStringLiteral("repo")));
        m_repo->git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("rm@x")});
        m_repo->commit(QStringLiteral("fix: initial"),
            {{QStringLiteral(".release-cockpit/policy.yml"), policyFor(base)},
                {QStringLiteral(".release-cockpit/checklists/pre-release.md"), "# Pre\n\n- [ ] Tests green\n"},
                {QStringLiteral("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- a bug\n"}});
        QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
        for (const QStringList &step : QList<QStringList> {
                 {QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("1.0.0"), QStringLiteral("--type"),
                     QStringLiteral("minor")},
                 {QStringLiteral("release"), QStringLiteral("freeze"), QStringLiteral("1.0.0")},
                 {QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.0.0-rc1")},
                 {QStringLiteral("checklist"), QStringLiteral("tick"), QStringLiteral("1.0.0"), QStringLiteral("pre-release.1")},
             }) {
            const CliRun run = cockpit(step);
            QVERIFY2(run.exitCode == 0, qPrintable(step.join(u' ') + QStringLiteral(": ") + run.err));
        }
    }

    // /rollout/ reports 3.6.0 for its first 10 s: the deploy waits, saying so, then records.
    void deployWaitsForTheRolloutToReportTheRelease()
    {
        const CliRun run = cockpit({QStringLiteral("release"), QStringLiteral("deployed"), QStringLiteral("1.0.0"),
            QStringLiteral("--env"), QStringLiteral("roll")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("Waiting for roll to report 1.0.0: it reports 3.6.0 (")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("of 60 s)")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("Recorded without a match")), qPrintable(run.err));
        const CliRun dev = cockpit({QStringLiteral("release"), QStringLiteral("deployed"), QStringLiteral("1.0.0"),
            QStringLiteral("--env"), QStringLiteral("dev")});
        QVERIFY2(dev.exitCode == 0, qPrintable(dev.err));
        QVERIFY2(!dev.err.contains(QStringLiteral("Waiting")), qPrintable(dev.err));  // it runs 1.0.0 already
    }

    // /bad/ runs 3.6.0 for good: refused after verify_timeout with both sides named; a
    // break-glass deploy looks once and records what it saw.
    void deployRefusesAnEnvironmentRunningSomethingElse()
    {
        const CliRun run = cockpit({QStringLiteral("release"), QStringLiteral("deployed"), QStringLiteral("1.0.0"),
            QStringLiteral("--env"), QStringLiteral("staging")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("staging reports 3.6.0 at http://")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("/bad/api/health (/version), expected 1.0.0 or a prefix of ")),
            qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("(verify_timeout)")), qPrintable(run.err));
        const CliRun forced = cockpit({QStringLiteral("release"), QStringLiteral("deployed"), QStringLiteral("1.0.0"),
            QStringLiteral("--env"), QStringLiteral("staging"), QStringLiteral("--override"), QStringLiteral("--reason"),
            QStringLiteral("hotfix being rolled out by hand")});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QVERIFY2(forced.err.contains(QStringLiteral("Recorded without a match: staging reports 3.6.0")), qPrintable(forced.err));
        QCOMPARE(auditCount(QStringLiteral("deploy.fingerprint")), 3);  // roll, dev, staging
        QCOMPARE(auditCount(QStringLiteral("deploy.fingerprint"), QStringLiteral("\"verified\":false")), 1);
    }

    void everyEnvironmentInOneTable()
    {
        const CliRun run = cockpit({QStringLiteral("env"), QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);  // staging drifts
        const QJsonObject status = run.json();
        QCOMPARE(status.value(QStringLiteral("drift")).toBool(), true);
        QStringList order;
        for (const QJsonValue &v : status.value(QStringLiteral("environments")).toArray())
            order << v.toObject().value(QStringLiteral("env")).toString();
        QCOMPARE(order, (QStringList {QStringLiteral("roll"), QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("prod"), QStringLiteral("qa")}));

        const QJsonObject dev = rowOf(status, QStringLiteral("dev"));
        QCOMPARE(dev.value(QStringLiteral("sync")).toString(), QStringLiteral("in_sync"));
        QCOMPARE(dev.value(QStringLiteral("running")).toString(), QStringLiteral("1.0.0"));
        QCOMPARE(dev.value(QStringLiteral("deployed_version")).toString(), QStringLiteral("1.0.0"));
        QCOMPARE(dev.value(QStringLiteral("deployed_by")).toString(), QStringLiteral("rm@x"));
        QVERIFY(dev.value(QStringLiteral("probe_url")).toString().endsWith(QStringLiteral("/slow/api/health")));
        QCOMPARE(dev.value(QStringLiteral("probe_pointer")).toString(), QStringLiteral("/version"));

        const QJsonObject staging = rowOf(status, QStringLiteral("staging"));
        QCOMPARE(staging.value(QStringLiteral("sync")).toString(), QStringLiteral("drift"));
        QCOMPARE(staging.value(QStringLiteral("running")).toString(), QStringLiteral("3.6.0"));
        QVERIFY(staging.value(QStringLiteral("summary")).toString().startsWith(
            QStringLiteral("DRIFT: runs 3.6.0, but the cockpit deployed 1.0.0")));

        const QJsonObject prod = rowOf(status, QStringLiteral("prod"));
        QCOMPARE(prod.value(QStringLiteral("sync")).toString(), QStringLiteral("unreachable"));
        QCOMPARE(prod.value(QStringLiteral("probe_url")).toString(), QStringLiteral("http://127.0.0.1:9/api/health"));
        QVERIFY(!prod.value(QStringLiteral("probe_error")).toString().isEmpty());

        QCOMPARE(rowOf(status, QStringLiteral("qa")).value(QStringLiteral("sync")).toString(), QStringLiteral("never_deployed"));
    }

    void driftIsRecordedOncePerValue()
    {
        cockpit({QStringLiteral("env"), QStringLiteral("status")});  // found again: no second entry
        const QString name = QStringLiteral("audit-reader");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT release, subject, after_json FROM audit_log WHERE action = 'env.drift'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("1.0.0"));
            QCOMPARE(q.value(1).toString(), QStringLiteral("staging"));
            QVERIFY2(q.value(2).toString().contains(QStringLiteral("\"running\":\"3.6.0\"")), qPrintable(q.value(2).toString()));
            QVERIFY(!q.next());
        }
        QSqlDatabase::removeDatabase(name);
    }

    void theTableNamesBothSides()
    {
        const CliRun run = cockpit({QStringLiteral("env"), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.value(0).startsWith(QStringLiteral("ENV")), qPrintable(run.out));
        QVERIFY2(lines.filter(QRegularExpression(QStringLiteral("^staging +3\\.6\\.0 +1\\.0\\.0 \\(\\w{8}\\) .*DRIFT$"))).size() == 1,
            qPrintable(run.out));
        QVERIFY2(lines.filter(QRegularExpression(QStringLiteral("^prod +\\? +- +- +unknown$"))).size() == 1, qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("prod: unknown: ")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("(http://127.0.0.1:9/api/health)")), qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TstCliEnvStatus)
#include "tst_cli_env_status.moc"
