// Policy loading: valid policies come out complete, and every malformed one is refused with the
// file:line:col of the offending node and what was expected there.
#include "policy_loader.h"

#include <QTest>

using namespace cockpit;
using namespace std::chrono_literals;

// Declared before the YAML raw strings: moc misreads quotes inside raw string literals.
class TestPolicy : public QObject {
    Q_OBJECT

private slots:
    void minimalPolicyTakesDefaults();
    void fullPolicyReadsEveryKey();
    void fullPolicyReadsOperations();
    void malformedPolicyNamesThePlace_data();
    void malformedPolicyNamesThePlace();
    void checklistRefsMustExist();
    void tagForSubstitutesVersion();
    void soakRefreshIsRead();
    void probeIntervalAndAutomaticAreRead();
};

namespace {

const QByteArray kMinimal = R"(project: Demo
roles:
  release_manager: [rm@example.com]
release_types:
  patch: {}
)";

// PRODUCT.md's policy sketch, plus the keys the presets add.
const QByteArray kFull = R"(project: SOLVEREIGN
tag_format: "v{version}"
changelog: {path: CHANGELOG.md, extra_sections: [Migration Notes], exempt_types: [chore, ci, docs]}
roles:
  release_manager: [rm@example.com]
  platform_lead: [lead@example.com]
  security_lead: {people: [sec@example.com], description: Signs security changes}
single_operator: false
hotfix_branch: "hotfix/*"
prerelease_labels: [rc]
code_freeze: 2d
release_types:
  minor: {approvals: [{role: platform_lead, count: 1}, {role: security_lead, condition: security changes}],
          rollback_window: 12h, checklists: [pre-release, release-day, post-release], cadence: Bi-weekly}
  hotfix: {approvals: [security_lead], rollback_window: 1h, checklists: [release-day]}
environments:
  staging:
    base_url: https://staging.example.com
    health: [/api/health, /api/health/ready, /api/health/live]
    version: {path: /api/health, pointer: /version}
    headers: {X-Frame-Options: DENY, X-Content-Type-Options: nosniff}
    requests:
      - {name: SendGrid signature rejected, method: POST, path: /webhook, body: "[]", expect_status: [401, 403]}
      - {name: Session cookie, method: POST, path: /login, cookie_flags: [HttpOnly, Secure], same_site: [Lax, Strict]}
  production:
    base_url: https://app.example.com
    approvals: [{role: platform_lead}]
    promote_after: 24h
prometheus: {url: http://127.0.0.1:9090, auth_secret: prometheus}
soak:
  duration: 2h
  checks:
    - name: HTTP 5xx rate
      query: 'sum(rate(http_requests_total{env="$env",status=~"5.."}[5m])) * 100'
      max: 0.5
      interval: 15m
      failure_limit: 0
      consecutive_error_limit: 4
      on_no_data: inconclusive
    - {name: P95 latency, query: 'p95', baseline: {window: 1h, max_ratio: 2.0}, interval: 15m, count: 8}
  triggers:
    - {name: 5xx above 5% for 5 minutes, query: 'rate', max: 5, for: 5m, severity: S1, action: Immediate rollback}
    - {name: Data corruption detected, manual: true, severity: S0}
    - {name: Failed health checks, probe: production, for: 2m}
gates: [{name: Unit tests, run: [make, test]}, {name: Staging health, probe: staging}, {name: Soak, soak: staging},
        {name: Eval, shell: 'make audit-eval', condition: prompt/model changes, timeout: 30m}]
rollback:
  target: last_known_good
  two_person: true
  checklist: post-rollback
  reverted_tag_format: "v{version}-reverted"
  steps:
    - {name: Disable writes, run: [./scripts/writes.sh, disable], timeout: 60s}
    - {name: Deploy previous version, run: [./scripts/deploy.sh, --tag, "{rollback_tag}"]}
    - {name: Verify, probe: production}
    - {name: Notify, http: {method: POST, url: "https://hooks.example.com/x", body: "{version}"}}
    - {name: Create incident record, manual: Open the incident in the tracker}
canary:
  environment: production
  release_types: [minor]
  cleanup_after: 72h
  phases:
    - name: Phase 1
      traffic: 10
      duration: 24h
      checks: [{name: Error rate, query: 'err', max: 1, interval: 1h}]
      triggers: [{name: Error rate above 1%, query: 'err', max: 1}]
    - {name: Phase 2, traffic: 50, duration: 24h}
    - {name: Phase 3, traffic: 100}
trains:
  - {name: module, cadence: Every 2 weeks (biweekly), day: "Tuesday, 10 AM PT", tag_format: "{component}-v{version}"}
calendar:
  - {date: 2026-02-18, event: Module Release, train: module, version: billing/v2.1.0}
notifications:
  - {name: Internal, event: deployed, channel: email, subject: "[RELEASE] {version}", body: "Deployed {version}"}
  - {name: Freeze reminder, event: code_freeze, before: 2d, channel: "#engineering", body: Code freeze}
metrics: {lead_time: 24h, mttr: 1h, change_failure_rate: 5, deployment_frequency: {patch: daily}}
evidence: {manifest: true, checksums: true, include: [requirements.lock.txt]}
release_notes: {sections: [Highlights, Features, Fixes]}
)";

}  // namespace

