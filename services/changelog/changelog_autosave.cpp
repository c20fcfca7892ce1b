#include "changelog_autosave.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace cockpit::changelog_autosave {

QString directory()
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/release-cockpit/autosave");
}

QString fileFor(const QString &changelogPath)
{
    const QByteArray key
        = QCryptographicHash::hash(QDir::cleanPath(changelogPath).toUtf8(), QCryptographicHash::Sha256)
              .toHex()
              .left(24);
    return directory() + QStringLiteral("/changelog-") + QString::fromLatin1(key) + QStringLiteral(".json");
}

Status write(const ChangelogAutosave &autosave)
{
    if (!QDir().mkpath(directory()))
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot create the autosave directory"),
            SourceLocation {directory()});
    QFile::setPermissions(directory(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QJsonObject object {
        {QStringLiteral("path"), QDir::cleanPath(autosave.path)},
        {QStringLiteral("saved_at"), autosave.savedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("base_sha256"), QString::fromLatin1(autosave.baseSha256)},
        {QStringLiteral("text"), QString::fromUtf8(autosave.text)},
    };
    const QString target = fileFor(autosave.path);
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorCode::Unavailable,
            QStringLiteral("cannot write the autosave: %1").arg(file.errorString()), SourceLocation {target});
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return fail(ErrorCode::Unavailable,
            QStringLiteral("cannot write the autosave: %1").arg(file.errorString()), SourceLocation {target});
    return {};
}

Result<std::optional<ChangelogAutosave>> read(const QString &changelogPath)
{
    const QString source = fileFor(changelogPath);
    QFile file(source);
    if (!file.exists())
        return std::optional<ChangelogAutosave> {};
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Unavailable,
            QStringLiteral("cannot read the autosave: %1").arg(file.errorString()), SourceLocation {source});
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    const QJsonObject object = document.object();
    if (error.error != QJsonParseError::NoError || !object.value(QStringLiteral("text")).isString())
        return fail(ErrorCode::BadInput,
            QStringLiteral("the autosave is not readable: %1").arg(error.errorString()),
            SourceLocation {source});
    if (object.value(QStringLiteral("path")).toString() != QDir::cleanPath(changelogPath))
        return std::optional<ChangelogAutosave> {};  // a hash collision: not this file's
    ChangelogAutosave autosave;
    autosave.path = QDir::cleanPath(changelogPath);
    autosave.text = object.value(QStringLiteral("text")).toString().toUtf8();
    autosave.baseSha256 = object.value(QStringLiteral("base_sha256")).toString().toLatin1();
    autosave.savedAt
        = QDateTime::fromString(object.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
    return std::optional<ChangelogAutosave> {std::move(autosave)};
}

Status remove(const QString &changelogPath)
{
    QFile file(fileFor(changelogPath));
    if (file.exists() && !file.remove())
        return fail(ErrorCode::Unavailable,
            QStringLiteral("cannot remove the autosave: %1").arg(file.errorString()),
            SourceLocation {file.fileName()});
    return {};
}

}  // namespace cockpit::changelog_autosave
