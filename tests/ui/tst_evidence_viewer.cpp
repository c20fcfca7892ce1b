// The evidence viewer offscreen: a pack exported from the demo (through the window's export
// action, off the GUI thread) opens read-only in its own window with charts, checklist and
// approvals; a tampered pack shows the mismatch banner naming the member; an unreadable file says so.
#include "demo_builder.h"
#include "error_banner.h"
#include "evidence_actions.h"
#include "evidence_viewer.h"
#include "session.h"
#include "soak_chart.h"
#include "store.h"
#include "workspace.h"

#include <QApplication>
#include <QFile>
#include <QLineSeries>
#include <QMessageBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QtConcurrent>

using namespace cockpit;

class TstEvidenceViewer : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_repo;
    std::optional<Workspace> m_ws;
    Store m_store;
    std::unique_ptr<Session> m_service;

    QString path(const QString &name) const { return m_tmp.filePath(name); }

    static EvidenceViewer *viewerFor(const QString &file)
    {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *v = qobject_cast<EvidenceViewer *>(w); v && v->pack().path == file)
                return v;
        return nullptr;
    }
    static QMessageBox *message()
    {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
                return box;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", path(QStringLiteral("config")).toUtf8());
        m_repo = path(QStringLiteral("demo"));
        QVERIFY(buildDemoRepository(m_repo));
        auto ws = Workspace::load(m_repo);
        QVERIFY(ws);
        m_ws = *ws;
        QVERIFY(m_store.open(path(QStringLiteral("cockpit.sqlite"))).result());
        QVERIFY(QtConcurrent::run([&] { return seedDemoRelease(&m_store, *m_ws); }).result());
        QFile lock(m_repo + QStringLiteral("/requirements.lock.txt"));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write("requests==2.31.0\n");
        m_service = std::make_unique<Session>(
            &m_store, *m_ws, Identity {QStringLiteral("rm@x"), QStringLiteral("RM")});
    }

    void exportFromTheWindowWritesThePack()
    {
        QWidget window;
        window.show();
        exportEvidencePackTo(
            &window, m_service.get(), QString::fromLatin1(kDemoVersion), path(QStringLiteral("a.zip")));
        QTRY_VERIFY_WITH_TIMEOUT(message() != nullptr, 30000);
        QVERIFY2(message()->text().contains(QLatin1String("written")), qPrintable(message()->text()));
        QVERIFY(QFile::exists(path(QStringLiteral("a.zip"))));
        message()->close();
    }

    void opensWithChartsChecklistAndApprovals()
    {
        showEvidencePack(nullptr, path(QStringLiteral("a.zip")));
        QTRY_VERIFY_WITH_TIMEOUT(viewerFor(path(QStringLiteral("a.zip"))) != nullptr, 30000);
        EvidenceViewer *viewer = viewerFor(path(QStringLiteral("a.zip")));
        QCOMPARE(viewer->windowTitle(), QStringLiteral("Evidence: v3.7.0 (a.zip)"));
        QVERIFY(viewer->isWindow());
        QVERIFY(!viewer->mismatchBanner()->isVisible());
        QCOMPARE(viewer->charts().size(), m_ws->policy.soakChecks.size());
        QVERIFY(viewer->charts().first()->valueSeries()->count() > 10);
        QVERIFY(viewer->charts().first()->limit().has_value());
        QCOMPARE(viewer->approvalsTable()->rowCount(), 2);  // the demo's two sign-offs
        QStringList statuses;
        for (int r = 0; r < viewer->approvalsTable()->rowCount(); ++r)
            statuses << viewer->approvalsTable()->item(r, 4)->text();
        QVERIFY2(statuses.contains(QStringLiteral("counted")) && statuses.contains(QStringLiteral("stale")),
            qPrintable(statuses.join(u',')));
        QVERIFY(
            viewer->checklistView()->toPlainText().contains(QLatin1String("OSRM unchanged since v3.6.0")));
        // The changelog section the pack froze, as its own page.
        QCOMPARE(viewer->tabs()->tabText(viewer->tabs()->indexOf(viewer->changelogView())),
            QStringLiteral("Changelog"));
        QVERIFY2(viewer->changelogView()->toPlainText().contains(QLatin1String("(#")),
            qPrintable(viewer->changelogView()->toPlainText()));
        QVERIFY(viewer->auditTable()->rowCount() > 5);
        QVERIFY(viewer->membersTable()->findItems(QStringLiteral("MISMATCH"), Qt::MatchExactly).isEmpty());
        if (const QByteArray shot = qgetenv("EVIDENCE_VIEWER_SCREENSHOT"); !shot.isEmpty()) {
            viewer->resize(1200, 860);
            QVERIFY(QTest::qWaitForWindowExposed(viewer));
            QVERIFY(viewer->grab().save(QString::fromLocal8Bit(shot)));
            viewer->tabs()->setCurrentIndex(1);  // the checklist, for a look at the Markdown
            QVERIFY(viewer->grab().save(QString::fromLocal8Bit(shot).replace(
                QLatin1String(".png"), QLatin1String("-checklist.png"))));
            viewer->tabs()->setCurrentIndex(2);
            QVERIFY(viewer->grab().save(QString::fromLocal8Bit(shot).replace(
                QLatin1String(".png"), QLatin1String("-approvals.png"))));
        }
        viewer->close();
    }

    void tamperedPackShowsTheBanner()
    {
        auto members = readEvidenceZip(path(QStringLiteral("a.zip")));
        QVERIFY(members);
        for (EvidenceMember &m : *members)
            if (m.name == u"signoffs.json")
                m.data.replace("\"stale\"", "\"counted\"");
        QVERIFY(writeEvidenceZip(path(QStringLiteral("bad.zip")), *members, QDateTime::currentDateTimeUtc()));
        showEvidencePack(nullptr, path(QStringLiteral("bad.zip")));
        QTRY_VERIFY_WITH_TIMEOUT(viewerFor(path(QStringLiteral("bad.zip"))) != nullptr, 30000);
        EvidenceViewer *viewer = viewerFor(path(QStringLiteral("bad.zip")));
        viewer->show();
        QVERIFY(QTest::qWaitForWindowExposed(viewer));
        QVERIFY(viewer->mismatchBanner()->isVisible());
        QVERIFY2(viewer->mismatchBanner()->text().contains(QLatin1String("signoffs.json")),
            qPrintable(viewer->mismatchBanner()->text()));
        QCOMPARE(viewer->membersTable()->findItems(QStringLiteral("MISMATCH"), Qt::MatchExactly).size(), 1);
        viewer->close();
    }

    void unreadableFileIsSaid()
    {
        QFile f(path(QStringLiteral("text.zip")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("no zip here");
        f.close();
        QWidget window;
        window.show();
        showEvidencePack(&window, path(QStringLiteral("text.zip")));
        QTRY_VERIFY_WITH_TIMEOUT(message() != nullptr, 30000);
        QVERIFY(message()->text().contains(QLatin1String("text.zip")));
        QVERIFY(viewerFor(path(QStringLiteral("text.zip"))) == nullptr);
        message()->close();
    }
};

QTEST_MAIN(TstEvidenceViewer)
#include "tst_evidence_viewer.moc"
