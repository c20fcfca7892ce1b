// A tick the store reported saved survives kill -9 the next moment: this executable re-runs itself
// as a child that ticks items and prints "saved <key>" after each future succeeds; the parent
// SIGKILLs it mid-stream and checks every reported key in the database.
#include "support/store_test_support.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>

using namespace cockpit;
using namespace cockpit::test;

namespace {

const char *const kChildVariable = "COCKPIT_DURABILITY_CHILD";
const QString kVersion = QStringLiteral("4.0.0");
constexpr int kItems = 2000;  // far more than the parent lets it reach
constexpr int kKillAfter = 30;

template <typename T> T awaitResult(QFuture<T> future)
{
    future.waitForFinished();  // the child has no GUI: blocking here is the simplest driver
    return future.result();
}

int runChild(const QString &dbPath)
{
    Store store;
    if (auto opened = awaitResult(store.open(dbPath)); !opened) {
        std::fprintf(stderr, "open: %s\n", qPrintable(opened.error().message));
        return 2;
    }
    Checklist list;
    list.phases.append(parseChecklist(sampleMarkdown(kItems), QStringLiteral("pre-release"), {}).value());
    if (auto created
        = awaitResult(store.createRelease(sampleRelease(kVersion), list, QStringLiteral("child")));
        !created)
        return 3;
    for (int i = 1; i <= kItems; ++i) {
        const QString key = QStringLiteral("pre-release.%1").arg(i);
        auto saved = awaitResult(
            store.setItemState(kVersion, itemWithState(key, ItemState::Done), QStringLiteral("child")));
        if (!saved)
            return 4;
        std::printf("saved %s\n", qPrintable(key));
        std::fflush(stdout);  // the parent counts lines as they come
    }
    return 0;
}

}  // namespace

class TestStoreDurability : public QObject {
    Q_OBJECT
private slots:
    void reportedTicksSurviveSigkill()
    {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("durable.sqlite"));
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kChildVariable), dbPath);
        child.setProcessEnvironment(env);
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setProcessChannelMode(QProcess::SeparateChannels);
        QByteArray output;
        auto savedLines = [&] { return output.count("saved "); };
        connect(&child, &QProcess::readyReadStandardOutput, this,
            [&] { output += child.readAllStandardOutput(); });
        child.start();
        QVERIFY(child.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(savedLines() >= kKillAfter || child.state() == QProcess::NotRunning, 60000);
        QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
        child.kill();  // SIGKILL: no destructors, no close, no checkpoint
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        output += child.readAllStandardOutput();

        QStringList reported;
        for (const QByteArray &line : output.split('\n')) {
            if (line.startsWith("saved "))
                reported << QString::fromUtf8(line.mid(6));
        }
        QVERIFY(reported.size() >= kKillAfter);
        QVERIFY(reported.size() < kItems);  // it really was cut off mid-stream

        Store store;
        auto opened = store.open(dbPath);
        auto list = store.checklist(kVersion);
        auto verified = store.verifyAudit();
        COCKPIT_AWAIT(verified);
        QVERIFY(opened.result().has_value());
        const Checklist listed = list.result().value();  // the pointers below point into this copy
        for (const QString &key : reported) {
            const ChecklistItem *item = listed.findItem(key);
            QVERIFY(item);
            QVERIFY2(item->state == ItemState::Done, qPrintable(key));
        }
        QVERIFY2(verified.result()->ok, qPrintable(verified.result()->problem));
        // release.create plus at least every reported tick (one more may have landed unreported).
        QVERIFY(verified.result()->entries >= reported.size() + 1);
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet(kChildVariable)) {
        QCoreApplication app(argc, argv);
        return runChild(qEnvironmentVariable(kChildVariable));
    }
    QCoreApplication app(argc, argv);
    TestStoreDurability test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_store_durability.moc"
