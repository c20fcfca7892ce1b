// The release lifecycle end to end through the real binary, a real git repository and SQLite:
// each move refused with its blockers named (exit 1), allowed when they clear; a release
// candidate tag pins the commit; ticks and sign-offs carry the release to approved and a
// reopened item drops it back; finish, override and abort as the policy allows.
#include "support/cli_runner.h"
#include "support/scratch_repo.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace {

const QByteArray kPolicy = "project: T\n"
                           "roles:\n"
                           "  release_manager: [rm@x]\n"
                           "  lead: [lead@x]\n"
                           "release_types:\n"
                           "  minor:\n"
                           "    approvals:\n"
                           "      - {role: lead, count: 1}\n"
                           "    checklists: [pre-release, release-day, post-release]\n"
                           "environments:\n"
                           "  staging: {base_url: 'http://127.0.0.1:9'}\n";

}  // namespace

class TstCliLifecycle : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::unique_ptr<ScratchRepo> m_repo;
    QString m_db;
    QString m_data;

    // The command as a person at a terminal whose git user.email is email.
    CliRun as(const QString &email, QStringList args)
    {
        m_repo->git({QStringLiteral("config"), QStringLiteral("user.email"), email});
        return runCockpit(args << QStringLiteral("--workspace") << m_repo->dir() << QStringLiteral("--db") << m_db, m_data);
    }

    QJsonObject status(int expectedExit)
    {
        const CliRun run = as(QStringLiteral("rm@x"),
            {QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.0.0"), QStringLiteral("--json")});
        if (run.exitCode != expectedExit)
            qWarning("status exit %d, expected %d: %s", run.exitCode, expectedExit, qPrintable(run.err));
        return run.exitCode == expectedExit ? run.json() : QJsonObject {};
    }

    static QStringList whats(const QJsonObject &o)
    {
        QStringList what;
        for (const QJsonValue &b : o.value(QStringLiteral("blockers")).toArray())
            what << b[QStringLiteral("what")].toString();
        return what;
    }

    CliRun tick(const QString &key, const QStringList &extra = {})
    {
        return as(QStringLiteral("rm@x"),
            QStringList {QStringLiteral("checklist"), QStringLiteral("tick"), QStringLiteral("1.0.0"), key} + extra);
    }

private slots:
    void initTestCase();
    void draftShowsWhatHoldsItAndExitsOne();
    void freezeThenRcTagPinsTheCandidate();
    void ticksAndSignoffCarryItToApproved();
    void reopenedItemDropsApprovalBack();
    void finishIsRefusedWithEveryBlocker();
    void deployOnlyWhenApprovedThenFinish();
    void overrideOnlyForTheRoleAndWithAReason();
    void abortNeedsAReasonAndIsFinal();
    void commitsAfterTheFreezeBlockUntilAccepted();
};

void TstCliLifecycle::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_db = m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
    m_data = m_tmp.filePath(QStringLiteral("xdg"));
    m_repo = std::make_unique<ScratchRepo>(m_tmp.filePath(QStringLiteral("repo")));
    m_repo->commit(QStringLiteral("fix: initial"),
        {{QStringLiteral(".release-cockpit/policy.yml"), kPolicy},
            {QStringLiteral(".release-cockpit/checklists/pre-release.md"), "# Pre\n\n- [ ] Tests green\n- [ ] Notes drafted\n"},
            {QStringLiteral(".release-cockpit/checklists/release-day.md"), "# Day\n\n- [ ] Announce\n"},
            {QStringLiteral(".release-cockpit/checklists/post-release.md"), "# Post\n\n- [ ] Retro\n"},
            {QStringLiteral("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- a bug\n"}});
    QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
    const CliRun created = as(QStringLiteral("rm@x"),
        {QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("1.0.0"), QStringLiteral("--type"),
            QStringLiteral("minor")});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
}

void TstCliLifecycle::draftShowsWhatHoldsItAndExitsOne()
{
    const QJsonObject o = status(1);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
    QCOMPARE(o.value(QStringLiteral("next")).toString(), QStringLiteral("frozen"));
    const QStringList what = whats(o);
    QVERIFY2(what.contains(QStringLiteral("not frozen yet")), qPrintable(what.join(u'\n')));
    QVERIFY2(what.contains(QStringLiteral("pre-release.1 is open: Tests green")), qPrintable(what.join(u'\n')));
    QVERIFY2(what.contains(QStringLiteral("missing approval: lead (0 of 1)")), qPrintable(what.join(u'\n')));
    for (const QJsonValue &b : o.value(QStringLiteral("blockers")).toArray())
        for (const char *key : {"kind", "what", "clears_when", "earliest"})
            QVERIFY2(b.toObject().contains(QLatin1String(key)), key);
}

void TstCliLifecycle::freezeThenRcTagPinsTheCandidate()
{
    const CliRun frozen = as(QStringLiteral("rm@x"),
        {QStringLiteral("release"), QStringLiteral("freeze"), QStringLiteral("1.0.0"), QStringLiteral("--reason"),
            QStringLiteral("train leaves Friday")});
    QVERIFY2(frozen.exitCode == 0, qPrintable(frozen.err));
    QJsonObject o = status(1);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("frozen"));
    QVERIFY2(whats(o).first().startsWith(QLatin1String("no release candidate pins the commit")), qPrintable(whats(o).join(u'\n')));
    const CliRun rc = as(QStringLiteral("rm@x"), {QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.0.0-rc1")});
    QVERIFY2(rc.exitCode == 0, qPrintable(rc.err));
    QVERIFY2(rc.err.contains(QLatin1String("Release 1.0.0 is pinned to")), qPrintable(rc.err));
    o = status(1);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("candidate"));
    QVERIFY(o.value(QStringLiteral("commit_pinned")).toBool());
    QCOMPARE(o.value(QStringLiteral("next")).toString(), QStringLiteral("approved"));
}

void TstCliLifecycle::ticksAndSignoffCarryItToApproved()
{
    QCOMPARE(tick(QStringLiteral("pre-release.1")).exitCode, 0);
    QCOMPARE(tick(QStringLiteral("pre-release.2"), {QStringLiteral("--na"), QStringLiteral("no notes this time")}).exitCode, 0);
    QCOMPARE(status(1).value(QStringLiteral("state")).toString(), QStringLiteral("candidate"));  // approval missing
    const CliRun signed_ = as(QStringLiteral("lead@x"),
        {QStringLiteral("signoff"), QStringLiteral("1.0.0"), QStringLiteral("--role"), QStringLiteral("lead")});
    QVERIFY2(signed_.exitCode == 0, qPrintable(signed_.err));
    const QJsonObject o = status(1);  // approved, waiting for the deploy
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    QCOMPARE(o.value(QStringLiteral("next")).toString(), QStringLiteral("deploying"));
}

void TstCliLifecycle::reopenedItemDropsApprovalBack()
{
    const CliRun reopened = tick(QStringLiteral("pre-release.1"), {QStringLiteral("--reopen")});
    QCOMPARE(reopened.exitCode, 0);
    QVERIFY2(reopened.err.contains(QLatin1String("This change made lead's approval (lead@x) stale")), qPrintable(reopened.err));
    QJsonObject o = status(1);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("candidate"));
    QVERIFY(whats(o).contains(QStringLiteral("pre-release.1 is open: Tests green")));
    QCOMPARE(tick(QStringLiteral("pre-release.1")).exitCode, 0);
    QCOMPARE(status(1).value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    // A release-day tick is not what the lead approved: the approval stays fresh.
    const CliRun releaseDay = tick(QStringLiteral("release-day.1"));
    QCOMPARE(releaseDay.exitCode, 0);
    QVERIFY2(!releaseDay.err.contains(QLatin1String("stale")), qPrintable(releaseDay.err));
    o = status(1);
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    QCOMPARE(o.value(QStringLiteral("approval_counts")).toObject().value(QStringLiteral("stale")).toInt(), 0);
}

void TstCliLifecycle::finishIsRefusedWithEveryBlocker()
{
    const CliRun finish = as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("finish"), QStringLiteral("1.0.0")});
    QCOMPARE(finish.exitCode, 1);
    QVERIFY2(finish.err.contains(QLatin1String("an approved release cannot become released")), qPrintable(finish.err));
}

