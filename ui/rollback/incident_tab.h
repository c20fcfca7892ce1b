#pragma once
// The Incidents tab: the release's rollbacks as incident records (cause, timeline of who pressed,
// each step with its output, the verification probe), the post-rollback checklist, and the deploy
// lock with Lift Lock… (a reason is required).
#include "release_tab.h"
#include "rollback.h"
#include "rollback_service.h"  // QPointer needs the complete type

#include <QPointer>

#include <memory>
#include <optional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;
class QTreeWidget;

namespace cockpit {

struct Checklist;
class RollbackService;

class IncidentTab : public ReleaseTab {
    Q_OBJECT
public:
    explicit IncidentTab(QWidget *parent = nullptr);
    ~IncidentTab() override;
    void setSession(Session *session) override;
    void showRelease(const ReleaseRecord &release) override;

    [[nodiscard]] const QList<Incident> &incidents() const { return m_incidents; }
    [[nodiscard]] QTreeWidget *incidentList() const { return m_list; }
    [[nodiscard]] QTreeWidget *timelineView() const { return m_timeline; }
    [[nodiscard]] QPushButton *liftButton() const { return m_lift; }
    [[nodiscard]] QString lockText() const;
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QString emptyText() const;
    [[nodiscard]] QString checklistText() const;

signals:
    void loaded();  // a refresh finished (successfully or not)

private:
    QWidget *buildLockStrip();
    QWidget *buildDetails();
    void scheduleReload();
    void reload();
    void showIncidents(const QList<Incident> &incidents);
    void showLock();
    void showIncident(int row);
    void showChecklist(const Checklist &checklist);
    void askLift();

    Session *m_session = nullptr;
    QPointer<RollbackService> m_rollbacks;  // the session's
    QList<QMetaObject::Connection> m_connections;
    QString m_version;
    quint64 m_generation = 0;
    QList<Incident> m_incidents;
    std::optional<DeployLock> m_lock;
    QTimer *m_reloadTimer;
    QLabel *m_title;
    QLabel *m_lockText;
    QPushButton *m_lift;
    QStackedWidget *m_pages;
    QLabel *m_empty;
    QTreeWidget *m_list;
    QLabel *m_summary;
    QTreeWidget *m_timeline;
    QLabel *m_checklist;
};

}  // namespace cockpit
