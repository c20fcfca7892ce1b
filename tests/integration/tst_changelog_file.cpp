// The changelog file service on a real file system: atomic writes, nothing written for no
// change, permissions kept, and a file changed on disk since it was read is never overwritten.
#include "changelog_cut.h"
#include "changelog_file.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

const QByteArray kText = "# Changelog\n\n## [Unreleased]\n\n### Added\n\n- a (#1)\n\n## [1.0.0] - "
                         "2024-01-01\n\n### Added\n\n- b\n";

}  // namespace

class TestChangelogFile : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;

private slots:
    void readParseWrite()
    {
        const QString path = m_tmp.filePath(QStringLiteral("a.md"));
        writeFile(path, kText);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
        auto file = ChangelogFile::read(path);
        QVERIFY(file);
        QVERIFY(file->exists());
        QCOMPARE(file->bytes(), kText);
        QCOMPARE(file->sha256(), QCryptographicHash::hash(kText, QCryptographicHash::Sha256).toHex());
        QVERIFY(file->parse()->unreleased());
        QVERIFY(!file->changedOnDisk());

        auto cut = cutRelease(
            file->bytes(), QStringLiteral("1.1.0"), QDate(2024, 2, 1), QStringLiteral("v{version}"));
        QVERIFY(cut);
        QVERIFY(file->write(*cut));
        QCOMPARE(readFile(path), *cut);
        QCOMPARE(file->bytes(), *cut);  // the object follows the file
        QCOMPARE(QFile::permissions(path) & 0x7077, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
        // A second write from the same object is fine: it read what it wrote.
        auto entry = insertUnreleasedEntry(file->bytes(), QStringLiteral("Fixed"), QStringLiteral("c"));
        QVERIFY(entry);
        QVERIFY(file->write(*entry));
        QCOMPARE(readFile(path), *entry);
    }

    void conflictWhenChangedOnDisk()
    {
        const QString path = m_tmp.filePath(QStringLiteral("b.md"));
        writeFile(path, kText);
        auto mine = ChangelogFile::read(path);
        QVERIFY(mine);
        // Someone else edits the file meanwhile (same size, so only the hash can tell).
        QByteArray theirs = kText;
        theirs.replace("- b", "- B");
        writeFile(path, theirs);
        QVERIFY(mine->changedOnDisk());
        const auto written = mine->write(kText + "- mine\n");
        QVERIFY(!written);
        QCOMPARE(written.error().code, ErrorCode::Conflict);
        QCOMPARE(readFile(path), theirs);  // theirs survives
        // Touching without changing is not a conflict.
        auto again = ChangelogFile::read(path);
        QVERIFY(again);
        writeFile(path, theirs);
        QVERIFY(!again->changedOnDisk());
        // Deleting is a change too.
        QVERIFY(QFile::remove(path));
        QCOMPARE(again->write(kText).error().code, ErrorCode::Conflict);
        QCOMPARE(readFile(path), QByteArray("<missing>"));
    }

    void missingFileAndNoOpWrite()
    {
        const QString path = m_tmp.filePath(QStringLiteral("new/CHANGELOG.md"));
        QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("new"))));
        auto file = ChangelogFile::read(path);
        QVERIFY(file);
        QVERIFY(!file->exists());
        QVERIFY(file->bytes().isEmpty());
        QVERIFY(file->write(kText));
        QCOMPARE(readFile(path), kText);
        const QDateTime before = QFileInfo(path).lastModified();
        QVERIFY(file->write(kText));  // identical bytes: nothing is written
        QCOMPARE(QFileInfo(path).lastModified(), before);
        // A file created by someone else after we saw none is a conflict.
        auto none = ChangelogFile::read(m_tmp.filePath(QStringLiteral("new/OTHER.md")));
        QVERIFY(none);
        writeFile(m_tmp.filePath(QStringLiteral("new/OTHER.md")), "theirs\n");
        QCOMPARE(none->write(kText).error().code, ErrorCode::Conflict);
    }
};

QTEST_GUILESS_MAIN(TestChangelogFile)
#include "tst_changelog_file.moc"
