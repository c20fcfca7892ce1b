#include "problems_list.h"

#include "state_style.h"

#include <QComboBox>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QPainter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace cockpit {
namespace {

enum Role { LineRole = Qt::UserRole + 1, ColumnRole, RuleRole };

constexpr int kExpandedUpTo = 20;  // a bigger group starts collapsed

int severityRank(EditorDiagnostic::Severity s)
{
    return s == EditorDiagnostic::Severity::Error ? 0 : s == EditorDiagnostic::Severity::Warning ? 1 : 2;
}

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
    , m_ruleFilter(new QComboBox(this))
{
    setObjectName(QStringLiteral("problemsList"));
    setAccessibleName(tr("Changelog problems"));
    m_tree->setObjectName(QStringLiteral("problemsTree"));
    m_tree->setAccessibleName(tr("Changelog problems: severity, rule, line and message"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Severity"), tr("Rule"), tr("Line:Col"), tr("Message")});
    m_tree->setRootIsDecorated(true);
    m_tree->setExpandsOnDoubleClick(false);  // activation toggles a group, once
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
    m_ruleFilter->setObjectName(QStringLiteral("problemsRuleFilter"));
    m_ruleFilter->setAccessibleName(tr("Show the problems of one rule"));
    m_ruleFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_ruleFilter->addItem(tr("All rules"), QString());
    connect(m_ruleFilter, &QComboBox::currentIndexChanged, this, &ProblemsList::applyRuleFilter);
    auto *tablePage = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(2);
    tableLayout->addWidget(m_ruleFilter, 0, Qt::AlignLeft);
    tableLayout->addWidget(m_tree, 1);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(tablePage);
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
    // One group per rule: the worst severity first, then the rule whose first finding comes first.
    QMap<QString, QList<EditorDiagnostic>> byRule;
    QStringList order;
    for (const EditorDiagnostic &d : std::as_const(sorted)) {
        if (!byRule.contains(d.rule))
            order << d.rule;
        byRule[d.rule].append(d);
    }
    auto worst = [&byRule](const QString &rule) {
        int rank = 2;
        for (const EditorDiagnostic &d : byRule.value(rule))
            rank = qMin(rank, severityRank(d.severity));
        return rank;
    };
    std::stable_sort(order.begin(), order.end(),
        [&worst](const QString &a, const QString &b) { return worst(a) < worst(b); });

    const QString keptRule = m_ruleFilter->currentData().toString();
    m_tree->clear();
    m_problems.clear();
    int errors = 0;
    int warnings = 0;
    QList<QTreeWidgetItem *> groups;
    for (const QString &rule : std::as_const(order)) {
        const QList<EditorDiagnostic> &rows = byRule[rule];
        auto *group = new QTreeWidgetItem;
        const auto severity = static_cast<EditorDiagnostic::Severity>(worst(rule));
        group->setIcon(SeverityColumn, severityIcon(severity));
        group->setText(SeverityColumn, severityTitle(severity));
        group->setText(RuleColumn, rule);
        group->setText(LocationColumn, tr("%n row(s)", nullptr, int(rows.size())));
        group->setText(MessageColumn, rows.first().message);
        group->setData(0, RuleRole, rule);
        QFont bold = group->font(RuleColumn);
        bold.setBold(true);
        group->setFont(RuleColumn, bold);
        for (const EditorDiagnostic &d : rows) {
            errors += d.severity == EditorDiagnostic::Severity::Error;
            warnings += d.severity == EditorDiagnostic::Severity::Warning;
            auto *item = new QTreeWidgetItem(group);
            item->setIcon(SeverityColumn, severityIcon(d.severity));
            item->setText(SeverityColumn, severityTitle(d.severity));
            item->setText(RuleColumn, d.rule);
            item->setText(LocationColumn,
                d.column > 0 ? QStringLiteral("%1:%2").arg(d.line).arg(d.column) : QString::number(d.line));
            item->setText(MessageColumn, d.message);
            item->setToolTip(MessageColumn, d.message);
            item->setData(0, LineRole, d.line);
            item->setData(0, ColumnRole, qMax(1, d.column));
            item->setData(0, RuleRole, d.rule);
            m_problems.append(item);
        }
        groups.append(group);
    }
    m_tree->addTopLevelItems(groups);
    for (QTreeWidgetItem *group : std::as_const(groups))
        group->setExpanded(group->childCount() <= kExpandedUpTo);

    const QSignalBlocker block(m_ruleFilter);
    m_ruleFilter->clear();
    m_ruleFilter->addItem(tr("All rules"), QString());
    for (const QString &rule : std::as_const(order))
        m_ruleFilter->addItem(QStringLiteral("%1 (%2)").arg(rule).arg(byRule[rule].size()), rule);
    m_ruleFilter->setCurrentIndex(qMax(0, m_ruleFilter->findData(keptRule)));
    m_ruleFilter->setVisible(order.size() > 1 || !keptRule.isEmpty());
    applyRuleFilter();

    m_stack->setCurrentIndex(m_problems.isEmpty() ? 0 : 1);
    setFocusProxy(m_problems.isEmpty() ? nullptr : m_tree);
    emit countChanged(errors, warnings);
}

void ProblemsList::setRuleFilter(const QString &rule)
{
    m_ruleFilter->setCurrentIndex(qMax(0, m_ruleFilter->findData(rule)));
}

void ProblemsList::applyRuleFilter()
{
    const QString rule = m_ruleFilter->currentData().toString();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = m_tree->topLevelItem(i);
        const bool shown = rule.isEmpty() || group->data(0, RuleRole).toString() == rule;
        group->setHidden(!shown);
        if (shown && !rule.isEmpty())
            group->setExpanded(true);
    }
}

QTreeWidgetItem *ProblemsList::problemAt(int row) const
{
    return row >= 0 && row < m_problems.size() ? m_problems.at(row) : nullptr;
}

QTreeWidgetItem *ProblemsList::groupOf(const QString &rule) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->data(0, RuleRole).toString() == rule)
            return m_tree->topLevelItem(i);
    return nullptr;
}

void ProblemsList::setEmptyText(const QString &text)
{
    m_empty->setText(text);
}

int ProblemsList::count() const
{
    return int(m_problems.size());
}

void ProblemsList::activateRow(int row)
{
    QTreeWidgetItem *item = problemAt(row);
    if (!item)
        return;
    item->parent()->setExpanded(true);
    m_tree->setCurrentItem(item);
    onActivated(item);
}

void ProblemsList::selectNext()
{
    if (count() == 0)
        return;
    const int current = int(m_problems.indexOf(m_tree->currentItem()));
    for (int step = 1; step <= count(); ++step) {
        const int row = (current + step) % count();
        if (!m_problems.at(row)->parent()->isHidden()) {
            activateRow(row);
            return;
        }
    }
}

void ProblemsList::onActivated(QTreeWidgetItem *item)
{
    if (!item)
        return;
    if (!item->parent()) {  // a rule's group: Enter opens or closes it
        item->setExpanded(!item->isExpanded());
        return;
    }
    emit problemActivated(item->data(0, LineRole).toInt(), item->data(0, ColumnRole).toInt());
}

}  // namespace cockpit
