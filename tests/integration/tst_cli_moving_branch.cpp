// A release that follows its branch (not pinned) is at the branch's head everywhere at once: two
// commits after it was created, `release status` names the head, `tag create` tags the head (not
// the commit the release was created on, nor whatever the work tree has checked out), and
// `tag verify` accepts the tag the cockpit itself just made. A pinned release keeps its commit.
#include "support/cli_runner.h"
#include "support/scratch_repo.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestCliMovingBranch : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    std::unique_ptr<ScratchRepo> m_repo;
    QString m_branch, m_created, m_c2, m_head;

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
        m_repo->commit(QStringLiteral("feat: first"));
        m_repo->annotatedTag(QStringLiteral("v1.0.0"), QStringLiteral("Release v1.0.0"));
        const CliRun init
            = cockpit({QStringLiteral("init"), QStringLiteral("--preset"), QStringLiteral("gated-ga")});
        QVERIFY2(init.exitCode == 0, qPrintable(init.err));
        m_repo->git({QStringLiteral("add"), QStringLiteral(".release-cockpit")});
        m_created = m_repo->commit(QStringLiteral("chore: cockpit workspace"));
        m_branch = m_repo->git(
            {QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"), QStringLiteral("HEAD")});
        QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));

        // Created unpinned, on the commit then at the head.
        const CliRun release = cockpit({QStringLiteral("release"), QStringLiteral("new"),
            QStringLiteral("1.1.0"), QStringLiteral("--json")});
        QVERIFY2(release.exitCode == 0, qPrintable(release.err));
        QCOMPARE(release.json().value(QStringLiteral("commit")).toString(), m_created);
        QVERIFY(!release.json().value(QStringLiteral("commit_pinned")).toBool());

        // The branch moves on twice; the work tree then looks at the older of the two.
        m_c2 = m_repo->commit(QStringLiteral("feat: import (#7)"),
            {{QStringLiteral("CHANGELOG.md"),
                "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-12-01\n\n### Added\n\n- Import (#7)\n\n"
                "## [1.0.0] - 2026-11-01\n\n### Added\n\n- First\n"}});
        m_head = m_repo->commit(QStringLiteral("fix: import keeps the order (#8)"),
            {{QStringLiteral("CHANGELOG.md"),
                "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-12-01\n\n### Added\n\n- Import (#7)\n\n"
                "### Fixed\n\n- Import keeps the order (#8)\n\n## [1.0.0] - 2026-11-01\n\n### Added\n\n- "
                "First\n"}});
        m_repo->git(
            {QStringLiteral("checkout"), QStringLiteral("--quiet"), QStringLiteral("--detach"), m_c2});
        QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
    }

    void initNamesTheRepositoryAsProject()
    {
        QFile policy(m_repo->dir() + QStringLiteral("/.release-cockpit/policy.yml"));
        QVERIFY(policy.open(QIODevice::ReadOnly));
        const QByteArray yaml = policy.readAll();
        QVERIFY2(yaml.contains("\nproject: ws\n"), yaml.constData());
        QVERIFY(!yaml.contains("project: SOLVEREIGN"));  // the preset's example project
    }

    void statusNamesTheBranchHead()
    {
        CliRun run = cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.1.0"),
            QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
        QCOMPARE(run.json().value(QStringLiteral("commit")).toString(), m_head);
        QVERIFY(!run.json().value(QStringLiteral("commit_pinned")).toBool());
        run = cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.1.0")});
        QVERIFY2(
            run.out.contains(QStringLiteral("%1 (follows %2)").arg(m_head, m_branch)), qPrintable(run.out));

        run = cockpit({QStringLiteral("release"), QStringLiteral("list")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(m_head.left(12)), qPrintable(run.out));
    }

    void tagCreateTagsTheHeadAndVerifyAcceptsIt()
    {
        CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.1.0"),
            QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QCOMPARE(run.json().value(QStringLiteral("target")).toString(), m_head);
        QCOMPARE(m_repo->git({QStringLiteral("rev-parse"), QStringLiteral("v1.1.0^{commit}")}), m_head);

        run = cockpit({QStringLiteral("tag"), QStringLiteral("verify"), QStringLiteral("1.1.0"),
            QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY(run.json().value(QStringLiteral("ok")).toBool());
        QCOMPARE(run.json().value(QStringLiteral("expected_target")).toString(), m_head);
    }

    void aPinnedReleaseKeepsItsCommit()
    {
        CliRun run = cockpit({QStringLiteral("release"), QStringLiteral("new"), QStringLiteral("1.2.0"),
            QStringLiteral("--commit"), m_c2, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        m_repo->git({QStringLiteral("checkout"), QStringLiteral("--quiet"), m_branch});
        m_repo->commit(QStringLiteral("feat: later (#9)"));
        QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
        run = cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.2.0"),
            QStringLiteral("--json")});
        QCOMPARE(run.json().value(QStringLiteral("commit")).toString(), m_c2);
        QVERIFY(run.json().value(QStringLiteral("commit_pinned")).toBool());
        run = cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("1.2.0")});
        QVERIFY2(run.out.contains(QStringLiteral("%1 (pinned)").arg(m_c2)), qPrintable(run.out));
    }

    // The release tag waits for a changelog whose section covers every commit since the last
    // release tag: "feat: later (#9)" has no entry (the one there cites #10), so nothing is tagged.
    void releaseTagWaitsForEveryCommitInItsSection()
    {
        const QString cut = m_repo->commit(QStringLiteral("docs: changelog for 1.2.0"),
            {{QStringLiteral("CHANGELOG.md"),
                "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2026-12-05\n\n### Added\n\n- Later (#10)\n\n"
                "## [1.1.0] - 2026-12-01\n\n### Added\n\n- Import (#7)\n"}});
        QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
        const CliRun run = cockpit({QStringLiteral("tag"), QStringLiteral("create"), QStringLiteral("1.2.0"),
            QStringLiteral("--commit"), cut});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("have no entry in CHANGELOG.md's 1.2.0 section"))
                && run.err.contains(QLatin1String("feat: later (#9)")),
            qPrintable(run.err));
        QVERIFY(m_repo->git({QStringLiteral("tag"), QStringLiteral("--list"), QStringLiteral("v1.2.0")})
                    .isEmpty());
    }

    // `release deployed` records what goes live: the commit the release is at now (its branch's
    // head, which moved since it was created and since it was tagged), not the one it was created on.
    void deployedRecordsTheBranchHeadNow()
    {
        m_repo->git({QStringLiteral("checkout"), QStringLiteral("--quiet"), m_branch});
        const QString head = m_repo->commit(QStringLiteral("fix: hot path (#11)"));
        m_repo->git({QStringLiteral("config"), QStringLiteral("user.email"), QStringLiteral("rm@example.com")});
        QVERIFY2(m_repo->ok(), qPrintable(m_repo->error()));
        QVERIFY(head != m_created && head != m_head);
        const CliRun run = cockpit({QStringLiteral("release"), QStringLiteral("deployed"), QStringLiteral("1.1.0"),
            QStringLiteral("--env"), QStringLiteral("staging"), QStringLiteral("--override"), QStringLiteral("--reason"),
            QStringLiteral("test: deploy a moving branch"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.json().value(QStringLiteral("commit")).toString(), head);
        // The stored deployment says the same.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(m_tmp.filePath(QStringLiteral("cockpit.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT commit_sha FROM deployments")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), head);
            QVERIFY(!q.next());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }
};

QTEST_GUILESS_MAIN(TestCliMovingBranch)
#include "tst_cli_moving_branch.moc"