void TstCliLifecycle::deployOnlyWhenApprovedThenFinish()
{
    const QStringList deploy {QStringLiteral("release"), QStringLiteral("deployed"), QStringLiteral("1.0.0"),
        QStringLiteral("--env"), QStringLiteral("staging")};
    // Reopened: no longer approved, so the deploy is refused with what holds it.
    QCOMPARE(tick(QStringLiteral("pre-release.1"), {QStringLiteral("--reopen")}).exitCode, 0);
    CliRun refused = as(QStringLiteral("rm@x"), deploy);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("release 1.0.0 is candidate, not approved")), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QLatin1String("pre-release.1 is open")), qPrintable(refused.err));
    // Someone outside override_roles cannot break the glass.
    CliRun notAllowed = as(QStringLiteral("lead@x"),
        QStringList(deploy) << QStringLiteral("--override") << QStringLiteral("--reason") << QStringLiteral("hurry"));
    QCOMPARE(notAllowed.exitCode, 1);
    QVERIFY2(notAllowed.err.contains(QLatin1String("lead@x may not override")), qPrintable(notAllowed.err));
    QCOMPARE(tick(QStringLiteral("pre-release.1")).exitCode, 0);
    QCOMPARE(status(1).value(QStringLiteral("state")).toString(), QStringLiteral("approved"));
    const CliRun deployed = as(QStringLiteral("rm@x"), deploy);
    QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.err));
    const QJsonObject o = status(0);  // release day is ticked, staging has no soak checks: ready
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("soaking"));
    QCOMPARE(o.value(QStringLiteral("next")).toString(), QStringLiteral("released"));
    QVERIFY2(whats(o).isEmpty(), qPrintable(whats(o).join(u'\n')));
    const CliRun finished = as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("finish"), QStringLiteral("1.0.0")});
    QVERIFY2(finished.exitCode == 0, qPrintable(finished.err));
    QCOMPARE(status(0).value(QStringLiteral("state")).toString(), QStringLiteral("released"));
}

