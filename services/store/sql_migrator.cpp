#include "sql_migrator.h"

#include "sqlite_file_check.h"

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

// Arbitrary but fixed: every cockpit serialises its migrations on the same advisory lock key.
constexpr qint64 kMigrationLock = 0x636f636b70697401;  // "cockpit\x01"

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
    QStringList statements;
    QString current;
    auto flush = [&] {
        if (!current.trimmed().isEmpty())
            statements.append(current.trimmed());
        current.clear();
    };
    static const QRegularExpression dollarTag(QStringLiteral("^\\$[A-Za-z_]*\\$"));
    qsizetype i = 0;
    while (i < script.size()) {
        const QChar c = script[i];
        if (c == u'-' && script.mid(i, 2) == u"--") {  // comment to the end of the line
            const qsizetype eol = script.indexOf(u'\n', i);
            i = eol < 0 ? script.size() : eol;
            continue;
        }
        if (c == u';') {
            flush();
            ++i;
            continue;
        }
        qsizetype end = i + 1;
        if (c == u'\'' || c == u'"') {  // a doubled quote inside is an escaped one: two spans
            const qsizetype close = script.indexOf(c, i + 1);
            end = close < 0 ? script.size() : close + 1;
        } else if (c == u'$') {
            const auto tag = dollarTag.match(QStringView(script).mid(i));
            if (tag.hasMatch()) {
                const qsizetype close = script.indexOf(tag.captured(), i + tag.capturedLength());
                end = close < 0 ? script.size() : close + tag.capturedLength();
            }
        }
        current += QStringView(script).mid(i, end - i);
        i = end;
    }
    flush();
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

Status SqlMigrator::becomeOwner(QSqlDatabase &db, int current, int target) const
{
    // Tables created by a login would belong to it, and row-level security never applies to a
    // table's owner: the schema is always created as the owner role.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM pg_roles WHERE rolname IN ('%1', '%2')) = 2 AND "
                               "pg_has_role(current_user, (SELECT oid FROM pg_roles WHERE rolname = '%1'), "
                               "'MEMBER') IS TRUE")
                    .arg(QLatin1String(kOwnerRole), QLatin1String(kUserRole)))
        || !q.next())
        return std::unexpected(
            sqlFailure(q.lastError(), QStringLiteral("cannot check roles"), db.databaseName()));
    if (!q.value(0).toBool())
        return fail(ErrorCode::Unavailable,
            QStringLiteral(
                "the database schema is at version %1 and this cockpit needs %2: open it once as a "
                "login that is a member of %3 (roles %3 and %4 must exist; see docs/team-mode.md)")
                .arg(current)
                .arg(target)
                .arg(QLatin1String(kOwnerRole), QLatin1String(kUserRole)),
            SourceLocation {db.databaseName()});
    return exec(db, QStringLiteral("SET LOCAL ROLE %1").arg(QLatin1String(kOwnerRole)), db.databaseName());
}

Status SqlMigrator::migratePending(
    QSqlDatabase &db, const QList<SqlMigration> &migrations, int upTo, const QDateTime &now) const
{
    const QString where = db.databaseName();
    const bool exists = db.tables().contains(QStringLiteral("schema_migrations"));
    const auto current = exists ? currentVersion(db) : Result<int>(0);
    if (!current)
        return std::unexpected(current.error());
    if (*current > migrations.size())
        return fail(ErrorCode::Unavailable,
            QStringLiteral("database schema version %1 is newer than this cockpit knows (%2)")
                .arg(*current)
                .arg(migrations.size()),
            SourceLocation {where});
    const int target = upTo < 0 ? int(migrations.size()) : std::min(upTo, int(migrations.size()));
    if (*current >= target)
        return {};
    if (isPostgres()) {
        if (auto ok = becomeOwner(db, *current, target); !ok)
            return ok;
    }
    // Created only when missing: on PostgreSQL even CREATE ... IF NOT EXISTS needs CREATE rights.
    if (!exists) {
        if (auto ok = exec(db,
                QStringLiteral("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
                               "NULL, applied_at TEXT NOT NULL)"),
                where);
            !ok)
            return ok;
    }
    for (const SqlMigration &migration : migrations) {
        if (migration.version <= *current || migration.version > target)
            continue;
        if (auto ok = apply(db, migration, now); !ok)
            return ok;
    }
    return {};
}

Result<bool> SqlMigrator::needsWrite(QSqlDatabase &db, int target) const
{
    const auto current = currentVersion(db);
    if (!current)
        return std::unexpected(current.error());
    if (*current < target)
        return true;
    if (isPostgres())
        return false;
    // A database made before the application id existed gets it with its next writer's open.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next())
        return std::unexpected(sqlFailure(q.lastError(), QStringLiteral("cannot read application_id"),
            db.databaseName()));
    return q.value(0).toInt() != kSqliteApplicationId;
}

Status SqlMigrator::migrate(QSqlDatabase &db, int upTo, const QDateTime &now) const
{
    auto migrations = available();
    if (!migrations)
        return std::unexpected(migrations.error());
    const QString where = db.databaseName();
    // Looked at before any lock: an up-to-date database is opened without a write transaction,
    // so a writer holding the file (a long tick, a migration elsewhere) blocks nobody's open.
    const int target = upTo < 0 ? int(migrations->size()) : std::min(upTo, int(migrations->size()));
    const auto write = needsWrite(db, target);
    if (!write)
        return std::unexpected(write.error());
    if (!*write)
        return migratePending(db, *migrations, upTo, now);  // only refuses a newer schema
    // Two cockpits opening the same new database must not both migrate it: SQLite takes the
    // write lock, PostgreSQL a transaction-scoped advisory lock (released at COMMIT); the version
    // is read again under it.
    if (auto ok = exec(db, isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"), where);
        !ok)
        return ok;
    Status result;
    if (isPostgres())
        result = exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLock), where);
    if (result)
        result = migratePending(db, *migrations, upTo, now);
    // In the same transaction as the tables: a file with our schema always carries our id.
    if (result && !isPostgres())
        result = exec(db, QStringLiteral("PRAGMA application_id = %1").arg(kSqliteApplicationId), where);
    if (auto ok = exec(db, result ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"), where);
        !ok && result)
        return ok;
    return result;
}

}  // namespace cockpit