void TestPolicy::minimalPolicyTakesDefaults()
{
    const Result<Policy> policy = parsePolicy(kMinimal, QStringLiteral("policy.yml"));
    QVERIFY2(policy, qPrintable(policy ? QString() : policy.error().toString()));
    QCOMPARE(policy->project, QStringLiteral("Demo"));
    QCOMPARE(policy->tagFormat, QStringLiteral("v{version}"));
    QCOMPARE(policy->changelogPath, QStringLiteral("CHANGELOG.md"));
    QCOMPARE(policy->roles.value(QStringLiteral("release_manager")),
        QStringList {QStringLiteral("rm@example.com")});
    QVERIFY(!policy->singleOperator);
    QCOMPARE(policy->releaseTypes.size(), 1);
    QVERIFY(policy->releaseType(QStringLiteral("patch")));
    QCOMPARE(policy->releaseType(QStringLiteral("patch"))->rollbackWindow, 0s);
    QVERIFY(!policy->releaseType(QStringLiteral("major")));
    QVERIFY(policy->environments.isEmpty());
    QVERIFY(!policy->canary);
    QCOMPARE(policy->sourcePath, QStringLiteral("policy.yml"));
    QCOMPARE(policy->tagSigning, QStringLiteral("optional"));
    const Result<Policy> required = parsePolicy(kMinimal + "tags: {signing: required}\n", QStringLiteral("policy.yml"));
    QVERIFY2(required, qPrintable(required ? QString() : required.error().toString()));
    QCOMPARE(required->tagSigning, QStringLiteral("required"));
}

void TestPolicy::fullPolicyReadsEveryKey()
{
    const Result<Policy> result = parsePolicy(kFull, QStringLiteral("policy.yml"));
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    const Policy &p = *result;
    QCOMPARE(p.changelogExtraSections, QStringList {QStringLiteral("Migration Notes")});
    QCOMPARE(p.changelogExemptTypes.size(), 3);
    QCOMPARE(
        p.roleDescriptions.value(QStringLiteral("security_lead")), QStringLiteral("Signs security changes"));
    QCOMPARE(p.codeFreeze, 48h);
    QCOMPARE(p.hotfixBranchPattern, QStringLiteral("hotfix/*"));
    const ReleaseTypePolicy *minor = p.releaseType(QStringLiteral("minor"));
    QVERIFY(minor);
    QCOMPARE(minor->rollbackWindow, 12h);
    QCOMPARE(minor->approvals.size(), 2);
    QCOMPARE(minor->approvals.at(1).role, QStringLiteral("security_lead"));
    QCOMPARE(minor->approvals.at(1).condition, QStringLiteral("security changes"));
    QCOMPARE(minor->checklists.size(), 3);
    QCOMPARE(p.releaseType(QStringLiteral("hotfix"))->approvals.at(0).role, QStringLiteral("security_lead"));
    const EnvironmentPolicy *staging = p.environment(QStringLiteral("staging"));
    QVERIFY(staging);
    QCOMPARE(staging->health.size(), 3);
    QCOMPARE(staging->versionPath, QStringLiteral("/api/health"));
    QCOMPARE(staging->versionPointer, QStringLiteral("/version"));
    QCOMPARE(staging->headers.value(QStringLiteral("X-Frame-Options")), QStringLiteral("DENY"));
    QCOMPARE(staging->requests.size(), 2);
    QCOMPARE(staging->requests.at(0).expectStatus, (QList<int> {401, 403}));
    QCOMPARE(staging->requests.at(1).cookieFlags,
        (QStringList {QStringLiteral("HttpOnly"), QStringLiteral("Secure")}));
    QCOMPARE(p.environment(QStringLiteral("production"))->promoteAfter, 24h);
    QCOMPARE(p.prometheusAuthSecret, QStringLiteral("prometheus"));
    QCOMPARE(p.trains.at(0).tagFormat, QStringLiteral("{component}-v{version}"));
    QCOMPARE(p.calendar.at(0).date, QDate(2026, 2, 18));
    QCOMPARE(p.notifications.at(1).before, 48h);
    QCOMPARE(p.metrics.leadTime, std::optional(std::chrono::seconds(24h)));
    QCOMPARE(p.metrics.changeFailureRate, std::optional(5.0));
    QCOMPARE(p.releaseNotesSections.size(), 3);
    // Positions are kept for later cross-checks (checklist templates).
    QCOMPARE(p.locationOf(QStringLiteral("release_types.minor.checklists[1]")).toString(),
        QStringLiteral("policy.yml:14:59"));
}

