#pragma once
// A real git repository in a directory, built with the git CLI (argv, no shell) under a fixed
// identity and a clock that advances one minute per commit, so histories are reproducible.
#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

class ScratchRepo {
public:
    // Creates the directory and runs `git init` there (bare: a remote to push to).
    explicit ScratchRepo(QString dir, bool bare = false);

    [[nodiscard]] QString dir() const { return m_dir; }
    [[nodiscard]] QString url() const;  // file:// URL of the directory
    [[nodiscard]] bool ok() const { return m_error.isEmpty(); }  // every git call so far succeeded
    [[nodiscard]] QString error() const { return m_error; }

    // Runs git in the repository; returns stdout without the final newline ("" on failure,
    // recorded in error()).
    QString git(const QStringList &args, const QByteArray &input = {});
    // Writes the files (path -> content; an empty QByteArray() deletes), commits, returns the SHA.
    QString commit(const QString &message, const QMap<QString, QByteArray> &files = {});
    QString merge(const QString &branch, const QString &message);  // --no-ff into the current branch
    QString tag(const QString &name, const QString &ref = QStringLiteral("HEAD"));  // lightweight
    QString annotatedTag(
        const QString &name, const QString &message, const QString &ref = QStringLiteral("HEAD"));
    QString head() { return git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")}); }

private:
    QString m_dir;
    QString m_error;
    int m_tick = 0;  // minutes since the scratch epoch
    int m_files = 0;
};
