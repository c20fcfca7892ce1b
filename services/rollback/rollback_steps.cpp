#include "rollback_steps.h"

#include "future_watch.h"

#include "redactor.h"
#include "rollback_plan.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTimer>
#include <csignal>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcRollbackSteps, "cockpit.services.rollback.steps")

namespace cockpit {

namespace {

QString seconds(std::chrono::milliseconds ms)
{
    return QString::number(double(ms.count()) / 1000.0, 'g', 4);
}

}  // namespace

RollbackStepExecutor::RollbackStepExecutor(PlannedRollbackStep step, Context context, QObject *parent)
    : QObject(parent)
    , m_step(std::move(step))
    , m_context(std::move(context))
{
}

RollbackStepExecutor::~RollbackStepExecutor()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        ::kill(-pid_t(m_process->processId()), SIGKILL);
        m_process->waitForFinished(2000);
    }
}

void RollbackStepExecutor::start()
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RollbackStepExecutor::onTimeout);
    const auto timeout = m_step.timeout.count() > 0
        ? std::chrono::duration_cast<std::chrono::milliseconds>(m_step.timeout)
        : m_context.timeout;
    m_context.timeout = timeout;
    m_timer->start(timeout);
    switch (m_step.kind) {
    case RollbackStepKind::Run:
        startProcess(m_step.argv.value(0), m_step.argv.mid(1));
        break;
    case RollbackStepKind::Shell:
        // The line as the policy wrote it: no value is ever pasted in; it reads "$RELEASE_REASON".
        startProcess(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m_step.shellCommand});
        break;
    case RollbackStepKind::Http:
        startHttp();
        break;
    case RollbackStepKind::Probe:
        startProbe();
        break;
    case RollbackStepKind::Manual:
        finish({RollbackStepState::Failed, {}, QStringLiteral("a manual step needs a person"), {}, false});
        break;
    }
}

void RollbackStepExecutor::cancel(const QString &why)
{
    if (m_done)
        return;
    m_cancelled = why;
    if (m_process && m_process->state() != QProcess::NotRunning)
        ::kill(-pid_t(m_process->processId()), SIGKILL);
    else if (m_reply)
        m_reply->abort();
    else
        finish({RollbackStepState::Failed, {}, why, {}, false});
}

void RollbackStepExecutor::startProcess(const QString &program, const QStringList &arguments)
{
    m_process = new QProcess(this);
    m_process->setWorkingDirectory(m_context.workDir);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardInputFile(QProcess::nullDevice());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = m_context.environment.cbegin(); it != m_context.environment.cend(); ++it)
        environment.insert(it.key(), it.value());
    m_process->setProcessEnvironment(environment);
    // Its own process group, so a timeout kills the step's children too (sh -c, a deploy script's
    // sleep), not just the direct child.
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(m_process, &QProcess::readyRead, this,
        [this] { feed(QString::fromUtf8(m_process->readAll()), false); });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        onProcessFinished(code, status == QProcess::CrashExit);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        feed(QStringLiteral("cannot start %1: %2\n").arg(m_process->program(), m_process->errorString()),
            true);
        finish({RollbackStepState::Failed, {},
            QStringLiteral("cannot start %1: %2").arg(m_process->program(), m_process->errorString()), {},
            false});
    });
    qCDebug(lcRollbackSteps) << "starting" << m_step.name << program;
    m_process->start(program, arguments);
}

void RollbackStepExecutor::onProcessFinished(int exitCode, bool crashed)
{
    feed(QString::fromUtf8(m_process->readAll()), true);
    RollbackStepOutcome outcome;
    if (m_timedOut) {
        outcome = {RollbackStepState::TimedOut, {},
            QStringLiteral("killed after %1 s (timeout)").arg(seconds(m_context.timeout)), {}, false};
    } else if (!m_cancelled.isEmpty()) {
        outcome = {RollbackStepState::Failed, {}, m_cancelled, {}, false};
    } else if (crashed) {
        outcome = {RollbackStepState::Failed, {}, QStringLiteral("killed by a signal"), {}, false};
    } else {
        outcome = {exitCode == 0 ? RollbackStepState::Succeeded : RollbackStepState::Failed, exitCode,
            QStringLiteral("exit %1").arg(exitCode), {}, false};
    }
    finish(outcome);
}

