#include "rollback.h"

#include <array>
#include <utility>

namespace cockpit {

namespace {

constexpr std::array<std::pair<RollbackStepKind, const char *>, 5> kKinds {{
    {RollbackStepKind::Run, "run"},
    {RollbackStepKind::Shell, "shell"},
    {RollbackStepKind::Http, "http"},
    {RollbackStepKind::Probe, "probe"},
    {RollbackStepKind::Manual, "manual"},
}};

constexpr std::array<std::pair<RollbackStepState, const char *>, 7> kStepStates {{
    {RollbackStepState::Pending, "pending"},
    {RollbackStepState::Running, "running"},
    {RollbackStepState::Succeeded, "succeeded"},
    {RollbackStepState::Failed, "failed"},
    {RollbackStepState::TimedOut, "timed_out"},
    {RollbackStepState::Skipped, "skipped"},
    {RollbackStepState::Interrupted, "interrupted"},
}};

constexpr std::array<std::pair<RollbackState, const char *>, 5> kStates {{
    {RollbackState::AwaitingApproval, "awaiting_approval"},
    {RollbackState::Running, "running"},
    {RollbackState::Halted, "halted"},
    {RollbackState::Succeeded, "succeeded"},
    {RollbackState::Aborted, "aborted"},
}};

template <typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &table, Enum value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return QString::fromLatin1(table.front().second);
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &table, const QString &name)
{
    const QString n = name.trimmed().toLower();
    for (const auto &[v, text] : table) {
        if (n == QLatin1String(text))
            return v;
    }
    return std::nullopt;
}

}  // namespace

QString rollbackStepKindName(RollbackStepKind kind)
{
    return nameOf(kKinds, kind);
}

QString rollbackStepStateName(RollbackStepState state)
{
    return nameOf(kStepStates, state);
}

std::optional<RollbackStepState> rollbackStepStateFromName(const QString &name)
{
    return valueOf(kStepStates, name);
}

QString rollbackStateName(RollbackState state)
{
    return nameOf(kStates, state);
}

std::optional<RollbackState> rollbackStateFromName(const QString &name)
{
    return valueOf(kStates, name);
}

}  // namespace cockpit
