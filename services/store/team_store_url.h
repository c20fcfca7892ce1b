#pragma once
// A team-mode database URL, postgresql://user@host:port/database[?sslmode=...]: what the store
// connects to, the keychain entry its password lives under, and how it is shown (never with the
// password, even when one was typed into the URL).
#include "error.h"

#include <QList>
#include <QPair>
#include <QString>

namespace cockpit {

struct TeamStoreUrl {
    QString user;  // the database login; also the person id in team mode
    QString host;
    int port = 5432;
    QString database;
    QString password;  // only when the URL carried one; normally it comes from the keychain
    QList<QPair<QString, QString>> options;  // libpq keywords from the query (sslmode, ...)

    static bool isTeamUrl(const QString &url);  // postgresql:// or postgres://
    // Missing parts take libpq's defaults (user: $PGUSER or the OS user; host localhost; port
    // 5432; database: the user). Usage for a URL that is not PostgreSQL or cannot be parsed.
    static Result<TeamStoreUrl> parse(const QString &url);

    [[nodiscard]] QString keychainKey() const;  // "db:alice@db.example.com:5432/cockpit"
    [[nodiscard]] QString toString() const;  // the URL without password
    [[nodiscard]] QString displayName() const;  // "PostgreSQL alice@db.example.com:5432/cockpit"
    [[nodiscard]] QString connectOptions() const;  // for QSqlDatabase::setConnectOptions
};

}  // namespace cockpit
