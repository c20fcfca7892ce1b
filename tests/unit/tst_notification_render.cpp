// Notification templates rendered from a release: every preset's templates fill completely, an
// unknown placeholder stays visible and is reported at policy.yml:line:col, release notes follow
// the policy's sections, due dates follow the target date, and Slack gets its mrkdwn.
#include "notification_render.h"
#include "notification_schedule.h"
#include "policy_loader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace cockpit;

namespace {

const QStringList kPresets {QStringLiteral("gated-ga"), QStringLiteral("release-train"),
    QStringLiteral("promotion"), QStringLiteral("canary")};

Policy loadPreset(const QString &preset)
{
    const QString path = QStringLiteral(COCKPIT_SOURCE_DIR "/resources/presets/%1/policy.yml").arg(preset);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    const Result<Policy> policy = parsePolicy(file.readAll(), path);
    if (!policy)
        qFatal("%s", qPrintable(policy.error().toString()));
    return *policy;
}

// The demo's release 3.7.0 (session/demo/demo_builder.cpp) as the store and git would give it.
NotificationFacts demoFacts()
{
    NotificationFacts f;
    f.release.version = QStringLiteral("3.7.0");
    f.release.type = QStringLiteral("minor");
    f.release.state = ReleaseState::Draft;
    f.release.targetDate = QDate(2026, 11, 26);
    f.release.manager = QStringLiteral("rm@example.com");
    f.commit = QStringLiteral("87b4a59c0ffee0ddba11ad5eedfacade12345678");
    f.changelogHeading = QStringLiteral("## [Unreleased]");
    f.changelogSection
        = QStringLiteral("### Added\n\n- Wien Pilot import pipeline (#1201)\n- Pack entitlements "
                         "(#1202)\n\n### Changed\n\n- Faster route solver (#1203)\n\n### Fixed\n\n"
                         "- Tour export rounding (#1204)\n\n### Security\n\n- RLS hardening (#1205)\n");
    f.approvals = {QStringLiteral("platform_lead: lead@example.com")};
    f.releaseNotesUrlMissing = QStringLiteral("no release notes URL: origin is not set");
    f.today = QDate(2026, 11, 22);
    return f;
}

NotificationFacts completeFacts()
{
    NotificationFacts f = demoFacts();
    f.releaseNotesUrl = QStringLiteral("https://github.com/acme/app/releases/tag/v3.7.0");
    f.reason = QStringLiteral("5xx above 5% for 5 minutes");
    f.deployments << Deployment {f.release.version, QStringLiteral("production"), f.commit,
        QStringLiteral("rm@example.com"), QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC)};
    return f;
}

QStringList leftovers(const QString &text)
{
    static const QRegularExpression token(QStringLiteral("\\{[A-Za-z_][A-Za-z0-9_]*\\}"));
    QStringList out;
    for (auto it = token.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    return out;
}

// The required keys, then the notifications given (which start on line 6).
Policy inlinePolicy(const QByteArray &notifications)
{
    const QByteArray yaml = "project: P\n"
                            "roles: {release_manager: [rm@example.com]}\n"
                            "release_types:\n"
                            "  minor: {checklists: []}\n"
                            "notifications:\n"
        + notifications;
    const Result<Policy> policy = parsePolicy(yaml, QStringLiteral("policy.yml"));
    if (!policy)
        qFatal("%s", qPrintable(policy.error().toString()));
    return *policy;
}

const ScheduledNotification *byEvent(const QList<ScheduledNotification> &list, const QString &event)
{
    for (const ScheduledNotification &s : list)
        if (s.event == event)
            return &s;
    return nullptr;
}

}  // namespace

class TestNotificationRender : public QObject {
    Q_OBJECT

private slots:
    void everyPresetTemplateFillsCompletely_data()
    {
        QTest::addColumn<QString>("preset");
        for (const QString &p : kPresets)
            QTest::newRow(qPrintable(p)) << p;
    }

