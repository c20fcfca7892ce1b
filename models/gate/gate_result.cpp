#include "gate_result.h"

#include <array>

namespace cockpit {

namespace {
struct StatusName {
    GateStatus status;
    const char *name;
};

constexpr std::array<StatusName, 7> kStatuses {{
    {GateStatus::NotRun, "not_run"},
    {GateStatus::Running, "running"},
    {GateStatus::Pass, "pass"},
    {GateStatus::Fail, "fail"},
    {GateStatus::Skipped, "skipped"},
    {GateStatus::Waiting, "waiting"},
    {GateStatus::Interrupted, "interrupted"},
}};
}  // namespace

QString gateStatusName(GateStatus status)
{
    for (const StatusName &s : kStatuses)
        if (s.status == status)
            return QString::fromLatin1(s.name);
    return QStringLiteral("not_run");
}

std::optional<GateStatus> gateStatusFromName(const QString &name)
{
    QString n = name.trimmed().toLower();
    n.replace(u' ', u'_');
    for (const StatusName &s : kStatuses)
        if (n == QLatin1String(s.name))
            return s.status;
    return std::nullopt;
}

QJsonObject gateResultToJson(const GateResult &r)
{
    return {
        {QStringLiteral("name"), r.name},
        {QStringLiteral("kind"), r.kind},
        {QStringLiteral("status"), gateStatusName(r.status)},
        {QStringLiteral("exit_code"), r.exitCode},
        {QStringLiteral("duration_ms"), r.durationMs},
        {QStringLiteral("output_tail"), r.outputTail},
        {QStringLiteral("commit"), r.commit},
        {QStringLiteral("ran_by"), r.ranBy},
        {QStringLiteral("ran_at"), r.ranAt.isValid() ? r.ranAt.toString(Qt::ISODateWithMs) : QString()},
        {QStringLiteral("note"), r.note},
    };
}

}  // namespace cockpit
