#pragma once
// The window's release tabs: a QTabWidget that says when its tabs change (added, removed, moved),
// so the View menu's Ctrl+1 ... Ctrl+9 always follow the tabs as they stand, including tabs added
// after the menus were built.
#include <QTabBar>
#include <QTabWidget>

namespace cockpit {

class TabWidget : public QTabWidget {
    Q_OBJECT
public:
    explicit TabWidget(QWidget *parent = nullptr)
        : QTabWidget(parent)
    {
        connect(tabBar(), &QTabBar::tabMoved, this, &TabWidget::tabsChanged);
    }

signals:
    void tabsChanged();

protected:
    void tabInserted(int index) override
    {
        QTabWidget::tabInserted(index);
        emit tabsChanged();
    }
    void tabRemoved(int index) override
    {
        QTabWidget::tabRemoved(index);
        emit tabsChanged();
    }
};

}  // namespace cockpit
