#pragma once
// The linter's findings (severity, rule id, line:col, message) grouped by rule, each group sorted
// by line, worst rule first; a rule filter narrows them to one rule, and a group of many rows
// starts collapsed so one noisy rule does not bury the rest. Activating a finding (Enter,
// double-click) asks for the editor to jump there. When there are none it says so.
#include "changelog_editor.h"

#include <QWidget>

class QComboBox;
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
    [[nodiscard]] int count() const;  // findings, whatever the filter shows
    [[nodiscard]] QTreeWidget *tree() const { return m_tree; }
    // The nth finding in display order (group by group), and its rule group.
    [[nodiscard]] QTreeWidgetItem *problemAt(int row) const;
    [[nodiscard]] QTreeWidgetItem *groupOf(const QString &rule) const;
    // Activates finding n as a person would (tests, keyboard shortcut "next problem").
    void activateRow(int row);
    void selectNext();  // moves to the next shown finding and activates it (wraps)
    // Empty: every rule. Otherwise only that rule's group is shown (and expanded).
    void setRuleFilter(const QString &rule);
    [[nodiscard]] QComboBox *ruleFilter() const { return m_ruleFilter; }

signals:
    void problemActivated(int line, int column);
    void countChanged(int errors, int warnings);

private:
    void onActivated(QTreeWidgetItem *item);
    void applyRuleFilter();

    QStackedWidget *m_stack;
    QTreeWidget *m_tree;
    QLabel *m_empty;
    QComboBox *m_ruleFilter;
    QList<QTreeWidgetItem *> m_problems;  // display order; owned by the tree
};

}  // namespace cockpit
