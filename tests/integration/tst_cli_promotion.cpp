// Promotion order through the real binary (a real git repository, SQLite, the session behind the
// command line): dev -> staging -> prod as the policy's `promotion` orders them (not the order
// `environments` lists them), each refusal on its own with exit 1 and what clears it: the
// previous environment never ran the release, prod's own approval, promote_after, another
// release in staging; then the deploy goes once each clears.
#include "support/cli_runner.h"
#include "support/scratch_repo.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>

namespace {

const QByteArray kPolicy = "project: T\n"
                           "roles:\n"
                           "  release_manager: [rm@x]\n"
                           "  lead: [lead@x]\n"
                           "  prod_approver: [boss@x]\n"
                           "release_types:\n"
                           "  minor:\n"
                           "    approvals:\n"
                           "      - {role: lead, count: 1}\n"
                           "    checklists: [pre-release]\n"
                           "environments:\n"
                           "  prod:\n"
                           "    base_url: 'http://127.0.0.1:9'\n"
                           "    approvals: [{role: prod_approver, count: 1}]\n"
                           "    promote_after: 10s\n"
                           "  dev: {base_url: 'http://127.0.0.1:9'}\n"
                           "  staging: {base_url: 'http://127.0.0.1:9'}\n"
                           "promotion: [dev, staging, prod]\n";

}  // namespace

class TstCliPromotion : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<ScratchRepo> m_repo;
    QString m_db;
    QString m_data;
    QElapsedTimer m_stagingDeployed;

    CliRun as(const QString &email, QStringList args)
    {
        m_repo->git({QStringLiteral("config"), QStringLiteral("user.email"), email});
        return runCockpit(args << QStringLiteral("--workspace") << m_repo->dir() << QStringLiteral("--db") << m_db, m_data);
    }
    CliRun deploy(const QString &version, const QString &env, const QStringList &extra = {})
    {
        return as(QStringLiteral("rm@x"),
            QStringList {QStringLiteral("release"), QStringLiteral("deployed"), version, QStringLiteral("--env"), env} + extra);
    }
    // A refusal: exit 1, `expected` among the blockers with what clears it; `absent` not among them.
    static bool refused(const CliRun &run, const QString &expected, const QString &absent = {})
    {
        if (run.exitCode != 1 || !run.err.contains(expected) || (!absent.isEmpty() && run.err.contains(absent))) {
            qWarning("exit %d, expected \"%s\" without \"%s\":\n%s", run.exitCode, qPrintable(expected), qPrintable(absent),
                qPrintable(run.err));
            return false;
        }
        return run.err.contains(QLatin1String("(clears: "));
    }
    void waitPromoteAfter()
    {
        const qint64 left = 10300 - m_stagingDeployed.elapsed();
        if (left > 0)
            QThread::msleep(static_cast<unsigned long>(left));
    }

private slots:
    void initTestCase();
    void stagingWaitsForDev();
    void prodWaitsForStagingAndItsOwnApproval();
    void promoteAfterCountsFromTheStagingDeploy();
    void anotherReleaseInStagingHoldsProd();
    void statusNamesWhatHoldsTheNextEnvironment();
    void prodGoesOnceEveryBlockerCleared();
};

