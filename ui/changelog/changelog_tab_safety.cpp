// ChangelogTab's safety net, so nothing typed is lost: Save / Discard / Cancel before the window
// closes, Reload that asks, a watcher that says when another program changed the file, and the
// autosave of unsaved text (kept by the session under the XDG state dir) offered back after a crash.
#include "changelog_editor.h"
#include "changelog_tab.h"
#include "diff_view.h"
#include "future_watch.h"
#include "session.h"

#include <QAction>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

namespace cockpit {

QWidget *ChangelogTab::buildDiskBanner()
{
    m_diskBanner = new QWidget(this);
    m_diskBanner->setObjectName(QStringLiteral("changelogDiskBanner"));
    m_diskBanner->setAutoFillBackground(true);
    QPalette palette = m_diskBanner->palette();
    palette.setColor(QPalette::Window, QColor(0xff, 0xf3, 0xcd));
    palette.setColor(QPalette::WindowText, QColor(0x5c, 0x44, 0x00));
    m_diskBanner->setPalette(palette);
    m_diskBannerText = new QLabel(m_diskBanner);
    m_diskBannerText->setObjectName(QStringLiteral("changelogDiskBannerText"));
    m_diskBannerText->setWordWrap(true);
    auto *reloadButton = new QPushButton(tr("Reload (Discard My Edits)"), m_diskBanner);
    reloadButton->setObjectName(QStringLiteral("diskBannerReload"));
    reloadButton->setAccessibleName(reloadButton->text());
    auto *keepButton = new QPushButton(tr("Keep My Edits"), m_diskBanner);
    keepButton->setObjectName(QStringLiteral("diskBannerKeep"));
    keepButton->setAccessibleName(keepButton->text());
    keepButton->setToolTip(tr("Saving will then ask whether to overwrite the other program's change"));
    auto *row = new QHBoxLayout(m_diskBanner);
    row->setContentsMargins(8, 4, 8, 4);
    row->addWidget(m_diskBannerText, 1);
    row->addWidget(reloadButton);
    row->addWidget(keepButton);
    connect(reloadButton, &QPushButton::clicked, this, [this] {
        m_editor->document()->setModified(false);
        dropAutosave();
        m_diskBanner->hide();
        startLoad(false);
    });
    connect(keepButton, &QPushButton::clicked, m_diskBanner, &QWidget::hide);
    m_diskBanner->hide();
    return m_diskBanner;
}

bool ChangelogTab::diskChangePending() const
{
    return m_diskBanner->isVisibleTo(const_cast<ChangelogTab *>(this));
}

void ChangelogTab::setAutosaveInterval(int milliseconds)
{
    m_autosaveTimer->setInterval(milliseconds);
}

bool ChangelogTab::mayClose(std::function<void()> proceed)
{
    if (!m_session || !isModified())
        return true;
    if (m_question) {
        m_question->raise();
        return false;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Unsaved changelog"),
        tr("%1 has changes that are not saved.\n\nSave them before closing?").arg(m_snapshot.relativePath),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("changelogUnsavedBox"));
    box->setDefaultButton(QMessageBox::Save);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_question = box;
    connect(box, &QMessageBox::finished, this, [this, box, proceed = std::move(proceed)](int) {
        const QMessageBox::StandardButton choice = box->standardButton(box->clickedButton());
        if (choice == QMessageBox::Save) {
            m_afterSave = proceed;
            save();
        } else if (choice == QMessageBox::Discard) {
            m_editor->document()->setModified(false);
            dropAutosave();
            if (proceed)
                proceed();
        }
    });
    box->open();
    return false;
}

void ChangelogTab::afterSave(bool saved)
{
    std::function<void()> proceed = std::exchange(m_afterSave, {});
    if (!saved)
        return;  // the error or the conflict question is on screen: the close waits for the user
    m_diskBanner->hide();
    dropAutosave();
    if (proceed)
        proceed();
}

void ChangelogTab::askBeforeReload()
{
    if (m_question)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Reload %1").arg(m_snapshot.relativePath),
        tr("%1 has changes that are not saved.\n\nDiscard them and read the file again, or keep them and "
           "refresh only the tags, commits and problems? Save still compares with the file as it was "
           "read.")
            .arg(m_snapshot.relativePath),
        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("changelogReloadBox"));
    QPushButton *discard = box->addButton(tr("Discard Edits and Reload"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("reloadDiscard"));
    QPushButton *keep = box->addButton(tr("Keep Edits"), QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("reloadKeep"));
    box->setDefaultButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_question = box;
    connect(box, &QMessageBox::buttonClicked, this, [this, discard, keep](QAbstractButton *b) {
        if (b == discard) {
            m_editor->document()->setModified(false);
            dropAutosave();
            startLoad(false);
        } else if (b == keep) {
            emit statusMessage(tr("Reloading around your unsaved edits"));
            startLoad(true);
        }
    });
    box->open();
}

void ChangelogTab::discardChanges()
{
    if (!m_snapshot.exists || !isModified())
        return;
    m_editor->replaceText(QString::fromUtf8(m_snapshot.file.bytes()));
    m_editor->document()->setModified(false);
    m_diskBanner->hide();
    dropAutosave();
    emit statusMessage(
        tr("Discarded the unsaved changes to %1 (Ctrl+Z brings them back)").arg(m_snapshot.relativePath));
}

void ChangelogTab::watchFile()
{
    // An atomic save by any program replaces the file, and the watcher loses it: the directory is
    // watched too, and the file is added again whenever it exists.
    if (m_snapshot.path.isEmpty())
        return;
    const QString dir = QFileInfo(m_snapshot.path).absolutePath();
    if (!m_watcher->directories().contains(dir))
        m_watcher->addPath(dir);
    if (QFileInfo::exists(m_snapshot.path) && !m_watcher->files().contains(m_snapshot.path))
        m_watcher->addPath(m_snapshot.path);
}

void ChangelogTab::checkDisk()
{
    if (!m_session || m_snapshot.path.isEmpty() || !m_snapshot.exists)
        return;
    watchFile();
    if (m_loading || m_saving || m_checkingDisk) {
        m_diskTimer->start();  // our own write or read: look again once it is done
        return;
    }
    m_checkingDisk = true;
    const QString path = m_snapshot.path;
    const quint64 generation = m_generation;
    whenReady(this, QtConcurrent::run([path] { return ChangelogFile::read(path); }),
        [this, generation](const Result<ChangelogFile> &onDisk) {
            m_checkingDisk = false;
            if (generation != m_generation || !onDisk)
                return;
            applyDiskCheck(*onDisk);
        });
}

void ChangelogTab::applyDiskCheck(const ChangelogFile &onDisk)
{
    if (m_loading || m_saving) {
        m_diskTimer->start();
        return;
    }
    if (onDisk.sha256() == m_snapshot.file.sha256() && onDisk.exists() == m_snapshot.file.exists())
        return;  // our own save, or a touch
    emit changedOnDisk();
    if (!isModified()) {
        emit statusMessage(tr("%1 changed on disk: reloaded").arg(m_snapshot.relativePath));
        startLoad(false);
        return;
    }
    m_diskBannerText->setText(
        tr("%1 was changed on disk by another program. Your unsaved edits are based on the earlier file: "
           "Save will ask before it overwrites that change.")
            .arg(m_snapshot.relativePath));
    m_diskBanner->show();
}

void ChangelogTab::scheduleAutosave()
{
    if (m_session && m_snapshot.exists && isModified())
        m_autosaveTimer->start();
}

void ChangelogTab::writeAutosave()
{
    if (!m_session || !m_snapshot.exists || !isModified())
        return;
    if (m_autosaveInFlight) {
        m_autosaveTimer->start();
        return;
    }
    m_autosaveInFlight = true;
    ChangelogAutosave autosave;
    autosave.path = m_snapshot.path;
    autosave.text = m_editor->toPlainText().toUtf8();
    autosave.baseSha256 = m_snapshot.file.sha256();
    autosave.savedAt = QDateTime::currentDateTimeUtc();
    whenReady(this, m_session->autosaveChangelog(autosave), [this](const Status &written) {
        m_autosaveInFlight = false;
        if (!written) {
            emit statusMessage(tr("Could not keep an autosave of %1: %2")
                                   .arg(m_snapshot.relativePath, written.error().toString()));
            return;
        }
        if (!isModified()) {
            dropAutosave();  // saved or discarded while the write was under way
            return;
        }
        emit autosaved();
    });
}

void ChangelogTab::dropAutosave()
{
    m_autosaveTimer->stop();
    if (m_session && !m_snapshot.path.isEmpty())
        (void)m_session->dropChangelogAutosave(m_snapshot.path);
}

void ChangelogTab::offerRecovery()
{
    if (!m_session || m_snapshot.path.isEmpty() || m_recoveryCheckedPath == m_snapshot.path)
        return;
    m_recoveryCheckedPath = m_snapshot.path;
    const QString path = m_snapshot.path;
    const quint64 generation = m_generation;
    whenReady(this, m_session->changelogAutosave(path),
        [this, path, generation](const Result<std::optional<ChangelogAutosave>> &found) {
            if (generation != m_generation || path != m_snapshot.path)
                return;
            if (!found || !*found || (*found)->text == m_snapshot.file.bytes()
                || (*found)->text == m_editor->toPlainText().toUtf8()) {
                if (found && *found)
                    dropAutosave();  // nothing in it that the file or the editor lacks
                emit recoveryChecked();
                return;
            }
            const ChangelogAutosave autosave = **found;
            QString text = tr("Unsaved edits to %1 from %2 were kept when Release Cockpit last stopped.\n\n"
                              "Restore them into the editor (they stay unsaved until you Save), or "
                              "discard them?")
                               .arg(m_snapshot.relativePath,
                                   QLocale().toString(autosave.savedAt.toLocalTime(), QLocale::ShortFormat));
            if (autosave.baseSha256 != m_snapshot.file.sha256())
                text += QStringLiteral("\n\n")
                    + tr("The file on disk has changed since those edits began: compare before saving.");
            auto *box = new QMessageBox(QMessageBox::Question, tr("Recover unsaved changelog edits"), text,
                QMessageBox::NoButton, this);
            box->setObjectName(QStringLiteral("changelogRecoverBox"));
            QPushButton *restore = box->addButton(tr("Restore"), QMessageBox::AcceptRole);
            restore->setObjectName(QStringLiteral("recoverRestore"));
            QPushButton *discard = box->addButton(tr("Discard"), QMessageBox::DestructiveRole);
            discard->setObjectName(QStringLiteral("recoverDiscard"));
            box->setDefaultButton(restore);
            box->setAttribute(Qt::WA_DeleteOnClose);
            connect(box, &QMessageBox::buttonClicked, this, [this, restore, autosave](QAbstractButton *b) {
                if (b == restore) {
                    m_editor->replaceText(QString::fromUtf8(autosave.text));
                    emit statusMessage(tr("Restored the unsaved edits: review, then Save"));
                } else {
                    dropAutosave();
                }
            });
            box->open();
            emit recoveryChecked();
        });
}

// What Save would change: the editor's text against the file on disk as read (the baseline Save
// compares with), computed off the GUI thread after typing pauses.
void ChangelogTab::updateEditsDiff()
{
    const quint64 generation = ++m_editsDiffGeneration;
    if (!m_snapshot.exists || !isModified()) {
        m_editsDiff->showMessage(
            tr("No unsaved changes: the editor shows %1 as it is on disk.")
                .arg(m_snapshot.relativePath.isEmpty() ? tr("the file") : m_snapshot.relativePath));
        return;
    }
    QByteArray before = m_snapshot.file.bytes();
    before.replace("\r\n", "\n");  // the editor holds "\n"; Save keeps the file's line ends
    const QByteArray after = m_editor->toPlainText().toUtf8();
    const QString path = m_snapshot.relativePath;
    whenReady(this,
        QtConcurrent::run([before, after, path] { return GitService::diffTexts(before, after, path); }),
        [this, generation](const Result<FileDiff> &diff) {
            if (generation != m_editsDiffGeneration)
                return;
            if (!diff)
                m_editsDiff->showMessage(tr("Could not compare the edits: %1").arg(diff.error().toString()));
            else
                m_editsDiff->setDiff(*diff, tr("on disk"), tr("editor"));
        });
}

}  // namespace cockpit
