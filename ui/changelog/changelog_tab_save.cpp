// ChangelogTab's writes: Save through the atomic changelog file writer, the Reload / Overwrite
// choice when the file changed on disk meanwhile, drafting entries, Cut release, and creating a
// missing CHANGELOG.md.
#include "changelog_cut.h"
#include "changelog_editor.h"
#include "changelog_style.h"
#include "changelog_tab.h"
#include "cut_release_dialog.h"
#include "future_watch.h"
#include "semver.h"
#include "session.h"
#include "state_style.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {
namespace {

// The editor holds "\n"; a CRLF file stays CRLF so only the lines the user touched change.
QByteArray editorBytes(const QString &text, const QByteArray &original)
{
    QByteArray bytes = text.toUtf8();
    if (original.contains("\r\n"))
        bytes.replace("\r\n", "\n").replace("\n", "\r\n");
    return bytes;
}

}  // namespace

void ChangelogTab::save()
{
    if (!m_session || m_saving || !m_snapshot.exists)
        return;
    writeFile(false);
}

void ChangelogTab::writeFile(bool overwrite)
{
    m_saving = true;
    updateActions();
    const QByteArray bytes = editorBytes(m_editor->toPlainText(), m_snapshot.file.bytes());
    ChangelogFile file = m_snapshot.file;
    auto future = QtConcurrent::run([file, bytes, overwrite]() mutable -> Result<ChangelogFile> {
        if (overwrite) {
            // The user chose to replace whatever is on disk now: write over a fresh read of it.
            auto current = ChangelogFile::read(file.path());
            if (!current)
                return std::unexpected(current.error());
            file = std::move(*current);
        }
        if (auto written = file.write(bytes); !written)
            return std::unexpected(written.error());
        return file;
    });
    whenReady(this, future, [this](const Result<ChangelogFile> &result) {
        m_saving = false;
        if (!result) {
            updateActions();
            afterSave(false);
            if (result.error().code == ErrorCode::Conflict) {
                askOnConflict(result.error().message);
                return;
            }
            emit statusMessage(
                tr("Could not save %1: %2").arg(m_snapshot.relativePath, result.error().toString()));
            QMessageBox::warning(this, tr("Save failed"), result.error().toString());
            return;
        }
        m_snapshot.file = *result;
        m_editor->document()->setModified(false);
        updateActions();
        emit statusMessage(tr("Saved %1").arg(m_snapshot.relativePath));
        emit savedTo(m_snapshot.path);
        runAnalysis(true);
        afterSave(true);
    });
}

void ChangelogTab::askOnConflict(const QString &message)
{
    // Never silently overwritten: the user picks, and Cancel keeps the edits in the editor.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("%1 changed on disk").arg(m_snapshot.relativePath),
        tr("%1 was changed by another program since it was loaded.\n\n%2\n\nReload discards your edits; "
           "Overwrite replaces the file with what the editor shows.")
            .arg(m_snapshot.relativePath, message),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("changelogConflictBox"));
    QPushButton *reloadButton = box->addButton(tr("Reload"), QMessageBox::DestructiveRole);
    reloadButton->setObjectName(QStringLiteral("conflictReload"));
    QPushButton *overwriteButton = box->addButton(tr("Overwrite"), QMessageBox::AcceptRole);
    overwriteButton->setObjectName(QStringLiteral("conflictOverwrite"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
        [this, box, reloadButton, overwriteButton](QAbstractButton *b) {
            if (b == reloadButton) {
                m_editor->document()->setModified(false);
                dropAutosave();
                startLoad(false);
            } else if (b == overwriteButton) {
                writeFile(true);
            }
            box->close();
        });
    box->open();
}

void ChangelogTab::addEntry(const CoverageRow &row)
{
    addEntries({row});
}

