#include "sqlite_file_check.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace cockpit {

Error notOurDatabase(const QString &path, const QString &why)
{
    return Error {ErrorCode::BadInput,
        QStringLiteral("not a Release Cockpit database: %1 %2; it was left untouched (choose another file "
                       "with --db)")
            .arg(path, why),
        SourceLocation {path}};
}

bool isNotADatabase(const QSqlError &error)
{
    return error.nativeErrorCode() == u"26";
}

Result<SqliteFileKind> inspectSqliteFile(QSqlDatabase &db, const QString &path)
{
    QSqlQuery q(db);
    // The first read of the file: a file that is not SQLite at all fails here ("file is not a
    // database"), a locked one after the busy timeout.
    if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next()) {
        const QSqlError error = q.lastError();
        if (isNotADatabase(error))
            return std::unexpected(notOurDatabase(path, QStringLiteral("is not a SQLite database")));
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot read %1: %2").arg(path, error.text()),
            SourceLocation {path});
    }
    const qint32 id = q.value(0).toInt();
    if (id == kSqliteApplicationId)
        return SqliteFileKind::Ours;
    if (id != 0)
        return std::unexpected(notOurDatabase(path,
            QStringLiteral("belongs to another application (application_id 0x%1)")
                .arg(quint32(id), 8, 16, QLatin1Char('0'))));
    QStringList tables;
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")))
        return fail(ErrorCode::Unavailable, QStringLiteral("cannot read %1: %2").arg(path, q.lastError().text()),
            SourceLocation {path});
    while (q.next())
        tables << q.value(0).toString();
    if (tables.isEmpty()) {
        // Views, indexes or triggers without a table are still someone's schema.
        if (q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && q.next() && q.value(0).toInt() > 0)
            return std::unexpected(notOurDatabase(path, QStringLiteral("has a schema of its own")));
        return SqliteFileKind::Empty;
    }
    // Other tools have a schema_migrations table too (Rails: one "version" column); ours records
    // each migration's name and time.
    if (tables.contains(QStringLiteral("schema_migrations"))
        && q.exec(QStringLiteral("SELECT version, name, applied_at FROM schema_migrations LIMIT 0")))
        return SqliteFileKind::OursUnmarked;
    const QString shown = tables.size() > 5 ? QStringList(tables.mid(0, 5)).join(u", ") + QStringLiteral(", ...")
                                            : tables.join(u", ");
    return std::unexpected(notOurDatabase(path, QStringLiteral("has tables of another application (%1)").arg(shown)));
}

}  // namespace cockpit
