// Freeze windows and stop-the-line through the real binary (real git repository, SQLite): a
// window in force refuses a minor release's deploy (exit 1, named with when it ends) and lets an
// exempt hotfix through with the exemption in the audit log; `freeze start` holds every deploy,
// the hotfix's too, until `freeze end` (the break-glass override still applies); the calendar's
// iCalendar export is read back by a real parser (python3-icalendar); an RRULE the cockpit cannot
// express is a policy error at policy.yml:L:C (exit 65).
#include "support/cli_runner.h"
#include "support/raw_db.h"
#include "support/scratch_repo.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

// Every day from 00:00 for 24 hours: the window is always in force while the test runs.
const QByteArray kPolicy = "project: Freeze Test\n"
                           "roles:\n"
                           "  release_manager: [rm@x]\n"
                           "release_types:\n"
                           "  minor: {checklists: [pre-release]}\n"
                           "  hotfix: {checklists: [pre-release]}\n"
                           "environments:\n"
                           "  staging: {base_url: 'http://127.0.0.1:9'}\n"
                           "freeze_windows:\n"
                           "  - name: Always\n"
                           "    rrule: FREQ=DAILY;BYHOUR=0\n"
                           "    duration: 24h\n"
                           "    reason: test freeze\n"
                           "    exempt: [hotfix]\n";

// Reads an .ics with python3-icalendar and prints one line per event: CATEGORIES|SUMMARY|DTSTART.
const char *kParser = "import sys, icalendar\n"
                      "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
                      "assert cal['VERSION'] == '2.0'\n"
                      "for ev in cal.walk('VEVENT'):\n"
                      "    cats = ev.get('CATEGORIES')\n"
                      "    cats = cats.to_ical().decode() if cats is not None else ''\n"
                      "    print('%s|%s|%s' % (cats, ev['SUMMARY'], ev.decoded('DTSTART').isoformat()))\n";

}  // namespace

class TstCliFreeze : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<ScratchRepo> m_repo;
    QString m_db;
    QString m_data;

    CliRun run(QStringList args)
    {
        return runCockpit(args << QStringLiteral("--workspace") << m_repo->dir() << QStringLiteral("--db") << m_db, m_data);
    }
    CliRun deploy(const QString &version, const QStringList &extra = {})
    {
        return run(QStringList {QStringLiteral("release"), QStringLiteral("deployed"), version, QStringLiteral("--env"),
                       QStringLiteral("staging")}
            + extra);
    }
    void approve(const QString &version, const QString &type)
    {
        QVERIFY(run({QStringLiteral("release"), QStringLiteral("new"), version, QStringLiteral("--type"), type,
                     QStringLiteral("--target-date"), QDate::currentDate().addDays(10).toString(Qt::ISODate)}).exitCode == 0);
        QVERIFY(run({QStringLiteral("release"), QStringLiteral("freeze"), version, QStringLiteral("--reason"), QStringLiteral("train")}).exitCode == 0);
        QVERIFY(run({QStringLiteral("tag"), QStringLiteral("create"), version + QStringLiteral("-rc1")}).exitCode == 0);
        QVERIFY(run({QStringLiteral("checklist"), QStringLiteral("tick"), version, QStringLiteral("pre-release.1")}).exitCode == 0);
        const CliRun st = run({QStringLiteral("release"), QStringLiteral("status"), version, QStringLiteral("--json")});
        QCOMPARE(st.json().value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    }

private slots:
    void initTestCase();
    void windowHoldsAMinorRelease();
    void exemptHotfixGoesThroughOnRecord();
    void stopTheLineHoldsEveryDeploy();
    void calendarExportsParseWithARealParser();
    void endLiftsTheStop();
    void unsupportedRruleIsAPolicyError();
};

void TstCliFreeze::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
    m_data = m_tmp.filePath(QStringLiteral("xdg"));
    m_repo = std::make_unique<ScratchRepo>(m_tmp.filePath(QStringLiteral("repo")));
    m_repo->git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("rm@x")});
    m_repo->commit(QStringLiteral("fix: initial"),
        {{QStringLiteral(".release-cockpit/policy.yml"), kPolicy},
            {QStringLiteral(".release-cockpit/checklists/pre-release.md"), "# Pre\n\n- [ ] Tests green\n"},
            {QStringLiteral("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- a bug\n"}});
    QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
    approve(QStringLiteral("1.1.0"), QStringLiteral("minor"));
    approve(QStringLiteral("1.1.1"), QStringLiteral("hotfix"));
}

void TstCliFreeze::windowHoldsAMinorRelease()
{
    const CliRun refused = deploy(QStringLiteral("1.1.0"));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("freeze window Always (test freeze) until ")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QLatin1String("(clears: the window ends at ")), qPrintable(refused.err));
    const CliRun status = run({QStringLiteral("freeze"), QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 1);
    QCOMPARE(status.json().value(QStringLiteral("in_force")).toArray().size(), 1);
}

