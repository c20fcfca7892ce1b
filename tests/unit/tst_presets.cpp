// The bundled presets: each policy.yml parses, names only checklists it ships, binds checklist
// items only to gates and environments it declares, carries what PRODUCT.md's preset table says,
// and holds every "- [ ]" line of its seed documents word for word.
#include "policy_loader.h"
#include "rollback_plan.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;

class TestPresets : public QObject {
    Q_OBJECT

private slots:
    void policyParsesAndReferencesExist_data();
    void policyParsesAndReferencesExist();
    void checkBindingsNameDeclaredThings_data();
    void checkBindingsNameDeclaredThings();
    void seedChecklistsAreCarriedWordForWord_data();
    void seedChecklistsAreCarriedWordForWord();
    void gatedGaCarriesItsSeeds();
    void releaseTrainCarriesItsSeed();
    void promotionCarriesItsSeed();
    void canaryCarriesItsSeed();
    void gatedGaRollbackActsWhereTheReleaseIsLive();
};

namespace {

const QStringList kPresets {QStringLiteral("gated-ga"), QStringLiteral("release-train"),
    QStringLiteral("promotion"), QStringLiteral("canary")};

QString presetDir(const QString &preset)
{
    return QStringLiteral(COCKPIT_SOURCE_DIR "/resources/presets/") + preset;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

Policy loadPreset(const QString &preset)
{
    const QString path = presetDir(preset) + QStringLiteral("/policy.yml");
    const Result<Policy> policy = parsePolicy(readFile(path), path);
    if (!policy)
        qFatal("%s", qPrintable(policy.error().toString()));
    return *policy;
}

QStringList templateNames(const QString &preset)
{
    QStringList names;
    const QDir dir(presetDir(preset) + QStringLiteral("/checklists"));
    for (const QString &file : dir.entryList({QStringLiteral("*.md")}, QDir::Files))
        names << file.chopped(3);
    return names;
}

// Every line of every checklist template of the preset.
QStringList checklistLines(const QString &preset)
{
    QStringList lines;
    for (const QString &name : templateNames(preset)) {
        const QString text = QString::fromUtf8(
            readFile(presetDir(preset) + QStringLiteral("/checklists/") + name + QStringLiteral(".md")));
        lines << text.split(QLatin1Char('\n'));
    }
    return lines;
}

// soak/probe name an environment, gate a gate; changelog and tag need no target.
const QRegularExpression kBinding(
    QStringLiteral("\\s*<!-- check: (soak|probe|gate|changelog|tag)(?: (.+?))? -->$"));

}  // namespace

void TestPresets::policyParsesAndReferencesExist_data()
{
    QTest::addColumn<QString>("preset");
    for (const QString &preset : kPresets)
        QTest::newRow(qPrintable(preset)) << preset;
}

void TestPresets::policyParsesAndReferencesExist()
{
    QFETCH(QString, preset);
    const QString path = presetDir(preset) + QStringLiteral("/policy.yml");
    const Result<Policy> policy = parsePolicy(readFile(path), path);
    QVERIFY2(policy, qPrintable(policy ? QString() : policy.error().toString()));
    const QStringList available = templateNames(preset);
    QVERIFY(!available.isEmpty());
    const Status refs = validateChecklistRefs(*policy, available);
    QVERIFY2(refs, qPrintable(refs ? QString() : refs.error().toString()));
    // No template is shipped that nothing instantiates.
    QStringList used {policy->rollbackChecklist};
    for (const ReleaseTypePolicy &type : policy->releaseTypes)
        used << type.checklists;
    for (const QString &name : available)
        QVERIFY2(used.contains(name), qPrintable(preset + QStringLiteral(": unused template ") + name));
    // The header comment names the seed the preset was modelled on.
    QVERIFY(readFile(path).startsWith("# Release Cockpit preset \"" + preset.toUtf8() + "\""));
}

void TestPresets::checkBindingsNameDeclaredThings_data()
{
    policyParsesAndReferencesExist_data();
}

void TestPresets::checkBindingsNameDeclaredThings()
{
    QFETCH(QString, preset);
    const Policy policy = loadPreset(preset);
    QStringList gates;
    for (const GatePolicy &gate : policy.gates)
        gates << gate.name;
    int bindings = 0;
    for (const QString &line : checklistLines(preset)) {
        if (!line.contains(QStringLiteral("<!-- check:")))
            continue;
        const QRegularExpressionMatch match = kBinding.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        QVERIFY2(line.startsWith(QStringLiteral("- [ ] ")), qPrintable(line));
        const QString kind = match.captured(1);
        const QString target = match.captured(2);
        if (kind == u"gate")
            QVERIFY2(gates.contains(target), qPrintable(QStringLiteral("unknown gate in: ") + line));
        else if (kind == u"changelog")
            QVERIFY2(target.isEmpty(), qPrintable(QStringLiteral("changelog takes no target: ") + line));
        else if (kind == u"tag")
            continue;  // any target: the release's own tag is meant
        else
            QVERIFY2(
                policy.environment(target), qPrintable(QStringLiteral("unknown environment in: ") + line));
        ++bindings;
    }
    QVERIFY(bindings > 0);
}

void TestPresets::seedChecklistsAreCarriedWordForWord_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("preset");
    const QList<std::pair<QString, QString>> map {{QStringLiteral("000_"), QStringLiteral("gated-ga")},
        {QStringLiteral("001_"), QStringLiteral("release-train")},
        {QStringLiteral("002_"), QStringLiteral("gated-ga")},
        {QStringLiteral("003_"), QStringLiteral("promotion")},
        {QStringLiteral("004_"), QStringLiteral("canary")}};
    const QDir seeds(QStringLiteral(COCKPIT_SHARED_DIR "/seeds"));
    const QStringList files = seeds.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), map.size());
    for (const auto &[prefix, preset] : map) {
        const QStringList matching = files.filter(QRegularExpression(QStringLiteral("^") + prefix));
        QCOMPARE(matching.size(), 1);
        QTest::newRow(qPrintable(matching.first())) << seeds.filePath(matching.first()) << preset;
    }
}

