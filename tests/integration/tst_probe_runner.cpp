// Health probes against a real HTTP(S) server (tests/fixtures/http_fixture): every check of seed
// 002 sections 1-5 passing on a healthy service and failing on a misconfigured one, timeouts,
// TLS with a test CA made by openssl, and transcripts with their secrets redacted.
#include "probe_runner.h"
#include "support/service_process.h"
#include "support/store_test_support.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace cockpit;

class TestProbeRunner : public QObject {
    Q_OBJECT

    ServiceProcess m_http;
    QString m_base;  // http://127.0.0.1:PORT
    QTemporaryDir m_tmp;
    const QString m_commit = QStringLiteral("87b4a59c0ffee0ddba11ad5eedfacade12345678");

    static HttpCheckPolicy request(const QString &name, const QString &path, const QString &body = {})
    {
        HttpCheckPolicy r;
        r.name = name;
        r.method = QStringLiteral("POST");
        r.path = path;
        r.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json")}};
        r.body = body;
        return r;
    }

    // The gated-ga preset's staging environment, pointed at one scenario of the fixture.
    EnvironmentPolicy environment(const QString &base) const
    {
        EnvironmentPolicy env;
        env.name = QStringLiteral("staging");
        env.baseUrl = base;
        env.health = {QStringLiteral("/api/health"), QStringLiteral("/api/health/ready"),
            QStringLiteral("/api/health/live")};
        env.versionPath = QStringLiteral("/api/health");
        env.versionPointer = QStringLiteral("/version");
        env.headers = {{QStringLiteral("Strict-Transport-Security"),
                           QStringLiteral("max-age=31536000; includeSubDomains")},
            {QStringLiteral("X-Content-Type-Options"), QStringLiteral("nosniff")},
            {QStringLiteral("X-Frame-Options"), QStringLiteral("DENY")},
            {QStringLiteral("Content-Security-Policy"), QStringLiteral("default-src 'self'")},
            {QStringLiteral("X-XSS-Protection"), QStringLiteral("1; mode=block")}};
        HttpCheckPolicy cookie
            = request(QStringLiteral("Session cookie flags"), QStringLiteral("/api/auth/login"),
                QStringLiteral(R"({"email":"test@example.com","password":"wrong"})"));
        cookie.cookieFlags = {QStringLiteral("HttpOnly"), QStringLiteral("Secure")};
        cookie.sameSite = {QStringLiteral("Lax"), QStringLiteral("Strict")};
        HttpCheckPolicy invalid
            = request(QStringLiteral("API login invalid"), QStringLiteral("/api/auth/login"),
                QStringLiteral(R"({"email":"invalid@example.com","password":"wrongpassword"})"));
        invalid.expectStatus = {401};
        invalid.expectNoCookie = true;
        invalid.headers.insert(QStringLiteral("Authorization"), QStringLiteral("Bearer top-secret-token"));
        HttpCheckPolicy sendgrid = request(QStringLiteral("SendGrid signature rejected"),
            QStringLiteral("/api/v1/notifications/webhook/sendgrid"), QStringLiteral("[]"));
        sendgrid.headers.insert(
            QStringLiteral("X-Twilio-Email-Event-Webhook-Signature"), QStringLiteral("invalid_signature"));
        sendgrid.expectStatus = {401, 403};
        HttpCheckPolicy whatsapp = request(QStringLiteral("WhatsApp signature rejected"),
            QStringLiteral("/api/v1/notifications/webhook/whatsapp"), QStringLiteral("{}"));
        whatsapp.expectStatus = {401, 403};
        env.requests = {cookie, invalid, sendgrid, whatsapp};
        return env;
    }

    Result<ProbeReport> probe(const EnvironmentPolicy &env, ProbeOptions options = {})
    {
        if (options.expectedVersion.isEmpty())
            options.expectedVersion = QStringLiteral("3.7.0");
        ProbeRunner runner;
        auto future = runner.run(env, options);
        [&] { COCKPIT_AWAIT(future); }();
        return future.result();
    }

