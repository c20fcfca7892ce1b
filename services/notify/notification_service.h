#pragma once
// Communications for a release, shared by Release ▸ Communications… and `notify`: gathers what
// the templates may say (store, git, changelog, sign-offs), renders them (models/notification_*),
// and posts one to the channel's webhook, recording "notify.post" in the audit log.
#include "identity.h"
#include "notification_render.h"
#include "notification_schedule.h"
#include "store.h"
#include "workspace.h"

#include <QFuture>

namespace cockpit {

class WebhookClient;

class NotificationService {
public:
    NotificationService(Store *store, Workspace workspace, Identity identity);

    [[nodiscard]] const Workspace &workspace() const { return m_workspace; }
    // The project name the keychain entries are under (the policy's project, else the folder's).
    [[nodiscard]] QString project() const;

    // Blocks on the store and git: call it off the GUI thread (facts() does). NotFound for an
    // unknown release; what could not be read (a changelog, the remote) becomes a warning later.
    static Result<NotificationFacts> gatherFacts(
        Store *store, const Workspace &workspace, const QString &version, QDate today);
    [[nodiscard]] QFuture<Result<NotificationFacts>> facts(QString version, QDate today) const;

    // The templates with their due dates and relevance for the facts' release.
    [[nodiscard]] QList<ScheduledNotification> schedule(const NotificationFacts &facts) const;
    // The index of the template named name (case-insensitive); NotFound listing the names.
    [[nodiscard]] Result<int> findTemplate(const QString &name) const;
    [[nodiscard]] RenderedNotification render(int index, const NotificationFacts &facts) const;

    // Reads the channel's webhook URL from the keychain, posts the message and records notify.post
    // (template, event, channel; never the URL). Call on a thread with an event loop (the GUI
    // thread, or the CLI's). NotFound: no URL stored; Unavailable: unreachable; Failed: non-2xx.
    QFuture<Status> post(const QString &version, const RenderedNotification &message, WebhookClient *client);

private:
    Store *m_store;
    Workspace m_workspace;
    Identity m_identity;
};

}  // namespace cockpit
