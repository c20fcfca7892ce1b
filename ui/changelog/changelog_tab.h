#pragma once
// The release manager's desk: CHANGELOG.md with lint diagnostics in place and a problems list,
// beside it the commits since the last release tag marked covered / uncovered / exempt with
// "Add entry…", a diff against that tag, Save (atomic, conflict-aware), Cut release and the tag
// dialogs. Everything that reads git or the disk runs off the GUI thread; stale results are
// dropped by generation.
#include "changelog_tab_analysis.h"
#include "release.h"
#include "release_tab.h"
#include "tag_dialogs.h"

#include <QPointer>
#include <memory>
#include <stop_token>

class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace cockpit {

class ChangelogEditor;
class CommitCoverageView;
class DiffView;
class ProblemsList;

class ChangelogTab : public ReleaseTab {
    Q_OBJECT
public:
    explicit ChangelogTab(QWidget *parent = nullptr);
    ~ChangelogTab() override;

    void setSession(Session *session) override;
    void showRelease(const ReleaseRecord &release) override;

    [[nodiscard]] ChangelogEditor *editor() const { return m_editor; }
    [[nodiscard]] ProblemsList *problems() const { return m_problems; }
    [[nodiscard]] CommitCoverageView *coverage() const { return m_coverage; }
    [[nodiscard]] DiffView *diff() const { return m_diff; }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] bool isModified() const;
    [[nodiscard]] QString changelogPath() const;  // absolute; empty without a workspace
    [[nodiscard]] QString lastTag() const { return m_snapshot.lastTag; }
    [[nodiscard]] const ChangelogAnalysis &analysis() const { return m_analysis; }

    void reload();  // re-reads the file (unless edited), the tags and the commits
    void save();  // atomic; a file changed on disk meanwhile asks Reload / Overwrite / Cancel
    // Drafts an entry for the commit under the right section of Unreleased and selects its text.
    void addEntry(const CoverageRow &row);
    void cutRelease();  // Unreleased becomes the shown release's section, in the editor
    TagDialog *openTagDialog(TagAction action);  // non-modal; the tab fills in the plan

signals:
    void loaded();  // a load (file, tags, commits, analysis) finished or failed
    void analysed();  // diagnostics and coverage reflect the editor's text
    void savedTo(const QString &path);

private:
    void buildUi();
    QWidget *buildToolbar();
    QWidget *buildEmptyPage();
    void restoreLayout();
    void saveLayout() const;
    void updateActions();
    void showEmpty(const QString &text, bool offerCreate);

    // changelog_tab_load.cpp
    void startLoad(bool keepEdits);
    void applySnapshot(ChangelogSnapshot snapshot, bool keepEdits);
    void startWalk();
    void finishWalk(const Result<QList<CommitInfo>> &commits);
    void cancelWalk();
    void scheduleAnalysis();
    void runAnalysis(bool afterLoad);
    void applyAnalysis(const ChangelogAnalysis &analysis, bool afterLoad);
    void reportCheckOutcome();
    void createChangelog();

    // changelog_tab_save.cpp
    void writeFile(bool overwrite);
    void askOnConflict(const QString &message);

    // changelog_tab_tags.cpp
    void planTag(TagDialog *dialog);
    void applyTagOutcome(TagAction action, const TagPlan &plan, const TagOutcome &outcome);

    Session *m_session = nullptr;
    ReleaseRecord m_release;
    ChangelogSnapshot m_snapshot;
    QList<CommitInfo> m_commits;
    bool m_commitsLoaded = false;
    ChangelogAnalysis m_analysis;
    quint64 m_generation = 0;  // bumped by every load: older results are dropped
    quint64 m_analysisGeneration = 0;
    bool m_loading = false;
    bool m_saving = false;
    QString m_reportedEvidence;  // the last passing changelog check sent, not to send it twice
    std::stop_source m_walkStop;
    std::shared_ptr<std::atomic<int>> m_walkProgress;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_createButton = nullptr;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_lintSummary = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_cutButton = nullptr;
    QPushButton *m_createTagButton = nullptr;
    QPushButton *m_verifyTagButton = nullptr;
    QPushButton *m_promoteButton = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_sourceSplitter = nullptr;
    QTabWidget *m_leftTabs = nullptr;
    ChangelogEditor *m_editor = nullptr;
    ProblemsList *m_problems = nullptr;
    CommitCoverageView *m_coverage = nullptr;
    DiffView *m_diff = nullptr;
    QTimer *m_analysisTimer = nullptr;
    QTimer *m_progressTimer = nullptr;
    QPointer<TagDialog> m_tagDialog;
};

}  // namespace cockpit
