#include "sql_migrator.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

Q_LOGGING_CATEGORY(lcMigrator, "cockpit.services.migrations")

namespace cockpit {

namespace {

Error sqlFailure(const QSqlError &error, const QString &what, const QString &where)
{
    return Error {
        ErrorCode::Unavailable, QStringLiteral("%1: %2").arg(what, error.text()), SourceLocation {where}};
}

Status exec(QSqlDatabase &db, const QString &sql, const QString &where)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return std::unexpected(sqlFailure(query.lastError(), QStringLiteral("migration failed"), where));
    return {};
}

}  // namespace

SqlMigrator::SqlMigrator(QString dialect)
    : m_dialect(std::move(dialect))
{
}

Result<QList<SqlMigration>> SqlMigrator::available() const
{
    const QString dir = QStringLiteral(":/sql/%1").arg(m_dialect);
    static const QRegularExpression pattern(QStringLiteral("^(\\d{3})_(\\w+)\\.sql$"));
    QList<SqlMigration> found;
    for (const QString &file : QDir(dir).entryList(QDir::Files, QDir::Name)) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        found.append({match.captured(1).toInt(), match.captured(2), dir + u'/' + file});
    }
    if (found.isEmpty())
        return fail(ErrorCode::Internal, QStringLiteral("no %1 migrations compiled in").arg(m_dialect),
            SourceLocation {dir});
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.version < b.version; });
    for (qsizetype i = 0; i < found.size(); ++i) {
        // A gap or a duplicate would make "version N" ambiguous between databases.
        if (found[i].version != i + 1)
            return fail(
                ErrorCode::Internal, QStringLiteral("migration numbering broken at %1").arg(found[i].path));
    }
    return found;
}

Result<int> SqlMigrator::currentVersion(QSqlDatabase &db)
{
    if (!db.tables().contains(QStringLiteral("schema_migrations")))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))
        || !query.next())
        return std::unexpected(
            sqlFailure(query.lastError(), QStringLiteral("cannot read schema version"), db.databaseName()));
    return query.value(0).toInt();
}

QStringList SqlMigrator::splitStatements(const QString &script)
{
    QString code;
    for (const QString &line : script.split(u'\n')) {
        const qsizetype comment = line.indexOf(QStringLiteral("--"));
        code += (comment < 0 ? line : line.left(comment)) + u'\n';
    }
    QStringList statements;
    for (const QString &part : code.split(u';')) {
        if (!part.trimmed().isEmpty())
            statements.append(part.trimmed());
    }
    return statements;
}

Status SqlMigrator::apply(QSqlDatabase &db, const SqlMigration &migration, const QDateTime &now) const
{
    QFile file(migration.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(
            ErrorCode::Internal, QStringLiteral("cannot read migration"), SourceLocation {migration.path});
    for (const QString &statement : splitStatements(QString::fromUtf8(file.readAll()))) {
        if (auto ok = exec(db, statement, migration.path); !ok)
            return ok;
    }
    QSqlQuery record(db);
    record.prepare(
        QStringLiteral("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"));
    record.addBindValue(migration.version);
    record.addBindValue(migration.name);
    record.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    if (!record.exec())
        return std::unexpected(
            sqlFailure(record.lastError(), QStringLiteral("cannot record migration"), migration.path));
    qCInfo(lcMigrator) << "applied migration" << migration.version << migration.name;
    return {};
}

Status SqlMigrator::migrate(QSqlDatabase &db, int upTo, const QDateTime &now) const
{
    auto migrations = available();
    if (!migrations)
        return std::unexpected(migrations.error());
    const QString where = db.databaseName();
    // IMMEDIATE: two cockpits opening the same new file must not both try to migrate it.
    if (auto ok = exec(db, QStringLiteral("BEGIN IMMEDIATE"), where); !ok)
        return ok;
    auto run = [&]() -> Status {
        if (auto ok = exec(db,
                QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                               "PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"),
                where);
            !ok)
            return ok;
        const auto current = currentVersion(db);
        if (!current)
            return std::unexpected(current.error());
        if (*current > migrations->size())
            return fail(ErrorCode::Unavailable,
                QStringLiteral("database schema version %1 is newer than this cockpit knows (%2)")
                    .arg(*current)
                    .arg(migrations->size()),
                SourceLocation {where});
        for (const SqlMigration &migration : *migrations) {
            if (migration.version <= *current || (upTo >= 0 && migration.version > upTo))
                continue;
            if (auto ok = apply(db, migration, now); !ok)
                return ok;
        }
        return {};
    };
    const Status result = run();
    if (auto ok = exec(db, result ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"), where);
        !ok && result)
        return ok;
    return result;
}

}  // namespace cockpit
