#pragma once
// Paints checklist rows: a state box (open empty, done green check, failed red cross, N/A grey
// dash with struck-through text), progress "3/4" on phase and section rows, local times; and turns
// a click on the state box into toggleRequested().
#include <QStyledItemDelegate>

namespace cockpit {

class ChecklistDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ChecklistDelegate(QObject *parent = nullptr);

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QString displayText(const QVariant &value, const QLocale &locale) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    // Where the state box of an item row is drawn (and clicked).
    static QRect stateBoxRect(const QRect &cell);
    // "Ticked by the automated check “soak staging”…" for a bound item, else empty.
    static QString bindingToolTip(const QModelIndex &index);

signals:
    void toggleRequested(const QModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

private:
    void paintItem(QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index) const;
    void paintGroup(QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index) const;
};

}  // namespace cockpit
