// The cockpit keeps its files where the XDG base directories say: the SQLite store under
// $XDG_DATA_HOME/ReleaseCockpit/release-cockpit, settings under $XDG_CONFIG_HOME, and nothing in
// $HOME's defaults when the variables point elsewhere.
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestXdgPaths : public QObject {
    Q_OBJECT
private slots:
    void storeAndSettingsFollowXdgVariables();
};

namespace {

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    return files;
}

}  // namespace

void TestXdgPaths::storeAndSettingsFollowXdgVariables()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString data = tmp.filePath(QStringLiteral("xdg-data"));
    const QString config = tmp.filePath(QStringLiteral("xdg-config"));
    const QString home = tmp.filePath(QStringLiteral("home"));
    const QString demo = tmp.filePath(QStringLiteral("demo"));
    QVERIFY(QDir().mkpath(home));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), data);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    env.insert(QStringLiteral("XDG_CACHE_HOME"), tmp.filePath(QStringLiteral("xdg-cache")));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), tmp.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    auto run = [&env](const QStringList &args) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(COCKPIT_BINARY), args);
        const bool finished = p.waitForFinished(120000);
        const QByteArray out = p.readAll();
        return std::pair {finished && p.exitCode() == 0, out};
    };
    auto [built, buildOut]
        = run({QStringLiteral("demo"), QStringLiteral("--dir"), demo, QStringLiteral("--no-open")});
    QVERIFY2(built, buildOut.constData());
    auto [listed, listOut]
        = run({QStringLiteral("release"), QStringLiteral("list"), QStringLiteral("--workspace"), demo});
    QVERIFY2(listed, listOut.constData());
    QVERIFY2(!listOut.trimmed().isEmpty(), "release list printed nothing for the demo");

    const QStringList stored = filesUnder(data);
    const QStringList stores = stored.filter(
        QRegularExpression(QStringLiteral("^ReleaseCockpit/release-cockpit/demo-[0-9a-f]+\\.sqlite$")));
    QVERIFY2(stores.size() == 1, qPrintable(stored.join(u',')));

    // The window records the workspace it opened in its settings.
    auto [shot, shotOut] = run({QStringLiteral("--workspace"), demo, QStringLiteral("--screenshot"),
        tmp.filePath(QStringLiteral("shot.png"))});
    QVERIFY2(shot, shotOut.constData());
    QVERIFY2(QFile::exists(config + QStringLiteral("/ReleaseCockpit/release-cockpit.conf")),
        qPrintable(filesUnder(config).join(u',')));
    // Nothing fell back to ~/.local/share or ~/.config.
    QVERIFY2(filesUnder(home).filter(QRegularExpression(QStringLiteral("^\\.(local|config)/"))).isEmpty(),
        qPrintable(filesUnder(home).join(u',')));
}

QTEST_MAIN(TestXdgPaths)
#include "tst_xdg_paths.moc"
