// Inputs the policy must refuse, through the real binary on real workspace files: each is exit 65
// naming file:line:col (64 for options that contradict each other).
#include "support/cli_runner.h"
#include "support/scratch_repo.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestCliPolicyInputs : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data;
    int m_count = 0;

    // A git repository with the gated-ga preset and one commit.
    QString workspace()
    {
        const QString dir = m_tmp.filePath(QStringLiteral("ws-%1").arg(++m_count));
        ScratchRepo repo(dir);
        repo.commit(QStringLiteral("initial"), {{QStringLiteral("README.md"), "hello\n"}});
        const CliRun run = runCockpit({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("gated-ga")}, m_data, dir);
        return repo.ok() && run.exitCode == 0 ? dir : QString();
    }
    static QString policyPath(const QString &dir) { return dir + QStringLiteral("/.release-cockpit/policy.yml"); }
    static QString templatePath(const QString &dir) { return dir + QStringLiteral("/.release-cockpit/checklists/pre-release.md"); }
    static bool append(const QString &path, const QByteArray &text)
    {
        QFile f(path);
        return f.open(QIODevice::Append) && f.write(text) == text.size();
    }
    static bool replace(const QString &path, const QByteArray &from, const QByteArray &to)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return false;
        QByteArray text = f.readAll();
        f.close();
        if (!text.contains(from))
            return false;
        text.replace(from, to);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
    }
    CliRun check(const QString &dir) const { return runCockpit({QStringLiteral("policy"), QStringLiteral("check")}, m_data, dir); }
    static void refusedAt(const CliRun &run, const QString &file, const QString &what)
    {
        QCOMPARE(run.exitCode, 65);
        QVERIFY2(run.err.contains(QRegularExpression(QRegularExpression::escape(file) + QStringLiteral(":\\d+:\\d+: "))),
            qPrintable(run.err));
        QVERIFY2(run.err.contains(what), qPrintable(run.err));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_data = m_tmp.filePath(QStringLiteral("xdg-data"));
    }

    void presetPassesAsIs()
    {
        const QString dir = workspace();
        QVERIFY(!dir.isEmpty());
        const CliRun run = check(dir);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void aPolicyOverTheSizeLimitIsNotParsed()
    {
        const QString dir = workspace();
        QVERIFY(!dir.isEmpty());
        QVERIFY(append(policyPath(dir), "\n# " + QByteArray(1024 * 1024, 'x') + "\n"));
        refusedAt(check(dir), policyPath(dir), QStringLiteral("over the limit of 1048576 bytes"));
        qputenv("RELEASE_COCKPIT_POLICY_MAX_BYTES", "4000000");
        const CliRun raised = check(dir);
        qunsetenv("RELEASE_COCKPIT_POLICY_MAX_BYTES");
        QVERIFY2(raised.exitCode == 0, qPrintable(raised.err));
    }

    void aSecondYamlDocumentIsRefused()
    {
        const QString dir = workspace();
        QVERIFY(!dir.isEmpty());
        QVERIFY(append(policyPath(dir), "\n---\nsingle_operator: true\n"));
        refusedAt(check(dir), policyPath(dir), QStringLiteral("second YAML document"));
    }

    void anItemBoundToNothingIsRefused_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("why");
        QTest::newRow("gate") << QByteArray("- [ ] Ghost gate <!-- check: gate No Such Gate -->\n") << QStringLiteral("no gate \"No Such Gate\"");
        QTest::newRow("probe") << QByteArray("- [ ] Ghost probe <!-- check: probe moon -->\n") << QStringLiteral("no environment \"moon\"");
        QTest::newRow("soak") << QByteArray("- [ ] Ghost soak <!-- check: soak moon -->\n") << QStringLiteral("no environment \"moon\"");
        QTest::newRow("kind") << QByteArray("- [ ] Ghost kind <!-- check: telepathy -->\n") << QStringLiteral("no check kind \"telepathy\"");
    }

    void anItemBoundToNothingIsRefused()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, why);
        const QString dir = workspace();
        QVERIFY(!dir.isEmpty());
        QVERIFY(append(templatePath(dir), "\n" + line));
        refusedAt(check(dir), templatePath(dir), why);
    }

    void aTickedTemplateItemIsRefused()
    {
        const QString dir = workspace();
        QVERIFY(!dir.isEmpty());
        QVERIFY(replace(templatePath(dir), "- [ ] All PRs merged to main", "- [x] All PRs merged to main"));
        const CliRun run = check(dir);
        refusedAt(run, templatePath(dir), QStringLiteral("already ticked"));
        QVERIFY2(run.err.contains(templatePath(dir) + QStringLiteral(":8:3: ")), qPrintable(run.err));
    }

    void anEvidenceIncludeOutsideTheWorkspaceIsRefusedAtCheck_data()
    {
        QTest::addColumn<QByteArray>("entry");
        QTest::newRow("parent") << QByteArray("../outside.txt");
        QTest::newRow("absolute") << QByteArray("/etc/passwd");
        QTest::newRow("symlink") << QByteArray("link-out");
    }

    void anEvidenceIncludeOutsideTheWorkspaceIsRefusedAtCheck()
    {
        QFETCH(QByteArray, entry);
        const QString dir = workspace();
        QVERIFY(!dir.isEmpty());
        QVERIFY(QFile::link(QStringLiteral("/etc/hostname"), dir + QStringLiteral("/link-out")));
        // init left the preset's requirements.lock.txt (absent here) as a commented example.
        QVERIFY(replace(policyPath(dir), "include: [CHANGELOG.md]", "include: [CHANGELOG.md, " + entry + "]"));
        refusedAt(check(dir), policyPath(dir), QStringLiteral("outside the workspace"));
    }

    void aPrereleaseLabelOutsideThePolicyIsRefused()
    {
        const QString dir = workspace();
        QVERIFY(!dir.isEmpty());
        const QString db = dir + QStringLiteral(".sqlite");
        const auto release = [&](const QString &version) {
            return runCockpit({QStringLiteral("release"), QStringLiteral("new"), version, QStringLiteral("--db"), db}, m_data, dir);
        };
        const CliRun beta = release(QStringLiteral("1.2.3-beta.1"));
        refusedAt(beta, policyPath(dir), QStringLiteral("pre-release label \"beta\""));
        const CliRun rc = release(QStringLiteral("1.2.3-rc.1"));
        QVERIFY2(rc.exitCode == 0, qPrintable(rc.err));
    }

    // Issue 14: a value pasted into shell text ran commands (a reason of "$(touch pwn)" in a here-doc).
    void aPlaceholderInAShellLineIsRefusedAtItsLineAndColumn()
    {
        const QString dir = workspace();
        QVERIFY(!dir.isEmpty());
        QVERIFY(replace(policyPath(dir),
            "      shell: 'pg_restore --dbname \"$SOLVEREIGN_DB_URL\" --clean --if-exists backups/pre_release_backup.dump'\n",
            "      shell: |\n        cat > incident.txt <<EOF\n        Rolled back: {reason}\n        EOF\n"));
        const CliRun run = check(dir);
        refusedAt(run, policyPath(dir), QStringLiteral("use \"$RELEASE_REASON\" instead of {reason}"));
        QVERIFY2(run.err.contains(policyPath(dir) + QStringLiteral(":216:22: ")), qPrintable(run.err));
        QVERIFY(replace(policyPath(dir), "Rolled back: {reason}", "Rolled back: $RELEASE_REASON"));
        const CliRun fixed = check(dir);
        QVERIFY2(fixed.exitCode == 0, qPrintable(fixed.err));
    }

    void failAndReopenTogetherIsAUsageError()
    {
        const QString dir = workspace();
        QVERIFY(!dir.isEmpty());
        const CliRun run = runCockpit({QStringLiteral("checklist"), QStringLiteral("tick"), QStringLiteral("1.0.0"),
                                          QStringLiteral("pre-release.1"), QStringLiteral("--fail"), QStringLiteral("--reopen"),
                                          QStringLiteral("--db"), dir + QStringLiteral(".sqlite")},
            m_data, dir);
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(QLatin1String("--fail --reopen cannot be used together")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliPolicyInputs)
#include "tst_cli_policy_inputs.moc"