    void everyPresetTemplateFillsCompletely()
    {
        QFETCH(QString, preset);
        const Policy policy = loadPreset(preset);
        for (int i = 0; i < policy.notifications.size(); ++i) {
            const RenderedNotification m = renderNotification(policy, i, completeFacts());
            QVERIFY2(m.warnings.isEmpty(),
                qPrintable(m.name + QStringLiteral(": ") + m.warnings.value(0).toString()));
            QVERIFY2(leftovers(m.subject + m.body).isEmpty(), qPrintable(m.body));
            QVERIFY(!m.body.isEmpty());
            QVERIFY2(m.plainText().contains(QLatin1String("3.7.0")) || m.body.contains(policy.project),
                qPrintable(m.plainText()));
        }
    }

    void demoReleaseHasNoUnknownPlaceholder_data() { everyPresetTemplateFillsCompletely_data(); }

    void demoReleaseHasNoUnknownPlaceholder()
    {
        QFETCH(QString, preset);
        const Policy policy = loadPreset(preset);
        for (int i = 0; i < policy.notifications.size(); ++i) {
            const RenderedNotification m = renderNotification(policy, i, demoFacts());
            for (const NotificationWarning &w : m.warnings) {
                QVERIFY2(!w.message.startsWith(QLatin1String("unknown")), qPrintable(w.toString()));
                QVERIFY2(m.body.contains(w.placeholder) || m.subject.contains(w.placeholder),
                    qPrintable(w.placeholder));
            }
        }
    }

    void gatedGaKeepsItsMarkdown()
    {
        const Policy policy = loadPreset(QStringLiteral("gated-ga"));
        const RenderedNotification m = renderNotification(policy, 0, demoFacts());
        QCOMPARE(m.subject, QStringLiteral("[RELEASE] SOLVEREIGN v3.7.0"));
        QVERIFY(m.body.contains(QLatin1String("**Highlights**:")));
        QVERIFY(m.body.contains(QLatin1String("SOLVEREIGN v3.7.0 has been deployed to production.")));
        QVERIFY(m.body.endsWith(QLatin1String("Thanks,\nrm@example.com")));
        QVERIFY(m.plainText().startsWith(QLatin1String("Subject: [RELEASE] SOLVEREIGN v3.7.0\n\nTeam,")));
    }

    void unknownPlaceholderIsWarnedWithItsLocation()
    {
        const Policy policy = inlinePolicy("  - name: Hello\n"
                                           "    event: released\n"
                                           "    body: \"{project} {verison} for {release_manager}\"\n");
        const RenderedNotification m = renderNotification(policy, 0, demoFacts());
        QCOMPARE(m.body, QStringLiteral("P {verison} for rm@example.com"));
        QCOMPARE(m.warnings.size(), 1);
        QCOMPARE(m.warnings[0].placeholder, QStringLiteral("{verison}"));
        QCOMPARE(m.warnings[0].location.file, QStringLiteral("policy.yml"));
        QCOMPARE(m.warnings[0].location.line, 8);
        QCOMPARE(m.warnings[0].location.column, 11);
        QCOMPARE(m.warnings[0].toString(), QStringLiteral("policy.yml:8:11: unknown placeholder {verison}"));
        QCOMPARE(m.toJson().value(QStringLiteral("warnings")).toArray().size(), 1);
    }

    void knownPlaceholderWithoutValueStaysVisible()
    {
        const Policy policy = loadPreset(QStringLiteral("canary"));
        NotificationFacts facts = demoFacts();
        facts.release.state = ReleaseState::RolledBack;
        const RenderedNotification m = renderNotification(policy, 2, facts);
        QCOMPARE(m.body, QStringLiteral("Involution Engine 3.7.0 rolled back: {reason}"));
        QCOMPARE(m.warnings.size(), 1);
        QVERIFY(m.warnings[0].message.contains(QLatin1String("rollback reason")));
        QVERIFY(m.warnings[0].location.line > 0);
        facts.reason = QStringLiteral("latency 2x baseline");
        QCOMPARE(renderNotification(policy, 2, facts).body,
            QStringLiteral("Involution Engine 3.7.0 rolled back: latency 2x baseline"));
    }

