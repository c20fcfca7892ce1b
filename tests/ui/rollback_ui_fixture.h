#pragma once
// tst_rollback_ui's fixture: a workspace (a git repository tagged v1.0.0 whose policy rolls back
// with real processes: an echo, a `test -e MARKER` deploy that fails until the marker exists, a
// manual step), its SQLite store with deployed releases, and small waits on futures and signals.
// Header-only and kept out of support/ so no other UI test compiles it.
#include "git_service.h"
#include "session.h"
#include "rollback_panel.h"
#include "rollback_plan_dialog.h"
#include "rollback_plan_view.h"
#include "store.h"
#include "workspace.h"

#include <QDir>
#include <QFutureWatcher>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace rollback_ui_fixture {

using namespace cockpit;

inline const Identity kManager {QStringLiteral("rm@x"), QStringLiteral("Rita Manager")};
inline const Identity kLead {QStringLiteral("lead@x"), QStringLiteral("Lea Lead")};
inline const QString kTrigger = QStringLiteral("5xx above 5% for 5 minutes");

template <typename T> inline T settle(QFuture<T> future)
{
    QFutureWatcher<T> watcher;
    QSignalSpy done(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(future);
    if (!future.isFinished())
        done.wait(30000);
    return future.result();
}

template <typename T> inline QByteArray why(const Result<T> &r)
{
    return r ? QByteArray() : r.error().toString().toUtf8();
}

// Steps: an echo with the target substituted inside one argument, a deploy that fails until the
// marker file exists (test -e), and a manual confirmation carrying the reason.
inline QByteArray policyText(const QString &marker, bool twoPerson)
{
    return QStringLiteral(
        "project: T\n"
        "roles:\n  release_manager: [rm@x]\n  lead: [lead@x]\n"
        "release_types:\n  minor: {rollback_window: 12h, checklists: [pre]}\n"
        "environments:\n  production: {base_url: 'http://127.0.0.1:9'}\n"
        "prometheus: {url: 'http://127.0.0.1:9'}\n"
        "soak:\n  triggers:\n    - {name: 5xx above 5% for 5 minutes, query: 'up', max: 5, for: 5m,"
        " severity: S1}\n"
        "rollback:\n  target: last_known_good\n  two_person: %1\n  checklist: post\n  steps:\n"
        "    - {name: Announce, run: [/bin/echo, 'rolling back {version} to {rollback_tag}'],"
        " timeout: 30s}\n"
        "    - {name: Deploy previous version, run: [/usr/bin/test, -e, '%2'], timeout: 30s}\n"
        "    - {name: Create incident record, manual: 'Create the incident record: {reason}'}\n")
        .arg(twoPerson ? QStringLiteral("true") : QStringLiteral("false"), marker)
        .toUtf8();
}

// A workspace (git repository tagged v1.0.0 with the policy), its store, and deployed releases.
struct Desk {
    QString dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<Session> service;
    QString marker;
};

inline void buildDesk(Desk &d, const QString &dir, bool twoPerson, const QStringList &versions)
{
    d.dir = dir;
    d.marker = dir + QStringLiteral(".deploy-ok");
    auto repo = GitService::init(dir);
    QVERIFY2(repo.has_value(), why(repo).constData());
    const GitSignature who {kManager.name, kManager.id, {}};
    auto first = repo->commitFiles(
        {{QStringLiteral(".release-cockpit/policy.yml"), policyText(d.marker, twoPerson)},
            {QStringLiteral(".release-cockpit/checklists/pre.md"), "# Pre\n\n- [ ] Tests green\n"},
            {QStringLiteral(".release-cockpit/checklists/post.md"),
                "# Post-Rollback Actions\n\n- [ ] Notify stakeholders\n- [ ] Schedule postmortem\n"}},
        QStringLiteral("initial\n"), who);
    QVERIFY2(first.has_value(), why(first).constData());
    QVERIFY(
        repo->createAnnotatedTag(QStringLiteral("v1.0.0"), *first, QStringLiteral("Release v1.0.0"), who));
    auto second
        = repo->commitFiles({{QStringLiteral("src/a.txt"), "new\n"}}, QStringLiteral("feat: a\n"), who);
    QVERIFY(second.has_value());
    auto ws = Workspace::load(dir);
    QVERIFY2(ws.has_value(), why(ws).constData());
    d.store = std::make_unique<Store>();
    QVERIFY(settle(d.store->open(dir + QStringLiteral(".sqlite"))).has_value());
    d.service = std::make_unique<Session>(d.store.get(), *ws, kManager);
    for (const QString &v : versions) {
        auto created = settle(d.service->createRelease({v, *second, QStringLiteral("minor"), {}}));
        QVERIFY2(created.has_value(), why(created).constData());
        auto deployed = settle(d.store->recordDeployment(v, QStringLiteral("production"), kManager.id));
        QVERIFY2(deployed.has_value(), why(deployed).constData());
    }
}

inline ReleaseRecord releaseOf(Desk &d, const QString &version)
{
    auto r = settle(d.store->release(version));
    return r.value_or(ReleaseRecord {});
}

// A panel showing the release, reloaded like the main window does when the panel touches it.
inline void showOn(RollbackPanel &panel, Desk &d, const QString &version)
{
    QObject::connect(&panel, &ReleaseTab::releaseTouched, &panel,
        [&panel, &d](const QString &v) { panel.showRelease(releaseOf(d, v)); });
    panel.setSession(d.service.get());
    QSignalSpy refreshed(&panel, &RollbackPanel::refreshed);
    panel.showRelease(releaseOf(d, version));
    QVERIFY(refreshed.wait(30000));
}

inline RollbackPlanDialog *openPlan(RollbackPanel &panel)
{
    panel.rollbackButton()->click();
    RollbackPlanDialog *plan = panel.planDialog();
    if (plan && plan->planView()->stepCount() == 0 && plan->errorText().isEmpty()) {
        QSignalSpy shown(plan, &RollbackPlanDialog::planShown);
        shown.wait(30000);
    }
    return plan;
}

inline void save(QWidget *widget, const QString &name)
{
    const QString png = QDir::temp().filePath(name);
    QVERIFY(widget->grab().save(png));
    qInfo("screenshot: %s", qPrintable(png));
}

}  // namespace rollback_ui_fixture
