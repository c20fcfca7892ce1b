#include "checklist_delegate.h"

#include "checklist.h"
#include "checklist_model.h"
#include "item_roles.h"
#include "state_style.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

namespace cockpit {
namespace {

constexpr int kBox = 16;
constexpr int kMargin = 4;

QPalette::ColorGroup colorGroup(const QStyleOptionViewItem &opt)
{
    if (!(opt.state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return (opt.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
}

QColor textColor(const QStyleOptionViewItem &opt)
{
    const bool selected = opt.state & QStyle::State_Selected;
    return opt.palette.color(colorGroup(opt), selected ? QPalette::HighlightedText : QPalette::Text);
}

QColor mutedColor(const QStyleOptionViewItem &opt)
{
    QColor c = textColor(opt);
    c.setAlphaF(0.6F);
    return c;
}

void paintStateBox(
    QPainter *p, const QRectF &box, ItemState state, bool bound, const QStyleOptionViewItem &opt)
{
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF r = box.adjusted(0.75, 0.75, -0.75, -0.75);
    if (state == ItemState::Open) {
        QPen pen(mutedColor(opt), 1.5);
        if (bound)
            pen.setStyle(Qt::DotLine);  // ticked by a check, not by hand
        p->setPen(pen);
        p->setBrush(opt.palette.color(QPalette::Base));
        p->drawRoundedRect(r, 3, 3);
        return;
    }
    p->setPen(Qt::NoPen);
    p->setBrush(itemStateColor(state));
    p->drawRoundedRect(r, 3, 3);
    QPen mark(badgeTextColor(itemStateColor(state)), 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p->setPen(mark);
    p->setBrush(Qt::NoBrush);
    const QRectF in = r.adjusted(4, 4, -4, -4);
    if (state == ItemState::Done) {
        QPainterPath path;
        path.moveTo(in.left(), in.center().y());
        path.lineTo(in.left() + in.width() * 0.38, in.bottom());
        path.lineTo(in.right(), in.top());
        p->drawPath(path);
    } else if (state == ItemState::Failed) {
        p->drawLine(in.topLeft(), in.bottomRight());
        p->drawLine(in.topRight(), in.bottomLeft());
    } else {
        p->drawLine(QPointF(in.left(), in.center().y()), QPointF(in.right(), in.center().y()));
    }
}

QString progressText(const QModelIndex &index)
{
    return QStringLiteral("%1/%2")
        .arg(index.data(ClosedCountRole).toInt())
        .arg(index.data(TotalCountRole).toInt());
}

QString failedText(const QModelIndex &index)
{
    const int failed = index.data(FailedCountRole).toInt();
    return failed > 0 ? QObject::tr("%n failed", nullptr, failed) : QString();
}

}  // namespace

ChecklistDelegate::ChecklistDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QRect ChecklistDelegate::stateBoxRect(const QRect &cell)
{
    return {cell.left() + kMargin, cell.top() + (cell.height() - kBox) / 2, kBox, kBox};
}

QString ChecklistDelegate::bindingToolTip(const QModelIndex &index)
{
    const QString check = index.data(CheckBindingRole).toString();
    if (check.isEmpty())
        return {};
    return tr("Ticked by the automated check “%1” when it passes; it cannot be ticked by hand.").arg(check);
}

void ChecklistDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != ChecklistModel::TextColumn) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    opt.features &= ~QStyleOptionViewItem::HasCheckIndicator;  // the state box replaces it
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);  // background, selection, focus
    painter->save();
    if (static_cast<NodeKind>(index.data(KindRole).toInt()) == NodeKind::Item)
        paintItem(painter, opt, index);
    else
        paintGroup(painter, opt, index);
    painter->restore();
}

void ChecklistDelegate::paintItem(
    QPainter *p, const QStyleOptionViewItem &opt, const QModelIndex &index) const
{
    const auto state = static_cast<ItemState>(index.data(StateRole).toInt());
    const QString check = index.data(CheckBindingRole).toString();
    const QRect box = stateBoxRect(opt.rect);
    paintStateBox(p, box, state, !check.isEmpty(), opt);

    QRect textRect = opt.rect.adjusted(box.right() - opt.rect.left() + 2 * kMargin, 0, -kMargin, 0);
    QString suffix = check.isEmpty() ? QString() : tr("auto: %1").arg(check);
    const QFontMetrics fm(opt.font);
    const int suffixWidth = suffix.isEmpty() ? 0 : fm.horizontalAdvance(suffix) + 3 * kMargin;
    QFont font = opt.font;
    QColor color = textColor(opt);
    if (state == ItemState::NotApplicable) {
        font.setStrikeOut(true);
        if (!(opt.state & QStyle::State_Selected))
            color = opt.palette.color(colorGroup(opt), QPalette::PlaceholderText);
    }
    const QString text = index.data(Qt::DisplayRole).toString();
    const QString elided
        = QFontMetrics(font).elidedText(text, Qt::ElideRight, textRect.width() - suffixWidth);
    p->setFont(font);
    p->setPen(color);
    p->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, elided);
    if (!suffix.isEmpty()) {
        const int x = textRect.left() + QFontMetrics(font).horizontalAdvance(elided) + 3 * kMargin;
        p->setFont(opt.font);
        p->setPen(mutedColor(opt));
        p->drawText(QRect(x, textRect.top(), textRect.right() - x, textRect.height()),
            Qt::AlignVCenter | Qt::AlignLeft, fm.elidedText(suffix, Qt::ElideRight, textRect.right() - x));
    }
}

void ChecklistDelegate::paintGroup(
    QPainter *p, const QStyleOptionViewItem &opt, const QModelIndex &index) const
{
    QFont font = opt.font;
    font.setBold(static_cast<NodeKind>(index.data(KindRole).toInt()) == NodeKind::Phase);
    const QFontMetrics fm(font);
    const QFontMetrics plain(opt.font);
    const QString progress = progressText(index);
    const QString failed = failedText(index);
    const int tail = plain.horizontalAdvance(progress)
        + (failed.isEmpty() ? 0 : plain.horizontalAdvance(failed)) + 4 * kMargin;
    const QRect r = opt.rect.adjusted(kMargin, 0, -kMargin, 0);
    const QString title
        = fm.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, r.width() - tail);
    p->setFont(font);
    p->setPen(textColor(opt));
    p->drawText(r, Qt::AlignVCenter | Qt::AlignLeft, title);
    int x = r.left() + fm.horizontalAdvance(title) + 3 * kMargin;
    p->setFont(opt.font);
    p->setPen(mutedColor(opt));
    p->drawText(QRect(x, r.top(), r.right() - x, r.height()), Qt::AlignVCenter | Qt::AlignLeft, progress);
    if (!failed.isEmpty()) {
        x += plain.horizontalAdvance(progress) + 2 * kMargin;
        p->setPen((opt.state & QStyle::State_Selected) ? textColor(opt) : failureColor());
        p->drawText(QRect(x, r.top(), r.right() - x, r.height()), Qt::AlignVCenter | Qt::AlignLeft, failed);
    }
}

