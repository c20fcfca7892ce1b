#pragma once
// The window's left pane: the releases of the store as a compact table (version, type, state in
// its colour); the remaining columns can be shown from the header's context menu.
#include <QTableView>

namespace cockpit {

class ReleaseListModel;

class ReleaseListView : public QTableView {
    Q_OBJECT
public:
    explicit ReleaseListView(ReleaseListModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QString currentVersion() const;
    void selectVersion(const QString &version);

signals:
    void currentVersionChanged(const QString &version);  // empty: none

private:
    // The shown columns never get narrower than their widest cell (a squeezed list read "So…").
    void updateMinimumWidth();

    ReleaseListModel *m_model;
};

}  // namespace cockpit
