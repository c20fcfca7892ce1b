// init, demo and policy check: commands about the workspace itself.
#include "cli_context.h"
#include "commands.h"
#include "demo_builder.h"
#include "demo_environments.h"
#include "fresh_workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace cockpit::cli {

int runInit(CliContext &ctx)
{
    const QString preset = ctx.option(QStringLiteral("preset"));
    if (preset.isEmpty())
        return ctx.usage(
            QStringLiteral("init needs --preset NAME (gated-ga, release-train, promotion, canary)"));
    QStringList notes;
    if (auto ok = initFreshWorkspace(ctx.workspaceDir(), preset, &notes); !ok)
        return ctx.report(ok.error());
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    ctx.err(QStringLiteral("Wrote %1 from preset %2 (%3 checklists).")
                .arg(QDir(ws->root).relativeFilePath(ws->policyPath()), preset)
                .arg(ws->templates.size()));
    for (const QString &note : std::as_const(notes))
        ctx.err(note);
    if (ctx.json())
        ctx.printJson({{QStringLiteral("workspace"), ws->root}, {QStringLiteral("preset"), preset},
            {QStringLiteral("policy"), ws->policyPath()}, {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}});
    return Ok;
}

int runDemo(CliContext &ctx)
{
    // The window opens after a demo built for a person; not for scripts (--no-open, --json).
    const bool openGui = !ctx.isSet(QStringLiteral("no-open")) && !ctx.json();
    QString dir = ctx.option(QStringLiteral("dir"));
    if (dir.isEmpty())
        dir = QDir::temp().filePath(QStringLiteral("release-cockpit-demo"));
    dir = QDir(dir).absolutePath();
    const bool exists = QFileInfo::exists(QDir(dir).filePath(QStringLiteral(".release-cockpit/policy.yml")));
    if (!exists) {
        ctx.err(QStringLiteral("Building the demo workspace in %1 ...").arg(dir));
        if (auto ok = buildDemoRepository(dir); !ok)
            return ctx.report(ok.error());
    }
    auto ws = Workspace::load(dir);
    if (!ws)
        return ctx.report(ws.error());
    auto store = ctx.openStore(dir);
    if (!store)
        return ctx.report(store.error());
    // Earlier releases deployed, one rolled back: the calendar and metrics windows have a history.
    if (auto history = seedDemoHistory(*store, *ws); !history)
        return ctx.report(history.error());
    if (auto canary = seedDemoCanary(*store, *ws); !canary)  // 3.6.10 in its canary's phase 2
        return ctx.report(canary.error());
    if (auto seeded = seedDemoRelease(*store, *ws); !seeded)
        return ctx.report(seeded.error());
    ctx.err(
        QStringLiteral("Demo workspace ready: %1 (release %2).").arg(dir, QString::fromLatin1(kDemoVersion)));
    if (ctx.json())
        ctx.printJson({{QStringLiteral("workspace"), dir},
            {QStringLiteral("release"), QString::fromLatin1(kDemoVersion)},
            {QStringLiteral("db"), (*store)->url()}});
    if (openGui) {
        // Staging and production answer on a local port while the window is open (Environments tab).
        if (auto served = DemoEnvironments::start(*ws, QCoreApplication::instance()); !served)
            ctx.err(QStringLiteral("warning: %1").arg(served.error().message));
        ctx.setGuiWorkspace(dir);
    }
    return Ok;
}

int runPolicyCheck(CliContext &ctx)
{
    auto ws = ctx.loadWorkspace();
    if (!ws)
        return ctx.report(ws.error());
    int items = 0;
    QJsonArray checklists;
    for (const auto &phase : ws->templates) {
        items += phase.itemCount();
        checklists.append(
            QJsonObject {{QStringLiteral("name"), phase.name}, {QStringLiteral("items"), phase.itemCount()}});
    }
    // Files the evidence pack lists but the repository lacks: the policy is valid, the export
    // would refuse, so a warning (the exit stays 0).
    QStringList warnings;
    for (const MissingInclude &m : missingEvidenceIncludes(*ws))
        warnings << QStringLiteral("%1: %2: %3 does not exist; evidence export refuses until it does")
                        .arg(m.where.toString(), m.key, m.path);
    for (const QString &w : std::as_const(warnings))
        ctx.err(QStringLiteral("warning: %1").arg(w));
    ctx.err(QStringLiteral("%1: OK (%2 release types, %3 checklists, %4 items%5)")
                .arg(ws->policyPath())
                .arg(ws->policy.releaseTypes.size())
                .arg(ws->templates.size())
                .arg(items)
                .arg(warnings.isEmpty() ? QString() : QStringLiteral(", %1 warning(s)").arg(warnings.size())));
    if (ctx.json())
        ctx.printJson({{QStringLiteral("ok"), true}, {QStringLiteral("policy"), ws->policyPath()},
            {QStringLiteral("checklists"), checklists}, {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}});
    return Ok;
}

}  // namespace cockpit::cli
