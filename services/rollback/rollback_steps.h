#pragma once
// Runs one resolved rollback step that needs no person: a process by argv (never through a shell),
// an explicit `shell:` step as /bin/sh -c with its line verbatim (values only in RELEASE_*
// environment variables), an HTTP call, or a probe of an environment. Output is
// streamed line by line with secrets redacted; the timeout kills the process group. Used by
// RollbackService, which stores the outcome.
#include "policy.h"
#include "probe_runner.h"
#include "rollback.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QProcess;
class QTimer;

namespace cockpit {

struct RollbackStepOutcome {
    RollbackStepState state = RollbackStepState::Failed;
    std::optional<int> exitCode;  // process exit code, or HTTP status
    QString note;  // one line: "exit 3", "HTTP 503", "killed after 2 s (timeout)"
    QByteArray probeReport;  // Probe: the ProbeReport JSON (evidence)
    bool probeOk = false;
};

class RollbackStepExecutor : public QObject {
    Q_OBJECT
public:
    struct Context {
        QString workDir;  // the workspace root: where processes run
        std::chrono::milliseconds timeout {std::chrono::minutes(10)};
        const Policy *policy = nullptr;  // environments for probe steps
        ProbeOptions probeOptions;
        QNetworkAccessManager *network = nullptr;
        ProbeRunner *probes = nullptr;
        // Added to the inherited environment of run: and shell: processes (RELEASE_REASON, ...).
        QMap<QString, QString> environment;
    };

    RollbackStepExecutor(PlannedRollbackStep step, Context context, QObject *parent = nullptr);
    ~RollbackStepExecutor() override;

    void start();
    // Stops the step (kills the process group, aborts the request); it finishes Failed with why.
    void cancel(const QString &why);
    [[nodiscard]] const PlannedRollbackStep &step() const { return m_step; }

signals:
    void output(const QString &chunk);  // complete lines, redacted
    void finished(const cockpit::RollbackStepOutcome &outcome);

private:
    void startProcess(const QString &program, const QStringList &arguments);
    void onProcessFinished(int exitCode, bool crashed);
    void startHttp();
    void onHttpFinished();
    void startProbe();
    void onTimeout();
    void feed(const QString &text, bool flush);
    void finish(RollbackStepOutcome outcome);

    PlannedRollbackStep m_step;
    Context m_context;
    QProcess *m_process = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timer = nullptr;
    QString m_partial;  // the unfinished last line, held back until complete (redaction is per line)
    QString m_cancelled;  // why, once cancel() was called
    bool m_timedOut = false;
    bool m_done = false;
};

}  // namespace cockpit
