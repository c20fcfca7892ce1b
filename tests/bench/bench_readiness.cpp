// Readiness after one tick: a release with 5,000 checklist items, 50 gates and 20 sign-offs on a
// real git repository and SQLite file. One tick through the store, then Session::computeReadiness
// (sign-off view with its digest, gate results, deployments, the judgement), against reading the
// same rows with the sqlite3 C API in this process. Aim: under 16 ms and within 3x. Reports only.
#include "git_service.h"
#include "release_service.h"
#include "session.h"
#include "store.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <sqlite3.h>
#include <vector>

using namespace cockpit;

namespace {

constexpr int kRuns = 15;

QByteArray policy()
{
    QByteArray y = "project: Bench\nroles:\n  release_manager: [rm@x]\n";
    for (int r = 1; r <= 20; ++r)
        y += "  r" + QByteArray::number(r) + ": [p" + QByteArray::number(r) + "@x]\n";
    y += "release_types:\n  minor:\n    checklists: [pre-release]\n    approvals:\n";
    for (int r = 1; r <= 20; ++r)
        y += "      - {role: r" + QByteArray::number(r) + ", count: 1}\n";
    y += "gates:\n";
    for (int g = 1; g <= 50; ++g)
        y += "  - {name: G" + QByteArray::number(g) + ", run: [\"true\"]}\n";
    return y;
}

QByteArray checklist()
{
    QByteArray md = "# Pre-release\n\n";
    for (int s = 0; s < 50; ++s) {
        md += "## Section " + QByteArray::number(s + 1) + "\n\n";
        for (int i = 0; i < 100; ++i)
            md += "- [ ] Item " + QByteArray::number(s * 100 + i + 1) + " verified\n";
        md += '\n';
    }
    return md;
}

template <typename F> double medianMs(F &&run)
{
    std::vector<double> times;
    for (int i = 0; i < kRuns; ++i) {
        QElapsedTimer t;
        t.start();
        run(i);
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[kRuns / 2];
}

// The peer: the rows readiness reads, by hand.
int readRows(sqlite3 *db)
{
    int rows = 0;
    for (const char *sql : {"SELECT version, state, commit_sha FROM releases WHERE version = '1.0.0'",
             "SELECT key, state, note, na_reason, evidence, who FROM checklist_items",
             "SELECT source FROM checklist_phases", "SELECT role, signer, decision, digest FROM signoffs",
             "SELECT name, status, commit_sha FROM gate_results", "SELECT environment FROM deployments"}) {
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW)
            ++rows;
        sqlite3_finalize(st);
    }
    return rows;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("repo"));
    auto git = GitService::init(root);
    if (!git)
        return std::fprintf(stderr, "git: %s\n", qPrintable(git.error().toString())), 1;
    const GitSignature who {QStringLiteral("RM"), QStringLiteral("rm@x"), {}};
    auto sha = git->commitFiles({{QStringLiteral(".release-cockpit/policy.yml"), policy()},
                                    {QStringLiteral(".release-cockpit/checklists/pre-release.md"), checklist()},
                                    {QStringLiteral("CHANGELOG.md"), "# Changelog\n\n## [Unreleased]\n\n- x\n"}},
        QStringLiteral("initial"), who);
    auto ws = Workspace::load(root);
    if (!sha || !ws)
        return std::fprintf(stderr, "set-up failed\n"), 1;
    Store store;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    if (!store.open(path).result())
        return 1;
    ReleaseService releases(&store, *ws, Identity {QStringLiteral("rm@x"), QStringLiteral("RM")});
    auto release = releases.createRelease({QStringLiteral("1.0.0"), *sha, QStringLiteral("minor"), {}}).result();
    if (!release)
        return std::fprintf(stderr, "release: %s\n", qPrintable(release.error().toString())), 1;
    for (int r = 1; r <= 20; ++r) {
        Signoff s;
        s.version = QStringLiteral("1.0.0");
        s.role = QStringLiteral("r%1").arg(r);
        s.signer = QStringLiteral("p%1@x").arg(r);
        s.digest = QStringLiteral("0").repeated(64);
        store.recordSignoff(s).result();
    }
    for (int g = 1; g <= 50; ++g) {
        GateResult result;
        result.version = QStringLiteral("1.0.0");
        result.name = QStringLiteral("G%1").arg(g);
        result.kind = QStringLiteral("run");
        result.status = GateStatus::Pass;
        result.exitCode = 0;
        result.commit = *sha;
        result.ranBy = QStringLiteral("rm@x");
        result.ranAt = QDateTime::currentDateTimeUtc();
        store.saveGateResult(result).result();
    }
    int blockers = 0;
    const double cockpit = medianMs([&](int i) {
        releases.setItem(QStringLiteral("1.0.0"), QStringLiteral("pre-release.%1").arg(i + 1), ItemState::Done).result();
        auto r = Session::computeReadiness(&store, *ws, QStringLiteral("1.0.0"), QDateTime::currentDateTimeUtc());
        blockers = r ? int(r->blockers.size()) : -1;
    });
    // The tick alone, to see what readiness adds to it.
    const double tickOnly = medianMs([&](int i) {
        releases.setItem(QStringLiteral("1.0.0"), QStringLiteral("pre-release.%1").arg(100 + i), ItemState::Done).result();
    });
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    int rows = 0;
    const double peer = medianMs([&](int) { rows = readRows(db); });
    sqlite3_close(db);
    std::printf("readiness after a tick (5,000 items, 50 gates, 20 sign-offs): %.2f ms median of %d (%d blockers)\n",
        cockpit, kRuns, blockers);
    std::printf("  of which the tick alone:                  %.2f ms\n", tickOnly);
    std::printf("  readiness without the tick:               %.2f ms\n", cockpit - tickOnly);
    std::printf("  sqlite3 C API reading the same rows (%d): %.2f ms\n", rows, peer);
    std::printf("  ratio (readiness without the tick / peer): %.2fx (aim: under 16 ms and within 3x)\n",
        (cockpit - tickOnly) / peer);
    return 0;
}
