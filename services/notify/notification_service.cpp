#include "notification_service.h"

#include "changelog.h"
#include "git_service.h"
#include "identity.h"
#include "signoff_service.h"
#include "webhook_client.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QPointer>
#include <QPromise>
#include <QRegularExpression>
#include <QUrl>
#include <QtConcurrent>
#include <memory>

Q_LOGGING_CATEGORY(lcNotify, "cockpit.services.notify")

namespace cockpit {

namespace {

// A forge's release page for the tag, from an origin remote on GitHub or GitLab (https or ssh).
QString forgeReleaseUrl(const QString &remote, const QString &tag)
{
    static const QRegularExpression scp(QStringLiteral("^[^@]+@([^:]+):(.+?)(\\.git)?/?$"));
    QString host, path;
    if (const auto m = scp.match(remote); m.hasMatch() && !remote.contains(QLatin1String("://"))) {
        host = m.captured(1);
        path = m.captured(2);
    } else {
        const QUrl url(remote);
        host = url.host();
        path = url.path().mid(1);
        if (path.endsWith(QLatin1String(".git")))
            path.chop(4);
    }
    if (host.isEmpty() || path.isEmpty())
        return {};
    const QString encodedTag = QString::fromLatin1(QUrl::toPercentEncoding(tag));
    if (host == u"github.com")
        return QStringLiteral("https://github.com/%1/releases/tag/%2").arg(path, encodedTag);
    if (host.startsWith(QLatin1String("gitlab.")))
        return QStringLiteral("https://%1/%2/-/releases/%3").arg(host, path, encodedTag);
    return {};
}

// {release_notes_url}: the changelog's link for the version, else the forge's release page.
// A person's name as git knows it: the acting user's user.name when the id is their email, else
// the author name of the newest commit by that email. Empty when git has none (a placeholder).
QString personName(const QString &root, const QString &id)
{
    if (id.isEmpty())
        return {};
    if (const Identity me = currentIdentity(root); me.id == id && me.name != id)
        return me.name;
    auto git = GitService::open(root);
    if (!git)
        return {};
    auto commits = git->commits(QString(), QStringLiteral("HEAD"));
    if (!commits)
        return {};
    for (const CommitInfo &c : std::as_const(*commits)) {
        if (c.authorEmail.compare(id, Qt::CaseInsensitive) == 0 && !c.authorName.isEmpty())
            return c.authorName;
    }
    return {};
}

void findReleaseNotesUrl(const Workspace &ws, NotificationFacts &facts)
{
    const QString version = facts.release.version;
    QFile file(QDir(ws.root).filePath(ws.policy.changelogPath));
    if (file.open(QIODevice::ReadOnly)) {
        if (auto log = parseChangelog(file.readAll(), ws.policy.changelogPath)) {
            for (const QString &label : {version, QStringLiteral("v") + version}) {
                if (const LinkReference *link = log->link(label)) {
                    facts.releaseNotesUrl = link->url;
                    return;
                }
            }
        }
    }
    QString remote;
    if (auto git = GitService::open(ws.root, ws.policy.tagFormat))
        if (auto url = git->remoteUrl(QStringLiteral("origin")))
            remote = *url;
    facts.releaseNotesUrl = forgeReleaseUrl(remote, ws.policy.tagFor(version));
    if (facts.releaseNotesUrl.isEmpty())
        facts.releaseNotesUrlMissing
            = QStringLiteral("no release notes URL: %1 has no link for [%2] and the origin remote is %3")
                  .arg(ws.policy.changelogPath, version,
                      remote.isEmpty() ? QStringLiteral("not set")
                                       : QStringLiteral("not on GitHub or GitLab"));
}

QStringList countedApprovals(const ApprovalState &approvals)
{
    QStringList out;
    for (const RoleApproval &role : approvals.roles) {
        for (const EvaluatedSignoff &s : role.signoffs) {
            if (s.status == SignoffStatus::Counted)
                out << QStringLiteral("%1: %2").arg(role.requirement.role, s.signoff.signer);
        }
    }
    return out;
}

}  // namespace

NotificationService::NotificationService(Store *store, Workspace workspace, Identity identity)
    : m_store(store)
    , m_workspace(std::move(workspace))
    , m_identity(std::move(identity))
{
}

QString NotificationService::project() const
{
    const QString project = m_workspace.policy.project.trimmed();
    return project.isEmpty() ? QDir(m_workspace.root).dirName() : project;
}

Result<NotificationFacts> NotificationService::gatherFacts(
    Store *store, const Workspace &workspace, const QString &version, QDate today)
{
    auto view = SignoffService::computeView(store, workspace, version);
    if (!view)
        return std::unexpected(view.error());
    NotificationFacts facts;
    facts.release = view->release;
    facts.commit = view->commit;
    facts.changelogSection = QString::fromUtf8(view->changelogSection);
    facts.changelogHeading = view->changelogHeading;
    facts.approvals = countedApprovals(view->approvals);
    facts.today = today;
    if (auto deployments = store->deployments(version).result())
        facts.deployments = *deployments;
    else
        qCInfo(lcNotify) << "no deployments for" << version << deployments.error().message;
    findReleaseNotesUrl(workspace, facts);
    facts.releaseManagerName = personName(workspace.root, notificationReleaseManager(workspace.policy, facts.release));
    return facts;
}

QFuture<Result<NotificationFacts>> NotificationService::facts(QString version, QDate today) const
{
    return QtConcurrent::run([store = m_store, ws = m_workspace, version = std::move(version), today] {
        return gatherFacts(store, ws, version, today);
    });
}

QList<ScheduledNotification> NotificationService::schedule(const NotificationFacts &facts) const
{
    std::optional<QDate> deployedOn;
    if (!facts.deployments.isEmpty())
        deployedOn = facts.deployments.last().deployedAt.toUTC().date();
    return scheduleNotifications(m_workspace.policy, facts.release, deployedOn, facts.today);
}

Result<int> NotificationService::findTemplate(const QString &name) const
{
    QStringList names;
    const auto &list = m_workspace.policy.notifications;
    for (int i = 0; i < list.size(); ++i) {
        if (list[i].name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return i;
        names << QStringLiteral("\"%1\"").arg(list[i].name);
    }
    return fail(ErrorCode::NotFound,
        names.isEmpty() ? QStringLiteral("the policy has no notifications")
                        : QStringLiteral("no notification template \"%1\"; the policy has %2")
                              .arg(name, names.join(QStringLiteral(", "))),
        m_workspace.policy.locationOf(QStringLiteral("notifications")));
}

RenderedNotification NotificationService::render(int index, const NotificationFacts &facts) const
{
    return renderNotification(m_workspace.policy, index, facts);
}

QFuture<Status> NotificationService::post(
    const QString &version, const RenderedNotification &message, WebhookClient *client)
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    QFuture<Status> future = promise->future();
    const auto finish = [promise](Status status) {
        promise->addResult(std::move(status));
        promise->finish();
    };
    AuditEntry entry;
    entry.actor = m_identity.id;
    entry.action = QStringLiteral("notify.post");
    entry.release = version;
    entry.subject = message.name;
    entry.after = {{QStringLiteral("template"), message.name}, {QStringLiteral("event"), message.event},
        {QStringLiteral("channel"), message.channel}, {QStringLiteral("subject"), message.subject}};
    const QByteArray payload = slackPayload(message);
    Store *store = m_store;
    QPointer<WebhookClient> guard(client);
    WebhookClient::storedUrl(project(), message.channel)
        .then(QtFuture::Launch::Sync, [=](Result<QString> url) {
            if (!url)
                return finish(std::unexpected(url.error()));
            if (!guard)
                return finish(fail(ErrorCode::Internal, QStringLiteral("the webhook client is gone")));
            guard->post(*url, payload).then(QtFuture::Launch::Sync, [=](Status posted) {
                if (!posted)
                    return finish(posted);
                store->appendAudit(entry).then(QtFuture::Launch::Sync, [=](Result<AuditEntry> saved) {
                    if (saved)
                        return finish(Status {});
                    finish(fail(saved.error().code,
                        QStringLiteral("posted, but the audit log refused it: ") + saved.error().message));
                });
            });
        });
    return future;
}

}  // namespace cockpit
