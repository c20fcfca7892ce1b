#pragma once
// File > New Workspace from Preset…: pick a bundled preset (one line on what each carries) and a
// git repository to write .release-cockpit/ into. The window does the writing off the GUI thread.
#include <QWizard>

class QLabel;
class QLineEdit;
class QListWidget;

namespace cockpit {

class NewWorkspaceWizard : public QWizard {
    Q_OBJECT
public:
    explicit NewWorkspaceWizard(const QString &startDir, QWidget *parent = nullptr);

    [[nodiscard]] QString preset() const;
    [[nodiscard]] QString directory() const;
    [[nodiscard]] QListWidget *presetList() const { return m_presets; }
    [[nodiscard]] QLineEdit *directoryEdit() const { return m_directory; }

private:
    QWizardPage *buildPresetPage();
    QWizardPage *buildDirectoryPage(const QString &startDir);
    void checkDirectory();

    QListWidget *m_presets = nullptr;
    QLineEdit *m_directory = nullptr;
    QLabel *m_directoryStatus = nullptr;
    quint64 m_checkGeneration = 0;
};

}  // namespace cockpit
