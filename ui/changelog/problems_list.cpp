#include "problems_list.h"

#include "state_style.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace cockpit {
namespace {

enum Role { LineRole = Qt::UserRole + 1, ColumnRole };

// A coloured dot like the editor's gutter mark, so the two read as the same thing.
QIcon severityIcon(EditorDiagnostic::Severity severity)
{
    QPixmap pixmap = sharpPixmap(16);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(severityColor(severity));
    painter.drawEllipse(QRectF(3, 3, 10, 10));
    return QIcon(pixmap);
}

}  // namespace

ProblemsList::ProblemsList(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_tree(new QTreeWidget(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("problemsList"));
    setAccessibleName(tr("Changelog problems"));
    m_tree->setObjectName(QStringLiteral("problemsTree"));
    m_tree->setAccessibleName(tr("Changelog problems: severity, rule, line and message"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Severity"), tr("Rule"), tr("Line:Col"), tr("Message")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(MessageColumn, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(true);
    m_empty->setObjectName(QStringLiteral("problemsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("Not loaded yet."));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tree);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    setFocusProxy(m_tree);
    connect(m_tree, &QTreeWidget::itemActivated, this, &ProblemsList::onActivated);
}

void ProblemsList::setDiagnostics(const QList<EditorDiagnostic> &diagnostics)
{
    QList<EditorDiagnostic> sorted = diagnostics;
    std::stable_sort(sorted.begin(), sorted.end(), [](const EditorDiagnostic &a, const EditorDiagnostic &b) {
        return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
    m_tree->clear();
    int errors = 0;
    int warnings = 0;
    QList<QTreeWidgetItem *> items;
    for (const EditorDiagnostic &d : sorted) {
        errors += d.severity == EditorDiagnostic::Severity::Error;
        warnings += d.severity == EditorDiagnostic::Severity::Warning;
        auto *item = new QTreeWidgetItem;
        item->setIcon(SeverityColumn, severityIcon(d.severity));
        item->setText(SeverityColumn, severityTitle(d.severity));
        item->setText(RuleColumn, d.rule);
        item->setText(LocationColumn,
            d.column > 0 ? QStringLiteral("%1:%2").arg(d.line).arg(d.column) : QString::number(d.line));
        item->setText(MessageColumn, d.message);
        item->setToolTip(MessageColumn, d.message);
        item->setData(0, LineRole, d.line);
        item->setData(0, ColumnRole, qMax(1, d.column));
        items.append(item);
    }
    m_tree->addTopLevelItems(items);
    m_stack->setCurrentWidget(items.isEmpty() ? static_cast<QWidget *>(m_empty) : m_tree);
    setFocusProxy(items.isEmpty() ? nullptr : m_tree);
    emit countChanged(errors, warnings);
}

void ProblemsList::setEmptyText(const QString &text)
{
    m_empty->setText(text);
}

int ProblemsList::count() const
{
    return m_tree->topLevelItemCount();
}

void ProblemsList::activateRow(int row)
{
    QTreeWidgetItem *item = m_tree->topLevelItem(row);
    if (!item)
        return;
    m_tree->setCurrentItem(item);
    onActivated(item);
}

void ProblemsList::selectNext()
{
    if (count() == 0)
        return;
    const int row = m_tree->currentItem() ? m_tree->indexOfTopLevelItem(m_tree->currentItem()) : -1;
    activateRow((row + 1) % count());
}

void ProblemsList::onActivated(QTreeWidgetItem *item)
{
    if (item)
        emit problemActivated(item->data(0, LineRole).toInt(), item->data(0, ColumnRole).toInt());
}

}  // namespace cockpit
