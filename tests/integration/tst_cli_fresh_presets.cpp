// Every bundled preset on a fresh repository (issue 16 item 7), through the real binary: `init`
// writes a Keep a Changelog skeleton when there is none and turns evidence.include entries for
// missing files into commented examples; `policy check` warns (exit 0) about listed files that are
// missing; `evidence export` refuses naming every missing file at once.
#include "support/cli_runner.h"
#include "support/scratch_repo.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TstCliFreshPresets : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

    CliRun cockpit(const QString &repo, QStringList args)
    {
        return runCockpit(args << QStringLiteral("--workspace") << repo << QStringLiteral("--db")
                               << repo + QStringLiteral(".sqlite"),
            m_tmp.filePath(QStringLiteral("xdg")));
    }

    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void presetOnAFreshRepository_data()
    {
        QTest::addColumn<QString>("preset");
        for (const char *p : {"gated-ga", "release-train", "promotion", "canary"})
            QTest::newRow(p) << QString::fromLatin1(p);
    }

    void presetOnAFreshRepository()
    {
        QFETCH(QString, preset);
        ScratchRepo repo(m_tmp.filePath(preset));
        repo.commit(QStringLiteral("feat: first\n"), {{QStringLiteral("src/main.c"), "int main(void) { return 0; }\n"}});
        QVERIFY2(repo.ok(), qPrintable(repo.error()));
        const QString dir = repo.dir();
        QVERIFY(!QFile::exists(dir + QStringLiteral("/CHANGELOG.md")));

        const CliRun init = cockpit(dir, {QStringLiteral("init"), QStringLiteral("--preset"), preset});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        const QByteArray changelog = read(dir + QStringLiteral("/CHANGELOG.md"));
        QVERIFY2(changelog.startsWith("# Changelog\n") && changelog.contains("## [Unreleased]\n")
                && changelog.contains("keepachangelog.com"),
            changelog.constData());
        QVERIFY2(init.err.contains(QLatin1String("Wrote CHANGELOG.md: a Keep a Changelog skeleton")), qPrintable(init.err));
        const CliRun lint = cockpit(dir, {QStringLiteral("changelog"), QStringLiteral("lint")});
        QVERIFY2(lint.exitCode == 0, qPrintable(lint.out + lint.err));

        // The policy as written names no file that is missing: the check is clean.
        const QString policyPath = dir + QStringLiteral("/.release-cockpit/policy.yml");
        const QByteArray policy = read(policyPath);
        if (preset == QLatin1String("gated-ga")) {
            // Its pack lists requirements.lock.txt, which a fresh repository has not: an example now.
            QVERIFY2(policy.contains("  include: [CHANGELOG.md]\n  # include: [requirements.lock.txt]"), policy.constData());
            QVERIFY2(init.err.contains(QLatin1String("requirements.lock.txt")), qPrintable(init.err));
        }
        const CliRun check = cockpit(dir, {QStringLiteral("policy"), QStringLiteral("check"), QStringLiteral("--json")});
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        QVERIFY2(check.json().value(QStringLiteral("warnings")).toArray().isEmpty(), qPrintable(check.out));
        QVERIFY2(!check.err.contains(QLatin1String("warning:")), qPrintable(check.err));

        // Two listed files missing: policy check warns about both and still passes.
        QByteArray edited = policy;
        const QRegularExpression evidence(QStringLiteral("(?m)^evidence:.*\\n(?:[ #].*\\n)*"));
        edited = QString::fromUtf8(edited).remove(evidence).toUtf8();
        edited += "\nevidence:\n  include: [CHANGELOG.md, docs/runbook.md, requirements.lock.txt]\n";
        QFile out(policyPath);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(edited);
        out.close();
        const CliRun warned = cockpit(dir, {QStringLiteral("policy"), QStringLiteral("check")});
        QVERIFY2(warned.exitCode == 0, qPrintable(warned.err));
        for (const char *missing : {"evidence.include[1]: docs/runbook.md does not exist",
                 "evidence.include[2]: requirements.lock.txt does not exist"})
            QVERIFY2(warned.err.contains(QLatin1String("warning: ")) && warned.err.contains(QLatin1String(missing)),
                qPrintable(warned.err));
        QVERIFY2(warned.err.contains(QLatin1String("2 warning(s)")), qPrintable(warned.err));

        // A release to export: the preset's types decide which one a first release may take.
        CliRun created = cockpit(dir, {QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("1.0.0")});
        if (created.exitCode != 0) {
            const auto types = QRegularExpression(QStringLiteral("one of: ([a-z-]+)")).match(created.err);
            QVERIFY2(types.hasMatch(), qPrintable(created.err));
            created = cockpit(dir, {QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("1.0.0"),
                QStringLiteral("--type"), types.captured(1)});
        }
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QString zip = m_tmp.filePath(preset + QStringLiteral(".zip"));
        const CliRun exported = cockpit(dir, {QStringLiteral("evidence"), QStringLiteral("export"),
            QStringLiteral("1.0.0"), QStringLiteral("--out"), zip});
        QCOMPARE(exported.exitCode, 65);
        QVERIFY2(exported.err.contains(QLatin1String("evidence.include lists 2 files that do not exist"))
                && exported.err.contains(QLatin1String("docs/runbook.md (evidence.include[1], "))
                && exported.err.contains(QLatin1String("requirements.lock.txt (evidence.include[2], ")),
            qPrintable(exported.err));
        QVERIFY(!QFile::exists(zip));
    }
};

QTEST_GUILESS_MAIN(TstCliFreshPresets)
#include "tst_cli_fresh_presets.moc"
