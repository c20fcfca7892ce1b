// The English catalogue: compiled in, loaded for any locale without its own, resolving plural
// forms, and in step with the sources (lupdate finds nothing new and nothing vanished).
#include "translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace cockpit;

namespace {

const QString kCatalogue = QStringLiteral(COCKPIT_SOURCE_DIR "/translations/release-cockpit_en.ts");

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void englishCatalogueResolvesPlurals();
    void unknownLocaleFallsBackToEnglish();
    void catalogueMatchesTheSources();
};

void TestTranslations::englishCatalogueResolvesPlurals()
{
    const QStringList loaded = installTranslations(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QVERIFY(!loaded.isEmpty());
    QVERIFY2(
        loaded.first().startsWith(QLatin1String(":/i18n/release-cockpit_en")), qPrintable(loaded.join(',')));
    QCOMPARE(QCoreApplication::translate("cockpit::ReleaseHeader", "%n failed", nullptr, 1),
        QStringLiteral("1 failed"));
    QCOMPARE(QCoreApplication::translate("cockpit::ReleaseHeader", "%n failed", nullptr, 2),
        QStringLiteral("2 failed"));
    // "(s)" sources read as English through the catalogue, not as written in the code.
    QCOMPARE(QCoreApplication::translate("cockpit::ChangelogTab", "%n uncovered commit(s)", nullptr, 1),
        QStringLiteral("1 uncovered commit"));
    QCOMPARE(QCoreApplication::translate("cockpit::ChangelogTab", "%n uncovered commit(s)", nullptr, 3),
        QStringLiteral("3 uncovered commits"));
    QCOMPARE(QCoreApplication::translate("cockpit::DiffView", "%1 → %2: %n line(s) added", nullptr, 1),
        QStringLiteral("%1 → %2: 1 line added"));
}

void TestTranslations::unknownLocaleFallsBackToEnglish()
{
    const QStringList loaded = installTranslations(QLocale(QStringLiteral("sw_KE")));
    QVERIFY(!loaded.isEmpty());
    QVERIFY2(loaded.first().endsWith(QLatin1String("release-cockpit_en.qm")), qPrintable(loaded.join(',')));
}

// Runs lupdate over the sources into a copy of the committed catalogue: a string added to the
// code shows up as a new message, a string removed as a vanished one. Either means the catalogue
// needs `cmake --build <dir> --target update_translations`.
void TestTranslations::catalogueMatchesTheSources()
{
    const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate");
    QVERIFY2(QFile::exists(lupdate), qPrintable(lupdate + QStringLiteral(" is missing (qt6-l10n-tools)")));
    const QString committed = readAll(kCatalogue);
    QVERIFY2(!committed.isEmpty(), qPrintable(kCatalogue));
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("release-cockpit_en.ts"));
    QVERIFY(QFile::copy(kCatalogue, copy));
    const QString root = QStringLiteral(COCKPIT_SOURCE_DIR);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate,
        {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
            QStringLiteral("-no-ui-lines"), QStringLiteral("-extensions"), QStringLiteral("cpp,h"),
            QStringLiteral("-source-language"), QStringLiteral("en"), QStringLiteral("-target-language"),
            QStringLiteral("en"), root + "/models", root + "/services", root + "/ui", root + "/app",
            QStringLiteral("-ts"), copy});
    QVERIFY(process.waitForFinished(120000));
    QVERIFY2(process.exitCode() == 0, process.readAll().constData());
    const QString updated = readAll(copy);
    const QRegularExpression message(QStringLiteral("<message[ >]"));
    QCOMPARE(updated.count(message), committed.count(message));
    QCOMPARE(updated.count(QStringLiteral("type=\"vanished\"")), 0);
    QCOMPARE(updated.count(QStringLiteral("type=\"obsolete\"")), 0);
    // Every plural message has its English forms written out.
    QCOMPARE(committed.count(QStringLiteral("<numerusform></numerusform>")), 0);
    QCOMPARE(committed.count(QStringLiteral("<numerusform />")), 0);
    QVERIFY(committed.count(QStringLiteral("numerus=\"yes\"")) >= 10);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
