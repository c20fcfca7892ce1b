#pragma once
// Tells our SQLite databases from everyone else's before anything is written, so that a typo in
// --db or another application's file is refused untouched instead of gaining our tables and WAL.
#include "error.h"

#include <QtGlobal>

class QSqlDatabase;
class QSqlError;

namespace cockpit {

// PRAGMA application_id of every database we create ("RCkp"; docs/team-mode.md lists it). Signed
// because SQLite stores it as a signed 32-bit integer.
constexpr qint32 kSqliteApplicationId = 0x52436B70;

enum class SqliteFileKind {
    Empty,  // no tables and no application id: a new database, ours to create
    Ours,  // carries our application id
    OursUnmarked,  // made before the id existed: our schema_migrations table, id 0
};

// BadInput "not a Release Cockpit database: PATH WHY; it was left untouched ...".
Error notOurDatabase(const QString &path, const QString &why);
// SQLite's own word for a file that is not a database at all (SQLITE_NOTADB), on any statement.
bool isNotADatabase(const QSqlError &error);

// Reads only (the header and sqlite_master). BadInput "not a Release Cockpit database: ..." for
// anything else, naming what was found.
Result<SqliteFileKind> inspectSqliteFile(QSqlDatabase &db, const QString &path);

}  // namespace cockpit
