#include "gate_runner.h"

#include <QFile>
#include <QHostInfo>
#include <QLoggingCategory>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <optional>
#include <vector>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcGateRunner, "cockpit.services.gate")

namespace cockpit {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// The margin past a running row's timeout after which its cockpit is presumed gone.
constexpr milliseconds kInterruptMargin = std::chrono::seconds(60);

QString secondsText(milliseconds ms)
{
    return QString::number(double(ms.count()) / 1000.0, 'g', 4);
}

// Keeps the last `cap` bytes of everything appended, in bounded memory.
class Tail {
public:
    explicit Tail(qsizetype cap)
        : m_cap(std::max<qsizetype>(cap, 1))
    {
    }
    void append(const char *data, qsizetype size)
    {
        m_total += size;
        if (size >= m_cap) {
            m_buf = QByteArray(data + size - m_cap, m_cap);
            return;
        }
        m_buf.append(data, size);
        if (m_buf.size() > 2 * m_cap)  // trim in batches: one move per m_cap bytes read
            m_buf.remove(0, m_buf.size() - m_cap);
    }
    [[nodiscard]] QByteArray bytes() const { return m_buf.right(m_cap); }
    [[nodiscard]] qint64 total() const { return m_total; }

private:
    qsizetype m_cap;
    QByteArray m_buf;
    qint64 m_total = 0;
};

struct Pipe {
    int fd[2] {-1, -1};
    ~Pipe()
    {
        for (int f : fd)
            if (f >= 0)
                ::close(f);
    }
    void closeEnd(int i)
    {
        if (fd[i] >= 0)
            ::close(fd[i]);
        fd[i] = -1;
    }
};

QString exitNote(int code)
{
    if (code == 127)
        return QStringLiteral("exit 127: command not found");
    if (code == 126)
        return QStringLiteral("exit 126: not executable");
    return QStringLiteral("exit %1").arg(code);
}

// Starts the process in its own session (so its process group is its pid) with stdout and stderr
// on the pipe and stdin from /dev/null; returns the pid or -errno.
pid_t spawn(const GateProcessSpec &spec, int outFd)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, outFd, 1);
    posix_spawn_file_actions_adddup2(&actions, outFd, 2);
    const QByteArray dir = QFile::encodeName(spec.workDir);
    if (!dir.isEmpty())
        posix_spawn_file_actions_addchdir_np(&actions, dir.constData());
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int s : {SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM})
        sigaddset(&defaults, s);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

    QList<QByteArray> args {QFile::encodeName(spec.program)};
    for (const QString &a : spec.arguments)
        args << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    QList<QByteArray> env;
    for (const QString &e : gateEnvironment(spec.environment))
        env << e.toLocal8Bit();
    std::vector<char *> envp;
    for (QByteArray &e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = -1;
    const int rc = spec.program.contains(u'/')
        ? posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data())
        : posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -rc;
}

}  // namespace

QStringList gateEnvironment(const QMap<QString, QString> &extra)
{
    const auto from = [](const char *name, const QString &fallback) {
        const QString v = qEnvironmentVariable(name);
        return v.isEmpty() ? fallback : v;
    };
    QMap<QString, QString> env {
        {QStringLiteral("PATH"), from("PATH", QStringLiteral("/usr/local/bin:/usr/bin:/bin"))},
        {QStringLiteral("HOME"), from("HOME", QStringLiteral("/"))},
        {QStringLiteral("LANG"), from("LANG", QStringLiteral("C.UTF-8"))},
    };
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        env.insert(it.key(), it.value());
    QStringList out;
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        out << it.key() + u'=' + it.value();
    return out;
}

