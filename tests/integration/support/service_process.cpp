#include "service_process.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>

bool ServiceProcess::start(
    const QString &program, const QStringList &args, const QString &readyPrefix, int timeoutMs)
{
    if (!QFileInfo(program).isExecutable()) {
        m_error = QStringLiteral("%1 is not built or not executable").arg(program);
        return false;
    }
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(program, args);
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("%1 did not start: %2").arg(program, m_process.errorString());
        return false;
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        while (m_process.canReadLine()) {
            const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
            if (line.startsWith(readyPrefix)) {
                m_ready = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
        m_process.waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(deadline.remainingTime(), 200))));
    }
    m_error = QStringLiteral("%1 %2 did not become ready (exit %3): %4")
                  .arg(program, args.join(QLatin1Char(' ')))
                  .arg(m_process.exitCode())
                  .arg(QString::fromUtf8(m_process.readAllStandardError()).trimmed());
    stop();
    return false;
}

void ServiceProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString ServiceProcess::fixtureProgram(const QString &name)
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/fixtures/") + name;
}

QString ServiceProcess::prometheusScript()
{
    return QStringLiteral(COCKPIT_SOURCE_DIR "/tests/fixtures/prometheus_fixture.sh");
}

QString ServiceProcess::liveExporterScript()
{
    return QStringLiteral(COCKPIT_SOURCE_DIR "/tests/fixtures/live_exporter.py");
}

QString ServiceProcess::prometheusLiveScript()
{
    return QStringLiteral(COCKPIT_SOURCE_DIR "/tests/fixtures/prometheus_live_fixture.sh");
}
