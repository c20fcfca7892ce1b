// notify VERSION [--template NAME] [--post] [--reason T]: the policy's communications for a
// release. notify webhook set|remove [CHANNEL]: the webhook URL, read from standard input so the
// secret never sits in argv or the shell history, kept only in the keychain.
#include "cli_context.h"
#include "commands.h"
#include "notification_service.h"
#include "secret_store.h"
#include "webhook_client.h"

#include <QEventLoop>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QUrl>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace cockpit::cli {
namespace {

// One line from standard input; typed at a terminal, it is not echoed.
QString readSecretLine(CliContext &ctx)
{
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved {};
    if (terminal && tcgetattr(STDIN_FILENO, &saved) == 0) {
        ctx.err(QStringLiteral("Webhook URL (not echoed): "));
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QFile in;
    QString line;
    if (in.open(stdin, QIODevice::ReadOnly))
        line = QString::fromUtf8(in.readLine()).trimmed();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        ctx.err(QString());
    }
    return line;
}

int runWebhook(CliContext &ctx, const NotificationService &service)
{
    const QStringList w = ctx.words();
    const QString action = w.value(2);  // set | remove: the command table allows no other
    const QString key = WebhookClient::keychainKey(service.project(), w.value(3));
    const QString scope = w.size() > 3 ? QStringLiteral("channel %1").arg(w.value(3))
                                       : QStringLiteral("every channel without its own");
    if (action == u"remove") {
        if (const Status removed = await(SecretStore::remove(key)); !removed)
            return ctx.report(removed.error());
        ctx.err(QStringLiteral("Removed the webhook URL for %1 (keychain entry \"%2\").").arg(scope, key));
        return Ok;
    }
    const QString url = readSecretLine(ctx);
    if (url.isEmpty())
        return ctx.usage(
            QStringLiteral("notify webhook set reads the URL from standard input; it was empty"));
    if (const Status valid = WebhookClient::validateUrl(url); !valid)
        return ctx.report(valid.error());
    if (const Status stored = await(SecretStore::write(key, url)); !stored)
        return ctx.report(stored.error());
    ctx.err(QStringLiteral("Stored the webhook URL (%1) for %2 in the keychain entry \"%3\".")
                .arg(WebhookClient::displayHost(QUrl(url)), scope, key));
    return Ok;
}

int listTemplates(CliContext &ctx, const NotificationService &service, const NotificationFacts &facts)
{
    const QList<ScheduledNotification> schedule = service.schedule(facts);
    QJsonArray list;
    int hidden = 0;
    for (const ScheduledNotification &s : schedule) {
        list.append(QJsonObject {{QStringLiteral("template"), s.name}, {QStringLiteral("event"), s.event},
            {QStringLiteral("channel"), s.channel},
            {QStringLiteral("due"), s.due ? QJsonValue(s.due->toString(Qt::ISODate)) : QJsonValue()},
            {QStringLiteral("relevant"), s.relevant}, {QStringLiteral("when"), s.when}});
        if (!s.relevant) {
            ++hidden;
            continue;
        }
        if (!ctx.json())
            ctx.out(QStringLiteral("%1\t%2\t%3\t%4").arg(s.name, s.channel, s.event, s.when));
    }
    if (ctx.json())
        ctx.printJson({{QStringLiteral("version"), facts.release.version},
            {QStringLiteral("state"), releaseStateName(facts.release.state)},
            {QStringLiteral("templates"), list}});
    if (hidden > 0)
        ctx.err(QStringLiteral(
            "%1 more template(s) not due in state %2 (--json lists every one); render one with "
            "--template NAME.")
                    .arg(hidden)
                    .arg(releaseStateName(facts.release.state)));
    if (schedule.isEmpty())
        ctx.err(QStringLiteral("The policy has no notifications."));
    return Ok;
}

int postMessage(CliContext &ctx, Session &session, const RenderedNotification &message)
{
    const Status posted
        = await(session.notifications().post(ctx.words().value(1), message, &session.webhooks()));
    if (!posted) {
        Error error = posted.error();
        if (error.code == ErrorCode::NotFound)
            error.code = ErrorCode::Usage;  // nothing to post to: the user has a step to take first
        return ctx.report(error);
    }
    ctx.err(
        QStringLiteral("Posted \"%1\" to the webhook for %2; recorded in the audit log.")
            .arg(message.name, message.channel.isEmpty() ? QStringLiteral("the project") : message.channel));
    return Ok;
}

int renderOne(CliContext &ctx, Session &session, const NotificationFacts &facts)
{
    NotificationService &service = session.notifications();
    auto index = service.findTemplate(ctx.option(QStringLiteral("template")));
    if (!index)
        return ctx.report(index.error());
    const RenderedNotification message = service.render(*index, facts);
    for (const NotificationWarning &w : message.warnings)
        ctx.err(QStringLiteral("warning: ") + w.toString());
    const bool post = ctx.isSet(QStringLiteral("post"));
    const int code = post ? postMessage(ctx, session, message) : Ok;
    if (code != Ok)
        return code;
    if (ctx.json()) {
        QJsonObject json = message.toJson();
        json.insert(QStringLiteral("version"), facts.release.version);
        json.insert(QStringLiteral("posted"), post);
        ctx.printJson(json);
    } else {
        ctx.out(message.plainText());
    }
    return Ok;
}

}  // namespace

int runNotifyWebhook(CliContext &ctx)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    return runWebhook(ctx, NotificationService(nullptr, *ws, ctx.identity()));
}

int runNotify(CliContext &ctx)
{
    const QStringList w = ctx.words();
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    if (ctx.isSet(QStringLiteral("post")) && !ctx.isSet(QStringLiteral("template")))
        return ctx.usage(QStringLiteral("notify --post needs --template NAME"));
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    auto facts = NotificationService::gatherFacts((*session)->store(), *ws, w.value(1), QDate::currentDate());
    if (!facts)
        return ctx.report(facts.error());
    facts->reason = ctx.option(QStringLiteral("reason"));
    if (!ctx.isSet(QStringLiteral("template")))
        return listTemplates(ctx, (*session)->notifications(), *facts);
    return renderOne(ctx, **session, *facts);
}

}  // namespace cockpit::cli
