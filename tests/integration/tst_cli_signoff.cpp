// `signoff` and `release status --json` end to end: the real binary on a real git repository and
// SQLite file; identities are the repository's git user.email, as for a person at a terminal.
#include "support/cli_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray kPolicy = "project: T\n"
                           "roles:\n"
                           "  release_manager: [rm@x]\n"
                           "  lead: [lead@x, rm@x]\n"
                           "  security: [sec@x]\n"
                           "release_types:\n"
                           "  minor:\n"
                           "    approvals:\n"
                           "      - {role: lead, count: 1}\n"
                           "    checklists: [pre]\n";

}  // namespace

class TstCliSignoff : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_repo;
    QString m_db;
    QString m_data;

    bool git(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_repo);
        p.start(QStringLiteral("git"), args);
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }

    void writeFile(const QString &relative, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(QDir(m_repo).filePath(relative)).absolutePath());
        QFile f(QDir(m_repo).filePath(relative));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
    }

    CliRun as(const QString &email, QStringList args)
    {
        if (!git({QStringLiteral("config"), QStringLiteral("user.email"), email}))
            return {};
        return runCockpit(
            args << QStringLiteral("--workspace") << m_repo << QStringLiteral("--db") << m_db, m_data);
    }

    QJsonObject status()
    {
        const CliRun run = as(QStringLiteral("rm@x"),
            {QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.0.0"),
                QStringLiteral("--json")});
        // 1: something blocks the next move (it always does here: the release is a draft).
        return run.exitCode == 0 || run.exitCode == 1 ? run.json() : QJsonObject {};
    }
    // The blockers' sentences ("what") of a status.
    static QStringList blockers(const QJsonObject &status)
    {
        QStringList what;
        for (const QJsonValue &b : status.value(QStringLiteral("blockers")).toArray())
            what << b[QStringLiteral("what")].toString();
        return what;
    }

private slots:
    void initTestCase();
    void approveCountsInStatus();
    void selfApprovalRefused();
    void unknownRoleIsBadInput();
    void rejectNeedsReasonAndBlocks();
    void newCommitMakesItStale();
};

void TstCliSignoff::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_repo = m_tmp.filePath(QStringLiteral("repo"));
    m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
    m_data = m_tmp.filePath(QStringLiteral("xdg"));
    QDir().mkpath(m_repo);
    QVERIFY(
        git({QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")}));
    QVERIFY(git({QStringLiteral("config"), QStringLiteral("user.name"), QStringLiteral("Tester")}));
    writeFile(QStringLiteral(".release-cockpit/policy.yml"), kPolicy);
    writeFile(QStringLiteral(".release-cockpit/checklists/pre.md"), "# Pre\n\n- [ ] Tests green\n");
    writeFile(QStringLiteral("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- a bug\n");
    QVERIFY(git({QStringLiteral("add"), QStringLiteral(".")}));
    QVERIFY(git({QStringLiteral("-c"), QStringLiteral("user.email=dev@x"), QStringLiteral("commit"),
        QStringLiteral("-qm"), QStringLiteral("initial")}));
    const CliRun created = as(QStringLiteral("rm@x"),
        {QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("1.0.0"), QStringLiteral("--type"),
            QStringLiteral("minor")});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    const QJsonObject before = status();
    QVERIFY(before.value(QStringLiteral("approvals")).toArray().isEmpty());
    QVERIFY(blockers(before).contains(QStringLiteral("missing approval: lead (0 of 1)")));
}

void TstCliSignoff::approveCountsInStatus()
{
    const CliRun run = as(QStringLiteral("lead@x"),
        {QStringLiteral("signoff"), QStringLiteral("1.0.0"), QStringLiteral("--role"), QStringLiteral("lead"),
            QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.json().value(QStringLiteral("decision")).toString(), QStringLiteral("approve"));
    QCOMPARE(run.json().value(QStringLiteral("signer")).toString(), QStringLiteral("lead@x"));
    const QJsonObject o = status();
    const QJsonArray approvals = o.value(QStringLiteral("approvals")).toArray();
    QCOMPARE(approvals.size(), 1);
    const QJsonObject a = approvals.first().toObject();
    QCOMPARE(a.value(QStringLiteral("role")).toString(), QStringLiteral("lead"));
    QCOMPARE(a.value(QStringLiteral("signer")).toString(), QStringLiteral("lead@x"));
    QCOMPARE(a.value(QStringLiteral("decision")).toString(), QStringLiteral("approve"));
    QCOMPARE(a.value(QStringLiteral("stale")).toBool(true), false);
    for (const QString &b : blockers(o))
        QVERIFY2(!b.contains(QLatin1String("approval")), qPrintable(b));
}

void TstCliSignoff::selfApprovalRefused()
{
    const CliRun run = as(QStringLiteral("rm@x"),
        {QStringLiteral("signoff"), QStringLiteral("1.0.0"), QStringLiteral("--role"),
            QStringLiteral("lead")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("self-approval refused")), qPrintable(run.err));
}

void TstCliSignoff::unknownRoleIsBadInput()
{
    const CliRun run = as(QStringLiteral("lead@x"),
        {QStringLiteral("signoff"), QStringLiteral("1.0.0"), QStringLiteral("--role"),
            QStringLiteral("cto")});
    QCOMPARE(run.exitCode, 65);
    QVERIFY2(run.err.contains(QLatin1String("\"cto\"")) && run.err.contains(QLatin1String("policy.yml")),
        qPrintable(run.err));
}

void TstCliSignoff::rejectNeedsReasonAndBlocks()
{
    const QStringList base {QStringLiteral("signoff"), QStringLiteral("1.0.0"), QStringLiteral("--role"),
        QStringLiteral("security"), QStringLiteral("--reject")};
    QCOMPARE(as(QStringLiteral("sec@x"), base).exitCode, 64);
    const CliRun run = as(
        QStringLiteral("sec@x"), QStringList(base) << QStringLiteral("--reason") << QStringLiteral("CVE"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(blockers(status()).contains(QStringLiteral("rejected: security by sec@x: CVE")));
    const CliRun withdrawn = as(QStringLiteral("sec@x"),
        {QStringLiteral("signoff"), QStringLiteral("1.0.0"), QStringLiteral("--role"),
            QStringLiteral("security"), QStringLiteral("--withdraw")});
    QVERIFY2(withdrawn.exitCode == 0, qPrintable(withdrawn.err));
    QVERIFY(!blockers(status()).contains(QStringLiteral("rejected: security by sec@x: CVE")));
}

void TstCliSignoff::newCommitMakesItStale()
{
    writeFile(QStringLiteral("src/a.txt"), "more\n");
    QVERIFY(git({QStringLiteral("add"), QStringLiteral(".")}));
    QVERIFY(git({QStringLiteral("commit"), QStringLiteral("-qm"), QStringLiteral("fix: more")}));
    const QJsonObject o = status();
    bool stale = false;
    for (const QJsonValue &a : o.value(QStringLiteral("approvals")).toArray()) {
        if (a[QStringLiteral("role")].toString() == u"lead")
            stale = a[QStringLiteral("stale")].toBool();
    }
    QVERIFY(stale);
    bool blocked = false;
    for (const QString &b : blockers(o))
        blocked = blocked || b.startsWith(QLatin1String("stale approval: lead by lead@x"));
    QVERIFY(blocked);
}

QTEST_MAIN(TstCliSignoff)
#include "tst_cli_signoff.moc"
