// Rollback planning: placeholders substituted per argv element (injection strings stay one
// literal argument), shell steps kept verbatim with the values in RELEASE_* variables (a
// {placeholder} in a shell line is refused at load, at its own line:col), shellQuote checked
// through a real /bin/sh, unknown placeholders located at file:line:col, the target by SemVer.
#include "policy_loader.h"
#include "rollback_plan.h"
#include "shell_variables.h"

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
      "    - {name: Restore, condition: schema changed, shell: 'echo \"$RELEASE_REASON\" && restore --env "
      "\"$RELEASE_ENV\"'}\n"
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

    void shellStepIsVerbatimAndValuesAreVariables_data() { substitutesEachArgvElementOnItsOwn_data(); }

    void shellStepIsVerbatimAndValuesAreVariables()
    {
        QFETCH(QString, reason);
        auto plan = buildRollbackPlan(loadPolicy(), input(reason));
        QVERIFY(plan);
        const PlannedRollbackStep &restore = plan->steps.at(1);
        QCOMPARE(restore.kind, RollbackStepKind::Shell);
        QCOMPARE(restore.condition, QStringLiteral("schema changed"));
        QCOMPARE(restore.shellCommand,
            QStringLiteral("echo \"$RELEASE_REASON\" && restore --env \"$RELEASE_ENV\""));
        const QMap<QString, QString> env = shellEnvironment(plan->placeholders);
        QCOMPARE(env.value(QStringLiteral("RELEASE_REASON")), reason);
        QVERIFY(env.contains(QStringLiteral("RELEASE_REASON")));  // set even when empty
        QCOMPARE(env.value(QStringLiteral("RELEASE_ENV")), QStringLiteral("production"));
        QCOMPARE(env.value(QStringLiteral("RELEASE_ROLLBACK_TAG")), QStringLiteral("v3.6.0"));
        QCOMPARE(env.value(QStringLiteral("RELEASE_VERSION")), QStringLiteral("3.7.0"));
        QCOMPARE(env.value(QStringLiteral("RELEASE_COMMIT")), QStringLiteral("abc123"));
        QCOMPARE(env.value(QStringLiteral("RELEASE_TAG")), QStringLiteral("v3.7.0"));
    }

    // Every placeholder a rollback plan has is in the documented table.
    void everyPlaceholderHasAVariable()
    {
        const auto names = rollbackPlaceholders(loadPolicy(), input(QStringLiteral("r"))).keys();
        for (const QString &name : names)
            QVERIFY2(!shellVariableFor(name).isEmpty(), qPrintable(name));
        QCOMPARE(shellVariables().size(), names.size());
    }

    void placeholderInShellLineIsRefusedAtItsColumn_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("variable");
        // The Restore step is line 13; its shell value starts at column 57.
        QTest::newRow("plain") << QByteArray("'echo {reason}'") << 63 << QStringLiteral("RELEASE_REASON");
        QTest::newRow("double quoted")
            << QByteArray("'echo \"{reason}\"'") << 64 << QStringLiteral("RELEASE_REASON");
        QTest::newRow("here-doc") << QByteArray("\"cat > f <<EOF\\n{rollback_tag}\\nEOF\"") << 73
                                  << QStringLiteral("RELEASE_ROLLBACK_TAG");
        QTest::newRow("after ok text")
            << QByteArray("'echo ${HOME} {version}'") << 71 << QStringLiteral("RELEASE_VERSION");
    }

    void placeholderInShellLineIsRefusedAtItsColumn()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, column);
        QFETCH(QString, variable);
        QByteArray yaml = kPolicy;
        yaml.replace("'echo \"$RELEASE_REASON\" && restore --env \"$RELEASE_ENV\"'", line);
        auto policy = parsePolicy(yaml, QStringLiteral("policy.yml"));
        QVERIFY(!policy);
        QCOMPARE(policy.error().code, ErrorCode::BadInput);
        QVERIFY2(policy.error().message.contains(QStringLiteral("use \"$%1\" instead of {").arg(variable)),
            qPrintable(policy.error().message));
        QVERIFY(policy.error().message.contains(QStringLiteral("'Restore'")));
        QCOMPARE(policy.error().location.file, QStringLiteral("policy.yml"));
        QCOMPARE(policy.error().location.line, 13);
        QCOMPARE(policy.error().location.column, column);
    }

    void gateShellLineIsCheckedToo()
    {
        QByteArray yaml = kPolicy;
        yaml.replace("rollback:\n", "gates:\n  - {name: Tag, shell: 'git tag -v {tag}'}\nrollback:\n");
        auto policy = parsePolicy(yaml, QStringLiteral("policy.yml"));
        QVERIFY(!policy);
        QVERIFY2(policy.error().message.contains(QStringLiteral("use \"$RELEASE_TAG\" instead of {tag}")),
            qPrintable(policy.error().message));
        QCOMPARE(policy.error().location.line, 10);
        QCOMPARE(policy.error().location.column, 36);
    }

    void shellLineMayUseOtherBraces()
    {
        QByteArray yaml = kPolicy;
        yaml.replace("'echo \"$RELEASE_REASON\" && restore --env \"$RELEASE_ENV\"'",
            "'{ echo ${RELEASE_REASON}; } && echo {unknown} {a,b}'");
        auto policy = parsePolicy(yaml, QStringLiteral("policy.yml"));
        QVERIFY2(policy, qPrintable(policy ? QString() : policy.error().toString()));
        auto plan = buildRollbackPlan(*policy, input(QStringLiteral("r")));
        QVERIFY(plan);
        QCOMPARE(plan->steps.at(1).shellCommand,
            QStringLiteral("{ echo ${RELEASE_REASON}; } && echo {unknown} {a,b}"));
    }

    // A policy built in code skips the loader; the plan refuses the placeholder all the same.
    void planRefusesPlaceholderInShellLineOfACodeBuiltPolicy()
    {
        Policy policy = loadPolicy();
        policy.rollbackSteps[1].shell = QStringLiteral("cat > f <<EOF\n{reason}\nEOF");
        auto plan = buildRollbackPlan(policy, input(QStringLiteral("$(touch pwned)")));
        QVERIFY(!plan);
        QVERIFY(plan.error().message.contains(QStringLiteral("\"$RELEASE_REASON\"")));
    }

    void shellQuoteIsOneWord_data() { substitutesEachArgvElementOnItsOwn_data(); }

    void shellQuoteIsOneWord()
    {
        QFETCH(QString, reason);
        const QString line
            = QStringLiteral("%1 %2").arg(shellQuote(reason), shellQuote(QStringLiteral("x y")));
        QCOMPARE(shellWords(line), (QStringList {reason, QStringLiteral("x y")}));
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

    void literalBracesStay()
    {
        const QMap<QString, QString> values {{QStringLiteral("version"), QStringLiteral("1.0.0")}};
        auto text = substitutePlaceholders(QStringLiteral("{{version}} {version} {\"a\": 1} {}"), values,
            PlaceholderQuoting::Raw, QStringLiteral("s"), {});
        QVERIFY(text);
        QCOMPARE(*text, QStringLiteral("{version} 1.0.0 {\"a\": 1} {}"));
    }

    void formBodyEncodesEachValueInItsField()
    {
        Policy policy = loadPolicy();
        RollbackStepPolicy &notify = policy.rollbackSteps[2];
        notify.httpHeaders
            = {{QStringLiteral("content-type"), QStringLiteral("application/x-www-form-urlencoded")}};
        notify.httpBody = QStringLiteral("text={reason}&v={version}");
        auto plan = buildRollbackPlan(policy, input(QStringLiteral("a&b=c d+<!channel>")));
        QVERIFY(plan);
        QCOMPARE(plan->steps.at(2).httpBody, QStringLiteral("text=a%26b%3Dc%20d%2B%3C%21channel%3E&v=3.7.0"));
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

    // Issue 15: a rollback during a canary sets its traffic back first (staged: through the
    // earlier phases' shares), then runs the policy's steps, each step numbered by its place.
    void canaryTrafficGoesBackBeforeThePlansSteps()
    {
        QByteArray yaml = kPolicy;
        yaml.replace("release_types:\n  patch: {}\n", "release_types:\n  patch: {}\n  minor: {canary: true}\n");
        yaml += "canary:\n"
                "  environment: production\n"
                "  set_traffic: [weights, '{percent}', '{version}']\n"
                "  rollback: staged\n"
                "  phases:\n"
                "    - {name: Ten, traffic: 10, duration: 1h}\n"
                "    - {name: Fifty, traffic: 50, duration: 1h}\n"
                "    - {name: All, traffic: 100}\n";
        const Policy policy = loadPolicy(yaml);
        RollbackPlanInput in = input(QStringLiteral("latency"));
        in.canaryPercent = 50;
        auto plan = buildRollbackPlan(policy, in);
        if (!plan)
            QFAIL(qPrintable(plan.error().toString()));
        QCOMPARE(plan->steps.size(), 2 + 5);
        QCOMPARE(plan->steps.at(0).argv, (QStringList {QStringLiteral("weights"), QStringLiteral("10"), QStringLiteral("3.7.0")}));
        QCOMPARE(plan->steps.at(1).argv, (QStringList {QStringLiteral("weights"), QStringLiteral("0"), QStringLiteral("3.7.0")}));
        QCOMPARE(plan->steps.at(1).name, QStringLiteral("Set canary traffic in production to 0%"));
        QCOMPARE(plan->steps.at(2).name, QStringLiteral("Deploy"));
        for (int i = 0; i < plan->steps.size(); ++i)
            QCOMPARE(plan->steps.at(i).index, i);
        in.canaryPercent.reset();  // no canary under way: the policy's steps alone
        QCOMPARE(buildRollbackPlan(policy, in)->steps.size(), 5);
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
