#include "changelog_tab.h"

#include "changelog_editor.h"
#include "commit_coverage_view.h"
#include "diff_view.h"
#include "editor_find_bar.h"
#include "problems_list.h"
#include "session.h"

#include <QAction>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace cockpit {
namespace {

enum Page { EmptyPage, ContentPage };

QSettings settings()
{
    return QSettings(QStringLiteral("ReleaseCockpit"), QStringLiteral("release-cockpit"));
}

QPushButton *makeButton(QWidget *parent, const QString &objectName, const QString &text, const QString &tip)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(tip);
    button->setToolTip(tip);
    return button;
}

}  // namespace

ChangelogTab::ChangelogTab(QWidget *parent)
    : ReleaseTab(parent)
    , m_analysisTimer(new QTimer(this))
    , m_progressTimer(new QTimer(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_diskTimer(new QTimer(this))
    , m_autosaveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("changelogTab"));
    setAccessibleName(tr("Changelog"));
    buildUi();
    restoreLayout();
    // Lint and coverage follow typing, once it pauses.
    m_analysisTimer->setSingleShot(true);
    m_analysisTimer->setInterval(350);
    connect(m_analysisTimer, &QTimer::timeout, this, [this] { runAnalysis(false); });
    m_progressTimer->setInterval(120);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_walkProgress)
            m_coverage->setProgress(m_walkProgress->load());
    });
    m_diskTimer->setSingleShot(true);
    m_diskTimer->setInterval(150);
    connect(m_diskTimer, &QTimer::timeout, this, &ChangelogTab::checkDisk);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_diskTimer, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_diskTimer, qOverload<>(&QTimer::start));
    m_autosaveTimer->setSingleShot(true);
    m_autosaveTimer->setInterval(2000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &ChangelogTab::writeAutosave);
    showEmpty(tr("Open a workspace to see its changelog."), false);
    // `--screenshot` of this tab ("changelog", or "changelog-diff" for the diff): the window
    // shows the checklist first, and main_window is not ours to change.
    const QString shot = qEnvironmentVariable("COCKPIT_SCREENSHOT_TAB");
    if (shot.startsWith(QLatin1String("changelog")))
        connect(this, &ChangelogTab::loaded, this, [this, shot] {
            if (shot == QLatin1String("changelog-diff"))
                m_leftTabs->setCurrentWidget(m_diff);
            for (QWidget *w = parentWidget(); w; w = w->parentWidget())
                if (auto *tabs = qobject_cast<QTabWidget *>(w); tabs && tabs->indexOf(this) >= 0)
                    tabs->setCurrentWidget(this);
        });
}

ChangelogTab::~ChangelogTab()
{
    m_walkStop.request_stop();
    saveLayout();
}

