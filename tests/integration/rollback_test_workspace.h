#pragma once
// Shared by the rollback runner's integration tests (tst_rollback_service, tst_rollback_resume):
// a git workspace with a rollback policy whose steps run tests/fixtures/deploy_fixture.sh, a
// SQLite store with release 3.6.0 soaked PASS and 3.7.0 deployed to production, and readers of
// the fixture's argument log. Header-only, included by those tests alone.
#include "release_service.h"
#include "rollback_service.h"
#include "support/scratch_repo.h"
#include "support/store_test_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <optional>

namespace cockpit::rollbacktest {

using cockpit::test::why;

inline const Identity kAlice {QStringLiteral("alice@example.com"), QStringLiteral("Alice")};
inline const Identity kBob {QStringLiteral("bob@example.com"), QStringLiteral("Bob")};
inline const QString kTrigger = QStringLiteral("5xx above 5% for 5 minutes");
inline const QString kInjection
    = QStringLiteral("; rm -rf ~ $(touch pwned) `touch pwned2`\nline2 'q' \"dq\"");

inline QString fixtureScript()
{
    return QStringLiteral(COCKPIT_SOURCE_DIR "/tests/fixtures/deploy_fixture.sh");
}

// The policy; STEPS is replaced by the test's steps, BASE by the HTTP fixture's URL.
inline QByteArray policyYaml(const QString &steps, const QString &base, bool twoPerson = false)
{
    QString yaml = QStringLiteral(
        "project: Demo\n"
        "tag_format: \"v{version}\"\n"
        "roles: {release_manager: [alice@example.com]}\n"
        "release_types: {minor: {}}\n"
        "environments:\n"
        "  production:\n"
        "    base_url: BASE/ok\n"
        "    health: [/api/health, /api/health/ready]\n"
        "    version: {path: /api/health, pointer: /version}\n"
        "prometheus: {url: \"http://127.0.0.1:9\"}\n"
        "soak:\n"
        "  triggers:\n"
        "    - {name: 5xx above 5% for 5 minutes, query: 'x', max: 5, for: 5m, severity: S1}\n"
        "rollback:\n"
        "  target: last_known_good\n"
        "  two_person: TWO\n"
        "  checklist: post-rollback\n"
        "  steps:\n");
    yaml.replace(QStringLiteral("BASE"), base).replace(QStringLiteral("TWO"), twoPerson ? "true" : "false");
    return (yaml + steps).toUtf8();
}

inline QString step(const QString &name, const QStringList &args, const QString &extra = {})
{
    QStringList quoted {u'"' + fixtureScript() + u'"'};
    for (const QString &a : args)
        quoted << u'"' + a + u'"';
    return QStringLiteral("    - {name: %1, run: [%2]%3}\n")
        .arg(name, quoted.join(QStringLiteral(", ")), extra);
}

// One record per run of the fixture: its arguments.
inline QList<QStringList> invocations(const QString &log)
{
    QFile f(log);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> runs;
    const QString text = QString::fromUtf8(f.readAll());
    for (QString record : text.split(QStringLiteral("=== deploy_fixture\n"), Qt::SkipEmptyParts)) {
        record.chop(QStringLiteral("=== end\n").size());
        // Arguments are one per line; one with a newline in it spans two, so compare joined text.
        runs << QStringList {record.left(record.size() - 1)};
    }
    return runs;
}

// Members and helpers the test classes derive (they add Q_OBJECT and their slots).
class RollbackTestBase : public QObject {
protected:
    QString m_base = QStringLiteral("http://127.0.0.1:9");  // the HTTP fixture, where a test starts it
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<Store> m_store;
    std::optional<Workspace> m_ws;
    std::unique_ptr<ReleaseService> m_alice, m_bob;
    std::unique_ptr<RollbackService> m_service;
    QString m_log, m_marker, m_hookLog;

    // A fresh workspace (tag v3.6.0, release 3.6.0 soaked PASS, release 3.7.0 deployed to production).
    void setUpWorkspace(const QString &steps, bool twoPerson = false)
    {
        m_service.reset();
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_log = m_tmp->filePath(QStringLiteral("deploy.log"));
        m_marker = m_tmp->filePath(QStringLiteral("marker"));
        qputenv("DEPLOY_FIXTURE_LOG", m_log.toUtf8());
        ScratchRepo repo(m_tmp->filePath(QStringLiteral("repo")));
        QFile post(
            QStringLiteral(COCKPIT_SOURCE_DIR "/resources/presets/gated-ga/checklists/post-rollback.md"));
        QVERIFY(post.open(QIODevice::ReadOnly));
        QString stepsText = steps;
        stepsText.replace(QStringLiteral("MARKER"), m_marker).replace(QStringLiteral("BASE"), m_base);
        repo.commit(QStringLiteral("initial"),
            {{QStringLiteral(".release-cockpit/policy.yml"), policyYaml(stepsText, m_base, twoPerson)},
                {QStringLiteral(".release-cockpit/checklists/post-rollback.md"), post.readAll()}});
        repo.tag(QStringLiteral("v3.6.0"));
        repo.commit(QStringLiteral("feature"), {{QStringLiteral("a.txt"), "a"}});
        QVERIFY2(repo.ok(), qPrintable(repo.error()));
        auto ws = Workspace::load(repo.dir());
        QVERIFY2(ws, why(ws).constData());
        m_ws = *ws;
        m_store = std::make_unique<Store>();
        auto opened = m_store->open(m_tmp->filePath(QStringLiteral("cockpit.sqlite")));
        COCKPIT_AWAIT(opened);
        QVERIFY2(opened.result(), why(opened.result()).constData());
        m_alice = std::make_unique<ReleaseService>(m_store.get(), *m_ws, kAlice);
        m_bob = std::make_unique<ReleaseService>(m_store.get(), *m_ws, kBob);
        for (const QString &v : {QStringLiteral("3.6.0"), QStringLiteral("3.7.0")}) {
            auto created = m_store->createRelease(test::sampleRelease(v), Checklist {}, kAlice.id);
            COCKPIT_AWAIT(created);
            QVERIFY2(created.result(), why(created.result()).constData());
        }
        auto soak = m_store->saveSoakRecording(
            QStringLiteral("3.6.0"), QStringLiteral("production"), "{}", QStringLiteral("pass"), kAlice.id);
        COCKPIT_AWAIT(soak);
        auto deployed
            = m_store->recordDeployment(QStringLiteral("3.7.0"), QStringLiteral("production"), kAlice.id);
        COCKPIT_AWAIT(deployed);
        QVERIFY2(deployed.result(), why(deployed.result()).constData());
        m_service = std::make_unique<RollbackService>(m_alice.get());
    }

    RollbackRecord confirmed(const QString &reason = QStringLiteral("errors"), const QString &trigger = {})
    {
        auto plan = m_service->plan(QStringLiteral("3.7.0"), reason, trigger);
        [&] { COCKPIT_AWAIT(plan); }();
        if (!plan.result()) {
            qWarning() << plan.result().error().toString();
            return {};
        }
        auto record = m_service->confirm(*plan.result(), QStringLiteral("3.7.0"));
        [&] { COCKPIT_AWAIT(record); }();
        return record.result().value_or(RollbackRecord {});
    }

    template <typename T> T await(QFuture<T> future)
    {
        [&] { COCKPIT_AWAIT(future); }();
        return future.result();
    }
};

}  // namespace cockpit::rollbacktest
