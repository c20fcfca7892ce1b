#include "session.h"
#include "redactor.h"

#include "metrics_service.h"
#include "notification_service.h"
#include "rollback_plan.h"
#include "rollback_service.h"
#include "signoff_service.h"
#include "tag_service.h"
#include "team_store_url.h"
#include "webhook_client.h"

#include <QDir>

namespace cockpit {

QString checkKindName(CheckKind kind)
{
    switch (kind) {
    case CheckKind::Changelog:
        return QStringLiteral("changelog");
    case CheckKind::Tag:
        return QStringLiteral("tag");
    case CheckKind::Probe:
        return QStringLiteral("probe");
    case CheckKind::Soak:
        return QStringLiteral("soak");
    case CheckKind::Gate:
        return QStringLiteral("gate");
    }
    return {};
}

Identity Session::resolveIdentity(const QString &root, const QString &storeUrl)
{
    // Team mode: the database login is who acts (the policy's roles list logins), and the
    // database refuses anything recorded in another name.
    if (TeamStoreUrl::isTeamUrl(storeUrl)) {
        if (const auto team = TeamStoreUrl::parse(storeUrl))
            return Identity {team->user, team->user};
    }
    return currentIdentity(root.isEmpty() ? QDir::currentPath() : root);
}

Result<SessionSetup> Session::load(const QString &dir, const QString &storeUrl)
{
    auto workspace = Workspace::load(dir);
    if (!workspace)
        return std::unexpected(workspace.error());
    Identity identity = resolveIdentity(workspace->root, storeUrl);
    return SessionSetup {std::move(*workspace), std::move(identity)};
}

Session::Session(Store *store, Workspace workspace, Identity identity, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_releases(std::make_unique<ReleaseService>(store, workspace, identity))
    , m_signoffs(std::make_unique<SignoffService>(store, workspace, identity))
    , m_metrics(std::make_unique<MetricsService>(m_releases.get()))
    , m_notifications(std::make_unique<NotificationService>(store, workspace, identity))
    , m_rollbacks(new RollbackService(m_releases.get(), this))
    , m_webhooks(new WebhookClient(this))
    , m_gateRedactor([](const QString &text) { return Redactor::redact(redactSecrets(text)); })
{
    qRegisterMetaType<cockpit::SessionEvent>();
}

Session::~Session()
{
    // The rollback service's runs reach back into the release service: stop them first. A probe
    // still waiting for the network is dropped with its runner; the pool jobs that hold the store
    // or a service (a tick, a soak's end, an export) finish before either goes.
    delete m_rollbacks;
    m_rollbacks = nullptr;
    delete m_probes;
    m_probes = nullptr;
    m_inFlight.waitForAll();
}

const Workspace &Session::workspace() const
{
    return m_releases->workspace();
}

const Identity &Session::identity() const
{
    return m_releases->identity();
}

TagService Session::tags() const
{
    return TagService(workspace().root, workspace().policy, identity());
}

void Session::announce(SessionEvent event)
{
    emit changed(event);
}

}  // namespace cockpit
