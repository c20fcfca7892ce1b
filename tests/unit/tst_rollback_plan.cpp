// Rollback planning: placeholders substituted per argv element (injection strings stay one
// literal argument), shell steps quoted for POSIX sh (checked through a real /bin/sh printing its
// argv), unknown placeholders located at file:line:col, and the target chosen by SemVer.
#include "policy_loader.h"
#include "rollback_plan.h"

#include <QProcess>
#include <QTest>

using namespace cockpit;

namespace {

// Plain literals: moc misreads this raw string and would skip the test class.
const QByteArray kPolicy
    = "project: Demo\n"
      "tag_format: \"v{version}\"\n"
      "roles:\n"
      "  release_manager: [rm@example.com]\n"
      "release_types:\n"
      "  patch: {}\n"
      "environments:\n"
      "  production: {base_url: \"https://prod.example.com\", health: [/health]}\n"
      "rollback:\n"
      "  target: last_known_good\n"
      "  steps:\n"
      "    - {name: Deploy, run: [./deploy.sh, --tag, \"{rollback_tag}\", \"--reason={reason}\", "
      "\"{version}\"]}\n"
      "    - {name: Restore, condition: schema changed, shell: 'echo {reason} && restore --env {env}'}\n"
      "    - {name: Notify, http: {method: POST, url: \"https://hooks.example.com/{version}?why={reason}\", "
      "body: '{\"text\": \"{reason}\"}', headers: {X-Reason: \"{reason}\"}}}\n"
      "    - {name: Verify, probe: production}\n"
      "    - {name: Record, manual: \"Open the incident for {version}: {reason}\"}\n";

const QStringList kInjections {
    QStringLiteral("; rm -rf ~"),
    QStringLiteral("$(touch pwned)"),
    QStringLiteral("`touch pwned`"),
    QStringLiteral("line one\nline two; rm -rf ~"),
    QStringLiteral("it's \"quoted\" 'twice'"),
    QStringLiteral("'; touch pwned; echo '"),
    QStringLiteral("\\'$HOME\\"),
    QStringLiteral(""),
};

Policy loadPolicy(const QByteArray &yaml = kPolicy)
{
    auto policy = parsePolicy(yaml, QStringLiteral("policy.yml"));
    if (!policy)
        qFatal("%s", qPrintable(policy.error().toString()));
    return *policy;
}

RollbackPlanInput input(const QString &reason, const QString &version = QStringLiteral("3.7.0"))
{
    return {version, QStringLiteral("production"), QStringLiteral("abc123"), reason, {},
        {QStringLiteral("3.6.0"), QStringLiteral("v3.6.0"), QStringLiteral("def456"),
            QStringLiteral("last_known_good")}};
}

// What /bin/sh makes of a command line: its words, printed one per NUL-terminated record.
QStringList shellWords(const QString &line)
{
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("printf '%s\\0' ") + line});
    if (!sh.waitForFinished(10000) || sh.exitCode() != 0)
        return {QStringLiteral("<sh failed: %1>").arg(QString::fromUtf8(sh.readAllStandardError()))};
    QStringList words = QString::fromUtf8(sh.readAllStandardOutput()).split(QChar(0));
    words.removeLast();
    return words;
}

}  // namespace

class TestRollbackPlan : public QObject {
    Q_OBJECT

private slots:
    void substitutesEachArgvElementOnItsOwn_data()
    {
        QTest::addColumn<QString>("reason");
        for (const QString &s : kInjections)
            QTest::newRow(qPrintable(QString(s).replace(u'\n', QStringLiteral("\\n")))) << s;
    }

    void substitutesEachArgvElementOnItsOwn()
    {
        QFETCH(QString, reason);
        auto plan = buildRollbackPlan(loadPolicy(), input(reason));
        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
        QCOMPARE(plan->steps.size(), 5);
        const PlannedRollbackStep &deploy = plan->steps.at(0);
        QCOMPARE(deploy.kind, RollbackStepKind::Run);
        QCOMPARE(deploy.argv,
            (QStringList {QStringLiteral("./deploy.sh"), QStringLiteral("--tag"), QStringLiteral("v3.6.0"),
                QStringLiteral("--reason=") + reason, QStringLiteral("3.7.0")}));
        QCOMPARE(plan->steps.at(4).instruction, QStringLiteral("Open the incident for 3.7.0: ") + reason);
        QCOMPARE(plan->placeholders.value(QStringLiteral("reason")), reason);
    }

    void shellStepQuotesEveryValue_data() { substitutesEachArgvElementOnItsOwn_data(); }

