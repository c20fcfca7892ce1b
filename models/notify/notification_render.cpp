#include "notification_render.h"

#include "notification_schedule.h"
#include "tag_message.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

namespace cockpit {

namespace {

// A placeholder's value, or why it has none.
struct Value {
    QString text;
    QString missing;  // non-empty: no value, this says why
};

Value have(const QString &text, const QString &whyMissing)
{
    return text.trimmed().isEmpty() ? Value {{}, whyMissing} : Value {text, {}};
}

std::optional<QDate> deployedOn(const NotificationFacts &facts)
{
    if (facts.deployments.isEmpty())
        return std::nullopt;
    return facts.deployments.last().deployedAt.toUTC().date();
}

QString changelogMissing(const Policy &policy, const NotificationFacts &facts)
{
    return QStringLiteral("%1 has no entries for %2").arg(policy.changelogPath, facts.release.version);
}

Value releaseValue(const QString &name, const Policy &policy, const NotificationFacts &facts)
{
    const ReleaseRecord &r = facts.release;
    if (name == u"project")
        return have(policy.project, QStringLiteral("the policy has no project"));
    if (name == u"version")
        return have(r.version, QStringLiteral("no version"));
    if (name == u"tag")
        return have(policy.tagFor(r.version), QStringLiteral("no tag format"));
    if (name == u"commit")
        return have(facts.commit.left(12), QStringLiteral("the release's commit is not known"));
    if (name == u"type")
        return have(r.type, QStringLiteral("the release has no type"));
    if (name == u"state")
        return Value {releaseStateTitle(r.state).toLower(), {}};
    if (name == u"env")
        return have(notificationEnvironment(policy, facts.deployments),
            QStringLiteral("the policy has no environments"));
    if (name == u"target_date")
        return have(r.targetDate.toString(Qt::ISODate), QStringLiteral("the release has no target date"));
    if (name == u"release_manager")
        return have(facts.releaseManagerName.isEmpty() ? notificationReleaseManager(policy, r) : facts.releaseManagerName,
            QStringLiteral("no release manager is known"));
    if (name == u"reason")
        return have(facts.reason, QStringLiteral("no rollback reason was given"));
    return Value {{}, QStringLiteral("unknown placeholder {%1}").arg(name)};
}

Value valueFor(
    const QString &name, const Policy &policy, const NotificationPolicy &n, const NotificationFacts &facts)
{
    const QString body = facts.changelogSection.trimmed();
    if (name == u"changelog")
        return have(body, changelogMissing(policy, facts));
    if (name == u"release_notes")
        return have(body.isEmpty() ? QString() : releaseNotesMarkdown(policy, facts),
            changelogMissing(policy, facts));
    if (name == u"highlights")
        return have(changelogHighlights(body, 3), changelogMissing(policy, facts));
    if (name == u"release_notes_url")
        return have(facts.releaseNotesUrl,
            facts.releaseNotesUrlMissing.isEmpty() ? QStringLiteral("no release notes URL is known")
                                                   : facts.releaseNotesUrlMissing);
    if (name == u"approvals")
        return Value {facts.approvals.isEmpty()
                ? QStringLiteral("none yet")
                : QStringLiteral("- ") + facts.approvals.join(QStringLiteral("\n- ")),
            {}};
    if (name == u"due_date") {
        const auto due = notificationDueDate(policy, n, facts.release, deployedOn(facts));
        return have(due ? due->toString(Qt::ISODate) : QString(), QStringLiteral("the event has no date"));
    }
    return releaseValue(name, policy, facts);
}

// Fills one template text in a single pass (a value containing "{x}" stays as written).
QString fill(const QString &text, const QString &keyPath, const Policy &policy, const NotificationPolicy &n,
    const NotificationFacts &facts, QList<NotificationWarning> &warnings)
{
    static const QRegularExpression token(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const Value value = valueFor(m.captured(1), policy, n, facts);
        if (value.missing.isEmpty()) {
            out += value.text;
            continue;
        }
        out += m.captured();
        const bool seen = std::any_of(warnings.cbegin(), warnings.cend(),
            [&](const NotificationWarning &w) { return w.placeholder == m.captured(); });
        if (!seen)
            warnings << NotificationWarning {m.captured(), value.missing, policy.locationOf(keyPath)};
    }
    out += QStringView(text).mid(last);
    return out;
}

}  // namespace

QString NotificationWarning::toString() const
{
    const QString where = location.toString();
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

QString RenderedNotification::plainText() const
{
    return subject.isEmpty() ? body : QStringLiteral("Subject: %1\n\n%2").arg(subject, body);
}

QJsonObject RenderedNotification::toJson() const
{
    QJsonArray list;
    for (const NotificationWarning &w : warnings)
        list.append(w.toString());
    return {{QStringLiteral("template"), name}, {QStringLiteral("event"), event},
        {QStringLiteral("channel"), channel}, {QStringLiteral("subject"), subject},
        {QStringLiteral("body"), body}, {QStringLiteral("warnings"), list}};
}

QStringList notificationPlaceholders()
{
    QStringList names {QStringLiteral("project"), QStringLiteral("version"), QStringLiteral("tag"),
        QStringLiteral("commit"), QStringLiteral("type"), QStringLiteral("state"), QStringLiteral("env"),
        QStringLiteral("target_date"), QStringLiteral("due_date"), QStringLiteral("release_manager"),
        QStringLiteral("changelog"), QStringLiteral("release_notes"), QStringLiteral("highlights"),
        QStringLiteral("release_notes_url"), QStringLiteral("approvals"), QStringLiteral("reason")};
    for (QString &n : names)
        n = u'{' + n + u'}';
    return names;
}

QString notificationReleaseManager(const Policy &policy, const ReleaseRecord &release)
{
    if (!release.manager.isEmpty())
        return release.manager;
    return policy.roles.value(QStringLiteral("release_manager")).value(0);
}

QString notificationEnvironment(const Policy &policy, const QList<Deployment> &deployments)
{
    if (!deployments.isEmpty())
        return deployments.last().environment;
    return policy.environments.isEmpty() ? QString() : policy.environments.last().name;
}

RenderedNotification renderNotification(const Policy &policy, int index, const NotificationFacts &facts)
{
    const NotificationPolicy &n = policy.notifications.at(index);
    RenderedNotification out;
    out.name = n.name;
    out.event = n.event;
    out.channel = n.channel;
    const QString base = QStringLiteral("notifications[%1].").arg(index);
    out.subject = fill(n.subject, base + QStringLiteral("subject"), policy, n, facts, out.warnings).trimmed();
    QString body = fill(n.body, base + QStringLiteral("body"), policy, n, facts, out.warnings);
    while (!body.isEmpty() && body.back().isSpace())
        body.chop(1);  // a YAML block scalar's final newline
    out.body = body;
    return out;
}

}  // namespace cockpit
