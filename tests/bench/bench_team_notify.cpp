// Team mode latency: a tick saved by cockpit A until cockpit B's Store::itemChanged fires, over
// 200 rounds on a real PostgreSQL (tests/fixtures/postgres_fixture.sh), against the peer measured
// on the same server in the same run: a raw libpq NOTIFY from one connection until another
// connection's LISTEN sees it. The two alternate round by round, so a busy machine weighs on both
// alike. Both are reported from the writer's call and from its commit acknowledgement; p50, p95
// and the ratios are printed. Gates nothing.
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

#ifdef COCKPIT_HAVE_LIBPQ
// The peer: one NOTIFY on one connection until LISTEN on another sees it.
class RawPeer {
public:
    explicit RawPeer(const test::PostgresFixture &pg)
        : m_writer(connect(pg, "alice"))
        , m_reader(connect(pg, "bob"))
    {
        m_ok = PQstatus(m_writer) == CONNECTION_OK && PQstatus(m_reader) == CONNECTION_OK;
        if (m_ok)
            PQclear(PQexec(m_reader, "LISTEN bench"));
    }
    ~RawPeer()
    {
        PQfinish(m_writer);
        PQfinish(m_reader);
    }
    [[nodiscard]] bool ok() const { return m_ok; }
    bool round(Samples &out)
    {
        const Clock::time_point call = Clock::now();
        PQclear(PQexec(m_writer, "NOTIFY bench, 'x'"));
        const Clock::time_point ack = Clock::now();
        PGnotify *note = nullptr;
        while (!note) {
            pollfd fd {PQsocket(m_reader), POLLIN, 0};
            if (poll(&fd, 1, 5000) <= 0 || !PQconsumeInput(m_reader))
                return m_ok = false;
            note = PQnotifies(m_reader);
        }
        const Clock::time_point seen = Clock::now();
        PQfreemem(note);
        out.fromCall.push_back(ms(call, seen));
        out.fromCommit.push_back(ms(ack, seen));
        return true;
    }

private:
    static PGconn *connect(const test::PostgresFixture &pg, const char *login)
    {
        const QByteArray info
            = QStringLiteral("host=127.0.0.1 port=%1 dbname=cockpit user=%2 password=%3")
                  .arg(pg.port())
                  .arg(QLatin1String(login), test::PostgresFixture::password(QLatin1String(login)))
                  .toUtf8();
        return PQconnectdb(info.constData());
    }
    PGconn *m_writer;
    PGconn *m_reader;
    bool m_ok = false;
};
#else
class RawPeer {  // libpq-dev missing: no peer, nothing measured
public:
    explicit RawPeer(const test::PostgresFixture &) { }
    [[nodiscard]] bool ok() const { return true; }
    bool round(Samples &) { return true; }
};
#endif

bool rounds(const test::PostgresFixture &pg, Samples &out, Samples &raw)
{
    RawPeer peer(pg);
    if (!peer.ok()) {
        std::fprintf(stderr, "raw libpq connections failed\n");
        return false;
    }
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
    bool arrived = false;
    QObject::connect(&b, &Store::itemChanged, &loop, [&] {
        seen = Clock::now();
        arrived = true;
        loop.quit();
    });
    int audits = 0;  // B's item.* audit entries: the last of each round's notices
    QObject::connect(&b, &Store::auditAppended, &loop,
        [&](const AuditEntry &entry) { audits += entry.action.startsWith(QLatin1String("item.")) ? 1 : 0; });
    QTimer timeout;  // one timer, restarted: a stale single shot would end a later round early
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    for (int i = 1; i <= kRounds; ++i) {
        ChecklistItem item;
        item.key = QStringLiteral("bench.%1").arg(i);
        item.state = ItemState::Done;
        auto committed = std::make_shared<std::atomic<Clock::rep>>(0);
        arrived = false;
        const Clock::time_point call = Clock::now();
        auto saved = a.setItemState(release.version, item, QStringLiteral("alice"));
        saved.then(QtFuture::Launch::Sync, [committed](const Result<ChecklistItem> &) {
            committed->store(Clock::now().time_since_epoch().count());
        });
        timeout.start(5000);
        loop.exec();
        timeout.stop();
        await(saved);
        while (committed->load() == 0)  // the continuation may run just after isFinished()
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
        if (!arrived) {
            std::fprintf(stderr, "round %d: B saw no itemChanged within 5 s\n", i);
            return false;
        }
        const Clock::time_point ack {Clock::duration(committed->load())};
        out.fromCall.push_back(ms(call, seen));
        out.fromCommit.push_back(std::max(0.0, ms(ack, seen)));
        // B finishes the round (its audit entry) before the peer's round, so neither overlaps the
        // other's tail on the same server.
        const Clock::time_point deadline = Clock::now() + std::chrono::seconds(5);
        while (audits < i && Clock::now() < deadline)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (!peer.round(raw))
            return false;
    }
    return true;
}

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
    Samples raw;
    if (!rounds(pg, store, raw))
        return 1;
    std::printf("bench_team_notify: %d rounds, PostgreSQL on 127.0.0.1:%d\n", kRounds, pg.port());
    print("store tick -> other Store signal", store);
#ifdef COCKPIT_HAVE_LIBPQ
    print("raw libpq NOTIFY -> LISTEN", raw);
    for (const double p : {0.5, 0.95}) {
        std::printf(
            "ratio store/raw p%.0f: call->seen %.1fx, commit->seen %.1fx (aim: p95 < 5x raw and < 50 ms)\n",
            p * 100, percentile(store.fromCall, p) / percentile(raw.fromCall, p),
            percentile(store.fromCommit, p) / std::max(1e-3, percentile(raw.fromCommit, p)));
    }
#else
    std::printf("raw libpq peer not built (libpq-dev missing)\n");
#endif
    return 0;
}