    void shellStepQuotesEveryValue()
    {
        QFETCH(QString, reason);
        auto plan = buildRollbackPlan(loadPolicy(), input(reason));
        QVERIFY(plan);
        const PlannedRollbackStep &restore = plan->steps.at(1);
        QCOMPARE(restore.kind, RollbackStepKind::Shell);
        QCOMPARE(restore.condition, QStringLiteral("schema changed"));
        // Round trip through a real sh: the reason comes back as one word, exactly as given.
        const QString line
            = QStringLiteral("%1 %2").arg(shellQuote(reason), shellQuote(QStringLiteral("x y")));
        QCOMPARE(shellWords(line), (QStringList {reason, QStringLiteral("x y")}));
        QVERIFY(restore.shellCommand.startsWith(
            QStringLiteral("echo ") + shellQuote(reason) + QStringLiteral(" && ")));
        QVERIFY(restore.shellCommand.endsWith(QStringLiteral("--env 'production'")));
    }

    void httpStepEncodesValuesForTheirPlace()
    {
        auto plan = buildRollbackPlan(loadPolicy(), input(QStringLiteral("a \"b\"&c=d\r\nX-Evil: 1")));
        QVERIFY(plan);
        const PlannedRollbackStep &notify = plan->steps.at(2);
        QCOMPARE(notify.kind, RollbackStepKind::Http);
        QCOMPARE(notify.httpUrl,
            QStringLiteral("https://hooks.example.com/3.7.0?why=a%20%22b%22%26c%3Dd%0D%0AX-Evil%3A%201"));
        QCOMPARE(notify.httpBody, QStringLiteral("{\"text\": \"a \\\"b\\\"&c=d\\r\\nX-Evil: 1\"}"));
        QCOMPARE(
            notify.httpHeaders.value(QStringLiteral("X-Reason")), QStringLiteral("a \"b\"&c=d  X-Evil: 1"));
        QCOMPARE(plan->steps.at(3).probeEnvironment, QStringLiteral("production"));
    }

    void unknownPlaceholderNamesStepAndLocation()
    {
        QByteArray yaml = kPolicy;
        yaml.replace("\"{version}\"]}", "\"{verison}\"]}");
        auto plan = buildRollbackPlan(loadPolicy(yaml), input(QStringLiteral("r")));
        QVERIFY(!plan);
        QCOMPARE(plan.error().code, ErrorCode::BadInput);
        QVERIFY2(plan.error().message.contains(QStringLiteral("'Deploy'")), qPrintable(plan.error().message));
        QVERIFY(plan.error().message.contains(QStringLiteral("{verison}")));
        QCOMPARE(plan.error().location.file, QStringLiteral("policy.yml"));
        QCOMPARE(plan.error().location.line, 12);
        QCOMPARE(plan.error().location.column, 87);
    }

    void placeholderInsideShellQuotesIsRefused()
    {
        QByteArray yaml = kPolicy;
        yaml.replace("'echo {reason} && restore --env {env}'", "'echo \"{reason}\"'");
        auto plan = buildRollbackPlan(loadPolicy(yaml), input(QStringLiteral("'; touch pwned; echo '")));
        QVERIFY(!plan);
        QVERIFY2(plan.error().message.contains(QStringLiteral("inside double quotes")),
            qPrintable(plan.error().message));
        QCOMPARE(plan.error().location.line, 13);
    }

    // Found by fuzz_rollback_plan: a backslash run before a quote or right before a placeholder
    // used to be judged from the last two characters, so `echo \\\'x' {reason}` or `echo \{reason}`
    // let the value's own quote be escaped and ';echo INJECTED #' ran.
    void placeholderAfterEscapingBackslashIsRefused_data()
    {
        QTest::addColumn<QString>("templ");
        QTest::newRow("odd run before a quote") << QStringLiteral("echo \\\\\\'x' {reason}");
        QTest::newRow("backslash before placeholder") << QStringLiteral("echo \\{reason}");
        QTest::newRow("three before placeholder") << QStringLiteral("echo \\\\\\{reason}");
    }

    void placeholderAfterEscapingBackslashIsRefused()
    {
        QFETCH(QString, templ);
        const QMap<QString, QString> values {{QStringLiteral("reason"), QStringLiteral(";echo INJECTED #")}};
        auto out = substitutePlaceholders(templ, values, PlaceholderQuoting::Shell, QStringLiteral("s"), {});
        QVERIFY2(!out, qPrintable(QStringLiteral("accepted: ") + out.value_or(QString())));
        QCOMPARE(out.error().code, ErrorCode::BadInput);
    }

    void evenBackslashRunsBeforePlaceholderStayLiteral()
    {
        const QMap<QString, QString> values {{QStringLiteral("reason"), QStringLiteral(";echo INJECTED #")}};
        auto out = substitutePlaceholders(
            QStringLiteral("echo \\\\{reason}"), values, PlaceholderQuoting::Shell, QStringLiteral("s"), {});
        QVERIFY(out);
        QCOMPARE(
            shellWords(*out), (QStringList {QStringLiteral("echo"), QStringLiteral("\\;echo INJECTED #")}));
    }

