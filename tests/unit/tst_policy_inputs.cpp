// Policy inputs that parse but must be refused (models/policy/policy_inputs.h, parsePolicy):
// size, a second document, template items ticked or bound to nothing, evidence paths, labels.
#include "checklist_parser.h"
#include "policy_loader.h"

#include <QTest>

using namespace cockpit;

namespace {

const QByteArray kPolicy = R"(project: Demo
roles:
  release_manager: [rm@example.com]
prerelease_labels: [rc]
environments:
  staging: {base_url: https://staging.example.com}
gates:
  - {name: Unit Tests, run: [make, test]}
release_types:
  patch: {}
)";

Policy policy()
{
    auto parsed = parsePolicy(kPolicy, QStringLiteral("policy.yml"));
    return parsed ? *parsed : Policy {};
}

Status templateStatus(const QByteArray &markdown)
{
    auto phase = parseChecklist(markdown, QStringLiteral("pre"), QStringLiteral("pre.md"));
    if (!phase)
        return std::unexpected(phase.error());
    return validateTemplate(policy(), *phase, QStringLiteral("pre.md"));
}

}  // namespace

class TestPolicyInputs : public QObject {
    Q_OBJECT
private slots:
    void sizeIsCheckedBeforeParsing()
    {
        // Not YAML at all: refused for its size, so it was never parsed.
        const QByteArray big(kDefaultPolicyMaxBytes + 1, '[');
        const auto refused = parsePolicy(big, QStringLiteral("policy.yml"));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::BadInput);
        QVERIFY(refused.error().message.contains(QLatin1String("over the limit")));
        QCOMPARE(refused.error().location.toString(), QStringLiteral("policy.yml:1:1"));
        QVERIFY(parsePolicy(kPolicy, QStringLiteral("policy.yml"), 200).has_value() == false);
        QVERIFY(parsePolicy(kPolicy, QStringLiteral("policy.yml"), kPolicy.size()).has_value());
    }

    void aSecondDocumentIsRefused_data()
    {
        QTest::addColumn<QByteArray>("tail");
        QTest::addColumn<int>("line");
        QTest::newRow("mapping") << QByteArray("---\nsingle_operator: true\n") << 11;
        QTest::newRow("empty") << QByteArray("---\n") << 11;
    }

    void aSecondDocumentIsRefused()
    {
        QFETCH(QByteArray, tail);
        QFETCH(int, line);
        QVERIFY(policy().gates.size() == 1);
        const auto refused = parsePolicy(kPolicy + tail, QStringLiteral("policy.yml"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("second YAML document")), qPrintable(refused.error().message));
        QCOMPARE(refused.error().location.line, line);
        // A leading "---" starts the one document: still fine.
        QVERIFY(parsePolicy("---\n" + kPolicy, QStringLiteral("policy.yml")).has_value());
    }

    void templateBindingsMustExist_data()
    {
        QTest::addColumn<QByteArray>("item");
        QTest::addColumn<QString>("why");  // empty: accepted
        QTest::newRow("gate") << QByteArray("- [ ] a <!-- check: gate Unit Tests -->") << QString();
        QTest::newRow("gate case") << QByteArray("- [ ] a <!-- check: gate unit tests -->") << QString();
        QTest::newRow("probe") << QByteArray("- [ ] a <!-- check: probe staging -->") << QString();
        QTest::newRow("changelog") << QByteArray("- [ ] a <!-- check: changelog -->") << QString();
        QTest::newRow("no gate") << QByteArray("- [ ] a <!-- check: gate Lint -->") << QStringLiteral("no gate \"Lint\"");
        QTest::newRow("no env") << QByteArray("- [ ] a <!-- check: soak prod -->") << QStringLiteral("no environment \"prod\"");
        QTest::newRow("no kind") << QByteArray("- [ ] a <!-- check: vibes -->") << QStringLiteral("no check kind");
        QTest::newRow("ticked") << QByteArray("- [x] a") << QStringLiteral("already ticked");
    }

    void templateBindingsMustExist()
    {
        QFETCH(QByteArray, item);
        QFETCH(QString, why);
        const Status status = templateStatus("# Pre\n\n" + item + "\n");
        if (why.isEmpty()) {
            QVERIFY2(status.has_value(), qPrintable(status ? QString() : status.error().toString()));
            return;
        }
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::BadInput);
        QVERIFY2(status.error().message.contains(why), qPrintable(status.error().message));
        QCOMPARE(status.error().location.line, 3);
        QVERIFY(status.error().location.column > 1);
    }

    void evidenceIncludesStayInside()
    {
        Policy p = policy();
        p.evidenceInclude = {QStringLiteral("CHANGELOG.md"), QStringLiteral("docs/../NOTES.md")};
        QVERIFY(validateEvidenceIncludes(p).has_value());
        for (const QString &outside : {QStringLiteral("../x"), QStringLiteral("/etc/passwd"), QStringLiteral("a/../../x")}) {
            p.evidenceInclude = {outside};
            QVERIFY2(!validateEvidenceIncludes(p), qPrintable(outside));
        }
    }

    void prereleaseLabels()
    {
        const Policy p = policy();
        const auto label = [&](const QString &v) { return checkPrereleaseLabel(p, *SemVer::parse(v)).has_value(); };
        QVERIFY(label(QStringLiteral("1.2.3")));
        QVERIFY(label(QStringLiteral("1.2.3-rc.1")));
        QVERIFY(label(QStringLiteral("1.2.3-rc1")));
        QVERIFY(!label(QStringLiteral("1.2.3-beta")));
        QVERIFY(!label(QStringLiteral("1.2.3-beta.1")));
        const auto refused = checkPrereleaseLabel(p, *SemVer::parse(QStringLiteral("1.2.3-beta")));
        QCOMPARE(refused.error().location.line, 4);
        Policy any = p;
        any.prereleaseLabels.clear();
        QVERIFY(checkPrereleaseLabel(any, *SemVer::parse(QStringLiteral("1.2.3-beta"))).has_value());
    }
};

QTEST_GUILESS_MAIN(TestPolicyInputs)
#include "tst_policy_inputs.moc"
