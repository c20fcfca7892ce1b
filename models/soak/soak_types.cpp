#include "soak_types.h"

#include <array>
#include <utility>

namespace cockpit {

namespace {

template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[key, name] : table)
        if (key == value)
            return QString::fromLatin1(name);
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<std::pair<Enum, const char *>, N> &table, const QString &name)
{
    for (const auto &[key, text] : table)
        if (name == QLatin1String(text))
            return key;
    return std::nullopt;
}

constexpr std::array<std::pair<QueryFailure, const char *>, 9> kFailures {{
    {QueryFailure::None, "none"},
    {QueryFailure::Unreachable, "unreachable"},
    {QueryFailure::HttpError, "http_error"},
    {QueryFailure::PrometheusError, "prometheus_error"},
    {QueryFailure::MalformedJson, "malformed_json"},
    {QueryFailure::EmptyResult, "empty_result"},
    {QueryFailure::NotFinite, "not_finite"},
    {QueryFailure::Timeout, "timeout"},
    {QueryFailure::Stale, "stale"},
}};

constexpr std::array<std::pair<CheckStatus, const char *>, 4> kCheckStatuses {{
    {CheckStatus::Pass, "pass"},
    {CheckStatus::Fail, "fail"},
    {CheckStatus::Inconclusive, "inconclusive"},
    {CheckStatus::Running, "running"},
}};

constexpr std::array<std::pair<SoakVerdict, const char *>, 4> kVerdicts {{
    {SoakVerdict::Pass, "pass"},
    {SoakVerdict::Fail, "fail"},
    {SoakVerdict::Inconclusive, "inconclusive"},
    {SoakVerdict::Running, "running"},
}};

constexpr std::array<std::pair<MeasurementStatus, const char *>, 5> kMeasurementStatuses {{
    {MeasurementStatus::Pass, "pass"},
    {MeasurementStatus::Fail, "fail"},
    {MeasurementStatus::Error, "error"},
    {MeasurementStatus::NoData, "no_data"},
    {MeasurementStatus::Pending, "pending"},
}};

}  // namespace

QString queryFailureName(QueryFailure failure)
{
    return nameOf(kFailures, failure);
}
std::optional<QueryFailure> queryFailureFromName(const QString &name)
{
    return fromName(kFailures, name);
}
QString checkStatusName(CheckStatus status)
{
    return nameOf(kCheckStatuses, status);
}
QString soakVerdictName(SoakVerdict verdict)
{
    return nameOf(kVerdicts, verdict);
}
QString measurementStatusName(MeasurementStatus status)
{
    return nameOf(kMeasurementStatuses, status);
}

std::optional<CheckStatus> checkStatusFromName(const QString &name)
{
    return fromName(kCheckStatuses, name);
}
std::optional<SoakVerdict> soakVerdictFromName(const QString &name)
{
    return fromName(kVerdicts, name);
}
std::optional<MeasurementStatus> measurementStatusFromName(const QString &name)
{
    return fromName(kMeasurementStatuses, name);
}

}  // namespace cockpit