void RollbackStepExecutor::startHttp()
{
    const QUrl url(m_step.httpUrl);
    if (!m_context.network || !url.isValid() || url.scheme().isEmpty()) {
        finish({RollbackStepState::Failed, {},
            QStringLiteral("not an HTTP URL: %1").arg(redactSecrets(m_step.httpUrl)), {}, false});
        return;
    }
    QNetworkRequest request(url);
    for (auto it = m_step.httpHeaders.cbegin(); it != m_step.httpHeaders.cend(); ++it)
        request.setRawHeader(it.key().toUtf8(), it.value().toUtf8());
    feed(QStringLiteral("%1 %2\n").arg(m_step.httpMethod, m_step.httpUrl), false);
    m_reply = m_context.network->sendCustomRequest(
        request, m_step.httpMethod.toLatin1(), m_step.httpBody.toUtf8());
    connect(m_reply, &QNetworkReply::finished, this, &RollbackStepExecutor::onHttpFinished);
}

void RollbackStepExecutor::onHttpFinished()
{
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->read(4096);
    if (status > 0)
        feed(QStringLiteral("HTTP %1\n").arg(status), false);
    feed(QString::fromUtf8(body), true);
    RollbackStepOutcome outcome;
    if (m_timedOut)
        outcome = {RollbackStepState::TimedOut, {},
            QStringLiteral("no answer after %1 s (timeout)").arg(seconds(m_context.timeout)), {}, false};
    else if (!m_cancelled.isEmpty())
        outcome = {RollbackStepState::Failed, {}, m_cancelled, {}, false};
    else if (status == 0)
        outcome = {RollbackStepState::Failed, {}, redactSecrets(reply->errorString()), {}, false};
    else
        outcome = {status >= 400 ? RollbackStepState::Failed : RollbackStepState::Succeeded, status,
            QStringLiteral("HTTP %1").arg(status), {}, false};
    finish(outcome);
}

void RollbackStepExecutor::startProbe()
{
    const EnvironmentPolicy *env
        = m_context.policy ? m_context.policy->environment(m_step.probeEnvironment) : nullptr;
    if (!env || !m_context.probes) {
        finish({RollbackStepState::Failed, {},
            QStringLiteral("no environment %1 in the policy").arg(m_step.probeEnvironment), {}, false});
        return;
    }
    feed(QStringLiteral("probe %1 (%2)\n").arg(env->name, env->baseUrl), false);
    whenReady(this, m_context.probes->run(*env, m_context.probeOptions), [this](Result<ProbeReport> report) {
        if (m_done)
            return;
        if (!report) {
            feed(report.error().toString() + u'\n', true);
            finish({RollbackStepState::Failed, {}, report.error().toString(), {}, false});
            return;
        }
        const QByteArray json = QJsonDocument(report->toJson()).toJson(QJsonDocument::Indented);
        feed(report->summary() + u'\n' + QString::fromUtf8(json), true);
        finish({report->ok ? RollbackStepState::Succeeded : RollbackStepState::Failed, {}, report->summary(),
            json, report->ok});
    });
}

void RollbackStepExecutor::onTimeout()
{
    if (m_done)
        return;
    m_timedOut = true;
    if (m_process && m_process->state() != QProcess::NotRunning) {
        ::kill(-pid_t(m_process->processId()), SIGKILL);
    } else if (m_reply) {
        m_reply->abort();
    } else {
        // A probe has its own per-request timeout; past the step's, stop waiting for it.
        finish({RollbackStepState::TimedOut, {},
            QStringLiteral("no result after %1 s (timeout)").arg(seconds(m_context.timeout)), {}, false});
    }
}

void RollbackStepExecutor::feed(const QString &text, bool flush)
{
    m_partial += text;
    const qsizetype cut = flush ? m_partial.size() : m_partial.lastIndexOf(u'\n') + 1;
    // A line with no end in sight is let through anyway, so output never stalls for long.
    const qsizetype take = (cut == 0 && m_partial.size() > 8192) ? m_partial.size() : cut;
    if (take <= 0)
        return;
    const QString chunk = Redactor::redact(redactSecrets(m_partial.left(take)));
    m_partial.remove(0, take);
    if (!chunk.isEmpty())
        emit output(chunk);
}

void RollbackStepExecutor::finish(RollbackStepOutcome outcome)
{
    if (m_done)
        return;
    m_done = true;
    if (m_timer)
        m_timer->stop();
    feed({}, true);
    emit finished(outcome);
}

}  // namespace cockpit