    void valuesAreNotRescanned()
    {
        const Policy policy = inlinePolicy("  - {name: X, event: rolled_back, body: "
                                           "\"{reason} {version}\"}\n");
        NotificationFacts facts = demoFacts();
        facts.reason = QStringLiteral("saw {version} in logs");
        const RenderedNotification m = renderNotification(policy, 0, facts);
        QCOMPARE(m.body, QStringLiteral("saw {version} in logs 3.7.0"));
        QVERIFY(m.warnings.isEmpty());
    }

    void releaseNotesFollowThePolicySections()
    {
        const Policy policy = loadPreset(QStringLiteral("release-train"));
        const QString notes = releaseNotesMarkdown(policy, demoFacts());
        QVERIFY2(notes.startsWith(
                     QStringLiteral("# %1 v3.7.0\n\n**Release Date:** 2026-11-26\n\n").arg(policy.project)),
            qPrintable(notes));
        const qsizetype highlights
            = notes.indexOf(QLatin1String("## Highlights\n- Wien Pilot import pipeline (#1201)"));
        const qsizetype features = notes.indexOf(QLatin1String("## Features\n- Wien Pilot"));
        const qsizetype fixes = notes.indexOf(QLatin1String("## Fixes\n- Tour export rounding (#1204)"));
        const qsizetype performance = notes.indexOf(QLatin1String("## Performance\nNone"));
        const qsizetype knownIssues = notes.indexOf(QLatin1String("## Known Issues\nNone"));
        const qsizetype changed = notes.indexOf(QLatin1String("## Changed\n- Faster route solver (#1203)"));
        const qsizetype security = notes.indexOf(QLatin1String("## Security\n- RLS hardening (#1205)"));
        QVERIFY2(highlights > 0 && highlights < features && features < fixes && fixes < performance
                && performance < knownIssues && knownIssues < changed && changed < security,
            qPrintable(notes));
        // Without release_notes.sections, {release_notes} is the changelog section as written.
        QCOMPARE(releaseNotesMarkdown(loadPreset(QStringLiteral("canary")), demoFacts()),
            demoFacts().changelogSection.trimmed());
    }

    void dueDatesFollowTheTargetDate()
    {
        const Policy policy = loadPreset(QStringLiteral("release-train"));
        ReleaseRecord release = demoFacts().release;
        auto list = scheduleNotifications(policy, release, std::nullopt, QDate(2026, 11, 22));
        QCOMPARE(list.size(), policy.notifications.size());
        const ScheduledNotification *announce = byEvent(list, QStringLiteral("announce"));
        QVERIFY(announce && announce->due == QDate(2026, 11, 19) && announce->relevant);
        QCOMPARE(
            announce->when, QStringLiteral("due 2026-11-19 (7 days before the target date), 3 days overdue"));
        const ScheduledNotification *freeze = byEvent(list, QStringLiteral("code_freeze"));
        QVERIFY(freeze && freeze->due == QDate(2026, 11, 24) && freeze->relevant);
        QVERIFY(freeze->when.endsWith(QLatin1String("in 2 days")));
        QVERIFY(!byEvent(list, QStringLiteral("released"))->relevant);
        QVERIFY(!byEvent(list, QStringLiteral("deploying"))->relevant);

        release.state = ReleaseState::Released;
        list = scheduleNotifications(policy, release, QDate(2026, 11, 27), QDate(2026, 11, 28));
        QVERIFY(!byEvent(list, QStringLiteral("announce"))->relevant);
        QVERIFY(byEvent(list, QStringLiteral("announce"))->when.contains(QLatin1String("past")));
        QVERIFY(byEvent(list, QStringLiteral("released"))->relevant);
        QCOMPARE(byEvent(list, QStringLiteral("released"))->due, QDate(2026, 11, 27));

        release.state = ReleaseState::RolledBack;
        const auto canary
            = scheduleNotifications(loadPreset(QStringLiteral("canary")), release, {}, QDate(2026, 11, 28));
        QVERIFY(byEvent(canary, QStringLiteral("rolled_back"))->relevant);
        QVERIFY(!byEvent(canary, QStringLiteral("rolled_back"))->due.has_value());
        QVERIFY(!byEvent(canary, QStringLiteral("released"))->relevant);
    }

