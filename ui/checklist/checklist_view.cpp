#include "checklist_view.h"

#include "checklist_delegate.h"
#include "checklist_editor.h"
#include "checklist_filter_proxy.h"
#include "checklist_model.h"
#include "item_details_pane.h"
#include "item_text_dialog.h"

#include <QAction>
#include <QCheckBox>
#include <QDataStream>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIODevice>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace cockpit {
namespace {

QAction *makeAction(QObject *parent, const QString &objectName, const QString &text, const QKeySequence &key,
    Qt::ShortcutContext context)
{
    auto *action = new QAction(text, parent);
    action->setObjectName(objectName);
    action->setShortcut(key);
    action->setShortcutContext(context);
    return action;
}

}  // namespace

ChecklistView::ChecklistView(QWidget *parent)
    : QWidget(parent)
    , m_model(new ChecklistModel(this))
    , m_proxy(new ChecklistFilterProxy(this))
    , m_delegate(new ChecklistDelegate(this))
    , m_editor(new ChecklistEditor(m_model, this))
    , m_tree(new QTreeView(this))
    , m_details(new ItemDetailsPane(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("checklistView"));
    setAccessibleName(tr("Checklist"));
    m_proxy->setSourceModel(m_model);
    buildActions();
    configureTree();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(buildFilterBar());
    m_splitter->setObjectName(QStringLiteral("checklistSplitter"));
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({600, 170});  // the tree is the work; details are a glance
    layout->addWidget(m_splitter, 1);

    m_editor->setStaleConfirmation([this](const QString &itemText, const QStringList &stale) {
        QMessageBox ask(QMessageBox::Warning, tr("Approvals will go stale"),
            tr("Changing “%1” changes what the signers approved.").arg(itemText), QMessageBox::Cancel, this);
        ask.setObjectName(QStringLiteral("staleApprovalsQuestion"));
        ask.setInformativeText(tr("This makes %1 stale: they will have to sign off again.").arg(stale.join(tr(", "))));
        QPushButton *go = ask.addButton(tr("Change It Anyway"), QMessageBox::AcceptRole);
        ask.setDefaultButton(QMessageBox::Cancel);
        ask.exec();
        return ask.clickedButton() == go;
    });
    connect(m_editor, &ChecklistEditor::message, this, &ChecklistView::message);
    connect(m_editor, &ChecklistEditor::failed, this, &ChecklistView::errorOccurred);
    connect(m_editor, &ChecklistEditor::saved, this, &ChecklistView::checklistChanged);
    connect(m_editor, &ChecklistEditor::undoAvailableChanged, m_undo, &QAction::setEnabled);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ChecklistView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChecklistView::updateActions);
    updateActions();
}

