// The cost of running a gate whose command is `true`, against spawning `true` with posix_spawn and
// waiting for it, measured in the same run and interleaved (so both see the same machine load):
//   (a) the runner alone (runGateProcess: own session, cleaned environment, output pipe, poll)
//   (b) the whole gate as `gate --only` runs it (runGateSequence: the running row and the
//       outcome stored with their audit entries in two SQLite transactions, synchronous=FULL).
//   bench_gate [--runs N]
// Prints medians and ratios; gates nothing.
#include "gate_runner.h"
#include "gate_sequence.h"
#include "policy_loader.h"
#include "release_service.h"
#include "store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

using namespace cockpit;

namespace {

qint64 spawnTrue()
{
    QElapsedTimer t;
    t.start();
    pid_t pid = -1;
    char prog[] = "true";
    char *argv[] = {prog, nullptr};
    if (posix_spawnp(&pid, "true", nullptr, nullptr, argv, environ) == 0)
        waitpid(pid, nullptr, 0);
    return t.nsecsElapsed();
}

double medianMs(QList<qint64> ns)
{
    std::sort(ns.begin(), ns.end());
    return ns.isEmpty() ? 0 : double(ns.at(ns.size() / 2)) / 1e6;
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("cockpit.*=false"));
    int runs = 200;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--runs")); i >= 0 && i + 1 < args.size())
        runs = args.at(i + 1).toInt();

    QTemporaryDir dir;
    auto policy = parsePolicy("project: Bench\nroles: {release_manager: [bench@example.com]}\n"
                              "release_types: {minor: {}}\ngates:\n  - {name: True, run: [\"true\"]}\n",
        dir.filePath(QStringLiteral("policy.yml")));
    if (!policy) {
        std::fprintf(stderr, "%s\n", qPrintable(policy.error().toString()));
        return 1;
    }
    Store store;
    if (auto opened = store.open(dir.filePath(QStringLiteral("bench.sqlite"))).result(); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return 1;
    }
    ReleaseRecord release;
    release.version = QStringLiteral("1.0.0");
    release.type = QStringLiteral("minor");
    release.commit = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    release.commitPinned = true;
    if (auto created = store.createRelease(release, Checklist {}, QStringLiteral("bench@example.com")).result();
        !created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error().toString()));
        return 1;
    }
    ReleaseService releases(&store, Workspace {dir.path(), *policy, {}},
        Identity {QStringLiteral("bench@example.com"), QStringLiteral("Bench")});

    GateProcessSpec spec;
    spec.program = QStringLiteral("true");
    spec.workDir = dir.path();
    QList<qint64> peer, runner, gate;
    for (int i = 0; i < runs; ++i) {
        peer << spawnTrue();
        QElapsedTimer t;
        t.start();
        runGateProcess(spec);
        runner << t.nsecsElapsed();
        t.restart();
        auto r = runGateSequence(releases, release.version, {}, {});
        gate << t.nsecsElapsed();
        if (!r || r->gates.value(0).status != GateStatus::Pass) {
            std::fprintf(stderr, "the gate did not pass\n");
            return 1;
        }
    }
    const double p = medianMs(peer), a = medianMs(runner), b = medianMs(gate);
    std::printf("posix_spawn(true) + waitpid   %8.3f ms (median of %d)\n", p, runs);
    std::printf("(a) runGateProcess(true)      %8.3f ms   ratio %.2fx\n", a, a / p);
    std::printf("(b) gate run: [true], stored  %8.3f ms   ratio %.2fx (two transactions, synchronous=FULL)\n", b,
        b / p);
    return 0;
}
