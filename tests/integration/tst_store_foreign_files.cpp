// Opening a database has no side effects on a file that is not ours: real SQLite files, the real
// binary. Ours carry PRAGMA application_id; anything else non-empty is refused untouched (65), and
// commands that only read open the file read-only and never wait for a writer.
#include "support/cli_runner.h"
#include "support/raw_db.h"

#include "sqlite_file_check.h"
#include "store.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

namespace {

QByteArray digest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

}  // namespace

class TestStoreForeignFiles : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_data;

    QString path(const QString &name) const { return m_tmp.filePath(name); }
    CliRun cockpit(const QStringList &args, const QString &db) const
    {
        return runCockpit(QStringList(args) << QStringLiteral("--db") << db, m_data, m_tmp.path());
    }
    // A database of ours, made by the binary, at the latest schema.
    QString ours(const QString &name) const
    {
        const QString db = path(name);
        const CliRun run = cockpit({QStringLiteral("release"), QStringLiteral("list")}, db);
        return run.exitCode == 0 ? db : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_data = path(QStringLiteral("xdg-data"));
    }

    void anotherApplicationsFileIsRefusedUntouched_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("reason");
        const QStringList list {QStringLiteral("release"), QStringLiteral("list")};
        const QStringList verify {QStringLiteral("audit"), QStringLiteral("verify")};
        const QStringList show {QStringLiteral("checklist"), QStringLiteral("show"), QStringLiteral("1.0.0")};
        const QString tables = QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        const QString rails = QStringLiteral("CREATE TABLE schema_migrations (version TEXT PRIMARY KEY)");
        const QString otherId = QStringLiteral("PRAGMA application_id = 1234");
        QTest::newRow("release list, tables") << list << tables << QStringLiteral("has tables of another application (keep, notes)");
        QTest::newRow("audit verify, tables") << verify << tables << QStringLiteral("notes");
        QTest::newRow("checklist show (writer), tables") << show << tables << QStringLiteral("notes");
        QTest::newRow("another schema_migrations") << show << rails << QStringLiteral("schema_migrations");
        QTest::newRow("another application_id, empty") << show << otherId << QStringLiteral("application_id 0x000004d2");
    }

    void anotherApplicationsFileIsRefusedUntouched()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, setup);
        QFETCH(QString, reason);
        const QString db = path(QStringLiteral("other-%1.sqlite").arg(QTest::currentDataTag()).replace(u' ', u'-'));
        {
            RawDb raw(db);
            QVERIFY(raw.exec(setup));
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS keep (x)")));  // a non-empty file in any case
        }
        const QByteArray before = digest(db);
        const CliRun run = cockpit(command, db);
        QCOMPARE(run.exitCode, 65);
        QVERIFY2(run.err.contains(QLatin1String("not a Release Cockpit database: ") + db), qPrintable(run.err));
        QVERIFY2(run.err.contains(reason), qPrintable(run.err));
        QCOMPARE(digest(db), before);  // no tables added, journal mode not switched
        QVERIFY(!QFileInfo::exists(db + QStringLiteral("-wal")));
        RawDb raw(db);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("delete"));
    }

    void aFileThatIsNotSqliteIsRefusedUntouched()
    {
        const QString db = path(QStringLiteral("notes.txt"));
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("These are my notes, not a database.\n").repeated(200));
        f.close();
        const QByteArray before = digest(db);
        const CliRun run = cockpit({QStringLiteral("checklist"), QStringLiteral("show"), QStringLiteral("1.0.0")}, db);
        QCOMPARE(run.exitCode, 65);
        QVERIFY2(run.err.contains(QLatin1String("not a Release Cockpit database")), qPrintable(run.err));
        QCOMPARE(digest(db), before);
    }

    void ourDatabasesCarryTheApplicationId()
    {
        const QString db = ours(QStringLiteral("new.sqlite"));
        QVERIFY(!db.isEmpty());
        RawDb raw(db);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA application_id")).toInt(), kSqliteApplicationId);
    }

    void aDatabaseFromBeforeTheIdIsMarkedByItsNextWriter()
    {
        const QString db = ours(QStringLiteral("legacy.sqlite"));
        QVERIFY(!db.isEmpty());
        QVERIFY(RawDb(db).exec(QStringLiteral("PRAGMA application_id = 0")));
        // A reader leaves it as it is, and works.
        const QByteArray before = digest(db);
        CliRun run = cockpit({QStringLiteral("release"), QStringLiteral("list")}, db);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(digest(db), before);
        // A writer's open marks it.
        Store store;
        const Status opened = store.open(db).result();
        QVERIFY2(opened.has_value(), qPrintable(opened ? QString() : opened.error().toString()));
        QCOMPARE(RawDb(db).value(QStringLiteral("PRAGMA application_id")).toInt(), kSqliteApplicationId);
    }

    void readOnlyCommandsWorkOnAReadOnlyCopy()
    {
        const QString db = ours(QStringLiteral("readonly.sqlite"));
        QVERIFY(!db.isEmpty());
        QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QByteArray before = digest(db);
        for (const QStringList &command : {QStringList {QStringLiteral("release"), QStringLiteral("list")},
                 QStringList {QStringLiteral("audit"), QStringLiteral("verify")}}) {
            const CliRun run = cockpit(command, db);
            QVERIFY2(run.exitCode == 0, qPrintable(command.join(u' ') + u'\n' + run.err));
        }
        const CliRun status = cockpit({QStringLiteral("release"), QStringLiteral("status"), QStringLiteral("9.9.9")}, db);
        QVERIFY2(status.err.contains(QLatin1String("9.9.9")), qPrintable(status.err));  // not found, not "read-only"
        QVERIFY2(!status.err.contains(QLatin1String("readonly")), qPrintable(status.err));
        QCOMPARE(digest(db), before);
    }

    void aWriterHoldingTheDatabaseBlocksNoReader()
    {
        const QString db = ours(QStringLiteral("busy.sqlite"));
        QVERIFY(!db.isEmpty());
        RawDb writer(db);
        QVERIFY(writer.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(writer.exec(QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'x', 'y')")));
        QElapsedTimer timer;
        timer.start();
        for (const QStringList &command : {QStringList {QStringLiteral("release"), QStringLiteral("list")},
                 QStringList {QStringLiteral("audit"), QStringLiteral("verify")}}) {
            const CliRun run = cockpit(command, db);
            QVERIFY2(run.exitCode == 0, qPrintable(command.join(u' ') + u'\n' + run.err));
        }
        // The busy timeout is 5 s: a reader that waited for the writer would take at least that.
        QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(writer.exec(QStringLiteral("ROLLBACK")));
    }
};

QTEST_GUILESS_MAIN(TestStoreForeignFiles)
#include "tst_store_foreign_files.moc"
