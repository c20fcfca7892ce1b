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

class QAction;
class QFileSystemWatcher;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace cockpit {

class ChangelogEditor;
class CommitCoverageView;
class EditorFindBar;
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
    [[nodiscard]] DiffView *editsDiff() const { return m_editsDiff; }  // unsaved edits vs the file on disk
    [[nodiscard]] EditorFindBar *findBar() const { return m_findBar; }
    [[nodiscard]] QAction *softWrapAction() const { return m_softWrapAction; }
    void askGoToLine();  // a small non-modal dialog ("goToLineDialog"), Ctrl+G in the editor
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] bool isModified() const;
    [[nodiscard]] QString changelogPath() const;  // absolute; empty without a workspace
    [[nodiscard]] QString lastTag() const { return m_snapshot.lastTag; }
    [[nodiscard]] const ChangelogAnalysis &analysis() const { return m_analysis; }

    // Re-reads the file, the tags and the commits; with unsaved edits it first asks whether to
    // discard them or keep them (then the file on disk stays what Save compares against).
    void reload();
    void save();  // atomic; a file changed on disk meanwhile asks Reload / Overwrite / Cancel
    // Back to the file as last read or saved (one undoable step: Ctrl+Z brings the edits back).
    void discardChanges();
    // Unsaved edits ask Save / Discard / Cancel first (ReleaseTab).
    bool mayClose(std::function<void()> proceed) override;
    [[nodiscard]] QAction *saveAction() const { return m_saveAction; }
    [[nodiscard]] QAction *discardAction() const { return m_discardAction; }
    // The file changed on disk under unsaved edits and the user has not chosen yet.
    [[nodiscard]] bool diskChangePending() const;
    void setAutosaveInterval(int milliseconds);  // 2 s by default
    // Drafts an entry for the commit under the right section of Unreleased and selects its text.
    void addEntry(const CoverageRow &row);
    // One entry for each commit, in the file's own style, as one undoable edit; the first selected.
    void addEntries(const QList<CoverageRow> &rows);
    void cutRelease();  // Unreleased becomes the shown release's section, in the editor
    TagDialog *openTagDialog(TagAction action);  // non-modal; the tab fills in the plan

signals:
    void loaded();  // a load (file, tags, commits, analysis) finished or failed
    void analysed();  // diagnostics and coverage reflect the editor's text
    void savedTo(const QString &path);
    void changedOnDisk();  // another program changed the file (reloaded, or a banner asks)
    void autosaved();  // the unsaved text is in the autosave file
    void recoveryChecked();  // a first load looked for an autosave (and offered it when found)

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

    // changelog_tab_safety.cpp: nothing typed is lost
    QWidget *buildDiskBanner();
    void askBeforeReload();
    void watchFile();
    void checkDisk();
    void applyDiskCheck(const ChangelogFile &onDisk);
    void scheduleAutosave();
    void writeAutosave();
    void dropAutosave();
    void offerRecovery();
    void afterSave(bool saved);
    void updateEditsDiff();

    // changelog_tab_tags.cpp
    void planTag(TagDialog *dialog);
    void applyTagOutcome(TagAction action, const TagOutcome &outcome);

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
    QPushButton *m_createRcButton = nullptr;
    QPushButton *m_verifyTagButton = nullptr;
    QPushButton *m_promoteButton = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_sourceSplitter = nullptr;
    QTabWidget *m_leftTabs = nullptr;
    ChangelogEditor *m_editor = nullptr;
    ProblemsList *m_problems = nullptr;
    CommitCoverageView *m_coverage = nullptr;
    DiffView *m_diff = nullptr;
    DiffView *m_editsDiff = nullptr;
    quint64 m_editsDiffGeneration = 0;
    QTimer *m_analysisTimer = nullptr;
    QTimer *m_progressTimer = nullptr;
    QPointer<TagDialog> m_tagDialog;
    EditorFindBar *m_findBar = nullptr;
    QAction *m_softWrapAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_discardAction = nullptr;
    QPushButton *m_discardButton = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_diskTimer = nullptr;  // coalesces the watcher's bursts
    QTimer *m_autosaveTimer = nullptr;
    QWidget *m_diskBanner = nullptr;
    QLabel *m_diskBannerText = nullptr;
    bool m_autosaveInFlight = false;
    bool m_checkingDisk = false;
    QString m_recoveryCheckedPath;  // the autosave is looked for once per file
    std::function<void()> m_afterSave;  // a close waiting for its Save
    QPointer<QWidget> m_question;  // the open unsaved-edits question, not to ask twice
};

}  // namespace cockpit
