// Readiness live across two cockpits on a real PostgreSQL (issue 13): alice works in her own
// cockpit (a session on her login) while bob's window, on his login, shows her ticks, her freeze
// and the release moving, in the header and "Why blocked?", without a reload.
#include "../integration/support/postgres_fixture.h"
#include "git_service.h"
#include "main_window.h"
#include "session.h"
#include "store.h"
#include "workspace.h"

#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace cockpit;

namespace {

const QByteArray kPolicy = "project: Team\n"
                           "roles:\n"
                           "  release_manager: [alice]\n"
                           "  lead: [bob]\n"
                           "release_types:\n"
                           "  minor:\n"
                           "    approvals:\n"
                           "      - {role: lead, count: 1}\n"
                           "    checklists: [pre-release]\n"
                           "environments:\n"
                           "  staging: {base_url: 'http://127.0.0.1:9'}\n";

template <typename T> Result<T> wait(QFuture<Result<T>> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return future.result();
}

}  // namespace

class TestTeamReadiness : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    test::PostgresFixture m_pg;
    QString m_repo;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        const QString why = m_pg.start();
        QVERIFY2(why.isEmpty(), qPrintable(why));
        Store admin;  // migrates the schema
        auto migrated = wait(admin.open(m_pg.url(QStringLiteral("cockpit_admin"))));
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().toString()));
        m_repo = m_dir.filePath(QStringLiteral("repo"));
        auto repo = GitService::init(m_repo);
        QVERIFY(repo);
        auto sha = repo->commitFiles({{QStringLiteral(".release-cockpit/policy.yml"), kPolicy},
                                         {QStringLiteral(".release-cockpit/checklists/pre-release.md"),
                                             "# Pre\n\n- [ ] Tests green\n- [ ] Notes drafted\n- [ ] Backups verified\n"},
                                         {QStringLiteral("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n### Fixed\n\n- a bug\n"}},
            QStringLiteral("fix: initial\n"), GitSignature {QStringLiteral("Alice"), QStringLiteral("alice@x"), {}});
        QVERIFY2(sha, qPrintable(sha ? QString() : sha.error().toString()));
    }

    void bobSeesAlicesWorkLive()
    {
        // Alice's cockpit: her own store connection and session.
        Store aliceStore;
        QVERIFY(wait(aliceStore.open(m_pg.url(QStringLiteral("alice")))));
        auto workspace = Workspace::load(m_repo);
        QVERIFY(workspace);
        Session alice(&aliceStore, *workspace, Identity {QStringLiteral("alice"), QStringLiteral("alice")});
        auto created = wait(alice.createRelease(NewReleaseRequest {QStringLiteral("1.0.0"), {}, QStringLiteral("minor"), {}}));
        QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));

        // Bob's window on his login. The window opens its own connection from the URL (no
        // password in it): libpq finds bob's in his password file, as on a real workstation.
        const QString passFile = m_dir.filePath(QStringLiteral("pgpass"));
        QFile pass(passFile);
        QVERIFY(pass.open(QIODevice::WriteOnly));
        pass.write(QStringLiteral("127.0.0.1:%1:cockpit:bob:%2\n").arg(m_pg.port()).arg(test::PostgresFixture::password(QStringLiteral("bob"))).toUtf8());
        pass.close();
        QVERIFY(pass.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        qputenv("PGPASSFILE", passFile.toUtf8());
        Store bobStore;
        QVERIFY(wait(bobStore.open(m_pg.url(QStringLiteral("bob")))));
        MainWindow window(&bobStore);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &MainWindow::readinessShown);
        window.openWorkspace(m_repo);
        window.selectRelease(QStringLiteral("1.0.0"));
        QTRY_VERIFY(!shown.isEmpty());
        auto *progress = window.findChild<QProgressBar *>(QStringLiteral("checklistProgress"));
        auto *state = window.findChild<QLabel *>(QStringLiteral("headerState"));
        auto *blockers = window.findChild<QToolButton *>(QStringLiteral("headerBlockers"));
        QVERIFY(progress && state && blockers);
        QTRY_COMPARE(progress->value(), 0);
        QCOMPARE(state->text(), QStringLiteral("Draft"));
        QTRY_VERIFY(blockers->toolTip().contains(QLatin1String("pre-release.1 is open: Tests green")));

        // Alice ticks on her workstation: bob's header follows.
        QVERIFY(wait(alice.setItem(QStringLiteral("1.0.0"), QStringLiteral("pre-release.1"), ItemState::Done)));
        QTRY_COMPARE_WITH_TIMEOUT(progress->value(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!blockers->toolTip().contains(QLatin1String("pre-release.1 is open")), 15000);

        // Alice freezes it: bob sees the state and the next move change.
        Session::MoveRequest freeze {QStringLiteral("1.0.0"), ReleaseState::Frozen, QStringLiteral("train leaves"), false, {}};
        auto frozen = wait(alice.moveRelease(freeze));
        QVERIFY2(frozen, qPrintable(frozen ? QString() : frozen.error().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("Frozen"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(blockers->toolTip().contains(QLatin1String("no release candidate pins the commit")), 15000);
    }
};

QTEST_MAIN(TestTeamReadiness)
#include "tst_team_readiness.moc"
