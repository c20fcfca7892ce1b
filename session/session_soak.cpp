// Session: the soak use cases. The Prometheus a soak asks (with its keychain credential), and
// finishing a soak: stored as a new run with its verdict (never over another) and, on a PASS of
// this deployment's own run (soakEvidenceGap), ticking its items with one evidence text naming
// the run; a what-if window is a run of kind what-if, never the release's soak, never a tick.
#include "future_watch.h"
#include "prometheus_client.h"
#include "secret_store.h"
#include "session.h"
#include "soak_monitor.h"
#include "store.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcSessionSoak, "cockpit.session.soak")

namespace cockpit {

void Session::setPrometheusUrl(const QString &url)
{
    m_prometheusUrl = url;
    if (m_prometheus)
        m_prometheus->setBaseUrl(QUrl(url, QUrl::StrictMode));
}

Result<PrometheusClient *> Session::prometheus()
{
    const Policy &policy = workspace().policy;
    const QString text = m_prometheusUrl.isEmpty() ? policy.prometheusUrl : m_prometheusUrl;
    const QUrl url(text, QUrl::StrictMode);
    if (text.isEmpty() || !url.isValid() || url.host().isEmpty())
        return fail(ErrorCode::BadInput,
            QStringLiteral("no usable Prometheus URL ('%1'): set prometheus.url in %2 or pass --prometheus URL")
                .arg(text, QStringLiteral(".release-cockpit/policy.yml")),
            policy.locationOf(QStringLiteral("prometheus")));
    if (!m_prometheus)
        m_prometheus = new PrometheusClient(url, this);
    return m_prometheus;
}

QFuture<Status> Session::prometheusReady()
{
    if (m_prometheusAuth.isValid())
        return m_prometheusAuth;
    const QString secret = workspace().policy.prometheusAuthSecret;
    if (secret.isEmpty()) {
        m_prometheusAuth = QtFuture::makeReadyFuture(Status {});
        return m_prometheusAuth;
    }
    QPromise<Status> promise;
    m_prometheusAuth = promise.future();
    promise.start();
    // The keychain job runs on this thread's event loop; the promise is kept until it answers.
    auto shared = std::make_shared<QPromise<Status>>(std::move(promise));
    whenReady(this, SecretStore::read(secret), [this, shared, secret](const Result<QString> &value) {
        if (!value) {
            if (value.error().code != ErrorCode::NotFound)
                qCWarning(lcSessionSoak) << "no Prometheus credential" << secret
                                         << "in the keychain:" << value.error().message;
        } else if (auto client = prometheus()) {
            (*client)->setAuth(PrometheusAuth::fromSecret(*value));
        }
        shared->addResult(value ? Status {} : Status(std::unexpected(value.error())));
        shared->finish();
    });
    return m_prometheusAuth;
}

SoakMonitor *Session::createSoakMonitor(QObject *parent)
{
    auto client = prometheus();
    if (!client)
        return nullptr;
    return new SoakMonitor(*client, parent);
}

QString Session::soakEvidence(
    const QString &candidate, const QString &environment, const SoakEvaluation &evaluation, qint64 runId)
{
    QStringList checks;
    for (const CheckResult &check : evaluation.checks)
        checks << QStringLiteral("%1: %2/%3 measurements, %4 %5")
                      .arg(check.name)
                      .arg(check.measurements.size())
                      .arg(check.scheduled)
                      .arg(check.failures)
                      .arg(check.failures == 1 ? QStringLiteral("failure") : QStringLiteral("failures"));
    return QStringLiteral("Soak PASS of %1 on %2%3, %4 to %5 (UTC). %6")
        .arg(candidate, environment, runId > 0 ? QStringLiteral(" (run #%1)").arg(runId) : QString(),
            evaluation.start.toUTC().toString(Qt::ISODate), evaluation.end.toUTC().toString(Qt::ISODate),
            checks.join(QStringLiteral("; ")));
}

QString Session::soakEvidenceGap(Store *store, const Policy &policy, const QString &version,
    const QString &environment, const QDateTime &start, const QDateTime &end)
{
    auto release = store->release(version).result();
    if (!release)
        return release.error().message;
    auto deployments = store->deployments(version).result();
    if (!deployments)
        return deployments.error().message;
    // The latest deployment there of the release's commit (oldest first: the last one wins).
    std::optional<Deployment> deployed;
    for (const Deployment &d : std::as_const(*deployments))
        if (d.environment == environment
            && (release->commit.isEmpty() || d.commit.isEmpty() || d.commit == release->commit))
            deployed = d;
    if (!deployed)
        return QStringLiteral("no deployment of %1 (commit %2) to %3 is recorded")
            .arg(version, release->commit.left(12), environment);
    if (!start.isValid() || start < deployed->deployedAt)
        return QStringLiteral("the soak starts at %1, before %2 was deployed to %3 at %4")
            .arg(start.toUTC().toString(Qt::ISODate), version, environment,
                deployed->deployedAt.toUTC().toString(Qt::ISODate));
    const qint64 needed = policy.soakDuration.count();
    if (needed > 0 && (!end.isValid() || start.secsTo(end) < needed))
        return QStringLiteral("the soak covers %1 min of the policy's %2 min")
            .arg(end.isValid() ? start.secsTo(end) / 60 : 0)
            .arg(needed / 60);
    return {};
}

Result<SoakRunOutcome> Session::finishSoak(ReleaseService &releases, const QString &version,
    const SoakRecording &recording, const SoakEvaluation &evaluation)
{
    const QString env = recording.environment;
    Store *store = releases.store();
    // A PASS settles the deployment's soak only when it is evidence of that deployment; a FAIL
    // always does (a later passing re-check never turns it into a pass).
    QString gap;
    if (!recording.whatIf && evaluation.verdict == SoakVerdict::Pass)
        gap = soakEvidenceGap(
            store, releases.workspace().policy, version, env, recording.start, evaluation.end);
    const bool decisive = !recording.whatIf
        && (evaluation.verdict == SoakVerdict::Fail || (evaluation.verdict == SoakVerdict::Pass && gap.isEmpty()));
    const QByteArray json = QJsonDocument(soakRecordingToJson(recording)).toJson(QJsonDocument::Compact);
    // Stored first: a soak whose items could not be ticked is still on record.
    auto saved = store->saveSoakRecording(version, env, json, soakVerdictName(evaluation.verdict),
                          releases.identity().id, recording.whatIf, decisive)
                     .result();
    if (!saved)
        return std::unexpected(saved.error());
    SoakRunOutcome outcome {*saved, {}};
    if (evaluation.verdict != SoakVerdict::Pass || saved->kind != SoakRunKind::Deployment)
        return outcome;
    if (!gap.isEmpty()) {
        qCInfo(lcSessionSoak) << "soak PASS of" << version << "in" << env << "ticks nothing:" << gap;
        return outcome;
    }
    const QString candidate = recording.version.isEmpty() ? version : recording.version;
    auto ticked = releases
                      .applyCheckOutcome(version,
                          CheckOutcome {checkKindName(CheckKind::Soak), env, true,
                              soakEvidence(candidate, env, evaluation, saved->id)})
                      .result();
    if (!ticked)
        return std::unexpected(ticked.error());
    outcome.ticked = *ticked;
    return outcome;
}

QFuture<Result<SoakRunOutcome>> Session::recordSoakEnd(
    QString version, SoakRecording recording, SoakEvaluation evaluation)
{
    const QString env = recording.environment;
    const QString verdict = soakVerdictName(evaluation.verdict);
    // Waits for the store on a pool thread: the GUI thread only sees the finished future.
    auto future = thenAdvance(version, QtConcurrent::run([releases = m_releases.get(), version, recording, evaluation] {
        return finishSoak(*releases, version, recording, evaluation);
    }));
    follow(future, [this, version, env, verdict](const Result<SoakRunOutcome> &done) {
        if (!done)
            return;
        announce({SessionEvent::Kind::SoakRecorded, version, CheckKind::Soak, env, verdict, {}});
        if (done->run.kind == SoakRunKind::Deployment)
            announce({SessionEvent::Kind::ItemsTicked, version, CheckKind::Soak, env, verdict, done->ticked});
    });
    return future;
}

QFuture<Result<QList<ChecklistItem>>> Session::tickSoakPass(
    QString version, QString candidate, SoakRun run, SoakEvaluation evaluation)
{
    if (evaluation.verdict != SoakVerdict::Pass || run.kind != SoakRunKind::Deployment)
        return QtFuture::makeReadyFuture(Result<QList<ChecklistItem>>(QList<ChecklistItem> {}));
    const QString environment = run.environment;
    // The same rule as a soak finishing: only a soak of this deployment, covering the duration.
    auto future = thenAdvance(version,
        QtConcurrent::run([releases = m_releases.get(), version, candidate, environment, runId = run.id,
                              evaluation]() -> Result<QList<ChecklistItem>> {
            if (!soakEvidenceGap(releases->store(), releases->workspace().policy, version, environment,
                    evaluation.start, evaluation.end)
                     .isEmpty())
                return QList<ChecklistItem> {};
            return releases
                ->applyCheckOutcome(version,
                    CheckOutcome {checkKindName(CheckKind::Soak), environment, true,
                        soakEvidence(candidate, environment, evaluation, runId)})
                .result();
        }));
    follow(future, [this, version, environment](const Result<QList<ChecklistItem>> &ticked) {
        if (ticked && !ticked->isEmpty())
            announce({SessionEvent::Kind::ItemsTicked, version, CheckKind::Soak, environment, {}, *ticked});
    });
    return future;
}

}  // namespace cockpit
