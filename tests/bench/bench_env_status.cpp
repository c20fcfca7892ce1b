// `env status` over 20 environments (Session::environmentStatus, the version endpoint of each,
// probed at once) against 20 sequential `curl` calls to the same endpoints, both against the
// real HTTP fixture answering every request after 100 ms, in this run. Aim: faster than
// sequential, because the probes run in parallel. Reports only.
#include "git_service.h"
#include "session.h"
#include "store.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>

using namespace cockpit;

namespace {

constexpr int kEnvironments = 20;
constexpr int kDelayMs = 100;

template <typename T> T awaited(QFuture<T> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return future.result();
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QProcess fixture;
    fixture.start(QCoreApplication::applicationDirPath() + QStringLiteral("/fixtures/http_fixture"),
        {QStringLiteral("--delay-ms"), QString::number(kDelayMs), QStringLiteral("--version"), QStringLiteral("1.0.0")});
    if (!fixture.waitForReadyRead(30000))
        return std::fprintf(stderr, "http_fixture did not start: %s\n", qPrintable(fixture.errorString())), 1;
    const QString port = QString::fromUtf8(fixture.readLine()).split(u' ').value(1).trimmed();
    const QString base = QStringLiteral("http://127.0.0.1:%1/slow").arg(port);

    QTemporaryDir dir;
    QByteArray policy = "project: Bench\nroles:\n  release_manager: [rm@x]\nrelease_types:\n  minor: {}\nenvironments:\n";
    for (int e = 1; e <= kEnvironments; ++e)
        policy += "  env" + QByteArray::number(e) + ": {base_url: '" + base.toUtf8()
            + "', version: {path: /api/health, pointer: /version}}\n";
    const QString root = dir.filePath(QStringLiteral("repo"));
    auto git = GitService::init(root);
    const GitSignature who {QStringLiteral("RM"), QStringLiteral("rm@x"), {}};
    if (!git || !git->commitFiles({{QStringLiteral(".release-cockpit/policy.yml"), policy}}, QStringLiteral("initial"), who))
        return std::fprintf(stderr, "git set-up failed\n"), 1;
    auto ws = Workspace::load(root);
    if (!ws)
        return std::fprintf(stderr, "workspace: %s\n", qPrintable(ws.error().toString())), 1;
    Store store;
    if (!awaited(store.open(dir.filePath(QStringLiteral("bench.sqlite")))))
        return 1;
    Session session(&store, *ws, Identity {QStringLiteral("rm@x"), QStringLiteral("RM")});

    awaited(session.environmentStatus());  // warm-up: the first connection, the thread pool
    QElapsedTimer t;
    t.start();
    auto report = awaited(session.environmentStatus());
    const double cockpitMs = double(t.nsecsElapsed()) / 1e6;
    int inSync = 0;
    if (report)
        for (const EnvironmentStatus &s : report->environments)
            inSync += s.running == u"1.0.0" ? 1 : 0;

    t.restart();
    int curlOk = 0;
    for (int e = 0; e < kEnvironments; ++e) {
        QProcess curl;
        curl.start(QStringLiteral("curl"), {QStringLiteral("-sf"), base + QStringLiteral("/api/health")});
        curl.waitForFinished(30000);
        curlOk += curl.readAllStandardOutput().contains("1.0.0") ? 1 : 0;
    }
    const double curlMs = double(t.nsecsElapsed()) / 1e6;
    fixture.kill();
    fixture.waitForFinished();

    std::printf("env status, %d environments answering after %d ms each: %.0f ms (%d read 1.0.0)\n", kEnvironments,
        kDelayMs, cockpitMs, inSync);
    std::printf("  %d sequential curl calls to the same endpoints:  %.0f ms (%d read 1.0.0)\n", kEnvironments, curlMs,
        curlOk);
    std::printf("  ratio (sequential curl / env status): %.1fx (aim: above 1, probes in parallel)\n", curlMs / cockpitMs);
    return 0;
}
