#pragma once
// "Why blocked?": a dock listing what keeps the shown release from its next state (what, what
// clears it, the earliest time). Enter or a double click on a blocker asks the window to open the
// tab and item that clears it (targetActivated with Blocker::target).
#include "readiness.h"

#include <QDockWidget>

class QLabel;
class QTreeView;

namespace cockpit {

class BlockerModel;

class WhyBlockedPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit WhyBlockedPanel(QWidget *parent = nullptr);

    void setReadiness(const Readiness &readiness);
    void clear();
    // Shows the dock and puts the keyboard on its first blocker.
    void reveal();

    [[nodiscard]] BlockerModel *model() const { return m_model; }
    [[nodiscard]] QTreeView *view() const { return m_view; }

signals:
    void targetActivated(const QString &target);

private:
    void activate(const QModelIndex &index);

    BlockerModel *m_model;
    QLabel *m_summary;
    QTreeView *m_view;
};

}  // namespace cockpit