void TstCliLifecycle::overrideOnlyForTheRoleAndWithAReason()
{
    // A second release, deployed while nothing is approved: the override is recorded.
    QVERIFY(as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("1.1.0"),
        QStringLiteral("--type"), QStringLiteral("minor")}).exitCode == 0);
    const QStringList deploy {QStringLiteral("release"), QStringLiteral("deployed"), QStringLiteral("1.1.0"),
        QStringLiteral("--env"), QStringLiteral("staging"), QStringLiteral("--override")};
    QCOMPARE(as(QStringLiteral("rm@x"), deploy).exitCode, 64);  // no reason
    const CliRun run = as(QStringLiteral("rm@x"), QStringList(deploy) << QStringLiteral("--reason") << QStringLiteral("S0 outage fix"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("override recorded")), qPrintable(run.err));
    // Soaking -> released is an edge, but with the pre-release and release-day items open the
    // finish is refused; the release manager overrides it with a reason.
    const QStringList finish {QStringLiteral("release"), QStringLiteral("finish"), QStringLiteral("1.1.0")};
    QCOMPARE(as(QStringLiteral("rm@x"), finish).exitCode, 1);
    const CliRun forced = as(QStringLiteral("rm@x"),
        QStringList(finish) << QStringLiteral("--override") << QStringLiteral("--reason") << QStringLiteral("post-mortem follows"));
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
    // The break-glass leaves a post-mortem to write (seed 001), once, and shows in status.
    const CliRun shown = as(QStringLiteral("rm@x"), {QStringLiteral("checklist"), QStringLiteral("show"), QStringLiteral("1.1.0")});
    QVERIFY2(shown.out.count(QLatin1String("Post-mortem written and linked for the override by rm@x")) == 1, qPrintable(shown.out));
    QVERIFY2(shown.out.contains(QLatin1String("S0 outage fix")), qPrintable(shown.out));
    const CliRun st = as(QStringLiteral("rm@x"),
        {QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.1.0"), QStringLiteral("--json")});
    const QJsonArray overrides = st.json().value(QStringLiteral("overrides")).toArray();
    QCOMPARE(overrides.size(), 2);
    QCOMPARE(overrides.at(0).toObject().value(QStringLiteral("move")).toString(), QStringLiteral("deploy to staging"));
    QCOMPARE(overrides.at(1).toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("post-mortem follows"));
    const CliRun audit = as(QStringLiteral("rm@x"), {QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.out + audit.err));
}

void TstCliLifecycle::abortNeedsAReasonAndIsFinal()
{
    QVERIFY(as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("1.0.1"),
        QStringLiteral("--type"), QStringLiteral("minor")}).exitCode == 0);
    QCOMPARE(as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("abort"), QStringLiteral("1.0.1")}).exitCode, 64);
    const CliRun aborted = as(QStringLiteral("rm@x"),
        {QStringLiteral("release"), QStringLiteral("abort"), QStringLiteral("1.0.1"), QStringLiteral("--reason"),
            QStringLiteral("superseded by 1.1.0")});
    QVERIFY2(aborted.exitCode == 0, qPrintable(aborted.err));
    const CliRun st = as(QStringLiteral("rm@x"),
        {QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.0.1"), QStringLiteral("--json")});
    QCOMPARE(st.exitCode, 0);  // final: nothing next, nothing blocks
    QCOMPARE(st.json().value(QStringLiteral("state")).toString(), QStringLiteral("aborted"));
    QCOMPARE(st.json().value(QStringLiteral("next")).toString(), QString());
    const CliRun again = as(QStringLiteral("rm@x"),
        {QStringLiteral("release"), QStringLiteral("finish"), QStringLiteral("1.0.1")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains(QLatin1String("nothing moves it any more")), qPrintable(again.err));
    const CliRun audit = as(QStringLiteral("rm@x"), {QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.out + audit.err));
}

void TstCliLifecycle::commitsAfterTheFreezeBlockUntilAccepted()
{
    QVERIFY(as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("2.0.0"),
        QStringLiteral("--type"), QStringLiteral("minor")}).exitCode == 0);
    QCOMPARE(as(QStringLiteral("rm@x"), {QStringLiteral("release"), QStringLiteral("freeze"), QStringLiteral("2.0.0")}).exitCode, 0);
    m_repo->commit(QStringLiteral("fix: off by one in the total"), {{QStringLiteral("a.txt"), "a"}});
    const QString feat = m_repo->commit(QStringLiteral("feat: a feature after the freeze"), {{QStringLiteral("b.txt"), "b"}});
    QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
    const QStringList statusArgs {QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("2.0.0"), QStringLiteral("--json")};
    QJsonObject o = as(QStringLiteral("rm@x"), statusArgs).json();
    QCOMPARE(o.value(QStringLiteral("frozen_commit")).toString().size(), 40);
    QCOMPARE(o.value(QStringLiteral("commits_after_freeze")).toObject().value(QStringLiteral("total")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("commits_after_freeze")).toObject().value(QStringLiteral("blocking")).toInt(), 1);
    const QString expected = QStringLiteral("%1 landed after the code freeze and is not a fix: feat: a feature after the freeze")
                                 .arg(feat.left(8));
    QVERIFY2(whats(o).contains(expected), qPrintable(whats(o).join(u'\n')));
    QVERIFY2(!whats(o).join(u'\n').contains(QLatin1String("off by one")), qPrintable(whats(o).join(u'\n')));

    const QStringList accept {QStringLiteral("release"), QStringLiteral("accept-commit"), QStringLiteral("2.0.0"), feat.left(10)};
    QCOMPARE(as(QStringLiteral("rm@x"), accept).exitCode, 64);  // no reason
    const CliRun notAllowed = as(QStringLiteral("lead@x"), QStringList(accept) << QStringLiteral("--reason") << QStringLiteral("I like it"));
    QCOMPARE(notAllowed.exitCode, 1);
    QVERIFY2(notAllowed.err.contains(QLatin1String("may not accept commits after the freeze")), qPrintable(notAllowed.err));
    const CliRun unknown = as(QStringLiteral("rm@x"),
        {QStringLiteral("release"), QStringLiteral("accept-commit"), QStringLiteral("2.0.0"), QStringLiteral("deadbeef"),
            QStringLiteral("--reason"), QStringLiteral("x")});
    QVERIFY2(unknown.exitCode != 0 && unknown.err.contains(QLatin1String("is not a commit of 2.0.0 after its freeze")),
        qPrintable(unknown.err));
    const CliRun accepted = as(QStringLiteral("rm@x"), QStringList(accept) << QStringLiteral("--reason") << QStringLiteral("promised to the customer"));
    QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.err));
    o = as(QStringLiteral("rm@x"), statusArgs).json();
    QCOMPARE(o.value(QStringLiteral("commits_after_freeze")).toObject().value(QStringLiteral("blocking")).toInt(), 0);
    QVERIFY2(!whats(o).contains(expected), qPrintable(whats(o).join(u'\n')));
    QVERIFY(as(QStringLiteral("rm@x"), QStringList(accept) << QStringLiteral("--reason") << QStringLiteral("again")).exitCode != 0);
    const CliRun audit = as(QStringLiteral("rm@x"), {QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.out + audit.err));
}

QTEST_GUILESS_MAIN(TstCliLifecycle)
#include "tst_cli_lifecycle.moc"