void TstCliPromotion::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
    m_data = m_tmp.filePath(QStringLiteral("xdg"));
    m_repo = std::make_unique<ScratchRepo>(m_tmp.filePath(QStringLiteral("repo")));
    m_repo->commit(QStringLiteral("fix: initial"),
        {{QStringLiteral(".release-cockpit/policy.yml"), kPolicy},
            {QStringLiteral(".release-cockpit/checklists/pre-release.md"), "# Pre\n\n- [ ] Tests green\n"},
            {QStringLiteral("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- a bug\n"}});
    QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
    for (const QString &version : {QStringLiteral("1.0.0"), QStringLiteral("1.1.0")}) {
        const CliRun created = as(QStringLiteral("rm@x"),
            {QStringLiteral("release"), QStringLiteral("new"), version, QStringLiteral("--type"), QStringLiteral("minor")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    }
    QCOMPARE(as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("freeze"), QStringLiteral("1.0.0"),
                 QStringLiteral("--reason"), QStringLiteral("train")}).exitCode, 0);
    QCOMPARE(as(QStringLiteral("rm@x"), {QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.0.0-rc1")}).exitCode, 0);
    QCOMPARE(as(QStringLiteral("rm@x"), {QStringLiteral("checklist"), QStringLiteral("tick"), QStringLiteral("1.0.0"),
                 QStringLiteral("pre-release.1")}).exitCode, 0);
    const CliRun signed_ = as(QStringLiteral("lead@x"),
        {QStringLiteral("signoff"), QStringLiteral("1.0.0"), QStringLiteral("--role"), QStringLiteral("lead")});
    QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
    const CliRun st = as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.0.0"), QStringLiteral("--json")});
    QCOMPARE(st.json().value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
}

void TstCliPromotion::stagingWaitsForDev()
{
    QVERIFY(refused(deploy(QStringLiteral("1.0.0"), QStringLiteral("staging")),
        QStringLiteral("dev comes before staging and has not run 1.0.0 (clears: deploy it to dev first")));
    const CliRun dev = deploy(QStringLiteral("1.0.0"), QStringLiteral("dev"));
    QVERIFY2(dev.exitCode == 0, qPrintable(dev.err));
}

void TstCliPromotion::prodWaitsForStagingAndItsOwnApproval()
{
    const CliRun prod = deploy(QStringLiteral("1.0.0"), QStringLiteral("prod"));
    QVERIFY(refused(prod, QStringLiteral("staging comes before prod and has not run 1.0.0")));
    QVERIFY(refused(prod, QStringLiteral("prod: missing approval: prod_approver (0 of 1)")));
    const CliRun staging = deploy(QStringLiteral("1.0.0"), QStringLiteral("staging"));
    QVERIFY2(staging.exitCode == 0, qPrintable(staging.err));
    m_stagingDeployed.start();
    // The production approver signs off: that blocker alone clears.
    const CliRun boss = as(QStringLiteral("boss@x"),
        {QStringLiteral("signoff"), QStringLiteral("1.0.0"), QStringLiteral("--role"), QStringLiteral("prod_approver")});
    QVERIFY2(boss.exitCode == 0, qPrintable(boss.err));
}

void TstCliPromotion::promoteAfterCountsFromTheStagingDeploy()
{
    QVERIFY(refused(deploy(QStringLiteral("1.0.0"), QStringLiteral("prod")),
        QStringLiteral("staging may be promoted to prod at "), QStringLiteral("missing approval")));
}

void TstCliPromotion::anotherReleaseInStagingHoldsProd()
{
    // 1.1.0 is rushed into staging with the break glass: staging no longer runs 1.0.0.
    const CliRun rushed = deploy(QStringLiteral("1.1.0"), QStringLiteral("staging"),
        {QStringLiteral("--override"), QStringLiteral("--reason"), QStringLiteral("hotfix rehearsal")});
    QVERIFY2(rushed.exitCode == 0, qPrintable(rushed.err));
    QVERIFY(refused(deploy(QStringLiteral("1.0.0"), QStringLiteral("prod")), QStringLiteral("staging now runs 1.1.0, not 1.0.0")));
    const CliRun back = deploy(QStringLiteral("1.0.0"), QStringLiteral("staging"));
    QVERIFY2(back.exitCode == 0, qPrintable(back.err));
    m_stagingDeployed.start();
}

void TstCliPromotion::statusNamesWhatHoldsTheNextEnvironment()
{
    const CliRun st = as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.0.0"), QStringLiteral("--json")});
    const QJsonObject o = st.json();
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("soaking"));
    QCOMPARE(o.value(QStringLiteral("next")).toString(), QStringLiteral("deploying"));
    const QJsonArray blockers = o.value(QStringLiteral("blockers")).toArray();
    QCOMPARE(blockers.size(), 1);
    QCOMPARE(blockers.first()[QStringLiteral("kind")].toString(), QStringLiteral("promotion"));
    QVERIFY(!blockers.first()[QStringLiteral("earliest")].toString().isEmpty());
}

void TstCliPromotion::prodGoesOnceEveryBlockerCleared()
{
    waitPromoteAfter();
    const CliRun prod = deploy(QStringLiteral("1.0.0"), QStringLiteral("prod"));
    QVERIFY2(prod.exitCode == 0, qPrintable(prod.err));
    const CliRun st = as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.0.0"), QStringLiteral("--json")});
    QCOMPARE(st.json().value(QStringLiteral("next")).toString(), QStringLiteral("released"));
    const CliRun audit = as(QStringLiteral("rm@x"), {QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.out + audit.err));
}

QTEST_GUILESS_MAIN(TstCliPromotion)
#include "tst_cli_promotion.moc"