void ChecklistView::buildActions()
{
    // Item actions act on the tree's current row, so they answer only while the tree has focus
    // (Space must still type a space in the filter and toggle the "open only" box).
    m_toggle = makeAction(
        this, QStringLiteral("actionToggleDone"), tr("Mark &Done"), Qt::Key_Space, Qt::WidgetShortcut);
    m_fail = makeAction(this, QStringLiteral("actionMarkFailed"), tr("Mark &Failed"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), Qt::WidgetShortcut);
    m_na = makeAction(this, QStringLiteral("actionNotApplicable"), tr("Not &Applicable…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), Qt::WidgetShortcut);
    m_reopen = makeAction(this, QStringLiteral("actionReopen"), tr("&Reopen"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), Qt::WidgetShortcut);
    m_note = makeAction(
        this, QStringLiteral("actionEditNote"), tr("Edit &Note…"), Qt::Key_F2, Qt::WidgetShortcut);
    m_tree->addActions({m_toggle, m_fail, m_na, m_reopen, m_note});

    m_undo = makeAction(this, QStringLiteral("actionUndo"), tr("&Undo Checklist Change"), QKeySequence::Undo,
        Qt::WindowShortcut);
    m_undo->setEnabled(false);
    m_openOnlyAction = makeAction(this, QStringLiteral("actionOpenOnly"), tr("&Open Items Only"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), Qt::WindowShortcut);
    m_openOnlyAction->setCheckable(true);
    m_focusFilter = makeAction(this, QStringLiteral("actionFilterChecklist"), tr("&Filter Checklist"),
        QKeySequence::Find, Qt::WindowShortcut);
    addActions({m_undo, m_openOnlyAction, m_focusFilter});

    connect(m_toggle, &QAction::triggered, this, [this] { toggle(m_tree->currentIndex()); });
    connect(m_fail, &QAction::triggered, this, &ChecklistView::markFailed);
    connect(m_na, &QAction::triggered, this, &ChecklistView::markNotApplicable);
    connect(m_reopen, &QAction::triggered, this, &ChecklistView::reopen);
    connect(m_note, &QAction::triggered, this, &ChecklistView::editNote);
    connect(m_undo, &QAction::triggered, m_editor, &ChecklistEditor::undo);
    connect(m_delegate, &ChecklistDelegate::toggleRequested, this, &ChecklistView::toggle);
}

QWidget *ChecklistView::buildFilterBar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(bar);
    m_filter->setObjectName(QStringLiteral("checklistFilter"));
    m_filter->setAccessibleName(tr("Filter checklist items"));
    m_filter->setPlaceholderText(tr("Filter items (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_openOnly = new QCheckBox(tr("Open items only"), bar);
    m_openOnly->setObjectName(QStringLiteral("openOnlyFilter"));
    m_openOnly->setAccessibleName(tr("Show open items only"));
    m_openOnly->setToolTip(tr("Hide items that are done or not applicable (Ctrl+Shift+O)"));
    layout->addWidget(m_filter, 1);
    layout->addWidget(m_openOnly);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        refilter();
    });
    connect(m_openOnly, &QCheckBox::toggled, m_openOnlyAction, &QAction::setChecked);
    connect(m_openOnlyAction, &QAction::toggled, this, [this](bool on) {
        m_openOnly->setChecked(on);
        m_proxy->setOpenOnly(on);
        refilter();
    });
    connect(m_focusFilter, &QAction::triggered, this, [this] {
        emit activationRequested();
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(m_filter, &QLineEdit::returnPressed, m_tree, qOverload<>(&QWidget::setFocus));
    return bar;
}

void ChecklistView::configureTree()
{
    m_tree->setObjectName(QStringLiteral("checklistTree"));
    m_tree->setAccessibleName(tr("Checklist items"));
    m_tree->setModel(m_proxy);
    m_tree->setItemDelegate(m_delegate);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setMouseTracking(true);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ChecklistModel::TextColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ChecklistModel::StateColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ChecklistModel::WhoColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ChecklistModel::WhenColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ChecklistModel::NoteColumn, QHeaderView::Interactive);
    // The state box already shows the state; the column stays available from the header menu.
    header->setSectionHidden(ChecklistModel::StateColumn, true);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &ChecklistView::showContextMenu);
    connect(
        m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &ChecklistView::updateActions);
}

void ChecklistView::setSession(Session *session)
{
    m_editor->setSession(session);
    clear();
}

void ChecklistView::showChecklist(const QString &version, Checklist checklist)
{
    const ChecklistItem *current = currentItem();
    const QString keepKey = (version == m_editor->version() && current) ? current->key : QString();
    if (version != m_editor->version())
        m_editor->setVersion(version);
    m_model->setChecklist(std::move(checklist));
    m_tree->expandAll();
    QModelIndex target
        = keepKey.isEmpty() ? QModelIndex() : m_proxy->mapFromSource(m_model->indexForKey(keepKey));
    if (!target.isValid())
        target = firstOpenItem({});  // what is next, not the heading
    if (!target.isValid())
        target = m_proxy->index(0, 0);
    m_tree->setCurrentIndex(target);
    m_tree->scrollTo(target, QAbstractItemView::PositionAtCenter);
    emit checklistChanged();
}

QModelIndex ChecklistView::firstOpenItem(const QModelIndex &parent) const
{
    for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
        const QModelIndex index = m_proxy->index(row, 0, parent);
        if (static_cast<NodeKind>(index.data(KindRole).toInt()) == NodeKind::Item) {
            if (static_cast<ItemState>(index.data(StateRole).toInt()) == ItemState::Open
                && index.data(CheckBindingRole).toString().isEmpty())
                return index;
        } else if (const QModelIndex found = firstOpenItem(index); found.isValid()) {
            return found;
        }
    }
    return {};
}

void ChecklistView::clear()
{
    m_editor->setVersion({});
    m_model->setChecklist({});
    emit checklistChanged();
}

void ChecklistView::applySavedItem(const QString &version, const ChecklistItem &item)
{
    if (version != m_editor->version() || m_editor->isPending(item.key))
        return;  // a pending change of ours updates the model itself when its future finishes
    if (m_model->updateItem(item))
        emit checklistChanged();
}

QString ChecklistView::version() const
{
    return m_editor->version();
}

QList<QAction *> ChecklistView::itemActions() const
{
    return {m_toggle, m_fail, m_na, m_reopen, m_note};
}

QByteArray ChecklistView::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << quint8(1) << m_splitter->saveState() << m_tree->header()->saveState();
    return state;
}

