// ChangelogTab's loading: the snapshot (file, tags, diff), the commit walk with progress and
// Cancel, lint + coverage of the editor's text, and the `check: changelog` outcome.
#include "changelog_editor.h"
#include "changelog_tab.h"
#include "commit_coverage_view.h"
#include "diff_view.h"
#include "future_watch.h"
#include "problems_list.h"
#include "session.h"
#include "semver.h"
#include "state_style.h"

#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {

void ChangelogTab::startLoad(bool keepEdits)
{
    const quint64 generation = ++m_generation;
    cancelWalk();
    m_loading = true;
    m_commitsLoaded = false;
    updateActions();
    m_coverage->setLoading(tr("Reading tags…"));
    emit statusMessage(tr("Loading the changelog…"));
    const QString root = m_session->workspace().root;
    const Policy policy = m_session->workspace().policy;
    const ReleaseRecord release = m_release;
    auto future
        = QtConcurrent::run([root, policy, release] { return loadChangelogSnapshot(root, policy, release); });
    whenReady(this, future, [this, generation, keepEdits](const Result<ChangelogSnapshot> &result) {
        if (generation != m_generation)
            return;  // a newer load superseded this one
        if (!result) {
            m_loading = false;
            showEmpty(tr("Could not read the repository: %1").arg(result.error().toString()), false);
            updateActions();
            emit loaded();
            return;
        }
        applySnapshot(*result, keepEdits);
    });
}

void ChangelogTab::applySnapshot(ChangelogSnapshot snapshot, bool keepEdits)
{
    // Unsaved edits were made against the file as it was read then: Save keeps comparing with
    // that, so a change another program made meanwhile is never overwritten without a word.
    const bool keepBaseline = keepEdits && isModified() && snapshot.path == m_snapshot.path;
    if (keepBaseline)
        snapshot.file = m_snapshot.file;
    m_snapshot = std::move(snapshot);
    watchFile();
    if (!m_snapshot.exists) {
        m_loading = false;
        showEmpty(tr("No %1 in this workspace — create one?").arg(m_snapshot.relativePath), true);
        updateActions();
        emit loaded();
        return;
    }
    m_pages->setCurrentIndex(1);  // the content page
    if (!(keepEdits && isModified())) {
        const QString text = QString::fromUtf8(m_snapshot.file.bytes());
        if (m_editor->toPlainText().isEmpty())
            m_editor->setPlainText(text);  // first load: no undo step for it
        else
            m_editor->replaceText(text);
        m_editor->document()->setModified(false);
        m_diskBanner->hide();
    }
    offerRecovery();
    if (m_snapshot.haveDiff) {
        const QString to = shortCommit(m_snapshot.toSha);
        m_diff->setDiff(
            m_snapshot.diff, m_snapshot.lastTag, m_release.commit.isEmpty() ? tr("HEAD (%1)").arg(to) : to);
        if (m_snapshot.workingCopyDiffers)
            m_diff->setToolTip(
                tr("The file on disk has changes that are not committed; the diff shows commits only."));
    } else {
        m_diff->showMessage(m_snapshot.diffMessage);
    }
    updateActions();
    startWalk();
}

void ChangelogTab::startWalk()
{
    const quint64 generation = m_generation;
    m_walkStop = std::stop_source();
    m_walkProgress = std::make_shared<std::atomic<int>>(0);
    m_coverage->setLoading(m_snapshot.lastTag.isEmpty()
            ? tr("Walking every commit (no release tag yet)…")
            : tr("Walking commits since %1…").arg(m_snapshot.lastTag));
    m_progressTimer->start();
    const QString root = m_snapshot.root;
    const QString from = m_snapshot.lastTagSha;
    const QString to = m_snapshot.toSha;
    auto progress = m_walkProgress;
    std::stop_token stop = m_walkStop.get_token();
    auto future = QtConcurrent::run([root, from, to, stop, progress]() -> Result<QList<CommitInfo>> {
        auto git = GitService::open(root);
        if (!git)
            return std::unexpected(git.error());
        return git->commits(from, to, stop, [progress](int done) { progress->store(done); });
    });
    whenReady(this, future, [this, generation](const Result<QList<CommitInfo>> &result) {
        if (generation != m_generation)
            return;
        finishWalk(result);
    });
}

void ChangelogTab::finishWalk(const Result<QList<CommitInfo>> &commits)
{
    m_progressTimer->stop();
    m_loading = false;
    if (!commits) {
        m_commits.clear();
        m_commitsLoaded = false;
        const bool cancelled = m_walkStop.stop_requested();
        m_coverage->showMessage(cancelled
                ? tr("Cancelled: the commits were not read. Reload (F5) to try again.")
                : tr("Could not read the commits: %1").arg(commits.error().toString()));
    } else {
        m_commits = *commits;
        m_commitsLoaded = true;
    }
    updateActions();
    runAnalysis(true);
}

void ChangelogTab::cancelWalk()
{
    m_walkStop.request_stop();
    m_progressTimer->stop();
}

