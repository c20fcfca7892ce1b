#include "library_versions.h"

#include <archive.h>
#include <cmark-gfm.h>
#include <git2/common.h>
#include <sqlite3.h>

#include <QtGlobal>

namespace cockpit {
namespace {

// yaml-cpp and QtKeychain have no runtime version API (QtKeychain's QTKEYCHAIN_VERSION macro is
// stale at 0x000100), so the build may pass the packaged versions in; the fallbacks are
// Debian bookworm's.
#ifdef COCKPIT_YAMLCPP_VERSION
constexpr const char *kYamlCppVersion = COCKPIT_YAMLCPP_VERSION;
#else
constexpr const char *kYamlCppVersion = "0.7";
#endif
#ifdef COCKPIT_QTKEYCHAIN_VERSION
constexpr const char *kQtKeychainVersion = COCKPIT_QTKEYCHAIN_VERSION;
#else
constexpr const char *kQtKeychainVersion = "0.13";
#endif

QString libgit2Version()
{
    int major = 0;
    int minor = 0;
    int rev = 0;
    if (git_libgit2_version(&major, &minor, &rev) != 0)
        return QStringLiteral("unknown");
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(rev);
}

// "libarchive 3.6.2" -> "3.6.2"
QString libarchiveVersion()
{
    QString text = QString::fromLatin1(archive_version_string());
    const qsizetype space = text.lastIndexOf(QLatin1Char(' '));
    return space >= 0 ? text.mid(space + 1) : text;
}

}  // namespace

QList<LibraryVersion> libraryVersions()
{
    // SQLite is reached through Qt's driver plugin, which links the system library; the header
    // version is the packaged one (services do not link libsqlite3 directly).
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("libgit2"), libgit2Version()},
        {QStringLiteral("SQLite"), QString::fromLatin1(SQLITE_VERSION)},
        {QStringLiteral("yaml-cpp"), QString::fromLatin1(kYamlCppVersion)},
        {QStringLiteral("cmark-gfm"), QString::fromLatin1(cmark_version_string())},
        {QStringLiteral("QtKeychain"), QString::fromLatin1(kQtKeychainVersion)},
        {QStringLiteral("libarchive"), libarchiveVersion()},
    };
}

}  // namespace cockpit