    static const ProbeCheckResult *find(const ProbeReport &report, const QString &kind, const QString &target)
    {
        for (const ProbeCheckResult &c : report.checks) {
            if (c.kind == kind && c.target == target)
                return &c;
        }
        return nullptr;
    }

    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_tmp.path());
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        const QString program = ServiceProcess::fixtureProgram(QStringLiteral("http_fixture"));
        QVERIFY2(m_http.start(program, {QStringLiteral("--delay-ms"), QStringLiteral("5000")},
                     QStringLiteral("listening")),
            qPrintable(m_http.errorText()));
        m_base = QStringLiteral("http://127.0.0.1:%1").arg(m_http.readyFields().value(1));
    }

    void healthyServicePassesEveryCheck()
    {
        auto report = probe(
            environment(m_base + QStringLiteral("/ok")), {{}, m_commit, std::chrono::seconds(10), {}});
        QVERIFY2(report, test::why(report).constData());
        for (const ProbeCheckResult &c : report->checks)
            QVERIFY2(c.ok,
                qPrintable(
                    c.kind + u' ' + c.target + QStringLiteral(": ") + c.actual + u'\n' + c.transcript));
        QVERIFY(report->ok);
        QCOMPARE(report->env, QStringLiteral("staging"));
        // 3 health + version + 5 headers + cookie + (status, no_cookie) + 2 webhooks.
        QCOMPARE(report->checks.size(), 14);
        const ProbeCheckResult *version
            = find(*report, QStringLiteral("version"), QStringLiteral("/api/health"));
        QVERIFY(version);
        QCOMPARE(version->actual, QStringLiteral("3.7.0"));
        // The URL fetched and the JSON pointer read in it, apart.
        QCOMPARE(version->pointer, QStringLiteral("/version"));
        QCOMPARE(version->url, m_base + QStringLiteral("/ok/api/health"));
        const ProbeCheckResult *cookie
            = find(*report, QStringLiteral("cookie"), QStringLiteral("Session cookie flags"));
        QVERIFY(cookie);
        QCOMPARE(cookie->actual, QStringLiteral("session: HttpOnly, Secure, SameSite=Lax"));
        QCOMPARE(
            find(*report, QStringLiteral("status"), QStringLiteral("WhatsApp signature rejected"))->actual,
            QStringLiteral("403"));
        QVERIFY(report->summary().startsWith(QStringLiteral("probe staging PASS: 14/14")));
    }

    void misconfiguredServiceFailsEachCheck()
    {
        auto report = probe(environment(m_base + QStringLiteral("/bad")));
        QVERIFY(report);
        QVERIFY(!report->ok);
        QVERIFY(find(*report, QStringLiteral("health"), QStringLiteral("/api/health"))->ok);
        QCOMPARE(find(*report, QStringLiteral("health"), QStringLiteral("/api/health/ready"))->actual,
            QStringLiteral("503"));
        const ProbeCheckResult *version
            = find(*report, QStringLiteral("version"), QStringLiteral("/api/health"));
        QVERIFY(!version->ok);
        QCOMPARE(version->actual, QStringLiteral("3.6.0"));
        QCOMPARE(find(*report, QStringLiteral("header"), QStringLiteral("X-Frame-Options"))->actual,
            QStringLiteral("SAMEORIGIN"));
        QCOMPARE(find(*report, QStringLiteral("header"), QStringLiteral("X-XSS-Protection"))->actual,
            QStringLiteral("(missing)"));
        QVERIFY(find(*report, QStringLiteral("header"), QStringLiteral("X-Content-Type-Options"))->ok);
        const ProbeCheckResult *cookie
            = find(*report, QStringLiteral("cookie"), QStringLiteral("Session cookie flags"));
        QVERIFY(!cookie->ok);
        QCOMPARE(cookie->actual, QStringLiteral("session: SameSite=None"));
        QVERIFY(!find(*report, QStringLiteral("no_cookie"), QStringLiteral("API login invalid"))->ok);
        QVERIFY(
            find(*report, QStringLiteral("status"), QStringLiteral("API login invalid"))->ok);  // still a 401
        QCOMPARE(
            find(*report, QStringLiteral("status"), QStringLiteral("SendGrid signature rejected"))->actual,
            QStringLiteral("200"));
        QCOMPARE(report->failedCount(), 8);
    }

    void versionMatchesCommitPrefix()
    {
        EnvironmentPolicy env = environment(m_base + QStringLiteral("/ok"));
        env.versionPointer = QStringLiteral("/commit");
        auto report = probe(env, {QStringLiteral("9.9.9"), m_commit, std::chrono::seconds(10), {}});
        QVERIFY(report);
        QVERIFY(find(*report, QStringLiteral("version"), QStringLiteral("/api/health"))->ok);
        report = probe(
            env, {QStringLiteral("9.9.9"), QStringLiteral("0000000aaaa"), std::chrono::seconds(10), {}});
        QVERIFY(!find(*report, QStringLiteral("version"), QStringLiteral("/api/health"))->ok);
        QVERIFY(!report->ok);
    }

    void garbageJsonFailsTheVersionCheck()
    {
        auto report = probe(environment(m_base + QStringLiteral("/garbage")));
        QVERIFY(report);
        const ProbeCheckResult *version
            = find(*report, QStringLiteral("version"), QStringLiteral("/api/health"));
        QVERIFY(!version->ok);
        QVERIFY2(version->actual.contains(QStringLiteral("not JSON")), qPrintable(version->actual));
        QVERIFY(!report->ok);
    }

    void slowAnswersTimeOut()
    {
        QElapsedTimer timer;
        timer.start();
        auto report = probe(
            environment(m_base + QStringLiteral("/slow")), {{}, {}, std::chrono::milliseconds(400), {}});
        QVERIFY(report);
        QVERIFY(timer.elapsed() < 4000);  // did not wait for the 5 s answers
        const ProbeCheckResult *health
            = find(*report, QStringLiteral("health"), QStringLiteral("/api/health/live"));
        QVERIFY(!health->ok);
        QVERIFY2(health->actual.startsWith(QStringLiteral("timeout")), qPrintable(health->actual));
        QVERIFY(health->transcript.contains(QStringLiteral("no answer")));
        for (const ProbeCheckResult &c : report->checks)
            QVERIFY2(!c.ok, qPrintable(c.kind + u' ' + c.target));
    }

    void refusedConnectionFailsEveryCheck()
    {
        ServiceProcess gone;
        QVERIFY(gone.start(
            ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")), {}, QStringLiteral("listening")));
        const QString port = gone.readyFields().value(1);
        gone.stop();
        auto report = probe(environment(QStringLiteral("http://127.0.0.1:%1/ok").arg(port)));
        QVERIFY(report);
        QVERIFY(!report->ok);
        QCOMPARE(report->failedCount(), report->checks.size());
    }

    void transcriptsRedactSecrets()
    {
        auto report = probe(environment(m_base + QStringLiteral("/ok")));
        QVERIFY(report);
        const QString all = QString::fromUtf8(QJsonDocument(report->toJson()).toJson());
        QVERIFY(!all.contains(QStringLiteral("s3cr3t")));  // Set-Cookie value and csrf_token
        QVERIFY(!all.contains(QStringLiteral("top-secret-token")));  // the request's Authorization
        QVERIFY(!all.contains(QStringLiteral("invalid_signature")));
        const QString login
            = find(*report, QStringLiteral("cookie"), QStringLiteral("Session cookie flags"))->transcript;
        QVERIFY2(login.contains(QStringLiteral(
                     "< Set-Cookie: session=[redacted]; Path=/; HttpOnly; Secure; SameSite=Lax")),
            qPrintable(login));
        QVERIFY(login.contains(QStringLiteral("\"csrf_token\":\"[redacted]\"")));
        QVERIFY(login.contains(QStringLiteral("> POST ") + m_base + QStringLiteral("/ok/api/auth/login")));
        QVERIFY(login.contains(QStringLiteral("< HTTP 401")));
        const QString invalid
            = find(*report, QStringLiteral("status"), QStringLiteral("API login invalid"))->transcript;
        QVERIFY(invalid.contains(QStringLiteral("> Authorization: [redacted]")));
        QVERIFY(invalid.contains(QStringLiteral("(request body: ")));
    }

    void reportRoundTripsThroughJson()
    {
        auto report = probe(environment(m_base + QStringLiteral("/bad")));
        QVERIFY(report);
        auto back = ProbeReport::fromJson(report->toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), report->toJson());
        QVERIFY(!ProbeReport::fromJson(QJsonObject {{QStringLiteral("ok"), true}}));
    }

    void tlsIsVerifiedAgainstTheEnvironmentCa()
    {
        const QString san = m_tmp.filePath(QStringLiteral("san.cnf"));
        QFile cnf(san);
        QVERIFY(cnf.open(QIODevice::WriteOnly));
        cnf.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        cnf.close();
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
            QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.pem"),
            QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=Cockpit Test CA")}));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("server.key"),
            QStringLiteral("-out"), QStringLiteral("server.csr"), QStringLiteral("-subj"),
            QStringLiteral("/CN=127.0.0.1")}));
        QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
            QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
            QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
            QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-extfile"), san}));
        ServiceProcess https;
        QVERIFY2(https.start(ServiceProcess::fixtureProgram(QStringLiteral("http_fixture")),
                     {QStringLiteral("--tls-cert"), m_tmp.filePath(QStringLiteral("server.pem")),
                         QStringLiteral("--tls-key"), m_tmp.filePath(QStringLiteral("server.key"))},
                     QStringLiteral("listening")),
            qPrintable(https.errorText()));
        EnvironmentPolicy env
            = environment(QStringLiteral("https://127.0.0.1:%1/ok").arg(https.readyFields().value(1)));

        auto untrusted = probe(env);  // the test CA is not a system CA: refused, never ignored
        QVERIFY(untrusted);
        QVERIFY(!untrusted->ok);
        const ProbeCheckResult *health
            = find(*untrusted, QStringLiteral("health"), QStringLiteral("/api/health"));
        QVERIFY2(
            health->actual.startsWith(QStringLiteral("TLS verification failed")), qPrintable(health->actual));

        env.caFile = m_tmp.filePath(QStringLiteral("ca.pem"));
        auto trusted = probe(env);
        QVERIFY(trusted);
        for (const ProbeCheckResult &c : trusted->checks)
            QVERIFY2(c.ok, qPrintable(c.kind + u' ' + c.target + QStringLiteral(": ") + c.actual));
        QVERIFY(trusted->ok);

        env.caFile = m_tmp.filePath(QStringLiteral("missing.pem"));
        auto unusable = probe(env);
        QVERIFY(!unusable);
        QCOMPARE(unusable.error().code, ErrorCode::BadInput);
    }
};

QTEST_GUILESS_MAIN(TestProbeRunner)
#include "tst_probe_runner.moc"
