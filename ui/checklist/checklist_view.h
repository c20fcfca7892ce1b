#pragma once
// The Checklist tab: the release's checklist tree (filtered by "open only" and text), the selected
// item's details, and the item actions (done, failed, N/A, note, undo) with keyboard shortcuts
// and a context menu. Changes go through ChecklistEditor, so the tree shows only saved states.
#include "checklist.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLineEdit;
class QMenu;
class QSplitter;
class QTreeView;

namespace cockpit {

class ChecklistDelegate;
class ChecklistEditor;
class ChecklistFilterProxy;
class ChecklistModel;
class ItemDetailsPane;
class Session;

class ChecklistView : public QWidget {
    Q_OBJECT
public:
    explicit ChecklistView(QWidget *parent = nullptr);

    void setSession(Session *session);  // null: read-only until a workspace is open
    void showChecklist(const QString &version, Checklist checklist);
    void clear();
    // A change saved elsewhere (another cockpit, the CLI) for the shown release.
    void applySavedItem(const QString &version, const ChecklistItem &item);

    [[nodiscard]] QString version() const;
    // Makes the item current (clearing filters that hide it) and scrolls to it; false if unknown.
    bool selectItem(const QString &key);
    [[nodiscard]] ChecklistModel *model() const { return m_model; }
    [[nodiscard]] ChecklistFilterProxy *proxy() const { return m_proxy; }
    [[nodiscard]] QTreeView *tree() const { return m_tree; }
    [[nodiscard]] ChecklistEditor *editor() const { return m_editor; }
    // For the window's menus: item actions, undo, the open-only toggle and "find".
    [[nodiscard]] QList<QAction *> itemActions() const;
    [[nodiscard]] QAction *undoAction() const { return m_undo; }
    [[nodiscard]] QAction *openOnlyAction() const { return m_openOnlyAction; }
    [[nodiscard]] QAction *filterAction() const { return m_focusFilter; }

    [[nodiscard]] QByteArray saveState() const;  // splitter and tree header
    void restoreState(const QByteArray &state);

signals:
    void message(const QString &text);
    void errorOccurred(const QString &text);
    void checklistChanged();
    void activationRequested();  // an action needs the tab shown (Ctrl+F from another tab)  // counts
                                 // changed: the header's readiness follows

private:
    void buildActions();
    QWidget *buildFilterBar();
    void configureTree();
    [[nodiscard]] const ChecklistItem *currentItem() const;
    // The first open item a person can tick, in tree order below parent.
    [[nodiscard]] QModelIndex firstOpenItem(const QModelIndex &parent) const;
    void updateActions();
    void showContextMenu(const QPoint &pos);
    void toggle(const QModelIndex &proxyIndex);
    void markFailed();
    void markNotApplicable();
    void reopen();
    void editNote();
    void refilter();

    ChecklistModel *m_model;
    ChecklistFilterProxy *m_proxy;
    ChecklistDelegate *m_delegate;
    ChecklistEditor *m_editor;
    QTreeView *m_tree;
    ItemDetailsPane *m_details;
    QSplitter *m_splitter;
    QCheckBox *m_openOnly = nullptr;
    QLineEdit *m_filter = nullptr;
    QAction *m_toggle = nullptr;
    QAction *m_fail = nullptr;
    QAction *m_na = nullptr;
    QAction *m_reopen = nullptr;
    QAction *m_note = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_openOnlyAction = nullptr;
    QAction *m_focusFilter = nullptr;
};

}  // namespace cockpit
