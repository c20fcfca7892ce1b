#pragma once
// The linter's findings as a list (severity, rule id, line:col, message), sorted by line;
// activating one (Enter, double-click) asks for the editor to jump there. When there are none it
// says so rather than showing an empty table.
#include "changelog_editor.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace cockpit {

class ProblemsList : public QWidget {
    Q_OBJECT
public:
    enum Column { SeverityColumn, RuleColumn, LocationColumn, MessageColumn, ColumnCount };

    explicit ProblemsList(QWidget *parent = nullptr);

    void setDiagnostics(const QList<EditorDiagnostic> &diagnostics);
    // What the empty state says ("No problems: CHANGELOG.md lints clean.", "Not loaded yet").
    void setEmptyText(const QString &text);
    [[nodiscard]] int count() const;
    [[nodiscard]] QTreeWidget *tree() const { return m_tree; }
    // Activates row n as a person would (tests, keyboard shortcut "next problem").
    void activateRow(int row);
    void selectNext();  // moves to the next problem and activates it (wraps)

signals:
    void problemActivated(int line, int column);
    void countChanged(int errors, int warnings);

private:
    void onActivated(QTreeWidgetItem *item);

    QStackedWidget *m_stack;
    QTreeWidget *m_tree;
    QLabel *m_empty;
};

}  // namespace cockpit