void TestPolicy::fullPolicyReadsOperations()
{
    const Result<Policy> result = parsePolicy(kFull, QStringLiteral("policy.yml"));
    QVERIFY(result);
    const Policy &p = *result;
    QCOMPARE(p.soakDuration, 2h);
    QCOMPARE(p.soakRefresh, 5s);  // soak.refresh not given: the default
    QCOMPARE(p.soakChecks.size(), 2);
    QCOMPARE(p.soakChecks.at(0).max, std::optional(0.5));
    QCOMPARE(p.soakChecks.at(0).interval, 15min);
    QCOMPARE(p.soakChecks.at(1).baselineMaxRatio, std::optional(2.0));
    QCOMPARE(p.soakChecks.at(1).count, std::optional(8));
    QCOMPARE(p.triggers.size(), 3);
    QCOMPARE(p.triggers.at(0).forDuration, 5min);
    QVERIFY(p.triggers.at(1).manual);
    QCOMPARE(p.triggers.at(2).probe, QStringLiteral("production"));
    QCOMPARE(p.gates.size(), 4);
    QCOMPARE(p.gates.at(0).run, (QStringList {QStringLiteral("make"), QStringLiteral("test")}));
    QCOMPARE(p.gates.at(2).soak, QStringLiteral("staging"));
    QCOMPARE(p.gates.at(3).timeout, 30min);
    QVERIFY(p.rollbackTwoPerson);
    QCOMPARE(p.rollbackChecklist, QStringLiteral("post-rollback"));
    QCOMPARE(p.rollbackSteps.size(), 5);
    QCOMPARE(p.rollbackSteps.at(0).timeout, 60s);
    QCOMPARE(p.rollbackSteps.at(1).run.last(), QStringLiteral("{rollback_tag}"));
    QCOMPARE(p.rollbackSteps.at(3).httpMethod, QStringLiteral("POST"));
    QCOMPARE(p.rollbackSteps.at(4).manual, QStringLiteral("Open the incident in the tracker"));
    QVERIFY(p.canary);
    QCOMPARE(p.canary->phases.size(), 3);
    QCOMPARE(p.canary->phases.at(0).trafficPercent, 10);
    QCOMPARE(p.canary->phases.at(0).checks.at(0).interval, 1h);
    QCOMPARE(p.canary->cleanupAfter, 72h);
}