void ChangelogTab::addEntries(const QList<CoverageRow> &rows)
{
    if (!m_snapshot.exists || rows.isEmpty())
        return;
    QByteArray text = m_editor->toPlainText().toUtf8();
    EntryStyle style;
    if (auto log = parseChangelog(text, m_snapshot.relativePath))
        style = detectEntryStyle(*log);
    const QStringList extra
        = m_session ? m_session->workspace().policy.changelogExtraSections : QStringList();
    QList<DraftEntry> drafts;
    for (const CoverageRow &row : rows) {
        const DraftEntry draft = draftEntryFor(row, style);
        auto inserted = insertDraftEntry(text, draft, extra);
        if (!inserted) {
            emit statusMessage(tr("Could not draft an entry: %1").arg(inserted.error().toString()));
            return;
        }
        text = inserted->text;
        drafts << draft;
    }
    m_editor->replaceText(QString::fromUtf8(text));  // one undo step for all of them
    m_leftTabs->setCurrentWidget(m_sourceSplitter);
    // Select the first drafted text so typing replaces or refines it right away.
    const QTextCursor found = m_editor->document()->find(QStringLiteral("- ") + drafts.first().text);
    if (!found.isNull()) {
        const QTextBlock block = found.block();
        const int start = int(block.text().indexOf(drafts.first().text));
        m_editor->goToLine(block.blockNumber() + 1, start + 1);
        QTextCursor cursor = m_editor->textCursor();
        cursor.setPosition(
            block.position() + start + int(drafts.first().text.size()), QTextCursor::KeepAnchor);
        m_editor->setTextCursor(cursor);
    }
    if (rows.size() == 1)
        emit statusMessage(tr("Drafted an entry under %1 for %2: edit it, then Save")
                               .arg(drafts.first().section, shortCommit(rows.first().sha)));
    else
        emit statusMessage(tr("Drafted %n entries: edit them, then Save (Ctrl+Z takes them all back)",
            nullptr, int(rows.size())));
}

void ChangelogTab::cutRelease()
{
    if (!m_snapshot.exists || m_release.version.isEmpty())
        return;
    const QString tagFormat
        = m_session ? m_session->workspace().policy.tagFormat : QStringLiteral("v{version}");
    CutReleaseFacts facts;
    facts.version = m_release.version;
    facts.suggestedBump = m_commitsLoaded ? m_analysis.suggestedBump : QString();
    facts.notes = m_analysis.notes;
    if (auto previous = SemVer::parseTag(m_snapshot.lastTag, tagFormat)) {
        facts.previousVersion = previous->toString();
        if (auto next = SemVer::parse(m_release.version))
            facts.releaseBump = inferReleaseType(*previous, *next, false);
    }
    for (const EditorDiagnostic &d : m_analysis.diagnostics)
        if (d.severity == EditorDiagnostic::Severity::Error)
            facts.lintErrors << QStringLiteral("%1: %2: %3").arg(d.line).arg(d.rule, d.message);
    auto *dialog = new CutReleaseDialog(facts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, tagFormat] {
        const QString version = m_release.version;
        auto cut = cockpit::cutRelease(m_editor->toPlainText().toUtf8(), version, dialog->date(), tagFormat);
        if (!cut) {
            QMessageBox::warning(this, tr("Cut release"), cut.error().toString());
            return;
        }
        m_editor->replaceText(QString::fromUtf8(*cut));
        m_leftTabs->setCurrentWidget(m_sourceSplitter);
        // Show what was written: the new section's heading.
        const QTextCursor heading = m_editor->document()->find(QStringLiteral("## [%1]").arg(version));
        if (!heading.isNull())
            m_editor->goToLine(heading.block().blockNumber() + 1);
        emit statusMessage(
            tr("Unreleased is now %1 in the editor: review, then Save (Ctrl+Z undoes)").arg(version));
    });
    dialog->open();
}

void ChangelogTab::createChangelog()
{
    if (!m_session || m_snapshot.path.isEmpty())
        return;
    const QByteArray skeleton
        = "# Changelog\n\nAll notable changes to this project will be documented in this file.\n\n"
          "The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/),\n"
          "and this project adheres to [Semantic Versioning](https://semver.org/spec/v2.0.0.html).\n\n"
          "## [Unreleased]\n";
    const QString path = m_snapshot.path;
    auto future = QtConcurrent::run([path, skeleton]() -> Status {
        auto file = ChangelogFile::read(path);  // absent: the write creates it, present: Conflict
        if (!file)
            return std::unexpected(file.error());
        return file->write(skeleton);
    });
    whenReady(this, future, [this](const Status &result) {
        if (!result) {
            emit statusMessage(
                tr("Could not create %1: %2").arg(m_snapshot.relativePath, result.error().toString()));
            return;
        }
        emit statusMessage(tr("Created %1").arg(m_snapshot.relativePath));
        startLoad(false);
    });
}

}  // namespace cockpit
