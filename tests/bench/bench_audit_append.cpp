// Appending audit entries through the Store (Qt Sql on its worker thread, futures) against the
// sqlite3 C API doing the same work in-process: same schema (the bundled migrations), same rows,
// same chain hashing, WAL + synchronous=FULL, files in the same directory.
//   bench_audit_append [--entries N] [--dir DIR] [--only a|b]
// (a) all entries in one transaction (best of 5), (b) one transaction per entry (interleaved in
// chunks with the peer). Prints times and ratios; gates nothing.
#include "audit_entry.h"
#include "store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <cstdio>
#include <sqlite3.h>

using namespace cockpit;

namespace {

QList<AuditEntry> makeEntries(int count)
{
    const QDateTime start(QDate(2024, 5, 1), QTime(9, 0), Qt::UTC);
    QList<AuditEntry> entries;
    entries.reserve(count);
    for (int i = 0; i < count; ++i) {
        AuditEntry e;
        e.at = start.addMSecs(i * 37);
        e.actor = QStringLiteral("ana@example.com");
        e.action = QStringLiteral("item.done");
        e.release = QStringLiteral("3.7.0");
        e.subject = QStringLiteral("pre-release.%1").arg(i % 50 + 1);
        e.before = QJsonObject {{"state", "open"}, {"note", ""}, {"na_reason", ""}, {"evidence", ""}};
        e.after = QJsonObject {{"state", "done"}, {"note", QStringLiteral("checked %1").arg(i)},
            {"na_reason", ""}, {"evidence", "https://ci.example.com/run/1234"}};
        entries.append(e);
    }
    return entries;
}

// The peer: what a hand-written sqlite3 implementation of the same append would do.
class RawAppender {
public:
    explicit RawAppender(const QString &path)
    {
        sqlite3_open_v2(
            path.toUtf8().constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
        for (const QString &file : QDir(QStringLiteral(":/sql/sqlite")).entryList(QDir::Files, QDir::Name)) {
            QFile sql(QStringLiteral(":/sql/sqlite/") + file);
            sql.open(QIODevice::ReadOnly);
            exec(sql.readAll().constData());
        }
        sqlite3_prepare_v2(m_db,
            "INSERT INTO audit_log (seq, at, actor, action, release, subject, before_json, "
            "after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            -1, &m_insert, nullptr);
        sqlite3_prepare_v2(
            m_db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", -1, &m_last, nullptr);
        // The same rows as the store writes: the chain's head is recorded once per transaction.
        sqlite3_prepare_v2(m_db,
            "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            -1, &m_head, nullptr);
    }
    ~RawAppender()
    {
        sqlite3_finalize(m_insert);
        sqlite3_finalize(m_last);
        sqlite3_finalize(m_head);
        sqlite3_close(m_db);
    }
    void exec(const char *sql)
    {
        char *error = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            std::fprintf(stderr, "sqlite3: %s\n", error);
            sqlite3_free(error);
        }
    }
    void append(const QList<AuditEntry> &entries, bool onePerTransaction)
    {
        if (!onePerTransaction)
            exec("BEGIN IMMEDIATE");
        for (qsizetype i = 0; i < entries.size(); ++i) {
            if (onePerTransaction || i == 0) {
                if (onePerTransaction)
                    exec("BEGIN IMMEDIATE");
                readHead();
            }
            insert(entries[i]);
            if (onePerTransaction) {
                writeHead();
                exec("COMMIT");
            }
        }
        if (!onePerTransaction) {
            writeHead();
            exec("COMMIT");
        }
    }

private:
    void writeHead()
    {
        sqlite3_bind_int64(m_head, 1, m_seq);
        sqlite3_bind_text(m_head, 2, m_hash.constData(), int(m_hash.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(m_head) != SQLITE_DONE)
            std::fprintf(stderr, "head: %s\n", sqlite3_errmsg(m_db));
        sqlite3_reset(m_head);
    }
    void readHead()
    {
        m_seq = 0;
        m_hash = genesisHash();
        if (sqlite3_step(m_last) == SQLITE_ROW) {
            m_seq = sqlite3_column_int64(m_last, 0);
            m_hash = QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(m_last, 1)));
        }
        sqlite3_reset(m_last);
    }
    void bindText(int index, const QByteArray &text)
    {
        sqlite3_bind_text(m_insert, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
    }
    void insert(AuditEntry e)
    {
        e.seq = m_seq + 1;
        e.prevHash = m_hash;
        e.hash = chainHash(e.prevHash, e);
        sqlite3_bind_int64(m_insert, 1, e.seq);
        bindText(2, e.at.toString(Qt::ISODateWithMs).toUtf8());
        bindText(3, e.actor.toUtf8());
        bindText(4, e.action.toUtf8());
        bindText(5, e.release.toUtf8());
        bindText(6, e.subject.toUtf8());
        bindText(7, QJsonDocument(e.before).toJson(QJsonDocument::Compact));
        bindText(8, QJsonDocument(e.after).toJson(QJsonDocument::Compact));
        bindText(9, e.prevHash);
        bindText(10, e.hash);
        if (sqlite3_step(m_insert) != SQLITE_DONE)
            std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(m_db));
        sqlite3_reset(m_insert);
        m_seq = e.seq;
        m_hash = e.hash;
    }

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_last = nullptr;
    sqlite3_stmt *m_head = nullptr;
    qint64 m_seq = 0;
    QByteArray m_hash;
};

template <typename T> T await(QFuture<T> future)
{
    future.waitForFinished();  // a benchmark driver, not a GUI: blocking is the point
    return future.result();
}

bool openStore(Store &store, const QString &path)
{
    if (auto opened = await(store.open(path)); !opened) {
        std::fprintf(stderr, "open: %s\n", qPrintable(opened.error().message));
        return false;
    }
    return true;
}

void checkChain(Store &store, qsizetype expected)
{
    const auto verified = await(store.verifyAudit());
    if (!verified || !verified->ok || verified->entries != expected)
        std::fprintf(stderr, "store chain does not verify\n");
}

struct Timing {
    double storeMs = 0;
    double rawMs = 0;
};

// (a) Fresh files each round, alternating who goes first; best of `rounds` for each side.
Timing oneTransaction(const QTemporaryDir &dir, const QList<AuditEntry> &entries, int rounds)
{
    Timing best {1e300, 1e300};
    for (int round = 0; round < rounds; ++round) {
        for (int side = 0; side < 2; ++side) {
            const bool storeTurn = (side + round) % 2 == 0;
            const QString path = dir.filePath(QStringLiteral("a-%1-%2.sqlite").arg(round).arg(side));
            QElapsedTimer timer;
            if (storeTurn) {
                Store store;
                if (!openStore(store, path))
                    return {};
                timer.start();
                if (!await(store.appendAuditBatch(entries)))
                    std::fprintf(stderr, "batch failed\n");
                best.storeMs = std::min(best.storeMs, timer.nsecsElapsed() / 1e6);
                checkChain(store, entries.size());
            } else {
                RawAppender raw(path);
                timer.start();
                raw.append(entries, false);
                best.rawMs = std::min(best.rawMs, timer.nsecsElapsed() / 1e6);
            }
        }
    }
    return best;
}

// (b) Both databases open side by side; chunks alternate between them so disk and load drift
// (fsync time varies a lot on a shared machine) hits both equally.
Timing oneTransactionEach(const QTemporaryDir &dir, const QList<AuditEntry> &entries)
{
    Store store;
    if (!openStore(store, dir.filePath(QStringLiteral("b-store.sqlite"))))
        return {};
    RawAppender raw(dir.filePath(QStringLiteral("b-raw.sqlite")));
    Timing total;
    constexpr qsizetype chunk = 250;
    for (qsizetype from = 0; from < entries.size(); from += chunk) {
        const QList<AuditEntry> part = entries.mid(from, chunk);
        for (int side = 0; side < 2; ++side) {
            QElapsedTimer timer;
            timer.start();
            if ((side + from / chunk) % 2 == 0) {
                for (const AuditEntry &e : part) {
                    if (!await(store.appendAudit(e)))
                        std::fprintf(stderr, "append failed\n");
                }
                total.storeMs += timer.nsecsElapsed() / 1e6;
            } else {
                raw.append(part, true);
                total.rawMs += timer.nsecsElapsed() / 1e6;
            }
        }
    }
    checkChain(store, entries.size());
    return total;
}

void report(const char *label, const Timing &t, int count)
{
    std::printf("%-26s store %9.1f ms (%7.1f us/entry)   sqlite3 %9.1f ms (%7.1f us/entry)   ratio %.2fx\n",
        label, t.storeMs, t.storeMs * 1000 / count, t.rawMs, t.rawMs * 1000 / count, t.storeMs / t.rawMs);
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int count = 10000;
    QString base = QDir::tempPath();
    QString only;  // "a" or "b": run one case (profiling)
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--entries"))
            count = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--dir"))
            base = args[i + 1];
        else if (args[i] == QLatin1String("--only"))
            only = args[i + 1];
    }
    QLoggingCategory::setFilterRules(QStringLiteral("cockpit.*.info=false"));
    QTemporaryDir dir(base + QStringLiteral("/bench-audit-XXXXXX"));
    const QList<AuditEntry> entries = makeEntries(count);
    std::printf("bench_audit_append: %d entries, WAL + synchronous=FULL, files in %s\n", count,
        qPrintable(dir.path()));
    if (only != QLatin1String("b"))
        report("(a) one transaction:", oneTransaction(dir, entries, 5), count);
    if (only != QLatin1String("a"))
        report("(b) one transaction each:", oneTransactionEach(dir, entries), count);
    std::printf("target: store/sqlite3 ratio <= 1.30x\n");
    return 0;
}