void TstCliFreeze::exemptHotfixGoesThroughOnRecord()
{
    const CliRun deployed = deploy(QStringLiteral("1.1.1"));
    QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.err));
    RawDb db(m_db);
    const QString exempt = db.value(QStringLiteral("SELECT after_json FROM audit_log WHERE action = 'deploy.exempt'")).toString();
    QVERIFY2(exempt.contains(QLatin1String("the policy exempts hotfix releases (freeze_windows.Always.exempt)")), qPrintable(exempt));
}

void TstCliFreeze::stopTheLineHoldsEveryDeploy()
{
    QCOMPARE(run({QStringLiteral("freeze"), QStringLiteral("start")}).exitCode, 64);  // --reason is required
    const CliRun started = run({QStringLiteral("freeze"), QStringLiteral("start"), QStringLiteral("--reason"), QStringLiteral("db incident")});
    QVERIFY2(started.exitCode == 0, qPrintable(started.err));
    const CliRun again = run({QStringLiteral("freeze"), QStringLiteral("start"), QStringLiteral("--reason"), QStringLiteral("twice")});
    QVERIFY(again.exitCode != 0);
    QVERIFY2(again.err.contains(QLatin1String("already stopped")), qPrintable(again.err));
    // The exempt hotfix is held too: nothing is exempt from stop-the-line.
    const CliRun held = deploy(QStringLiteral("1.1.1"));
    QCOMPARE(held.exitCode, 1);
    QVERIFY2(held.err.contains(QLatin1String("stop-the-line since ")) && held.err.contains(QLatin1String("by rm@x: db incident")),
        qPrintable(held.err));
    QVERIFY2(held.err.contains(QLatin1String("(clears: someone lifts it: release-cockpit freeze end)")), qPrintable(held.err));
    const CliRun st = run({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.1.1"), QStringLiteral("--json")});
    QStringList kinds;
    for (const QJsonValue &b : st.json().value(QStringLiteral("blockers")).toArray())
        kinds << b[QStringLiteral("kind")].toString();
    QVERIFY2(kinds.contains(QStringLiteral("hold")), qPrintable(kinds.join(u' ')));
    // A forward move is held as well; aborting stays possible.
    const CliRun finish = run({QStringLiteral("release"), QStringLiteral("finish"), QStringLiteral("1.1.1")});
    QCOMPARE(finish.exitCode, 1);
    QVERIFY2(finish.err.contains(QLatin1String("stop-the-line since ")), qPrintable(finish.err));
    // The break glass applies, on record.
    const CliRun forced = deploy(QStringLiteral("1.1.1"), {QStringLiteral("--override"), QStringLiteral("--reason"), QStringLiteral("the fix for the incident")});
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
}

void TstCliFreeze::calendarExportsParseWithARealParser()
{
    const QString ics = m_tmp.filePath(QStringLiteral("cal.ics"));
    const CliRun exported = run({QStringLiteral("calendar"), QStringLiteral("--ics"), ics, QStringLiteral("--months"), QStringLiteral("1")});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromLatin1(kParser), ics});
    QVERIFY(python.waitForFinished(60000));
    const QString out = QString::fromUtf8(python.readAllStandardOutput());
    QVERIFY2(python.exitCode() == 0, qPrintable(QString::fromUtf8(python.readAllStandardError())));
    const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
    const QString target = QDate::currentDate().addDays(10).toString(Qt::ISODate);
    QVERIFY2(lines.contains(QStringLiteral("RELEASE|Release 1.1.0|%1").arg(target)), qPrintable(out));
    QVERIFY2(lines.filter(QStringLiteral("STOP-THE-LINE|Stop-the-line: db incident|")).size() == 1, qPrintable(out));
    // One occurrence of the daily window per day of the month exported (plus the one in force).
    QVERIFY2(lines.filter(QStringLiteral("FREEZE-WINDOW|Freeze window: Always|")).size() >= 28, qPrintable(out));
}

void TstCliFreeze::endLiftsTheStop()
{
    const CliRun ended = run({QStringLiteral("freeze"), QStringLiteral("end"), QStringLiteral("--reason"), QStringLiteral("incident closed")});
    QVERIFY2(ended.exitCode == 0, qPrintable(ended.err));
    QVERIFY(run({QStringLiteral("freeze"), QStringLiteral("end")}).exitCode != 0);  // nothing to end
    const CliRun deployed = deploy(QStringLiteral("1.1.1"));
    QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.err));
    const CliRun audit = run({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.out + audit.err));
}

void TstCliFreeze::unsupportedRruleIsAPolicyError()
{
    QByteArray policy = kPolicy;
    policy.replace("FREQ=DAILY;BYHOUR=0", "FREQ=DAILY;BYHOUR=0;COUNT=5");
    m_repo->commit(QStringLiteral("chore: bad rule"), {{QStringLiteral(".release-cockpit/policy.yml"), policy}});
    const CliRun check = run({QStringLiteral("policy"), QStringLiteral("check")});
    QCOMPARE(check.exitCode, 65);
    QVERIFY2(check.err.contains(QLatin1String("policy.yml:11:32: freeze_windows[0].rrule: COUNT=5 cannot be expressed")),
        qPrintable(check.err));
}

QTEST_GUILESS_MAIN(TstCliFreeze)
#include "tst_cli_freeze.moc"