void ChangelogTab::buildUi()
{
    m_editor = new ChangelogEditor(this);
    m_problems = new ProblemsList(this);
    m_coverage = new CommitCoverageView(this);
    m_diff = new DiffView(this);
    m_editsDiff = new DiffView(this);
    m_editsDiff->setObjectName(QStringLiteral("changelogEditsDiff"));
    m_editsDiff->setAccessibleName(tr("Unsaved changes against the file on disk"));

    // The editor with its find bar under it, as one pane of the splitter.
    auto *editorPane = new QWidget(this);
    m_findBar = new EditorFindBar(m_editor, editorPane);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(m_editor, 1);
    editorLayout->addWidget(m_findBar);
    connect(m_editor, &ChangelogEditor::findRequested, m_findBar, &EditorFindBar::open);
    connect(m_editor, &ChangelogEditor::findNextRequested, m_findBar, &EditorFindBar::findNext);
    connect(m_editor, &ChangelogEditor::goToLineRequested, this, &ChangelogTab::askGoToLine);

    m_sourceSplitter = new QSplitter(Qt::Vertical, this);
    m_sourceSplitter->setObjectName(QStringLiteral("changelogSourceSplitter"));
    m_sourceSplitter->addWidget(editorPane);
    m_sourceSplitter->addWidget(m_problems);
    m_sourceSplitter->setStretchFactor(0, 3);
    m_sourceSplitter->setStretchFactor(1, 1);
    m_sourceSplitter->setChildrenCollapsible(false);
    m_sourceSplitter->setSizes({520, 160});

    m_leftTabs = new QTabWidget(this);
    m_leftTabs->setObjectName(QStringLiteral("changelogSourceTabs"));
    m_leftTabs->setAccessibleName(tr("Changelog source and diff"));
    m_leftTabs->setDocumentMode(true);
    m_leftTabs->addTab(m_sourceSplitter, tr("Source"));
    m_leftTabs->addTab(m_diff, tr("Diff"));
    m_leftTabs->addTab(m_editsDiff, tr("Unsaved Changes"));

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("changelogSplitter"));
    m_splitter->addWidget(m_leftTabs);
    m_splitter->addWidget(m_coverage);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({560, 520});

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(4);
    contentLayout->addWidget(buildToolbar());
    contentLayout->addWidget(buildDiskBanner());
    contentLayout->addWidget(m_splitter, 1);

    m_pages = new QStackedWidget(this);
    m_pages->insertWidget(EmptyPage, buildEmptyPage());
    m_pages->insertWidget(ContentPage, content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_pages);

    connect(m_problems, &ProblemsList::problemActivated, this, [this](int line, int column) {
        m_leftTabs->setCurrentWidget(m_sourceSplitter);
        m_editor->goToLine(line, column);
    });
    connect(m_coverage, &CommitCoverageView::addEntryRequested, this, &ChangelogTab::addEntry);
    connect(m_coverage, &CommitCoverageView::addEntriesRequested, this, &ChangelogTab::addEntries);
    connect(m_coverage, &CommitCoverageView::showEntryRequested, this, [this](int line) {
        m_leftTabs->setCurrentWidget(m_sourceSplitter);
        m_editor->goToLine(line);
    });
    connect(m_coverage, &CommitCoverageView::cancelRequested, this, &ChangelogTab::cancelWalk);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ChangelogTab::scheduleAnalysis);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ChangelogTab::scheduleAutosave);
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &ChangelogTab::updateActions);
    connect(m_splitter, &QSplitter::splitterMoved, this, &ChangelogTab::saveLayout);
    connect(m_sourceSplitter, &QSplitter::splitterMoved, this, &ChangelogTab::saveLayout);
}

