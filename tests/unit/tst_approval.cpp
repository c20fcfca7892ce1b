// The approval matrix: each preset's required roles per release type (counts, conditions), and
// the evaluation of sign-offs against the current digest: counted, stale, rejected, withdrawn,
// superseded, self-approval, one person once per role.
#include "approval.h"
#include "policy_loader.h"

#include <QFile>
#include <QTest>

using namespace cockpit;

namespace {

const QString kDigest = QString(64, u'a');
const QString kOldDigest = QString(64, u'b');

Policy preset(const QString &name)
{
    const QString path = QStringLiteral(COCKPIT_SOURCE_DIR "/resources/presets/%1/policy.yml").arg(name);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return parsePolicy(file.readAll(), path).value_or(Policy {});
}

// A small policy of our own for the evaluation rules.
Policy testPolicy(bool singleOperator = false)
{
    const QByteArray yaml = "project: T\n"
                            "roles:\n"
                            "  release_manager: [rm@x]\n"
                            "  lead: [lead@x, rm@x]\n"
                            "  team: [a@x, b@x, c@x]\n"
                            "  security: [sec@x]\n"
                            "single_operator: "
        + QByteArray(singleOperator ? "true" : "false")
        + "\n"
          "release_types:\n"
          "  minor:\n"
          "    approvals:\n"
          "      - {role: lead, count: 1}\n"
          "      - {role: team, count: 2}\n"
          "      - {role: security, count: 1, condition: changelog has Security}\n";
    return parsePolicy(yaml, QStringLiteral("policy.yml")).value_or(Policy {});
}

ApprovalFacts facts(const QStringList &sections = {})
{
    return ApprovalFacts {QStringLiteral("minor"), QStringLiteral("rm@x"), kDigest, sections};
}

Signoff s(qint64 id, const QString &role, const QString &signer, SignoffDecision d = SignoffDecision::Approve,
    const QString &digest = kDigest, const QString &reason = {})
{
    return Signoff {id, QStringLiteral("1.0.0"), role, signer, d, reason, digest, {},
        QDateTime::fromSecsSinceEpoch(1700000000 + id, Qt::UTC)};
}

QString describe(const QList<RoleApproval> &roles)
{
    QStringList out;
    for (const RoleApproval &r : roles)
        out << QStringLiteral("%1x%2%3")
                   .arg(r.requirement.role)
                   .arg(r.requirement.count)
                   .arg(r.required ? "" : "?");
    return out.join(u' ');
}

}  // namespace

class TestApproval : public QObject {
    Q_OBJECT

private slots:
    void presetMatrix_data()
    {
        QTest::addColumn<QString>("presetName");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QStringList>("sections");
        QTest::addColumn<QString>("expected");  // role x count, "?" when its condition does not hold
        const QStringList none;
        const QStringList security {QStringLiteral("Fixed"), QStringLiteral("Security")};
        // Seed 000: Major CTO + Product; Minor Platform Lead; Patch On-call; Hotfix Security Lead;
        // the Security Lead also when security changes.
        QTest::newRow("000 major") << "gated-ga"
                                   << "major" << none << "ctox1 product_ownerx1 security_leadx1?";
        QTest::newRow("000 major security") << "gated-ga"
                                            << "major" << security << "ctox1 product_ownerx1 security_leadx1";
        QTest::newRow("000 minor") << "gated-ga"
                                   << "minor" << none << "platform_leadx1 security_leadx1?";
        QTest::newRow("000 minor security") << "gated-ga"
                                            << "minor" << security << "platform_leadx1 security_leadx1";
        QTest::newRow("000 patch") << "gated-ga"
                                   << "patch" << none << "on_callx1 security_leadx1?";
        QTest::newRow("000 hotfix") << "gated-ga"
                                    << "hotfix" << none << "security_leadx1";
        // Seed 001: PATCH 1 module owner; MINOR 2 from the module team + tech lead; MAJOR
        // architecture review, tech lead, product team.
        QTest::newRow("001 patch") << "release-train"
                                   << "patch" << none << "module_ownerx1";
        QTest::newRow("001 minor") << "release-train"
                                   << "minor" << none << "module_teamx2 tech_leadx1";
        QTest::newRow("001 major") << "release-train"
                                   << "major" << none << "architectx1 tech_leadx1 product_teamx1";
        QTest::newRow("001 emergency") << "release-train"
                                       << "emergency" << none << "";
        // Seed 003: one reviewer; a single operator may hold every role.
        QTest::newRow("003 minor") << "promotion"
                                   << "minor" << none << "reviewerx1";
        QTest::newRow("004 major") << "canary"
                                   << "major" << none << "release_approverx1 stakeholderx2";
        QTest::newRow("004 patch") << "canary"
                                   << "patch" << none << "";
    }

