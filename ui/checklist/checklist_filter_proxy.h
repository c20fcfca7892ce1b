#pragma once
// Display filter over ChecklistModel: "open only" hides closed items (done, N/A), and a text
// filter matches an item's text, key, note or the titles above it. Phases and sections stay
// visible only while something below them does.
#include <QSortFilterProxyModel>

namespace cockpit {

class ChecklistFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ChecklistFilterProxy(QObject *parent = nullptr);

    void setOpenOnly(bool openOnly);
    [[nodiscard]] bool openOnly() const { return m_openOnly; }
    void setText(const QString &text);
    [[nodiscard]] QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    [[nodiscard]] bool textMatches(const QModelIndex &item) const;

    bool m_openOnly = false;
    QString m_text;
};

}  // namespace cockpit
