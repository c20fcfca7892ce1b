// `env status`: every environment, what it runs now (probed in parallel) against what the cockpit
// last deployed there, in one table; exit 1 while an environment drifts (Session::environmentStatus).
#include "cli_context.h"
#include "commands.h"
#include "environment_status.h"
#include "session.h"

#include <QJsonArray>

namespace cockpit::cli {

namespace {

QString syncWord(const EnvironmentStatus &s)
{
    switch (s.sync) {
    case EnvironmentSync::InSync:
        return QStringLiteral("in sync");
    case EnvironmentSync::Canary:
        return QStringLiteral("canary %1%").arg(s.canaryPercent.value_or(0));
    case EnvironmentSync::Drift:
        return QStringLiteral("DRIFT");
    case EnvironmentSync::Unreachable:
        return QStringLiteral("unknown");
    case EnvironmentSync::NotProbed:
        return QStringLiteral("not probed");
    case EnvironmentSync::NeverDeployed:
        return QStringLiteral("never deployed");
    }
    return {};
}

QStringList rowOf(const EnvironmentStatus &s)
{
    const QString running = !s.running.isEmpty() ? s.running
        : !s.probeError.isEmpty()                 ? QStringLiteral("?")
                                                  : QStringLiteral("-");
    const QString deployed = s.deployedVersion.isEmpty()
        ? QStringLiteral("-")
        : QStringLiteral("%1 (%2)").arg(s.deployedVersion, s.deployedCommit.left(8));
    const QString since = s.deployedAt.isValid() ? s.deployedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                                 : QStringLiteral("-");
    return {s.name, running, deployed, since, syncWord(s)};
}

}  // namespace

int runEnvStatus(CliContext &ctx)
{
    auto session = ctx.session();
    if (!session)
        return ctx.report(session.error());
    auto report = await((*session)->environmentStatus());
    if (!report)
        return ctx.report(report.error());
    for (const QString &warning : report->warnings)
        ctx.err(QStringLiteral("warning: %1").arg(warning));
    bool drift = false;
    for (const EnvironmentStatus &s : report->environments)
        drift = drift || s.sync == EnvironmentSync::Drift;
    if (ctx.json()) {
        QJsonArray rows;
        for (const EnvironmentStatus &s : report->environments)
            rows << environmentStatusToJson(s);
        ctx.printJson(QJsonObject {{QStringLiteral("environments"), rows}, {QStringLiteral("drift"), drift}});
        return drift ? Failed : Ok;
    }
    if (report->environments.isEmpty()) {
        ctx.out(QStringLiteral("The policy names no environments."));
        return Ok;
    }
    QList<QStringList> table {{QStringLiteral("ENV"), QStringLiteral("RUNS NOW"), QStringLiteral("COCKPIT DEPLOYED"),
        QStringLiteral("SINCE"), QStringLiteral("STATE")}};
    for (const EnvironmentStatus &s : report->environments)
        table << rowOf(s);
    QList<qsizetype> widths(table.first().size(), 0);
    for (const QStringList &row : table)
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    for (const QStringList &row : table) {
        QStringList cells;
        for (qsizetype c = 0; c < row.size(); ++c)
            cells << (c + 1 == row.size() ? row[c] : row[c].leftJustified(widths[c]));
        ctx.out(cells.join(QStringLiteral("  ")));
    }
    // What the table cannot hold: why a probe failed, both sides of a drift, a canary's two versions.
    for (const EnvironmentStatus &s : report->environments)
        if (s.sync == EnvironmentSync::Drift || s.sync == EnvironmentSync::Unreachable || s.sync == EnvironmentSync::Canary)
            ctx.out(QStringLiteral("%1: %2").arg(s.name, s.summary()));
    return drift ? Failed : Ok;
}

}  // namespace cockpit::cli
