#include "why_blocked_panel.h"

#include "blocker_model.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace cockpit {

WhyBlockedPanel::WhyBlockedPanel(QWidget *parent)
    : QDockWidget(tr("Why Blocked?"), parent)
    , m_model(new BlockerModel(this))
    , m_summary(new QLabel(this))
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("whyBlockedPanel"));
    setAccessibleName(tr("Why blocked?"));
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 4, 6, 6);
    m_summary->setObjectName(QStringLiteral("whyBlockedSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("blockersView"));
    m_view->setAccessibleName(tr("Blockers"));
    m_view->setAccessibleDescription(tr("Enter opens the tab and item that clears the blocker"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(BlockerModel::WhatColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(BlockerModel::ClearsWhenColumn, QHeaderView::Interactive);
    m_view->header()->resizeSection(BlockerModel::ClearsWhenColumn, 320);
    m_view->header()->setSectionResizeMode(BlockerModel::EarliestColumn, QHeaderView::ResizeToContents);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    setWidget(body);
    connect(m_view, &QTreeView::activated, this, &WhyBlockedPanel::activate);
    clear();
}

void WhyBlockedPanel::setReadiness(const Readiness &r)
{
    m_model->setBlockers(r.blockers);
    const QString next = r.next ? releaseStateTitle(*r.next) : QString();
    if (!r.next)
        m_summary->setText(tr("%1 is %2: nothing moves it again.").arg(r.version, releaseStateTitle(r.state)));
    else if (!r.blocked())
        m_summary->setText(tr("Nothing blocks %1 from %2.").arg(r.version, next));
    else
        m_summary->setText(r.blockers.size() == 1
                ? tr("One thing keeps %1 from %2. Enter on it opens where it is cleared.").arg(r.version, next)
                : tr("%1 things keep %2 from %3. Enter on one opens where it is cleared.")
                      .arg(r.blockers.size()).arg(r.version, next));
    if (m_model->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0, 0));
}

void WhyBlockedPanel::clear()
{
    m_model->setBlockers({});
    m_summary->setText(tr("No release selected"));
}

void WhyBlockedPanel::reveal()
{
    show();
    raise();
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    m_view->setFocus(Qt::ShortcutFocusReason);
}

void WhyBlockedPanel::activate(const QModelIndex &index)
{
    const QString target = index.siblingAtColumn(0).data(BlockerModel::TargetRole).toString();
    if (!target.isEmpty())
        emit targetActivated(target);
}

}  // namespace cockpit