void ChecklistView::restoreState(const QByteArray &state)
{
    QDataStream in(state);
    quint8 format = 0;
    QByteArray splitter;
    QByteArray header;
    in >> format >> splitter >> header;
    if (format != 1 || in.status() != QDataStream::Ok)
        return;
    m_splitter->restoreState(splitter);
    m_tree->header()->restoreState(header);
}

const ChecklistItem *ChecklistView::currentItem() const
{
    const QModelIndex current = m_tree->currentIndex();
    return current.isValid() ? m_model->itemAt(m_proxy->mapToSource(current.siblingAtColumn(0))) : nullptr;
}

void ChecklistView::updateActions()
{
    const ChecklistItem *item = currentItem();
    const bool editable = item && !m_editor->version().isEmpty();
    const bool done = item && item->state == ItemState::Done;
    m_toggle->setText(done ? tr("Mark Not &Done") : tr("Mark &Done"));
    m_toggle->setEnabled(editable && (done || item->check.isEmpty()));
    m_toggle->setToolTip(
        item ? ChecklistDelegate::bindingToolTip(m_model->indexForKey(item->key)) : QString());
    m_fail->setEnabled(editable && item->state != ItemState::Failed);
    m_na->setEnabled(editable);
    m_reopen->setEnabled(editable && item->state != ItemState::Open);
    m_note->setEnabled(editable);
    m_undo->setEnabled(m_editor->canUndo());
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    if (!item && current.isValid())
        m_details->showGroup(current.data(Qt::DisplayRole).toString(), current.data(ClosedCountRole).toInt(),
            current.data(TotalCountRole).toInt(), current.data(FailedCountRole).toInt());
    else
        m_details->showItem(item);
}

void ChecklistView::showContextMenu(const QPoint &pos)
{
    if (!currentItem())
        return;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("checklistContextMenu"));
    menu.addActions(itemActions());
    menu.addSeparator();
    menu.addAction(m_undo);
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void ChecklistView::toggle(const QModelIndex &proxyIndex)
{
    const ChecklistItem *item = proxyIndex.isValid()
        ? m_model->itemAt(m_proxy->mapToSource(proxyIndex.siblingAtColumn(0)))
        : nullptr;
    if (!item)
        return;
    const ItemState next = item->state == ItemState::Done ? ItemState::Open : ItemState::Done;
    m_editor->change(item->key, next, item->note, {});
}

void ChecklistView::markFailed()
{
    if (const ChecklistItem *item = currentItem())
        m_editor->change(item->key, ItemState::Failed, item->note, {});
}

void ChecklistView::markNotApplicable()
{
    const ChecklistItem *item = currentItem();
    if (!item)
        return;
    const QString key = item->key;
    NaReasonDialog dialog(item->text, item->naReason, this);
    if (dialog.exec() != QDialog::Accepted || dialog.reason().isEmpty())
        return;
    // The dialog ran an event loop: the item may have changed or gone meanwhile.
    if (const ChecklistItem *now = m_model->checklist().findItem(key))
        m_editor->change(now->key, ItemState::NotApplicable, now->note, dialog.reason());
}

void ChecklistView::reopen()
{
    if (const ChecklistItem *item = currentItem())
        m_editor->change(item->key, ItemState::Open, item->note, {});
}

void ChecklistView::editNote()
{
    const ChecklistItem *item = currentItem();
    if (!item)
        return;
    const QString key = item->key;
    NoteDialog dialog(item->text, item->note, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const ChecklistItem *now = m_model->checklist().findItem(key))
        m_editor->change(key, now->state, dialog.note(), now->naReason);
}

void ChecklistView::refilter()
{
    // Rows that come back through the proxy arrive collapsed.
    m_tree->expandAll();
    if (!m_tree->currentIndex().isValid())
        m_tree->setCurrentIndex(m_proxy->index(0, 0));
}

bool ChecklistView::selectItem(const QString &key)
{
    const QModelIndex source = m_model->indexForKey(key);
    if (!source.isValid())
        return false;
    QModelIndex target = m_proxy->mapFromSource(source);
    if (!target.isValid()) {  // filtered out: show everything rather than nothing
        m_filter->clear();
        m_openOnlyAction->setChecked(false);
        target = m_proxy->mapFromSource(source);
    }
    if (!target.isValid())
        return false;
    m_tree->setCurrentIndex(target);
    m_tree->scrollTo(target, QAbstractItemView::PositionAtCenter);
    m_tree->setFocus(Qt::OtherFocusReason);
    return true;
}

}  // namespace cockpit
