// Release ▸ Communications… offscreen on the demo workspace: the preview renders the template's
// Markdown (and shows its source), warnings show inline, Copy fills the clipboard, Save writes the
// file, and Post sends it to the real HTTP fixture through the URL kept in the real keychain.
#include "communications_dialog.h"
#include "demo_builder.h"
#include "session.h"
#include "secret_store.h"
#include "webhook_client.h"
#include "webhook_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace cockpit;

namespace {

bool secretServiceExpected()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

// Keychain jobs run on this thread's event loop: spin it (QTRY) rather than block in result().
template <typename T> T awaitFuture(QFuture<T> future)
{
    [&] { QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 30000); }();
    if (!future.isFinished())
        return T(fail(ErrorCode::Internal, QStringLiteral("timed out")));
    return future.result();
}

}  // namespace

class TstCommunicationsDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QProcess m_http;
    QString m_base, m_record, m_project;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Session> m_service;

    std::unique_ptr<CommunicationsDialog> openDialog()
    {
        auto dialog = std::make_unique<CommunicationsDialog>(m_service.get(), QStringLiteral("3.7.0"));
        QSignalSpy loaded(dialog.get(), &CommunicationsDialog::factsLoaded);
        dialog->show();
        if (!loaded.wait(30000))
            qWarning("the facts never loaded");
        return dialog;
    }

    void startFixture()
    {
        m_record = m_tmp.filePath(QStringLiteral("hooks.jsonl"));
        m_http.start(QCoreApplication::applicationDirPath() + QStringLiteral("/fixtures/http_fixture"),
            {QStringLiteral("--record"), m_record});
        QVERIFY2(m_http.waitForStarted(30000), qPrintable(m_http.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_http.canReadLine(), 30000);
        const QList<QByteArray> ready = m_http.readLine().trimmed().split(' ');
        QCOMPARE(ready.value(0), QByteArray("listening"));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(QString::fromLatin1(ready.value(1)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        if (qEnvironmentVariable("CI") == u"true" && !secretServiceExpected())
            QFAIL("no session bus: run the tests through scripts/run-tests.sh (dbus-run-session + "
                  "gnome-keyring)");
        const QString dir = m_tmp.filePath(QStringLiteral("demo"));
        QVERIFY(buildDemoRepository(dir).has_value());
        // A project of its own: webhook entries are per project, and tests share one keyring.
        // (The docs' screenshot run shows the demo's own name.)
        m_project = qEnvironmentVariableIsSet("COCKPIT_SCREENSHOT_DIR")
            ? QStringLiteral("SOLVEREIGN")
            : QStringLiteral("SOLVEREIGN%1").arg(QRandomGenerator::global()->generate(), 0, 16);
        QFile policy(dir + QStringLiteral("/.release-cockpit/policy.yml"));
        QVERIFY(policy.open(QIODevice::ReadWrite));
        const QByteArray yaml
            = policy.readAll().replace("project: SOLVEREIGN", "project: " + m_project.toUtf8());
        policy.resize(0);
        policy.write(yaml);
        policy.close();
        auto ws = Workspace::load(dir);
        QVERIFY2(ws.has_value(), ws ? "" : qPrintable(ws.error().toString()));
        ws->policy.notifications << NotificationPolicy {QStringLiteral("Ops heads-up"),
            QStringLiteral("deployed"), std::chrono::seconds(0), QStringLiteral("#solvereign-ops"), {},
            QStringLiteral("{project} {version} is live on {env}; watch {dashbaord}.")};
        m_store = std::make_unique<Store>();
        QVERIFY(awaitFuture(m_store->open(m_tmp.filePath(QStringLiteral("cockpit.sqlite")))).has_value());
        QVERIFY(seedDemoRelease(m_store.get(), *ws).has_value());
        QVERIFY(awaitFuture(m_store->recordDeployment(QStringLiteral("3.7.0"), QStringLiteral("production"),
                                QStringLiteral("rm@example.com")))
                    .has_value());
        m_service
            = std::make_unique<Session>(m_store.get(), *ws, Identity {QStringLiteral("rm@x"), {}});
        startFixture();
    }

    void cleanupTestCase()
    {
        m_http.kill();
        m_http.waitForFinished();
    }

    void previewRendersTheTemplate()
    {
        auto dialog = openDialog();
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("templateList"));
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(list->currentItem()->text(0), QStringLiteral("Internal notification"));
        QVERIFY(list->currentItem()->font(0).bold());  // deployed: due now
        QCOMPARE(list->currentItem()->text(3), QDate::currentDate().toString(Qt::ISODate));
        const QString shown = dialog->findChild<QTextBrowser *>(QStringLiteral("preview"))->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("%1 v3.7.0 has been deployed to production.").arg(m_project)),
            qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("Highlights:")) && !shown.contains(QLatin1String("**")),
            qPrintable(shown));
        auto *source = dialog->findChild<QPlainTextEdit *>(QStringLiteral("sourceView"));
        QVERIFY(source->toPlainText().contains(QLatin1String("**Highlights**:")));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("subjectLabel"))
                    ->text()
                    .contains(QLatin1String("[RELEASE]")));
        dialog->findChild<QCheckBox *>(QStringLiteral("sourceToggle"))->click();
        QCOMPARE(qobject_cast<QStackedWidget *>(source->parentWidget())->currentWidget(), source);
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("warningsLabel"))->isVisible());
    }

    void warningsShowInline()
    {
        auto dialog = openDialog();
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("templateList"));
        list->setCurrentItem(list->topLevelItem(2));
        auto *warnings = dialog->findChild<QLabel *>(QStringLiteral("warningsLabel"));
        QVERIFY(warnings->isVisible());
        QVERIFY2(warnings->text().contains(QLatin1String("unknown placeholder {dashbaord}")),
            qPrintable(warnings->text()));
        QCOMPARE(dialog->currentMessage().body,
            m_project + QStringLiteral(" 3.7.0 is live on production; watch {dashbaord}."));
        grabForDocs(dialog.get(), QStringLiteral("communications-warning.png"));
    }

    void copyAndSave()
    {
        auto dialog = openDialog();
        dialog->findChild<QPushButton *>(QStringLiteral("copyButton"))->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog->currentMessage().plainText());
        QVERIFY(QGuiApplication::clipboard()->text().startsWith(QLatin1String("Subject: [RELEASE] ")));
        const QString path = m_tmp.filePath(QStringLiteral("message.md"));
        QVERIFY(dialog->saveTo(path).has_value());
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), dialog->currentMessage().plainText() + u'\n');
        QVERIFY(!dialog->saveTo(m_tmp.filePath(QStringLiteral("no/such/dir/x.md"))).has_value());
    }

    void postsThroughTheKeychainUrl()
    {
        const QString key = WebhookClient::keychainKey(m_project);
        const Status stored
            = awaitFuture(SecretStore::write(key, m_base + QStringLiteral("/hooks/T000/B000/uitoken")));
        auto dialog = std::make_unique<CommunicationsDialog>(m_service.get(), QStringLiteral("3.7.0"));
        QSignalSpy checked(dialog.get(), &CommunicationsDialog::webhookChecked);
        dialog->show();
        QVERIFY(checked.wait(30000));
        auto *post = dialog->findChild<QPushButton *>(QStringLiteral("postButton"));
        if (!secretServiceExpected()) {
            QVERIFY(!stored.has_value());
            QCOMPARE(checked.last().value(0).toBool(), false);
            QVERIFY(!post->isEnabled());
            return;
        }
        QVERIFY2(stored.has_value(), stored ? "" : qPrintable(stored.error().toString()));
        QCOMPARE(checked.last().value(0).toBool(), true);
        QVERIFY(post->isEnabled());
        QSignalSpy finished(dialog.get(), &CommunicationsDialog::postFinished);
        post->click();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().value(0).toBool(), qPrintable(finished.last().value(1).toString()));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("statusLabel"))
                    ->text()
                    .startsWith(QLatin1String("Posted")));
        QFile hooks(m_record);
        QVERIFY(hooks.open(QIODevice::ReadOnly));
        QVERIFY(hooks.readAll().contains(("[RELEASE] " + m_project + QStringLiteral(" v3.7.0")).toUtf8()));
        grabForDocs(dialog.get(), QStringLiteral("communications.png"));
        QVERIFY(awaitFuture(SecretStore::remove(key)).has_value());
    }

    void webhookDialogStoresAndRemoves()
    {
        WebhookDialog dialog(
            m_project, {QStringLiteral("email"), QStringLiteral("#ops")}, QStringLiteral("#ops"));
        QCOMPARE(dialog.keychainKey(), WebhookClient::keychainKey(m_project, QStringLiteral("#ops")));
        auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("webhookUrl"));
        QCOMPARE(url->echoMode(), QLineEdit::Password);
        dialog.show();
        QSignalSpy changed(&dialog, &WebhookDialog::changed);
        QTest::keyClicks(url, m_base + QStringLiteral("/hooks/T/B/dialogtoken"));
        QVERIFY(!dialog.grab().isNull());
        if (const QString dir = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog.grab().save(dir + QStringLiteral("/communications-webhook.png"));
        dialog.findChild<QPushButton *>(QStringLiteral("webhookStore"))->click();
        if (!secretServiceExpected()) {
            auto *state = dialog.findChild<QLabel *>(QStringLiteral("webhookState"));
            QTRY_VERIFY_WITH_TIMEOUT(state->text().contains(QLatin1String("keychain")), 30000);
            QVERIFY(changed.isEmpty());
            return;
        }
        QVERIFY(changed.wait(30000));
        QVERIFY(url->text().isEmpty());  // not kept in the widget once stored
        const Result<QString> read = awaitFuture(SecretStore::read(dialog.keychainKey()));
        QVERIFY(read.has_value() && read->endsWith(QLatin1String("dialogtoken")));
        QSignalSpy known(&dialog, &WebhookDialog::stateKnown);
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog.findChild<QPushButton *>(QStringLiteral("webhookRemove"))->isEnabled(), 30000);
        dialog.findChild<QPushButton *>(QStringLiteral("webhookRemove"))->click();
        QVERIFY(changed.wait(30000));
        QCOMPARE(awaitFuture(SecretStore::read(dialog.keychainKey())).error().code, ErrorCode::NotFound);
    }

private:
    // docs/screenshots/communications.png comes from here: COCKPIT_SCREENSHOT_DIR=docs/screenshots.
    void grabForDocs(QWidget *dialog, const QString &name)
    {
        const QPixmap shot = dialog->grab();
        QVERIFY(!shot.isNull() && shot.width() > 600);
        const QString dir = qEnvironmentVariable("COCKPIT_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(shot.save(dir + u'/' + name));
    }
};

QTEST_MAIN(TstCommunicationsDialog)
#include "tst_communications_dialog.moc"