namespace {

// Lines 1-4 of the rows that start with it; the offending line of each row is 5 or later.
const QByteArray kHead
    = "project: Demo\nroles:\n  release_manager: [rm@example.com]\n  platform_lead: [pl@example.com]\n";

void addSyntaxAndTypeRows()
{
    const QByteArray &head = kHead;
    QTest::newRow("yaml syntax") << QByteArray("project: Demo\nroles: [a, b\nrelease_types: {}\n")
                                 << "policy.yml:3:14"
                                 << "invalid YAML: ";
    QTest::newRow("tab indentation") << QByteArray("project: Demo\nroles:\n\t- a\n") << "policy.yml:3:2"
                                     << "invalid YAML: ";
    QTest::newRow("wrong type bool") << head + "single_operator: maybe\nrelease_types: {patch: {}}\n"
                                     << "policy.yml:5:18"
                                     << "single_operator: expected true or false, got \"maybe\"";
    QTest::newRow("wrong type map") << head + "release_types: [patch, minor]\n"
                                    << "policy.yml:5:16"
                                    << "release_types: expected a mapping, got a list";
    QTest::newRow("wrong type int")
        << head + "release_types:\n  minor:\n    approvals: [{role: platform_lead, count: two}]\n"
        << "policy.yml:7:46"
        << "release_types.minor.approvals[0].count: expected a whole number from 1 to 100, got \"two\"";
    QTest::newRow("unknown top key") << QByteArray("project: Demo\nrols:\n  a: [b]\n") << "policy.yml:2:1"
                                     << "unknown key \"rols\" (did you mean \"roles\"?)";
    QTest::newRow("unknown nested key")
        << head + "release_types:\n  minor:\n    aprovals: [platform_lead]\n"
        << "policy.yml:7:5"
        << "release_types.minor: unknown key \"aprovals\" (did you mean \"approvals\"?)";
    QTest::newRow("unknown key no suggestion") << head + "release_types: {patch: {zzzzzzzz: 1}}\n"
                                               << "policy.yml:5:25"
                                               << "unknown key \"zzzzzzzz\" (expected one of: approvals,";
    QTest::newRow("bad duration")
        << head + "release_types:\n  minor:\n    rollback_window: twelve\n"
        << "policy.yml:7:22"
        << "release_types.minor.rollback_window: expected a duration like 12h, 30m or 90s, "
           "got \"twelve\"";
    QTest::newRow("number is no duration") << head + "release_types: {minor: {rollback_window: 12}}\n"
                                           << "policy.yml:5:42"
                                           << "got \"12\"";
    QTest::newRow("unknown role")
        << head + "release_types:\n  minor:\n    approvals: [{role: platfrom_lead}]\n"
        << "policy.yml:7:24"
        << "release_types.minor.approvals[0].role: unknown role \"platfrom_lead\" (did you "
           "mean \"platform_lead\"?)";
    QTest::newRow("unknown role shorthand") << head + "release_types: {minor: {approvals: [cto]}}\n"
                                            << "policy.yml:5:37"
                                            << "unknown role \"cto\" (defined: ";
}

void addSoakRows()
{
    const QByteArray &head = kHead;
    const QByteArray soak = head
        + "release_types: {patch: {}}\nprometheus: {url: http://127.0.0.1:9090}\nsoak:\n  duration: 2h\n  "
          "checks:\n";
    QTest::newRow("duplicate check names")
        << soak
            + "    - {name: P95, query: q, max: 2, interval: 15m}\n    - {name: P95, query: q, max: 1, "
              "interval: 15m}\n"
        << "policy.yml:11:14"
        << "soak.checks[1].name: duplicate name \"P95\" (first at line 10)";
    QTest::newRow("interval beyond window") << soak + "    - {name: P95, query: q, max: 2, interval: 3h}\n"
                                            << "policy.yml:10:47"
                                            << "interval 3h is longer than the 2h window";
    QTest::newRow("two bounds") << soak + "    - {name: P95, query: q, max: 2, min: 1, interval: 15m}\n"
                                << "policy.yml:10:37"
                                << "expected exactly one of max, min, baseline, got both";
    const QByteArray refresh = head
        + "release_types: {patch: {}}\nprometheus: {url: http://127.0.0.1:9090}\nsoak:\n  duration: 2h\n  refresh: ";
    QTest::newRow("refresh slower than 15 s") << refresh + "20s\n"
                                               << "policy.yml:9:12"
                                               << "soak.refresh: expected a duration from 1s to 15s, got 20s";
    QTest::newRow("refresh of nothing") << refresh + "0s\n"
                                        << "policy.yml:9:12"
                                        << "soak.refresh: expected a duration";
    // soak.probe_interval and automatic triggers (issue 15 item 3b).
    QTest::newRow("probe_interval longer than 1 h") << refresh + "5s\n  probe_interval: 2h\n"
                                                    << "policy.yml:10:19"
                                                    << "soak.probe_interval: expected a duration from 1s to 1h, got 2h";
    QTest::newRow("probe_interval not a duration") << refresh + "5s\n  probe_interval: often\n"
                                                   << "policy.yml:10:19"
                                                   << "soak.probe_interval: ";
    const QByteArray triggers = head
        + "release_types: {patch: {}}\nprometheus: {url: http://127.0.0.1:9090}\nsoak:\n  duration: 2h\n  triggers:\n";
    QTest::newRow("automatic without a rollback action") << triggers + "    - {name: T, query: q, max: 1, action: Page on-call, automatic: true}\n"
                                                         << "policy.yml:10:68"
                                                         << "soak.triggers[0].automatic: automatic applies to rollback "
                                                            "triggers only: give the trigger an action that says "
                                                            "rollback (action: Automatic rollback), got \"Page on-call\"";
    QTest::newRow("automatic not a boolean") << triggers + "    - {name: T, query: q, max: 1, action: Rollback, automatic: yes please}\n"
                                             << "policy.yml:10:64"
                                             << "soak.triggers[0].automatic: ";
    QTest::newRow("bad on_no_data") << soak
            + "    - {name: P95, query: q, max: 2, interval: 15m, on_no_data: pass}\n"
                                    << "policy.yml:10:64"
                                    << "unknown on_no_data value \"pass\"";
}

void addReferenceAndStructureRows()
{
    const QByteArray &head = kHead;
    QTest::newRow("missing required key")
        << QByteArray("roles: {rm: [a]}\nrelease_types: {patch: {}}\n") << "policy.yml:1:1"
        << "missing required key \"project\"";
    QTest::newRow("missing base_url")
        << head + "release_types: {patch: {}}\nenvironments:\n  staging:\n    health: [/h]\n"
        << "policy.yml:8:5"
        << "environments.staging: missing required key \"base_url\"";
    QTest::newRow("health path") << head
            + "release_types: {patch: {}}\nenvironments:\n  staging:\n    base_url: https://s\n    health: "
              "[api/health]\n"
                                 << "policy.yml:9:14"
                                 << "environments.staging.health[0]: expected a path starting with /";
    QTest::newRow("gate probe unknown env")
        << head
            + "release_types: {patch: {}}\nenvironments: {staging: {base_url: 'https://s'}}\ngates:\n  - "
              "{name: Probe, probe: stagin}\n"
        << "policy.yml:8:26"
        << "gates[0].probe: unknown environment \"stagin\" (did you mean \"staging\"?)";
    QTest::newRow("gate without kind") << head + "release_types: {patch: {}}\ngates: [{name: Nothing}]\n"
                                       << "policy.yml:6:9"
                                       << "gates[0]: expected exactly one of run, shell,";
    QTest::newRow("duplicate gate") << head
            + "release_types: {patch: {}}\ngates: [{name: A, run: [a]}, {name: A, run: [b]}]\n"
                                    << "policy.yml:6:37"
                                    << "duplicate name \"A\"";
    QTest::newRow("duplicate person")
        << QByteArray("project: D\nroles: {rm: [a@x, b@x, a@x]}\nrelease_types: {patch: {}}\n")
        << "policy.yml:2:24"
        << "roles.rm[2]: duplicate \"a@x\" (first at line 2)";
    QTest::newRow("duplicate key") << head + "release_types: {patch: {}}\nproject: Again\n"
                                   << "policy.yml:6:1"
                                   << "duplicate key \"project\" (first at line 1)";
    QTest::newRow("tag format") << head + "tag_format: release\nrelease_types: {patch: {}}\n"
                                << "policy.yml:5:13"
                                << "tag_format: expected a format containing {version}";
    QTest::newRow("tags signing value") << head + "tags:\n  signing: requried\nrelease_types: {patch: {}}\n"
                                        << "policy.yml:6:12"
                                        << "unknown tags.signing value \"requried\" (did you mean \"required\"?)";
    QTest::newRow("tags unknown key") << head + "tags: {sign: required}\nrelease_types: {patch: {}}\n"
                                      << "policy.yml:5:8" << "tags: unknown key \"sign\" (expected one of: signing)";
    QTest::newRow("soak without prometheus") << head
            + "release_types: {patch: {}}\nsoak:\n  checks: [{name: A, query: q, max: 1, interval: 1m, "
              "count: 3}]\n"
                                             << "policy.yml:7:3"
                                             << "soak: PromQL checks and triggers need prometheus.url";
    QTest::newRow("canary traffic order")
        << head
            + "release_types: {minor: {}}\nenvironments: {prod: {base_url: 'https://p'}}\ncanary:\n  "
              "environment: prod\n  phases:\n    - {name: A, traffic: 50}\n    - {name: B, traffic: 10}\n"
        << "policy.yml:11:26"
        << "canary.phases[1].traffic: expected more than the previous phase's 50%";
    QTest::newRow("checklist name") << head + "release_types: {patch: {checklists: [../etc/passwd]}}\n"
                                    << "policy.yml:5:38"
                                    << "expected a template name like pre-release";
    QTest::newRow("empty document") << QByteArray("") << "policy.yml"
                                    << "policy: expected a mapping of policy keys";
}

}  // namespace