QSize ChecklistDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), kBox + 2 * kMargin + 2));
    if (index.column() == ChecklistModel::TextColumn) {
        const QFontMetrics fm(option.font);
        if (static_cast<NodeKind>(index.data(KindRole).toInt()) == NodeKind::Item) {
            size.rwidth() += 2 * kMargin;  // the base size already counts a check indicator
            const QString check = index.data(CheckBindingRole).toString();
            if (!check.isEmpty())
                size.rwidth() += fm.horizontalAdvance(tr("auto: %1").arg(check)) + 3 * kMargin;
        } else {
            size.rwidth() += fm.horizontalAdvance(progressText(index) + failedText(index)) + 6 * kMargin;
        }
    }
    return size;
}

QString ChecklistDelegate::displayText(const QVariant &value, const QLocale &locale) const
{
    if (value.metaType().id() == QMetaType::QDateTime)
        return formatLocalTime(value.toDateTime());
    return QStyledItemDelegate::displayText(value, locale);
}

bool ChecklistDelegate::helpEvent(
    QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip) {
        const QString tip = bindingToolTip(index.siblingAtColumn(ChecklistModel::TextColumn));
        if (!tip.isEmpty()) {
            QToolTip::showText(event->globalPos(), tip, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

bool ChecklistDelegate::editorEvent(
    QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease && index.column() == ChecklistModel::TextColumn
        && static_cast<NodeKind>(index.data(KindRole).toInt()) == NodeKind::Item) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton
            && stateBoxRect(option.rect).adjusted(-2, -2, 2, 2).contains(mouse->position().toPoint())) {
            emit toggleRequested(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

}  // namespace cockpit