    void presetMatrix()
    {
        QFETCH(QString, presetName);
        QFETCH(QString, type);
        QFETCH(QStringList, sections);
        QFETCH(QString, expected);
        const Policy policy = preset(presetName);
        QVERIFY2(!policy.releaseTypes.isEmpty(), qPrintable(presetName));
        ApprovalFacts f {type, QStringLiteral("rm@example.com"), kDigest, sections};
        auto roles = requiredApprovals(policy, f);
        QVERIFY(roles.has_value());
        QCOMPARE(describe(*roles), expected);
    }

    void singleOperatorOnlyInPromotion()
    {
        QVERIFY(preset(QStringLiteral("promotion")).singleOperator);
        QVERIFY(!preset(QStringLiteral("gated-ga")).singleOperator);
        QVERIFY(!preset(QStringLiteral("release-train")).singleOperator);
    }

    void conditions_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QStringList>("sections");
        QTest::addColumn<bool>("holds");
        QTest::addColumn<bool>("understood");
        QTest::newRow("none") << "" << QStringList() << true << true;
        QTest::newRow("has, present") << "changelog has Security" << QStringList {"Security"} << true << true;
        QTest::newRow("has, absent") << "changelog has Security" << QStringList {"Added"} << false << true;
        QTest::newRow("case and section")
            << "Changelog has a security section" << QStringList {"SECURITY"} << true << true;
        QTest::newRow("migration notes")
            << "changelog has Migration Notes" << QStringList {"Migration Notes"} << true << true;
        QTest::newRow("seed wording") << "security changes" << QStringList {"Security"} << true << true;
        QTest::newRow("seed wording, none") << "security changes" << QStringList() << false << true;
        QTest::newRow("unknown: required") << "prompt/model changes" << QStringList() << true << false;
    }

    void conditions()
    {
        QFETCH(QString, condition);
        QFETCH(QStringList, sections);
        QFETCH(bool, holds);
        QFETCH(bool, understood);
        const ConditionResult r = evaluateCondition(condition, facts(sections));
        QCOMPARE(r.holds, holds);
        QCOMPARE(r.understood, understood);
        QCOMPARE(r.note.isEmpty(), condition.isEmpty());
    }

    void evaluation_data()
    {
        using D = SignoffDecision;
        QTest::addColumn<QList<Signoff>>("signoffs");
        QTest::addColumn<bool>("singleOperator");
        QTest::addColumn<int>("counted");  // toward required roles
        QTest::addColumn<QStringList>("blockerStarts");
        const QString lead = QStringLiteral("lead"), team = QStringLiteral("team"),
                      sec = QStringLiteral("security");
        const QList<Signoff> full {s(1, lead, "lead@x"), s(2, team, "a@x"), s(3, team, "b@x")};
        QTest::newRow("nothing signed")
            << QList<Signoff>() << false << 0
            << QStringList {"missing approval: lead (0 of 1)", "missing approval: team (0 of 2)"};
        QTest::newRow("all current") << full << false << 3 << QStringList();
        QTest::newRow("one person counts once per role")
            << QList<Signoff> {s(1, lead, "lead@x"), s(2, team, "a@x"), s(3, team, "a@x")} << false << 2
            << QStringList {"missing approval: team (1 of 2)"};
        QTest::newRow("stale: shown, not counted, re-sign asked")
            << QList<Signoff> {s(1, lead, "lead@x", D::Approve, kOldDigest), s(2, team, "a@x"),
                   s(3, team, "b@x")}
            << false << 2
            << QStringList {"missing approval: lead (0 of 1)", "stale approval: lead by lead@x"};
        QTest::newRow("re-signed after stale") << QList<Signoff> {
            s(1, lead, "lead@x", D::Approve, kOldDigest), s(2, team, "a@x"), s(3, team, "b@x"),
            s(4, lead, "lead@x")} << false << 3 << QStringList();
        QTest::newRow("rejection blocks")
            << (QList<Signoff>(full) << s(4, team, "c@x", D::Reject, kDigest, "no")) << false << 3
            << QStringList {"rejected: team by c@x: no"};
        QTest::newRow("rejection withdrawn by its author") << (QList<Signoff>(full)
            << s(4, team, "c@x", D::Reject, kDigest, "no") << s(5, team, "c@x", D::Withdraw))
                                                           << false << 3 << QStringList();
        QTest::newRow("rejection superseded by a new digest")
            << (QList<Signoff>(full) << s(4, team, "c@x", D::Reject, kOldDigest, "no")) << false << 3
            << QStringList();
        QTest::newRow("approval withdrawn") << (QList<Signoff>(full) << s(4, lead, "lead@x", D::Withdraw))
                                            << false << 2 << QStringList {"missing approval: lead (0 of 1)"};
        QTest::newRow("self-approval refused")
            << QList<Signoff> {s(1, lead, "rm@x"), s(2, team, "a@x"), s(3, team, "b@x")} << false << 2
            << QStringList {
                   "missing approval: lead (0 of 1)", "not counted: lead by rm@x is a self-approval"};
        QTest::newRow("self-approval with a single operator") << QList<Signoff> {s(1, lead, "rm@x"),
            s(2, team, "a@x"), s(3, team, "b@x")} << true << 3 << QStringList();
        QTest::newRow("signer not in the role") << QList<Signoff> {s(1, lead, "a@x"), s(2, team, "a@x"),
            s(3, team, "b@x")} << false << 2 << QStringList {"missing approval: lead (0 of 1)"};
        QTest::newRow("conditional role not needed")
            << (QList<Signoff>(full) << s(4, sec, "sec@x")) << false << 3 << QStringList();
    }

    void evaluation()
    {
        QFETCH(QList<Signoff>, signoffs);
        QFETCH(bool, singleOperator);
        QFETCH(int, counted);
        QFETCH(QStringList, blockerStarts);
        const Policy policy = testPolicy(singleOperator);
        QVERIFY(!policy.releaseTypes.isEmpty());
        const ApprovalState state = evaluateApprovals(policy, facts(), signoffs);
        QCOMPARE(state.requiredCount, 3);
        QCOMPARE(state.countedCount, counted);
        QCOMPARE(state.blockers.size(), blockerStarts.size());
        for (qsizetype i = 0; i < blockerStarts.size(); ++i)
            QVERIFY2(state.blockers[i].startsWith(blockerStarts[i]), qPrintable(state.blockers[i]));
        QCOMPARE(state.approved(), blockerStarts.isEmpty());
    }

    void staleIsMarked()
    {
        const ApprovalState state = evaluateApprovals(testPolicy(), facts(),
            {s(1, QStringLiteral("lead"), QStringLiteral("lead@x"), SignoffDecision::Approve, kOldDigest)});
        const RoleApproval *lead = state.role(QStringLiteral("lead"));
        QVERIFY(lead);
        QCOMPARE(lead->signoffs.size(), 1);
        QVERIFY(lead->signoffs.first().stale());
        QCOMPARE(lead->counted, 0);
        QVERIFY(!lead->satisfied());
    }

    void securitySectionMakesSecurityRequired()
    {
        const QList<Signoff> full {s(1, QStringLiteral("lead"), QStringLiteral("lead@x")),
            s(2, QStringLiteral("team"), QStringLiteral("a@x")),
            s(3, QStringLiteral("team"), QStringLiteral("b@x"))};
        const ApprovalState state
            = evaluateApprovals(testPolicy(), facts({QStringLiteral("Security")}), full);
        QCOMPARE(state.requiredCount, 4);
        QCOMPARE(state.blockers, QStringList {QStringLiteral("missing approval: security (0 of 1)")});
    }

    void checkAllowed_data()
    {
        using D = SignoffDecision;
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("signer");
        QTest::addColumn<int>("decision");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("singleOperator");
        QTest::addColumn<int>("error");  // -1: allowed
        QTest::newRow("approve") << "lead"
                                 << "lead@x" << int(D::Approve) << "" << false << -1;
        QTest::newRow("unknown role")
            << "cto"
            << "lead@x" << int(D::Approve) << "" << false << int(ErrorCode::NotFound);
        QTest::newRow("not in role") << "lead"
                                     << "a@x" << int(D::Approve) << "" << false << int(ErrorCode::Refused);
        QTest::newRow("self-approval") << "lead"
                                       << "rm@x" << int(D::Approve) << "" << false << int(ErrorCode::Refused);
        QTest::newRow("single operator") << "lead"
                                         << "rm@x" << int(D::Approve) << "" << true << -1;
        QTest::newRow("manager may reject") << "lead"
                                            << "rm@x" << int(D::Reject) << "why" << false << -1;
        QTest::newRow("reject without reason")
            << "lead"
            << "lead@x" << int(D::Reject) << " " << false << int(ErrorCode::Usage);
        QTest::newRow("withdraw own") << "team"
                                      << "a@x" << int(D::Withdraw) << "" << false << -1;
        QTest::newRow("withdraw nothing")
            << "team"
            << "b@x" << int(D::Withdraw) << "" << false << int(ErrorCode::Refused);
    }

    void checkAllowed()
    {
        QFETCH(QString, role);
        QFETCH(QString, signer);
        QFETCH(int, decision);
        QFETCH(QString, reason);
        QFETCH(bool, singleOperator);
        QFETCH(int, error);
        const QList<Signoff> existing {s(1, QStringLiteral("team"), QStringLiteral("a@x"))};
        const Status st = checkSignoffAllowed(
            testPolicy(singleOperator), facts(), existing, role, signer, SignoffDecision(decision), reason);
        QCOMPARE(st.has_value(), error < 0);
        if (error >= 0)
            QCOMPARE(int(st.error().code), error);
    }

    void unknownRoleNamesRoleAndPolicyFile()
    {
        const Status st = checkSignoffAllowed(testPolicy(), facts(), {}, QStringLiteral("cto"),
            QStringLiteral("lead@x"), SignoffDecision::Approve, {});
        QVERIFY(!st);
        QVERIFY2(st.error().message.contains(QLatin1String("\"cto\"")), qPrintable(st.error().message));
        QVERIFY2(
            st.error().toString().contains(QLatin1String("policy.yml")), qPrintable(st.error().toString()));
    }

    void decisionNamesRoundTrip()
    {
        for (auto d : {SignoffDecision::Approve, SignoffDecision::Reject, SignoffDecision::Withdraw})
            QCOMPARE(signoffDecisionFromName(signoffDecisionName(d)), std::optional(d));
        QCOMPARE(signoffDecisionFromName(QStringLiteral("maybe")), std::nullopt);
    }
};

QTEST_APPLESS_MAIN(TestApproval)
#include "tst_approval.moc"