void TestPolicy::malformedPolicyNamesThePlace_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("where");
    QTest::addColumn<QString>("message");
    addSyntaxAndTypeRows();
    addSoakRows();
    addReferenceAndStructureRows();
}

void TestPolicy::malformedPolicyNamesThePlace()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, where);
    QFETCH(QString, message);
    const Result<Policy> policy = parsePolicy(yaml, QStringLiteral("policy.yml"));
    QVERIFY(!policy);
    const QString text = policy.error().toString();
    QCOMPARE(policy.error().code, ErrorCode::BadInput);
    QCOMPARE(policy.error().location.toString(), where);
    QVERIFY2(text.startsWith(where + QStringLiteral(": ")), qPrintable(text));
    QVERIFY2(text.contains(message), qPrintable(text));
}

void TestPolicy::checklistRefsMustExist()
{
    const Result<Policy> policy = parsePolicy(kFull, QStringLiteral("policy.yml"));
    QVERIFY(policy);
    const QStringList all {QStringLiteral("pre-release"), QStringLiteral("release-day"),
        QStringLiteral("post-release"), QStringLiteral("post-rollback")};
    QVERIFY(validateChecklistRefs(*policy, all));

    const Status missing = validateChecklistRefs(*policy,
        {QStringLiteral("pre-release"), QStringLiteral("release-days"), QStringLiteral("post-release")});
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::NotFound);
    QCOMPARE(missing.error().toString(),
        QStringLiteral(
            "policy.yml:14:59: release_types.minor.checklists[1]: checklist template \"release-day\" "
            "not found (did you mean \"release-days\"?)"));

    const Status noRollback = validateChecklistRefs(*policy,
        {QStringLiteral("pre-release"), QStringLiteral("release-day"), QStringLiteral("post-release")});
    QVERIFY(!noRollback);
    QVERIFY2(noRollback.error().toString().contains(
                 QStringLiteral("rollback.checklist: checklist template \"post-rollback\"")),
        qPrintable(noRollback.error().toString()));
    QCOMPARE(noRollback.error().location.toString(), QStringLiteral("policy.yml:50:14"));
}

