#pragma once
// Numbered schema migrations (resources/sql/<dialect>/NNN_name.sql), applied in order inside one
// transaction and recorded in schema_migrations, so a half-migrated database never exists.
#include "error.h"

#include <QDateTime>
#include <QList>
#include <QString>

class QSqlDatabase;

namespace cockpit {

struct SqlMigration {
    int version = 0;
    QString name;  // "row_versions" for 002_row_versions.sql
    QString path;  // resource path
};

class SqlMigrator {
public:
    // dialect: "sqlite" or "postgresql" (resources/sql/<dialect>/, same numbers in both).
    explicit SqlMigrator(QString dialect);

    [[nodiscard]] Result<QList<SqlMigration>> available() const;  // sorted by version
    [[nodiscard]] static Result<int> currentVersion(QSqlDatabase &db);  // 0: empty database

    // Applies every migration newer than the current version and not newer than upTo (< 0: all).
    // PostgreSQL: serialised by an advisory lock, run as the cockpit_owner role (which must exist
    // and be granted to the login) so that the tables belong to it and row-level security applies
    // to every login; an up-to-date database needs no such membership, and no write lock.
    // SQLite: also sets PRAGMA application_id (sqlite_file_check.h) in the same transaction.
    [[nodiscard]] Status migrate(QSqlDatabase &db, int upTo, const QDateTime &now) const;

    // Splits a migration script into statements at ';' outside '...' strings, "..." names and
    // $tag$...$tag$ bodies (PostgreSQL functions), dropping -- comments.
    static QStringList splitStatements(const QString &script);

    static constexpr auto kOwnerRole = "cockpit_owner";  // owns the tables (PostgreSQL)
    static constexpr auto kUserRole = "cockpit_user";  // every login is a member (PostgreSQL)

private:
    Status apply(QSqlDatabase &db, const SqlMigration &migration, const QDateTime &now) const;
    Status migratePending(
        QSqlDatabase &db, const QList<SqlMigration> &migrations, int upTo, const QDateTime &now) const;
    // True when the schema is older than target or a SQLite file lacks our application_id.
    Result<bool> needsWrite(QSqlDatabase &db, int target) const;
    Status becomeOwner(QSqlDatabase &db, int current, int target) const;
    [[nodiscard]] bool isPostgres() const { return m_dialect == u"postgresql"; }

    QString m_dialect;
};

}  // namespace cockpit
