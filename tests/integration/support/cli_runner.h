#pragma once
// Runs the release-cockpit executable as a user would (argv, no shell) in a scratch XDG data dir.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

CliRun runCockpit(const QStringList &args, const QString &dataHome, const QString &workingDir = {});
