// GitService::pushTag: git_remote_push of one refs/tags/* ref, with credentials from the caller.
#include "git_service.h"

#include "git_handles.h"

#include <QUrl>

namespace cockpit {
namespace {

struct PushState {
    const GitCredentials *credentials = nullptr;
    unsigned int tried = 0;  // credential types already offered: libgit2 asks again on failure
    QString rejection;  // the remote's reason for refusing the ref
};

int credentialsFor(
    git_credential **out, const char *url, const char *usernameFromUrl, unsigned int allowed, void *payload)
{
    auto *state = static_cast<PushState *>(payload);
    const QString user = !state->credentials->username.isEmpty()
        ? state->credentials->username
        : (usernameFromUrl && *usernameFromUrl ? QString::fromUtf8(usernameFromUrl) : QStringLiteral("git"));
    const QByteArray user8 = user.toUtf8();
    if ((allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) && !(state->tried & GIT_CREDENTIAL_USERPASS_PLAINTEXT)
        && !state->credentials->password.isEmpty()) {
        state->tried |= GIT_CREDENTIAL_USERPASS_PLAINTEXT;
        return git_credential_userpass_plaintext_new(
            out, user8.constData(), state->credentials->password.toUtf8().constData());
    }
    if ((allowed & GIT_CREDENTIAL_SSH_KEY) && !(state->tried & GIT_CREDENTIAL_SSH_KEY)) {
        state->tried |= GIT_CREDENTIAL_SSH_KEY;
        return git_credential_ssh_key_from_agent(out, user8.constData());
    }
    if ((allowed & GIT_CREDENTIAL_USERNAME) && !(state->tried & GIT_CREDENTIAL_USERNAME)) {
        state->tried |= GIT_CREDENTIAL_USERNAME;
        return git_credential_username_new(out, user8.constData());
    }
    // Everything we have was refused: stop instead of letting libgit2 ask forever.
    git_error_set_str(GIT_ERROR_NET,
        QStringLiteral("authentication to %1 failed")
            .arg(QUrl(QString::fromUtf8(url)).toDisplayString(QUrl::RemoveUserInfo))
            .toUtf8()
            .constData());
    return GIT_EAUTH;
}

int onPushUpdate(const char *refname, const char *status, void *payload)
{
    if (status)  // null means the remote accepted the ref
        static_cast<PushState *>(payload)->rejection
            = QStringLiteral("%1: %2").arg(QString::fromUtf8(refname), QString::fromUtf8(status));
    return 0;
}

// A remote as errors and logs show it: a URL never carries its user info there.
QString displayRemote(const QString &remote)
{
    if (!remote.contains(QLatin1String("://")))
        return remote;
    return QUrl(remote).toDisplayString(QUrl::RemoveUserInfo);
}

}  // namespace

Result<QString> GitService::remoteUrl(const QString &remote) const
{
    git::Remote handle;
    if (git_remote_lookup(handle.out(), raw(), remote.toUtf8().constData()) == 0)
        return QString::fromUtf8(git_remote_url(handle.get()));
    if (remote.contains(QLatin1Char('/')))
        return remote;
    return fail(
        ErrorCode::NotFound, QStringLiteral("no remote '%1'").arg(remote), SourceLocation {workdir()});
}

Status GitService::pushTag(const QString &remote, const QString &tagName, const GitCredentials &credentials)
{
    git::Remote handle;
    const QByteArray remote8 = remote.toUtf8();
    if (git_remote_lookup(handle.out(), raw(), remote8.constData()) != 0) {
        // Not a configured remote name: treat it as a URL (file:///srv/repo.git, https://...).
        if (!remote.contains(QLatin1Char('/'))
            || git_remote_create_anonymous(handle.out(), raw(), remote8.constData()) != 0)
            return git::fail(
                ErrorCode::NotFound, QStringLiteral("no remote '%1'").arg(displayRemote(remote)), workdir());
    }
    if (auto t = tag(tagName); !t)
        return std::unexpected(t.error());
    PushState state {&credentials, 0, {}};
    git_push_options opts = GIT_PUSH_OPTIONS_INIT;
    opts.callbacks.credentials = credentialsFor;
    opts.callbacks.push_update_reference = onPushUpdate;
    opts.callbacks.payload = &state;
    const QByteArray refspec = QStringLiteral("refs/tags/%1:refs/tags/%1").arg(tagName).toUtf8();
    char *specs[] = {const_cast<char *>(refspec.constData())};
    const git_strarray refspecs {specs, 1};
    if (git_remote_push(handle.get(), &refspecs, &opts) != 0)
        return git::fail(ErrorCode::Unavailable,
            QStringLiteral("cannot push tag %1 to %2").arg(tagName, displayRemote(remote)), workdir());
    if (!state.rejection.isEmpty())
        return fail(ErrorCode::Failed,
            QStringLiteral("%1 refused tag %2 (%3)").arg(displayRemote(remote), tagName, state.rejection),
            SourceLocation {workdir()});
    qCInfo(lcGit) << "pushed" << tagName << "to" << displayRemote(remote);
    return {};
}

}  // namespace cockpit