QWidget *ChangelogTab::buildToolbar()
{
    // Two rows, so the tab fits a 1024 px window: the file and its editing, then the release's
    // cut and tags.
    auto *bar = new QWidget(this);
    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(4);
    auto *row = new QHBoxLayout;
    auto *releaseRow = new QHBoxLayout;
    rows->addLayout(row);
    rows->addLayout(releaseRow);
    m_fileLabel = new QLabel(bar);
    m_fileLabel->setObjectName(QStringLiteral("changelogFileLabel"));
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lintSummary = new QLabel(bar);
    m_lintSummary->setObjectName(QStringLiteral("changelogLintSummary"));
    m_reloadButton = makeButton(bar, QStringLiteral("changelogReload"), tr("Reload"),
        tr("Read the changelog, the tags and the commits again (F5)"));
    m_saveButton
        = makeButton(bar, QStringLiteral("changelogSave"), tr("&Save"), tr("Save the changelog (Ctrl+S)"));
    m_discardButton = makeButton(bar, QStringLiteral("changelogDiscard"), tr("&Discard Changes"),
        tr("Go back to the file as last read or saved (Ctrl+Z brings the edits back)"));
    // Save and Discard are actions, so the window's File menu offers the same ones (and Ctrl+S
    // has one owner): the buttons trigger them.
    m_saveAction = new QAction(tr("&Save Changelog"), this);
    m_saveAction->setObjectName(QStringLiteral("actionSaveChangelog"));
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setEnabled(false);
    connect(m_saveAction, &QAction::triggered, this, &ChangelogTab::save);
    addAction(m_saveAction);
    m_discardAction = new QAction(tr("&Discard Changelog Changes"), this);
    m_discardAction->setObjectName(QStringLiteral("actionDiscardChangelog"));
    m_discardAction->setEnabled(false);
    connect(m_discardAction, &QAction::triggered, this, &ChangelogTab::discardChanges);
    addAction(m_discardAction);
    m_cutButton = makeButton(bar, QStringLiteral("changelogCut"), tr("C&ut Release…"),
        tr("Turn Unreleased into the shown release's section, in the editor"));
    m_createTagButton = makeButton(bar, QStringLiteral("createTagButton"), tr("Create &Tag…"),
        tr("Create the release's annotated tag after showing name, commit and message"));
    m_createRcButton = makeButton(bar, QStringLiteral("createRcTagButton"), tr("Create &RC Tag…"),
        tr("Tag the next release candidate (-rcN) on the release's commit; it pins the release there"));
    m_verifyTagButton = makeButton(bar, QStringLiteral("verifyTagButton"), tr("&Verify Tag…"),
        tr("Check that the release's tag exists, is annotated and points at the release commit"));
    m_promoteButton = makeButton(bar, QStringLiteral("promoteTagButton"), tr("&Promote RC…"),
        tr("Create the release tag on the last release candidate's commit"));
    row->addWidget(m_fileLabel);
    row->addWidget(m_lintSummary, 1);
    for (QPushButton *b : {m_reloadButton, m_saveButton, m_discardButton})
        row->addWidget(b);
    for (QPushButton *b : {m_cutButton, m_createRcButton, m_createTagButton, m_verifyTagButton, m_promoteButton})
        releaseRow->addWidget(b);
    releaseRow->addStretch(1);
    connect(m_reloadButton, &QPushButton::clicked, this, &ChangelogTab::reload);
    connect(m_saveButton, &QPushButton::clicked, m_saveAction, &QAction::trigger);
    connect(m_discardButton, &QPushButton::clicked, m_discardAction, &QAction::trigger);
    connect(m_cutButton, &QPushButton::clicked, this, &ChangelogTab::cutRelease);
    connect(m_createTagButton, &QPushButton::clicked, this, [this] { openTagDialog(TagAction::Create); });
    connect(m_createRcButton, &QPushButton::clicked, this, [this] { openTagDialog(TagAction::Candidate); });
    connect(m_verifyTagButton, &QPushButton::clicked, this, [this] { openTagDialog(TagAction::Verify); });
    connect(m_promoteButton, &QPushButton::clicked, this, [this] { openTagDialog(TagAction::Promote); });
    // Soft wrap, on unless turned off (remembered).
    m_softWrapAction = new QAction(tr("Soft &Wrap"), this);
    m_softWrapAction->setObjectName(QStringLiteral("actionSoftWrap"));
    m_softWrapAction->setCheckable(true);
    m_softWrapAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Z));
    m_softWrapAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_softWrapAction->setChecked(settings().value(QStringLiteral("changelogTab/softWrap"), true).toBool());
    auto applyWrap = [this](bool wrap) {
        m_editor->setLineWrapMode(wrap ? QPlainTextEdit::WidgetWidth : QPlainTextEdit::NoWrap);
    };
    applyWrap(m_softWrapAction->isChecked());
    connect(m_softWrapAction, &QAction::toggled, this, [applyWrap](bool wrap) {
        applyWrap(wrap);
        settings().setValue(QStringLiteral("changelogTab/softWrap"), wrap);
    });
    addAction(m_softWrapAction);
    // F8 walks the problems as in an IDE.
    auto *next = new QAction(tr("Next Problem"), this);
    next->setObjectName(QStringLiteral("actionNextProblem"));
    next->setShortcut(Qt::Key_F8);
    next->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QAction::triggered, m_problems, &ProblemsList::selectNext);
    addAction(next);
    return bar;
}