void TestPresets::seedChecklistsAreCarriedWordForWord()
{
    QFETCH(QString, seed);
    QFETCH(QString, preset);
    QSet<QString> carried;
    for (QString line : checklistLines(preset))
        carried.insert(line.remove(kBinding));
    const QStringList seedLines = QString::fromUtf8(readFile(seed)).split(QLatin1Char('\n'));
    int checked = 0;
    for (const QString &line : seedLines) {
        if (!line.trimmed().startsWith(QStringLiteral("- [ ] ")))
            continue;
        QVERIFY2(carried.contains(line), qPrintable(preset + QStringLiteral(" lacks: ") + line));
        ++checked;
    }
    // 003 gives numbered steps, not task lists; the others have dozens of items.
    if (!seed.contains(QStringLiteral("/003_")))
        QVERIFY(checked >= 5);
}

void TestPresets::gatedGaCarriesItsSeeds()
{
    const Policy p = loadPreset(QStringLiteral("gated-ga"));
    QCOMPARE(p.releaseType(QStringLiteral("major"))->rollbackWindow, 24h);
    QCOMPARE(p.releaseType(QStringLiteral("minor"))->rollbackWindow, 12h);
    QCOMPARE(p.releaseType(QStringLiteral("patch"))->rollbackWindow, 4h);
    QCOMPARE(p.releaseType(QStringLiteral("hotfix"))->rollbackWindow, 1h);
    QCOMPARE(
        p.releaseType(QStringLiteral("hotfix"))->approvals.first().role, QStringLiteral("security_lead"));
    QCOMPARE(p.soakDuration, 2h);
    const QList<std::pair<double, std::chrono::seconds>> table {
        {0.5, 15min}, {2, 15min}, {10, 30min}, {80, 30min}, {50, 30min}};
    QCOMPARE(p.soakChecks.size(), table.size());
    for (qsizetype i = 0; i < table.size(); ++i) {
        QCOMPARE(p.soakChecks.at(i).max, std::optional(table.at(i).first));
        QCOMPARE(p.soakChecks.at(i).interval, table.at(i).second);
    }
    QCOMPARE(p.triggers.first().forDuration, 5min);
    QCOMPARE(p.triggers.first().max, std::optional(5.0));
    QCOMPARE(p.rollbackSteps.size(), 7);
    QCOMPARE(p.rollbackSteps.first().name, QStringLiteral("Disable writes"));
    QCOMPARE(p.rollbackSteps.last().name, QStringLiteral("Create incident record"));
    const EnvironmentPolicy *staging = p.environment(QStringLiteral("staging"));
    QVERIFY(staging);
    QCOMPARE(staging->headers.size(), 5);
    QCOMPARE(staging->headers.value(QStringLiteral("Strict-Transport-Security")),
        QStringLiteral("max-age=31536000; includeSubDomains"));
    QCOMPARE(staging->headers.value(QStringLiteral("X-XSS-Protection")), QStringLiteral("1; mode=block"));
    QCOMPARE(staging->health.size(), 3);
    int rejections = 0;
    for (const HttpCheckPolicy &request : staging->requests)
        rejections += request.expectStatus.contains(403) ? 1 : 0;
    QCOMPARE(rejections, 3);
    QCOMPARE(p.prereleaseLabels, QStringList {QStringLiteral("rc")});
    QCOMPARE(p.changelogExtraSections, QStringList {QStringLiteral("Migration Notes")});
    QCOMPARE(p.notifications.size(), 2);
    QVERIFY(!p.hotfixBranchPattern.isEmpty());
}

