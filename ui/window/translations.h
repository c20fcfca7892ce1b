#pragma once
// The user-interface catalogues: ours (release-cockpit_<lang>.qm, compiled in at ":/i18n") and
// Qt's own (qtbase_<lang>.qm from the system) for the locale, English when ours has no catalogue.
#include <QLocale>
#include <QStringList>

namespace cockpit {

inline constexpr char kTranslationsResourceDir[] = ":/i18n";

// Installs the translators on the application (which owns them); returns the catalogue files
// loaded, ours first. Call after the QCoreApplication exists and before widgets are built.
QStringList installTranslations(const QLocale &locale);

}  // namespace cockpit
