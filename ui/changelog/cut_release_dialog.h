#pragma once
// Cut Release…: what the cut will write before it writes it. The version (the shown release),
// the date (today unless changed), the bump the commits call for against the one this version
// is, the coverage notes, and the lint errors that hold the cut until they are fixed.
#include <QDate>
#include <QDialog>
#include <QStringList>

class QDateEdit;
class QLabel;
class QPushButton;

namespace cockpit {

struct CutReleaseFacts {
    QString version;  // "3.7.0"
    QString previousVersion;  // the last release tag's version; empty when none
    QString releaseBump;  // what version is after previousVersion: major, minor, patch; empty if unknown
    QString suggestedBump;  // what the commits call for
    QStringList notes;  // coverage warnings (the bump disagrees, Removed in a minor release, ...)
    QStringList lintErrors;  // "12: heading-format: ...": each one holds the cut
};

class CutReleaseDialog : public QDialog {
    Q_OBJECT
public:
    CutReleaseDialog(const CutReleaseFacts &facts, QWidget *parent = nullptr);

    [[nodiscard]] QDate date() const;
    [[nodiscard]] QPushButton *cutButton() const { return m_cut; }
    [[nodiscard]] bool blocked() const { return !m_facts.lintErrors.isEmpty(); }

private:
    CutReleaseFacts m_facts;
    QDateEdit *m_date = nullptr;
    QPushButton *m_cut = nullptr;
};

}  // namespace cockpit