QWidget *ChangelogTab::buildEmptyPage()
{
    auto *page = new QWidget(this);
    m_emptyText = new QLabel(page);
    m_emptyText->setObjectName(QStringLiteral("changelogEmptyText"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_createButton = makeButton(page, QStringLiteral("createChangelogButton"), tr("Create CHANGELOG.md"),
        tr("Write a Keep a Changelog skeleton with an Unreleased section"));
    connect(m_createButton, &QPushButton::clicked, this, &ChangelogTab::createChangelog);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(m_emptyText);
    layout->addWidget(m_createButton, 0, Qt::AlignHCenter);
    layout->addStretch(1);
    return page;
}

void ChangelogTab::showEmpty(const QString &text, bool offerCreate)
{
    m_emptyText->setText(text);
    m_createButton->setVisible(offerCreate);
    m_pages->setCurrentIndex(EmptyPage);
}

void ChangelogTab::restoreLayout()
{
    QSettings s = settings();
    m_splitter->restoreState(s.value(QStringLiteral("changelogTab/splitter")).toByteArray());
    m_sourceSplitter->restoreState(s.value(QStringLiteral("changelogTab/sourceSplitter")).toByteArray());
    m_coverage->restoreState(s.value(QStringLiteral("changelogTab/coverageHeader")).toByteArray());
}

void ChangelogTab::saveLayout() const
{
    QSettings s = settings();
    s.setValue(QStringLiteral("changelogTab/splitter"), m_splitter->saveState());
    s.setValue(QStringLiteral("changelogTab/sourceSplitter"), m_sourceSplitter->saveState());
    s.setValue(QStringLiteral("changelogTab/coverageHeader"), m_coverage->saveState());
}

void ChangelogTab::setSession(Session *session)
{
    if (session == m_session)
        return;
    m_session = session;
    ++m_generation;
    cancelWalk();
    m_release = {};
    m_snapshot = {};
    m_commits.clear();
    m_commitsLoaded = false;
    m_reportedEvidence.clear();
    m_recoveryCheckedPath.clear();
    m_autosaveTimer->stop();
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_diskBanner->hide();
    m_editor->setPlainText({});
    m_editor->document()->setModified(false);
    if (!m_session)
        showEmpty(tr("Open a workspace to see its changelog."), false);
    else
        startLoad(false);
}

void ChangelogTab::showRelease(const ReleaseRecord &release)
{
    // The window calls this again after every change to the release (a tick, our own check
    // outcome): only a different release or commit needs git again; edits are never dropped.
    const bool sameTarget = release.version == m_release.version && release.commit == m_release.commit;
    m_release = release;
    updateActions();
    if (!m_session || (sameTarget && (m_loading || m_commitsLoaded)))
        return;
    startLoad(true);
}

void ChangelogTab::askGoToLine()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("goToLineDialog"));
    dialog->setWindowTitle(tr("Go to Line"));
    dialog->setInputMode(QInputDialog::IntInput);
    dialog->setIntRange(1, qMax(1, m_editor->blockCount()));
    dialog->setIntValue(m_editor->currentLine());
    dialog->setLabelText(tr("Line (1–%1):").arg(m_editor->blockCount()));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::intValueSelected, this, [this](int line) {
        m_leftTabs->setCurrentWidget(m_sourceSplitter);
        m_editor->goToLine(line);
    });
    dialog->open();
}

bool ChangelogTab::isModified() const
{
    return m_editor->document()->isModified();
}

QString ChangelogTab::changelogPath() const
{
    return m_snapshot.path;
}

void ChangelogTab::reload()
{
    if (!m_session)
        return;
    if (isModified()) {
        askBeforeReload();
        return;
    }
    startLoad(false);
}

void ChangelogTab::updateActions()
{
    const bool ready = m_session && !m_loading && m_snapshot.exists;
    const bool haveRelease = !m_release.version.isEmpty();
    m_reloadButton->setEnabled(m_session != nullptr);
    m_saveAction->setEnabled(ready && isModified() && !m_saving);
    m_saveButton->setEnabled(m_saveAction->isEnabled());
    m_discardAction->setEnabled(ready && isModified() && !m_saving);
    m_discardButton->setEnabled(m_discardAction->isEnabled());
    m_cutButton->setEnabled(ready && haveRelease);
    m_createTagButton->setEnabled(m_session && haveRelease);
    m_verifyTagButton->setEnabled(m_session && haveRelease);
    m_createRcButton->setEnabled(m_session && haveRelease && !m_release.version.contains(QLatin1Char('-'))
        && !isFinalState(m_release.state));
    m_promoteButton->setEnabled(m_session && haveRelease && !m_release.version.contains(QLatin1Char('-')));
    const QString name = m_snapshot.relativePath.isEmpty() ? tr("CHANGELOG.md") : m_snapshot.relativePath;
    m_fileLabel->setText(isModified() ? QStringLiteral("<b>%1</b> ●").arg(name.toHtmlEscaped())
                                      : QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()));
    m_fileLabel->setToolTip(
        isModified() ? tr("%1 has unsaved changes").arg(m_snapshot.path) : m_snapshot.path);
    m_leftTabs->setTabText(
        m_leftTabs->indexOf(m_editsDiff), isModified() ? tr("Unsaved Changes ●") : tr("Unsaved Changes"));
    m_leftTabs->setTabText(m_leftTabs->indexOf(m_diff),
        m_snapshot.lastTag.isEmpty() ? tr("Diff") : tr("Diff vs %1").arg(m_snapshot.lastTag));
}

}  // namespace cockpit
