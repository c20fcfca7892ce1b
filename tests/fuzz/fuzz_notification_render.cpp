// libFuzzer target: a notification template (subject, body; NUL-separated, then the changelog
// section and the rollback reason it draws from) read through the policy reader and rendered.
// Nothing crashes; every placeholder left unfilled is reported once, stays visible as written,
// and points at the subject's or the body's line of the generated policy.yml; the JSON and the
// Slack payload are valid JSON carrying the text.
#include "fuzz_text.h"
#include "notification_render.h"
#include "policy_loader.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace cockpit;

namespace {

NotificationFacts factsFrom(const QList<QByteArray> &f)
{
    NotificationFacts facts;
    facts.release.version = QStringLiteral("3.7.0");
    facts.release.type = QStringLiteral("minor");
    facts.release.manager = QStringLiteral("rm@example.com");
    facts.release.targetDate = QDate(2026, 3, 10);
    facts.deployments << Deployment {QStringLiteral("3.7.0"), QStringLiteral("staging"), QString(40, u'a'),
        QStringLiteral("rm@example.com"), QDateTime(QDate(2026, 3, 9), QTime(10, 0), Qt::UTC)};
    facts.commit = QString(40, u'a');
    facts.changelogSection = QString::fromUtf8(f.at(2));
    facts.changelogHeading = QStringLiteral("## [3.7.0] - 2026-03-10");
    facts.releaseNotesUrlMissing = QStringLiteral("no release notes URL in the policy");
    facts.approvals = {QStringLiteral("platform_lead: lead@example.com")};
    facts.reason = QString::fromUtf8(f.at(3));
    facts.today = QDate(2026, 3, 9);
    return facts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> f = fuzz::fields(data, size, 4);
    const QString subject = QString::fromUtf8(f.at(0)), body = QString::fromUtf8(f.at(1));
    // Line 9 holds the subject and line 10 the body.
    const QByteArray yaml
        = "project: Fuzz\nroles:\n  release_manager: [rm@example.com]\nrelease_types:\n"
          "  minor: {}\nrelease_notes: {sections: [Highlights, Fixes, Security]}\n"
          "notifications:\n  - {name: n, event: released, channel: \"#eng\",\n     subject: "
        + fuzz::yamlQuoted(subject) + ",\n     body: " + fuzz::yamlQuoted(body) + "}\n";
    const auto policy = parsePolicy(yaml, QStringLiteral("fuzz.yml"));
    if (!policy) {
        if (policy.error().message.isEmpty())
            std::abort();
        return 0;
    }
    const NotificationFacts facts = factsFrom(f);
    const RenderedNotification n = renderNotification(*policy, 0, facts);
    for (const NotificationWarning &w : n.warnings) {
        const int line = w.location.line;
        if (w.message.isEmpty() || w.location.file != u"fuzz.yml" || (line != 9 && line != 10))
            std::abort();
        if (!(line == 9 ? n.subject : n.body).contains(w.placeholder))
            std::abort();
        if (!(line == 9 ? subject : body).contains(w.placeholder))
            std::abort();
    }
    if (n.toJson().value(QStringLiteral("body")).toString() != n.body || !n.plainText().endsWith(n.body))
        std::abort();
    QJsonParseError error;
    const QJsonDocument slack = QJsonDocument::fromJson(slackPayload(n), &error);
    if (error.error != QJsonParseError::NoError || !slack.object().value(QStringLiteral("text")).isString())
        std::abort();
    (void)releaseNotesMarkdown(*policy, facts);
    return 0;
}