void TestPresets::releaseTrainCarriesItsSeed()
{
    const Policy p = loadPreset(QStringLiteral("release-train"));
    QCOMPARE(p.trains.size(), 3);
    QCOMPARE(p.calendar.size(), 6);
    QCOMPARE(p.calendar.first().date, QDate(2026, 2, 11));
    QCOMPARE(p.codeFreeze, 48h);
    QCOMPARE(p.releaseType(QStringLiteral("minor"))->approvals.first().count, 2);
    QCOMPARE(p.releaseType(QStringLiteral("major"))->notice, 24h * 30);
    QCOMPARE(p.releaseNotesSections.size(), 9);
    QCOMPARE(p.metrics.changeFailureRate, std::optional(5.0));
    QCOMPARE(p.metrics.mttr, std::optional(std::chrono::seconds(1h)));
    QCOMPARE(p.triggers.size(), 3);
    QCOMPARE(p.triggers.at(1).baselineMaxRatio, std::optional(2.0));
}

void TestPresets::promotionCarriesItsSeed()
{
    const Policy p = loadPreset(QStringLiteral("promotion"));
    QVERIFY(p.singleOperator);
    QCOMPARE(p.roles.keys(),
        (QStringList {QStringLiteral("driver"), QStringLiteral("operator"), QStringLiteral("reviewer")}));
    QCOMPARE(p.environments.size(), 3);
    QCOMPARE(p.environments.first().name, QStringLiteral("dev"));
    QCOMPARE(p.environments.last().name, QStringLiteral("prod"));
    QStringList gates;
    for (const GatePolicy &gate : p.gates)
        gates << gate.name;
    // make release-gate's order, fail-closed: check, test, docs-freshness, db-migration-gate.
    QVERIFY(gates.indexOf(QStringLiteral("make check")) < gates.indexOf(QStringLiteral("make test")));
    QVERIFY(
        gates.indexOf(QStringLiteral("make test")) < gates.indexOf(QStringLiteral("make docs-freshness")));
    QVERIFY(gates.indexOf(QStringLiteral("make docs-freshness"))
        < gates.indexOf(QStringLiteral("make db-migration-gate")));
    // Commands a demo can run: the clean tree is git's own check, no operator environment needed.
    QCOMPARE(p.gates.first().run,
        (QStringList {QStringLiteral("git"), QStringLiteral("diff"), QStringLiteral("--quiet"), QStringLiteral("HEAD")}));
    QCOMPARE(p.gates.at(gates.indexOf(QStringLiteral("make audit-eval"))).condition,
        QStringLiteral("prompt/model changes"));
    QCOMPARE(p.triggers.size(), 5);
}

void TestPresets::canaryCarriesItsSeed()
{
    const Policy p = loadPreset(QStringLiteral("canary"));
    QVERIFY(p.canary);
    QCOMPARE(p.canary->phases.size(), 3);
    QCOMPARE(p.canary->phases.at(0).trafficPercent, 10);
    QCOMPARE(p.canary->phases.at(1).trafficPercent, 50);
    QCOMPARE(p.canary->phases.at(2).trafficPercent, 100);
    QCOMPARE(p.canary->phases.at(0).duration, std::optional(std::chrono::seconds(24h)));
    QCOMPARE(p.canary->phases.at(0).triggers.size(), 3);
    QCOMPARE(p.canary->cleanupAfter, 72h);
    QCOMPARE(p.prereleaseLabels.size(), 3);
    QCOMPARE(p.gates.size(), 8);
    // Seed 004's six quality gates, each with its failure action; the manual approval by its role.
    for (int i = 0; i < 6; ++i)
        QVERIFY2(p.gates.at(i).description.startsWith(QStringLiteral("Failure Action: ")), qPrintable(p.gates.at(i).name));
    QCOMPARE(p.gates.last().kind(), QStringLiteral("manual"));
    QCOMPARE(p.gates.last().role, QStringLiteral("release_approver"));
    QVERIFY(!p.environment(QStringLiteral("production"))->approvals.isEmpty());
    QVERIFY(p.releaseType(QStringLiteral("patch"))->approvals.isEmpty());
}

QTEST_GUILESS_MAIN(TestPresets)
void TestPresets::gatedGaRollbackActsWhereTheReleaseIsLive()
{
    // A release live only in staging rolls back in staging: {env}, never a hard-coded production.
    const Policy policy = loadPreset(QStringLiteral("gated-ga"));
    for (const QString &env : {QStringLiteral("staging"), QStringLiteral("production")}) {
        const RollbackPlanInput input {QStringLiteral("3.7.0"), env, QStringLiteral("abc123"), QStringLiteral("errors"), {},
            {QStringLiteral("3.6.0"), QStringLiteral("v3.6.0"), QStringLiteral("def456"), QStringLiteral("last_known_good")}};
        auto plan = buildRollbackPlan(policy, input);
        QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().toString()));
        QCOMPARE(plan->environment, env);
        bool deployed = false, verified = false;
        for (const PlannedRollbackStep &step : plan->steps) {
            if (step.name == u"Deploy previous version") {
                deployed = true;
                QCOMPARE(step.argv, (QStringList {QStringLiteral("./scripts/deploy.sh"), QStringLiteral("--env"), env,
                                        QStringLiteral("--tag"), QStringLiteral("v3.6.0")}));
            }
            if (step.name == u"Verify") {
                verified = true;
                QCOMPARE(step.probeEnvironment, env);
            }
        }
        QVERIFY(deployed && verified);
    }
}

#include "tst_presets.moc"
