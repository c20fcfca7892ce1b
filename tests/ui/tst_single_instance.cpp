// One cockpit per user session: two real processes, the second handing its workspace to the first
// over the socket in XDG_RUNTIME_DIR (a temp dir here, so no developer's cockpit takes part).
// The first reports what it opened under QT_LOGGING_RULES=cockpit.app.instance.debug=true.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>
#include <unistd.h>

namespace {

struct Running {
    std::unique_ptr<QProcess> process;
    std::shared_ptr<QByteArray> log;  // everything it wrote, accumulated as it arrives
};

}  // namespace

class TestSingleInstance : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void secondLaunchHandsOverItsWorkspace();
    void headlessCommandsAndScreenshotsRunAlone();
    void staleSocketIsReplaced();

private:
    QProcessEnvironment environment() const;
    int run(const QStringList &args, QByteArray *output = nullptr);
    Running start(const QStringList &args);
    QString socketPath() const;

    QTemporaryDir m_home;
    QTemporaryDir m_runtime;
    QString m_demoA;
    QString m_demoB;
    std::vector<Running> m_running;
};

QProcessEnvironment TestSingleInstance::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("COCKPIT_NEW_INSTANCE"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cockpit.app.instance.debug=true"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_runtime.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
    return env;
}

int TestSingleInstance::run(const QStringList &args, QByteArray *output)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(COCKPIT_BINARY), args);
    if (!process.waitForFinished(120000))
        return -1;
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
}

Running TestSingleInstance::start(const QStringList &args)
{
    Running r {std::make_unique<QProcess>(), std::make_shared<QByteArray>()};
    r.process->setProcessEnvironment(environment());
    r.process->setProcessChannelMode(QProcess::MergedChannels);
    QProcess *p = r.process.get();
    connect(p, &QProcess::readyRead, p, [p, log = r.log] { log->append(p->readAll()); });
    p->start(QStringLiteral(COCKPIT_BINARY), args);
    return r;
}

QString TestSingleInstance::socketPath() const
{
    return QDir(m_runtime.path()).filePath(QStringLiteral("release-cockpit-%1.socket").arg(::getuid()));
}

void TestSingleInstance::initTestCase()
{
    QVERIFY(m_home.isValid() && m_runtime.isValid());
    m_demoA = m_home.filePath(QStringLiteral("demo-a"));
    m_demoB = m_home.filePath(QStringLiteral("demo-b"));
    QByteArray out;
    QVERIFY2(
        run({QStringLiteral("demo"), QStringLiteral("--dir"), m_demoA, QStringLiteral("--no-open")}, &out)
            == 0,
        out.constData());
    QVERIFY2(
        run({QStringLiteral("demo"), QStringLiteral("--dir"), m_demoB, QStringLiteral("--no-open")}, &out)
            == 0,
        out.constData());
}

void TestSingleInstance::init()
{
    QFile::remove(socketPath());
}

void TestSingleInstance::cleanup()
{
    for (Running &r : m_running) {
        r.process->kill();
        r.process->waitForFinished(10000);
    }
    m_running.clear();
}

void TestSingleInstance::secondLaunchHandsOverItsWorkspace()
{
    m_running.push_back(start({QStringLiteral("--workspace"), m_demoA}));
    const auto log = m_running.back().log;
    QTRY_VERIFY_WITH_TIMEOUT(log->contains("listening at"), 60000);
    QVERIFY(QFileInfo::exists(socketPath()));

    QByteArray out;
    QVERIFY2(run({QStringLiteral("--workspace"), m_demoB}, &out) == 0, out.constData());
    QVERIFY2(out.contains("already running"), out.constData());
    QVERIFY2(out.contains(m_demoB.toUtf8()), out.constData());
    // The first window opened B: its log names the root and the window title that followed.
    QTRY_VERIFY_WITH_TIMEOUT(
        log->contains("opened \"" + QDir(m_demoB).canonicalPath().toUtf8() + '"'), 60000);
    QVERIFY2(log->contains("title"), log->constData());
    QCOMPARE(m_running.back().process->state(), QProcess::Running);

    // A launch without a workspace only raises the window.
    QVERIFY2(run({}, &out) == 0, out.constData());
    QVERIFY2(out.contains("was raised"), out.constData());
    QTRY_VERIFY_WITH_TIMEOUT(log->contains("workspace \"\""), 30000);
}

void TestSingleInstance::headlessCommandsAndScreenshotsRunAlone()
{
    m_running.push_back(start({QStringLiteral("--workspace"), m_demoA}));
    const auto log = m_running.back().log;
    QTRY_VERIFY_WITH_TIMEOUT(log->contains("listening at"), 60000);
    QByteArray out;
    QCOMPARE(run({QStringLiteral("release"), QStringLiteral("list"), QStringLiteral("--workspace"), m_demoA},
                 &out),
        0);
    QVERIFY2(!out.contains("already running"), out.constData());
    const QString png = m_home.filePath(QStringLiteral("shot.png"));
    QVERIFY2(run({QStringLiteral("--workspace"), m_demoB, QStringLiteral("--screenshot"), png}, &out) == 0, out.constData());
    QVERIFY2(QFileInfo(png).size() > 0, out.constData());
    QByteArray alone;
    QCOMPARE(run({QStringLiteral("--workspace"), m_demoB, QStringLiteral("--new-instance"),
                     QStringLiteral("--screenshot"), m_home.filePath(QStringLiteral("shot2.png"))},
                 &alone),
        0);
    QVERIFY(!log->contains("request from another launch"));
}

void TestSingleInstance::staleSocketIsReplaced()
{
    m_running.push_back(start({QStringLiteral("--workspace"), m_demoA}));
    QTRY_VERIFY_WITH_TIMEOUT(m_running.back().log->contains("listening at"), 60000);
    // A crash leaves the socket file behind.
    m_running.back().process->kill();
    QVERIFY(m_running.back().process->waitForFinished(10000));
    QVERIFY(QFileInfo::exists(socketPath()));

    m_running.push_back(start({QStringLiteral("--workspace"), m_demoA}));
    const auto log = m_running.back().log;
    // It found nobody answering and took the socket over (Qt replaces the file when it binds
    // with user-only access; without that option SingleInstance removes it first).
    QTRY_VERIFY_WITH_TIMEOUT(log->contains("listening at"), 60000);
    QByteArray out;
    QVERIFY2(run({QStringLiteral("--workspace"), m_demoB}, &out) == 0, out.constData());
    QVERIFY2(out.contains("already running"), out.constData());
    QTRY_VERIFY_WITH_TIMEOUT(log->contains("request from another launch"), 30000);
}

QTEST_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