void TestPolicy::tagForSubstitutesVersion()
{
    Policy policy;
    QCOMPARE(policy.tagFor(QStringLiteral("3.7.0-rc1")), QStringLiteral("v3.7.0-rc1"));
    policy.tagFormat = QStringLiteral("release-{version}");
    QCOMPARE(policy.tagFor(QStringLiteral("1.0.0")), QStringLiteral("release-1.0.0"));
    QCOMPARE(policy.locationOf(QStringLiteral("nowhere")).toString(), QString());
}

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"

void TestPolicy::probeIntervalAndAutomaticAreRead()
{
    const QByteArray head = kHead
        + "release_types: {patch: {}}\nprometheus: {url: http://127.0.0.1:9090}\n"
          "environments:\n  production: {base_url: https://example.com, health: [/health]}\nsoak:\n  duration: 2h\n";
    const Result<Policy> defaults = parsePolicy(head, QStringLiteral("policy.yml"));
    QVERIFY2(defaults, defaults ? "" : qPrintable(defaults.error().toString()));
    QCOMPARE(defaults->soakProbeInterval, 30s);
    const QByteArray yaml = head
        + "  probe_interval: 10s\n  triggers:\n"
          "    - {name: Health, probe: production, for: 2m, action: Automatic rollback, automatic: true}\n"
          "    - {name: Errors, query: q, max: 5, action: Rollback}\n";
    const Result<Policy> result = parsePolicy(yaml, QStringLiteral("policy.yml"));
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->soakProbeInterval, 10s);
    QVERIFY(result->triggers.at(0).automatic);
    QVERIFY(!result->triggers.at(1).automatic);  // a rollback trigger, offered to a person
    QVERIFY(isRollbackAction(result->triggers.at(1).action));
}

void TestPolicy::soakRefreshIsRead()
{
    const QByteArray yaml = kHead
        + "release_types: {patch: {}}\nprometheus: {url: http://127.0.0.1:9090}\nsoak:\n  duration: 2h\n  refresh: 2s\n";
    const Result<Policy> result = parsePolicy(yaml, QStringLiteral("policy.yml"));
    QVERIFY2(result, result ? "" : qPrintable(result.error().toString()));
    QCOMPARE(result->soakRefresh, 2s);
}
