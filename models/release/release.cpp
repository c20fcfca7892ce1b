#include "release.h"

#include <array>

namespace cockpit {

namespace {
struct StateNames {
    ReleaseState state;
    const char *name;
    const char *title;
};

constexpr std::array<StateNames, 9> kStates {{
    {ReleaseState::Draft, "draft", "Draft"},
    {ReleaseState::Frozen, "frozen", "Frozen"},
    {ReleaseState::Candidate, "candidate", "Candidate"},
    {ReleaseState::Approved, "approved", "Approved"},
    {ReleaseState::Deploying, "deploying", "Deploying"},
    {ReleaseState::Soaking, "soaking", "Soaking"},
    {ReleaseState::Released, "released", "Released"},
    {ReleaseState::RolledBack, "rolled_back", "Rolled back"},
    {ReleaseState::Aborted, "aborted", "Aborted"},
}};
}  // namespace

QString releaseStateName(ReleaseState state)
{
    for (const StateNames &s : kStates) {
        if (s.state == state)
            return QString::fromLatin1(s.name);
    }
    return QStringLiteral("draft");
}

QString releaseStateTitle(ReleaseState state)
{
    for (const StateNames &s : kStates) {
        if (s.state == state)
            return QString::fromLatin1(s.title);
    }
    return QStringLiteral("Draft");
}

std::optional<ReleaseState> releaseStateFromName(const QString &name)
{
    // Accept the title spelling too ("rolled back"), since people type it in the CLI.
    QString n = name.trimmed().toLower();
    n.replace(u' ', u'_');
    n.replace(u'-', u'_');
    for (const StateNames &s : kStates) {
        if (n == QLatin1String(s.name))
            return s.state;
    }
    return std::nullopt;
}

QJsonObject releaseToJson(const ReleaseRecord &r)
{
    return {
        {QStringLiteral("version"), r.version},
        {QStringLiteral("type"), r.type},
        {QStringLiteral("commit"), r.commit},
        {QStringLiteral("commit_pinned"), r.commitPinned},
        {QStringLiteral("frozen_commit"), r.frozenCommit},
        {QStringLiteral("branch"), r.branch},
        {QStringLiteral("state"), releaseStateName(r.state)},
        {QStringLiteral("manager"), r.manager},
        {QStringLiteral("created_at"), r.createdAt.isValid() ? r.createdAt.toUTC().toString(Qt::ISODateWithMs) : QString()},
        {QStringLiteral("target_date"), r.targetDate.isValid() ? r.targetDate.toString(Qt::ISODate) : QString()},
    };
}

std::optional<QDate> overdueSince(const ReleaseRecord &release, const QDate &today)
{
    const bool final = release.state == ReleaseState::Released || release.state == ReleaseState::RolledBack
        || release.state == ReleaseState::Aborted;
    if (final || !release.targetDate.isValid() || !today.isValid() || release.targetDate >= today)
        return std::nullopt;
    return release.targetDate;
}

}  // namespace cockpit
