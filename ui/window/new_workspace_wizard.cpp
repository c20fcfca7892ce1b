#include "new_workspace_wizard.h"

#include "future_watch.h"
#include "workspace.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cockpit {
namespace {

// A page that is complete only while a predicate holds (the wizard re-asks on completeChanged).
class CheckedPage : public QWizardPage {
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> complete;
    bool isComplete() const override { return complete ? complete() : true; }
    void changed() { emit completeChanged(); }
};

}  // namespace

NewWorkspaceWizard::NewWorkspaceWizard(const QString &startDir, QWidget *parent)
    : QWizard(parent)
{
    setObjectName(QStringLiteral("newWorkspaceWizard"));
    setWindowTitle(tr("New Workspace from Preset"));
    setWizardStyle(QWizard::ClassicStyle);
    addPage(buildPresetPage());
    addPage(buildDirectoryPage(startDir));
    setButtonText(QWizard::FinishButton, tr("Create Workspace"));
    resize(620, 420);
}

QWizardPage *NewWorkspaceWizard::buildPresetPage()
{
    auto *page = new CheckedPage(this);
    page->setTitle(tr("Release process"));
    page->setSubTitle(
        tr("Each preset carries a real team's process: checklists, approvals, soak and rollback."));
    m_presets = new QListWidget(page);
    m_presets->setObjectName(QStringLiteral("presetList"));
    m_presets->setAccessibleName(tr("Presets"));
    m_presets->setWordWrap(true);
    m_presets->setSpacing(2);
    for (const PresetInfo &preset : bundledPresets()) {
        auto *item
            = new QListWidgetItem(QStringLiteral("%1\n%2").arg(preset.name, preset.description), m_presets);
        item->setData(Qt::UserRole, preset.name);
    }
    m_presets->setCurrentRow(0);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_presets);
    page->complete = [this] { return m_presets->currentItem() != nullptr; };
    connect(m_presets, &QListWidget::currentRowChanged, page, &CheckedPage::changed);
    return page;
}

QWizardPage *NewWorkspaceWizard::buildDirectoryPage(const QString &startDir)
{
    auto *page = new CheckedPage(this);
    page->setTitle(tr("Repository"));
    page->setSubTitle(tr("The git repository whose releases the workspace manages; .release-cockpit/ is "
                         "written at its root."));
    m_directory = new QLineEdit(startDir, page);
    m_directory->setObjectName(QStringLiteral("workspaceDirectory"));
    m_directory->setAccessibleName(tr("Repository directory"));
    auto *browse = new QPushButton(tr("&Browse…"), page);
    browse->setObjectName(QStringLiteral("workspaceBrowse"));
    browse->setAccessibleName(tr("Browse for the repository"));
    m_directoryStatus = new QLabel(page);
    m_directoryStatus->setObjectName(QStringLiteral("workspaceDirectoryStatus"));
    m_directoryStatus->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_directory, 1);
    row->addWidget(browse);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(m_directoryStatus);
    layout->addStretch(1);
    page->complete = [this] { return m_directoryStatus->property("ok").toBool(); };
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Repository"), m_directory->text());
        if (!dir.isEmpty())
            m_directory->setText(dir);
    });
    connect(m_directory, &QLineEdit::textChanged, this, &NewWorkspaceWizard::checkDirectory);
    connect(this, &NewWorkspaceWizard::currentIdChanged, this, &NewWorkspaceWizard::checkDirectory);
    return page;
}

void NewWorkspaceWizard::checkDirectory()
{
    const QString dir = directory();
    const quint64 generation = ++m_checkGeneration;
    auto *page = static_cast<CheckedPage *>(this->page(1));
    m_directoryStatus->setProperty("ok", false);
    page->changed();
    if (dir.isEmpty() || !QDir(dir).exists()) {
        m_directoryStatus->setText(dir.isEmpty() ? QString() : tr("No such directory."));
        return;
    }
    m_directoryStatus->setText(tr("Checking…"));
    // libgit2 opens the repository: off the GUI thread.
    auto check = QtConcurrent::run([dir]() -> Result<QString> {
        auto root = Workspace::discover(dir);
        if (root && QFileInfo::exists(QDir(*root).filePath(QStringLiteral(".release-cockpit/policy.yml"))))
            return fail(ErrorCode::Refused,
                tr("%1 already has a release policy; open it with File ▸ Open Workspace "
                   "instead.")
                    .arg(*root));
        return root;
    });
    whenReady(this, check, [this, page, generation](const Result<QString> &root) {
        if (generation != m_checkGeneration)
            return;
        QString text;
        if (root)
            text = tr("Git repository at %1").arg(*root);
        else if (root.error().code == ErrorCode::Refused)
            text = root.error().message;
        else
            text = tr("%1 Run “git init” there first, or pick another directory.").arg(root.error().message);
        m_directoryStatus->setText(text);
        m_directoryStatus->setProperty("ok", root.has_value());
        page->changed();
    });
}

QString NewWorkspaceWizard::preset() const
{
    const QListWidgetItem *item = m_presets->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

QString NewWorkspaceWizard::directory() const
{
    return m_directory->text().trimmed();
}

}  // namespace cockpit