    void literalBracesAndShellExpansionsStay()
    {
        const QMap<QString, QString> values {{QStringLiteral("version"), QStringLiteral("1.0.0")}};
        auto text = substitutePlaceholders(QStringLiteral("{{version}} ${HOME} {version} {\"a\": 1} {}"),
            values, PlaceholderQuoting::Shell, QStringLiteral("s"), {});
        QVERIFY(text);
        QCOMPARE(*text, QStringLiteral("{version} ${HOME} '1.0.0' {\"a\": 1} {}"));
    }

    void componentFromTrainVersion()
    {
        QCOMPARE(rollbackComponent(QStringLiteral("billing/v1.2.0"), {}, QStringLiteral("Demo")),
            QStringLiteral("billing"));
        QCOMPARE(rollbackComponent(QStringLiteral("1.2.0"), QStringLiteral("v1.2.0"), QStringLiteral("Demo")),
            QStringLiteral("Demo"));
        Policy policy = loadPolicy();
        policy.rollbackSteps = {RollbackStepPolicy {QStringLiteral("Undo"),
            {QStringLiteral("kubectl"), QStringLiteral("rollout"), QStringLiteral("undo"),
                QStringLiteral("deployment/{component}")}}};
        auto plan = buildRollbackPlan(policy, input({}, QStringLiteral("billing/v1.2.0")));
        QVERIFY(plan);
        QCOMPARE(plan->steps.at(0).argv.last(), QStringLiteral("deployment/billing"));
    }

    void lastKnownGoodIsNewestEarlierPassedRelease()
    {
        const Policy policy = loadPolicy();
        const QList<RollbackCandidate> releases {
            {QStringLiteral("3.5.0"), QStringLiteral("c350"), false, true},
            {QStringLiteral("3.6.0"), QStringLiteral("c360"), true, false},
            {QStringLiteral("3.6.1"), QStringLiteral("c361"), false, false},  // never passed
            {QStringLiteral("3.7.0-rc1"), QStringLiteral("crc1"), true, false},  // pre-release
            {QStringLiteral("3.7.0"), QStringLiteral("c370"), true, false},  // the release itself
            {QStringLiteral("3.10.0"), QStringLiteral("c3100"), true, true},  // later
        };
        const QList<RollbackTagCandidate> tags {
            {QStringLiteral("v3.6.0"), QStringLiteral("3.6.0"), QStringLiteral("tagged360")}};
        auto target = resolveRollbackTarget(policy, QStringLiteral("3.7.0"), releases, tags);
        QVERIFY(target);
        QCOMPARE(target->version, QStringLiteral("3.6.0"));
        QCOMPARE(target->tag, QStringLiteral("v3.6.0"));
        QCOMPARE(target->commit, QStringLiteral("tagged360"));
        QCOMPARE(target->source, QStringLiteral("last_known_good"));
    }

    void previousGaTagWhenNoReleasePassed()
    {
        const Policy policy = loadPolicy();
        const QList<RollbackTagCandidate> tags {
            {QStringLiteral("v3.5.2"), QStringLiteral("3.5.2"), QStringLiteral("t352")},
            {QStringLiteral("v3.6.0-rc1"), QStringLiteral("3.6.0-rc1"), QStringLiteral("trc")},
            {QStringLiteral("v3.10.0"), QStringLiteral("3.10.0"), QStringLiteral("t3100")},
            {QStringLiteral("v3.9.0"), QStringLiteral("3.9.0"), QStringLiteral("t390")},
        };
        auto target = resolveRollbackTarget(policy, QStringLiteral("3.10.0"),
            {{QStringLiteral("3.1.0"), QStringLiteral("c"), false, false}}, tags);
        QVERIFY(target);
        QCOMPARE(target->version, QStringLiteral("3.9.0"));  // SemVer order, not text order
        QCOMPARE(target->source, QStringLiteral("previous_tag"));
        auto none = resolveRollbackTarget(policy, QStringLiteral("3.5.2"), {}, tags);
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::Refused);
    }

    void redactsCredentialsInOutput()
    {
        const QString out = redactSecrets(
            QStringLiteral("pushing to https://deploy:s3cr3t@git.example.com/repo\nAuthorization: Bearer "
                           "abc.def\nPGPASSWORD=hunter2 ok"));
        QVERIFY(!out.contains(QStringLiteral("s3cr3t")));
        QVERIFY(!out.contains(QStringLiteral("abc.def")));
        QVERIFY(!out.contains(QStringLiteral("hunter2")));
        QVERIFY(out.contains(QStringLiteral("https://deploy:[redacted]@git.example.com/repo")));
        QVERIFY(out.endsWith(QStringLiteral(" ok")));
    }
};

QTEST_GUILESS_MAIN(TestRollbackPlan)
#include "tst_rollback_plan.moc"
