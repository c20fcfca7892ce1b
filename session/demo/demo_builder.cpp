#include "demo_builder.h"
#include "session.h"

#include "demo_environments.h"
#include "demo_soak.h"
#include "git_service.h"
#include "release_service.h"
#include "signoff_service.h"
#include "store.h"
#include "workspace.h"

#include <QDir>
#include <QRandomGenerator>
#include <QStringList>

namespace cockpit {
namespace {

const GitSignature kAuthors[] = {
    {QStringLiteral("Maria Keller"), QStringLiteral("maria.keller@solvereign.example"), {}},
    {QStringLiteral("Jonas Brandt"), QStringLiteral("jonas.brandt@solvereign.example"), {}},
    {QStringLiteral("Aylin Demir"), QStringLiteral("aylin.demir@solvereign.example"), {}},
    {QStringLiteral("Tomasz Nowak"), QStringLiteral("tomasz.nowak@solvereign.example"), {}},
};

struct DemoCommit {
    QString type;
    QString scope;
    QString description;
    int pr = 0;
    bool breaking = false;
    [[nodiscard]] QString subject() const
    {
        return QStringLiteral("%1(%2)%3: %4 (#%5)")
            .arg(type, scope, breaking ? QStringLiteral("!") : QString(), description)
            .arg(pr);
    }
};

DemoCommit makeCommit(QRandomGenerator &rng, int pr)
{
    static const QStringList types = {QStringLiteral("feat"), QStringLiteral("fix"), QStringLiteral("fix"),
                                      QStringLiteral("chore"), QStringLiteral("docs"), QStringLiteral("refactor"),
                                      QStringLiteral("perf"), QStringLiteral("test"), QStringLiteral("ci"),
                                      QStringLiteral("build")};
    static const QStringList scopes = {QStringLiteral("api"), QStringLiteral("auth"), QStringLiteral("billing"),
                                       QStringLiteral("routing"), QStringLiteral("ui"), QStringLiteral("db"),
                                       QStringLiteral("webhooks"), QStringLiteral("solver")};
    static const QStringList verbs = {QStringLiteral("add"), QStringLiteral("handle"), QStringLiteral("validate"),
                                      QStringLiteral("cache"), QStringLiteral("retry"), QStringLiteral("log"),
                                      QStringLiteral("paginate"), QStringLiteral("expose")};
    static const QStringList things = {QStringLiteral("tenant quotas"), QStringLiteral("route exports"),
                                       QStringLiteral("invoice totals"), QStringLiteral("session refresh"),
                                       QStringLiteral("webhook signatures"), QStringLiteral("driver shifts"),
                                       QStringLiteral("depot capacity"), QStringLiteral("audit events"),
                                       QStringLiteral("OSRM timeouts"), QStringLiteral("plan snapshots")};
    DemoCommit c;
    c.type = types.at(rng.bounded(types.size()));
    c.scope = scopes.at(rng.bounded(scopes.size()));
    c.description = verbs.at(rng.bounded(verbs.size())) + QLatin1Char(' ') + things.at(rng.bounded(things.size()));
    c.pr = pr;
    return c;
}

QString sectionFor(const QString &type)
{
    if (type == QLatin1String("feat"))
        return QStringLiteral("Added");
    if (type == QLatin1String("fix"))
        return QStringLiteral("Fixed");
    if (type == QLatin1String("perf"))
        return QStringLiteral("Changed");
    return {};
}

struct ReleaseNotes {
    QString version;
    QString date;
    QMap<QString, QStringList> sections;
};

QByteArray renderChangelog(const QList<ReleaseNotes> &releases)
{
    QString out = QStringLiteral(
        "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n"
        "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),\n"
        "and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n");
    const QStringList order = {QStringLiteral("Added"), QStringLiteral("Changed"), QStringLiteral("Fixed"),
                               QStringLiteral("Security"), QStringLiteral("Migration Notes")};
    for (const ReleaseNotes &r : releases) {
        out += r.version == QLatin1String("Unreleased") ? QStringLiteral("\n## [Unreleased]\n")
                                                        : QStringLiteral("\n## [%1] - %2\n").arg(r.version, r.date);
        for (const QString &section : order) {
            const QStringList entries = r.sections.value(section);
            if (entries.isEmpty())
                continue;
            out += QStringLiteral("\n### %1\n\n").arg(section);
            for (const QString &e : entries)
                out += QStringLiteral("- %1\n").arg(e);
        }
    }
    return out.toUtf8();
}

// A sign-off by the role's first person on the release's digest as it is now.
Status recordDemoSignoff(Store *store, const Workspace &workspace, const QString &role)
{
    const QString version = QString::fromLatin1(kDemoVersion);
    auto view = SignoffService::computeView(store, workspace, version);
    if (!view)
        return std::unexpected(view.error());
    const Signoff signoff {0, version, role, workspace.policy.roles.value(role).value(0), SignoffDecision::Approve,
        {}, view->digest, {}, {}};
    auto saved = store->recordSignoff(signoff).result();
    if (!saved)
        return std::unexpected(saved.error());
    return {};
}

}  // namespace

Status buildDemoRepository(const QString &dir)
{
    if (QDir(dir).exists() && !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return fail(ErrorCode::Refused, QStringLiteral("the demo directory is not empty"), SourceLocation{dir});
    auto repo = GitService::init(dir);
    if (!repo)
        return std::unexpected(repo.error());
    repo->setConfigValue(QStringLiteral("user.name"), kAuthors[0].name);
    repo->setConfigValue(QStringLiteral("user.email"), kAuthors[0].email);

    QRandomGenerator rng(37);  // fixed seed: the same demo every time
    const QDateTime start(QDate(2026, 6, 1), QTime(9, 0), Qt::UTC);
    const struct { int at; const char *tag; const char *date; } tags[] = {
        {110, "v3.5.0", "2026-07-14"}, {220, "v3.6.0", "2026-08-25"}, {318, "v3.7.0-rc1", "2026-10-05"}};
    QList<ReleaseNotes> history = {{QStringLiteral("Unreleased"), {}, {}}};
    int tagIndex = 0;
    for (int i = 0; i < 324; ++i) {
        DemoCommit c = makeCommit(rng, 1200 + i);
        c.breaking = i == 160;  // one breaking change in 3.6.0's history
        GitSignature author = kAuthors[rng.bounded(4)];
        author.when = start.addSecs(qint64(i) * 5 * 3600);
        const QString section = sectionFor(c.type);
        if (!section.isEmpty() && i % 3 != 0)  // some commits slip through without an entry
            history.first().sections[section].append(QStringLiteral("%1 (#%2)").arg(c.description).arg(c.pr));
        const QString file = QStringLiteral("src/%1/%2.txt").arg(c.scope).arg(i % 17);
        QMap<QString, QByteArray> files{{file, c.subject().toUtf8() + '\n'}};
        const bool tagging = tagIndex < 3 && i == tags[tagIndex].at;
        if (i == 0)
            files.insert(QStringLiteral("README.md"), "# SOLVEREIGN\n\nRoute planning for depots.\n");
        if (tagging && !QByteArray(tags[tagIndex].tag).contains('-')) {
            history.first().version = QString::fromLatin1(tags[tagIndex].tag).mid(1);
            history.first().date = QString::fromLatin1(tags[tagIndex].date);
            history.prepend({QStringLiteral("Unreleased"), {}, {}});
        }
        files.insert(QStringLiteral("CHANGELOG.md"), renderChangelog(history));
        if (i == 0) {
            files.insert(QStringLiteral(".gitignore"), "/build/\n");
            // The gated-ga preset's evidence pack includes the frozen dependencies (seed 000 section 7.1).
            files.insert(QStringLiteral("requirements.lock.txt"),
                "fastapi==0.110.0\npsycopg[binary]==3.1.18\npydantic==2.6.4\nuvicorn==0.29.0\n");
            files.insert(demoGateFiles());
        }
        auto sha = repo->commitFiles(files, c.subject() + QStringLiteral("\n"), author);
        if (!sha)
            return std::unexpected(sha.error());
        if (tagging) {
            const QString tag = QString::fromLatin1(tags[tagIndex].tag);
            if (auto ok = repo->createAnnotatedTag(tag, *sha, QStringLiteral("Release %1\n").arg(tag), author); !ok)
                return std::unexpected(ok.error());
            ++tagIndex;
        }
    }
    if (auto ok = initWorkspaceFromPreset(
            repo->workdir(), QStringLiteral("gated-ga"), QStringLiteral("SOLVEREIGN"));
        !ok)
        return ok;
    if (auto ok = useDemoGates(repo->workdir()); !ok)
        return ok;
    if (auto scheduled = appendDemoSchedule(repo->workdir()); !scheduled)  // demo_history.cpp
        return scheduled;
    if (auto served = useDemoEnvironments(repo->workdir()); !served)  // demo_environments.cpp
        return served;
    return appendDemoCanary(repo->workdir());  // demo_canary.cpp
}

Status seedDemoRelease(Store *store, const Workspace &workspace)
{
    const QString version = QString::fromLatin1(kDemoVersion);
    if (store->release(version).result())
        return {};
    ReleaseService service(store, workspace, Identity{kAuthors[0].email, kAuthors[0].name});
    NewReleaseRequest request{version, QStringLiteral("v3.7.0-rc1"), {}, QDate(2026, 11, 26)};
    auto release = service.createRelease(request).result();
    if (!release)
        return std::unexpected(release.error());
    auto checklist = store->checklist(version).result();
    if (!checklist)
        return std::unexpected(checklist.error());
    // The platform lead signed before the ticks below, so the demo shows a stale sign-off.
    if (auto signedEarly = recordDemoSignoff(store, workspace, QStringLiteral("platform_lead")); !signedEarly)
        return signedEarly;
    // Half-way through pre-release: the first items done, one N/A, one failed with a note.
    const ChecklistPhase &pre = checklist->phases.first();
    QList<const ChecklistItem *> items;
    for (const auto &section : pre.sections)
        for (const auto &item : section.items)
            items.append(&item);
    const int half = int(items.size()) / 2;
    int marked = 0;
    for (int i = 0; i < items.size(); ++i) {
        const QString &text = items[i]->text;
        ItemState state = ItemState::Done;
        QString note, reason;
        if (text.contains(QLatin1String("OSRM"))) {
            state = ItemState::NotApplicable;
            reason = QStringLiteral("OSRM unchanged since v3.6.0");
        } else if (text.contains(QLatin1String("Ops drills"))) {
            state = ItemState::Failed;
            note = QStringLiteral("Drill H2 timed out on staging; rerun scheduled");
        } else if (marked >= half || !items[i]->check.isEmpty()) {
            continue;  // still open, or an automated item that ticks itself
        }
        ++marked;
        auto saved = service.setItem(version, items[i]->key, state, note, reason).result();
        if (!saved)
            return std::unexpected(saved.error());
    }
    if (auto soaked = seedDemoSoak(service, version); !soaked)  // the recorded staging soak
        return soaked;
    // The gates run before the security lead signs: a gate's pass ticks the items bound to it.
    if (auto gated = runDemoGates(service, version); !gated)
        return gated;
    if (auto signed_ = recordDemoSignoff(store, workspace, QStringLiteral("security_lead")); !signed_)
        return signed_;
    // The code freeze has started and the RC pins the commit: 3.7.0 is a candidate waiting for
    // its approvals and gates, so the header and "Why blocked?" have something true to say.
    Session::MoveRequest freeze {version, ReleaseState::Frozen, QStringLiteral("code freeze for the 3.7 train"), false, {}};
    auto frozen = Session::applyMove(store, workspace, Identity {kAuthors[0].email, kAuthors[0].name}, freeze);
    if (!frozen)
        return std::unexpected(frozen.error());
    return {};
}

}  // namespace cockpit
