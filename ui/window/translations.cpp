#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcTranslations, "cockpit.ui.translations")

namespace cockpit {

QStringList installTranslations(const QLocale &locale)
{
    QStringList loaded;
    auto *ours = new QTranslator(QCoreApplication::instance());
    // QTranslator::load(locale, ...) tries each of the locale's UI languages (de_AT, de, ...);
    // the English catalogue carries the plural forms of the source strings.
    const QString dir = QString::fromLatin1(kTranslationsResourceDir);
    if (ours->load(locale, QStringLiteral("release-cockpit"), QStringLiteral("_"), dir)
        || ours->load(QStringLiteral("release-cockpit_en"), dir)) {
        QCoreApplication::installTranslator(ours);
        loaded << ours->filePath();
    } else {
        qCWarning(lcTranslations) << "no catalogue in" << dir;
        delete ours;
    }
    // Qt's own strings (standard buttons, context menus); absent for English, and when the
    // qt6-translations-l10n package is not installed.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        loaded << qt->filePath();
    } else {
        delete qt;
    }
    qCDebug(lcTranslations) << "catalogues for" << locale.name() << loaded;
    return loaded;
}

}  // namespace cockpit
