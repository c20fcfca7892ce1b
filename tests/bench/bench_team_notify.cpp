// Team mode latency: a tick saved by cockpit A until cockpit B's Store::itemChanged fires, over
// 200 rounds on a real PostgreSQL (tests/fixtures/postgres_fixture.sh), against the peer measured
// on the same server in the same run: a raw libpq NOTIFY from one connection until another
// connection's LISTEN sees it. Both are reported from the writer's call and from its commit
// acknowledgement; p50, p95 and the ratios are printed. Gates nothing.
#include "../integration/support/postgres_fixture.h"
#include "checklist_parser.h"
#include "store.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>

#ifdef COCKPIT_HAVE_LIBPQ
#include <libpq-fe.h>
#include <poll.h>
#endif

using namespace cockpit;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kRounds = 200;

struct Samples {
    std::vector<double> fromCall;  // ms: writer's call -> reader sees it
    std::vector<double> fromCommit;  // ms: writer's commit acknowledged -> reader sees it
};

double ms(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

template <typename T> T await(QFuture<T> future)
{
    while (!future.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return future.result();
}

bool storeRounds(const test::PostgresFixture &pg, Samples &out)
{
    Store a;
    Store b;
    for (Store *s : {&a, &b}) {
        const bool isA = s == &a;
        if (auto ok = await(s->open(pg.url(isA ? QStringLiteral("alice") : QStringLiteral("bob")))); !ok) {
            std::fprintf(stderr, "open: %s\n", qPrintable(ok.error().toString()));
            return false;
        }
    }
    QByteArray md = "# Bench\n\n";
    for (int i = 1; i <= kRounds; ++i)
        md += "- [ ] Step " + QByteArray::number(i) + "\n";
    Checklist list;
    list.phases.append(*parseChecklist(md, QStringLiteral("bench"), QStringLiteral("bench.md")));
    ReleaseRecord release;
    release.version = QStringLiteral("9.0.0");
    if (auto ok = await(a.createRelease(release, list, QStringLiteral("alice"))); !ok) {
        std::fprintf(stderr, "create: %s\n", qPrintable(ok.error().toString()));
        return false;
    }
    Clock::time_point seen;
    QEventLoop loop;
    QObject::connect(&b, &Store::itemChanged, &loop, [&] {
        seen = Clock::now();
        loop.quit();
    });
    for (int i = 1; i <= kRounds; ++i) {
        ChecklistItem item;
        item.key = QStringLiteral("bench.%1").arg(i);
        item.state = ItemState::Done;
        auto committed = std::make_shared<std::atomic<Clock::rep>>(0);
        const Clock::time_point call = Clock::now();
        auto saved = a.setItemState(release.version, item, QStringLiteral("alice"));
        saved.then(QtFuture::Launch::Sync, [committed](const Result<ChecklistItem> &) {
            committed->store(Clock::now().time_since_epoch().count());
        });
        QTimer::singleShot(5000, &loop, &QEventLoop::quit);
        loop.exec();
        await(saved);
        const Clock::time_point ack {Clock::duration(committed->load())};
        out.fromCall.push_back(ms(call, seen));
        out.fromCommit.push_back(std::max(0.0, ms(ack, seen)));
    }
    return true;
}

#ifdef COCKPIT_HAVE_LIBPQ
bool rawRounds(const test::PostgresFixture &pg, Samples &out)
{
    auto connect = [&](const char *login) {
        const QByteArray info
            = QStringLiteral("host=127.0.0.1 port=%1 dbname=cockpit user=%2 password=%3")
                  .arg(pg.port())
                  .arg(QLatin1String(login), test::PostgresFixture::password(QLatin1String(login)))
                  .toUtf8();
        return PQconnectdb(info.constData());
    };
    PGconn *writer = connect("alice");
    PGconn *reader = connect("bob");
    bool ok = PQstatus(writer) == CONNECTION_OK && PQstatus(reader) == CONNECTION_OK;
    if (ok)
        PQclear(PQexec(reader, "LISTEN bench"));
    for (int i = 0; ok && i < kRounds; ++i) {
        const Clock::time_point call = Clock::now();
        PQclear(PQexec(writer, "NOTIFY bench, 'x'"));
        const Clock::time_point ack = Clock::now();
        PGnotify *note = nullptr;
        while (!note) {
            pollfd fd {PQsocket(reader), POLLIN, 0};
            if (poll(&fd, 1, 5000) <= 0 || !PQconsumeInput(reader)) {
                ok = false;
                break;
            }
            note = PQnotifies(reader);
        }
        const Clock::time_point seen = Clock::now();
        if (note)
            PQfreemem(note);
        out.fromCall.push_back(ms(call, seen));
        out.fromCommit.push_back(ms(ack, seen));
    }
    PQfinish(writer);
    PQfinish(reader);
    return ok;
}
#endif

void print(const char *name, const Samples &s)
{
    std::printf("%-34s call->seen p50 %7.3f ms  p95 %7.3f ms | commit->seen p50 %7.3f ms  p95 %7.3f ms\n",
        name, percentile(s.fromCall, 0.5), percentile(s.fromCall, 0.95), percentile(s.fromCommit, 0.5),
        percentile(s.fromCommit, 0.95));
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    test::PostgresFixture pg;
    if (const QString why = pg.start(); !why.isEmpty()) {
        std::fprintf(stderr, "bench_team_notify: %s\n", qPrintable(why));
        return 1;
    }
    {
        Store admin;  // creates the schema as the owner
        if (auto ok = await(admin.open(pg.url(QStringLiteral("cockpit_admin")))); !ok) {
            std::fprintf(stderr, "bench_team_notify: %s\n", qPrintable(ok.error().toString()));
            return 1;
        }
    }
    Samples store;
    if (!storeRounds(pg, store))
        return 1;
    std::printf("bench_team_notify: %d rounds, PostgreSQL on 127.0.0.1:%d\n", kRounds, pg.port());
    print("store tick -> other Store signal", store);
#ifdef COCKPIT_HAVE_LIBPQ
    Samples raw;
    if (!rawRounds(pg, raw))
        return 1;
    print("raw libpq NOTIFY -> LISTEN", raw);
    std::printf("ratio store/raw p95: call->seen %.1fx, commit->seen %.1fx (aim: p95 < 2x raw and < 50 ms)\n",
        percentile(store.fromCall, 0.95) / percentile(raw.fromCall, 0.95),
        percentile(store.fromCommit, 0.95) / std::max(1e-3, percentile(raw.fromCommit, 0.95)));
#else
    std::printf("raw libpq peer not built (libpq-dev missing)\n");
#endif
    return 0;
}
