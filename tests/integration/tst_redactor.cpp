// The process-wide redactor (services/redactor.h): each registered secret is written over in the
// forms it is echoed in, short values are ignored, and Qt's messages pass it once installed.
#include "redactor.h"

#include <QTest>
#include <QUrl>

using namespace cockpit;

namespace {

QStringList g_messages;

void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages << message;
}

}  // namespace

class TestRedactor : public QObject {
    Q_OBJECT

private slots:
    void init() { Redactor::clearForTests(); }

    void everyFormIsWrittenOver()
    {
        QCOMPARE(Redactor::redact(QStringLiteral("nothing known")), QStringLiteral("nothing known"));
        Redactor::add(QStringLiteral("Bearer s3cr3t/tok+en"));
        const QString token = QStringLiteral("s3cr3t/tok+en");
        QCOMPARE(
            Redactor::redact(QStringLiteral("got Bearer s3cr3t/tok+en")), QStringLiteral("got [redacted]"));
        QCOMPARE(
            Redactor::redact(QStringLiteral("token=") + QString::fromLatin1(QUrl::toPercentEncoding(token))),
            QStringLiteral("token=[redacted]"));
        QCOMPARE(
            Redactor::redact(QString::fromLatin1(token.toUtf8().toBase64())), QStringLiteral("[redacted]"));
        Redactor::add(QStringLiteral("pa\"ss\\word"));  // pa"ss\word, echoed inside JSON
        QCOMPARE(Redactor::redact(QByteArray("{\"e\":\"pa\\\"ss\\\\word\"}")), QByteArray("{\"e\":\"[redacted]\"}"));
        QCOMPARE(Redactor::redact(QByteArray("x s3cr3t/tok+en y")), QByteArray("x [redacted] y"));
    }

    void userPasswordAndUrls()
    {
        Redactor::add(QStringLiteral("user:pa55word"));
        QCOMPARE(Redactor::redact(
                     QStringLiteral("Basic ") + QString::fromLatin1(QByteArray("user:pa55word").toBase64())),
            QStringLiteral("Basic [redacted]"));
        QCOMPARE(
            Redactor::redact(QStringLiteral("password pa55word")), QStringLiteral("password [redacted]"));
        Redactor::add(QStringLiteral("https://hooks.example.com/services/T0/B0/xyzzy123"));
        QCOMPARE(Redactor::redact(QStringLiteral("error posting to /services/T0/B0/xyzzy123")),
            QStringLiteral("error posting to [redacted]"));
        QCOMPARE(Redactor::redact(QStringLiteral("https://hooks.example.com")),
            QStringLiteral("https://hooks.example.com"));
    }

    void shortValuesAreIgnored()
    {
        Redactor::add(QStringLiteral("abc"));
        QVERIFY(Redactor::isEmpty());
        QCOMPARE(Redactor::redact(QStringLiteral("abc")), QStringLiteral("abc"));
    }

    void logMessagesAreRedacted()
    {
        const QtMessageHandler before = qInstallMessageHandler(capture);
        Redactor::installMessageFilter();
        Redactor::add(QStringLiteral("log-secret-42"));
        qWarning("leaking %s", "log-secret-42");
        qInstallMessageHandler(before);
        QCOMPARE(g_messages, QStringList {QStringLiteral("leaking [redacted]")});
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "tst_redactor.moc"