    // The release's manager is whoever created it (a fresh preset's role still names the
    // placeholder rm@example.com, which must not sign the messages); the role only stands in for
    // a release with no recorded creator. The name comes from git when the facts carry it.
    void releaseManagerIsTheReleasesCreator()
    {
        Policy policy;
        ReleaseRecord release;
        release.manager = QStringLiteral("dev@x");
        QCOMPARE(notificationReleaseManager(policy, release), QStringLiteral("dev@x"));
        policy.roles.insert(
            QStringLiteral("release_manager"), {QStringLiteral("rm@example.com"), QStringLiteral("rm2@x")});
        QCOMPARE(notificationReleaseManager(policy, release), QStringLiteral("dev@x"));
        release.manager.clear();
        QCOMPARE(notificationReleaseManager(policy, release), QStringLiteral("rm@example.com"));

        policy.project = QStringLiteral("P");
        policy.notifications.append(NotificationPolicy {});
        policy.notifications.last().name = QStringLiteral("sig");
        policy.notifications.last().body = QStringLiteral("Thanks, {release_manager}");
        NotificationFacts facts;
        facts.release.version = QStringLiteral("1.0.0");
        facts.release.manager = QStringLiteral("dev@x");
        QCOMPARE(renderNotification(policy, 0, facts).body, QStringLiteral("Thanks, dev@x"));
        facts.releaseManagerName = QStringLiteral("Dee Veloper");
        QCOMPARE(renderNotification(policy, 0, facts).body, QStringLiteral("Thanks, Dee Veloper"));
    }

    void slackGetsMrkdwn()
    {
        RenderedNotification m;
        m.subject = QStringLiteral("[RELEASE] P v1");
        m.body = QStringLiteral(
            "## Highlights\n**Bold** and __also__, see [notes](https://x.example/n).\n```\n**kept**\n```");
        const QJsonObject payload = QJsonDocument::fromJson(slackPayload(m)).object();
        QCOMPARE(payload.keys(), QStringList {QStringLiteral("text")});
        QCOMPARE(payload.value(QStringLiteral("text")).toString(),
            QStringLiteral(
                "*[RELEASE] P v1*\n\n*Highlights*\n*Bold* and *also*, see <https://x.example/n|notes>.\n"
                "```\n**kept**\n```"));
        m.subject.clear();
        QCOMPARE(QJsonDocument::fromJson(slackPayload(m)).object().value(QStringLiteral("text")).toString(),
            slackMrkdwn(m.body));
    }

    // Issue 14: mentions and disguised links written in a reason or a changelog stay text.
    void slackMarkupIsEscaped()
    {
        RenderedNotification m;
        m.subject = QStringLiteral("<!here> & v1");
        m.body = QStringLiteral("<!channel> <@U123> <https://evil|click> a&b [ok](https://x/?a=1&b=2)");
        QCOMPARE(QJsonDocument::fromJson(slackPayload(m)).object().value(QStringLiteral("text")).toString(),
            QStringLiteral(
                "*&lt;!here&gt; &amp; v1*\n\n&lt;!channel&gt; &lt;@U123&gt; &lt;https://evil|click&gt; "
                "a&amp;b <https://x/?a=1&amp;b=2|ok>"));
    }
};

QTEST_GUILESS_MAIN(TestNotificationRender)
#include "tst_notification_render.moc"
