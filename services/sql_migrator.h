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
    // dialect: "sqlite" (a later "postgresql" adds its own folder).
    explicit SqlMigrator(QString dialect);

    [[nodiscard]] Result<QList<SqlMigration>> available() const;  // sorted by version
    [[nodiscard]] static Result<int> currentVersion(QSqlDatabase &db);  // 0: empty database

    // Applies every migration newer than the current version and not newer than upTo (< 0: all).
    [[nodiscard]] Status migrate(QSqlDatabase &db, int upTo, const QDateTime &now) const;

    // Splits a migration script into statements (our scripts hold no triggers or ';' in strings).
    static QStringList splitStatements(const QString &script);

private:
    Status apply(QSqlDatabase &db, const SqlMigration &migration, const QDateTime &now) const;

    QString m_dialect;
};

}  // namespace cockpit
