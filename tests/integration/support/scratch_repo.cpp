#include "scratch_repo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QUrl>

ScratchRepo::ScratchRepo(QString dir, bool bare)
    : m_dir(std::move(dir))
{
    QDir().mkpath(m_dir);
    QStringList args {
        QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("-b"), QStringLiteral("main")};
    if (bare)
        args << QStringLiteral("--bare");
    git(args);
}

QString ScratchRepo::url() const
{
    return QUrl::fromLocalFile(m_dir).toString();
}

QString ScratchRepo::git(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.setWorkingDirectory(m_dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString when = QStringLiteral("%1 +0000").arg(1704067200 + m_tick * 60);  // 2024-01-01T00:00Z
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Scratch Author"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("author@example.com"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Scratch Author"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("author@example.com"));
    env.insert(QStringLiteral("GIT_AUTHOR_DATE"), when);
    env.insert(QStringLiteral("GIT_COMMITTER_DATE"), when);
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_CONFIG_GLOBAL"), QStringLiteral("/dev/null"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("git"), args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error
            += QStringLiteral("git %1: %2\n")
                   .arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAllStandardError()).trimmed());
        return {};
    }
    QString out = QString::fromUtf8(p.readAllStandardOutput());
    if (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    return out;
}

QString ScratchRepo::commit(const QString &message, const QMap<QString, QByteArray> &files)
{
    ++m_tick;
    QMap<QString, QByteArray> all = files;
    if (all.isEmpty())  // every commit changes something, so `git commit` never refuses
        all.insert(QStringLiteral("file-%1.txt").arg(++m_files), message.toUtf8());
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        const QString path = QDir(m_dir).filePath(it.key());
        if (it.value().isNull()) {
            git({QStringLiteral("rm"), QStringLiteral("-q"), QStringLiteral("--"), it.key()});
            continue;
        }
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(it.value()) != it.value().size())
            m_error += QStringLiteral("cannot write %1\n").arg(path);
        f.close();
        git({QStringLiteral("add"), QStringLiteral("--"), it.key()});
    }
    git({QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-F"), QStringLiteral("-")},
        message.toUtf8());
    return head();
}

QString ScratchRepo::tag(const QString &name, const QString &ref)
{
    git({QStringLiteral("tag"), name, ref});
    return git({QStringLiteral("rev-parse"), name + QStringLiteral("^{commit}")});
}

QString ScratchRepo::annotatedTag(const QString &name, const QString &message, const QString &ref)
{
    ++m_tick;
    git({QStringLiteral("tag"), QStringLiteral("-a"), name, QStringLiteral("-F"), QStringLiteral("-"), ref},
        message.toUtf8());
    return git({QStringLiteral("rev-parse"), name + QStringLiteral("^{commit}")});
}

QString ScratchRepo::merge(const QString &branch, const QString &message)
{
    ++m_tick;
    git({QStringLiteral("merge"), QStringLiteral("-q"), QStringLiteral("--no-ff"), QStringLiteral("-m"),
        message, branch});
    return head();
}
