#pragma once
// Versions of the libraries the cockpit runs on, for the About dialog and bug reports. Runtime
// versions where the library has an API for it, build-time versions otherwise (said so in the text).
#include <QList>
#include <QString>

namespace cockpit {

struct LibraryVersion {
    QString name;  // "libgit2"
    QString version;  // "1.5.1"
};

// Qt, libgit2, SQLite, yaml-cpp, cmark-gfm, QtKeychain, libarchive, in that order.
QList<LibraryVersion> libraryVersions();

}  // namespace cockpit