void ChangelogTab::scheduleAnalysis()
{
    if (!m_loading && m_snapshot.exists)
        m_analysisTimer->start();
}

void ChangelogTab::runAnalysis(bool afterLoad)
{
    updateEditsDiff();
    const quint64 generation = ++m_analysisGeneration;
    AnalysisInput input;
    input.text = m_editor->toPlainText().toUtf8();
    input.path = m_snapshot.relativePath;
    input.extraSections = m_session ? m_session->workspace().policy.changelogExtraSections : QStringList();
    input.exemptTypes = m_session ? m_session->workspace().policy.changelogExemptTypes : QStringList();
    input.taggedVersions = m_snapshot.taggedVersions;
    input.commits = m_commits;
    input.commitsLoaded = m_commitsLoaded;
    input.version = m_release.version;
    if (auto previous = SemVer::parseTag(m_snapshot.lastTag,
            m_session ? m_session->workspace().policy.tagFormat : QStringLiteral("v{version}")))
        input.previousVersion = previous->toString();
    whenReady(this, QtConcurrent::run([input] { return Result<ChangelogAnalysis>(analyseChangelog(input)); }),
        [this, generation, afterLoad](const Result<ChangelogAnalysis> &result) {
            if (generation != m_analysisGeneration || !result)
                return;
            applyAnalysis(*result, afterLoad);
        });
}

void ChangelogTab::applyAnalysis(const ChangelogAnalysis &analysis, bool afterLoad)
{
    m_analysis = analysis;
    m_editor->setDiagnostics(analysis.diagnostics);
    m_problems->setDiagnostics(analysis.diagnostics);
    m_problems->setEmptyText(tr("No problems: %1 lints clean.").arg(m_snapshot.relativePath));
    QStringList parts;
    parts << (analysis.errors + analysis.warnings == 0 ? tr("Lints clean")
                                                       : tr("%n error(s)", nullptr, analysis.errors)
                + QStringLiteral(", ") + tr("%n warning(s)", nullptr, analysis.warnings));
    if (m_commitsLoaded)
        parts << tr("%n uncovered commit(s)", nullptr, analysis.uncovered);
    m_lintSummary->setText(QStringLiteral("  ") + parts.join(QStringLiteral(" · ")));
    if (m_commitsLoaded) {
        const QString since
            = m_snapshot.lastTag.isEmpty() ? tr("in the history") : tr("since %1").arg(m_snapshot.lastTag);
        QString summary = tr("%n commit(s) %1", nullptr, int(analysis.rows.size())).arg(since)
            + QStringLiteral(": ")
            + tr("%1 covered, %2 uncovered, %3 exempt")
                  .arg(analysis.covered)
                  .arg(analysis.uncovered)
                  .arg(analysis.exempt);
        if (analysis.probable > 0)
            summary += tr("; %n uncovered with a probable entry (cite the PR to count it)", nullptr,
                analysis.probable);
        if (!analysis.section.isEmpty())
            summary += tr(" (checked against %1)").arg(analysis.section);
        if (!analysis.suggestedBump.isEmpty())
            summary += tr(". Suggested bump: %1").arg(analysis.suggestedBump);
        for (const QString &note : analysis.notes)
            summary += QStringLiteral("\n⚠ ") + note;
        m_coverage->setRows(
            analysis.rows, analysis.rows.isEmpty() ? tr("No commits %1.").arg(since) : summary);
    }
    emit analysed();
    if (afterLoad) {
        emit statusMessage(tr("Changelog loaded: %1").arg(parts.join(QStringLiteral(", "))));
        emit loaded();
        reportCheckOutcome();
    }
}

// The text on disk, linted and covering every non-exempt commit, passes `check: changelog`: the
// session decides and words the evidence, as it does for `changelog coverage`.
void ChangelogTab::reportCheckOutcome()
{
    if (!m_session || m_release.version.isEmpty() || !m_commitsLoaded || isModified())
        return;
    if (!m_analysis.parsed)
        return;
    ChangelogCheckFacts facts;
    facts.path = m_snapshot.relativePath;
    facts.fromTag = m_snapshot.lastTag;
    facts.toCommit = m_snapshot.toSha;
    facts.lintErrors = m_analysis.errors;
    facts.lintWarnings = m_analysis.warnings;
    facts.commits = int(m_analysis.rows.size());
    facts.covered = m_analysis.covered;
    facts.exempt = m_analysis.exempt;
    facts.uncovered = m_analysis.uncovered;
    const QString evidence = Session::changelogEvidence(facts);
    if (evidence == m_reportedEvidence)
        return;
    m_reportedEvidence = evidence;
    const QString version = m_release.version;
    whenReady(this, m_session->recordChangelogCheck(version, facts),
        [this, version](const Result<QList<ChecklistItem>> &result) {
            if (!result) {
                emit statusMessage(
                    tr("Could not record the changelog check: %1").arg(result.error().toString()));
                return;
            }
            if (!result->isEmpty())
                emit statusMessage(
                    tr("Changelog check passed: %n item(s) ticked", nullptr, int(result->size())));
            emit releaseTouched(version);
        });
}

}  // namespace cockpit