GateProcessOutcome runGateProcess(const GateProcessSpec &spec, std::stop_token stop, const GateOutputFn &output)
{
    GateProcessOutcome outcome;
    const auto started = Clock::now();
    const auto elapsed = [&] {
        return std::chrono::duration_cast<milliseconds>(Clock::now() - started).count();
    };
    Pipe pipe;
    if (::pipe2(pipe.fd, O_CLOEXEC) != 0) {
        outcome.note = QStringLiteral("cannot start %1: %2").arg(spec.program, QString::fromLocal8Bit(strerror(errno)));
        return outcome;
    }
    const pid_t pid = spawn(spec, pipe.fd[1]);
    pipe.closeEnd(1);
    if (pid < 0) {
        const int err = -pid;
        outcome.exitCode = err == ENOENT ? 127 : err == EACCES ? 126 : -1;
        outcome.note = err == ENOENT ? QStringLiteral("exit 127: command not found: %1").arg(spec.program)
            : err == EACCES          ? QStringLiteral("exit 126: not executable: %1").arg(spec.program)
                                     : QStringLiteral("cannot start %1: %2")
                                  .arg(spec.program, QString::fromLocal8Bit(strerror(err)));
        outcome.tail = outcome.note.toUtf8() + '\n';
        outcome.durationMs = elapsed();
        return outcome;
    }
    outcome.started = true;
    // Readable when the process exits: one poll waits for output and exit alike (-1: polled).
    // (the syscall: bookworm's <sys/pidfd.h> lacks extern "C" for C++)
    const int pidFd = int(::syscall(SYS_pidfd_open, pid, 0));
    Tail tail(spec.tailBytes);
    const auto deadline = started + spec.timeout;
    std::optional<Clock::time_point> killAt;  // set once SIGTERM went to the group
    bool eof = false;
    bool exited = false;
    char buffer[65536];
    while (!eof || !exited) {
        if (!exited) {
            // Noticed without reaping: the zombie keeps the group id ours until the group is killed.
            siginfo_t info {};
            if (::waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid) {
                exited = true;
                ::kill(-pid, SIGKILL);  // what it left behind in its group goes with it
            }
        }
        const auto now = Clock::now();
        if (!killAt && !exited && (now >= deadline || stop.stop_requested())) {
            (now >= deadline ? outcome.timedOut : outcome.cancelled) = true;
            ::kill(-pid, SIGTERM);
            killAt = now + spec.grace;
        } else if (killAt && !exited && now >= *killAt) {
            ::kill(-pid, SIGKILL);
        }
        if (eof && exited)
            break;
        pollfd fds[2] {{eof ? -1 : pipe.fd[0], POLLIN, 0}, {exited ? -1 : pidFd, POLLIN, 0}};
        const int wait = exited ? 200 : (pidFd < 0 && eof) ? 5 : 50;
        const int ready = ::poll(fds, 2, wait);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0 && exited)
            eof = true;  // a straggler still holds the pipe: it was killed, stop waiting for it
        if (eof || !(fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        const ssize_t n = ::read(pipe.fd[0], buffer, sizeof buffer);
        if (n > 0) {
            tail.append(buffer, n);
            if (output)
                output(QByteArray::fromRawData(buffer, n));
        } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
            eof = true;
        }
    }
    if (pidFd >= 0)
        ::close(pidFd);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    outcome.durationMs = elapsed();
    outcome.tail = tail.bytes();
    outcome.outputBytes = tail.total();
    if (WIFEXITED(status))
        outcome.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        outcome.signal = WTERMSIG(status);
    if (outcome.timedOut) {
        outcome.exitCode = -1;
        outcome.note = QStringLiteral("timed out after %1 s").arg(secondsText(spec.timeout));
    } else if (outcome.cancelled) {
        outcome.exitCode = -1;
        outcome.note = QStringLiteral("cancelled");
    } else if (outcome.signal) {
        outcome.note = QStringLiteral("killed by signal %1").arg(outcome.signal);
    } else {
        outcome.note = exitNote(outcome.exitCode);
    }
    qCDebug(lcGateRunner) << spec.program << outcome.note << outcome.durationMs << "ms";
    return outcome;
}

QString gateRunnerId()
{
    return QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(::getpid());
}

bool gateRunnerGone(const GateResult &running, const QDateTime &now)
{
    const qint64 allowed = (running.timeoutMs > 0 ? running.timeoutMs : 600000) + kInterruptMargin.count();
    if (running.ranAt.isValid() && running.ranAt.msecsTo(now) > allowed)
        return true;
    const QString host = running.runner.section(u':', 0, -2);
    bool ok = false;
    const qint64 pid = running.runner.section(u':', -1).toLongLong(&ok);
    if (!ok || pid <= 0 || host != QHostInfo::localHostName())
        return false;  // another host's cockpit: only the time tells
    if (pid == ::getpid())
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

GateResult withInterruption(GateResult result, const QDateTime &now)
{
    if (result.status != GateStatus::Running || !gateRunnerGone(result, now))
        return result;
    result.status = GateStatus::Interrupted;
    result.note = QStringLiteral("interrupted: the cockpit running it (%1, %2) stopped before it finished; "
                                 "run the gate again")
                      .arg(result.ranBy, result.runner);
    return result;
}

}  // namespace cockpit
