#pragma once
// A real PostgreSQL for team-mode tests and benchmarks: tests/fixtures/postgres_fixture.sh run
// with an argv list (never a shell string), stopped by the destructor. Roles and passwords are
// the script's: cockpit_admin (migrates), alice and bob (logins in cockpit_user).
#include <QDir>
#include <QProcess>
#include <QString>

namespace cockpit::test {

class PostgresFixture {
public:
    PostgresFixture() = default;
    PostgresFixture(const PostgresFixture &) = delete;
    PostgresFixture &operator=(const PostgresFixture &) = delete;
    ~PostgresFixture() { stop(); }

    // Empty on success, else what went wrong (a missing PostgreSQL says which package).
    QString start()
    {
        QString out;
        if (QString why = run({QStringLiteral("start")}, &out); !why.isEmpty())
            return why;
        const QStringList words = out.trimmed().split(u' ');
        if (words.size() != 3 || words[0] != u"ready")
            return QStringLiteral("unexpected fixture output: ") + out;
        m_port = words[1].toInt();
        m_dir = words[2];
        return {};
    }
    QString pause() { return run({QStringLiteral("pause"), m_dir}); }
    QString resume() { return run({QStringLiteral("resume"), m_dir}); }
    void stop()
    {
        if (!m_dir.isEmpty())
            run({QStringLiteral("stop"), m_dir});
        m_dir.clear();
    }

    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] QString dataDir() const { return m_dir + QStringLiteral("/data"); }
    static QString password(const QString &login)
    {
        return login == u"cockpit_admin" ? QStringLiteral("admin-pw") : login + QStringLiteral("-pw");
    }
    // With the password in the URL (tests that are not about the keychain), or without it.
    [[nodiscard]] QString url(const QString &login, bool withPassword = true) const
    {
        return QStringLiteral("postgresql://%1%2@127.0.0.1:%3/cockpit")
            .arg(login, withPassword ? u':' + password(login) : QString())
            .arg(m_port);
    }

private:
    static QString script()
    {
        return QStringLiteral(COCKPIT_SOURCE_DIR "/tests/fixtures/postgres_fixture.sh");
    }
    static QString run(const QStringList &args, QString *out = nullptr)
    {
        QProcess p;
        p.start(script(), args);
        if (!p.waitForStarted(10000) || !p.waitForFinished(120000))
            return QStringLiteral("cannot run %1: %2").arg(script(), p.errorString());
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput());
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return QStringLiteral("%1 %2 failed (exit %3): %4")
                .arg(script(), args.join(u' '))
                .arg(p.exitCode())
                .arg(QString::fromUtf8(p.readAllStandardError()).trimmed());
        return {};
    }

    int m_port = 0;
    QString m_dir;
};

}  // namespace cockpit::test
