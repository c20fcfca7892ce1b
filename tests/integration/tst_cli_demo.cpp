// The demo through the real binary, as a new user meets it: a history that does not contradict
// itself. Every release called Released has its checklist closed, its approvals counted (n/n, no
// approval blocker), its gates passed and a soak of each deployment; the rolled-back 3.6.5 says
// the same about its deploy lock in `release status` and `release unlock`.
#include "demo_environments.h"
#include "support/cli_runner.h"
#include "workspace.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TstCliDemo : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_demo, m_db, m_data;

    CliRun cockpit(QStringList args)
    {
        return runCockpit(
            args << QStringLiteral("--workspace") << m_demo << QStringLiteral("--db") << m_db, m_data);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_demo = m_tmp.filePath(QStringLiteral("demo"));
        m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
        m_data = m_tmp.filePath(QStringLiteral("data"));
        const CliRun run
            = cockpit({QStringLiteral("demo"), QStringLiteral("--dir"), m_demo, QStringLiteral("--no-open")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void releasedReleasesLivedTheirHistory()
    {
        const CliRun list = cockpit({QStringLiteral("release"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QStringList released;
        for (const QJsonValue &r : list.json().value(QStringLiteral("releases")).toArray())
            if (r.toObject().value(QStringLiteral("state")).toString() == u"released")
                released << r.toObject().value(QStringLiteral("version")).toString();
        QCOMPARE(released.size(), 7);  // 3.6.1 .. 3.6.8 but the rolled-back 3.6.5
        for (const QString &version : std::as_const(released)) {
            const CliRun status = cockpit({QStringLiteral("release"), QStringLiteral("status"), version,
                QStringLiteral("--json")});
            QVERIFY2(status.exitCode == 0, qPrintable(version + status.err));
            const QJsonObject o = status.json();
            const QJsonObject checklist = o.value(QStringLiteral("checklist")).toObject();
            QVERIFY2(checklist.value(QStringLiteral("total")).toInt() > 0, qPrintable(version));
            QVERIFY2(checklist.value(QStringLiteral("open")).toInt() == 0, qPrintable(version));
            QVERIFY2(checklist.value(QStringLiteral("failed")).toInt() == 0, qPrintable(version));
            QCOMPARE(checklist.value(QStringLiteral("done")).toInt() + checklist.value(QStringLiteral("na")).toInt(),
                checklist.value(QStringLiteral("total")).toInt());
            const QJsonObject approvals = o.value(QStringLiteral("approval_counts")).toObject();
            QVERIFY2(approvals.value(QStringLiteral("required")).toInt() > 0, qPrintable(version));
            QCOMPARE(approvals.value(QStringLiteral("counted")).toInt(), approvals.value(QStringLiteral("required")).toInt());
            QCOMPARE(approvals.value(QStringLiteral("stale")).toInt(), 0);
            for (const QJsonValue &b : o.value(QStringLiteral("blockers")).toArray())
                QVERIFY2(!b.toObject().value(QStringLiteral("kind")).toString().contains(QLatin1String("approval"))
                        && !b.toObject().value(QStringLiteral("what")).toString().contains(QLatin1String("approval")),
                    qPrintable(version + u' ' + QString::fromUtf8(QJsonDocument(b.toObject()).toJson())));
            const QJsonObject gates = o.value(QStringLiteral("gates")).toObject();
            QCOMPARE(gates.value(QStringLiteral("passed")).toInt(), gates.value(QStringLiteral("total")).toInt());
            for (const QJsonValue &e : o.value(QStringLiteral("environments")).toArray())
                QVERIFY2(e.toObject().value(QStringLiteral("deployed")).toBool()
                        && e.toObject().value(QStringLiteral("soak")).toString() == u"pass",
                    qPrintable(version));
            // The text says the same: "approvals  n/n", no approval blocker.
            const CliRun text = cockpit({QStringLiteral("release"), QStringLiteral("status"), version});
            const QRegularExpressionMatch m
                = QRegularExpression(QStringLiteral("approvals  (\\d+)/(\\d+)\\n")).match(text.out);
            QVERIFY2(m.hasMatch(), qPrintable(text.out));
            QCOMPARE(m.captured(1), m.captured(2));
            QVERIFY2(!text.out.contains(QLatin1String("missing approval")), qPrintable(text.out));
            QVERIFY2(!text.out.contains(QRegularExpression(QStringLiteral("checklist +\\d+/\\d+ closed, [1-9]"))),
                qPrintable(text.out));
        }
    }

    // One source of truth for 3.6.5's deploy lock (Store::deployLock): `release status` shows it,
    // `release unlock` finds and lifts it, and then every front end says "not locked".
    void rolledBackReleaseHasItsLock()
    {
        const CliRun status = cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("3.6.5")});
        QVERIFY2(status.out.contains(QLatin1String("Rolled back")), qPrintable(status.out));
        QVERIFY2(status.out.contains(QLatin1String("deploys    locked since")), qPrintable(status.out));
        const CliRun json = cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("3.6.5"),
            QStringLiteral("--json")});
        QVERIFY(json.json().value(QStringLiteral("deploy_lock")).toObject().value(QStringLiteral("locked")).toBool());
        const CliRun unlock = cockpit({QStringLiteral("release"), QStringLiteral("unlock"), QStringLiteral("3.6.5"),
            QStringLiteral("--reason"), QStringLiteral("hotfix 3.6.6 verified")});
        QVERIFY2(unlock.exitCode == 0, qPrintable(unlock.err));
        const CliRun after = cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("3.6.5")});
        QVERIFY2(after.out.contains(QLatin1String("deploys    not locked")), qPrintable(after.out));
        QVERIFY(cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("3.6.5"),
                    QStringLiteral("--json")})
                    .json()
                    .value(QStringLiteral("deploy_lock"))
                    .isNull());
    }

    // The candidate's gates really ran: the demo's Preflight script passed on the pinned commit,
    // its CI gate read the failed pr-guardian run and failed; the later gates wait.
    void candidateGatesRanForReal()
    {
        const CliRun status = cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("3.7.0"),
            QStringLiteral("--json")});
        QCOMPARE(status.exitCode, 1);
        const QJsonObject o = status.json();
        QCOMPARE(o.value(QStringLiteral("gates")).toObject().value(QStringLiteral("passed")).toInt(), 1);
        QStringList what;
        for (const QJsonValue &b : o.value(QStringLiteral("blockers")).toArray())
            what << b[QStringLiteral("what")].toString();
        QVERIFY2(what.contains(QStringLiteral("gate CI gates failed")), qPrintable(what.join(u'\n')));
        QVERIFY2(!what.join(u'\n').contains(QLatin1String("gate Preflight")), qPrintable(what.join(u'\n')));
        // Running it again gives the same answer, with the failed job in the output.
        const CliRun ci = cockpit({QStringLiteral("gate"), QStringLiteral("3.7.0"), QStringLiteral("--only"),
            QStringLiteral("CI gates"), QStringLiteral("--json")});
        QCOMPARE(ci.exitCode, 1);
        const QJsonArray gates = ci.json().value(QStringLiteral("gates")).toArray();
        bool seen = false;
        for (const QJsonValue &g : gates)
            if (g[QStringLiteral("name")].toString() == u"CI gates") {
                seen = true;
                QCOMPARE(g[QStringLiteral("status")].toString(), QStringLiteral("fail"));
                QCOMPARE(g[QStringLiteral("exit_code")].toInt(), 1);
                QVERIFY2(g[QStringLiteral("output_tail")].toString().contains(QLatin1String("e2e-routing     failure")),
                    qPrintable(g[QStringLiteral("output_tail")].toString()));
            }
        QVERIFY(seen);
    }

    // Issue 15: the demo's environments answer over HTTP while it is open. Staging answers with a
    // version deployed by hand (drift); production with the version 3.6.10's canary replaces,
    // which mid-canary is expected: "canary 50%", not drift.
    void environmentsShowDriftAndTheCanary()
    {
        auto ws = cockpit::Workspace::load(m_demo);
        if (!ws)
            QFAIL(qPrintable(ws.error().toString()));
        // Served from its own thread: the command line runs as a process this thread waits for.
        QThread thread;
        QObject home;
        home.moveToThread(&thread);
        thread.start();
        cockpit::DemoEnvironments *server = nullptr;
        QString failure;
        QMetaObject::invokeMethod(&home, [&] {
            auto started = cockpit::DemoEnvironments::start(*ws, &home);
            if (started)
                server = *started;
            else
                failure = started.error().message;
        }, Qt::BlockingQueuedConnection);
        const auto stop = qScopeGuard([&] {
            QMetaObject::invokeMethod(&home, [&] { delete server; }, Qt::BlockingQueuedConnection);
            thread.quit();
            thread.wait();
        });
        QVERIFY2(server, qPrintable(failure));

        const CliRun status = cockpit({QStringLiteral("env"), QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(status.exitCode, 1);  // staging drifts
        QMap<QString, QJsonObject> rows;
        for (const QJsonValue &row : status.json().value(QStringLiteral("environments")).toArray())
            rows.insert(row[QStringLiteral("env")].toString(), row.toObject());
        const QJsonObject staging = rows.value(QStringLiteral("staging"));
        QCOMPARE(staging.value(QStringLiteral("sync")).toString(), QStringLiteral("drift"));
        QCOMPARE(staging.value(QStringLiteral("running")).toString(), QStringLiteral("3.7.0-rc2"));
        QCOMPARE(staging.value(QStringLiteral("deployed_version")).toString(), QStringLiteral("3.6.10"));
        const QJsonObject production = rows.value(QStringLiteral("production"));
        QCOMPARE(production.value(QStringLiteral("sync")).toString(), QStringLiteral("canary"));
        QCOMPARE(production.value(QStringLiteral("canary_percent")).toInt(), 50);
        QCOMPARE(production.value(QStringLiteral("running")).toString(), QStringLiteral("3.6.8"));
        QCOMPARE(production.value(QStringLiteral("canary_replaces")).toString(), QStringLiteral("3.6.8"));
        const CliRun table = cockpit({QStringLiteral("env"), QStringLiteral("status")});
        QVERIFY2(table.out.contains(QRegularExpression(QStringLiteral("production +3\\.6\\.8 +3\\.6\\.10 .* canary 50%"))),
            qPrintable(table.out));
        // The drift is in the audit log once (two runs of env status), the canary not at all.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("demo-audit"));
            db.setDatabaseName(m_db);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT subject FROM audit_log WHERE action = 'env.drift'")));
            QStringList drifted;
            while (q.next())
                drifted << q.value(0).toString();
            QCOMPARE(drifted, QStringList {QStringLiteral("staging")});
        }
        QSqlDatabase::removeDatabase(QStringLiteral("demo-audit"));
    }
};

QTEST_GUILESS_MAIN(TstCliDemo)
#include "tst_cli_demo.moc"
