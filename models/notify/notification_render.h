#pragma once
// The policy's notification templates (notifications: in policy.yml) filled from one release:
// what Release ▸ Communications… previews and `notify` prints or posts. Pure: the facts are
// gathered by services/notification_service.h. Templates keep their Markdown.
#include "error.h"
#include "policy.h"
#include "release.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cockpit {

// What a notification may say about a release, as of `today`.
struct NotificationFacts {
    ReleaseRecord release;
    QList<Deployment> deployments;  // oldest first; the newest gives {env}
    QString commit;  // {commit}: the pinned commit, else the branch head; empty when unknown
    QString changelogSection;  // the version's section body (heading excluded), else Unreleased's
    QString changelogHeading;  // "## [Unreleased]": says where {changelog} came from
    QString releaseNotesUrl;  // {release_notes_url}; empty when there is none
    QString releaseNotesUrlMissing;  // why there is none, for the warning
    QStringList approvals;  // {approvals}: "platform_lead: lead@example.com", counted ones only
    QString reason;  // {reason}: why the release was rolled back, when given
    // {release_manager}'s name (git's user.name, or the author name git has for the person's
    // email); empty: the person's id stands in.
    QString releaseManagerName;
    QDate today;
};

// A placeholder that could not be filled, left visible in the text, and where it is written.
struct NotificationWarning {
    QString placeholder;  // "{highlihgts}"
    QString message;  // "unknown placeholder {highlihgts}" or why a known one has no value
    SourceLocation location;  // policy.yml:line:col of the template's body (or subject)

    [[nodiscard]] QString toString() const;  // "policy.yml:231:11: unknown placeholder {x}"
};

struct RenderedNotification {
    QString name;  // the template's name in the policy
    QString event;
    QString channel;
    QString subject;  // empty when the template has none
    QString body;  // Markdown
    QList<NotificationWarning> warnings;

    // "Subject: ...\n\nbody" (just the body without a subject): what `notify` prints and Copy copies.
    [[nodiscard]] QString plainText() const;
    // {"template","event","channel","subject","body","warnings":[...]}
    [[nodiscard]] QJsonObject toJson() const;
};

// Every placeholder a template may use, braces included, in documentation order.
QStringList notificationPlaceholders();

// Renders policy.notifications[index] (which must exist). A placeholder that is unknown, or known
// but without a value for this release, is left as written and reported once as a warning.
RenderedNotification renderNotification(const Policy &policy, int index, const NotificationFacts &facts);

// {release_notes}: with policy.release_notes.sections, seed 001's format ("# PROJECT vX",
// "**Release Date:**", one "## Section" each in the policy's order, "None" when empty, changelog
// sections that fit none appended); without it, the changelog section as it is.
QString releaseNotesMarkdown(const Policy &policy, const NotificationFacts &facts);

// The release manager a message names: the release's creator (whoever created it is its release
// manager), else the release_manager role's first person. NotificationFacts::releaseManagerName
// gives the name the message shows.
QString notificationReleaseManager(const Policy &policy, const ReleaseRecord &release);

// The environment a message names: the newest deployment's, else the policy's last (production).
QString notificationEnvironment(const Policy &policy, const QList<Deployment> &deployments);

// Slack's incoming-webhook payload {"text": "*subject*\n\nbody"}, Markdown turned into Slack's
// mrkdwn (bold, headings, links) so the message reads the same in the channel. Every & < > of the
// text is escaped (&amp; &lt; &gt;), so <!channel>, <@U123> or <https://evil|click> written in
// a reason or a changelog arrive as text, never as a mention or a disguised link.
QByteArray slackPayload(const RenderedNotification &message);
QString slackMrkdwn(const QString &markdown);  // the conversion alone, no escaping
QString slackEscape(const QString &text);  // & < > as &amp; &lt; &gt;

}  // namespace cockpit
