// `tag create|verify|promote|hotfix` end to end: the real binary on a gated-ga workspace in a
// scratch repository, a real SQLite store, a file:// bare remote.
#include "support/cli_runner.h"
#include "support/scratch_repo.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

class TestCliTag : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<ScratchRepo> m_repo;
    std::unique_ptr<ScratchRepo> m_remote;
    QString m_c1, m_c2, m_c3;

    CliRun cockpit(QStringList args)
    {
        args << QStringLiteral("--workspace") << m_repo->dir() << QStringLiteral("--db")
             << m_tmp.filePath(QStringLiteral("cockpit.sqlite"));
        return runCockpit(args, m_tmp.filePath(QStringLiteral("xdg")));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_repo = std::make_unique<ScratchRepo>(m_tmp.filePath(QStringLiteral("ws")));
        m_remote = std::make_unique<ScratchRepo>(m_tmp.filePath(QStringLiteral("origin.git")), true);
        m_c1 = m_repo->commit(QStringLiteral("feat: first"));
        m_repo->annotatedTag(QStringLiteral("v1.1.0"), QStringLiteral("Release v1.1.0"));
        const CliRun init
            = cockpit({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("gated-ga")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        // An item bound to the tag check, as a team would add it to its template.
        QFile pre(m_repo->dir() + QStringLiteral("/.release-cockpit/checklists/pre-release.md"));
        QVERIFY(pre.open(QIODevice::Append));
        pre.write("\n### Tag\n- [ ] Release tag on the release commit <!-- check: tag -->\n");
        pre.close();
        m_repo->git({QStringLiteral("add"), QStringLiteral(".release-cockpit")});
        m_c2 = m_repo->commit(QStringLiteral("feat: import pipeline (#41)"),
            {{QStringLiteral("CHANGELOG.md"),
                "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2024-03-01\n\n### Added\n- Import pipeline "
                "(#41)\n\n"
                "## [1.1.0] - 2024-01-01\n\n### Added\n- First\n"}});
        m_c3 = m_repo->commit(QStringLiteral("fix: after the RC"));
        m_repo->git(
            {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), m_remote->url()});
        QVERIFY2(m_repo->ok() && m_remote->ok(), qPrintable(m_repo->error() + m_remote->error()));
        const CliRun release = cockpit({QStringLiteral("release"), QStringLiteral("new"),
            QStringLiteral("1.2.0"), QStringLiteral("--commit"), m_c2});
        QVERIFY2(release.exitCode == 0, qPrintable(release.err));
    }

    void createRcTagsTheGivenCommitWithTheChangelog()
    {
        const CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("create"),
            QStringLiteral("1.2.0-rc1"), QStringLiteral("--commit"), m_c2, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("tag")).toString(), QStringLiteral("v1.2.0-rc1"));
        QCOMPARE(o.value(QStringLiteral("target")).toString(), m_c2);
        QVERIFY(o.value(QStringLiteral("annotated")).toBool());
        QVERIFY(o.value(QStringLiteral("created")).toBool());
        // No 1.2.0-rc1 section: the GA version's section is the RC's content.
        QCOMPARE(o.value(QStringLiteral("message")).toString(),
            QStringLiteral("Release v1.2.0-rc1\n\n### Added\n- Import pipeline (#41)\n"));
        QCOMPARE(o.value(QStringLiteral("checklist_ticked")).toInt(), 0);  // no release 1.2.0-rc1
        QCOMPARE(m_repo->git({QStringLiteral("rev-parse"), QStringLiteral("v1.2.0-rc1^{commit}")}), m_c2);
    }

    void promotePushesAndTicksTheReleaseChecklist()
    {
        const CliRun run
            = cockpit({QStringLiteral("tag"), QStringLiteral("promote"), QStringLiteral("1.2.0-rc1"),
                QStringLiteral("--remote"), QStringLiteral("origin"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject o = run.json();
        QCOMPARE(o.value(QStringLiteral("tag")).toString(), QStringLiteral("v1.2.0"));
        QCOMPARE(o.value(QStringLiteral("target")).toString(), m_c2);
        QCOMPARE(o.value(QStringLiteral("promoted_from")).toString(), QStringLiteral("v1.2.0-rc1"));
        QCOMPARE(o.value(QStringLiteral("pushed_to")).toString(), QStringLiteral("origin"));
        QVERIFY(o.value(QStringLiteral("message"))
                    .toString()
                    .endsWith(QLatin1String("Promoted from v1.2.0-rc1.\n")));
        QCOMPARE(o.value(QStringLiteral("checklist_ticked")).toInt(), 1);
        QVERIFY(run.err.contains(QLatin1String("Release tag on the release commit")));
        const QString remote = m_repo->git({QStringLiteral("ls-remote"), QStringLiteral("origin")});
        QVERIFY2(remote.contains(m_c2 + QStringLiteral("\trefs/tags/v1.2.0^{}")), qPrintable(remote));

        // Promoting again is a no-op; the item is already ticked.
        const CliRun again = cockpit({QStringLiteral("tag"), QStringLiteral("promote"),
            QStringLiteral("1.2.0-rc1"), QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(!again.json().value(QStringLiteral("created")).toBool());
        QCOMPARE(again.json().value(QStringLiteral("checklist_ticked")).toInt(), 0);
    }

    void verifyChecksTheReleaseCommit()
    {
        CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("1.2.0"),
            QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QJsonObject o = run.json();
        QVERIFY(o.value(QStringLiteral("ok")).toBool());
        QVERIFY(o.value(QStringLiteral("exists")).toBool() && o.value(QStringLiteral("annotated")).toBool());
        QCOMPARE(o.value(QStringLiteral("target")).toString(), m_c2);
        QCOMPARE(o.value(QStringLiteral("expected_target")).toString(), m_c2);  // the release's commit
        QVERIFY(o.value(QStringLiteral("problems")).toArray().isEmpty());

        run = cockpit({QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("1.2.0"),
            QStringLiteral("--commit"), QStringLiteral("HEAD"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        o = run.json();
        QVERIFY(!o.value(QStringLiteral("ok")).toBool());
        QCOMPARE(o.value(QStringLiteral("expected_target")).toString(), m_c3);
        QCOMPARE(o.value(QStringLiteral("problems")).toArray().size(), 1);

        run = cockpit({QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("9.9.9"),
            QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.json().value(QStringLiteral("exists")).toBool());
        QVERIFY(run.json().value(QStringLiteral("target")).isNull());

        run = cockpit({QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("1.2.0")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(QLatin1String("OK   v1.2.0 annotated at ")));
    }

    void conflictsAndErrorsNameTheRef()
    {
        CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.2.0"),
            QStringLiteral("--commit"), m_c3});
        QCOMPARE(run.exitCode, 1);  // Conflict
        QVERIFY2(run.err.contains(QLatin1String("v1.2.0")), qPrintable(run.err));

        QCOMPARE(cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.3.0-rc1"),
                             QStringLiteral("--commit"), m_c3})
                     .exitCode,
            0);
        m_repo->tag(QStringLiteral("v1.3.0"), m_c2);
        run = cockpit({QStringLiteral("tag"), QStringLiteral("promote"), QStringLiteral("1.3.0-rc1")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("v1.3.0 already exists")), qPrintable(run.err));

        run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.4.0"),
            QStringLiteral("--commit"), QStringLiteral("no-such-ref")});
        QCOMPARE(run.exitCode, 65);
        QVERIFY(run.err.contains(QLatin1String("no-such-ref")));
        run = cockpit({QStringLiteral("tag"), QStringLiteral("promote"), QStringLiteral("1.4.0-rc9")});
        QCOMPARE(run.exitCode, 65);
        QVERIFY(run.err.contains(QLatin1String("v1.4.0-rc9")));
        QCOMPARE(
            cockpit({QStringLiteral("tag"), QStringLiteral("frob"), QStringLiteral("1.0.0")}).exitCode, 64);
        QCOMPARE(
            cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.4")}).exitCode, 64);
    }

    void createWithMessageAtHeadAndHotfix()
    {
        // A release tag needs the version's section in the changelog at that commit, covering
        // every commit since the last release tag: refused with the reason, nothing written.
        CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.2.1"),
            QStringLiteral("-m"), QStringLiteral("Hotfix: login loop"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("has no section for 1.2.1")), qPrintable(run.err));
        QVERIFY(m_repo->git({QStringLiteral("tag"), QStringLiteral("--list"), QStringLiteral("v1.2.1")})
                    .isEmpty());
        const QString cut = m_repo->commit(QStringLiteral("docs: changelog for 1.2.1"),
            {{QStringLiteral("CHANGELOG.md"),
                "# Changelog\n\n## [Unreleased]\n\n## [1.2.1] - 2024-03-02\n\n### Fixed\n- After the RC\n\n"
                "## [1.2.0] - 2024-03-01\n\n### Added\n- Import pipeline (#41)\n\n"
                "## [1.1.0] - 2024-01-01\n\n### Added\n- First\n"}});
        run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.2.1"),
            QStringLiteral("-m"), QStringLiteral("Hotfix: login loop"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().value(QStringLiteral("target")).toString(), cut);  // no release 1.2.1: HEAD
        QCOMPARE(
            run.json().value(QStringLiteral("message")).toString(), QStringLiteral("Hotfix: login loop\n"));

        run = cockpit({QStringLiteral("tag"), QStringLiteral("hotfix"), QStringLiteral("1.2.0")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(), QStringLiteral("hotfix/v1.2.1"));  // the preset's "hotfix/v*"
        QCOMPARE(
            m_repo->git({QStringLiteral("rev-parse"), QStringLiteral("refs/heads/hotfix/v1.2.1")}), m_c2);
    }
};

QTEST_GUILESS_MAIN(TestCliTag)
#include "tst_cli_tag.moc"
