#include "evidence_pack.h"

#include "canary_json.h"
#include "evidence_git.h"
#include "evidence_names.h"
#include "evidence_records.h"
#include "evidence_soak.h"
#include "fresh_workspace.h"
#include "library_versions.h"
#include "readiness.h"
#include "redactor.h"
#include "rollback_incident.h"
#include "rollback_json.h"
#include "signoff_service.h"
#include "soak_recording.h"
#include "soak_run.h"
#include "store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <algorithm>

namespace cockpit {

Q_LOGGING_CATEGORY(lcEvidence, "cockpit.services.evidence")

namespace {

constexpr int kSteps = 6;

struct Builder {
    QList<EvidenceMember> members;
    QSet<QString> taken;
    void add(const QString &name, const QByteArray &data)
    {
        // The one way into the pack (before checksums): no secret of this process is exported.
        const bool image = name.endsWith(QLatin1String(".png"), Qt::CaseInsensitive);
        members.append({uniqueMemberName(taken, name), image ? data : Redactor::redact(data)});
    }
};

template <typename T> Result<T> await(QFuture<Result<T>> future)
{
    return future.result();
}

QStringList soakEnvironments(const Policy &policy, const QList<Deployment> &deployments)
{
    QStringList names;
    for (const EnvironmentPolicy &env : policy.environments)
        names.append(env.name);
    for (const Deployment &d : deployments)
        if (!names.contains(d.environment))
            names.append(d.environment);
    return names;
}

void addSoakCharts(Builder &b, const QString &env, const SoakRecording &recording)
{
    const SoakEvaluation evaluation = evaluateRecording(recording);
    const QString base = QStringLiteral("soak/") + evidenceNameComponent(env);
    b.add(base + QStringLiteral(".csv"), evidenceSoakCsv(evaluation));
    for (const CheckResult &check : evaluation.checks) {
        SoakChartSvgInput input {check, {}, evaluation.start, evaluation.end, env};
        for (const RecordedCheck &recorded : recording.checks)
            if (recorded.policy.name == check.name && !recorded.series.series.isEmpty())
                input.samples = recorded.series.series.first().samples;
        b.add(base + u'-' + evidenceNameComponent(check.name) + QStringLiteral(".svg"), soakChartSvg(input));
    }
}

// exceptions.json: what an auditor asks about first. Every break-glass override of the lifecycle
// (who, when, which move, why, how many blockers) and every commit accepted after the code freeze.
QByteArray exceptionsJson(const QList<AuditEntry> &audit, const QList<AcceptedCommit> &accepted)
{
    QJsonArray overrides;
    for (const AuditEntry &e : audit) {
        if (e.action != u"release.override")
            continue;
        const OverrideFact o = overrideFromAudit(e.at, e.actor, e.before, e.after);
        overrides.append(QJsonObject {{QStringLiteral("audit_seq"), e.seq},
            {QStringLiteral("at"), o.at.toUTC().toString(Qt::ISODateWithMs)}, {QStringLiteral("by"), o.actor},
            {QStringLiteral("move"), o.move}, {QStringLiteral("reason"), o.reason},
            {QStringLiteral("overridden"), e.after.value(QStringLiteral("overridden"))}});
    }
    QJsonArray commits;
    for (const AcceptedCommit &a : accepted)
        commits.append(QJsonObject {{QStringLiteral("commit"), a.commit}, {QStringLiteral("subject"), a.subject},
            {QStringLiteral("reason"), a.reason}, {QStringLiteral("accepted_by"), a.acceptedBy},
            {QStringLiteral("accepted_at"), a.acceptedAt.toUTC().toString(Qt::ISODateWithMs)}});
    return QJsonDocument(QJsonObject {{QStringLiteral("overrides"), overrides},
                             {QStringLiteral("accepted_commits_after_freeze"), commits}})
        .toJson(QJsonDocument::Indented);
}

// soak/<env>.json, .csv and one chart per check, and probes/<env>.json, for every environment
// that has them.
Status addEnvironments(
    Builder &b, Store *store, const QString &version, const QStringList &envs, QStringList &notes)
{
    for (const QString &env : envs) {
        auto json = await(store->soakRecordingJson(version, env));
        if (json) {
            b.add(QStringLiteral("soak/%1.json").arg(evidenceNameComponent(env)), *json);
            // Which run that is, and every other run of the environment (re-checks, what-ifs).
            auto shown = await(store->releaseSoakRun(version, env));
            auto runs = await(store->soakRuns(version, env));
            if (shown && runs) {
                QJsonArray all;
                for (const SoakRun &run : std::as_const(*runs))
                    all.append(soakRunToJson(run));
                b.add(QStringLiteral("soak/%1-runs.json").arg(evidenceNameComponent(env)),
                    QJsonDocument(QJsonObject {{QStringLiteral("release_soak_run"), shown->run.id},
                                      {QStringLiteral("runs"), all}})
                        .toJson(QJsonDocument::Indented));
            }
            if (auto recording = parseSoakRecording(*json))
                addSoakCharts(b, env, *recording);
            else
                notes << QStringLiteral("the soak in %1 cannot be read: %2")
                             .arg(env, recording.error().message);
        } else if (json.error().code != ErrorCode::NotFound) {
            return std::unexpected(json.error());
        }
    }
    for (const QString &env : envs) {
        auto json = await(store->latestProbeResult(env, version));
        if (json)
            b.add(QStringLiteral("probes/%1.json").arg(evidenceNameComponent(env)), *json);
        else if (json.error().code != ErrorCode::NotFound)
            return std::unexpected(json.error());
    }
    return {};
}

// rollback/rollback-<id>.json (the record: plan, steps, outputs) and incidents/incident-<id>.json
// (the timeline built from it and the audit log), oldest first.
Status addRollbacks(
    Builder &b, Store *store, const Workspace &ws, const QString &version, const QList<AuditEntry> &audit)
{
    auto rollbacks = await(store->rollbacks(version));
    if (!rollbacks)
        return std::unexpected(rollbacks.error());
    QList<RollbackRecord> records = *rollbacks;
    std::sort(records.begin(), records.end(), [](const auto &l, const auto &r) { return l.id < r.id; });
    for (const RollbackRecord &r : records) {
        b.add(QStringLiteral("rollback/rollback-%1.json").arg(r.id),
            QJsonDocument(rollbackRecordToJson(r)).toJson(QJsonDocument::Indented));
        b.add(QStringLiteral("incidents/incident-%1.json").arg(r.id),
            QJsonDocument(incidentToJson(buildIncident(r, audit, ws.policy)))
                .toJson(QJsonDocument::Indented));
    }
    return {};
}

Status addIncludes(Builder &b, const Workspace &ws)
{
    // Every missing file named at once, so one round of fixes is enough.
    if (const QList<MissingInclude> missing = missingEvidenceIncludes(ws); !missing.isEmpty()) {
        QStringList named;
        for (const MissingInclude &m : missing)
            named << describeMissing(m);
        return fail(ErrorCode::NotFound,
            QStringLiteral("evidence.include lists %1 that %2 not exist: %3; create %4 or remove %4 from "
                           "evidence.include")
                .arg(missing.size() == 1 ? QStringLiteral("a file") : QStringLiteral("%1 files").arg(missing.size()),
                    missing.size() == 1 ? QStringLiteral("does") : QStringLiteral("do"), named.join(QStringLiteral("; ")),
                    missing.size() == 1 ? QStringLiteral("it") : QStringLiteral("them")),
            missing.first().where);
    }
    const QString root = QFileInfo(ws.root).canonicalFilePath();
    for (qsizetype i = 0; i < ws.policy.evidenceInclude.size(); ++i) {
        const QString relative = ws.policy.evidenceInclude.at(i);
        const QString key = QStringLiteral("evidence.include[%1]").arg(i);
        const QString where = ws.policy.locationOf(key).toString();
        const QString absolute = QDir(ws.root).absoluteFilePath(relative);
        const QFileInfo info(absolute);
        if (!info.exists())
            return fail(ErrorCode::NotFound,
                QStringLiteral("%1 (%2 in %3) does not exist").arg(relative, key, where),
                SourceLocation {absolute});
        const QString canonical = info.canonicalFilePath();
        if (!canonical.startsWith(root + u'/'))
            return fail(ErrorCode::Refused,
                QStringLiteral("%1 (%2 in %3) is outside the workspace").arg(relative, key, where),
                SourceLocation {absolute});
        QFile file(canonical);
        if (!info.isFile() || !file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::Unavailable, QStringLiteral("cannot read %1 (%2)").arg(relative, key),
                SourceLocation {absolute});
        b.add(QStringLiteral("files/") + evidenceMemberPath(relative), file.readAll());
    }
    return {};
}

QDateTime packTime(const ReleaseRecord &release, const QList<AuditEntry> &audit)
{
    QDateTime latest = release.createdAt.isValid() ? release.createdAt.toUTC()
                                                   : QDateTime::fromSecsSinceEpoch(315532800, Qt::UTC);
    for (const AuditEntry &e : audit)
        if (e.at.isValid() && e.at > latest)
            latest = e.at.toUTC();
    // Zip stores whole seconds from 1980 on.
    return QDateTime::fromSecsSinceEpoch(std::max<qint64>(latest.toSecsSinceEpoch(), 315532800), Qt::UTC);
}

// The day the release went live: its latest deployment, else its target date.
QString releaseDate(const ReleaseRecord &release, const QList<Deployment> &deployments)
{
    if (!deployments.isEmpty())
        return deployments.last().deployedAt.toUTC().date().toString(Qt::ISODate);
    return release.targetDate.isValid() ? release.targetDate.toString(Qt::ISODate) : QString();
}

QMap<QString, QString> toolVersions(Store *store)
{
    QMap<QString, QString> tools;
    const QString cockpit = QCoreApplication::applicationVersion();
    tools.insert(QStringLiteral("cockpit"), cockpit.isEmpty() ? QStringLiteral("unknown") : cockpit);
    for (const LibraryVersion &lib : libraryVersions())
        if (lib.name == u"Qt" || lib.name == u"libgit2" || lib.name == u"libarchive")
            tools.insert(lib.name, lib.version);
    if (auto db = await(store->serverVersion()))
        tools.insert(QStringLiteral("database"), *db);
    return tools;
}

EvidenceManifest manifestFor(Store *store, const Workspace &ws, const ReleaseRecord &release,
    const QList<Deployment> &deployments, const EvidenceGitFacts &git, const SignoffView &view)
{
    EvidenceManifest m;
    m.version = release.version;
    m.releaseDate = releaseDate(release, deployments);
    m.gitSha = git.gitSha;
    m.gitTag = git.gitTag;
    m.migrationsApplied = git.migrations;
    m.approvals = countedApprovals(view.approvals);
    m.tools = toolVersions(store);
    m.project = ws.policy.project;
    m.releaseType = release.type;
    m.state = releaseStateName(release.state);
    return m;
}

// The manifest first (its checksums cover every member but itself and checksums.txt), the
// members, then checksums.txt over all of them.
QList<EvidenceMember> finishMembers(
    const Policy &policy, EvidenceManifest &m, const QList<EvidenceMember> &body)
{
    for (const EvidenceMember &member : body)
        m.checksums.insert(
            member.name, QStringLiteral("sha256:") + QString::fromLatin1(sha256Hex(member.data)));
    QList<EvidenceMember> members;
    if (policy.evidenceManifest)
        members.append({QString::fromLatin1(kManifestMember), evidenceManifestJson(m)});
    members += body;
    if (policy.evidenceChecksums) {
        QList<EvidenceChecksum> sums;
        for (const EvidenceMember &member : members)
            sums.append({member.name, sha256Hex(member.data)});
        members.append({QString::fromLatin1(kChecksumsMember), checksumsText(sums)});
    }
    return members;
}

}  // namespace

Result<EvidencePack> collectEvidence(
    Store *store, const Workspace &ws, const QString &version, const EvidenceProgress &progress)
{
    const auto step = [&](int n, const QString &what) {
        if (progress)
            progress(n, kSteps, what);
    };
    step(0, QStringLiteral("Reading the release"));
    auto release = await(store->release(version));
    if (!release)
        return std::unexpected(release.error());
    auto view = SignoffService::computeView(store, ws, version);
    if (!view)
        return std::unexpected(view.error());
    step(1, QStringLiteral("Reading the audit log"));
    auto audit = await(store->auditLog(version));
    auto deployments = await(store->deployments(version));
    if (!audit || !deployments)
        return std::unexpected(!audit ? audit.error() : deployments.error());

    EvidencePack pack;
    pack.version = version;
    pack.mtime = packTime(*release, *audit);
    Builder b;
    b.add(QString::fromLatin1(kChecklistMember), evidenceChecklistMarkdown(view->checklist, version));
    b.add(QString::fromLatin1(kSignoffsMember),
        evidenceSignoffsJson(version, view->digest, view->signoffs, view->approvals));
    b.add(QString::fromLatin1(kSignoffsMarkdownMember),
        evidenceSignoffsMarkdown(version, view->digest, view->signoffs, view->approvals));
    if (!view->changelogHeading.isEmpty())
        b.add(QString::fromLatin1(kChangelogMember),
            view->changelogHeading.toUtf8() + '\n' + view->changelogSection);
    pack.notes << view->notes;
    b.add(QString::fromLatin1(kAuditMember), auditJsonLines(*audit));
    auto accepted = await(store->acceptedCommits(version));
    if (!accepted)
        return std::unexpected(accepted.error());
    b.add(QStringLiteral("exceptions.json"), exceptionsJson(*audit, *accepted));
    // canary.json: the phases as steps (traffic, window, verdict, who advanced each) and every event.
    if (ws.policy.canary) {
        auto events = await(store->canaryEvents(version));
        if (!events)
            return std::unexpected(events.error());
        if (!events->isEmpty())
            b.add(QStringLiteral("canary.json"),
                QJsonDocument(canaryToJson(ws.policy.canary->environment, foldCanary(*ws.policy.canary, *events), *events))
                    .toJson(QJsonDocument::Indented));
    }

    step(2, QStringLiteral("Reading soaks and probes"));
    if (auto ok = addEnvironments(b, store, version, soakEnvironments(ws.policy, *deployments), pack.notes);
        !ok)
        return std::unexpected(ok.error());
    if (auto ok = addRollbacks(b, store, ws, version, *audit); !ok)
        return std::unexpected(ok.error());
    step(3, QStringLiteral("Reading git"));
    auto git = evidenceGitFacts(ws.root, ws.policy, version, view->commit);
    if (!git)
        return std::unexpected(git.error());
    step(4, QStringLiteral("Reading the included files"));
    if (auto ok = addIncludes(b, ws); !ok)
        return std::unexpected(ok.error());

    pack.manifest = manifestFor(store, ws, *release, *deployments, *git, *view);
    pack.manifest.generatedAt = pack.mtime.toString(Qt::ISODate);
    pack.members = finishMembers(ws.policy, pack.manifest, b.members);
    return pack;
}

Result<EvidencePack> exportEvidencePack(Store *store, const Workspace &workspace, const QString &version,
    const QString &outPath, const EvidenceProgress &progress)
{
    auto pack = collectEvidence(store, workspace, version, progress);
    if (!pack)
        return pack;
    if (progress)
        progress(5, kSteps, QStringLiteral("Writing %1").arg(QFileInfo(outPath).fileName()));
    if (auto ok = writeEvidenceZip(outPath, pack->members, pack->mtime); !ok)
        return std::unexpected(ok.error());
    if (progress)
        progress(kSteps, kSteps, QStringLiteral("Done"));
    qCInfo(lcEvidence) << "evidence pack of" << version << "written to" << outPath;
    return pack;
}

}  // namespace cockpit
